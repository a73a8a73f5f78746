import types
import unittest

from render_helpers import ON_MPL33_HYBRID, ensure_native, render, series_of, texts_with

import cit_compat_bar_label  # noqa: I100  (render_helpers puts the engine on sys.path)
import cit_compat_libs
import cit_compat_mpl
import cit_compat_usage
import cit_squarify


class CompatOnThisRuntimeTest(unittest.TestCase):
    """Scripts that need a patch even on matplotlib 3.6."""

    def test_bar_label_with_callable_fmt(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        bars = ax.bar(['a', 'b'], [1.25, 2.5])
        ax.bar_label(bars, fmt=lambda v: f'{v:.1f} units', padding=3)
        ax.bar_label(bars, fmt='{:.2f}', label_type='center')
        """)
        self.assertTrue(meta["ok"], meta)
        labels = [t["text"] for t in texts_with(meta, "annotation")]
        self.assertEqual(labels, ["1.2 units", "2.5 units", "1.25", "2.50"])
        self.assertIn("bar_label", meta["compat"])

    def test_bar_label_percent_fmt_needs_no_patch(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        bars = plt.bar(['a'], [3])
        plt.gca().bar_label(bars, fmt='%.1f')
        """)
        self.assertEqual([t["text"] for t in texts_with(meta, "annotation")], ["3.0"])
        from matplotlib.axes import Axes
        native = not getattr(Axes.bar_label, "__module__", "").startswith("cit_")
        self.assertEqual(meta["compat"], [] if native else ["bar_label"])

    def test_modern_matplotlib_api_script(self):
        meta, _ = render("""
        import numpy as np
        import matplotlib
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(6, 4), layout='constrained')
        cmap = plt.colormaps['viridis']
        ax.plot([0, 1, 2], [3, 1, 2], color=cmap(0.2), label='a')
        ax.plot([0, 1, 2], [1, 2, 3], color=matplotlib.colormaps['plasma'](0.5), label='b')
        ax.set_xticks([0, 1, 2], labels=['Jan', 'Feb', 'Mar'], rotation=0)
        ax.set_yticks([1, 2, 3], ['low', 'mid', 'high'])
        ax.spines.right.set_visible(False)
        ax.spines[['top', 'right']].set_visible(False)
        ax.legend(ncols=2)
        lowest = np.argmin(np.array([[3, 1], [0, 5]]), axis=1, keepdims=True).tolist()
        """)
        self.assertTrue(meta["ok"], meta)
        ax = meta["facts"]["axes"][0]
        self.assertEqual(ax["xticklabels"], ["Jan", "Feb", "Mar"])
        self.assertEqual(ax["yticklabels"], ["low", "mid", "high"])
        self.assertEqual(ax["legend"], ["a", "b"])
        from render_helpers import answer
        self.assertEqual(answer(meta["renderId"], "lowest")["value"], [[1], [0]])
        legend = [t["bbox"] for t in texts_with(meta, "legend")]
        self.assertAlmostEqual(legend[0][1], legend[1][1], delta=1, msg="ncols=2 puts both on one row")

    def test_legend_reverse(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        plt.plot([1], label='first'); plt.plot([2], label='second')
        plt.legend(reverse=True, ncols=2)
        """)
        self.assertTrue(meta["ok"], meta)
        self.assertEqual(meta["facts"]["axes"][0]["legend"], ["second", "first"])
        self.assertIn("legend-reverse", meta["compat"])

    def test_pie_hatch_list(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        wedges, texts = plt.pie([1, 2, 3], wedgeprops={'hatch': ['//', 'xx']})
        hatches = [w.get_hatch() for w in wedges]
        """)
        self.assertTrue(meta["ok"], meta)
        self.assertIn("pie-hatch", meta["compat"])
        from render_helpers import answer
        self.assertEqual(answer(meta["renderId"], "hatches")["value"], ["//", "xx", "//"])

    def test_pyplot_pie_hatch_and_bar_label(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, (a, b) = plt.subplots(1, 2)
        plt.sca(a)
        wedges, texts = plt.pie([1, 2], hatch=['//', 'xx'])
        plt.sca(b)
        bars = plt.bar(['x'], [4])
        plt.bar_label(bars, fmt='%.0f')
        hatches = [w.get_hatch() for w in wedges]
        """)
        self.assertTrue(meta["ok"], meta)
        from render_helpers import answer
        self.assertEqual(answer(meta["renderId"], "hatches")["value"], ["//", "xx"])
        self.assertEqual([t["text"] for t in texts_with(meta, "annotation")], ["4"])

    def test_squarify_stand_in(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        import squarify
        squarify.plot(sizes=[50, 30, 20], label=['A', 'B', 'C'], alpha=0.8)
        plt.axis('off')
        """)
        self.assertTrue(meta["ok"], meta)
        self.assertIn("squarify", meta["compat"])
        bars = series_of(meta, kind="bar")[0]
        self.assertEqual(bars["count"], 3)
        self.assertEqual(sorted(t["text"] for t in texts_with(meta, "text")), ["A", "B", "C"])
        again, _ = render("import squarify\nimport matplotlib.pyplot as plt\nsquarify.plot([3, 2, 1])\n")
        self.assertEqual(series_of(again, kind="bar")[0]["colors"][0],
                         series_of(render("import squarify\nimport matplotlib.pyplot as plt\n"
                                          "squarify.plot([3, 2, 1])\n")[0], kind="bar")[0]["colors"][0])

    def test_squarify_layout_matches_the_reference_algorithm(self):
        sizes = cit_squarify.normalize_sizes([500, 433, 78, 25, 25, 7], 700, 433)
        rects = cit_squarify.squarify(sizes, 0, 0, 700, 433)
        self.assertAlmostEqual(sum(r["dx"] * r["dy"] for r in rects), 700 * 433, places=3)
        self.assertAlmostEqual(rects[0]["dx"], 327.7153558052434, places=6)
        self.assertEqual(rects[0]["x"], 0)

    def test_3d_bar_legend(self):
        meta, _ = render("""
        import numpy as np
        import matplotlib.pyplot as plt
        fig = plt.figure()
        ax = fig.add_subplot(111, projection='3d')
        for i, c in enumerate(['r', 'g']):
            ax.bar3d(np.arange(3), [i] * 3, np.zeros(3), 0.5, 0.5, [1 + i, 2, 3], color=c, label='year %d' % i)
        ax.legend()
        """)
        self.assertTrue(meta["ok"], meta)
        self.assertEqual(meta["facts"]["axes"][0]["legend"], ["year 0", "year 1"])
        bars = series_of(meta, kind="bar3d")
        self.assertEqual([(b["count"], b["z"]) for b in bars], [(3, [1, 2, 3]), (3, [2, 2, 3])])
        self.assertIn("poly3d-legend", meta["compat"])

    @unittest.skipIf(ON_MPL33_HYBRID, "matplotlib 3.3 collections reject ragged arrays on numpy 1.24")
    def test_networkx_spring_layout(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        import networkx as nx
        G = nx.Graph([(1, 2), (2, 3), (3, 1), (3, 4)])
        pos = nx.spring_layout(G, seed=42, k=0.5)
        nx.draw(G, pos, with_labels=True, node_color='skyblue')
        """)
        self.assertTrue(meta["ok"], meta)
        self.assertEqual(series_of(meta, kind="scatter")[0]["count"], 4)
        self.assertEqual(series_of(meta, kind="collection")[0]["count"], 4)

    def test_networkx_layouts_with_and_without_keywords(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        import networkx as nx
        G = nx.karate_club_graph()
        a = nx.spring_layout(G, seed=7)
        b = nx.spring_layout(G, seed=7)
        c = nx.spring_layout(G)
        same = all(abs(a[n][0] - b[n][0]) < 1e-12 for n in G)
        xs = [a[n][0] for n in G]; ys = [a[n][1] for n in G]
        plt.scatter(xs, ys)
        """)
        self.assertTrue(meta["ok"], meta)
        from render_helpers import answer
        self.assertEqual(answer(meta["renderId"], "same")["value"], True)
        import networkx
        if networkx.__version__.startswith("2.5"):
            self.assertIn("networkx-kwargs", meta["compat"])

    def test_make_interp_spline_native(self):
        meta, _ = render("""
        import numpy as np
        import matplotlib.pyplot as plt
        from scipy.interpolate import make_interp_spline
        x = np.array([1, 2, 3, 4]); y = np.array([1, 4, 9, 16])
        xs = np.linspace(1, 4, 50)
        plt.plot(xs, make_interp_spline(x, y, k=3)(xs))
        """)
        self.assertTrue(meta["ok"], meta)
        self.assertAlmostEqual(series_of(meta, kind="line")[0]["y"][-1], 16.0)


