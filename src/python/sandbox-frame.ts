// One sandbox iframe: `sandbox="allow-scripts"` (opaque origin, so no storage), built from srcdoc
// with a CSP that allows only the host script (by hash) and blob: workers with no network but
// blob:. It accepts only messages whose source is its own contentWindow and pings the host so a
// silent (crashed) iframe is noticed.
import type { HostReply, HostRequest, RuntimeSource } from '../../workers/python/protocol.ts';
import { isHostReply } from './message-checks.ts';
import { bytesToBase64 } from '../core/base64.ts';

/** What a frame needs to start. */
export interface SandboxFrameConfig {
  hostSource: string;
  workerSource: string;
  files: Record<string, Blob>;
  source: RuntimeSource;
  /** Where the iframe goes (hidden); document.body by default. */
  container?: HTMLElement;
  /** Ping period and how long the host may stay silent before the frame counts as dead. */
  heartbeatMs: number;
  silenceMs: number;
  onReply: (reply: HostReply) => void;
  onDead: (reason: string) => void;
}

/** sha256 of a script, base64, as CSP wants it. */
export async function hashScript(source: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(source));
  return bytesToBase64(new Uint8Array(digest));
}

/** The iframe's CSP. 0.17 builds callable proxies with `Function`, so it needs 'unsafe-eval'. */
export function buildCsp(hostHash: string, distribution: RuntimeSource['distribution']): string {
  const evaluation = distribution === 'offline-0.17' ? "'unsafe-eval'" : "'wasm-unsafe-eval'";
  return [
    "default-src 'none'",
    `script-src 'sha256-${hostHash}' blob: ${evaluation}`,
    'worker-src blob:',
    'connect-src blob:',
  ].join('; ');
}

export class SandboxFrame {
  readonly #config: SandboxFrameConfig;
  #iframe: HTMLIFrameElement | null = null;
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #lastHeard = 0;
  #nonce = 0;
  #isDead = false;
  #readyHandlers: { resolve: () => void; reject: (error: Error) => void } | null = null;
  readonly #onMessage = (event: MessageEvent) => this.#receive(event);

  constructor(config: SandboxFrameConfig) {
    this.#config = config;
  }

  /** Creates the iframe and resolves once its host script runs and holds the runtime files. */
  async start(): Promise<void> {
    const { hostSource, source } = this.#config;
    // The script sits inline in srcdoc; "</script" inside it would end the element early.
    const inline = hostSource.replaceAll('</script', '<\\/script');
    const csp = buildCsp(await hashScript(inline), source.distribution);
    const iframe = document.createElement('iframe');
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
    iframe.srcdoc = `<!doctype html><meta http-equiv="Content-Security-Policy" content="${csp}"><script>${inline}</script>`;
    const ready = new Promise<void>((resolve, reject) => {
      this.#readyHandlers = { resolve, reject };
    });
    window.addEventListener('message', this.#onMessage);
    this.#iframe = iframe;
    (this.#config.container ?? document.body).appendChild(iframe);
    const timer = setTimeout(
      () => this.#readyHandlers?.reject(new Error('sandbox host did not start')),
      this.#config.silenceMs * 3,
    );
    try {
      await ready;
    } finally {
      clearTimeout(timer);
    }
    this.#post({
      type: 'init',
      workerSource: this.#config.workerSource,
      files: this.#config.files,
      source,
    });
    this.#lastHeard = performance.now();
    this.#heartbeat = setInterval(() => this.#beat(), this.#config.heartbeatMs);
  }

  /** Sends a request to the host (never anything secret: the target origin must be '*'). */
  send(request: HostRequest): void {
    if (!this.#isDead) this.#post(request);
  }

  /** Removes the iframe; its process and workers go with it. */
  dispose(): void {
    this.#isDead = true;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    window.removeEventListener('message', this.#onMessage);
    this.#iframe?.remove();
    this.#iframe = null;
  }

  #post(request: HostRequest): void {
    // An opaque-origin frame can only be addressed with '*'.
    this.#iframe?.contentWindow?.postMessage(request, '*');
  }

  #beat(): void {
    if (performance.now() - this.#lastHeard > this.#config.silenceMs) {
      this.#isDead = true;
      if (this.#heartbeat) clearInterval(this.#heartbeat);
      this.#config.onDead('the sandbox stopped answering');
      return;
    }
    this.#nonce += 1;
    this.#post({ type: 'ping', nonce: this.#nonce });
  }

  #receive(event: MessageEvent): void {
    if (!this.#iframe || event.source !== this.#iframe.contentWindow) return;
    if (!isHostReply(event.data)) return;
    const reply = event.data;
    this.#lastHeard = performance.now();
    if (reply.type === 'host-ready') this.#readyHandlers?.resolve();
    else if (reply.type !== 'pong') this.#config.onReply(reply);
  }
}
