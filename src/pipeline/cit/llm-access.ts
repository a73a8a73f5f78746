// The pipeline's access to LLMs: one metered provider per role, each call recorded (llmCalls) and
// summarised on the item (ItemCall), with the run's spending for the cost meter. Errors that no
// retry can fix for this run (budget, key refused, a storm of rate limits) pause the run.
import type { ItemCall } from '../../core/cit/item-state.ts';
import type { CitRecipeSettings, CitRole } from '../../core/cit/recipe.ts';
import type { CallRecord } from '../../llm/usage/call-record.ts';
import { withMetering } from '../../llm/usage/metered-provider.ts';
import type { UsageMeter } from '../../llm/usage/meter.ts';
import { LlmError, type ChatRequest, type LlmProvider } from '../../llm/types.ts';
import { PauseRunError, type CitLlm, type CostMeter } from './types.ts';

export interface CitLlmOptions {
  runId: string;
  /** The provider serving each role (null: the role is not assigned). */
  providers: Record<CitRole, LlmProvider | null>;
  roles: CitRecipeSettings['roles'];
  /** Prices and the budget cap left for this run. */
  meter: UsageMeter;
  /** Stores one call's provenance (llmCalls) under the given id. */
  record?: (record: CallRecord & { id: string }) => Promise<void>;
  /** Spending of the run before this session (resumed runs), added to the meter's figures. */
  previous?: CostMeter;
  newId?: () => string;
}

/** Errors that stop the run rather than the item. */
function pauseReason(error: LlmError, role: CitRole): string | null {
  switch (error.kind) {
    case 'budget':
      return error.message;
    case 'auth':
      return `The ${role} provider refused the API key (${error.message}). Check it in Settings, then resume.`;
    case 'rate-limit':
    case 'overloaded':
      return `The ${role} provider keeps refusing requests (${error.kind}) after retries. Resume later.`;
    case 'device-lost':
    case 'out-of-memory':
      return `The ${role} model stopped (${error.kind}: ${error.message}). Reload the model, then resume.`;
    default:
      return null;
  }
}

export function createCitLlm(options: CitLlmOptions): CitLlm {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const previous = options.previous ?? { usd: 0, promptTokens: 0, completionTokens: 0, calls: 0 };
  return {
    hasVision: (role) => options.providers[role]?.describe().capabilities.vision ?? false,
    usage: () => {
      const total = options.meter.totals().total;
      return {
        usd: (previous.usd ?? 0) + total.costUsd,
        promptTokens: previous.promptTokens + total.promptTokens,
        completionTokens: previous.completionTokens + total.completionTokens,
        calls: previous.calls + total.calls,
      };
    },
    async chat(role, request, meta, signal) {
      const provider = options.providers[role];
      if (!provider)
        throw new PauseRunError(
          `No provider serves the ${role} role. Assign one in Settings, then resume.`,
        );
      const sampling = options.roles[role];
      const full: ChatRequest = {
        temperature: sampling.temperature,
        topP: sampling.topP,
        maxTokens: sampling.maxTokens,
        ...request,
      };
      const id = newId();
      let captured: CallRecord | null = null;
      const metered = withMetering(provider, {
        meter: options.meter,
        runId: options.runId,
        itemId: meta.itemId,
        onRecord: async (record) => {
          captured = record;
          await options.record?.({ ...record, id });
        },
      });
      try {
        const result = await metered.chat(full, { signal });
        const record = captured as CallRecord | null;
        const call: ItemCall = {
          task: meta.task,
          callId: options.record ? id : null,
          promptHash: record?.promptHash ?? '',
          model: result.model || provider.describe().model,
          promptTokens: result.usage.promptTokens,
          completionTokens: result.usage.completionTokens,
          costUsd: record?.costUsd ?? null,
        };
        return { text: result.text, call };
      } catch (error) {
        if (error instanceof LlmError) {
          const reason = pauseReason(error, role);
          if (reason) throw new PauseRunError(reason);
        }
        throw error;
      }
    },
  };
}
