"""Draw the chosen figure once with Agg and encode the PNG from the same pixels the facts are
read from (one draw serves both; savefig would draw again, and with bbox_inches='tight' it
leaves legends placed in the cropped frame).
"""
import contextlib
import io
import math

import matplotlib
import numpy as np
from matplotlib import colors as mcolors


def fitting_dpi(fig, dpi, max_pixels):
    """The requested dpi, lowered so that width x height stays within max_pixels."""
    width, height = fig.get_size_inches()
    if max_pixels and width * height * dpi * dpi > max_pixels:
        return max(1, int(math.floor(math.sqrt(max_pixels / float(width * height)))))
    return int(dpi) if float(dpi).is_integer() else dpi


@contextlib.contextmanager
def _save_look(fig, options):
    """Apply savefig's facecolor/edgecolor/transparent options for the duration of a draw."""
    restore = []
    patch = fig.patch
    facecolor = options.get("facecolor", matplotlib.rcParams.get("savefig.facecolor", "auto"))
    edgecolor = options.get("edgecolor", matplotlib.rcParams.get("savefig.edgecolor", "auto"))
    if options.get("transparent"):
        facecolor = edgecolor = "none"
        for ax in fig.axes:
            restore.append((ax.patch.set_facecolor, ax.patch.get_facecolor()))
            restore.append((ax.patch.set_edgecolor, ax.patch.get_edgecolor()))
            ax.patch.set_facecolor("none")
            ax.patch.set_edgecolor("none")
    if not (isinstance(facecolor, str) and facecolor == "auto"):
        restore.append((patch.set_facecolor, patch.get_facecolor()))
        patch.set_facecolor(facecolor)
    if not (isinstance(edgecolor, str) and edgecolor == "auto"):
        restore.append((patch.set_edgecolor, patch.get_edgecolor()))
        patch.set_edgecolor(edgecolor)
    try:
        yield
    finally:
        for setter, value in reversed(restore):
            setter(value)


def _crop(pixels, box, fill):
    """Cut box (x0, top, width, height in PNG pixels) out of pixels, padding outside with fill."""
    x0, top, width, height = box
    out = np.empty((height, width, 4), dtype=np.uint8)
    out[:, :] = fill
    src_h, src_w = pixels.shape[0], pixels.shape[1]
    sx0, sy0 = max(0, x0), max(0, top)
    sx1, sy1 = min(src_w, x0 + width), min(src_h, top + height)
    if sx1 > sx0 and sy1 > sy0:
        out[sy0 - top:sy1 - top, sx0 - x0:sx1 - x0] = pixels[sy0:sy1, sx0:sx1]
    return out


def encode_png(pixels, dpi):
    """PNG of RGBA pixels; an opaque image (the usual chart) is written as RGB, which is about a
    quarter faster to encode (more so in wasm) and ~10% smaller, with identical pixels."""
    from PIL import Image

    buffer = io.BytesIO()
    if pixels[:, :, 3].min() == 255:
        image = Image.fromarray(np.ascontiguousarray(pixels[:, :, :3]), "RGB")
    else:
        image = Image.fromarray(np.ascontiguousarray(pixels), "RGBA")
    image.save(buffer, format="png", dpi=(dpi, dpi))
    return buffer.getvalue()


def draw_figure(fig, dpi, options):
    """Draw at dpi; returns (png bytes, RGBA pixels of the PNG, renderer, crop or None).

    crop = (x0, 0, 0, top) in display pixels: the PNG's left edge and top edge."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.dpi = dpi
    with _save_look(fig, options):
        fig.canvas.draw()
        background = mcolors.to_rgba(fig.patch.get_facecolor())
    renderer = fig.canvas.get_renderer()
    pixels = np.asarray(renderer.buffer_rgba())
    crop = None
    if options.get("bbox_inches") == "tight":
        pad = options.get("pad_inches")
        if pad is None or pad == "layout":
            pad = matplotlib.rcParams["savefig.pad_inches"]
        tight = fig.get_tightbbox(renderer, bbox_extra_artists=options.get("bbox_extra_artists"))
        tight = tight.padded(pad)
        full_height = pixels.shape[0]
        x0 = int(round(tight.x0 * dpi))
        top = int(round(full_height - tight.y1 * dpi))
        width = max(1, int(round(tight.width * dpi)))
        height = max(1, int(round(tight.height * dpi)))
        fill = np.array([round(c * 255) for c in background], dtype=np.uint8)
        if options.get("transparent"):
            fill[:] = 0
        pixels = _crop(pixels, (x0, top, width, height), fill)
        crop = (x0, 0, 0, full_height - top)
    return encode_png(pixels, dpi), pixels, renderer, crop
