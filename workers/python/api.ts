// The type-only contract of the Python sandbox. The page imports this file with `import type`
// only; the worker body and render.py produce exactly these shapes (render.py emits them as JSON).

/** Which Python distribution a worker booted. */
export type RuntimeDistribution =
  | 'official-vendored' // official Pyodide, wheels from the app's own origin
  | 'official-cdn' // official Pyodide, wheels from the official CDN (then cached)
  | 'offline-0.17' // legacy @pyodide/pyodide@0.17.1 bundle, fully offline, old
  | 'native'; // Debian CPython (tests and benchmarks only)

/** What is running, as shown in the UI badge, told to the LLM and recorded on every chart. */
export interface RuntimeInfo {
  /** Which distribution booted. */
  distribution: RuntimeDistribution;
  /** Pyodide version, or null for native CPython. */
  pyodide: string | null;
  /** Python version, e.g. "3.8.2". */
  python: string;
  /** numpy version. */
  numpy: string;
  /** matplotlib version. */
  matplotlib: string;
  /** Versions of optional packages that are loadable on demand (null: not available). */
  optional: Record<string, string | null>;
  /** Packages a script may import on this runtime (top-level module names). */
  importable: string[];
  /** A plain-language note for the UI, e.g. the offline bundle's age; null when none is due. */
  note: string | null;
  /**
   * What a script must avoid on this runtime, as plain lines for an LLM prompt (allowed packages,
   * no files or network, seeded randomness, APIs that crash the offline runtime).
   */
  promptNotes: string;
}

/** Options of one render. */
export interface RenderOptions {
  /** Dots per inch of the saved PNG. */
  dpi: number;
  /** Seed for numpy's global RNG and `random`, set before the script runs. */
  seed: number;
  /** Kill the run after this many ms (enforced by the page, not by Python). */
  timeoutMs: number;
  /** Upper bound on width × height of the PNG in pixels; the dpi is lowered to fit. */
  maxPixels: number;
}

/** Error kinds a render (or an answer program) can end with. */
export type RenderErrorKind =
  | 'syntax' // the code does not parse
  | 'runtime' // an exception while running
  | 'timeout' // killed after RenderOptions.timeoutMs
  | 'memory' // MemoryError or the worker ran out of memory
  | 'forbidden' // static check: file, process, network, js/pyodide access
  | 'missing-package' // imports a package this runtime does not have
  | 'unsupported' // uses an API known to crash this runtime (np.fft on 0.17, ...)
  | 'no-figure' // ran, but drew nothing
  | 'crashed'; // the worker or the sandbox died

/** An expected failure, returned as data. */
export interface RenderError {
  kind: RenderErrorKind;
  /** One line for a person. */
  message: string;
  /** Python traceback, when there is one. */
  traceback: string | null;
  /** 1-based line in the user's script, when known. */
  line: number | null;
  /** For missing-package: the package; for unsupported/forbidden: the offending name. */
  name: string | null;
}

/** Pixel box in the saved PNG, origin top-left: [x0, y0, x1, y1]. */
export type PixelBox = [number, number, number, number];

/** Roles of text artists. */
export type TextRole =
  | 'suptitle'
  | 'title'
  | 'xlabel'
  | 'ylabel'
  | 'zlabel'
  | 'xtick'
  | 'ytick'
  | 'ztick'
  | 'legend-title'
  | 'legend'
  | 'annotation' // ax.annotate, bar_label
  | 'text' // ax.text / fig.text
  | 'table' // table cells
  | 'label'; // pie/wedge labels and autopct texts, colorbar labels, other texts

/** A text artist as drawn. */
export interface TextFact {
  role: TextRole;
  text: string;
  /** Pixel bounding box in the PNG (top-left origin). */
  bbox: PixelBox;
  /** Font size in points. */
  fontsize: number;
  /** Index into FigureFacts.axes, or null for figure-level text. */
  axes: number | null;
}

/** Kinds of data artists. */
export type SeriesKind =
  | 'line' // Line2D with data (plot, step, stem lines, errorbar lines)
  | 'bar' // a BarContainer (vertical or horizontal)
  | 'scatter' // PathCollection offsets
  | 'wedge' // pie/donut wedges of one pie call
  | 'area' // PolyCollection from fill_between / stackplot
  | 'image' // AxesImage / QuadMesh (heatmap, imshow, pcolormesh)
  | 'contour'
  | 'bar3d' // Poly3DCollection from bar3d
  | 'patch' // other patches (rectangles of treemaps, polygons of radar fills, funnels)
  | 'collection' // other collections (networkx edges, boxplot parts)
  | 'errorbar'
  | 'box';

