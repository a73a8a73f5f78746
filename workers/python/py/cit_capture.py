"""Capture what a script does with its figures and its console while it runs.

`plt.show()` and `savefig(...)` must not open windows or write files: they only remember
which figure the script meant to show (and with which savefig options); stdout, stderr and
warnings are collected instead of printed.
"""
import contextlib
import io
import os
import sys
import warnings

import matplotlib.pyplot as plt
from matplotlib import _pylab_helpers
from matplotlib.figure import Figure

# savefig options that change the picture; the rest (format, dpi, metadata...) is ours to decide
KEPT_SAVE_OPTIONS = ("facecolor", "edgecolor", "transparent", "bbox_inches", "pad_inches",
                     "bbox_extra_artists")
MAX_WARNINGS = 50
# Raised while compiling libraries imported on first use (Pyodide has no .pyc cache), not by
# the script: kept only when they point at the script itself.
LIBRARY_NOISE = (DeprecationWarning, PendingDeprecationWarning, SyntaxWarning, ImportWarning)

_state = {"active": None}
original_savefig = Figure.savefig


class Capture(object):
    """What one run did: figures shown or saved (in order) and their savefig options."""

    def __init__(self):
        self.figures = []
        self.save_options = {}

    def remember(self, fig, options=None):
        if fig in self.figures:
            self.figures.remove(fig)
        self.figures.append(fig)
        if options is not None:
            self.save_options[id(fig)] = dict(
                (k, v) for k, v in options.items() if k in KEPT_SAVE_OPTIONS)


def open_figures():
    managers = sorted(_pylab_helpers.Gcf.get_all_fig_managers(), key=lambda m: m.num)
    return [m.canvas.figure for m in managers]


def _savefig(self, fname=None, *args, **kwargs):
    capture = _state["active"]
    if capture is None:
        return original_savefig(self, fname, *args, **kwargs)
    capture.remember(self, kwargs)
    if fname is not None and hasattr(fname, "write"):
        # Writing into a buffer the script owns is harmless and the script may read it back.
        return original_savefig(self, fname, *args, **kwargs)
    return None


def _show(*args, **kwargs):
    capture = _state["active"]
    if capture is None:
        return None
    current = _pylab_helpers.Gcf.get_active()
    for fig in open_figures():
        if current is None or fig is not current.canvas.figure:
            capture.remember(fig)
    if current is not None:
        capture.remember(current.canvas.figure)
    return None


def _show_figure(self, *args, **kwargs):
    capture = _state["active"]
    if capture is not None:
        capture.remember(self)
    return None


def _no_directories(*args, **kwargs):
    return None


def install():
    """Route Figure.savefig and plt.show through the active capture (idempotent)."""
    if Figure.savefig is not _savefig:
        Figure.savefig = _savefig
    plt.show = _show
    Figure.show = _show_figure


def _format_warning(record):
    line = ""
    if record.filename == "<chart>" and record.lineno:
        line = " (line %d)" % record.lineno
    return "%s: %s%s" % (record.category.__name__, str(record.message).splitlines()[0]
                         if str(record.message) else "", line)


@contextlib.contextmanager
def capturing(capture, stdout, stderr, warning_lines):
    """Make `capture` active and redirect the console for the duration of a run."""
    saved = (sys.stdout, sys.stderr, sys.stdin, os.makedirs, os.mkdir)
    _state["active"] = capture
    sys.stdout, sys.stderr, sys.stdin = stdout, stderr, io.StringIO("")
    os.makedirs = os.mkdir = _no_directories  # scripts often create an output folder first
    try:
        with warnings.catch_warnings(record=True) as records:
            warnings.simplefilter("always")
            try:
                yield
            finally:
                for record in records:
                    if (issubclass(record.category, LIBRARY_NOISE)
                            and record.filename != "<chart>"):
                        continue
                    text = _format_warning(record)
                    if text not in warning_lines and len(warning_lines) < MAX_WARNINGS:
                        warning_lines.append(text)
    finally:
        _state["active"] = None
        sys.stdout, sys.stderr, sys.stdin, os.makedirs, os.mkdir = saved