class MissingFeaturePathTest(unittest.TestCase):
    """The polyfills that matplotlib 3.6 does not need, exercised directly."""

    def setUp(self):
        ensure_native()
        import matplotlib.pyplot as plt
        plt.close("all")
        self.plt = plt
        cit_compat_usage.take_used()

    def test_bar_label_polyfill_formats_and_places(self):
        fig, ax = self.plt.subplots()
        vertical = ax.bar([0, 1], [2.0, -1.0])
        horizontal = ax.barh([3, 4], [5.0, 6.0])
        labels = cit_compat_bar_label.bar_label_polyfill(ax, vertical, fmt="%.1f", padding=2)
        self.assertEqual([a.get_text() for a in labels], ["2.0", "-1.0"])
        self.assertEqual([a.xy[1] for a in labels], [2.0, -1.0])
        self.assertEqual([a.get_va() for a in labels], ["bottom", "top"])
        braces = cit_compat_bar_label.bar_label_polyfill(ax, horizontal, fmt="{:.0f}%")
        self.assertEqual([a.get_text() for a in braces], ["5%", "6%"])
        self.assertEqual([a.xy[0] for a in braces], [5.0, 6.0])
        called = cit_compat_bar_label.bar_label_polyfill(ax, vertical, fmt=lambda v: "v=%g" % v,
                                                   label_type="center")
        self.assertEqual([a.get_text() for a in called], ["v=2", "v=-1"])
        self.assertEqual(called[0].xy, (0.0, 1.0))
        given = cit_compat_bar_label.bar_label_polyfill(ax, vertical, labels=["x"])
        self.assertEqual([a.get_text() for a in given], ["x", ""])

    def test_set_ticks_with_labels(self):
        calls = []

        class FakeAxis(object):
            def set_ticklabels(self, labels, minor=False, **kwargs):
                calls.append(("labels", labels, minor, kwargs))

        def original(self, ticks, minor=False):
            calls.append(("ticks", list(ticks), minor))

        patched = cit_compat_mpl.set_ticks_with_labels(original)
        patched(FakeAxis(), [1, 2], ["a", "b"], rotation=45)
        self.assertEqual(calls, [("ticks", [1, 2], False), ("labels", ["a", "b"], False, {"rotation": 45})])
        self.assertEqual(cit_compat_usage.take_used(), ["set_ticks-labels"])

    def test_figure_layout_keyword(self):
        seen = {}

        def original(self, *args, **kwargs):
            seen.update(kwargs)

        init = cit_compat_mpl.figure_init_with_layout(original)
        init(None, layout="constrained", figsize=(2, 2))
        self.assertEqual(seen, {"constrained_layout": True, "figsize": (2, 2)})
        seen.clear()
        init(None, layout="tight")
        self.assertEqual(seen, {"tight_layout": True})

    def test_colormap_registry(self):
        registry = cit_compat_mpl.ColormapRegistry()
        self.assertEqual(registry["viridis"].name, "viridis")
        self.assertIn("plasma", registry)
        self.assertIn("viridis", registry())

    def test_spines_attribute_and_list_access(self):
        fig, ax = self.plt.subplots()
        spines = cit_compat_mpl.SpinesDict(dict(ax.spines.items()))
        self.assertIs(spines.right, ax.spines["right"])
        spines[["top", "right"]].set_visible(False)
        self.assertEqual([ax.spines[s].get_visible() for s in ("top", "right", "left")], [False, False, True])
        with self.assertRaises(AttributeError):
            spines.middle

    def test_legend_ncols_and_reverse_on_old_signature(self):
        seen = {}

        def original(self, parent, handles, labels, **kwargs):
            seen.update(handles=handles, labels=labels, kwargs=kwargs)

        init = cit_compat_mpl.legend_init_with_kwargs(original, False, False)
        init(None, None, ["h1", "h2"], ["a", "b"], ncols=2, reverse=True)
        self.assertEqual(seen, {"handles": ["h2", "h1"], "labels": ["b", "a"], "kwargs": {"ncol": 2}})

    def test_pie_hatch_keyword_on_old_signature(self):
        fig, ax = self.plt.subplots()
        from matplotlib.axes import Axes
        pie = cit_compat_mpl.pie_with_hatch(Axes.pie)
        wedges = pie(ax, [1, 1], hatch=["o", "."])[0]
        self.assertEqual([w.get_hatch() for w in wedges], ["o", "."])

    def test_argmin_keepdims(self):
        import numpy as np
        argmin = cit_compat_libs.with_keepdims(lambda a, axis=None: np.asarray(a).argmin(axis))
        data = np.array([[3, 1], [0, 5]])
        self.assertEqual(argmin(data, axis=1, keepdims=True).tolist(), [[1], [0]])
        self.assertEqual(argmin(data, keepdims=True).shape, (1, 1))
        self.assertEqual(argmin(data, axis=0).tolist(), [1, 0])

    def test_networkx_keywords_bound_positionally(self):
        received = []

        def inner(G, k=None, seed=None):
            return (G, k, seed)

        def decorated(*args):
            received.append(args)
            return inner(*args)

        decorated.__wrapped__ = inner
        wrapper = cit_compat_libs.bind_positionally(decorated)
        self.assertEqual(wrapper("G", seed=3), ("G", None, 3))
        self.assertEqual(received, [("G", None, 3)])

    def test_make_interp_spline_fallback(self):
        from scipy import interpolate
        fake = types.SimpleNamespace(InterpolatedUnivariateSpline=interpolate.InterpolatedUnivariateSpline)
        cit_compat_libs.patch_scipy_interpolate(fake)
        import numpy as np
        x = np.linspace(0, 3, 7)
        spline = fake.make_interp_spline(x, x ** 2, k=3)
        reference = interpolate.make_interp_spline(x, x ** 2, k=3)
        self.assertAlmostEqual(float(spline(1.7)), float(reference(1.7)), places=10)

    def test_poly3d_colour_fallback(self):
        import numpy as np

        class Broken(object):
            _facecolor3d = ((1.0, 0.0, 0.0, 1.0),)

            def get_facecolor(self):
                raise AttributeError("_facecolors2d")

        getter = cit_compat_libs.colors_with_fallback(Broken.get_facecolor, "_facecolor3d", np)
        self.assertEqual(getter(Broken()).shape, (1, 4))
        self.assertEqual(cit_compat_usage.take_used(), ["poly3d-legend"])


if __name__ == "__main__":
    unittest.main()
