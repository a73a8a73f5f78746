"""FigureFacts (api.ts) read back from a figure that has just been drawn by the Agg renderer.

Pixel boxes are in the saved PNG: matplotlib's display coordinates start bottom-left, the PNG
top-left, and with bbox_inches='tight' the PNG is a crop of the figure (`crop` below).
"""
import functools
import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.text import Annotation, Text

import cit_findings
import cit_import_hooks
import cit_series

_pie_calls = [0]


def install_hooks():
    """Tag artists whose grouping is lost after drawing: pies, contour sets, boxplots, bar3d."""
    if getattr(Axes, "_cit_hooked", False):
        return
    Axes._cit_hooked = True
    original_pie = Axes.pie

    @functools.wraps(original_pie)
    def pie(self, *args, **kwargs):
        result = original_pie(self, *args, **kwargs)
        _pie_calls[0] += 1
        for wedge in result[0]:
            wedge._cit_pie = _pie_calls[0]
        for texts in result[1:]:
            for text in texts:
                text._cit_role = "label"
        return result

    Axes.pie = pie
    for name in ("contour", "contourf"):
        setattr(Axes, name, _tag_contour(getattr(Axes, name)))
    original_boxplot = Axes.boxplot

    @functools.wraps(original_boxplot)
    def boxplot(self, x, *args, **kwargs):
        result = original_boxplot(self, x, *args, **kwargs)
        medians = result.get("medians", [])
        positions = kwargs.get("positions") or list(range(1, len(medians) + 1))
        vert = kwargs.get("vert")
        orientation = kwargs.get("orientation", "vertical")
        vertical = (vert is None or bool(vert)) and orientation == "vertical"
        box = {"medians": medians, "positions": list(positions),
               "orientation": "vertical" if vertical else "horizontal"}
        for lines in result.values():
            for line in lines:
                line._cit_box = box
        return result

    Axes.boxplot = boxplot
    Axes.fill_between = _tag_fill_between(Axes.fill_between)
    original_violinplot = Axes.violinplot

    @functools.wraps(original_violinplot)
    def violinplot(self, *args, **kwargs):
        result = original_violinplot(self, *args, **kwargs)
        for body in result.get("bodies", []):
            body._cit_kind = "collection"  # a violin outline is not an area under a curve
        return result

    Axes.violinplot = violinplot
    cit_import_hooks.call_after_import("mpl_toolkits.mplot3d.axes3d", _hook_bar3d)


def _tag_fill_between(original):
    """Keep fill_between's (and so stackplot's) numeric x, y1, y2 on the returned collection."""

    @functools.wraps(original)
    def fill_between(self, x, y1, y2=0, *args, **kwargs):
        collection = original(self, x, y1, y2, *args, **kwargs)
        try:
            xs = np.asarray(x, dtype=float).ravel()
            collection._cit_area = tuple(np.broadcast_to(np.asarray(v, dtype=float), xs.shape)
                                         for v in (xs, y1, y2))
        except (TypeError, ValueError):  # dates or categories: read the polygon instead
            pass
        return collection

    return fill_between


def _tag_contour(original):
    @functools.wraps(original)
    def contour(self, *args, **kwargs):
        contour_set = original(self, *args, **kwargs)
        contour_set._cit_contour = contour_set
        if not isinstance(contour_set, Collection):
            # Before 3.8 a contour set draws through one collection per level.
            for collection in contour_set.collections:
                collection._cit_contour = contour_set
        return contour_set

    return contour


def _hook_bar3d(module):
    axes3d = module.Axes3D
    original = axes3d.bar3d

    @functools.wraps(original)
    def bar3d(self, x, y, z, dx, dy, dz, *args, **kwargs):
        collection = original(self, x, y, z, dx, dy, dz, *args, **kwargs)
        size = np.broadcast(np.asarray(x), np.asarray(y), np.asarray(dz)).size
        collection._cit_bar3d = tuple(np.broadcast_to(np.asarray(v, dtype=float), (size,))
                                      for v in (x, y, dz))
        return collection

    axes3d.bar3d = bar3d


class _PixelFrame(object):
    """Maps display boxes to PNG boxes."""

    def __init__(self, fig, crop):
        self.x0 = crop[0] if crop else 0.0
        self.top = crop[3] if crop else fig.bbox.height

    def box(self, bbox):
        """PNG box, or None when matplotlib has no finite extent for the artist."""
        values = (bbox.x0 - self.x0, self.top - bbox.y1, bbox.x1 - self.x0, self.top - bbox.y0)
        if not all(math.isfinite(v) for v in values):
            return None
        return [round(float(v), 1) for v in values]


def _colorbar_axes(fig):
    found = set()
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>" or hasattr(ax, "_colorbar"):
            found.add(id(ax))
        for artist in list(ax.collections) + list(ax.images):
            colorbar = getattr(artist, "colorbar", None)
            if colorbar is not None:
                found.add(id(colorbar.ax))
    return found


