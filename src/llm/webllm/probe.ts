// Checks the device before any download: WebLLM fetches config and wasm before it checks the GPU,
// so a user without WebGPU would otherwise wait for megabytes to learn it cannot run.
import { CODE_DEFAULT_ORDER, SEVEN_B_BUDGET_MB, listCatalog } from './catalog.ts';
import type { ModelRecord } from '@mlc-ai/web-llm';

/** The parts of `navigator` the probe reads (injected so tests can fake every device). */
export interface ProbeNavigator {
  gpu?: { requestAdapter(options?: { powerPreference?: string }): Promise<ProbeAdapter | null> };
  storage?: { estimate(): Promise<{ quota?: number; usage?: number }> };
  /** GB of RAM, capped at 8 by browsers (Chromium only). */
  deviceMemory?: number;
}

export interface ProbeAdapter {
  features: { has(name: string): boolean };
  limits: {
    maxStorageBufferBindingSize: number;
    maxBufferSize: number;
    maxComputeWorkgroupStorageSize: number;
  };
  info?: { vendor?: string; architecture?: string; isFallbackAdapter?: boolean };
  /** Older Chromium put the flag on the adapter itself. */
  isFallbackAdapter?: boolean;
}

export interface ProbeModel {
  id: string;
  family: string;
  sizeGb: number;
  vramMb: number;
  fits: boolean;
  why: string;
}

export interface ProbeResult {
  ok: boolean;
  reasons: string[];
  adapter: {
    vendor: string;
    architecture: string;
    isFallback: boolean;
    hasF16: boolean;
    limits: Record<string, number>;
  } | null;
  recommended: string | null;
  models: ProbeModel[];
}

export interface ProbeOptions {
  /** VRAM the user says the GPU has; WebGPU does not expose it, so otherwise it is guessed. */
  vramBudgetMb?: number;
  modelList?: readonly ModelRecord[];
}

export const MIN_STORAGE_BINDING = 128 * 1024 * 1024;
/** A software adapter runs shaders on the CPU: only models this small answer in minutes, not hours. */
export const SOFTWARE_MAX_VRAM_MB = 1200;
const DEFAULT_BUDGET_MB = 4096;
const GB = 1e9;

export const NO_WEBGPU =
  'This browser has no WebGPU (navigator.gpu is missing). Use a recent Chrome or Edge, or an API key.';
export const NO_ADAPTER =
  'WebGPU is present but no GPU adapter is available (blocklisted driver, disabled hardware acceleration, or a headless browser). Use an API key, or enable WebGPU for this GPU.';
export const SOFTWARE_ADAPTER =
  'The only adapter is a software (CPU) fallback: only the tiniest models are offered and they will be very slow. An API key is the practical choice here.';
export const NO_F16 =
  'The GPU lacks shader-f16: q4f32 model variants are used (larger VRAM need than q4f16).';

