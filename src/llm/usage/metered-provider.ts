// Wraps a provider so every call is checked against the budget, counted in the meter and
// recorded for provenance through the injected `onRecord`. Put it outside the traffic layer:
// one record per logical call, retries included.
import type { ChatRequest, ChatResult, LlmProvider } from '../types.ts';
import { LlmError } from '../types.ts';
import { type CallRecord, describeParameters, hashRequest } from './call-record.ts';
import { estimateTokens } from '../token-estimate.ts';
import { estimateRequestPromptTokens } from './estimate.ts';
import type { UsageMeter } from './meter.ts';

export interface MeterOptions {
  meter: UsageMeter;
  /** Stores the record (e.g. in IndexedDB); awaited, so a failing store fails the call. */
  onRecord?: (record: CallRecord) => void | Promise<void>;
  runId?: string | null;
  itemId?: string | null;
  /** Wall-clock ms, for the start time and the latency of failed calls. */
  now?: () => number;
}

export interface MeteredProvider extends LlmProvider {
  /** The same provider, recording calls as serving another item. */
  forItem(itemId: string | null): MeteredProvider;
}

/** Backends that report no usage still count, estimated and marked so. */
function withUsage(result: ChatResult, request: ChatRequest): ChatResult {
  const { promptTokens, completionTokens } = result.usage;
  if (promptTokens > 0 || completionTokens > 0) return result;
  return {
    ...result,
    usage: {
      promptTokens: estimateRequestPromptTokens(request),
      completionTokens: estimateTokens(result.text),
      estimated: true,
    },
  };
}

export function withMetering(provider: LlmProvider, options: MeterOptions): MeteredProvider {
  const now = options.now ?? Date.now;
  const { meter } = options;

  async function chat(request: ChatRequest, chatOptions?: Parameters<LlmProvider['chat']>[1]) {
    const description = provider.describe();
    const hold = meter.hold(description.model, request);
    const started = now();
    const base = {
      startedAt: new Date(started).toISOString(),
      runId: options.runId ?? null,
      itemId: options.itemId ?? null,
      provider: description.name,
      parameters: describeParameters(request),
      seed: request.seed ?? null,
    };
    const promptHash = hashRequest(request);
    let record: CallRecord;
    let outcome: { result: ChatResult } | { error: unknown };
    try {
      const result = withUsage(await provider.chat(request, chatOptions), request);
      const { promptTokens, completionTokens } = result.usage;
      record = {
        ...base,
        model: result.model || description.model,
        promptHash: await promptHash,
        reply: result.text,
        finishReason: result.finishReason,
        usage: result.usage,
        costUsd: meter.costOf(result.model || description.model, promptTokens, completionTokens),
        latencyMs: result.latencyMs,
        error: null,
      };
      outcome = { result };
    } catch (error) {
      record = {
        ...base,
        model: description.model,
        promptHash: await promptHash,
        reply: null,
        finishReason: null,
        usage: null,
        costUsd: null,
        latencyMs: now() - started,
        error: {
          kind: error instanceof LlmError ? error.kind : 'unexpected',
          message: error instanceof Error ? error.message : String(error),
        },
      };
      outcome = { error };
    } finally {
      hold.release();
    }
    meter.add(record);
    await options.onRecord?.(record);
    if ('error' in outcome) throw outcome.error;
    return outcome.result;
  }

  return {
    describe: () => provider.describe(),
    load: (onProgress, signal) => provider.load(onProgress, signal),
    unload: () => provider.unload(),
    chat,
    forItem: (itemId) => withMetering(provider, { ...options, itemId }),
  };
}
