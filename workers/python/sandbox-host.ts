// The script of the sandbox iframe (opaque origin, CSP by hash). It turns the page's Blobs into
// blob: URLs, starts blob: workers, and relays messages. It stamps the worker id on every reply
// so a worker cannot speak for another; the page still validates every payload.
import { bytecodeBuffers } from './bytecode.ts';
import type {
  BootBytecode,
  HostReply,
  HostRequest,
  RuntimeSource,
  WorkerReply,
} from './protocol.ts';

// This script runs on the iframe's main thread, but the workers' tsconfig has no DOM types.
interface HostWindow {
  parent: { postMessage(message: unknown, targetOrigin: string, transfer?: Transferable[]): void };
  addEventListener(type: 'message', listener: (event: MessageEvent<HostRequest>) => void): void;
}
const host = globalThis as unknown as HostWindow;
const workers = new Map<number, Worker>();
let workerUrl: string | null = null;
let fileUrls: Record<string, string> = {};
let source: RuntimeSource | null = null;

function reply(message: HostReply, transfer: Transferable[] = []): void {
  // The parent's origin is the app's, but an opaque-origin frame cannot name it: '*' is required,
  // which is why the page never sends anything secret in here.
  host.parent.postMessage(message, '*', transfer);
}

function transferablesOf(message: WorkerReply): Transferable[] {
  if (message?.type === 'booted') return bytecodeBuffers(message.bytecode);
  if (message?.type !== 'render-result') return [];
  const png = (message.result as { png?: unknown })?.png;
  return png instanceof Uint8Array && png.byteOffset === 0 ? [png.buffer as ArrayBuffer] : [];
}

function spawn(workerId: number, boot: BootBytecode): void {
  if (!workerUrl || !source) return;
  const worker = new Worker(workerUrl);
  workers.set(workerId, worker);
  worker.onmessage = (event: MessageEvent<WorkerReply>) => {
    try {
      reply({ type: 'from-worker', workerId, message: event.data }, transferablesOf(event.data));
    } catch {
      // A forged, uncloneable or detached payload: drop it.
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    reply({ type: 'worker-crashed', workerId, message: event.message || 'worker error' });
  };
  // The page keeps its own copy of the bytecode for later workers: this one is transferred.
  const bytecode = boot.bytecode ?? null;
  worker.postMessage(
    { type: 'boot', source, files: fileUrls, bytecode, harvest: boot.harvest === true },
    bytecodeBuffers(bytecode),
  );
}

function init(request: Extract<HostRequest, { type: 'init' }>): void {
  if (workerUrl) URL.revokeObjectURL(workerUrl);
  Object.values(fileUrls).forEach((url) => URL.revokeObjectURL(url));
  workerUrl = URL.createObjectURL(new Blob([request.workerSource], { type: 'text/javascript' }));
  fileUrls = Object.fromEntries(
    Object.entries(request.files).map(([url, blob]) => [url, URL.createObjectURL(blob)]),
  );
  source = request.source;
}

host.addEventListener('message', (event: MessageEvent<HostRequest>) => {
  if (event.source !== host.parent) return;
  const request = event.data;
  if (request.type === 'init') init(request);
  else if (request.type === 'spawn') spawn(request.workerId, request);
  else if (request.type === 'kill') {
    workers.get(request.workerId)?.terminate();
    workers.delete(request.workerId);
  } else if (request.type === 'to-worker')
    workers.get(request.workerId)?.postMessage(request.message);
  else if (request.type === 'ping') reply({ type: 'pong', nonce: request.nonce });
});

reply({ type: 'host-ready' });
