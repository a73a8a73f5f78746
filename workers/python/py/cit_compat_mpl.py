"""Compat shims for matplotlib APIs newer than the running version (see cit_compat)."""
import functools
import warnings

import cit_compat_bar_label
from cit_compat_usage import accepts as _accepts
from cit_compat_usage import accepts_any_keyword
from cit_compat_usage import note

_installed = []


# --- set_ticks(labels=) (3.5) -----------------------------------------------------------------

def set_ticks_with_labels(original):
    """Axis.set_ticks accepting labels= and text properties, over the 3.3 signature."""

    def set_ticks(self, ticks, labels=None, *, minor=False, **kwargs):
        result = original(self, ticks, minor=minor)
        if labels is not None:
            note("set_ticks-labels")
            self.set_ticklabels(labels, minor=minor, **kwargs)
        return result

    return set_ticks


def set_xticks(self, ticks, labels=None, *, minor=False, **kwargs):
    return self.xaxis.set_ticks(ticks, labels, minor=minor, **kwargs)


def set_yticks(self, ticks, labels=None, *, minor=False, **kwargs):
    return self.yaxis.set_ticks(ticks, labels, minor=minor, **kwargs)


def _install_set_ticks_labels():
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

    if _accepts(Axis.set_ticks, "labels"):
        return
    Axis.set_ticks = set_ticks_with_labels(Axis.set_ticks)
    Axes.set_xticks = set_xticks
    Axes.set_yticks = set_yticks
    _installed.append("set_ticks-labels")


# --- Figure(layout=) (3.5) ------------------------------------------------------------------

def figure_init_with_layout(original):
    """Figure.__init__ accepting layout='constrained'|'tight' (3.5) over older signatures."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if "layout" in kwargs:
            layout = kwargs.pop("layout")
            if layout is not None:
                note("figure-layout")
            if layout == "constrained":
                kwargs["constrained_layout"] = True
            elif layout == "tight":
                kwargs["tight_layout"] = True
        original(self, *args, **kwargs)

    return __init__


def _install_figure_layout():
    from matplotlib.figure import Figure

    if _accepts(Figure.__init__, "layout"):
        return
    Figure.__init__ = figure_init_with_layout(Figure.__init__)
    _installed.append("figure-layout")


# --- matplotlib.colormaps registry (3.5) ------------------------------------------------------

class ColormapRegistry(object):
    """`matplotlib.colormaps[name]` for old matplotlib; calling it lists the names."""

    def __getitem__(self, name):
        import matplotlib.cm

        note("colormaps")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # get_cmap is the only lookup old versions have
            return matplotlib.cm.get_cmap(name)

    def __call__(self):
        import matplotlib.cm

        for attribute in ("_cmap_registry", "_colormaps", "cmap_d"):  # 3.3, 3.5+, older
            names = getattr(matplotlib.cm, attribute, None)
            if names is not None:
                return sorted(names)
        return []

    def __iter__(self):
        return iter(self())

    def __len__(self):
        return len(self())

    def __contains__(self, name):
        return name in self()

    def get_cmap(self, name=None):
        return self[name] if name is not None else self["viridis"]


def _install_colormaps_registry():
    import matplotlib
    import matplotlib.pyplot as plt

    if hasattr(matplotlib, "colormaps"):
        return
    registry = ColormapRegistry()
    matplotlib.colormaps = registry
    plt.colormaps = registry
    _installed.append("colormaps")


# --- ax.spines.right and spines[['top', 'right']] (3.4) -------------------------------------

class _SpineGroup(list):
    def __getattr__(self, name):
        def call_each(*args, **kwargs):
            return [getattr(spine, name)(*args, **kwargs) for spine in self]

        return call_each


class SpinesDict(dict):
    """The 3.4+ Spines interface over the plain dict that older axes hold."""

    def __getattr__(self, name):
        try:
            spine = self[name]
        except KeyError:
            raise AttributeError(name)
        note("spines-access")
        return spine

    def __getitem__(self, key):
        if isinstance(key, (list, tuple)):
            note("spines-access")
            return _SpineGroup(dict.__getitem__(self, k) for k in key)
        if isinstance(key, slice):
            note("spines-access")
            return _SpineGroup(self.values())
        return dict.__getitem__(self, key)


def _install_spines_access():
    import matplotlib.spines
    from matplotlib.axes import Axes

    if hasattr(matplotlib.spines, "Spines"):
        return
    base = Axes.__mro__[1]
    original = base.__init__

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if type(self.spines) is not SpinesDict:
            self.spines = SpinesDict(self.spines)

    base.__init__ = __init__
    _installed.append("spines-access")


# --- legend(ncols=) (3.6) and legend(reverse=) (3.7) -------------------------------------------

def legend_init_with_kwargs(original, has_ncols, has_reverse):
    """Legend.__init__ accepting ncols= (3.6) and reverse= (3.7) over older signatures."""

    @functools.wraps(original)
    def __init__(self, parent, handles, labels, *args, **kwargs):
        if not has_ncols and "ncols" in kwargs:
            note("legend-ncols")
            kwargs["ncol"] = kwargs.pop("ncols")
        if not has_reverse and "reverse" in kwargs:
            note("legend-reverse")
            if kwargs.pop("reverse"):
                handles, labels = list(handles)[::-1], list(labels)[::-1]
        original(self, parent, handles, labels, *args, **kwargs)

    return __init__


def _install_legend_kwargs():
    from matplotlib.legend import Legend

    has_ncols = _accepts(Legend.__init__, "ncols")
    has_reverse = _accepts(Legend.__init__, "reverse")
    if has_ncols and has_reverse:
        return
    Legend.__init__ = legend_init_with_kwargs(Legend.__init__, has_ncols, has_reverse)
    _installed.append("legend-kwargs")


# --- pie(hatch=) and wedgeprops={'hatch': [...]} (3.7) -----------------------------------------

def pie_with_hatch(original):
    """Axes.pie accepting hatch= and a wedgeprops hatch list (3.7) over older signatures."""

    @functools.wraps(original)
    def pie(self, *args, **kwargs):
        hatch = kwargs.pop("hatch", None)
        wedgeprops = kwargs.get("wedgeprops")
        if isinstance(wedgeprops, dict) and isinstance(wedgeprops.get("hatch"), (list, tuple)):
            wedgeprops = dict(wedgeprops)
            hatch = wedgeprops.pop("hatch")
            kwargs["wedgeprops"] = wedgeprops
        result = original(self, *args, **kwargs)
        if hatch is not None:
            note("pie-hatch")
            hatches = [hatch] if isinstance(hatch, str) else list(hatch)
            for index, wedge in enumerate(result[0]):
                if hatches:
                    wedge.set_hatch(hatches[index % len(hatches)])
        return result

    return pie


def _install_pie_hatch():
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    if _accepts(Axes.pie, "hatch"):
        return
    Axes.pie = pie_with_hatch(Axes.pie)
    if not accepts_any_keyword(plt.pie):
        # pyplot.pie spells out its parameters before 3.7, so hatch= fails before Axes.pie.
        def pie(*args, **kwargs):
            return plt.gca().pie(*args, **kwargs)

        plt.pie = pie
    _installed.append("pie-hatch")


def install():
    """Install the matplotlib shims this version needs; returns their names."""
    cit_compat_bar_label.install()
    _install_set_ticks_labels()
    _install_figure_layout()
    _install_colormaps_registry()
    _install_spines_access()
    _install_legend_kwargs()
    _install_pie_hatch()
    return list(_installed) + list(cit_compat_bar_label.installed)
