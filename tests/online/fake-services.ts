/**
 * Fake online services on 127.0.0.1 (node:http), answering in the documented shapes: Crossref `works/{doi}` and
 * `works?query.bibliographic=`, the Wayback availability API, Unpaywall's `/v2/{doi}?email=`, OpenAlex's
 * `/works/doi:{doi}?api_key=`, and cited sites (200, 301 to the home page, 404, 410,
 * 500, a hang, a redirect loop). Modes make a service slow, rate-limited, broken, malformed or huge. Every request is
 * logged, so a test can say what was sent and that nothing was.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Mode = 'normal' | 'slow' | '429' | '429-long' | '500' | 'garbage' | 'huge' | 'not-object' | 'hostile';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export interface CrossrefRecord {
  DOI: string;
  title: string[];
  author?: Array<{ given?: string; family?: string; name?: string }>;
  issued?: { 'date-parts': number[][] };
  'container-title'?: string[];
  type?: string;
  'updated-by'?: unknown[];
}

/**
 * What Unpaywall and OpenAlex know of a DOI: its best open-access location (`null`: known, not open access). Addresses
 * are as the service would send them, so a test can give a hostile one.
 */
export interface OaRecord {
  pdf?: string;
  landing?: string;
  version?: string;
  hostType?: string;
}

export interface FakeServices {
  base: string;
  crossrefBase: string;
  waybackBase: string;
  /** Unpaywall's `https://api.unpaywall.org/v2` on the fakes. */
  unpaywallBase: string;
  /** OpenAlex's `https://api.openalex.org` on the fakes. */
  openalexBase: string;
  requests: FakeRequest[];
  /** Records by lower-cased DOI; the search answers with the records whose title shares the most words with the query. */
  works: Map<string, CrossrefRecord>;
  /** Wayback snapshots by original address (absent: no snapshot). */
  snapshots: Map<string, { url: string; timestamp: string; status?: string }>;
  /** Open-access records by lower-cased DOI, for Unpaywall and OpenAlex alike (absent: 404, the DOI is unknown). */
  oa: Map<string, OaRecord | null>;
  mode: { crossref: Mode; wayback: Mode; unpaywall: Mode; openalex: Mode };
  /** Answers 429 this many times before answering normally (Retry-After: 0). */
  rateLimitFirst: number;
  /** Milliseconds every answer waits before it is given (a network's round trip, for bench/online.ts). */
  latencyMs: number;
  close(): Promise<void>;
}

const HUGE = 3 * 1024 * 1024;

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

