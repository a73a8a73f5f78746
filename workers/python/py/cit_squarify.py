"""A stand-in for the `squarify` treemap package, served only when the real one is missing.

Same layout algorithm and call signatures as squarify 0.4 (normalize_sizes, squarify,
padded_squarify, plot). One deliberate difference: without `color=`, the real plot() picks
random colours; this one spreads the default colormap evenly so a render is reproducible.
"""
import sys
import types

_on_use = []  # callbacks run when plot() or squarify() is called (compat usage report)


def _note_use():
    for callback in _on_use:
        callback()


def pad_rectangle(rect):
    if rect["dx"] > 2:
        rect["x"] += 1
        rect["dx"] -= 2
    if rect["dy"] > 2:
        rect["y"] += 1
        rect["dy"] -= 2


def _layout_row(sizes, x, y, dx, dy):
    width = sum(sizes) / dy
    rects = []
    for size in sizes:
        rects.append({"x": x, "y": y, "dx": width, "dy": size / width})
        y += size / width
    return rects


def _layout_col(sizes, x, y, dx, dy):
    height = sum(sizes) / dx
    rects = []
    for size in sizes:
        rects.append({"x": x, "y": y, "dx": size / height, "dy": height})
        x += size / height
    return rects


def _layout(sizes, x, y, dx, dy):
    return _layout_row(sizes, x, y, dx, dy) if dx >= dy else _layout_col(sizes, x, y, dx, dy)


def _leftover(sizes, x, y, dx, dy):
    if dx >= dy:
        width = sum(sizes) / dy
        return x + width, y, dx - width, dy
    height = sum(sizes) / dx
    return x, y + height, dx, dy - height


def _worst_ratio(sizes, x, y, dx, dy):
    return max(max(r["dx"] / r["dy"], r["dy"] / r["dx"]) for r in _layout(sizes, x, y, dx, dy))


def squarify(sizes, x, y, dx, dy):
    """Rectangles {x, y, dx, dy} tiling the box; sizes must be normalised and sorted descending."""
    _note_use()
    return _squarify(list(map(float, sizes)), x, y, dx, dy)


def _squarify(sizes, x, y, dx, dy):
    if len(sizes) == 0:
        return []
    if len(sizes) == 1:
        return _layout(sizes, x, y, dx, dy)
    i = 1
    while i < len(sizes) and _worst_ratio(sizes[:i], x, y, dx, dy) >= _worst_ratio(
        sizes[: i + 1], x, y, dx, dy
    ):
        i += 1
    current, remaining = sizes[:i], sizes[i:]
    lx, ly, ldx, ldy = _leftover(current, x, y, dx, dy)
    return _layout(current, x, y, dx, dy) + _squarify(remaining, lx, ly, ldx, ldy)


def padded_squarify(sizes, x, y, dx, dy):
    rects = squarify(sizes, x, y, dx, dy)
    for rect in rects:
        pad_rectangle(rect)
    return rects


def normalize_sizes(sizes, dx, dy):
    total = float(sum(sizes))
    area = dx * dy
    return [float(size) * area / total for size in sizes]


def _even_colors(count):
    import matplotlib.pyplot as plt

    cmap = plt.get_cmap()
    if count <= 1:
        return [cmap(0.5)] * count
    return [cmap(i / (count - 1.0)) for i in range(count)]


def plot(sizes, norm_x=100, norm_y=100, color=None, label=None, value=None, ax=None, pad=False,
         bar_kwargs=None, text_kwargs=None, **kwargs):
    """Draw a treemap as bars on `ax` (or the current axes) and return the axes."""
    import matplotlib.pyplot as plt

    _note_use()
    if ax is None:
        ax = plt.gca()
    sizes = list(sizes)
    if color is None:
        color = _even_colors(len(sizes))
    bar_kwargs = dict(bar_kwargs or {})
    text_kwargs = dict(text_kwargs or {})
    bar_kwargs.update(kwargs)
    normed = normalize_sizes(sizes, norm_x, norm_y)
    rects = _squarify(normed, 0, 0, norm_x, norm_y)
    if pad:
        for rect in rects:
            pad_rectangle(rect)
    xs = [r["x"] for r in rects]
    ys = [r["y"] for r in rects]
    dxs = [r["dx"] for r in rects]
    dys = [r["dy"] for r in rects]
    ax.bar(xs, dys, width=dxs, bottom=ys, color=color, label=label, align="edge", **bar_kwargs)
    if value is not None:
        va = "center" if label is None else "top"
        for v, r in zip(value, rects):
            ax.text(r["x"] + r["dx"] / 2, r["y"] + r["dy"] / 2, v, va=va, ha="center",
                    **text_kwargs)
    if label is not None:
        va = "center" if value is None else "bottom"
        for lab, r in zip(label, rects):
            ax.text(r["x"] + r["dx"] / 2, r["y"] + r["dy"] / 2, lab, va=va, ha="center",
                    **text_kwargs)
    ax.set_xlim(0, norm_x)
    ax.set_ylim(0, norm_y)
    return ax


def make_module():
    """A fresh module object named `squarify` exposing this stand-in's API."""
    module = types.ModuleType("squarify")
    module.__doc__ = "Stand-in for squarify (treemap layout), provided by the render engine."
    module.__cit_stand_in__ = True
    for name in ("pad_rectangle", "squarify", "padded_squarify", "normalize_sizes", "plot"):
        setattr(module, name, getattr(sys.modules[__name__], name))
    return module
