"""Axes.bar_label for matplotlib < 3.4, and its 3.7 fmt forms (callable, "{}") before 3.7."""
import functools

from cit_compat_usage import accepts as _accepts
from cit_compat_usage import note

installed = []


# --- bar_label (matplotlib 3.4; callable fmt 3.7) -------------------------------------------

def format_bar_label(fmt, value):
    """Format one bar value like matplotlib 3.7's bar_label: %-style, {}-style or callable."""
    if callable(fmt):
        return fmt(value)
    if "{" in fmt:
        return fmt.format(value)
    return fmt % value


def _bar_values(container):
    orientation = getattr(container, "orientation", None) or "vertical"
    values = getattr(container, "datavalues", None)
    if values is None:
        if orientation == "horizontal":
            values = [bar.get_width() for bar in container.patches]
        else:
            values = [bar.get_height() for bar in container.patches]
    return orientation, list(values)


def bar_label_polyfill(ax, container, labels=None, *, fmt="%g", label_type="edge", padding=0,
                       **kwargs):
    """Axes.bar_label for matplotlib < 3.4: annotate each bar at its end or centre."""
    orientation, values = _bar_values(container)
    annotations = []
    for index, (bar, value) in enumerate(zip(container.patches, values)):
        x0, y0 = bar.get_x(), bar.get_y()
        width, height = bar.get_width(), bar.get_height()
        sign = -1 if value < 0 else 1
        if label_type == "center":
            xy = (x0 + width / 2.0, y0 + height / 2.0)
            offset = (0, 0)
            ha, va = "center", "center"
        elif orientation == "horizontal":
            end = max(x0, x0 + width) if sign > 0 else min(x0, x0 + width)
            xy = (end, y0 + height / 2.0)
            offset = (sign * padding, 0)
            ha, va = ("left" if sign > 0 else "right"), "center"
        else:
            end = max(y0, y0 + height) if sign > 0 else min(y0, y0 + height)
            xy = (x0 + width / 2.0, end)
            offset = (0, sign * padding)
            ha, va = "center", ("bottom" if sign > 0 else "top")
        if labels is not None:
            text = labels[index] if index < len(labels) else ""
        else:
            text = format_bar_label(fmt, value)
        options = {"ha": ha, "va": va}
        options.update(kwargs)
        annotations.append(ax.annotate(text, xy, xytext=offset, textcoords="offset points",
                                       **options))
    return annotations


def install():
    """Install bar_label (3.4) where missing, and callable/{}-style fmt (3.7) where not."""
    from matplotlib.axes import Axes
    from matplotlib.container import BarContainer

    if not _accepts(BarContainer.__init__, "orientation"):
        # Before 3.4 bar containers do not know their orientation; tag them at creation.
        original_bar = Axes.bar

        @functools.wraps(original_bar)
        def bar(self, *args, **kwargs):
            container = original_bar(self, *args, **kwargs)
            container.orientation = kwargs.get("orientation", "vertical")
            return container

        Axes.bar = bar
    if not hasattr(Axes, "bar_label"):
        def bar_label(self, container, labels=None, **kwargs):
            note("bar_label")
            return bar_label_polyfill(self, container, labels, **kwargs)

        Axes.bar_label = bar_label
        installed.append("bar_label")
        _install_pyplot_bar_label()
        return
    original = Axes.bar_label
    if _bar_label_accepts_callable():
        return

    @functools.wraps(original)
    def bar_label_callable(self, container, labels=None, **kwargs):
        fmt = kwargs.get("fmt")
        if labels is None and (callable(fmt) or (isinstance(fmt, str) and "{" in fmt)):
            note("bar_label")
            kwargs.pop("fmt")
            _, values = _bar_values(container)
            labels = [format_bar_label(fmt, value) for value in values]
        return original(self, container, labels, **kwargs)

    Axes.bar_label = bar_label_callable
    installed.append("bar_label-fmt")


def _bar_label_accepts_callable():
    import matplotlib

    parts = matplotlib.__version__.split(".")
    try:
        return (int(parts[0]), int(parts[1])) >= (3, 7)
    except ValueError:
        return True


def _install_pyplot_bar_label():
    import matplotlib.pyplot as plt

    if hasattr(plt, "bar_label"):
        return

    def bar_label(*args, **kwargs):
        """pyplot.bar_label (3.4): label the bars of the current axes."""
        return plt.gca().bar_label(*args, **kwargs)

    plt.bar_label = bar_label
