"""Layout findings (api.ts LayoutFinding) derived from drawn texts, axes and pixels.

Tuned for few false positives on good charts: rotated tick labels are compared in their own
rotated frame (their axis-aligned boxes overlap even when the glyphs do not), and a pair only
counts as overlapping when a real share of the smaller text is covered.
"""
import math

import numpy as np

OVERLAP_SHARE = 0.2  # share of the smaller text's area that must be covered
OVERLAP_MIN_AREA = 6.0  # px^2; touching boxes are not a problem
OFF_CANVAS_PX = 2.0
TINY_POINTS = 6.0
BLANK_SHARE = 0.005  # fewer differing pixels than this share: the image is blank
CONTENT_ROLES = ("text", "annotation", "table", "label", "legend")


def _area(box):
    return max(0.0, box[2] - box[0]) * max(0.0, box[3] - box[1])


def _aligned_overlap(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _rotated_frame(text, dpi):
    """Centre, unrotated width and height of a rotated text, from its axis-aligned box."""
    box = text["bbox"]
    angle = math.radians(text["rotation"])
    c, s = abs(math.cos(angle)), abs(math.sin(angle))
    lines = text["text"].count("\n") + 1
    h = min(text["fontsize"] * dpi / 72.0 * 1.2 * lines, box[3] - box[1])
    w = (box[2] - box[0] - h * s) / c if c > 1e-3 else box[3] - box[1]
    centre = ((box[0] + box[2]) / 2.0, (box[1] + box[3]) / 2.0)
    return centre, max(w, 0.0), max(h, 0.0)


def _rotated_overlap(a, b, dpi):
    (ca, wa, ha), (cb, wb, hb) = _rotated_frame(a, dpi), _rotated_frame(b, dpi)
    angle = math.radians(a["rotation"])
    ux, uy = math.cos(angle), -math.sin(angle)  # PNG y grows downwards
    dx, dy = cb[0] - ca[0], cb[1] - ca[1]
    du = abs(dx * ux + dy * uy)
    dv = abs(-dx * uy + dy * ux)
    ow = (wa + wb) / 2.0 - du
    oh = (ha + hb) / 2.0 - dv
    return (ow * oh, wa * ha, wb * hb) if ow > 0 and oh > 0 else (0.0, wa * ha, wb * hb)


def _is_axis_aligned(rotation):
    return abs(((rotation + 45.0) % 90.0) - 45.0) < 1.0


def _overlap(a, b, dpi):
    rotated = not _is_axis_aligned(a["rotation"])
    if rotated and abs(a["rotation"] - b["rotation"]) < 1.0:
        return _rotated_overlap(a, b, dpi)
    return _aligned_overlap(a["bbox"], b["bbox"]), _area(a["bbox"]), _area(b["bbox"])


def _overlapping_pairs(texts, dpi):
    order = sorted(range(len(texts)), key=lambda i: texts[i]["bbox"][0])
    pairs = []
    for position, i in enumerate(order):
        a = texts[i]
        for j in order[position + 1:]:
            b = texts[j]
            if b["bbox"][0] >= a["bbox"][2]:
                break
            if b["bbox"][1] >= a["bbox"][3] or a["bbox"][1] >= b["bbox"][3]:
                continue
            covered, area_a, area_b = _overlap(a, b, dpi)
            smaller = min(area_a, area_b)
            if covered > OVERLAP_MIN_AREA and smaller > 0 and covered > OVERLAP_SHARE * smaller:
                pairs.append((min(i, j), max(i, j)))
    return sorted(pairs)


def _is_blank(pixels):
    sample = pixels[::2, ::2, :]
    background = sample[0, 0, :]
    differing = np.any(np.abs(sample.astype(np.int16) - background) > 8, axis=2)
    return float(differing.mean()) < BLANK_SHARE


def _hidden_behind_axes(axes, texts):
    """(text index, axes index) for axes-owned texts that a later-drawn opaque axes covers,
    like an x label under the next row of subplots."""
    hidden = []
    for i, text in enumerate(texts):
        owner = text["axes"]
        if owner is None:
            continue
        area = _area(text["bbox"])
        for other in axes:
            if (other["index"] == owner or not other["_opaque"]
                    or other["_drawn"] < axes[owner]["_drawn"]
                    or other["bbox"] == axes[owner]["bbox"]):
                continue
            if area > 0 and _aligned_overlap(text["bbox"], other["bbox"]) > OVERLAP_SHARE * area:
                hidden.append((i, other["index"]))
                break
    return hidden


def find_layout_problems(axes, texts, pixels, dpi):
    """Findings for one figure; `axes` still carry the private `_visible`, `_opaque` and
    `_drawn` keys."""
    findings = []
    for i, other in _hidden_behind_axes(axes, texts):
        findings.append({"kind": "overlapping-text", "axes": other, "texts": [i],
                         "message": "Text %r is hidden behind axes %d" % (texts[i]["text"], other)})
    for i, j in _overlapping_pairs(texts, dpi):
        findings.append({"kind": "overlapping-text", "axes": texts[i]["axes"], "texts": [i, j],
                         "message": "Text %r overlaps text %r" % (texts[i]["text"],
                                                                  texts[j]["text"])})
    height, width = pixels.shape[0], pixels.shape[1]
    for i, text in enumerate(texts):
        x0, y0, x1, y1 = text["bbox"]
        if (x0 < -OFF_CANVAS_PX or y0 < -OFF_CANVAS_PX or x1 > width + OFF_CANVAS_PX
                or y1 > height + OFF_CANVAS_PX):
            findings.append({"kind": "text-off-canvas", "axes": text["axes"], "texts": [i],
                             "message": "Text %r extends outside the image" % text["text"]})
        if text["fontsize"] < TINY_POINTS:
            findings.append({"kind": "tiny-text", "axes": text["axes"], "texts": [i],
                             "message": "Text %r is %.1f pt, too small to read"
                             % (text["text"], text["fontsize"])})
    for fact in axes:
        if not fact["_visible"] or fact["isColorbar"] or fact["series"] or fact["_secondary"]:
            continue
        inside = [i for i, t in enumerate(texts)
                  if t["axes"] == fact["index"] and t["role"] in CONTENT_ROLES]
        if not inside:
            findings.append({"kind": "empty-axes", "axes": fact["index"], "texts": [],
                             "message": "Axes %d shows no data" % fact["index"]})
    if _is_blank(pixels):
        findings.append({"kind": "blank-image", "axes": None, "texts": [],
                         "message": "The image is almost uniform: nothing visible was drawn"})
    return findings
