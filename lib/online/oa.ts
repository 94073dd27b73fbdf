/**
 * What the open-access look-ups (unpaywall.ts, openalex.ts) share: the rule for an address a service gives as a copy
 * of a work, which the panel shows as a link and the CLI prints. The answer is untrusted: a `javascript:` or `data:`
 * address, one with credentials in it, or one on the reader's own network is dropped, never linked.
 */
import { privateHostReason } from './hosts';
import { plainText } from './text';

/** Longer addresses are not links a service means: dropped. */
export const MAX_OA_URL_CHARS = 2000;

/** An address from a service as a link the reader may follow: absolute http(s), no credentials, a public host; else null. */
export function safeOaUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_OA_URL_CHARS) return null;
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password || privateHostReason(u.hostname)) return null;
  return u.href;
}

/** A short field of a location ("publishedVersion", "repository"): plain text, at most 40 characters, else absent. */
export function shortField(raw: unknown): string | undefined {
  const t = plainText(raw);
  return t && t.length <= 40 ? t : undefined;
}
