// Two local servers for the e2e suite: the built app, and a "bystander" on another port that
// must never receive anything. Both log every request they get.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const MIME = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.map': 'application/json',
};

/** Serves `root` on 127.0.0.1 (random port); `log` collects "METHOD url" of every request. */
export async function startStaticServer(root) {
  const log = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'public, max-age=3600',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    log,
    close: () => new Promise((r) => server.close(r)),
  };
}

/** A server that answers everything with 200 and records it (any entry is a leak). */
export async function startBystanderServer() {
  const log = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url} origin=${req.headers.origin ?? '-'}`);
    res
      .writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain' })
      .end('ok');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    log,
    close: () => new Promise((r) => server.close(r)),
  };
}
