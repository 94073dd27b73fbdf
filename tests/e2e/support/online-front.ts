/**
 * Fake online services behind the real service host names, for the end-to-end tests of "Check online": a TLS front
 * (a certificate made for the run with openssl) that passes api.crossref.org/works… to the fakes' /crossref/works…,
 * api.unpaywall.org/v2/… to /unpaywall/v2/…, api.openalex.org/works/… to /openalex/works/… and archive.org/wayback…
 * as it is, and an HTTP proxy (for Firefox) that tunnels those hosts to the front and sends
 * the cited site to the fakes. Chromium reaches them through --host-resolver-rules, Firefox through its proxy prefs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttps } from 'node:https';
import { createServer as createHttp, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { record, startFakeServices, type FakeServices } from '../../online/fake-services';

/** The cited site, a name the guard does not take for a local one (it is mapped to the fakes' port). */
export const CITED = 'cited-site.test';

/** An article whose four references are one retracted DOI, one dead cited page, one unlinked work the registry has,
 * and one unlinked report it has not. */
export const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Seabirds and the sources behind them</title>
<meta property="og:type" content="article"></head><body><main><article>
<h1>Seabirds and the sources behind them</h1>
${Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of a long article about seabird migration, vaccine scares and how reporters cite their sources. Arctic terns fly from pole to pole every year, and the studies that measured it are cited below, together with an older paper that was later retracted and a report that is no longer online.</p>`).join('\n')}
<h2>References</h2>
<ol class="references">
<li>Wakefield A, Murch S (1998). Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children. Lancet. doi:10.5555/retracted</li>
<li>Harbour Office (2019). <a href="http://${CITED}/gone-404">A vanished report on harbour seabirds</a>.</li>
<li>Egevang C, Stenhouse IJ (2010). Seasonal migration of the arctic tern across the Atlantic. PNAS.</li>
<li>Northern Seabird Trust (2021). Annual colony count, printed edition.</li>
</ol></article></main></body></html>`;


/** The service hosts the front answers for, and the fakes' path prefix for each ('' = the path as it is). */
const SERVICE_PREFIX: Record<string, string> = { 'api.crossref.org': '/crossref', 'api.unpaywall.org': '/unpaywall', 'api.openalex.org': '/openalex', 'archive.org': '' };
const SERVICE_HOSTS = Object.keys(SERVICE_PREFIX);
/** The open-access copy Unpaywall knows of the retracted paper (a repository's copy of the accepted manuscript). */
export const OA_COPY = 'https://europepmc.org/articles/pmc1234567?pdf=render';

export interface OnlineFront {
  svc: FakeServices;
  tlsPort: number;
  proxyPort: number;
  fakePort: number;
  /** Chromium switches that send the service hosts and the cited site to the fakes. */
  chromiumArgs: string[];
  /** Firefox prefs that do the same through the proxy. */
  firefoxPrefs: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/** The fakes with the article's registry records and archived copy, behind the front and the proxy. */
export async function startOnlineFront(): Promise<OnlineFront> {
  const svc = await startFakeServices();
  svc.works.set(
    '10.5555/retracted',
    record('10.5555/retracted', 'Ileal-lymphoid-nodular hyperplasia and pervasive developmental disorder in children', ['Wakefield', 'Murch'], 1998, {
      'updated-by': [{ DOI: '10.5555/notice', type: 'retraction', label: 'Retraction', source: 'retraction-watch', updated: { 'date-parts': [[2010, 2, 6]] } }],
    }),
  );
  svc.works.set('10.5555/tern', record('10.5555/tern', 'Seasonal migration of the arctic tern across the Atlantic', ['Egevang', 'Stenhouse'], 2010));
  svc.oa.set('10.5555/retracted', { pdf: OA_COPY, version: 'acceptedVersion', hostType: 'repository' });
  svc.snapshots.set(`http://${CITED}/gone-404`, { url: `https://web.archive.org/web/20190501000000/http://${CITED}/gone-404`, timestamp: '20190501000000' });
  const fakePort = Number(new URL(svc.base).port);

  const certDir = mkdtempSync(path.join(os.tmpdir(), 'citelens-tls-'));
  const key = path.join(certDir, 'key.pem');
  const cert = path.join(certDir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=api.crossref.org'], { stdio: 'ignore' });
  /** One request passed to the fakes, at `target` (a path on them). */
  const pass = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, target: string) => {
    const upstream = request(`${svc.base}${target}`, { method: req.method, headers: { ...req.headers, host: '127.0.0.1' } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  };
  const front = createHttps({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    pass(req, res, `${SERVICE_PREFIX[host] ?? ''}${req.url ?? '/'}`);
  });
  const tlsPort = await listen(front);
  // The proxy: CONNECT to a service host goes to the front; a plain request for the cited site goes to the fakes;
  // anything else is refused, so nothing leaves the machine.
  const proxy = createHttp((req, res) => {
    const u = new URL(req.url ?? '/', 'http://invalid');
    if (u.hostname !== CITED) return void res.writeHead(502).end();
    pass(req, res, `${u.pathname}${u.search}`);
  });
  proxy.on('connect', (req, socket) => {
    const [host] = (req.url ?? '').split(':');
    if (!SERVICE_HOSTS.includes(host)) return void socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    const tunnel = connect(tlsPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      tunnel.pipe(socket);
      socket.pipe(tunnel);
    });
    tunnel.on('error', () => socket.destroy());
    socket.on('error', () => tunnel.destroy());
  });
  const proxyPort = await listen(proxy);

  const rules = [...SERVICE_HOSTS.map((h) => `MAP ${h}:443 127.0.0.1:${tlsPort}`), `MAP ${CITED}:80 127.0.0.1:${fakePort}`, 'EXCLUDE 127.0.0.1'].join(', ');
  const close = (server: Server) => new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
  return {
    svc,
    tlsPort,
    proxyPort,
    fakePort,
    chromiumArgs: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      // The test pages on 127.0.0.1 stay direct.
      'network.proxy.no_proxies_on': '127.0.0.1, localhost',
      'network.proxy.allow_hijacking_localhost': false,
    },
    async close() {
      await close(proxy);
      await close(front);
      await svc.close();
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
