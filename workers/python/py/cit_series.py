"""Data series read back from one drawn Axes (the `series` of AxesFact in api.ts).

Artists are grouped the way a reader sees them: a bar container is one series, a pie call is
one series, a scatter call is one series. Artists that belong to a group already reported
(bars of a container, lines of an errorbar) are not reported again.
"""
import math

import numpy as np
from matplotlib import colors as mcolors
from matplotlib.collections import LineCollection, PathCollection, PolyCollection, QuadMesh
from matplotlib.container import BarContainer, ErrorbarContainer, StemContainer
from matplotlib.image import AxesImage
from matplotlib.patches import Polygon, Shadow, Wedge

MAX_VALUES = 2000  # values kept per series; `count` still tells the true size


def number(value):
    """A finite float, or None (JSON has no NaN/inf)."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def numbers(values):
    if values is None:
        return None
    flat = np.asarray(values, dtype=object).ravel()[:MAX_VALUES]
    return [number(v) for v in flat]


def hex_color(color):
    try:
        return mcolors.to_hex(color, keep_alpha=False).lower()
    except (ValueError, TypeError):
        return None


def hex_colors(colors):
    try:
        array = mcolors.to_rgba_array(colors)
    except (ValueError, TypeError):
        return []
    return [mcolors.to_hex(c, keep_alpha=False).lower() for c in array[:MAX_VALUES]]


def _label(artist):
    label = artist.get_label()
    if label is None:
        return None
    label = str(label)
    return None if label == "" or label.startswith("_") else label


def _category_names(axis):
    mapping = getattr(getattr(axis, "units", None), "_mapping", None)
    if not mapping:
        return None
    return dict((float(index), str(name)) for name, index in mapping.items())


def _as_number(text):
    cleaned = text.replace(",", "").replace("\u2212", "-").replace(" ", "").rstrip("%")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _tick_names(axis, values):
    """Tick label texts at the values' positions, when EVERY value sits on a tick whose label is a
    name rather than the number itself (bars at 0..n-1 with set_xticklabels(years), say)."""
    try:
        locations = [float(v) for v in axis.get_ticklocs()]
        texts = [label.get_text() for label in axis.get_ticklabels()]
    except Exception:  # noqa: BLE001 - a broken custom axis must not cost the render its facts
        return None
    if not values or not locations or len(locations) != len(texts):
        return None
    span = (max(locations) - min(locations)) or 1.0
    names = []
    for value in values:
        if value is None:
            return None
        index = min(range(len(locations)), key=lambda i: abs(locations[i] - value))
        text = texts[index].strip()
        if abs(locations[index] - value) > 1e-6 * span or not text:
            return None
        as_number = _as_number(text)
        if as_number is not None and abs(as_number - value) <= 1e-9 * max(1.0, abs(value)):
            return None  # the label is the number itself: keep numbers
        names.append(text)
    return names


def axis_values(axis, values):
    """Numbers, turned back into category strings where the axis is categorical or where every
    value sits on a tick labelled with a name."""
    names = _category_names(axis)
    result = numbers(values) or []
    if names is None:
        return _tick_names(axis, result) or result
    return [names.get(v, v) if v is not None else None for v in result]


def _series(kind, label=None, color=None, colors=None, x=None, y=None, z=None,
            orientation=None, count=0):
    if colors is not None and len(set(colors)) <= 1:
        color = color or (colors[0] if colors else None)
        colors = None
    return {"kind": kind, "label": label, "color": color, "colors": colors, "x": x, "y": y,
            "z": z, "orientation": orientation, "count": int(count)}


def _line_x(line, axis):
    original = line.get_xdata(orig=True)
    flat = np.asarray(original, dtype=object).ravel()
    if flat.size and isinstance(flat[0], str):
        return [str(v) for v in flat[:MAX_VALUES]]
    return axis_values(axis, line.get_xdata(orig=False))


def _line_series(ax, line, kind="line"):
    verts3d = getattr(line, "_verts3d", None)
    if verts3d is not None:
        x, y, z = [np.asarray(v, dtype=float).ravel() for v in verts3d]
        return _series(kind, _label(line), hex_color(line.get_color()), None, numbers(x),
                       numbers(y), numbers(z), None, x.size)
    ydata = np.asarray(line.get_ydata(orig=False), dtype=float).ravel()
    return _series(kind, _label(line), hex_color(line.get_color()), None,
                   _line_x(line, ax.xaxis), numbers(ydata), None, None, ydata.size)


def _bar_series(ax, container):
    bars = [bar for bar in container.patches if bar.get_visible()]
    orientation = getattr(container, "orientation", None)
    if orientation is None:
        orientation = "vertical"
    if orientation == "horizontal":
        positions = [bar.get_y() + bar.get_height() / 2.0 for bar in bars]
        values = [bar.get_width() for bar in bars]
        x = axis_values(ax.yaxis, positions)
    else:
        positions = [bar.get_x() + bar.get_width() / 2.0 for bar in bars]
        values = [bar.get_height() for bar in bars]
        x = axis_values(ax.xaxis, positions)
    colors = [hex_color(bar.get_facecolor()) for bar in bars]
    return _series("bar", _label(container), None, colors, x, numbers(values), None,
                   orientation, len(bars))


def _wedge_series(wedges):
    spans = [(w.theta2 - w.theta1) for w in wedges]
    total = float(sum(spans)) or 1.0
    labels = [str(w.get_label()) for w in wedges]
    colors = [hex_color(w.get_facecolor()) for w in wedges]
    return _series("wedge", None, None, colors, labels, [number(s / total) for s in spans],
                   None, None, len(wedges))


def _collection_series(ax, collection):
    label = _label(collection)
    facecolors = hex_colors(collection.get_facecolor())
    contour = getattr(collection, "_cit_contour", None)
    if contour is not None:
        levels = numbers(getattr(contour, "levels", []))
        return _series("contour", label, None, facecolors or None, None, levels, None, None,
                       len(levels or []))
    bar3d = getattr(collection, "_cit_bar3d", None)
    if bar3d is not None:
        x, y, dz = bar3d
        return _series("bar3d", label, None, facecolors[::6] or None, numbers(x), numbers(y),
                       numbers(dz), None, len(x))
    if isinstance(collection, QuadMesh):
        shape = np.asarray(collection._coordinates).shape
        return _series("image", label, None, None, None, None,
                       [shape[0] - 1, shape[1] - 1], None, (shape[0] - 1) * (shape[1] - 1))
    if isinstance(collection, PathCollection):
        offsets3d = getattr(collection, "_offsets3d", None)
        if offsets3d is not None:
            x, y, z = [np.asarray(v, dtype=float).ravel() for v in offsets3d]
        else:
            offsets = np.asarray(collection.get_offsets(), dtype=float).reshape(-1, 2)
            x, y = offsets[:, 0], offsets[:, 1]
            sizes = np.asarray(collection.get_sizes(), dtype=float).ravel()
            z = sizes if sizes.size > 1 and np.ptp(sizes) > 0 else None
        return _series("scatter", label, None, facecolors or None, axis_values(ax.xaxis, x),
                       numbers(y), numbers(z), None, len(x))
    area = getattr(collection, "_cit_area", None)
    if area is not None:
        x, top, bottom = area
        return _series("area", label, facecolors[0] if facecolors else None, None,
                       numbers(x), numbers(top), numbers(bottom), None, len(x))
    if getattr(collection, "_cit_kind", None) == "collection":
        return _series("collection", label, None, facecolors or None, None, None, None, None,
                       len(collection.get_paths()))
    offsets = np.asarray(collection.get_offsets()).reshape(-1, 2)
    if len(offsets) > 1:  # one shape repeated at many offsets: hexbin cells, quiver arrows...
        return _series("collection", label, None, facecolors or None, None, None, None, None,
                       len(offsets))
    if isinstance(collection, PolyCollection) and not isinstance(collection, LineCollection):
        paths = collection.get_paths()
        if len(paths) == 1 and not hasattr(collection, "_vec"):
            return _area_series(ax, collection, paths[0], label, facecolors)
    count = len(collection.get_paths()) or len(getattr(collection, "get_segments", list)())
    return _series("collection", label, None, facecolors or None, None, None, None, None, count)


def _area_series(ax, collection, path, label, facecolors):
    vertices = np.asarray(path.vertices, dtype=float)
    if len(vertices) > 1 and np.allclose(vertices[0], vertices[-1]):
        vertices = vertices[:-1]
    half = (len(vertices) - 2) // 2
    if half >= 1:
        top = vertices[1:half + 1]
        bottom = vertices[half + 2:][::-1]
    else:
        top, bottom = vertices, vertices[:0]
    z = numbers(bottom[:, 1]) if len(bottom) == len(top) else None
    return _series("area", label, facecolors[0] if facecolors else None, None,
                   axis_values(ax.xaxis, top[:, 0]), numbers(top[:, 1]), z, None, len(top))


def _patch_series(ax, patches):
    """Patches outside containers: one series per label, polygons with their vertices."""
    groups = {}
    order = []
    for patch in patches:
        key = _label(patch)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(patch)
    result = []
    for key in order:
        members = groups[key]
        colors = [hex_color(p.get_facecolor()) for p in members]
        if len(members) == 1 and isinstance(members[0], Polygon):
            xy = np.asarray(members[0].get_xy(), dtype=float)
            result.append(_series("patch", key, colors[0], None, axis_values(ax.xaxis, xy[:, 0]),
                                  numbers(xy[:, 1]), None, None, len(xy)))
            continue
        centres = []
        for patch in members:
            try:
                extents = patch.get_path().get_extents(patch.get_patch_transform())
                centres.append(((extents.x0 + extents.x1) / 2.0, (extents.y0 + extents.y1) / 2.0))
            except Exception:  # exotic patches without a data-space path
                centres.append((float("nan"), float("nan")))
        centres = np.asarray(centres, dtype=float).reshape(-1, 2)
        result.append(_series("patch", key, None, colors, numbers(centres[:, 0]),
                              numbers(centres[:, 1]), None, None, len(members)))
    return result


def _safely(read, *args):
    try:
        return read(*args)
    except Exception:  # an artist that cannot be read is left out, the render still succeeds
        return None


def read_series(ax):
    """All data series of one drawn axes, in a stable order. An artist that cannot be read
    (an unusual subclass, a version difference) is left out rather than failing the render."""
    result = []
    used = set()
    for container in ax.containers:
        if isinstance(container, BarContainer):
            result.append(_safely(_bar_series, ax, container))
            used.update(id(p) for p in container.patches)
        elif isinstance(container, ErrorbarContainer):
            data_line, caplines, barcols = container.lines
            if data_line is not None:
                series = _safely(_line_series, ax, data_line, "errorbar")
                if series is not None:
                    series["label"] = _label(container)
                result.append(series)
                used.add(id(data_line))
            used.update(id(a) for a in list(caplines) + list(barcols))
        elif isinstance(container, StemContainer):
            series = _safely(_line_series, ax, container.markerline)
            if series is not None:
                series["label"] = _label(container)
            result.append(series)
            used.update([id(container.markerline), id(container.stemlines), id(container.baseline)])
    boxes = {}
    for line in ax.lines:
        if id(line) in used or not line.get_visible():
            continue
        box = getattr(line, "_cit_box", None)
        if box is not None:
            boxes.setdefault(id(box), box)
            continue
        if len(line.get_xdata(orig=False)) == 0:
            continue
        result.append(_safely(_line_series, ax, line))
    for box in boxes.values():
        result.append(_safely(_box_series, box))
    for collection in ax.collections:
        if id(collection) in used or not collection.get_visible():
            continue
        contour = getattr(collection, "_cit_contour", None)
        if contour is not None:
            if id(contour) in used:
                continue
            used.add(id(contour))
        series = _safely(_collection_series, ax, collection)
        if series is not None and (series["count"] > 0 or series["kind"] == "contour"):
            result.append(series)  # empty scatters are legend props, not data
    pies = {}
    others = []
    for patch in ax.patches:
        if id(patch) in used or not patch.get_visible():
            continue
        if isinstance(patch, Shadow):  # drop shadows of pies and bars repeat their patch
            continue
        if isinstance(patch, Wedge):
            pies.setdefault(getattr(patch, "_cit_pie", 0), []).append(patch)
        else:
            others.append(patch)
    for key in sorted(pies):
        result.append(_safely(_wedge_series, pies[key]))
    result.extend(_safely(_patch_series, ax, others) or [])
    for image in ax.images:
        if isinstance(image, AxesImage) and image.get_visible():
            result.append(_safely(_image_series, image))
    return [series for series in result if series is not None]


def _box_series(box):
    horizontal = box["orientation"] == "horizontal"
    medians = [number(np.nanmean(np.asarray(m.get_xdata() if horizontal else m.get_ydata(),
                                            dtype=float))) for m in box["medians"]]
    return _series("box", None, None, None, numbers(box["positions"]), medians, None,
                   box["orientation"], len(medians))


def _image_series(image):
    shape = list(np.shape(image.get_array())[:2])
    return _series("image", _label(image), None, None, None, None, shape, None,
                   int(np.prod(shape)) if shape else 0)
