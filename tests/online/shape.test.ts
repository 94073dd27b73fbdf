/** The CLI's `online` field shape (issue 24), mapped from lib/online/check.ts' results. */
import { describe, expect, it } from 'vitest';
import { entryOnlineJson } from '../../lib/online/shape';
import type { EntryOnline } from '../../lib/online/types';

describe('entryOnlineJson', () => {
  it('keeps the issue fields, drops empty ones, and joins the errors', () => {
    const r: EntryOnline = {
      checkedAt: 1,
      doi: { value: '10.1/a', status: 'resolved', title: 'T', authors: [], year: 2001, agrees: false, score: 0.3 },
      retraction: { status: 'corrected', updates: [{ type: 'erratum' }], date: '2004' },
      links: [
        { url: 'https://a.example/x', status: 'moved', code: 200, finalUrl: 'https://a.example/', softNotFound: true, dead: false },
        { url: 'http://10.0.0.1/', status: 'skipped', reason: 'private address: private (RFC 1918)', dead: false },
      ],
      errors: ['Crossref: HTTP 500', 'Wayback Machine: timeout'],
    };
    expect(entryOnlineJson(r)).toEqual({
      doi: { value: '10.1/a', status: 'resolved', title: 'T', year: 2001, agrees: false, score: 0.3 },
      retraction: { status: 'corrected', date: '2004', updates: [{ type: 'erratum' }] },
      links: [
        { url: 'https://a.example/x', status: 'moved', code: 200, finalUrl: 'https://a.example/', softNotFound: true, dead: false },
        { url: 'http://10.0.0.1/', status: 'unreachable', skipped: true, reason: 'private address: private (RFC 1918)', dead: false },
      ],
      error: 'Crossref: HTTP 500; Wayback Machine: timeout',
    });
  });

  it('an entry with nothing checked maps to {}; a match keeps doi, title, score and the record fields given', () => {
    expect(entryOnlineJson({ checkedAt: 1 })).toEqual({});
    expect(entryOnlineJson({ checkedAt: 1, match: { doi: '10.1/b', title: 'B', score: 0.9, year: 2010 } })).toEqual({ match: { doi: '10.1/b', title: 'B', score: 0.9, year: 2010 } });
  });
});
