"""Compat patches for numpy, networkx, scipy and mplot3d (see cit_compat). The networkx,
scipy and mplot3d ones are applied right after the script first imports those modules."""
import functools
import inspect
import sys

from cit_compat_usage import accepts as _accepts
from cit_compat_usage import note

_installed = []


# --- np.argmin/argmax(keepdims=) (numpy 1.22) -------------------------------------------------

def install_argminmax_keepdims():
    import numpy as np

    if _accepts(np.argmin, "keepdims"):
        return
    for name in ("argmin", "argmax"):
        setattr(np, name, with_keepdims(getattr(np, name)))
    _installed.append("argminmax-keepdims")


def with_keepdims(original):
    """np.argmin/argmax accepting keepdims= (numpy 1.22) over older signatures."""
    import numpy as np

    @functools.wraps(original)
    def wrapper(a, axis=None, out=None, **kwargs):
        keepdims = kwargs.pop("keepdims", False)
        if out is not None:
            result = original(a, axis, out, **kwargs)
        else:
            result = original(a, axis, **kwargs)
        if not keepdims:
            return result
        note("argminmax-keepdims")
        array = np.asarray(a)
        if axis is None:
            return np.asarray(result).reshape((1,) * array.ndim)
        return np.expand_dims(result, axis)

    return wrapper


# --- lazily applied: networkx, scipy.interpolate, mplot3d -------------------------------------

def _spring_layout_works(nx):
    try:
        nx.spring_layout(nx.path_graph(3), seed=1)
        return True
    except Exception:  # the decorator bug raises from inside networkx
        return False


def patch_networkx(nx):
    """networkx 2.5.1 + decorator 5 break keyword arguments of decorated functions
    ('random_state_index is incorrect'); binding them positionally avoids the bug."""
    if _spring_layout_works(nx):
        return
    wrappers = {}
    for module_name, module in list(sys.modules.items()):
        if module is None or not module_name.startswith("networkx"):
            continue
        for attr, value in list(vars(module).items()):
            if not callable(value) or not hasattr(value, "__wrapped__"):
                continue
            if id(value) not in wrappers:
                wrappers[id(value)] = bind_positionally(value)
            if wrappers[id(value)] is not None:
                setattr(module, attr, wrappers[id(value)])
    _installed.append("networkx-kwargs")


def bind_positionally(func):
    """Wrap a decorated networkx function so keyword arguments reach it positionally."""
    try:
        signature = inspect.signature(func.__wrapped__)
    except (TypeError, ValueError):
        return None

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        # decorator 5 no longer fills in defaults, so the random-state decorators index past the
        # end of args even when no keyword is given: always pass every parameter positionally.
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError:
            return func(*args, **kwargs)
        note("networkx-kwargs")
        bound.apply_defaults()
        return func(*bound.args, **bound.kwargs)

    return wrapper


def patch_scipy_interpolate(interpolate):
    if hasattr(interpolate, "make_interp_spline"):
        return

    def make_interp_spline(x, y, k=3, *args, **kwargs):
        """scipy < 0.19 fallback: the interpolating spline of degree k through (x, y)."""
        note("make_interp_spline")
        return interpolate.InterpolatedUnivariateSpline(x, y, k=k)

    interpolate.make_interp_spline = make_interp_spline
    _installed.append("make_interp_spline")


def patch_poly3d_colors(art3d):
    """Legends of bar3d collections read 2D colours that exist only after a draw (3.3, 3.6)."""
    import numpy as np

    collection = art3d.Poly3DCollection
    for getter, fallback in (("get_facecolor", "_facecolor3d"), ("get_edgecolor", "_edgecolor3d")):
        original = getattr(collection, getter)
        setattr(collection, getter, colors_with_fallback(original, fallback, np))
    _installed.append("poly3d-legend")


def colors_with_fallback(original, fallback, np):
    @functools.wraps(original)
    def getter(self):
        try:
            colors = original(self)
        except AttributeError:
            note("poly3d-legend")
            return np.asarray(getattr(self, fallback))
        if not hasattr(colors, "size"):
            note("poly3d-legend")
            return np.asarray(colors)
        return colors

    return getter