/** Probes WebGPU, the adapter, features, limits, VRAM budget and storage, and picks models. */
export async function probeWebGpu(
  nav: ProbeNavigator = globalThis.navigator as unknown as ProbeNavigator,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const reasons: string[] = [];
  if (!nav?.gpu)
    return { ok: false, reasons: [NO_WEBGPU], adapter: null, recommended: null, models: [] };
  let adapter: ProbeAdapter | null = null;
  try {
    adapter = await nav.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (error) {
    reasons.push(
      `requestAdapter failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!adapter) {
    return {
      ok: false,
      reasons: [...reasons, NO_ADAPTER],
      adapter: null,
      recommended: null,
      models: [],
    };
  }

  const info = adapter.info ?? {};
  const isFallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  const hasF16 = adapter.features.has('shader-f16');
  const vendor = info.vendor ?? '';
  const limits = {
    maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
    maxBufferSize: adapter.limits.maxBufferSize,
    maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
  };
  if (isFallback) reasons.push(SOFTWARE_ADAPTER);
  if (!hasF16) reasons.push(NO_F16);
  // The same rule as web-llm's example app: small bindings or mobile vendors get low-resource models.
  const lowResourceOnly =
    limits.maxStorageBufferBindingSize < MIN_STORAGE_BINDING || /qualcomm|arm/i.test(vendor);
  if (lowResourceOnly) {
    reasons.push(
      `maxStorageBufferBindingSize is ${Math.round(limits.maxStorageBufferBindingSize / 2 ** 20)} MB (or a mobile GPU): only low-resource models are offered.`,
    );
  }

  const budgetMb = options.vramBudgetMb ?? guessBudgetMb(nav.deviceMemory);
  if (options.vramBudgetMb === undefined) {
    reasons.push(`VRAM is not exposed by WebGPU; assuming a budget of ${budgetMb} MB.`);
  }
  const freeBytes = await estimateFreeBytes(nav, reasons);

  const models: ProbeModel[] = listCatalog(hasF16, options.modelList).map((entry) => {
    const base = { id: entry.id, family: entry.family, sizeGb: entry.sizeGb, vramMb: entry.vramMb };
    if (isFallback && entry.vramMb > SOFTWARE_MAX_VRAM_MB) {
      return { ...base, fits: false, why: 'too large for a software adapter' };
    }
    if (lowResourceOnly && !entry.lowResource) {
      return { ...base, fits: false, why: 'needs a storage-buffer binding above 128 MB' };
    }
    if (entry.vramMb > budgetMb) {
      return { ...base, fits: false, why: `needs ${entry.vramMb} MB VRAM, budget ${budgetMb} MB` };
    }
    if (freeBytes !== null && entry.sizeGb * GB > freeBytes) {
      return {
        ...base,
        fits: false,
        why: `~${entry.sizeGb} GB download, ${formatGb(freeBytes)} free`,
      };
    }
    return {
      ...base,
      fits: true,
      why: `~${entry.sizeGb} GB download (estimate), ${entry.vramMb} MB VRAM`,
    };
  });

  const recommended = pickCodeModel(models, isFallback, budgetMb);
  if (!recommended) reasons.push('No offered model fits this device.');
  return {
    ok: recommended !== null,
    reasons,
    adapter: { vendor, architecture: info.architecture ?? '', isFallback, hasF16, limits },
    recommended,
    models,
  };
}

/** Qwen2.5-Coder 3B by default, 7B with ≥ 6 GB, 1.5B on weak devices, 0.5B only on software. */
function pickCodeModel(models: ProbeModel[], isFallback: boolean, budgetMb: number): string | null {
  const coders = models.filter((m) => m.family === 'Qwen2.5-Coder' && m.fits);
  const sizeOf = (m: ProbeModel): number => Number(/-(\d+(?:\.\d+)?)B-/.exec(m.id)?.[1] ?? 0);
  const order = isFallback
    ? [0.5]
    : CODE_DEFAULT_ORDER.filter((b) => b !== 7 || budgetMb >= SEVEN_B_BUDGET_MB);
  for (const size of order) {
    const hit = coders.find((m) => sizeOf(m) === size);
    if (hit) return hit.id;
  }
  return null;
}

function guessBudgetMb(deviceMemoryGb: number | undefined): number {
  // Integrated GPUs share RAM; half of it is a cautious guess. deviceMemory caps at 8 GB.
  if (typeof deviceMemoryGb === 'number' && deviceMemoryGb > 0) {
    return Math.max(1024, Math.round((deviceMemoryGb * 1024) / 2));
  }
  return DEFAULT_BUDGET_MB;
}

async function estimateFreeBytes(nav: ProbeNavigator, reasons: string[]): Promise<number | null> {
  if (!nav.storage?.estimate) {
    reasons.push('Storage quota unknown (navigator.storage.estimate is missing).');
    return null;
  }
  try {
    const { quota, usage } = await nav.storage.estimate();
    if (typeof quota !== 'number') return null;
    return Math.max(0, quota - (usage ?? 0));
  } catch {
    reasons.push('Storage quota unknown (estimate() failed).');
    return null;
  }
}

function formatGb(bytes: number): string {
  return `${(bytes / GB).toFixed(1)} GB`;
}
