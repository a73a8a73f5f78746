"""The perceptual hash of a render (RenderSuccess.phash): stable for the same image, close for a
slightly different one, far for another chart, and computed from exactly the PNG's pixels."""
import io
import unittest

import numpy as np

from render_helpers import render

import cit_phash  # noqa: I100  (render_helpers puts the engine on sys.path)

BAR = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(8, 5))
ax.bar(['North', 'South', 'East', 'West', 'Central'], [%s], color='tab:blue')
ax.set_title('Sales by region')
ax.set_ylabel('Units')
"""
PIE = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(8, 5))
ax.pie([30, 20, 25, 25], labels=['a', 'b', 'c', 'd'])
ax.set_title('Share of sales')
"""
LINE = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(8, 5))
ax.plot([2019, 2020, 2021, 2022, 2023, 2024], [3, 1, 4, 1, 5, 9], marker='o')
ax.set_title('Sales trend')
"""


def rgba_of_png(png):
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def reference_hash(pixels):
    """The same hash the slow, obvious way: float blocks, scipy's DCT-II, bits [1:9, 1:9]."""
    from scipy.fftpack import dct

    rgba = pixels.astype(np.float64)
    alpha = rgba[:, :, 3:4] / 255.0
    gray = (rgba[:, :, :3] * alpha + 255.0 * (1 - alpha)).dot([0.299, 0.587, 0.114])
    height, width = gray.shape
    rows = [(i * height) // 32 for i in range(33)]
    cols = [(j * width) // 32 for j in range(33)]
    thumb = np.array([[gray[rows[i]:rows[i + 1], cols[j]:cols[j + 1]].mean() for j in range(32)]
                      for i in range(32)])
    low = dct(dct(thumb, axis=0), axis=1)[1:9, 1:9].ravel()
    return "%016x" % int("".join("1" if v > np.median(low) else "0" for v in low), 2)


class PhashTest(unittest.TestCase):
    def hash_of(self, code, **options):
        meta, png = render(code, **options)
        self.assertTrue(meta["ok"], meta.get("error"))
        self.assertRegex(meta["phash"], r"^[0-9a-f]{16}$")
        return meta["phash"], png

    def test_same_script_same_hash(self):
        first, _ = self.hash_of(BAR % "5, 7, 3, 8, 6", dpi=120)
        second, _ = self.hash_of(BAR % "5, 7, 3, 8, 6", dpi=120)
        self.assertEqual(first, second)

    def test_slightly_different_value_is_close(self):
        base, _ = self.hash_of(BAR % "5, 7, 3, 8, 6", dpi=120)
        nudged, _ = self.hash_of(BAR % "5, 7, 3.2, 8, 6", dpi=120)
        self.assertLessEqual(cit_phash.hamming(base, nudged), 6)

    def test_same_chart_at_another_dpi_is_close(self):
        low, _ = self.hash_of(BAR % "5, 7, 3, 8, 6", dpi=80)
        high, _ = self.hash_of(BAR % "5, 7, 3, 8, 6", dpi=200)
        self.assertLessEqual(cit_phash.hamming(low, high), 4)

    def test_different_charts_are_far_apart(self):
        bar, _ = self.hash_of(BAR % "5, 7, 3, 8, 6", dpi=120)
        other_bar, _ = self.hash_of(BAR % "9, 2, 8, 1, 9", dpi=120)
        pie, _ = self.hash_of(PIE, dpi=120)
        line, _ = self.hash_of(LINE, dpi=120)
        for a, b in ((bar, pie), (bar, line), (pie, line), (bar, other_bar)):
            with self.subTest(pair=(a, b)):
                self.assertGreaterEqual(cit_phash.hamming(a, b), 12)

    def test_hash_is_of_the_png_pixels(self):
        for code in (BAR % "5, 7, 3, 8, 6", PIE,
                     BAR % "1, 2, 3, 4, 5" + "\nplt.savefig('x.png', bbox_inches='tight')\n",
                     PIE + "\nplt.savefig('x.png', transparent=True)\n"):
            with self.subTest(code=code[-60:]):
                phash, png = self.hash_of(code, dpi=90)
                self.assertEqual(cit_phash.phash_hex(rgba_of_png(png)), phash)
                try:
                    expected = reference_hash(rgba_of_png(png))
                except ImportError:
                    continue  # no scipy: the equality with the PNG above still holds
                self.assertLessEqual(cit_phash.hamming(expected, phash), 1)

    def test_blank_tiny_and_transparent_images(self):
        white = np.full((20, 10, 4), 255, dtype=np.uint8)
        self.assertEqual(cit_phash.phash_hex(white), "0" * 16)
        clear = np.zeros((300, 400, 4), dtype=np.uint8)  # fully transparent shows as white
        self.assertEqual(cit_phash.phash_hex(clear), "0" * 16)
        tiny, _ = self.hash_of("import matplotlib.pyplot as plt\nplt.figure(figsize=(0.2, 0.2))\n"
                               "plt.plot([0, 1])\n", dpi=50)
        self.assertEqual(len(tiny), 16)

    def test_hamming(self):
        self.assertEqual(cit_phash.hamming("0" * 16, "f" * 16), 64)
        self.assertEqual(cit_phash.hamming("8000000000000001", "0" * 16), 2)


if __name__ == "__main__":
    unittest.main()
