#!/usr/bin/env node
// Tiny static file server for www/ (no dependencies).
//   CLI:    node tools/serve.mjs [root=www] [port=8000]
//   Module: const { url, close } = await startServer({ root, port: 0 });
// Binds 127.0.0.1 only, refuses paths that escape root, sends no-cache headers. With
// { gzip: true } (bench/load.mjs) text and wasm go gzip-compressed to a client that takes
// it, as any production server sends them.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.ts': 'text/plain; charset=utf-8', // wasm-bindgen's .d.ts, for reading only
  '.ico': 'image/x-icon',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...headers });
  res.end(body);
}

// Resolve a URL path to a file under root, or null when it does not exist or escapes root.
async function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed %-escape
  }
  if (rel.includes('\0')) return null;
  let file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  try {
    let st = await stat(file);
    if (st.isDirectory()) {
      file = path.join(file, 'index.html');
      st = await stat(file);
    }
    if (!st.isFile()) return null;
    // realpath catches symlinks pointing outside root as well as any ../ left over.
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    return real;
  } catch {
    return null;
  }
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.wasm', '.css', '.svg', '.txt']);

export async function startServer({ root = 'www', port = 0, host = '127.0.0.1', quiet = true, gzip = false } = {}) {
  const rootReal = await realpath(path.resolve(root));
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    const urlPath = new URL(req.url, 'http://localhost').pathname;
    const file = await resolveFile(rootReal, urlPath);
    if (!quiet) console.log(`${req.method} ${urlPath} ${file ? 200 : 404}`);
    if (!file) return send(res, 404, 'not found\n');
    const { size } = await stat(file);
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (gzip && COMPRESSIBLE.has(path.extname(file).toLowerCase()) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const body = gzipSync(await readFile(file), { level: 9 });
      res.writeHead(200, {
        'Content-Type': type, 'Content-Length': body.length, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding',
        'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff',
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host}:${server.address().port}`;
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // don't wait for keep-alive sockets held by the browser
    });
  return { url, close, server };
}

// CLI entry point (only when run directly, not when imported).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = 'www', port = process.env.PORT ?? '8000'] = process.argv.slice(2);
  const { url, close } = await startServer({ root, port: Number(port), quiet: false });
  console.log(`serving ${path.resolve(root)} on ${url}/  (Ctrl-C to stop)`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => close().then(() => process.exit(0)));
}
