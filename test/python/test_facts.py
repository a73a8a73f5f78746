import unittest

from render_helpers import ON_MPL33_HYBRID, finding_kinds, render, series_of, texts_with


class SeriesFactsTest(unittest.TestCase):
    def test_bar_heights_categories_and_colours(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.bar(['A', 'B', 'C'], [3, 5, 2], color=['red', 'green', 'blue'], label='units')
        ax.legend()
        """)
        bar = series_of(meta, kind="bar")[0]
        self.assertEqual(bar["x"], ["A", "B", "C"])
        self.assertEqual(bar["y"], [3, 5, 2])
        self.assertEqual(bar["colors"], ["#ff0000", "#008000", "#0000ff"])
        self.assertEqual((bar["orientation"], bar["count"], bar["label"]), ("vertical", 3, "units"))

    def test_positions_on_named_ticks_become_the_tick_names(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        import numpy as np
        fig, ax = plt.subplots()
        ax.bar(np.arange(3), [5, 6, 7])
        ax.set_xticks(np.arange(3))
        ax.set_xticklabels(['2018', '2019', '2020'])
        ax.plot([0, 1, 2], [1, 2, 3])
        ax.plot([0.5, 1.5], [4, 4])
        """)
        self.assertEqual(series_of(meta, kind="bar")[0]["x"], ["2018", "2019", "2020"])
        lines = series_of(meta, kind="line")
        self.assertEqual(lines[0]["x"], ["2018", "2019", "2020"])
        # points between ticks keep their numbers: no name is invented for them
        self.assertEqual(lines[1]["x"], [0.5, 1.5])

    def test_numeric_tick_labels_keep_numbers(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        plt.bar([2018, 2019, 2020], [5, 6, 7])
        plt.xticks([2018, 2019, 2020])
        """)
        self.assertEqual(series_of(meta, kind="bar")[0]["x"], [2018, 2019, 2020])

    def test_horizontal_bars_report_widths(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        plt.barh(['x', 'y'], [4, -1], color='#123456')
        """)
        bar = series_of(meta, kind="bar")[0]
        self.assertEqual((bar["orientation"], bar["x"], bar["y"]), ("horizontal", ["x", "y"], [4, -1]))
        self.assertEqual((bar["color"], bar["colors"]), ("#123456", None))

    def test_line_data_and_colour(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        plt.plot([2000, 2001, 2002], [1.5, 2.5, 2.0], color='#ff00aa', label='rate')
        plt.grid(True)
        """)
        lines = series_of(meta, kind="line")
        self.assertEqual(len(lines), 1, "grid lines are not data series")
        self.assertEqual(lines[0]["x"], [2000, 2001, 2002])
        self.assertEqual(lines[0]["y"], [1.5, 2.5, 2.0])
        self.assertEqual((lines[0]["color"], lines[0]["label"]), ("#ff00aa", "rate"))

    def test_pie_fractions_labels_one_series_per_call(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, (a, b) = plt.subplots(1, 2)
        a.pie([1, 1, 2], labels=['x', 'y', 'z'], autopct='%1.0f%%')
        b.pie([3, 1]); b.pie([1], radius=0.5)
        """)
        wedge = series_of(meta, 0, "wedge")[0]
        self.assertEqual(wedge["x"], ["x", "y", "z"])
        self.assertEqual([round(v, 6) for v in wedge["y"]], [0.25, 0.25, 0.5])
        self.assertEqual(len(series_of(meta, 1, "wedge")), 2)
        labels = [t["text"] for t in texts_with(meta, "label") if t["axes"] == 0]
        self.assertEqual(sorted(labels), ["25%", "25%", "50%", "x", "y", "z"])

    def test_scatter_points_and_sizes(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        plt.scatter([1, 2, 3], [4, 5, 6], s=[10, 20, 30], label='pts')
        """)
        scatter = series_of(meta, kind="scatter")[0]
        self.assertEqual((scatter["x"], scatter["y"], scatter["z"]), ([1, 2, 3], [4, 5, 6], [10, 20, 30]))
        self.assertEqual(scatter["count"], 3)

    def test_3d_line_and_scatter_keep_their_z(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        ax = plt.figure().add_subplot(projection='3d')
        ax.plot([0, 1, 2], [1, 2, 3], [5, 6, 7], label='path')
        ax.scatter([1, 2], [3, 4], [9, 8])
        ax.set_zlabel('Height')
        """)
        line = series_of(meta, kind="line")[0]
        self.assertEqual((line["x"], line["y"], line["z"]), ([0, 1, 2], [1, 2, 3], [5, 6, 7]))
        scatter = series_of(meta, kind="scatter")[0]
        self.assertEqual((scatter["x"], scatter["y"], scatter["z"]), ([1, 2], [3, 4], [9, 8]))
        self.assertEqual(meta["facts"]["axes"][0]["projection"], "3d")
        self.assertEqual(texts_with(meta, "zlabel")[0]["text"], "Height")
        self.assertTrue(texts_with(meta, "ztick"))

    @unittest.skipIf(ON_MPL33_HYBRID, "the 3.3 hybrid has no _contour extension")
    def test_area_image_contour_errorbar_box(self):
        meta, _ = render("""
        import numpy as np
        import matplotlib.pyplot as plt
        fig, axs = plt.subplots(2, 3)
        axs[0, 0].fill_between([0, 1, 2], [1, 3, 2], alpha=0.4, label='area')
        axs[0, 1].imshow(np.arange(12).reshape(3, 4))
        X, Y = np.meshgrid(np.linspace(0, 1, 10), np.linspace(0, 1, 10))
        axs[0, 2].contourf(X, Y, X + Y, levels=[0, 0.5, 1, 1.5, 2])
        axs[1, 0].errorbar([1, 2], [3, 4], yerr=[0.5, 0.5], label='err')
        axs[1, 1].boxplot([[1, 2, 3, 4, 5], [2, 3, 4, 5, 9]])
        axs[1, 2].pcolormesh(np.ones((4, 5)))
        """)
        area = series_of(meta, 0, "area")[0]
        self.assertEqual((area["x"], area["y"], area["label"]), ([0, 1, 2], [1, 3, 2], "area"))
        self.assertEqual(series_of(meta, 1, "image")[0]["z"], [3, 4])
        self.assertEqual(series_of(meta, 2, "contour")[0]["y"], [0, 0.5, 1, 1.5, 2])
        self.assertEqual(len(series_of(meta, 2)), 1, "a contour set is one series")
        err = series_of(meta, 3)
        self.assertEqual([s["kind"] for s in err], ["errorbar"])
        self.assertEqual(err[0]["y"], [3, 4])
        box = series_of(meta, 4)
        self.assertEqual([s["kind"] for s in box], ["box"])
        self.assertEqual((box[0]["x"], box[0]["y"]), ([1, 2], [3, 4]))
        self.assertEqual(series_of(meta, 5, "image")[0]["z"], [4, 5])