def _is_twin(ax, index_of):
    group = getattr(ax, "_twinned_axes", None)
    if group is None:
        return False
    try:
        siblings = group.get_siblings(ax)
    except Exception:  # an axes that was never twinned is not in the grouper
        return False
    indices = [index_of[id(s)] for s in siblings if id(s) in index_of]
    return len(indices) > 1 and index_of[id(ax)] != min(indices)


def _visible_ticks(axis, is_3d):
    if is_3d:
        # 3D axes place their ticks while drawing; _update_ticks would move them back to 2D.
        low, high = sorted(axis.get_view_interval())
        slack = (high - low) * 1e-9
        ticks = axis.get_major_ticks()[:len(axis.get_majorticklocs())]
        return [t for t in ticks if low - slack <= t.get_loc() <= high + slack]
    try:
        return axis._update_ticks()
    except Exception:  # private API; fall back to the public tick lists
        return axis.get_major_ticks() + axis.get_minor_ticks()


def _plain(text):
    """Tick formatters wrap numbers in mathtext ('$\\mathdefault{10^{2}}$'); keep the number."""
    if text.startswith("$\\mathdefault{") and text.endswith("}$"):
        return text[len("$\\mathdefault{"):-2]
    return text


def _window_extent(text, renderer):
    """Pixel extent of a text as drawn (the text box only, without annotation arrows).

    Since matplotlib 3.4, a 3D text projects its position only for the duration of its draw
    (3.3 keeps the projected position, marked by `_position3d`), so project it again here."""
    axes = getattr(text, "axes", None)
    if (not hasattr(text, "_z") or hasattr(text, "_position3d")
            or getattr(axes, "M", None) is None):
        return Text.get_window_extent(text, renderer)
    from mpl_toolkits.mplot3d import proj3d

    start = np.array((text._x, text._y, text._z), dtype=float)
    end = start + np.asarray(text._dir_vec, dtype=float)
    xs, ys, _ = proj3d.proj_transform(np.array([start[0], end[0]]), np.array([start[1], end[1]]),
                                      np.array([start[2], end[2]]), axes.M)
    angle = (math.degrees(math.atan2(ys[1] - ys[0], xs[1] - xs[0])) + 180) % 180
    saved = (text._x, text._y, text._rotation)
    text._x, text._y, text._rotation = xs[0], ys[0], angle - 180 if angle > 90 else angle
    try:
        return Text.get_window_extent(text, renderer)
    finally:
        text._x, text._y, text._rotation = saved


class _TextCollector(object):
    def __init__(self, renderer, frame):
        self.renderer = renderer
        self.frame = frame
        self.texts = []
        self.seen = set()

    def add(self, text, role, axes_index):
        if text is None or id(text) in self.seen:
            return
        self.seen.add(id(text))
        content = text.get_text()
        if not text.get_visible() or content is None or str(content).strip() == "":
            return
        if isinstance(text, Annotation):
            try:
                if not text._check_xy(self.renderer):
                    return
            except Exception:  # private API; assume drawn
                pass
        box = self.frame.box(_window_extent(text, self.renderer))
        if box is None:  # not drawn: matplotlib skips texts at non-finite positions
            return
        self.texts.append({"role": getattr(text, "_cit_role", role), "text": _plain(str(content)),
                           "bbox": box, "fontsize": float(text.get_fontsize()),
                           "axes": axes_index, "rotation": float(text.get_rotation())})


def _axis_texts(collector, axis, tick_role, label_role, index, is_3d=False):
    if not axis.get_visible():
        return
    collector.add(axis.label, label_role, index)
    for tick in _visible_ticks(axis, is_3d):
        if tick.get_visible():
            collector.add(tick.label1, tick_role, index)
            collector.add(tick.label2, tick_role, index)
    collector.add(axis.offsetText, "label", index)


def _legend_facts(collector, legend, index):
    if legend is None or not legend.get_visible():
        return None
    for text in legend.get_texts():
        collector.add(text, "legend", index)
    collector.add(legend.get_title(), "legend-title", index)
    return [str(t.get_text()) for t in legend.get_texts()]


