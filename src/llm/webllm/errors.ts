// WebLLM signals failures with its own error classes and WebGPU messages; the app sees LlmError kinds.
import { LlmError } from '../types.ts';

export const DEVICE_LOST_MESSAGE =
  'The GPU device was lost (often the model ran out of GPU memory or the driver reset). The engine will be rebuilt on the next call; a smaller model or an f16 variant may help.';
export const OUT_OF_MEMORY_MESSAGE =
  'The GPU ran out of memory for this model. Choose a smaller model, close other GPU-heavy tabs, or use an API key.';

/** Kinds after which the engine must be thrown away and rebuilt. */
export function needsRebuild(error: LlmError): boolean {
  return error.kind === 'device-lost' || error.kind === 'out-of-memory';
}

/** Maps anything WebLLM throws to an LlmError with a message the user can act on. */
export function toLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const text = `${name} ${message}`;
  if (/out of memory|OutOfMemory|\bOOM\b|allocation failed|Failed to allocate/i.test(text)) {
    return new LlmError('out-of-memory', OUT_OF_MEMORY_MESSAGE, { cause: error });
  }
  if (/DeviceLost|device (was |is )?lost/i.test(text)) {
    return new LlmError('device-lost', DEVICE_LOST_MESSAGE, { cause: error });
  }
  if (/ContextWindowSizeExceeded|context window|exceeds? .*context/i.test(text)) {
    return new LlmError(
      'context-length',
      `The prompt is longer than the model's context window: ${message}`,
      {
        cause: error,
      },
    );
  }
  if (/WebGPUNotAvailable|WebGPUNotFound|ShaderF16|FeatureSupport|WebGPU/i.test(text)) {
    return new LlmError('unsupported', `WebGPU cannot run this model: ${message}`, {
      cause: error,
    });
  }
  if (/AbortError|aborted/i.test(text))
    return new LlmError('aborted', 'The call was aborted.', { cause: error });
  // Cache.add() fails for any non-2xx answer, so a missing file and a dropped connection look alike.
  if (/fetch|network|Request failed|'add' on 'Cache'|404|status/i.test(text)) {
    return new LlmError(
      'network',
      `Downloading the model failed (a file is missing on the server or the connection dropped): ${message}. If it keeps failing, delete the model from the cache and retry.`,
      { cause: error },
    );
  }
  return new LlmError('bad-request', `WebLLM failed: ${message}`, { cause: error });
}
