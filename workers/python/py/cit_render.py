"""Public API of the Python side of the render engine, called by the JS worker (Pyodide) and
by native_server.py (Debian CPython). Every function takes and returns JSON strings (render
also returns the PNG bytes), with the shapes of workers/python/api.ts.
"""
import builtins
import collections
import contextlib
import io
import json
import math
import platform
import random
import sys
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

import cit_answer  # noqa: E402
import cit_capture  # noqa: E402
import cit_compat  # noqa: E402
import cit_errors  # noqa: E402
import cit_facts  # noqa: E402
import cit_import_hooks  # noqa: E402
import cit_phash  # noqa: E402
import cit_png  # noqa: E402
import cit_static  # noqa: E402

OPTIONAL_PACKAGES = ("scipy", "networkx", "pandas")
BASE_IMPORTABLE = ("numpy", "matplotlib", "mpl_toolkits", "math", "random", "datetime",
                   "collections", "itertools", "functools", "statistics", "string", "textwrap",
                   "decimal", "fractions", "calendar", "time", "copy", "operator", "json", "re",
                   "io", "os", "sys", "warnings", "dataclasses", "typing", "enum", "heapq",
                   "bisect", "numbers", "colorsys")
KEEP_RENDERS = 8
WARM_UP = "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(2, 1.5))\n" \
          "ax.plot([0, 1], [0, 1], label='a')\nax.bar([0.5], [0.5])\nax.legend()\n" \
          "ax.set_title('warm-up')\n"

_config = {"distribution": "native", "pyodide": None, "loadable": None, "versions": {}}
_renders = collections.OrderedDict()  # renderId -> entry dict, oldest first
_counter = [0]
_booted = [False]


@contextlib.contextmanager
def _no_guard(timeout_ms):
    yield


_guard = [_no_guard]


def set_execution_guard(guard):
    """Install guard(timeout_ms) -> context manager raising cit_errors.RenderTimeout on expiry."""
    _guard[0] = guard or _no_guard


def _loadable():
    loadable = _config.get("loadable")
    return None if loadable is None else set(loadable)


def is_importable(top):
    """Whether a script may import top-level module `top` on this runtime."""
    if top in cit_static.FORBIDDEN_MODULES:
        return False
    loadable = _loadable()
    if loadable is not None and top in loadable:
        return True
    if top in cit_import_hooks.stand_in_names() or top in sys.modules:
        return True
    try:
        return cit_import_hooks.has_real_module(top)
    except (ImportError, ValueError):
        return False


def _version_of(name):
    module = sys.modules.get(name)
    if module is not None and getattr(module, "__version__", None):
        return str(module.__version__)
    known = (_config.get("versions") or {}).get(name)
    if known:
        return str(known)
    try:
        from importlib import metadata
        return metadata.version(name)
    except Exception:  # not installed (or no metadata): maybe still loadable on demand
        pass
    loadable = _loadable()
    if loadable is not None and name in loadable:
        return "unknown"
    return None


def runtime_info_dict():
    optional = dict((name, _version_of(name)) for name in OPTIONAL_PACKAGES)
    importable = set(BASE_IMPORTABLE) | set(cit_import_hooks.stand_in_names())
    importable |= set(name for name, version in optional.items() if version is not None)
    loadable = _loadable()
    if loadable is not None:
        importable |= loadable
    return {"distribution": _config["distribution"], "pyodide": _config.get("pyodide"),
            "python": platform.python_version(), "numpy": np.__version__,
            "matplotlib": matplotlib.__version__, "optional": optional,
            "importable": sorted(importable), "note": None,
            "promptNotes": cit_static.prompt_notes(_config["distribution"])}


def runtime_info():
    """RuntimeInfo JSON of this runtime."""
    return json.dumps(runtime_info_dict())


def boot(config_json="{}"):
    """Configure the runtime, install the compat layer and warm up; returns RuntimeInfo JSON."""
    config = json.loads(config_json or "{}")
    for key in ("distribution", "pyodide", "loadable", "versions"):
        if key in config:
            _config[key] = config[key]
    if matplotlib.get_backend().lower() != "agg":
        plt.switch_backend("Agg")
    cit_compat.install()
    cit_facts.install_hooks()
    cit_capture.install()
    _booted[0] = True
    warm = json.loads(render(WARM_UP, json.dumps({"dpi": 50, "seed": 0}))[0])
    _renders.pop(warm.get("renderId"), None)
    cit_compat.take_used()
    return runtime_info()


def _ensure_booted():
    if not _booted[0]:
        boot("{}")


def analyze_dict(code):
    try:
        imports = cit_static.check(code, _config["distribution"], is_importable)
    except cit_static.CheckFailed as failure:
        return {"ok": False, "error": failure.error}
    loadable = _loadable() or set()
    packages = [m for m in imports if m in loadable and m not in sys.modules]
    return {"ok": True, "imports": imports, "packages": packages}


def analyze(code):
    """Static check before running: {"ok", "imports", "packages"} or {"ok": false, "error"}."""
    return json.dumps(analyze_dict(code))


def prompt_notes(distribution=None):
    """What an LLM (or a person) should avoid on this runtime, as plain lines."""
    return cit_static.prompt_notes(distribution or _config["distribution"])


PROMPT_NOTES = prompt_notes  # the name the JS side looks up


def _reset_state(seed):
    cit_capture.install()  # a previous script may have replaced plt.show or Figure.savefig
    plt.close("all")
    matplotlib.rcdefaults()
    if matplotlib.get_backend().lower() != "agg":
        plt.switch_backend("Agg")
    np.random.seed(seed)
    random.seed(seed)


def _pick_figure(capture):
    for fig in reversed(capture.figures):
        return fig
    for fig in reversed(cit_capture.open_figures()):
        if fig.axes:
            return fig
    return None


