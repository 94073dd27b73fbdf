/**
 * Fake online services on 127.0.0.1 (node:http), answering in the documented shapes: Crossref `works/{doi}` and
 * `works?query.bibliographic=`, the Wayback availability API, and cited sites (200, 301 to the home page, 404, 410,
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

export interface FakeServices {
  base: string;
  crossrefBase: string;
  waybackBase: string;
  requests: FakeRequest[];
  /** Records by lower-cased DOI; the search answers with the records whose title shares the most words with the query. */
  works: Map<string, CrossrefRecord>;
  /** Wayback snapshots by original address (absent: no snapshot). */
  snapshots: Map<string, { url: string; timestamp: string; status?: string }>;
  mode: { crossref: Mode; wayback: Mode };
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
    mode: { crossref: 'normal' as Mode, wayback: 'normal' as Mode },
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
    close: async () => {
      for (const r of open) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
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
