// A test-only HTTP server for hostile-data.test.mjs and injection.test.mjs: serves www/
// from disk like tools/serve.mjs, plus routes a static server cannot answer — a 500, HTML
// where JSON was asked for, a request that never gets an answer, hostile datasets made in
// the test. Same origin as the page, so the host page's CSP (connect-src 'self') allows it.
import { createServer } from 'node:http';
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { REPO } from './helpers.mjs';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * routes: { '/path': handler } where handler is (req, res) => void, or
 * { status = 200, type = 'application/json', body } (body a string, Buffer or function
 * returning one), or 'hang' (the request is read and never answered).
 * Resolves to { url, close, hits } — hits counts requests per route path.
 */
export async function startHostileServer(routes = {}) {
  const root = await realpath(path.join(REPO, 'www'));
  const sockets = new Set();
  const hits = {};
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const p = url.pathname;
    const route = routes[p];
    if (route !== undefined) {
      hits[p] = (hits[p] ?? 0) + 1;
      if (route === 'hang') return; // never answered; close() destroys the socket
      if (typeof route === 'function') return route(req, res);
      const body = typeof route.body === 'function' ? route.body() : route.body ?? '';
      res.writeHead(route.status ?? 200, { 'Content-Type': route.type ?? 'application/json', 'Cache-Control': 'no-store' });
      return res.end(body);
    }
    let rel;
    try {
      rel = decodeURIComponent(p);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
    if (file.endsWith(path.sep) || file === root) file = path.join(file, 'index.html');
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    try {
      const data = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(data);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = () => new Promise((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  return { url: `http://127.0.0.1:${server.address().port}`, close, hits };
}