def _failure(error, stdout, stderr, duration_ms):
    return [json.dumps({"ok": False, "error": error, "stdout": stdout, "stderr": stderr,
                        "durationMs": duration_ms}), None]


def _execute(code, namespace, capture, console):
    """Run the script; returns a RenderError dict or None."""
    try:
        with cit_capture.capturing(capture, *console):
            try:
                exec(compile(code, cit_errors.CHART_FILE, "exec"), namespace)
            except SystemExit as exit_request:
                if exit_request.code not in (None, 0):
                    raise RuntimeError("the script called exit(%r)" % (exit_request.code,))
    except BaseException as raised:  # noqa: B902  (every failure of the script is data)
        if isinstance(raised, KeyboardInterrupt):
            raise
        return cit_errors.describe_exception(raised)
    return None


def _draw(fig, dpi, options, capture, console):
    """Draw the chosen figure; returns (drawing tuple of cit_png.draw_figure, error)."""
    try:
        with cit_capture.capturing(cit_capture.Capture(), *console):
            return cit_png.draw_figure(fig, dpi, capture.save_options.get(id(fig), {})), None
    except BaseException as raised:  # noqa: B902
        if isinstance(raised, KeyboardInterrupt):
            raise
        return None, cit_errors.describe_exception(raised, while_drawing=True)


def _read_facts(fig, drawing, dpi, warning_lines):
    png, pixels, renderer, crop = drawing
    try:
        return cit_facts.read_facts(fig, renderer, pixels, dpi, crop)
    except Exception as problem:  # the picture is fine; facts are a bonus, never a failure
        warning_lines.append("Figure facts could not be read: %s"
                             % cit_errors.describe_exception(problem)["message"])
        return {"width": int(pixels.shape[1]), "height": int(pixels.shape[0]), "dpi": dpi,
                "axes": [], "texts": [], "findings": []}


def _keep(namespace, fig, facts):
    _counter[0] += 1
    render_id = "render-%d" % _counter[0]
    _renders[render_id] = {"namespace": namespace, "figure": fig, "facts": json.dumps(facts)}
    while len(_renders) > KEEP_RENDERS:
        _renders.popitem(last=False)
    return render_id


def render(code, options_json="{}"):
    """Run a script and capture its figure: [meta JSON without png/runtime, PNG bytes or None]."""
    _ensure_booted()
    options = json.loads(options_json or "{}")
    dpi = float(options.get("dpi") or 100)
    seed = int(options.get("seed") or 0)
    checked = analyze_dict(code)
    if not checked["ok"]:
        return _failure(checked["error"], "", "", 0)
    _reset_state(seed)
    cit_compat.take_used()
    cit_errors.register_source(code)
    stdout, stderr, warning_lines = io.StringIO(), io.StringIO(), []
    console = (stdout, stderr, warning_lines)
    capture = cit_capture.Capture()
    namespace = {"__name__": "__main__", "__builtins__": builtins}
    fig, drawing = None, None
    started = time.perf_counter()
    with _guard[0](options.get("timeoutMs")):
        error = _execute(code, namespace, capture, console)
        if error is None:
            fig = _pick_figure(capture)
            if fig is None:
                error = cit_errors.make_error("no-figure", "The script ran but drew no figure; "
                                              "create one with plt.subplots() and plot into it")
        if error is None:
            dpi = cit_png.fitting_dpi(fig, dpi, options.get("maxPixels"))
            drawing, error = _draw(fig, dpi, options, capture, console)
    duration_ms = round((time.perf_counter() - started) * 1000.0, 1)
    if error is not None:
        return _failure(error, stdout.getvalue(), stderr.getvalue(), duration_ms)
    facts = _read_facts(fig, drawing, dpi, warning_lines)
    figures = set(id(f) for f in capture.figures) | set(id(f) for f in cit_capture.open_figures())
    meta = {"ok": True, "renderId": _keep(namespace, fig, facts), "width": facts["width"],
            "height": facts["height"], "durationMs": duration_ms, "dpi": dpi, "seed": seed,
            "stdout": stdout.getvalue(), "stderr": stderr.getvalue(), "warnings": warning_lines,
            "compat": cit_compat.take_used(), "figureCount": len(figures), "facts": facts,
            "phash": cit_phash.phash_hex(drawing[1])}
    return [_strict_json(meta), drawing[0]]


def _finite(value):
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return dict((k, _finite(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value


def _strict_json(value):
    """JSON without NaN/Infinity (JSON.parse rejects them): non-finite numbers become null."""
    try:
        return json.dumps(value, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(value), allow_nan=False)


def run_answer_program(render_id, program, timeout_ms=None):
    """AnswerResult JSON of `program` run in a child of the namespace render `render_id` left."""
    _ensure_booted()
    entry = _renders.get(render_id)
    if entry is None:
        error = cit_errors.make_error("runtime", "Unknown render id %r: the render is gone (only "
                                      "the last %d are kept); render the chart again"
                                      % (render_id, KEEP_RENDERS))
        return json.dumps({"ok": False, "error": error, "stdout": ""})
    _renders.move_to_end(render_id)
    checked = analyze_dict(program)
    if not checked["ok"]:
        return json.dumps({"ok": False, "error": checked["error"], "stdout": ""})
    with _guard[0](timeout_ms):
        result = cit_answer.run(entry, program)
    return json.dumps(result, allow_nan=False)


def forget_renders():
    """Drop every kept namespace (frees memory)."""
    _renders.clear()


__all__ = ["boot", "analyze", "render", "run_answer_program", "runtime_info", "prompt_notes",
           "PROMPT_NOTES", "set_execution_guard", "forget_renders"]
