// A minimal stand-in for workers/python/py/cit_render.py, used only while that module is absent so
// the sandbox can be built and exercised end to end. It fills the contract with coarse facts.
export const PLACEHOLDER_RENDER = String.raw`
import ast, io, json, sys, time, traceback, contextlib, random

_CONFIG = {}
_NAMESPACES = {}
_COUNTER = [0]
_FORBIDDEN_MODULES = {"js", "pyodide", "pyodide_js", "subprocess", "socket", "ctypes", "urllib", "http", "requests"}
_FORBIDDEN_CALLS = {("os", "system"), ("os", "popen"), ("os", "remove"), ("os", "unlink"), ("shutil", "rmtree")}
_PACKAGES = {"scipy": "scipy", "networkx": "networkx"}


def _error(kind, message, line=None, name=None, tb=None):
    return {"kind": kind, "message": message, "traceback": tb, "line": line, "name": name}


def _versions():
    import numpy, matplotlib
    return numpy.__version__, matplotlib.__version__


def boot(config_json):
    _CONFIG.update(json.loads(config_json))
    import matplotlib
    matplotlib.use("Agg")
    return runtime_info()


def runtime_info():
    np_version, mpl_version = _versions()
    loadable = _CONFIG.get("loadable", [])
    return json.dumps({
        "distribution": _CONFIG.get("distribution", "native"),
        "pyodide": _CONFIG.get("pyodide"),
        "python": "%d.%d.%d" % sys.version_info[:3],
        "numpy": np_version,
        "matplotlib": mpl_version,
        "optional": {name: None for name in loadable},
        "importable": ["numpy", "matplotlib", "math", "random"] + list(loadable),
        "note": None,
    })


def _check(code):
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        return None, _error("syntax", "%s (line %s)" % (exc.msg, exc.lineno), exc.lineno)
    imports = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            imports.append(top)
            if top in _FORBIDDEN_MODULES:
                return None, _error("forbidden", "importing %s is not allowed" % top, node.lineno, top)
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
                if (func.value.id, func.attr) in _FORBIDDEN_CALLS:
                    name = func.value.id + "." + func.attr
                    return None, _error("forbidden", "%s is not allowed" % name, node.lineno, name)
            if isinstance(func, ast.Name) and func.id == "open":
                return None, _error("forbidden", "file access is not allowed", node.lineno, "open")
    return imports, None


def analyze(code):
    imports, error = _check(code)
    if error:
        return json.dumps({"ok": False, "error": error})
    packages = sorted({_PACKAGES[name] for name in imports if name in _PACKAGES})
    return json.dumps({"ok": True, "imports": sorted(set(imports)), "packages": packages})


def _facts(fig, width, height, dpi):
    axes = []
    for index, ax in enumerate(fig.axes):
        series = []
        for container in ax.containers:
            heights = [float(p.get_height()) for p in container.patches]
            series.append({"kind": "bar", "label": None, "color": None, "colors": None, "x": None,
                           "y": heights, "z": None, "orientation": "vertical", "count": len(heights)})
        for line in ax.get_lines():
            ys = [float(v) for v in line.get_ydata()]
            series.append({"kind": "line", "label": None, "color": None, "colors": None, "x": None,
                           "y": ys, "z": None, "orientation": None, "count": len(ys)})
        axes.append({"index": index, "bbox": [0, 0, width, height], "projection": ax.name,
                     "title": ax.get_title(), "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(),
                     "xscale": ax.get_xscale(), "yscale": ax.get_yscale(),
                     "xlim": list(map(float, ax.get_xlim())), "ylim": list(map(float, ax.get_ylim())),
                     "xticklabels": [], "yticklabels": [], "legend": None, "series": series,
                     "isTwin": False, "isColorbar": False})
    return {"width": width, "height": height, "dpi": dpi, "axes": axes, "texts": [], "findings": []}


def render(code, options_json):
    options = json.loads(options_json)
    imports, error = _check(code)
    if error:
        return [json.dumps({"ok": False, "error": error, "stdout": "", "stderr": "", "durationMs": 0}), None]
    import numpy as np
    import matplotlib.pyplot as plt
    plt.close("all")
    random.seed(options["seed"])
    np.random.seed(options["seed"])
    out, err = io.StringIO(), io.StringIO()
    namespace = {"__name__": "__main__"}
    started = time.time()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            exec(compile(code, "<chart>", "exec"), namespace)
    except MemoryError:
        return [_fail(_error("memory", "the script ran out of memory"), out, err, started), None]
    except Exception as exc:
        tb = traceback.format_exc()
        line = None
        for frame in traceback.extract_tb(exc.__traceback__):
            if frame.filename == "<chart>":
                line = frame.lineno
        return [_fail(_error("runtime", "%s: %s" % (type(exc).__name__, exc), line, None, tb), out, err, started), None]
    figures = [plt.figure(n) for n in plt.get_fignums()]
    figures = [f for f in figures if f.axes]
    if not figures:
        return [_fail(_error("no-figure", "the script drew no figure"), out, err, started), None]
    fig = figures[-1]
    w_in, h_in = fig.get_size_inches()
    dpi = float(options["dpi"])
    limit = float(options["maxPixels"])
    if w_in * h_in * dpi * dpi > limit:
        dpi = (limit / (w_in * h_in)) ** 0.5
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    png = buffer.getvalue()
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    _COUNTER[0] += 1
    render_id = "r%d" % _COUNTER[0]
    facts = _facts(fig, width, height, dpi)
    namespace["fig"] = fig
    namespace["facts"] = facts
    _NAMESPACES.clear()
    _NAMESPACES[render_id] = namespace
    meta = {"ok": True, "renderId": render_id, "width": width, "height": height,
            "durationMs": (time.time() - started) * 1000, "dpi": dpi, "seed": options["seed"],
            "stdout": out.getvalue(), "stderr": err.getvalue(), "warnings": [], "compat": [],
            "figureCount": len(figures), "facts": facts}
    return [json.dumps(meta), png]


def _fail(error, out, err, started):
    return json.dumps({"ok": False, "error": error, "stdout": out.getvalue(), "stderr": err.getvalue(),
                       "durationMs": (time.time() - started) * 1000})


def run_answer_program(render_id, program):
    namespace = _NAMESPACES.get(render_id)
    if namespace is None:
        return json.dumps({"ok": False, "stdout": "", "error": _error("runtime", "unknown render %s" % render_id)})
    local = dict(namespace)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(program, "<answer>", "exec"), local)
    except Exception as exc:
        return json.dumps({"ok": False, "stdout": out.getvalue(),
                           "error": _error("runtime", "%s: %s" % (type(exc).__name__, exc))})
    value = local.get("answer")
    kind = "none" if value is None else "boolean" if isinstance(value, bool) else \
        "number" if isinstance(value, (int, float)) else "string" if isinstance(value, str) else "list"
    if kind == "list":
        value = list(value)
    return json.dumps({"ok": True, "type": kind, "value": value, "stdout": out.getvalue()})
`;