/** One data series as drawn. Numbers are the data coordinates the artist holds. */
export interface SeriesFact {
  kind: SeriesKind;
  /** Legend label (null when the artist has none or it starts with "_"). */
  label: string | null;
  /** Main colour as "#rrggbb" (null when none applies). */
  color: string | null;
  /** Per-element colours as "#rrggbb" (bars, wedges, scatter points), when they vary. */
  colors: string[] | null;
  /** x values (numbers, or category strings when the axis is categorical). */
  x: (number | string)[] | null;
  /** y values (bar heights, line y, wedge sizes as fractions...). */
  y: number[] | null;
  /** Optional third coordinate or sizes (3D z, bubble sizes, image array shape). */
  z: number[] | null;
  /** For bars: "vertical" or "horizontal"; for others null. */
  orientation: 'vertical' | 'horizontal' | null;
  /** Number of elements (points, bars, wedges, cells). */
  count: number;
}

/** One Axes of the figure. */
export interface AxesFact {
  index: number;
  /** Pixel box of the axes area. */
  bbox: PixelBox;
  /** "rectilinear", "polar", "3d", ... */
  projection: string;
  title: string;
  xlabel: string;
  ylabel: string;
  xscale: string;
  yscale: string;
  xlim: [number, number];
  ylim: [number, number];
  /** Tick labels that are drawn (non-empty, inside the axis range). */
  xticklabels: string[];
  yticklabels: string[];
  /** Legend entries in order, or null when the axes has no legend. */
  legend: string[] | null;
  series: SeriesFact[];
  /** True when this axes is a twin of another (twinx/twiny). */
  isTwin: boolean;
  /** True when the axes is a colorbar. */
  isColorbar: boolean;
}

/** Layout problems seen in the drawn figure. */
export type LayoutFindingKind =
  'overlapping-text' | 'text-off-canvas' | 'empty-axes' | 'blank-image' | 'tiny-text';

/** One layout problem. */
export interface LayoutFinding {
  kind: LayoutFindingKind;
  /** One line for a person. */
  message: string;
  /** Indices into FigureFacts.texts that are involved. */
  texts: number[];
  /** Axes involved (empty-axes). */
  axes: number | null;
}

/** What render.py read back from the drawn figure. */
export interface FigureFacts {
  /** PNG size in pixels. */
  width: number;
  height: number;
  dpi: number;
  axes: AxesFact[];
  /** Every visible text artist of the figure, with its pixel box. */
  texts: TextFact[];
  findings: LayoutFinding[];
}

/** A successful render. */
export interface RenderSuccess {
  ok: true;
  /** Handle for runAnswerProgram; valid while the worker keeps that namespace. */
  renderId: string;
  /** PNG bytes (transferred, not copied). */
  png: Uint8Array;
  width: number;
  height: number;
  /** Wall time of exec + savefig inside Python, in ms. */
  durationMs: number;
  /** The dpi actually used (lower than asked when maxPixels capped it). */
  dpi: number;
  seed: number;
  stdout: string;
  stderr: string;
  /** Python warnings raised while running, one line each. */
  warnings: string[];
  /** Names of compat patches the script actually used (e.g. "bar_label"). */
  compat: string[];
  /** Number of figures the script created (the last non-empty one is saved). */
  figureCount: number;
  facts: FigureFacts;
  /**
   * 64-bit DCT perceptual hash of the PNG's pixels as 16 lowercase hex digits (near-duplicate
   * images differ in few bits; compare with src/core/dedup/phash.ts hammingHex).
   */
  phash: string;
  runtime: RuntimeInfo;
}

/** A failed render (expected failures are data). */
export interface RenderFailure {
  ok: false;
  error: RenderError;
  stdout: string;
  stderr: string;
  durationMs: number;
  runtime: RuntimeInfo | null;
}

export type RenderResult = RenderSuccess | RenderFailure;

/** Types of a computed answer. */
export type AnswerValueType = 'number' | 'string' | 'boolean' | 'list' | 'none';

/** Result of an answer program. */
export type AnswerResult =
  | {
      ok: true;
      type: AnswerValueType;
      value: number | string | boolean | unknown[] | null;
      stdout: string;
    }
  | { ok: false; error: RenderError; stdout: string };

/** What a sandbox worker exposes to the page (through the validated protocol). */
export interface PythonSandboxApi {
  /** Versions and capabilities of the booted runtime. */
  runtimeInfo(): Promise<RuntimeInfo>;
  /** Run a script and capture its figure. */
  render(code: string, options: RenderOptions): Promise<RenderResult>;
  /**
   * Run a small program in the namespace a render left behind, plus `facts` (the FigureFacts
   * as a dict) and `fig`; the program sets `answer` (or its last expression is the answer).
   */
  runAnswerProgram(renderId: string, program: string, timeoutMs: number): Promise<AnswerResult>;
}
