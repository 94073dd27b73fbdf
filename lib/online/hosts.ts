/**
 * The private-address guard (issue 24): a cited address on a loopback, private or link-local network is never fetched,
 * so a hostile page cannot make Citelens probe the reader's own network. Hosts are judged the way the URL parser reads
 * them: WHATWG URL turns `0x7f.1`, `2130706433` and `0177.0.0.1` into 127.0.0.1, and parseIPv4 below does the same for
 * raw host strings. A name that resolves to a private address (DNS rebinding) is caught only where the caller can
 * resolve names (the CLI passes `lookup`); the browser cannot, so the panel relies on the host-name rules.
 */

export interface HostGuardOptions {
  /** Lift the guard (CITELENS_ALLOW_PRIVATE_HOSTS=1, for tests against fake sites on 127.0.0.1 only). */
  allowPrivate?: boolean;
  /** Exact host names fetched although private (tests: the fake sites on 127.0.0.1, and nothing else). */
  allowHosts?: readonly string[];
}

export type HostVerdict = { ok: true; url: URL } | { ok: false; reason: string };

/** IPv4 ranges that are never fetched: [first octets as a 32-bit number, prefix length, name]. */
const PRIVATE_V4: ReadonlyArray<[number, number, string]> = [
  [ipv4(0, 0, 0, 0), 8, '"this network" (RFC 1122), includes 0.0.0.0'],
  [ipv4(10, 0, 0, 0), 8, 'private (RFC 1918)'],
  [ipv4(100, 64, 0, 0), 10, 'shared carrier-grade NAT space (RFC 6598)'],
  [ipv4(127, 0, 0, 0), 8, 'loopback (RFC 1122)'],
  [ipv4(169, 254, 0, 0), 16, 'link-local (RFC 3927), includes cloud metadata 169.254.169.254'],
  [ipv4(172, 16, 0, 0), 12, 'private (RFC 1918)'],
  [ipv4(192, 168, 0, 0), 16, 'private (RFC 1918)'],
  [ipv4(224, 0, 0, 0), 4, 'multicast (RFC 5771)'],
  [ipv4(240, 0, 0, 0), 4, 'reserved and broadcast (RFC 1112, RFC 919)'],
];

/** Host names that name the local machine or network rather than a public site. */
const LOCAL_NAME_SUFFIXES: ReadonlyArray<string> = [
  'localhost', // RFC 6761 §6.3: localhost and *.localhost are loopback
  'local', // RFC 6762: multicast DNS names on the local link
  'home.arpa', // RFC 8375: home networks
  'internal', // ICANN 2024 reservation for private use
];

function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** One IPv4 part as the WHATWG URL parser reads it: 0x… hex, a leading 0 octal, else decimal. */
function ipv4Part(s: string): number | null {
  if (s === '') return null;
  if (/^0x[0-9a-f]*$/i.test(s)) return s.length === 2 ? 0 : parseInt(s.slice(2), 16);
  if (/^0[0-7]+$/.test(s)) return parseInt(s.slice(1), 8);
  if (/^\d+$/.test(s)) return parseInt(s, 10);
  return null;
}

/** The 32-bit value of an IPv4 host in any form the URL parser accepts (1–4 parts, hex, octal), or null. */
export function parseIPv4(host: string): number | null {
  const parts = host.replace(/\.$/, '').split('.');
  if (parts.length > 4) return null;
  const nums = parts.map(ipv4Part);
  if (nums.some((n) => n === null)) return null;
  const values = nums as number[];
  const last = values[values.length - 1];
  if (values.slice(0, -1).some((n) => n > 255) || last >= 2 ** (8 * (5 - values.length))) return null;
  let v = last;
  for (let i = 0; i < values.length - 1; i++) v += values[i] * 2 ** (8 * (3 - i));
  return v >>> 0;
}

