import glob
import os
import unittest

from render_helpers import ENGINE_DIR, ON_MPL33_HYBRID, render

CORPUS = os.path.normpath(os.path.join(ENGINE_DIR, "..", "..", "..", "src", "core", "corpus",
                                       "scripts"))
# What the matplotlib 3.3 pass (mpl33_hybrid.py) cannot run, by a fragment of the script.
HYBRID_LIMITS = {
    "nx.draw": "matplotlib 3.3 collections reject networkx's ragged edges on numpy 1.24",
    "draw_networkx": "matplotlib 3.3 collections reject networkx's ragged edges on numpy 1.24",
    "contour": "the 3.3 hybrid has no _contour extension",
}


class CorpusTest(unittest.TestCase):
    def test_every_corpus_script_renders_and_most_are_finding_free(self):
        paths = sorted(glob.glob(os.path.join(CORPUS, "*.py")))
        if not paths:
            self.skipTest("no corpus scripts at %s" % CORPUS)
        with_findings = []
        rendered = 0
        for path in paths:
            with open(path) as handle:
                code = handle.read()
            name = os.path.basename(path)
            with self.subTest(script=name):
                limits = [why for fragment, why in HYBRID_LIMITS.items() if fragment in code]
                if ON_MPL33_HYBRID and limits:
                    self.skipTest(limits[0])
                meta, png = render(code)
                self.assertTrue(meta["ok"], meta.get("error"))
                self.assertIsNotNone(png)
                rendered += 1
                if meta["facts"]["findings"]:
                    with_findings.append((name, [f["message"] for f in meta["facts"]["findings"]]))
        self.assertLessEqual(len(with_findings), max(1, rendered // 10), with_findings)


if __name__ == "__main__":
    unittest.main()
