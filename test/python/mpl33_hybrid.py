"""Builds a matplotlib 3.3.3 for Debian's CPython: the pure-Python sources of the offline
Pyodide 0.17 bundle (node_modules/@pyodide/pyodide) with Debian's compiled matplotlib extensions,
plus the bundle's pure-Python networkx 2.5.1 and decorator 5.0.6 (whose pairing breaks keyword
arguments, the bug cit_compat_libs works around).

It lets the native tests exercise the compat layer against the exact 3.3.3 API the offline
runtime has, without a browser. It is an approximation (numpy 1.24 instead of 1.17, the 3.6
extensions, no _contour), so tests that hit those differences skip with a reason.

Usage: python3 mpl33_hybrid.py OUT_DIR  -> builds (once) and prints the directory for PYTHONPATH.
"""
import os
import re
import shutil
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BUNDLE = os.path.join(ROOT, "node_modules", "@pyodide", "pyodide", "dist")
DEBIAN_MPL = "/usr/lib/python3/dist-packages/matplotlib"
CHUNK = 2048  # emscripten's LZ4 chunk size for packaged data files
SITE = "/lib/python3.8/site-packages/"


def _numbers(js, name):
    found = re.search(name + r":\[([^\]]*)\]", js)
    if not found or not found.group(1):
        return []
    return [int(float(v)) if v not in ("true", "false") else v == "true"
            for v in found.group(1).split(",")]


def _lz4_block(source):
    out = bytearray()
    i, size = 0, len(source)
    while i < size:
        token = source[i]
        i += 1
        literal = token >> 4
        if literal == 15:
            while True:
                extra = source[i]
                i += 1
                literal += extra
                if extra != 255:
                    break
        out += source[i:i + literal]
        i += literal
        if i >= size:
            break
        offset = source[i] | (source[i + 1] << 8)
        i += 2
        match = token & 15
        if match == 15:
            while True:
                extra = source[i]
                i += 1
                match += extra
                if extra != 255:
                    break
        match += 4
        start = len(out) - offset
        for k in range(match):
            out.append(out[start + k])
    return bytes(out)


def _extract(package, target):
    js = open(os.path.join(BUNDLE, package + ".js")).read()
    data = open(os.path.join(BUNDLE, package + ".data"), "rb").read()
    offsets, sizes = _numbers(js, "offsets"), _numbers(js, "sizes")
    compressed = _numbers(js, "successes")
    chunks = {}

    def chunk(index):
        if index not in chunks:
            raw = data[offsets[index]:offsets[index] + sizes[index]]
            chunks[index] = _lz4_block(raw) if compressed[index] else raw
        return chunks[index]

    for name, start, end in re.findall(r'\{filename:"([^"]+)",start:(\d+),end:(\d+)', js):
        if not name.startswith(SITE) or name.endswith(".so") or ".egg-info" in name:
            continue
        start, end = int(start), int(end)
        first = start // CHUNK
        blob = b"".join(chunk(i) for i in range(first, (end - 1) // CHUNK + 1))
        path = os.path.join(target, name[len(SITE):])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(blob[start - first * CHUNK:end - first * CHUNK])


def build(target):
    """Build the hybrid into target (once); returns target, or None when impossible here."""
    marker = os.path.join(target, ".complete-2")
    if os.path.exists(marker):
        return target
    if not os.path.exists(os.path.join(BUNDLE, "matplotlib.data")) or not os.path.isdir(DEBIAN_MPL):
        return None
    shutil.rmtree(target, ignore_errors=True)
    for package in ("matplotlib", "networkx", "decorator"):
        _extract(package, target)
    for folder in ("", "backends"):
        source = os.path.join(DEBIAN_MPL, folder)
        for name in os.listdir(source):
            if name.endswith(".so"):
                shutil.copy(os.path.join(source, name), os.path.join(target, "matplotlib", folder))
    open(os.path.join(target, "mpl_toolkits", "__init__.py"), "a").close()
    # The 3.6 Agg extension dropped one renderer method that 3.3 binds eagerly.
    agg = os.path.join(target, "matplotlib", "backends", "backend_agg.py")
    text = open(agg).read().replace(
        "self.get_content_extents = self._renderer.get_content_extents",
        "self.get_content_extents = getattr(self._renderer, 'get_content_extents', None)")
    open(agg, "w").write(text)
    open(marker, "w").close()
    return target


if __name__ == "__main__":
    built = build(os.path.abspath(sys.argv[1]))
    if built is None:
        sys.exit(2)
    print(built)
