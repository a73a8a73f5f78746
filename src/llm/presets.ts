// Known OpenAI-compatible endpoints: base URL, whether a key is needed, capability hints and notes.
// Hints are starting points; "test connection" measures what a given model really accepts.
import type { ProviderCapabilities } from './types.ts';

export type PresetId =
  'openai' | 'openrouter' | 'groq' | 'together' | 'ollama' | 'llama-cpp' | 'vllm' | 'custom';

export interface Preset {
  id: PresetId;
  label: string;
  /** Empty for 'custom': the user types it. */
  baseUrl: string;
  needsKey: boolean;
  /** Runs on the user's machine (no key, no cost, CORS set by the user). */
  local: boolean;
  capabilities: ProviderCapabilities;
  notes: string;
}

const hosted = (
  structured: ProviderCapabilities['structured'],
  maxConcurrency: number,
): ProviderCapabilities => ({
  streaming: true,
  structured,
  // Vision depends on the model, not the endpoint: unknown until "test connection" tries an image.
  vision: false,
  seed: true,
  maxConcurrency,
  contextTokens: null,
});

export const PRESETS: readonly Preset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    needsKey: true,
    local: false,
    capabilities: hosted('json-schema', 8),
    notes:
      'Allows browser calls (CORS). Structured outputs need a gpt-4o-2024-08-06 or later model.',
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    needsKey: true,
    local: false,
    capabilities: hosted('json-schema', 8),
    notes:
      'Allows browser calls. json_schema support depends on the routed model; seed is passed on where the upstream supports it.',
  },
  {
    id: 'groq',
    label: 'Groq',
    baseUrl: 'https://api.groq.com/openai/v1',
    needsKey: true,
    local: false,
    capabilities: hosted('json-schema', 4),
    notes:
      'Low rate limits on free keys: expect 429 with Retry-After. json_schema on supported models only.',
  },
  {
    id: 'together',
    label: 'Together',
    baseUrl: 'https://api.together.xyz/v1',
    needsKey: true,
    local: false,
    capabilities: hosted('json-schema', 8),
    notes: 'Allows browser calls. Structured output on a subset of models.',
  },
  {
    id: 'ollama',
    label: 'Ollama',
    baseUrl: 'http://localhost:11434/v1',
    needsKey: false,
    local: true,
    capabilities: hosted('json-schema', 1),
    notes:
      'Start it with OLLAMA_ORIGINS set to this page\'s origin (e.g. OLLAMA_ORIGINS="https://example.org" ollama serve), else the browser refuses the reply. Chrome may ask for local network access.',
  },
  {
    id: 'llama-cpp',
    label: 'llama.cpp server',
    baseUrl: 'http://localhost:8080/v1',
    needsKey: false,
    local: true,
    capabilities: hosted('json-schema', 1),
    notes:
      'llama-server answers CORS by default. Parallel slots (--parallel N) allow more concurrency.',
  },
  {
    id: 'vllm',
    label: 'vLLM',
    baseUrl: 'http://localhost:8000/v1',
    needsKey: false,
    local: true,
    capabilities: hosted('json-schema', 8),
    notes:
      'Start with --allowed-origins for this page. A key is only needed when started with --api-key.',
  },
  {
    id: 'custom',
    label: 'Custom',
    baseUrl: '',
    needsKey: false,
    local: false,
    capabilities: hosted('prompt', 1),
    notes:
      'Any OpenAI-compatible /chat/completions endpoint. It must allow this origin (CORS) and the Authorization header.',
  },
];

export function getPreset(id: PresetId): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (preset === undefined) throw new Error(`unknown preset ${id}`);
  return preset;
}

/**
 * The template-backed demo LLM (src/llm/demo): not an HTTP endpoint, offered beside the presets
 * so a person can run the CIT pipeline offline, with no key and no cost.
 */
export const DEMO_PRESET = {
  id: 'demo',
  label: 'Demo (no LLM)',
  notes:
    'Answers the CIT pipeline from the template recipe: plausible charts, questions and ' +
    'verified answers with no model, no key and no network. For trying the app out.',
} as const;
