// Hosts the WebLLM engine. WebLLM speaks its own postMessage protocol with WebWorkerMLCEngine,
// so this worker is not wrapped in comlink and has nothing else to do.
import { WebWorkerMLCEngineHandler } from '@mlc-ai/web-llm';

const handler = new WebWorkerMLCEngineHandler();
self.onmessage = (event: MessageEvent) => handler.onmessage(event);
