/** Page keys: the same article under different tracking links is one page. */

/**
 * Query parameters that only track where a click came from. Sources: Google Analytics campaign parameters (utm_*),
 * Facebook (fbclid), Google Ads (gclid, dclid, gbraid, wbraid), Microsoft Ads (msclkid), Mailchimp (mc_cid, mc_eid),
 * Instagram (igshid), Twitter/X (ref_src, ref_url, twclid), Yandex (yclid), HubSpot (_hsenc, _hsmi), Marketo (mkt_tok),
 * Google Analytics linker (_ga, _gl), Vero (vero_id), Olytics (oly_anon_id, oly_enc_id), YouTube/Spotify share (si).
 * The same list as Firefox's query-stripping defaults plus the utm family.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'ref_src', 'ref_url', 'twclid',
  'yclid', '_hsenc', '_hsmi', 'mkt_tok', '_ga', '_gl', 'vero_id', 'oly_anon_id', 'oly_enc_id', 'si',
]);
const TRACKING_PREFIX = 'utm_';

/**
 * The page key: no fragment, no tracking parameters, remaining parameters sorted, host lower-cased, default port
 * dropped (the URL parser does those two). Anything that is not an http(s) URL is returned trimmed, unchanged.
 */
export function normalizeUrl(input: string): string {
  const raw = input.trim();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return raw;
  url.hash = '';
  const kept = [...url.searchParams.entries()].filter(([k]) => {
    const key = k.toLowerCase();
    return !key.startsWith(TRACKING_PREFIX) && !TRACKING_PARAMS.has(key);
  });
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return url.toString();
}

/** Host without a leading "www.", or "" for URLs without a host. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