/** The eight 16-bit groups of an IPv6 address (brackets allowed, embedded IPv4 tail allowed), or null. */
export function parseIPv6(host: string): number[] | null {
  let h = host.replace(/^\[|\]$/g, '').toLowerCase();
  const zone = h.indexOf('%');
  if (zone >= 0) h = h.slice(0, zone);
  if (!h.includes(':')) return null;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (v4) {
    // An embedded dotted-quad tail (::ffff:127.0.0.1) becomes two hex groups.
    if (v4[1].split('.').some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
    const n = parseIPv4(v4[1])!;
    h = h.slice(0, -v4[1].length) + (n >>> 16).toString(16) + ':' + (n & 0xffff).toString(16);
  }
  const halves = h.split('::');
  if (halves.length > 2) return null;
  const read = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = read(halves[0]);
  const rest = halves.length === 2 ? read(halves[1]) : [];
  if ([...head, ...rest].some(Number.isNaN)) return null;
  const fill = 8 - head.length - rest.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  return [...head, ...new Array(halves.length === 2 ? fill : 0).fill(0), ...rest];
}

function v4Reason(n: number): string | null {
  for (const [base, bits, name] of PRIVATE_V4) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((n & mask) >>> 0 === base) return name;
  }
  return null;
}

function v6Reason(g: number[]): string | null {
  const zeroPrefix = (k: number) => g.slice(0, k).every((x) => x === 0);
  if (zeroPrefix(8)) return 'unspecified (::)';
  if (zeroPrefix(7) && g[7] === 1) return 'loopback (::1)';
  const embedded = ((g[6] << 16) | g[7]) >>> 0;
  // IPv4-mapped (::ffff:a.b.c.d, RFC 4291 §2.5.5.2), IPv4-compatible (::a.b.c.d, deprecated), NAT64 (64:ff9b::/96, RFC 6052).
  if ((zeroPrefix(5) && g[5] === 0xffff) || zeroPrefix(6) || (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))) {
    const r = v4Reason(embedded);
    return r ? `IPv4 inside IPv6: ${r}` : null;
  }
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique local (fc00::/7, RFC 4193)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local (fec0::/10, deprecated)';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast (ff00::/8)';
  return null;
}

/** Why a host (as URL.hostname gives it, or raw) is private, loopback or link-local; null when it is public. */
export function privateHostReason(rawHost: string): string | null {
  const host = rawHost.trim().toLowerCase().replace(/\.$/, '');
  if (host === '') return 'empty host';
  const g = parseIPv6(host);
  if (g) return v6Reason(g);
  if (host.startsWith('[')) return 'malformed IPv6 address';
  const n = parseIPv4(host);
  if (n !== null) return v4Reason(n);
  for (const suffix of LOCAL_NAME_SUFFIXES) if (host === suffix || host.endsWith('.' + suffix)) return `local name (.${suffix})`;
  // A single-label name ("router", "intranet") is completed from the machine's search domains: a local host.
  if (!host.includes('.')) return 'single-label name (resolved on the local network)';
  return null;
}

/** Whether a cited address may be fetched: absolute http(s), no credentials in it, and not a private host. */
export function checkFetchable(raw: string, options: HostGuardOptions = {}): HostVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `not http(s) (${url.protocol})` };
  if (url.username || url.password) return { ok: false, reason: 'credentials in the address' };
  if (options.allowPrivate || options.allowHosts?.includes(url.hostname)) return { ok: true, url };
  const reason = privateHostReason(url.hostname);
  return reason ? { ok: false, reason: `private address: ${reason}` } : { ok: true, url };
}

/**
 * The same check after name resolution, where the caller can resolve (Node's dns.lookup with `all: true`): every
 * address the name resolves to must be public.
 */
export async function checkResolved(
  url: URL,
  lookup: ((host: string) => Promise<string[]>) | undefined,
  options: HostGuardOptions = {},
): Promise<HostVerdict> {
  if (options.allowPrivate || !lookup || parseIPv4(url.hostname) !== null || parseIPv6(url.hostname)) return { ok: true, url };
  let addresses: string[];
  try {
    addresses = await lookup(url.hostname);
  } catch {
    return { ok: true, url }; // the fetch itself will fail and report "unreachable"
  }
  for (const a of addresses) {
    const reason = privateHostReason(a);
    if (reason) return { ok: false, reason: `resolves to a private address: ${reason}` };
  }
  return { ok: true, url };
}
