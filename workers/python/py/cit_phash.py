"""64-bit DCT perceptual hash of a rendered chart (RenderSuccess.phash), for near-duplicate image
detection across a dataset (METHOD.md section 3). Computed from the same RGBA pixels the PNG is
encoded from, so the page never decodes a PNG:

grayscale -> 32x32 area average -> 2-D DCT-II (cosine matrix products; np.fft crashes the 0.17
runtime) -> the 8x8 lowest frequencies after the DC row and column -> bit = coefficient > median
-> 16 hex digits, first coefficient in the most significant bit.
"""
import numpy as np

SIZE = 32
LOW = 8
# DCT-II basis (unnormalised: every coefficient used shares one scale, so the median test is the
# same as with the orthonormal transform).
_DCT = np.cos(np.pi * np.outer(np.arange(SIZE), 2 * np.arange(SIZE) + 1) / (2.0 * SIZE))
_LUMA = np.array([0.299, 0.587, 0.114])


def _bins(length):
    """(start, stop) of each of the SIZE bins along an axis of `length` pixels (length >= SIZE)."""
    edges = [(i * length) // SIZE for i in range(SIZE + 1)]
    return list(zip(edges[:-1], edges[1:]))


def _row_bin_sums(pixels, opaque):
    """(SIZE, w, 3) sums of RGB over each band of rows, transparent parts shown over white.

    One contiguous sum per band: summing whole rows is vectorised and needs no float copy of the
    image (about 3 ms natively for 2500x1600, against ~35 ms for np.add.reduceat with a cast)."""
    height, width = int(pixels.shape[0]), int(pixels.shape[1])
    flat = pixels.reshape(height, width * 4)
    sums = np.empty((SIZE, width, 3), dtype=np.float64)
    for index, (start, stop) in enumerate(_bins(height)):
        if opaque:
            band = flat[start:stop].sum(axis=0, dtype=np.uint32).reshape(width, 4)
            sums[index] = band[:, :3]
        else:
            chunk = pixels[start:stop].astype(np.float32)
            alpha = chunk[:, :, 3:4] / 255.0
            sums[index] = (chunk[:, :, :3] * alpha + 255.0 * (1.0 - alpha)).sum(axis=0)
    return sums


def _gray_thumbnail(pixels):
    """32x32 area-averaged luminance of RGBA uint8 pixels."""
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = int(pixels.shape[0]), int(pixels.shape[1])
    if height < SIZE or width < SIZE:  # tiny images: repeat pixels so every bin has one
        pixels = np.repeat(np.repeat(pixels, -(-SIZE // height), axis=0), -(-SIZE // width), axis=1)
        height, width = int(pixels.shape[0]), int(pixels.shape[1])
    opaque = int(pixels[:, :, 3].min()) == 255
    rows = _row_bin_sums(pixels, opaque)
    col_bins = _bins(width)
    blocks = np.add.reduceat(rows, [start for start, _ in col_bins], axis=1)
    heights = np.array([stop - start for start, stop in _bins(height)], dtype=np.float64)
    widths = np.array([stop - start for start, stop in col_bins], dtype=np.float64)
    rgb = blocks / np.outer(heights, widths)[:, :, None]
    return rgb.dot(_LUMA)


def phash_hex(pixels):
    """The 16-hex-digit perceptual hash of an (h, w, 4) uint8 RGBA array."""
    thumbnail = _gray_thumbnail(np.asarray(pixels))
    coefficients = _DCT.dot(thumbnail).dot(_DCT.T)[1:LOW + 1, 1:LOW + 1].ravel()
    # Rounding noise of a flat image (about 1e-12) must not turn into bits: a blank image hashes
    # to 0 and the same pixels give the same hash whatever the BLAS summation order.
    coefficients[np.abs(coefficients) < 1e-6] = 0.0
    bits = coefficients > np.median(coefficients)
    value = 0
    for bit in bits:
        value = (value << 1) | int(bit)
    return "%016x" % value


def hamming(a, b):
    """Bits that differ between two 16-hex-digit hashes."""
    return bin(int(a, 16) ^ int(b, 16)).count("1")
