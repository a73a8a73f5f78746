import unittest

from render_helpers import answer, render

import cit_render  # noqa: I100  (render_helpers puts the engine on sys.path)

SCRIPT = """
import numpy as np
import matplotlib.pyplot as plt
regions = ['North', 'South', 'East']
sales = [120, 340, 90]
table = {'North': 1}
arr = np.array([1.0, 2.0, 3.0])
fig, ax = plt.subplots()
ax.bar(regions, sales)
ax.set_title('Sales')
"""


class AnswerProgramTest(unittest.TestCase):
    def setUp(self):
        meta, _ = render(SCRIPT)
        self.assertTrue(meta["ok"], meta)
        self.render_id = meta["renderId"]

    def value(self, program):
        result = answer(self.render_id, program)
        self.assertTrue(result["ok"], result)
        return result["type"], result["value"]

    def test_script_variables_are_visible(self):
        self.assertEqual(self.value("answer = regions[sales.index(max(sales))]"), ("string", "South"))

    def test_last_expression_is_the_answer(self):
        self.assertEqual(self.value("total = sum(sales)\ntotal / 10"), ("number", 55))

    def test_facts_fig_np_math_are_available(self):
        program = """
        bars = facts['axes'][0]['series'][0]
        answer = [bars['x'][0], bars['y'][0], fig.axes[0].get_title(), np.mean(arr), math.sqrt(16)]
        """
        self.assertEqual(self.value(program), ("list", ["North", 120, "Sales", 2, 4]))

    def test_typing(self):
        cases = {
            "True": ("boolean", True),
            "np.bool_(False)": ("boolean", False),
            "3": ("number", 3),
            "np.int64(7)": ("number", 7),
            "np.float32(0.5)": ("number", 0.5),
            "'text'": ("string", "text"),
            "np.str_('s')": ("string", "s"),
            "(1, 'a', [True, None])": ("list", [1, "a", [True, None]]),
            "arr * 2": ("list", [2, 4, 6]),
            "np.float64(2.5) * np.ones(1)": ("list", [2.5]),
            "None": ("none", None),
            "x = 1": ("none", None),
        }
        for program, expected in cases.items():
            with self.subTest(program=program):
                self.assertEqual(self.value(program), expected)

    def test_non_finite_and_untypable_answers_are_errors(self):
        for program in ("float('nan')", "np.inf", "answer = {'a': 1}", "1j"):
            with self.subTest(program=program):
                result = answer(self.render_id, program)
                self.assertFalse(result["ok"])
                self.assertEqual(result["error"]["kind"], "runtime")

    def test_exceptions_are_runtime_errors_with_line(self):
        result = answer(self.render_id, "x = 1\ny = sales[99]\n")
        self.assertFalse(result["ok"])
        self.assertEqual((result["error"]["kind"], result["error"]["line"]), ("runtime", 2))

    def test_changes_do_not_leak_back(self):
        self.value("sales.append(1)\nregions[0] = 'changed'\ntable['x'] = 2\narr[0] = 99\nnew_name = 1")
        self.assertEqual(self.value("answer = [len(sales), regions[0], len(table), arr[0]]"),
                         ("list", [3, "North", 1, 1]))
        result = answer(self.render_id, "new_name")
        self.assertFalse(result["ok"])

    def test_stdout_is_captured(self):
        result = answer(self.render_id, "print('working')\nanswer = 1")
        self.assertEqual(result["stdout"], "working\n")

    def test_static_check_applies(self):
        result = answer(self.render_id, "import os\nos.system('ls')")
        self.assertEqual(result["error"]["kind"], "forbidden")
        result = answer(self.render_id, "answer = (1")
        self.assertEqual(result["error"]["kind"], "syntax")

    def test_unknown_render_id(self):
        result = answer("render-does-not-exist", "answer = 1")
        self.assertFalse(result["ok"])
        self.assertEqual(result["error"]["kind"], "runtime")
        self.assertIn("Unknown render id", result["error"]["message"])

    def test_only_recent_renders_are_kept(self):
        first = render("import matplotlib.pyplot as plt\nplt.plot([1])\nvalue = 5\n")[0]["renderId"]
        for _ in range(cit_render.KEEP_RENDERS):
            render("import matplotlib.pyplot as plt\nplt.plot([2])\n")
        self.assertFalse(answer(first, "value")["ok"])


if __name__ == "__main__":
    unittest.main()
