/** Loading a saved page or a URL into a DOM in Node, for the audit CLI, the corpus tests and the benchmark's inputs. */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';

/** Time budget for a report in Node: jsdom runs DOM code 3–40× slower than Chromium, so the browser's budget
 * (DEFAULT_BUDGET_MS) would cut large saved pages short here. Still bounded, so no input hangs the CLI. */
export const NODE_BUDGET_MS = 30_000;

/** Larger inputs are refused rather than parsed (jsdom needs ~20× the file size in memory). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export type Loaded = { ok: true; html: string; url: string } | { ok: false; reason: string };

/** Decode bytes as a browser would for a saved page: a BOM, else valid UTF-8, else the declared charset, else windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
    const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
    try {
      return new TextDecoder(m?.[1] ?? 'windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

/** Binary files (images, archives, PDFs) have NUL bytes or few printable characters in their first kilobytes. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return !(bytes[0] === 0xff || bytes[0] === 0xfe); // UTF-16 has NULs
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return n > 0 && odd / n > 0.1;
}

export async function loadInput(input: string): Promise<Loaded> {
  if (/^https?:\/\//i.test(input)) {
    try {
      const res = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(20_000) });
      if (!res.ok) return { ok: false, reason: `${input}: the server answered ${res.status} ${res.statusText}` };
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length > MAX_INPUT_BYTES) return { ok: false, reason: `${input}: larger than ${MAX_INPUT_BYTES >> 20} MB` };
      if (looksBinary(bytes)) return { ok: false, reason: `${input}: not an HTML page (binary content)` };
      return { ok: true, html: decodeHtml(bytes), url: res.url || input };
    } catch (err) {
      return { ok: false, reason: `${input}: could not be fetched (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  const path = resolve(input);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, reason: `${input}: not a file` };
    size = st.size;
  } catch {
    return { ok: false, reason: `${input}: no such file` };
  }
  if (size > MAX_INPUT_BYTES) return { ok: false, reason: `${input}: larger than ${MAX_INPUT_BYTES >> 20} MB` };
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) return { ok: false, reason: `${input}: not an HTML page (binary content)` };
  const html = decodeHtml(bytes);
  if (!/<[a-z!]/i.test(html.slice(0, 65536))) return { ok: false, reason: `${input}: not an HTML page (no markup)` };
  return { ok: true, html, url: pathToFileURL(path).href };
}

/** A jsdom document for saved HTML: no scripts run, no resources load, console output from the page is dropped. */
export function parseHtml(html: string, url: string): JSDOM {
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole, pretendToBeVisual: false });
}
