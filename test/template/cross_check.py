"""Runs every template chart script natively (Agg) and each of its answer programs in the
script's namespace, and writes the computed answers as JSON for cross_check.mjs to compare.

Usage: /usr/bin/python3 cross_check.py IN.json OUT.json [--renderer]
IN:  [{"id": ..., "code": "...", "programs": ["...", ...]}, ...]
OUT: [{"id": ..., "ok": bool, "error": str|null, "warnings": [...], "axes": int,
       "findings": [...], "answers": [{"ok": bool, "value": ..., "error": str|null}, ...]}, ...]
With --renderer, scripts and programs go through the app's own render engine
(workers/python/py/cit_render.py: static checks, compat patches, figure facts and layout findings)
instead of a plain exec.
"""
import io
import json
import sys
import traceback
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

plt.show = lambda *args, **kwargs: None


def plain(value):
    """JSON-able value: numpy scalars and arrays to Python ones."""
    if isinstance(value, (np.bool_, bool)):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.str_):
        return str(value)
    return value


def run_chart(chart):
    result = {"id": chart["id"], "ok": False, "error": None, "warnings": [], "axes": 0,
              "findings": [], "answers": []}
    namespace = {"__name__": "__main__"}
    plt.close("all")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            exec(compile(chart["code"], "<chart>", "exec"), namespace)
            figure = plt.gcf()
            figure.canvas.draw()
            figure.savefig(io.BytesIO(), format="png", dpi=60)
            result["axes"] = len(figure.axes)
            result["ok"] = True
        except Exception:
            result["error"] = traceback.format_exc(limit=3)
    result["warnings"] = sorted({"%s: %s" % (w.category.__name__, w.message) for w in caught})
    for program in chart["programs"]:
        child = dict(namespace)
        child.pop("answer", None)
        try:
            exec(compile(program, "<answer>", "exec"), child)
            result["answers"].append({"ok": "answer" in child, "value": plain(child.get("answer")), "error": None})
        except Exception:
            result["answers"].append({"ok": False, "value": None, "error": traceback.format_exc(limit=2)})
    plt.close("all")
    return result


def run_chart_with_renderer(chart, cit_render):
    """The same as run_chart, through the app's render engine."""
    result = {"id": chart["id"], "ok": False, "error": None, "warnings": [], "axes": 0,
              "findings": [], "answers": []}
    options = {"dpi": 100, "seed": 0, "timeoutMs": 20000, "maxPixels": 16000000}
    meta = json.loads(cit_render.render(chart["code"], json.dumps(options))[0])
    if not meta["ok"]:
        result["error"] = "%(kind)s: %(message)s" % meta["error"]
        result["answers"] = [{"ok": False, "value": None, "error": "no render"}
                             for _ in chart["programs"]]
        return result
    result["ok"] = True
    result["warnings"] = meta["warnings"]
    result["axes"] = len(meta["facts"]["axes"])
    result["findings"] = [finding["kind"] + ": " + finding["message"]
                          for finding in meta["facts"]["findings"]]
    for program in chart["programs"]:
        answer = json.loads(cit_render.run_answer_program(meta["renderId"], program, 5000))
        if answer["ok"]:
            result["answers"].append({"ok": True, "value": answer["value"], "error": None})
        else:
            result["answers"].append({"ok": False, "value": None,
                                      "error": "%(kind)s: %(message)s" % answer["error"]})
    cit_render.forget_renders()
    return result


def load_renderer():
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, os.path.join(here, "..", "..", "workers", "python", "py"))
    import cit_render
    cit_render.boot(json.dumps({"distribution": "native"}))
    return cit_render


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        charts = json.load(handle)
    if "--renderer" in sys.argv[3:]:
        renderer = load_renderer()
        results = [run_chart_with_renderer(chart, renderer) for chart in charts]
    else:
        results = [run_chart(chart) for chart in charts]
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(results, handle)
    print("python %s, matplotlib %s, numpy %s: ran %d scripts" % (
        sys.version.split()[0], matplotlib.__version__, np.__version__, len(results)))


if __name__ == "__main__":
    main()
