/**
 * The injection corpus of the hardening suite (issue #6): text that would run, load, or break a format if any part of
 * Citelens treated it as markup or let it end a field. Every payload that could run calls `__canary(<name>)` or
 * `alert(<name>)`, so an end-to-end test can count executions by listening for both.
 */

export interface Payload {
  /** Short name, also the argument the payload passes to `__canary`/`alert`. */
  name: string;
  text: string;
}

/** Runs in a browser if parsed as HTML (or followed as a URL). */
const js = (name: string) => `__canary('${name}');alert('${name}')`;

export const PAYLOADS: Payload[] = [
  { name: 'script', text: `<script>${js('script')}</script>` },
  { name: 'img-onerror', text: `<img src=x onerror="${js('img-onerror')}">` },
  { name: 'svg-onload', text: `<svg onload="${js('svg-onload')}"><circle r="1"/></svg>` },
  { name: 'svg-script', text: `<svg><script>${js('svg-script')}</script></svg>` },
  { name: 'javascript-url', text: `javascript:${js('javascript-url')}` },
  { name: 'a-javascript', text: `<a href="javascript:${js('a-javascript')}">click</a>` },
  { name: 'data-url', text: `data:text/html,<script>${js('data-url')}</script>` },
  { name: 'iframe-srcdoc', text: `<iframe srcdoc="<script>parent.${js('iframe-srcdoc')}</script>"></iframe>` },
  { name: 'css-expression', text: `<div style="width: expression(${js('css-expression')})">x</div>` },
  { name: 'style-import', text: `<style>@import url(http://evil.invalid/x.css); body{background:url("javascript:${js('style-import')}")}</style>` },
  { name: 'broken-markup', text: `<<img src=x onerror=${js('broken-markup')}//<` },
  { name: 'close-textarea', text: `</textarea><img src=x onerror="${js('close-textarea')}">` },
  { name: 'close-script', text: `</script><script>${js('close-script')}</script>` },
  { name: 'close-title', text: `</title><img src=x onerror="${js('close-title')}">` },
  { name: 'attr-breakout', text: `" autofocus onfocus="${js('attr-breakout')}" x="` },
  { name: 'bibtex-brace', text: `}, title = {evil}}\n@misc{injected, title={x}}` },
  { name: 'bibtex-comment', text: `@comment{ } @article{injected2, title = {x} }` },
  { name: 'bibtex-tex', text: `\\input{/etc/passwd} \\write18{rm -rf /} $\\backslash$ %comment` },
  { name: 'ris-newline', text: `Title\nTY  - JOUR\nTI  - injected\nER  - ` },
  { name: 'ris-crlf', text: `Title\r\nER  - \r\n\r\nTY  - JOUR\r\nTI  - injected` },
  { name: 'ris-unicode-lines', text: `Title\u2028TY  - JOUR\u2029ER  - \u0085TY  - BOOK` },
  { name: 'md-js-link', text: `[x](javascript:${js('md-js-link')})` },
  { name: 'md-image', text: `![](http://evil.invalid/pixel.png)` },
  { name: 'md-ref-link', text: `[click][1]\n\n[1]: javascript:${js('md-ref-link')}` },
  { name: 'md-autolink', text: `<javascript:${js('md-autolink')}>` },
  { name: 'md-heading', text: `\n# Injected heading\n---\ntitle: injected` },
  { name: 'bidi', text: `Invoice \u202Egpj.exe\u202C and \u2066isolate\u2069 \u200F` },
  { name: 'nul-controls', text: `nul\u0000bell\u0007esc\u001b[31m` },
  { name: 'json-breakout', text: `"}]},{"format":"injected` },
];

/** The 1 MB string, kept apart: it is tried where size matters, not in every browser place. */
export const HUGE: Payload = { name: 'huge', text: `${'A'.repeat(512 * 1024)}<script>${js('huge')}</script>${'B'.repeat(512 * 1024)}` };

export const ALL_PAYLOADS: Payload[] = [...PAYLOADS, HUGE];

/** Does an output contain the payload's text (possibly escaped), i.e. was it kept rather than dropped? */
export function visibleWords(text: string): string[] {
  return (text.match(/[A-Za-z]{4,}/g) ?? []).slice(0, 3);
}
