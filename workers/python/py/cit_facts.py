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
    """Tag artists whose grouping is lost after drawing: pie calls, contour sets, boxplots, bar3d."""
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
        vertical = (vert is None or bool(vert)) and kwargs.get("orientation", "vertical") == "vertical"
        box = {"medians": medians, "positions": list(positions),
               "orientation": "vertical" if vertical else "horizontal"}
        for lines in result.values():
            for line in lines:
                line._cit_box = box
        return result

    Axes.boxplot = boxplot
    cit_import_hooks.call_after_import("mpl_toolkits.mplot3d.axes3d", _hook_bar3d)


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

    def __init__(self, fig, crop, width, height):
        self.x0 = crop[0] if crop else 0.0
        self.top = crop[3] if crop else fig.bbox.height
        self.width = width
        self.height = height

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
        box = self.frame.box(Text.get_window_extent(text, self.renderer))
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
    legend = _legend_facts(collector, ax.get_legend(), index) if visible else None
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
        "xlabel": str(ax.get_xlabel()),
        "ylabel": str(ax.get_ylabel()),
        "xscale": str(ax.get_xscale()),
        "yscale": str(ax.get_yscale()),
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
    }


def read_facts(fig, renderer, pixels, dpi, crop=None):
    """FigureFacts of a figure drawn with `renderer` at `dpi`; pixels = the PNG's RGBA array."""
    height, width = pixels.shape[0], pixels.shape[1]
    frame = _PixelFrame(fig, crop, width, height)
    collector = _TextCollector(renderer, frame)
    collector.add(getattr(fig, "_suptitle", None), "suptitle", None)
    collector.add(getattr(fig, "_supxlabel", None), "xlabel", None)
    collector.add(getattr(fig, "_supylabel", None), "ylabel", None)
    colorbars = _colorbar_axes(fig)
    index_of = dict((id(ax), i) for i, ax in enumerate(fig.axes))
    axes = [_axes_fact(ax, i, collector, frame, colorbars, index_of)
            for i, ax in enumerate(fig.axes)]
    for legend in getattr(fig, "legends", []):
        _legend_facts(collector, legend, None)
    for text in fig.texts:
        collector.add(text, "text", None)
    findings = cit_findings.find_layout_problems(axes, collector.texts, pixels, dpi)
    for fact in axes:
        del fact["_visible"]
    for text in collector.texts:
        del text["rotation"]
    return {"width": int(width), "height": int(height), "dpi": dpi, "axes": axes,
            "texts": collector.texts, "findings": findings}