class AxesAndTextFactsTest(unittest.TestCase):
    def setUp(self):
        self.meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(6, 4))
        ax.plot([0, 1, 2], [0, 10, 20], label='one')
        ax.plot([0, 1, 2], [5, 5, 5], label='two')
        ax.set_title('Main title'); ax.set_xlabel('Year'); ax.set_ylabel('Value')
        ax.set_xticks([0, 1, 2]); ax.set_xticklabels(['a', 'b', 'c'])
        ax.legend(title='Series')
        ax.annotate('peak', xy=(2, 20), xytext=(1, 15), arrowprops={'arrowstyle': '->'})
        ax.text(1.2, 2, 'note')
        fig.suptitle('Figure title')
        twin = ax.twinx(); twin.plot([0, 2], [1, 2], color='k')
        """)

    def test_axes_fields(self):
        ax = self.meta["facts"]["axes"][0]
        self.assertEqual((ax["title"], ax["xlabel"], ax["ylabel"]), ("Main title", "Year", "Value"))
        self.assertEqual(ax["xticklabels"], ["a", "b", "c"])
        self.assertIn("20.0", ax["yticklabels"])
        self.assertEqual(ax["legend"], ["one", "two"])
        self.assertEqual((ax["projection"], ax["xscale"], ax["isTwin"]), ("rectilinear", "linear", False))
        self.assertTrue(self.meta["facts"]["axes"][1]["isTwin"])
        self.assertIsNone(self.meta["facts"]["axes"][1]["legend"])

    def test_text_roles(self):
        roles = dict((t["text"], t["role"]) for t in self.meta["facts"]["texts"])
        self.assertEqual(roles["Figure title"], "suptitle")
        self.assertEqual(roles["Main title"], "title")
        self.assertEqual((roles["Year"], roles["Value"]), ("xlabel", "ylabel"))
        self.assertEqual((roles["one"], roles["Series"]), ("legend", "legend-title"))
        self.assertEqual((roles["peak"], roles["note"]), ("annotation", "text"))
        self.assertEqual(roles["a"], "xtick")
        self.assertIsNone(texts_with(self.meta, "suptitle")[0]["axes"])

    def test_boxes_are_inside_the_png_and_ordered_top_left(self):
        width, height = self.meta["width"], self.meta["height"]
        for text in self.meta["facts"]["texts"]:
            x0, y0, x1, y1 = text["bbox"]
            self.assertTrue(0 <= x0 < x1 <= width and 0 <= y0 < y1 <= height, text)
        title = texts_with(self.meta, "suptitle")[0]["bbox"]
        xlabel = texts_with(self.meta, "xlabel")[0]["bbox"]
        self.assertLess(title[3], xlabel[1], "the suptitle is above the x label")
        self.assertEqual(self.meta["facts"]["findings"], [])


class InsetAxesTest(unittest.TestCase):
    def test_inset_axes_are_reported_after_their_parent(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([0, 10], [0, 10])
        inset = ax.inset_axes([0.6, 0.1, 0.35, 0.35])
        inset.bar([1, 2], [2, 3]); inset.set_title('detail', fontsize=8)
        """)
        axes = meta["facts"]["axes"]
        self.assertEqual(len(axes), 2)
        self.assertEqual(axes[1]["title"], "detail")
        self.assertEqual(axes[1]["series"][0]["y"], [2, 3])
        self.assertEqual(meta["facts"]["findings"], [])


