import { describe, expect, it } from 'vitest';
import { resolve } from '../../lib/extract/entries';

/** resolve() returns some absolute addresses without parsing them: it must give what the URL parser gives. */
describe('resolve', () => {
  const base = 'https://en.wikipedia.org/wiki/Page';
  const hrefs = [
    'https://example.org/a/b', 'http://example.org/', 'https://doi.org/10.1000/xyz(1)', 'https://a.b.c/x?y=1&z=2#frag',
    "https://example.org/it's", "https://example.org/?q=it's", 'https://example.org/a/./b', 'https://example.org/a/../b',
    'https://example.org/.well-known/x', 'https://EXAMPLE.org/', 'HTTPS://example.org/', 'https://example.org',
    'https://127.0.0.1/', 'https://1.2.3.4/x', 'https://0x7f.1/', 'https://example.123/', 'https://xn--nxasmq6b.com/',
    'https://xn--a.com/', 'https://example.org:443/', 'https://example.org:8080/', 'https://user@example.org/',
    'https://example.org/a b', 'https://example.org/a%2eb', 'https://example.org/a%2E%2E/b', 'https://example.org/a\\b',
    'https://example.org/a|b', 'https://example.org/a{b}', 'https://example.org/a"b', 'https://example.org/a`b',
    'https://example.org/#a b', 'https://example.org/?a b', 'https://example.org/?a#b#c', 'https://ex_ample.org/',
    'https://-a-.org/', 'https://a..b/', 'https://example.org./', 'https:///example.org/', 'https://example.org/é',
    'http://example.org/~user/a;b=c:d@e!f$g&h(i)j*k+l,m', ' https://example.org/', 'https://example.org/\t',
    'https://localhost/', 'https://a/b/c/..', 'https://a/b/c/.', 'https://example.org/a?b/../c', 'https://example.org/a#/../c',
  ];
  it('gives the URL parser\'s answer', () => {
    for (const h of hrefs) {
      let want: string | null;
      try {
        want = new URL(h, base).href;
      } catch {
        want = null;
      }
      let got: string | null;
      try {
        got = resolve(h, base);
      } catch {
        got = null;
      }
      expect(got, h).toBe(want);
      // Without a page address the absolute ones still resolve alone.
      if (want !== null && /^\s*https?:/i.test(h)) expect(resolve(h, ''), h).toBe(want);
    }
  });
});
