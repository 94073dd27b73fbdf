/**
 * The Wayback Machine's availability API (https://archive.org/help/wayback_api.php):
 * `GET https://archive.org/wayback/available?url=…&timestamp=YYYYMMDDhhmmss` answers
 * `{ archived_snapshots: { closest: { available, url, timestamp, status } } }`, the snapshot nearest the timestamp,
 * or `{ archived_snapshots: {} }` when there is none. The snapshot address is shown as a link only when it is an
 * http(s) address on archive.org.
 */
import { getJson, type OnlineClient } from './http';

export const DEFAULT_WAYBACK_API = 'https://archive.org/wayback/available';
/** Hosts a snapshot address may be on (web.archive.org, and archive.org itself). */
const ARCHIVE_HOST = /(^|\.)archive\.org$/i;

export type Snapshot = { url: string; timestamp: string };
export type SnapshotAnswer = { ok: true; snapshot: Snapshot | null } | { ok: false; error: string };

/** "2019-05-01T…" or a Date's ms as the API's YYYYMMDD; undefined when unreadable. */
export function waybackTimestamp(date: string | number | undefined): string | undefined {
  if (date === undefined) return undefined;
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

/** A snapshot's address when it is safe to link: https/http, on archive.org, no credentials. */
export function safeSnapshotUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || !ARCHIVE_HOST.test(u.hostname)) return null;
  // Snapshots are served over https; an http address from the API is upgraded.
  u.protocol = 'https:';
  return u.href;
}

/** The archived copy of `url` nearest `timestamp` (the article's date), if the archive has one that was a 2xx page. */
export async function findSnapshot(client: OnlineClient, url: string, timestamp?: string, base: string = DEFAULT_WAYBACK_API): Promise<SnapshotAnswer> {
  const query = `${base}?url=${encodeURIComponent(url)}${timestamp ? `&timestamp=${encodeURIComponent(timestamp)}` : ''}`;
  const answer = await getJson(client, 'wayback', query, 'Wayback Machine');
  if (!answer.ok) return { ok: false, error: answer.error };
  const snapshots = (answer.json as { archived_snapshots?: unknown } | null)?.archived_snapshots;
  if (!snapshots || typeof snapshots !== 'object') return { ok: false, error: 'Wayback Machine: the answer has no archived_snapshots' };
  const closest = (snapshots as { closest?: Record<string, unknown> }).closest;
  if (!closest || closest.available !== true) return { ok: true, snapshot: null };
  const status = String(closest.status ?? '200');
  if (!/^2\d\d$/.test(status)) return { ok: true, snapshot: null };
  const safe = safeSnapshotUrl(closest.url);
  if (!safe) return { ok: false, error: 'Wayback Machine: the snapshot address is not an archive.org link' };
  const ts = typeof closest.timestamp === 'string' && /^\d{4,14}$/.test(closest.timestamp) ? closest.timestamp : '';
  return { ok: true, snapshot: { url: safe, timestamp: ts } };
}
