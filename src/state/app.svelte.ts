import { RenderPool } from '../python/index.ts';
import { listCorpus } from '../core/corpus/index.ts';
import { findMinorChartType, MAJOR_CHART_TYPES } from '../core/chart-types.ts';
import {
  createDataset,
  listDatasets,
  openDatabase,
  requestPersistentStorage,
  type CitDatabase,
} from '../db/index.ts';
import { loadBytecode, saveBytecode } from '../db/bytecode-cache.ts';
import { PlaygroundState } from './playground.svelte.ts';
import {
  registerOffline,
  type OfflineHandle,
  type OfflineStatus,
} from '../offline/register-offline.ts';

/** A corpus script as the Playground's picker offers it. */
export interface PickableScript {
  id: string;
  title: string;
  group: string;
  code: string;
}

/** Pages of the app. */
export type Page =
  'generate' | 'browse' | 'inspect' | 'export' | 'playground' | 'settings' | 'stats';

/** Where the Python runtime may come from: 'auto' probes the official CDN, 'offline' never does. */
export type RuntimePreference = 'auto' | 'offline';

const RUNTIME_PREFERENCE_KEY = 'cit-studio.runtime-preference';
const DATASET_KEY = 'cit-studio.dataset';

function readRuntimePreference(storage: Storage | null): RuntimePreference {
  try {
    return storage?.getItem(RUNTIME_PREFERENCE_KEY) === 'offline' ? 'offline' : 'auto';
  } catch {
    return 'auto';
  }
}

/** The app's engines and shared selection, created once at start-up. */
export class AppState {
  page = $state<Page>('generate');
  /** The open database, once open. */
  db = $state.raw<CitDatabase | null>(null);
  /** Why storage could not open (private mode, blocked), for a person. */
  dbError = $state<string | null>(null);
  /** The dataset the Generate, Browse and Inspect pages work on. */
  datasetId = $state<string | null>(null);
  /** The chart the inspector shows. */
  inspectChartId = $state<string | null>(null);
  /** Whether the built app is precached for offline use, or an update waits. */
  offline = $state.raw<OfflineStatus>({ kind: 'installing' });
  #offline: OfflineHandle | null = null;
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
      bytecodeStore: { load: loadBytecode, save: saveBytecode },
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

  /** Boot the render engine and open storage in the background. */
  start(): void {
    void this.playground.loadRuntimeInfo().then(() => this.playground.setBootProgress(null));
    void this.#openStorage();
    // Precaches the app and its Python runtime so later starts work with the network off.
    this.#offline = registerOffline({ onStatus: (status) => (this.offline = status) });
  }

  /** Switches to a waiting new version (the page reloads). */
  applyUpdate(): void {
    this.#offline?.applyUpdate();
  }

  /** Show a chart in the inspector. */
  openInspector(chartId: string): void {
    this.inspectChartId = chartId;
    this.page = 'inspect';
  }

  /** Store the runtime preference; it takes effect when the page reloads (the pool boots once). */
  saveRuntimePreference(preference: RuntimePreference): void {
    this.#write(RUNTIME_PREFERENCE_KEY, preference);
  }

  selectDataset(id: string): void {
    this.datasetId = id;
    this.#write(DATASET_KEY, id);
  }

  dispose(): void {
    this.pool.dispose();
    this.db?.close();
  }

  async #openStorage(): Promise<void> {
    try {
      const db = await openDatabase();
      void requestPersistentStorage();
      const datasets = await listDatasets(db);
      const remembered = this.#read(DATASET_KEY);
      let dataset = datasets.find((d) => d.id === remembered) ?? datasets[0];
      dataset ??= await createDataset(db, { name: 'My first dataset' });
      this.db = db;
      this.selectDataset(dataset.id);
    } catch (error) {
      this.dbError = `Storage is not available (${error instanceof Error ? error.message : String(error)}). The Playground still works; datasets need IndexedDB.`;
    }
  }

  #read(key: string): string | null {
    try {
      return this.#storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  #write(key: string, value: string): void {
    try {
      this.#storage?.setItem(key, value);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
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
