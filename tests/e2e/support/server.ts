/**
 * A tiny static server on 127.0.0.1 (random port) for the end-to-end tests: the shared seed article, our demo pages
 * and the test fixtures. Nothing else is reachable, so any other request a test sees left the machine.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The repository root (tests/e2e/support → ../../..). */
export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** URL path → file. The seed article lives in the shared corpus next to the repository. */
export const PAGES: Record<string, string> = {
  '/seed-article.html': path.resolve(ROOT, 'tests/corpus/seed-article/source.html'),
  '/news-article.html': path.resolve(ROOT, 'demo/news-article.html'),
  '/wiki-article.html': path.resolve(ROOT, 'demo/wiki-article.html'),
  '/hostile.html': path.resolve(ROOT, 'tests/e2e/fixtures/hostile.html'),
  '/not-article.html': path.resolve(ROOT, 'tests/e2e/fixtures/not-article.html'),
};

export interface PageServer {
  origin: string;
  url(page: string): string;
  close(): Promise<void>;
}

/** `pages`: extra URL paths served from memory (HTML text built by a test). */
export async function startServer(pages: Record<string, string> = {}): Promise<PageServer> {
  const server: Server = createServer(async (req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname in pages) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(pages[pathname]);
      return;
    }
    const file = PAGES[pathname];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(await readFile(file));
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (page) => `${origin}${page}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
