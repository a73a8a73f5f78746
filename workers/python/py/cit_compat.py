"""Patches for APIs that LLM-written scripts use but an older runtime lacks or gets wrong.

Each patch is applied only when the running version misses the feature (or shows the bug),
so nothing that works natively changes. Every patch reports its name through `note()` when a
script actually goes through it; the render reports those names as `compat`.
Priority order and the evidence behind each patch: research note offline-bundle-gaps.md.
"""
import sys

import cit_compat_libs
import cit_compat_mpl
import cit_import_hooks
import cit_squarify
from cit_compat_usage import note, take_used  # noqa: F401  (re-exported)

_installed = []


def installed_patches():
    """Names of patches installed in this runtime (some only after their module is imported)."""
    return _installed + cit_compat_mpl._installed + cit_compat_libs._installed


def install():
    """Install every patch this runtime needs. Safe to call more than once."""
    if _installed:
        return
    _installed.append("compat")
    if sys.getrecursionlimit() < 1000:
        # Pyodide 0.17 ships a limit of 127; mathtext (log ticks, $...$ labels) needs more.
        sys.setrecursionlimit(1000)
        _installed.append("recursion-limit")
    cit_compat_mpl.install()
    cit_compat_libs.install_argminmax_keepdims()
    cit_import_hooks.call_after_import("networkx", cit_compat_libs.patch_networkx)
    cit_import_hooks.call_after_import("scipy.interpolate", cit_compat_libs.patch_scipy_interpolate)
    cit_import_hooks.call_after_import("mpl_toolkits.mplot3d.art3d",
                                       cit_compat_libs.patch_poly3d_colors)
    cit_squarify._on_use.append(lambda: note("squarify"))
    cit_import_hooks.provide_stand_in("squarify", cit_squarify.make_module)
    _installed.append("squarify-stand-in")
