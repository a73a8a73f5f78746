"""Shared helpers of the native tests of the Python render engine."""
import io
import json
import os
import struct
import sys
import textwrap

ENGINE_DIR = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                           "workers", "python", "py"))
if ENGINE_DIR not in sys.path:
    sys.path.insert(0, ENGINE_DIR)

import cit_render  # noqa: E402

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Set by scripts/run-python-tests.mjs for its second pass on matplotlib 3.3.3 (mpl33_hybrid.py).
ON_MPL33_HYBRID = os.environ.get("CIT_MPL33_HYBRID") == "1"
_booted = []


def boot(distribution="native", loadable=None):
    info = json.loads(cit_render.boot(json.dumps({"distribution": distribution,
                                                  "loadable": loadable})))
    _booted[:] = [distribution]
    return info


def ensure_native():
    if _booted != ["native"]:
        boot("native")


def render(code, dpi=100, seed=0, max_pixels=50000000):
    """(meta dict, png bytes or None) of a dedented script."""
    ensure_native()
    options = {"dpi": dpi, "seed": seed, "timeoutMs": 20000, "maxPixels": max_pixels}
    meta, png = cit_render.render(textwrap.dedent(code), json.dumps(options))
    return json.loads(meta), png


def answer(render_id, program):
    return json.loads(cit_render.run_answer_program(render_id, textwrap.dedent(program)))


def analyze(code):
    return json.loads(cit_render.analyze(textwrap.dedent(code)))


def png_size(png):
    """(width, height) from the IHDR chunk."""
    return struct.unpack(">II", png[16:24])


def png_pixels(png):
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def series_of(meta, axes=0, kind=None):
    series = meta["facts"]["axes"][axes]["series"]
    return [s for s in series if kind is None or s["kind"] == kind]


def texts_with(meta, role=None, text=None):
    return [t for t in meta["facts"]["texts"]
            if (role is None or t["role"] == role) and (text is None or t["text"] == text)]


def finding_kinds(meta):
    return sorted(set(f["kind"] for f in meta["facts"]["findings"]))