export async function startFakeServices(): Promise<FakeServices> {
  const open = new Set<ServerResponse>();
  const state = {
    requests: [] as FakeRequest[],
    works: new Map<string, CrossrefRecord>(),
    snapshots: new Map<string, { url: string; timestamp: string; status?: string }>(),
    oa: new Map<string, OaRecord | null>(),
    mode: { crossref: 'normal' as Mode, wayback: 'normal' as Mode, unpaywall: 'normal' as Mode, openalex: 'normal' as Mode },
    rateLimitFirst: 0,
    latencyMs: 0,
  };

  function misbehave(res: ServerResponse, mode: Mode): boolean {
    switch (mode) {
      case 'slow':
        open.add(res); // never answered; closed at the end
        return true;
      case '429':
        json(res, 429, { status: 'error' }, { 'retry-after': '0' });
        return true;
      case '429-long':
        json(res, 429, { status: 'error' }, { 'retry-after': '3600' });
        return true;
      case '500':
        json(res, 500, { status: 'error', message: 'Internal Server Error' });
        return true;
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ok","message":{"DOI":"10.1/x",,, <html>');
        return true;
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/json' });
        // Streamed without a content-length, so the client has to count.
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const push = () => {
          while (sent < HUGE) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', push);
          }
          res.end();
        };
        res.on('error', () => {});
        push();
        return true;
      }
      case 'not-object':
        json(res, 200, [1, 2, 3]);
        return true;
      default:
        return false;
    }
  }

  const server = createServer((req, res) => {
    if (state.latencyMs > 0) setTimeout(() => handle(req, res), state.latencyMs);
    else handle(req, res);
  });

  function handle(req: IncomingMessage, res: ServerResponse): unknown {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    state.requests.push({ method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers });
    const p = u.pathname;

    if (p.startsWith('/crossref/')) {
      if (state.rateLimitFirst > 0) {
        state.rateLimitFirst--;
        return json(res, 429, { status: 'error' }, { 'retry-after': '0' });
      }
      if (misbehave(res, state.mode.crossref)) return;
      const rateHeaders = { 'x-rate-limit-limit': '50', 'x-rate-limit-interval': '1s' };
      if (p.startsWith('/crossref/works/')) {
        const doi = decodeURIComponent(p.slice('/crossref/works/'.length)).toLowerCase();
        const rec = state.works.get(doi);
        if (!rec) return json(res, 404, 'Resource not found.');
        return json(res, 200, { status: 'ok', 'message-type': 'work', message: rec }, rateHeaders);
      }
      if (p === '/crossref/works') {
        const q = words(u.searchParams.get('query.bibliographic') ?? '');
        const rows = Number(u.searchParams.get('rows') ?? 20);
        const scored = [...state.works.values()]
          .map((w) => ({ w, n: [...words(w.title.join(' '))].filter((x) => q.has(x)).length }))
          .filter((x) => x.n > 0)
          .sort((a, b) => b.n - a.n)
          .slice(0, rows)
          .map((x) => x.w);
        return json(res, 200, { status: 'ok', 'message-type': 'work-list', message: { 'total-results': scored.length, items: scored } }, rateHeaders);
      }
      return json(res, 404, 'Resource not found.');
    }

    if (p.startsWith('/unpaywall/v2/')) {
      if (misbehave(res, state.mode.unpaywall)) return;
      // https://unpaywall.org/products/api: the address is required; 422 without a valid one.
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(u.searchParams.get('email') ?? '')) {
        return json(res, 422, { HTTP_status_code: 422, error: true, message: 'Please use a valid email address in the email parameter.' });
      }
      const doi = decodeURIComponent(p.slice('/unpaywall/v2/'.length)).toLowerCase();
      if (!state.oa.has(doi)) return json(res, 404, { HTTP_status_code: 404, error: true, message: `'${doi}' is not a valid doi. See https://support.unpaywall.org/` });
      return json(res, 200, unpaywallRecord(doi, state.mode.unpaywall === 'hostile' ? HOSTILE_OA : state.oa.get(doi)!));
    }

    if (p.startsWith('/openalex/works/doi:')) {
      if (misbehave(res, state.mode.openalex)) return;
      if (!u.searchParams.get('api_key')) return json(res, 401, { error: 'API key required', message: 'Add api_key to your request.' });
      const doi = decodeURIComponent(p.slice('/openalex/works/doi:'.length)).toLowerCase();
      if (!state.oa.has(doi)) return json(res, 404, { error: 'Not Found', message: `Work doi:${doi} not found` });
      return json(res, 200, openalexRecord(doi, state.mode.openalex === 'hostile' ? HOSTILE_OA : state.oa.get(doi)!));
    }

    if (p === '/wayback/available') {
      if (misbehave(res, state.mode.wayback)) return;
      const target = u.searchParams.get('url') ?? '';
      const snap = state.snapshots.get(target);
      if (!snap) return json(res, 200, { url: target, archived_snapshots: {} });
      return json(res, 200, { url: target, archived_snapshots: { closest: { status: snap.status ?? '200', available: true, url: snap.url, timestamp: snap.timestamp } } });
    }

    // Cited sites.
    switch (p) {
      case '/':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<h1>Home</h1>');
      case '/ok':
      case '/ok/':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<p>An article</p>');
      case '/no-head':
        // Servers that refuse HEAD: the checker must ask again with GET.
        res.writeHead(req.method === 'HEAD' ? 405 : 200, { 'content-type': 'text/html' });
        return res.end(req.method === 'HEAD' ? '' : '<p>GET works</p>');
      case '/moved-home':
        res.writeHead(301, { location: '/' });
        return res.end();
      case '/moved-page':
        res.writeHead(301, { location: '/ok' });
        return res.end();
      case '/slash':
        res.writeHead(301, { location: '/ok/' });
        return res.end();
      case '/gone-404':
        res.writeHead(404);
        return res.end('not found');
      case '/gone-410':
        res.writeHead(410);
        return res.end('gone');
      case '/error-500':
        res.writeHead(500);
        return res.end('oops');
      case '/forbidden':
        res.writeHead(403);
        return res.end('bots keep out');
      case '/hang':
        open.add(res);
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        return res.end();
      case '/to-private':
        res.writeHead(302, { location: 'http://10.0.0.1/admin' });
        return res.end();
      default:
        res.writeHead(404);
        return res.end();
    }
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return Object.assign(state, {
    base,
    crossrefBase: `${base}/crossref`,
    waybackBase: `${base}/wayback/available`,
    unpaywallBase: `${base}/unpaywall/v2`,
    openalexBase: `${base}/openalex`,
    close: async () => {
      for (const r of open) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** What the 'hostile' mode of Unpaywall and OpenAlex gives as every address of a location. */
const HOSTILE_OA: OaRecord = { pdf: 'javascript:alert(1)', landing: 'data:text/html,<script>alert(1)</script>', version: '<script>alert(1)</script>' };

/** An Unpaywall DOI object (https://unpaywall.org/data-format): `url` is the PDF when there is one, else the landing page. */
export function unpaywallRecord(doi: string, rec: OaRecord | null): Record<string, unknown> {
  const loc = rec && {
    endpoint_id: null,
    evidence: 'oa repository (via OAI-PMH doi match)',
    host_type: rec.hostType ?? 'repository',
    is_best: true,
    license: 'cc-by',
    oa_date: '2019-05-01',
    pmh_id: null,
    updated: '2026-11-01T00:00:00.000000',
    url: rec.pdf ?? rec.landing ?? null,
    url_for_landing_page: rec.landing ?? null,
    url_for_pdf: rec.pdf ?? null,
    version: rec.version ?? 'acceptedVersion',
  };
  return {
    doi,
    doi_url: `https://doi.org/${doi}`,
    title: 'A work',
    genre: 'journal-article',
    is_paratext: false,
    is_oa: rec !== null,
    oa_status: rec ? 'green' : 'closed',
    has_repository_copy: rec !== null,
    best_oa_location: loc,
    first_oa_location: loc,
    oa_locations: loc ? [loc] : [],
    oa_locations_embargoed: [],
    data_standard: 2,
    journal_name: 'Journal of Tests',
    publisher: 'Test Press',
    year: 2010,
    z_authors: [{ given: 'A', family: 'Author' }],
  };
}

/** An OpenAlex Work with the fields Citelens selects (https://developers.openalex.org/api-reference/works/get-a-single-work). */
export function openalexRecord(doi: string, rec: OaRecord | null): Record<string, unknown> {
  return {
    id: 'https://openalex.org/W2741809807',
    doi: `https://doi.org/${doi}`,
    open_access: { is_oa: rec !== null, oa_status: rec ? 'green' : 'closed', oa_url: rec ? (rec.pdf ?? rec.landing ?? null) : null, any_repository_has_fulltext: rec !== null },
    best_oa_location: rec && {
      is_oa: true,
      landing_page_url: rec.landing ?? null,
      pdf_url: rec.pdf ?? null,
      source: { id: 'https://openalex.org/S4306400806', display_name: 'A repository', type: rec.hostType ?? 'repository' },
      license: 'cc-by',
      version: rec.version ?? 'acceptedVersion',
      is_accepted: true,
      is_published: false,
    },
  };
}

/** A Crossref record in the documented shape. */
export function record(doi: string, title: string, families: string[], year: number, extra: Partial<CrossrefRecord> = {}): CrossrefRecord {
  return {
    DOI: doi,
    title: [title],
    author: families.map((family, i) => ({ given: String.fromCharCode(65 + i), family })),
    issued: { 'date-parts': [[year, 3, 14]] },
    'container-title': ['Journal of Tests'],
    type: 'journal-article',
    ...extra,
  };
}
