import json
import os
import tempfile
import unittest

from render_helpers import PNG_SIGNATURE, finding_kinds, png_pixels, png_size, render

BARS = """
import matplotlib.pyplot as plt
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(['North', 'South', 'East'], [12, 30, 7], color=['#1f77b4', '#ff7f0e', '#2ca02c'])
ax.set_title('Sales by region')
plt.show()
"""


class PngTest(unittest.TestCase):
    def test_png_has_signature_and_figsize_times_dpi(self):
        meta, png = render(BARS, dpi=100)
        self.assertTrue(meta["ok"], meta)
        self.assertEqual(png[:8], PNG_SIGNATURE)
        self.assertEqual(png_size(png), (600, 400))
        self.assertEqual((meta["width"], meta["height"], meta["dpi"]), (600, 400, 100))
        self.assertEqual((meta["facts"]["width"], meta["facts"]["height"]), (600, 400))

    def test_opaque_charts_are_rgb_and_transparent_ones_keep_alpha(self):
        _, opaque = render(BARS)
        self.assertEqual(opaque[25], 2)  # IHDR colour type 2: truecolour (RGB)
        _, clear = render(BARS.replace("plt.show()", "plt.savefig('x.png', transparent=True)"))
        self.assertEqual(clear[25], 6)  # colour type 6: truecolour with alpha

    def test_other_dpi_scales_the_png(self):
        meta, png = render(BARS, dpi=50)
        self.assertEqual(png_size(png), (300, 200))
        self.assertEqual(meta["dpi"], 50)

    def test_png_is_not_blank(self):
        meta, png = render(BARS)
        pixels = png_pixels(png)
        self.assertGreater(len(set(map(tuple, pixels.reshape(-1, 3)[::7]))), 10)
        self.assertNotIn("blank-image", finding_kinds(meta))

    def test_max_pixels_lowers_the_dpi(self):
        meta, png = render(BARS, dpi=200, max_pixels=600 * 400)
        self.assertTrue(meta["ok"], meta)
        self.assertEqual(meta["dpi"], 100)
        self.assertEqual(png_size(png), (600, 400))

    def test_meta_is_strict_json_without_png_or_runtime(self):
        meta, _ = render(BARS)
        self.assertNotIn("png", meta)
        self.assertNotIn("runtime", meta)
        json.dumps(meta, allow_nan=False)
        for key in ("renderId", "durationMs", "seed", "stdout", "stderr", "warnings", "compat",
                    "figureCount", "facts"):
            self.assertIn(key, meta)

    def test_same_seed_gives_same_png_bytes_for_random_data(self):
        code = """
        import numpy as np, random
        import matplotlib.pyplot as plt
        plt.scatter(np.random.rand(50), np.random.rand(50), s=[random.randint(5, 80) for _ in range(50)])
        plt.show()
        """
        first = render(code, seed=7)[1]
        second = render(code, seed=7)[1]
        other = render(code, seed=8)[1]
        self.assertEqual(first, second)
        self.assertNotEqual(first, other)

    def test_savefig_and_show_write_no_file(self):
        folder = tempfile.mkdtemp()
        target = os.path.join(folder, "sub", "chart.png")
        code = """
        import os
        import matplotlib.pyplot as plt
        os.makedirs(%r, exist_ok=True)
        plt.plot([1, 2, 3])
        plt.savefig(%r, dpi=300, format='png')
        plt.show()
        """ % (os.path.dirname(target), target)
        meta, png = render(code)
        self.assertTrue(meta["ok"], meta)
        self.assertFalse(os.path.exists(os.path.dirname(target)))
        self.assertEqual(meta["dpi"], 100)
        self.assertEqual(png_size(png), (640, 480))

    def test_saved_figure_wins_over_later_figures(self):
        code = """
        import matplotlib.pyplot as plt
        first = plt.figure(figsize=(4, 3)); plt.plot([1, 2], label='saved')
        plt.savefig('a.png')
        plt.close(first)
        plt.figure(figsize=(5, 5)); plt.plot([3, 1])
        """
        meta, png = render(code)
        self.assertTrue(meta["ok"], meta)
        self.assertEqual(png_size(png), (400, 300))
        self.assertEqual(meta["figureCount"], 2)
        self.assertEqual(meta["facts"]["axes"][0]["series"][0]["label"], "saved")

    def test_last_figure_with_axes_without_show(self):
        code = """
        import matplotlib.pyplot as plt
        plt.figure(figsize=(3, 3)); plt.plot([1, 2])
        plt.figure(figsize=(5, 2)); plt.bar([1], [2])
        plt.figure(figsize=(9, 9))
        """
        meta, png = render(code)
        self.assertEqual(png_size(png), (500, 200))
        self.assertEqual(meta["figureCount"], 3)

    def test_tight_bbox_crops_and_boxes_follow(self):
        code = """
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.plot([0, 1], [0, 1], label='diagonal')
        ax.legend(loc='upper left')
        plt.savefig('x.png', bbox_inches='tight')
        """
        meta, png = render(code)
        width, height = png_size(png)
        self.assertLess(width, 600)
        self.assertEqual((meta["width"], meta["height"]), (width, height))
        legend_text = [t for t in meta["facts"]["texts"] if t["role"] == "legend"][0]
        x0, y0, x1, y1 = [int(round(v)) for v in legend_text["bbox"]]
        dark = (png_pixels(png)[y0:y1, x0:x1].min(axis=2) < 100).sum()
        self.assertGreater(dark, 20, "the legend text box must cover the drawn glyphs")

    def test_stdout_stderr_and_warnings_are_captured(self):
        code = """
        import sys, warnings
        import matplotlib.pyplot as plt
        print('hello')
        print('oops', file=sys.stderr)
        warnings.warn('careful')
        plt.plot([1, 2])
        """
        meta, _ = render(code)
        self.assertEqual(meta["stdout"], "hello\n")
        self.assertEqual(meta["stderr"], "oops\n")
        self.assertIn("UserWarning: careful (line 6)", meta["warnings"])

    def test_a_script_replacing_show_does_not_break_the_next_render(self):
        render("""
        import matplotlib.pyplot as plt
        from matplotlib.figure import Figure
        plt.show = lambda: print('shown')
        Figure.savefig = lambda self, *a, **k: None
        plt.plot([1, 2])
        """)
        meta, png = render("""
        import matplotlib.pyplot as plt
        a = plt.figure(figsize=(2, 2)); plt.plot([1])
        plt.savefig('a.png')
        plt.figure(figsize=(3, 3)); plt.plot([2])
        plt.show()
        """)
        self.assertEqual(meta["stdout"], "")
        self.assertEqual(png_size(png), (300, 300))

    def test_rcparams_do_not_leak_between_renders(self):
        render("""
        import matplotlib.pyplot as plt
        plt.rcParams['lines.linewidth'] = 9
        plt.style.use('dark_background')
        plt.plot([1, 2])
        """)
        meta, _ = render("""
        import matplotlib.pyplot as plt
        line, = plt.plot([1, 2])
        width = line.get_linewidth()
        """)
        from render_helpers import answer
        self.assertEqual(answer(meta["renderId"], "width")["value"], 1.5)


if __name__ == "__main__":
    unittest.main()
