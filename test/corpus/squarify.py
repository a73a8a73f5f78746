"""A small stand-in for the `squarify` package, used only when the runtime's own stand-in
(workers/python/py/squarify.py) is not there. Same call shapes as squarify 0.4."""


def normalize_sizes(sizes, dx, dy):
    """Scale sizes so that they sum to the area dx * dy."""
    total = float(sum(sizes))
    return [s * dx * dy / total for s in sizes]


def _layout_row(sizes, x, y, dx, dy):
    covered = sum(sizes)
    width = covered / dy
    rects, ry = [], y
    for s in sizes:
        rects.append({'x': x, 'y': ry, 'dx': width, 'dy': s / width})
        ry += s / width
    return rects


def _layout_col(sizes, x, y, dx, dy):
    covered = sum(sizes)
    height = covered / dx
    rects, rx = [], x
    for s in sizes:
        rects.append({'x': rx, 'y': y, 'dx': s / height, 'dy': height})
        rx += s / height
    return rects


def _layout(sizes, x, y, dx, dy):
    return _layout_row(sizes, x, y, dx, dy) if dx >= dy else _layout_col(sizes, x, y, dx, dy)


def _leftover(sizes, x, y, dx, dy):
    covered = sum(sizes)
    if dx >= dy:
        width = covered / dy
        return x + width, y, dx - width, dy
    height = covered / dx
    return x, y + height, dx, dy - height


def _worst(sizes, x, y, dx, dy):
    return max(max(r['dx'] / r['dy'], r['dy'] / r['dx']) for r in _layout(sizes, x, y, dx, dy))


def squarify(sizes, x, y, dx, dy):
    """Rectangles (dicts with x, y, dx, dy) for sizes already normalised to dx * dy."""
    sizes = list(sizes)
    if not sizes:
        return []
    if len(sizes) == 1:
        return _layout(sizes, x, y, dx, dy)
    i = 1
    while i < len(sizes) and _worst(sizes[:i], x, y, dx, dy) >= _worst(sizes[: i + 1], x, y, dx, dy):
        i += 1
    current, remaining = sizes[:i], sizes[i:]
    lx, ly, ldx, ldy = _leftover(current, x, y, dx, dy)
    return _layout(current, x, y, dx, dy) + squarify(remaining, lx, ly, ldx, ldy)


def plot(sizes, norm_x=100, norm_y=100, color=None, label=None, value=None, ax=None, pad=False,
         bar_kwargs=None, text_kwargs=None, **kwargs):
    """Draw a treemap of sizes (largest first gives the best layout) on ax."""
    import matplotlib.pyplot as plt

    ax = ax if ax is not None else plt.gca()
    bar_kwargs = dict(bar_kwargs or {})
    bar_kwargs.update(kwargs)
    text_kwargs = dict(text_kwargs or {})
    rects = squarify(normalize_sizes(sizes, norm_x, norm_y), 0, 0, norm_x, norm_y)
    if pad:
        rects = [dict(x=r['x'] + 1, y=r['y'] + 1, dx=max(r['dx'] - 2, 0), dy=max(r['dy'] - 2, 0)) for r in rects]
    if color is None:
        cmap = plt.get_cmap()
        color = [cmap(i / max(len(sizes) - 1, 1)) for i in range(len(sizes))]
    elif isinstance(color, str):
        color = [color] * len(sizes)
    ax.bar([r['x'] for r in rects], [r['dy'] for r in rects], width=[r['dx'] for r in rects],
           bottom=[r['y'] for r in rects], color=color, align='edge', **bar_kwargs)
    texts = label if label is not None else value
    if texts is not None:
        va = text_kwargs.pop('va', 'center')
        for r, text in zip(rects, texts):
            ax.text(r['x'] + r['dx'] / 2, r['y'] + r['dy'] / 2, text, va=va, ha='center', **text_kwargs)
    ax.set_xlim(0, norm_x)
    ax.set_ylim(0, norm_y)
    return ax
