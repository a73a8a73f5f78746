// The slice of web-llm's MLCEngineInterface the adapter calls. Tests implement it with a fake;
// the app gets a WebWorkerMLCEngine talking to workers/llm/webllm.worker.ts.
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  InitProgressReport,
} from '@mlc-ai/web-llm';

export interface WebLlmEngine {
  reload(modelId: string): Promise<void>;
  chat: {
    completions: {
      create(
        request: ChatCompletionRequest,
      ): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>>;
    };
  };
  interruptGenerate(): void;
  unload(): Promise<void>;
}

export interface EngineFactoryOptions {
  onProgress: (report: InitProgressReport) => void;
}

/** Builds a fresh engine; called again after a lost device. */
export type EngineFactory = (options: EngineFactoryOptions) => WebLlmEngine | Promise<WebLlmEngine>;
