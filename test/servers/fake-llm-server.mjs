// A local fake LLM server (node:http on 127.0.0.1, random port) speaking the OpenAI-compatible
// chat completions format and Anthropic's Messages format, streaming and not, with CORS.
//
// Replies come from a pluggable responder `(request) => reply` (see wire-replies.mjs for the
// reply shape); a FIFO of queued replies is served first. Faults are injected by a queued reply,
// by the `x-fake-fault` request header, or by a model name containing `#fault=NAME`
// (NAME: 429, 500, 529, 401, hang, drop, invalid-json, stream-error, drip). A control API
// (/__control/*) does the same from another process (e.g. for browser tests); a caller may add
// its own control routes (`controls`: name → handler, served at POST or GET /__control/NAME;
// a handler that throws answers 400 with its message).
//
// Run alone: `node test/servers/fake-llm-server.mjs [port] [latencyMs]` prints the URL.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { defaultResponder, faultReply, isStructured } from './fake-llm-responder.mjs';
import { writeAnthropic, writeOpenAi } from './wire-replies.mjs';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers':
    'authorization, content-type, x-api-key, anthropic-version, anthropic-dangerous-direct-browser-access, anthropic-beta, x-fake-fault',
  'access-control-expose-headers': 'retry-after, retry-after-ms',
  'access-control-max-age': '600',
};

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res, status, value, headers = {}) {
  res.writeHead(status, { ...CORS, 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(value));
}

/**
 * @param {{ latencyMs?: number, chunkSize?: number, chunkDelayMs?: number, responder?: Function, port?: number, controls?: Record<string, Function> }} options
 */
export async function startFakeLlmServer(options = {}) {
  let responder = options.responder ?? defaultResponder;
  const queue = [];
  const requests = [];
  const stats = { preflights: 0, chats: 0 };
  const sockets = new Set();
  const defaults = {
    latencyMs: options.latencyMs ?? 0,
    chunkSize: options.chunkSize ?? 8,
    chunkDelayMs: options.chunkDelayMs ?? 0,
  };

  const server = createServer(async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'OPTIONS') {
        stats.preflights += 1;
        res.writeHead(204, CORS);
        res.end();
        return;
      }
      if (path === '/__control/queue' && req.method === 'POST') {
        const body = JSON.parse(await readBody(req));
        queue.push(...(Array.isArray(body) ? body : [body]));
        sendJson(res, 200, { queued: queue.length });
        return;
      }
      const control = /^\/__control\/([\w-]+)$/.exec(path)?.[1];
      const handler = control !== undefined ? options.controls?.[control] : undefined;
      if (handler !== undefined && (req.method === 'POST' || req.method === 'GET')) {
        const raw = req.method === 'POST' ? await readBody(req) : '';
        let body = null;
        try {
          body = raw.trim() === '' ? null : JSON.parse(raw);
        } catch {
          sendJson(res, 400, { error: { message: 'control body is not JSON' } });
          return;
        }
        let reply;
        try {
          reply = (await handler(body, req.method)) ?? {};
        } catch (error) {
          sendJson(res, 400, { error: { message: String(error?.message ?? error) } });
          return;
        }
        sendJson(res, 200, reply);
        return;
      }
      if (path === '/__control/stats') {
        sendJson(res, 200, { ...stats, queued: queue.length });
        return;
      }
      if (path === '/__control/reset' && req.method === 'POST') {
        queue.length = 0;
        requests.length = 0;
        stats.chats = 0;
        stats.preflights = 0;
        sendJson(res, 200, {});
        return;
      }
      if (req.method === 'GET' && /\/models$/.test(path)) {
        sendJson(res, 200, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] });
        return;
      }
      const format = /\/chat\/completions$/.test(path)
        ? 'openai'
        : /\/v1\/messages$/.test(path)
          ? 'anthropic'
          : null;
      if (req.method !== 'POST' || format === null) {
        sendJson(res, 404, { error: { message: `no route ${req.method} ${path}` } });
        return;
      }
      const raw = await readBody(req);
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        sendJson(res, 400, { error: { message: 'request body is not JSON' } });
        return;
      }
      stats.chats += 1;
      const request = {
        format,
        path,
        headers: req.headers,
        body,
        stream: body.stream === true,
        structured: isStructured(format, body),
        index: requests.length,
      };
      requests.push(request);
      const headerFault = req.headers['x-fake-fault'];
      const modelFault = /#fault=([\w-]+)/.exec(String(body.model ?? ''))?.[1];
      const fault = (typeof headerFault === 'string' ? headerFault : undefined) ?? modelFault;
      const reply = queue.shift() ?? (fault ? faultReply(fault) : await responder(request));
      const write = format === 'openai' ? writeOpenAi : writeAnthropic;
      await write(res, request, { ...defaults, ...reply }, CORS);
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(error) } });
      else res.destroy();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    requests,
    stats,
    setResponder(next) {
      responder = next ?? defaultResponder;
    },
    queueReply(...replies) {
      queue.push(...replies);
    },
    close() {
      // Hanging requests never finish on their own: cut their sockets.
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.argv[2] ?? 0);
  const latencyMs = Number(process.argv[3] ?? 0);
  const server = await startFakeLlmServer({ port, latencyMs });
  console.log(server.url);
}