class LogScaleFactsTest(unittest.TestCase):
    def test_log_tick_labels_lose_their_mathtext_wrapper(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        plt.plot([1, 10, 100, 1000]); plt.yscale('log')
        """)
        ax = meta["facts"]["axes"][0]
        self.assertEqual(ax["yscale"], "log")
        self.assertIn("10^{2}", ax["yticklabels"])


class TableFactsTest(unittest.TestCase):
    def test_table_cells_are_texts(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.axis('off')
        ax.table(cellText=[['1', '2'], ['3', '4']], colLabels=['A', 'B'], loc='center')
        """)
        cells = sorted(t["text"] for t in texts_with(meta, "table"))
        self.assertEqual(cells, ["1", "2", "3", "4", "A", "B"])
        self.assertNotIn("empty-axes", finding_kinds(meta))
        self.assertEqual(meta["facts"]["axes"][0]["xticklabels"], [], "axis('off') hides ticks")


class FindingsTest(unittest.TestCase):
    def test_overlapping_texts(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([0, 1])
        ax.text(0.5, 0.5, 'Overlapping words here', fontsize=14)
        ax.text(0.52, 0.5, 'Another long sentence', fontsize=14)
        """)
        kinds = finding_kinds(meta)
        self.assertEqual(kinds, ["overlapping-text"])
        finding = meta["facts"]["findings"][0]
        texts = [meta["facts"]["texts"][i]["text"] for i in finding["texts"]]
        self.assertEqual(sorted(texts), ["Another long sentence", "Overlapping words here"])

    def test_rotated_tick_labels_that_fit_are_not_overlapping(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(8, 5))
        names = ['January 2021', 'February 2021', 'March 2021', 'April 2021', 'May 2021', 'June 2021']
        ax.bar(names, [3, 4, 5, 6, 7, 8])
        plt.xticks(rotation=45, ha='right')
        plt.tight_layout()
        """)
        self.assertEqual(meta["facts"]["findings"], [])

    def test_label_hidden_behind_the_next_row_of_subplots(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, axs = plt.subplots(2, 1, figsize=(4, 3))
        for ax in axs:
            ax.plot([0, 1]); ax.set_xlabel('A long x axis label')
        """)
        hidden = [f for f in meta["facts"]["findings"] if "hidden behind" in f["message"]]
        self.assertEqual(len(hidden), 1)
        self.assertEqual((hidden[0]["kind"], hidden[0]["axes"]), ("overlapping-text", 1))
        self.assertEqual(meta["facts"]["texts"][hidden[0]["texts"][0]]["axes"], 0)
        fixed, _ = render("""
        import matplotlib.pyplot as plt
        fig, axs = plt.subplots(2, 1, figsize=(4, 3))
        for ax in axs:
            ax.plot([0, 1]); ax.set_xlabel('A long x axis label')
        fig.tight_layout()
        """)
        self.assertEqual(fixed["facts"]["findings"], [])

    def test_text_off_canvas(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.plot([0, 1])
        fig.text(0.95, 0.5, 'This sentence runs past the right edge')
        """)
        self.assertEqual(finding_kinds(meta), ["text-off-canvas"])

    def test_empty_axes(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, (a, b) = plt.subplots(1, 2)
        a.plot([0, 1])
        """)
        empty = [f for f in meta["facts"]["findings"] if f["kind"] == "empty-axes"]
        self.assertEqual([f["axes"] for f in empty], [1])

    def test_hidden_axes_are_not_reported(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, axs = plt.subplots(1, 3)
        axs[0].plot([1, 2]); axs[1].set_visible(False); axs[2].bar([1], [2])
        """)
        self.assertEqual([len(a["series"]) for a in meta["facts"]["axes"]], [1, 1])
        self.assertEqual([a["index"] for a in meta["facts"]["axes"]], [0, 1])
        self.assertNotIn("empty-axes", finding_kinds(meta))

    def test_blank_image(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.axis('off')
        """)
        self.assertIn("blank-image", finding_kinds(meta))

    def test_tiny_text(self):
        meta, _ = render("""
        import matplotlib.pyplot as plt
        plt.plot([0, 1]); plt.title('small print', fontsize=4)
        """)
        self.assertEqual(finding_kinds(meta), ["tiny-text"])

    def test_colorbar_axes_is_flagged_and_not_empty(self):
        meta, _ = render("""
        import numpy as np
        import matplotlib.pyplot as plt
        im = plt.imshow(np.eye(3)); cb = plt.colorbar(im); cb.set_label('level')
        """)
        axes = meta["facts"]["axes"]
        self.assertEqual([a["isColorbar"] for a in axes], [False, True])
        self.assertEqual(texts_with(meta, text="level")[0]["role"], "label")
        self.assertNotIn("empty-axes", finding_kinds(meta))


if __name__ == "__main__":
    unittest.main()
