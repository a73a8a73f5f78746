import json
import unittest

from render_helpers import render

import cit_render  # noqa: I100  (render_helpers puts the engine on sys.path)
import native_server


class ErrorKindsTest(unittest.TestCase):
    def error_of(self, code):
        meta, png = render(code)
        self.assertFalse(meta["ok"], meta)
        self.assertIsNone(png)
        return meta["error"]

    def test_syntax_error_has_line(self):
        error = self.error_of("import matplotlib.pyplot as plt\nplt.plot([1, 2]\nx = 1\n")
        self.assertEqual(error["kind"], "syntax")
        self.assertIn(error["line"], (2, 3))

    def test_runtime_error_has_line_and_trimmed_traceback(self):
        error = self.error_of("""
        import matplotlib.pyplot as plt
        def helper(values):
            return values[10]
        plt.plot(helper([1, 2, 3]))
        """)
        self.assertEqual(error["kind"], "runtime")
        self.assertEqual(error["line"], 4)
        self.assertTrue(error["message"].startswith("IndexError: list index out of range"))
        self.assertIn('File "<chart>", line 5', error["traceback"])
        self.assertIn("return values[10]", error["traceback"])
        self.assertNotIn("cit_render", error["traceback"])

    def test_error_inside_matplotlib_points_at_the_script_line(self):
        error = self.error_of("""
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3], [1, 2])
        """)
        self.assertEqual((error["kind"], error["line"]), ("runtime", 3))
        self.assertTrue(error["message"].startswith("ValueError"))

    def test_memory_error(self):
        error = self.error_of("""
        import numpy as np
        big = np.ones((10 ** 7, 10 ** 7))
        """)
        self.assertEqual((error["kind"], error["line"]), ("memory", 3))

    def test_recursion_error_is_runtime_with_clear_message(self):
        error = self.error_of("""
        def f(n):
            return f(n + 1)
        f(0)
        """)
        self.assertEqual(error["kind"], "runtime")
        self.assertIn("recursion", error["message"])

    def test_missing_package_from_static_check_names_it(self):
        error = self.error_of("import seaborn as sns\nimport matplotlib.pyplot as plt\n")
        self.assertEqual((error["kind"], error["name"], error["line"]), ("missing-package", "seaborn", 1))
        self.assertEqual(error["message"], "seaborn is not available in this runtime; use matplotlib only")

    def test_missing_submodule_at_run_time(self):
        error = self.error_of("import matplotlib.pyplot as plt\nimport mpl_toolkits.not_there\n")
        self.assertEqual((error["kind"], error["name"]), ("missing-package", "mpl_toolkits"))

    def test_no_figure(self):
        error = self.error_of("x = 1 + 1\nprint(x)\n")
        self.assertEqual(error["kind"], "no-figure")

    def test_forbidden(self):
        error = self.error_of("import subprocess\n")
        self.assertEqual((error["kind"], error["name"]), ("forbidden", "subprocess"))

    def test_drawing_error_is_runtime(self):
        error = self.error_of("""
        import matplotlib.pyplot as plt
        plt.title(r'$\\frac{1}{$')
        """)
        self.assertEqual(error["kind"], "runtime")
        self.assertTrue(error["message"].startswith("While drawing the figure"))

    def test_exit_zero_still_renders(self):
        meta, _ = render("import sys\nimport matplotlib.pyplot as plt\nplt.plot([1])\nsys.exit(0)\n")
        self.assertTrue(meta["ok"], meta)

    def test_timeout_with_the_native_guard(self):
        cit_render.set_execution_guard(native_server.interval_timer_guard)
        try:
            meta = json.loads(cit_render.render("while True:\n    pass\n", json.dumps(
                {"dpi": 50, "seed": 0, "timeoutMs": 200, "maxPixels": 10 ** 6}))[0])
        finally:
            cit_render.set_execution_guard(None)
        self.assertEqual(meta["error"]["kind"], "timeout")
        after, _ = render("import matplotlib.pyplot as plt\nplt.plot([1, 2])\n")
        self.assertTrue(after["ok"], "the engine keeps working after a timeout")

    def test_answer_program_timeout_with_the_native_guard(self):
        meta, _ = render("import matplotlib.pyplot as plt\nplt.plot([1, 2])\n")
        cit_render.set_execution_guard(native_server.interval_timer_guard)
        try:
            result = json.loads(cit_render.run_answer_program(meta["renderId"],
                                                              "while True:\n    pass\n", 200))
        finally:
            cit_render.set_execution_guard(None)
        self.assertEqual((result["ok"], result["error"]["kind"]), (False, "timeout"))


if __name__ == "__main__":
    unittest.main()