def _axes_fact(ax, index, collector, frame, colorbars, index_of):
    is_colorbar = id(ax) in colorbars
    visible = ax.get_visible()
    titles = [getattr(ax, name, None) for name in ("title", "_left_title", "_right_title")]
    if visible:
        for title in titles:
            collector.add(title, "title", index)
        label_role = "label" if is_colorbar else None
        is_3d = hasattr(ax, "zaxis")
        roles = [(ax.xaxis, "xtick", label_role or "xlabel"),
                 (ax.yaxis, "ytick", label_role or "ylabel")]
        if is_3d:
            roles.append((ax.zaxis, "ztick", "zlabel"))
        # ax.axis('off') hides axis texts; 3D axes keep their own flag (the 2D one is always off)
        if not getattr(ax, "_axis3don" if is_3d else "axison", True):
            roles = []
        for axis, tick_role, axis_label_role in roles:
            _axis_texts(collector, axis, tick_role, axis_label_role, index, is_3d)
    get_legend = getattr(ax, "get_legend", None)  # secondary axes of 3.3 have none
    legend = _legend_facts(collector, get_legend(), index) if visible and get_legend else None
    if visible:
        for text in ax.texts:
            collector.add(text, "annotation" if isinstance(text, Annotation) else "text", index)
        for table in getattr(ax, "tables", []):
            for cell in table.get_celld().values():
                if cell.get_visible():
                    collector.add(cell.get_text(), "table", index)
        for child in ax.get_children():
            if isinstance(child, Text):
                collector.add(child, "annotation" if isinstance(child, Annotation) else "text",
                              index)
    title = " ".join(t.get_text() for t in titles if t is not None and t.get_text()).strip()
    return {
        "index": index,
        "bbox": frame.box(ax.get_window_extent(collector.renderer)) or [0, 0, 0, 0],
        "projection": str(getattr(ax, "name", "rectilinear")),
        "title": title,
        "xlabel": str(ax.xaxis.label.get_text()),
        "ylabel": str(ax.yaxis.label.get_text()),
        "xscale": str(ax.xaxis.get_scale()),
        "yscale": str(ax.yaxis.get_scale()),
        "xlim": [cit_series.number(v) for v in ax.get_xlim()],
        "ylim": [cit_series.number(v) for v in ax.get_ylim()],
        "xticklabels": [t["text"] for t in collector.texts if t["axes"] == index
                        and t["role"] == "xtick"],
        "yticklabels": [t["text"] for t in collector.texts if t["axes"] == index
                        and t["role"] == "ytick"],
        "legend": legend,
        "series": cit_series.read_series(ax) if visible and not is_colorbar else [],
        "isTwin": _is_twin(ax, index_of),
        "isColorbar": is_colorbar,
        "_visible": bool(visible),
        "_opaque": bool(visible and ax.patch.get_visible() and ax.patch.get_facecolor()[3] > 0),
        # secondary_xaxis/yaxis: an extra scale on its parent, never meant to hold data
        "_secondary": type(ax).__name__ == "SecondaryAxis",
    }


def _safe_axes_fact(ax, index, collector, frame, colorbars, index_of):
    """The axes' facts; an axes that cannot be read is reported bare, not as a failed render."""
    try:
        return _axes_fact(ax, index, collector, frame, colorbars, index_of)
    except Exception:  # an unusual axes class (or version gap); keep the other axes' facts
        return {"index": index, "bbox": [0, 0, 0, 0], "projection": str(getattr(ax, "name", "")),
                "title": "", "xlabel": "", "ylabel": "", "xscale": "linear", "yscale": "linear",
                "xlim": [None, None], "ylim": [None, None], "xticklabels": [],
                "yticklabels": [], "legend": None, "series": [], "isTwin": False,
                "isColorbar": False, "_visible": False, "_opaque": False, "_secondary": False}


def _all_axes(fig):
    """Visible figure axes in creation order, each followed by its inset (child) axes, which are
    drawn with their parent and are not in fig.axes. Pairs of (axes, top-level parent)."""
    result = []
    for ax in fig.axes:
        if not ax.get_visible():  # ax.set_visible(False): not drawn, not reported
            continue
        result.append((ax, ax))
        result.extend((child, ax) for child in getattr(ax, "child_axes", [])
                      if child.get_visible())
    return result


def _note_draw_order(all_axes, axes):
    """Position of each axes in the figure's drawing order (zorder, then creation)."""
    order = sorted(range(len(all_axes)), key=lambda i: all_axes[i][1].get_zorder())
    for position, index in enumerate(order):
        axes[index]["_drawn"] = position


def read_facts(fig, renderer, pixels, dpi, crop=None):
    """FigureFacts of a figure drawn with `renderer` at `dpi`; pixels = the PNG's RGBA array."""
    height, width = pixels.shape[0], pixels.shape[1]
    frame = _PixelFrame(fig, crop)
    collector = _TextCollector(renderer, frame)
    collector.add(getattr(fig, "_suptitle", None), "suptitle", None)
    collector.add(getattr(fig, "_supxlabel", None), "xlabel", None)
    collector.add(getattr(fig, "_supylabel", None), "ylabel", None)
    colorbars = _colorbar_axes(fig)
    all_axes = _all_axes(fig)
    index_of = dict((id(ax), i) for i, (ax, _) in enumerate(all_axes))
    axes = [_safe_axes_fact(ax, i, collector, frame, colorbars, index_of)
            for i, (ax, _) in enumerate(all_axes)]
    for legend in getattr(fig, "legends", []):
        _legend_facts(collector, legend, None)
    for text in fig.texts:
        collector.add(text, "text", None)
    _note_draw_order(all_axes, axes)
    findings = cit_findings.find_layout_problems(axes, collector.texts, pixels, dpi)
    for fact in axes:
        for key in ("_visible", "_opaque", "_drawn", "_secondary"):
            del fact[key]
    for text in collector.texts:
        del text["rotation"]
    return {"width": int(width), "height": int(height), "dpi": dpi, "axes": axes,
            "texts": collector.texts, "findings": findings}
