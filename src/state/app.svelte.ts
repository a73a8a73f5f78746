import { RenderPool } from '../python/index.ts';
import { listCorpus } from '../core/corpus/index.ts';
import { findMinorChartType, MAJOR_CHART_TYPES } from '../core/chart-types.ts';
import { PlaygroundState } from './playground.svelte.ts';

/** A corpus script as the Playground's picker offers it. */
export interface PickableScript {
  id: string;
  title: string;
  group: string;
  code: string;
}

/** Pages of the app. */
export type Page = 'playground';

/** Where the Python runtime may come from: 'auto' probes the official CDN, 'offline' never does. */
export type RuntimePreference = 'auto' | 'offline';

const RUNTIME_PREFERENCE_KEY = 'cit-studio.runtime-preference';

function readRuntimePreference(storage: Storage | null): RuntimePreference {
  try {
    return storage?.getItem(RUNTIME_PREFERENCE_KEY) === 'offline' ? 'offline' : 'auto';
  } catch {
    return 'auto';
  }
}

/** The app's engines and page states, created once at start-up. */
export class AppState {
  page = $state<Page>('playground');
  readonly pool: RenderPool;
  readonly playground: PlaygroundState;
  readonly scripts: readonly PickableScript[];
  readonly runtimePreference: RuntimePreference;
  readonly #storage: Storage | null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    this.scripts = listPickableScripts();
    this.runtimePreference = readRuntimePreference(storage);
    this.pool = new RenderPool({
      preferOffline: this.runtimePreference === 'offline',
      onProgress: (progress) =>
        this.playground.setBootProgress(
          progress.fraction >= 1 && progress.stage === 'ready'
            ? null
            : { stage: progress.message, fraction: progress.fraction },
        ),
    });
    const first =
      this.scripts[0]?.code ??
      'import matplotlib.pyplot as plt\n\nplt.plot([1, 2, 3])\nplt.show()\n';
    this.playground = new PlaygroundState(this.pool, first, storage);
  }

  /** Boot the render engine in the background; the badge shows progress and the result. */
  start(): void {
    void this.playground.loadRuntimeInfo().then(() => this.playground.setBootProgress(null));
  }

  /** Store the runtime preference; it takes effect when the page reloads (the pool boots once). */
  saveRuntimePreference(preference: RuntimePreference): void {
    try {
      this.#storage?.setItem(RUNTIME_PREFERENCE_KEY, preference);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
  }

  dispose(): void {
    this.pool.dispose();
  }
}

function listPickableScripts(): PickableScript[] {
  const majorName = new Map(MAJOR_CHART_TYPES.map((major) => [major.id, major.name]));
  return listCorpus().map((script) => {
    const minor = findMinorChartType(script.minor);
    return {
      id: script.id,
      title: `${minor?.name ?? script.minor}: ${script.title}`,
      group: majorName.get(script.major) ?? script.major,
      code: script.code,
    };
  });
}
