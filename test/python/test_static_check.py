import json
import unittest

from render_helpers import analyze, boot, ensure_native

import cit_render  # noqa: I100  (render_helpers puts the engine on sys.path)
import cit_static

FORBIDDEN = {
    "import subprocess": "subprocess",
    "import socket": "socket",
    "from urllib.request import urlopen": "urllib",
    "import requests": "requests",
    "import http.client": "http",
    "import ctypes": "ctypes",
    "import js": "js",
    "from pyodide import eval_code": "pyodide",
    "import pyodide_js": "pyodide_js",
    "import micropip": "micropip",
    "import os\nos.system('ls')": "os.system",
    "import os\nos.popen('ls')": "os.popen",
    "import os as o\no.remove('x')": "os.remove",
    "from os import system": "os.system",
    "open('data.csv')": "open",
    "with open('out.txt', 'w') as f:\n    f.write('x')": "open",
    "import io\nio.open('x')": "io.open",
    "eval(input())": "eval",
    "name = input('file?')": "input",
    "code = 'print(1)'\nexec(code)": "exec",
    "eval('__import__(\"os\").system(\"ls\")')": "__import__",
    "compile(source, 'x', 'exec')": "compile",
    "__import__(name)": "__import__",
    "import importlib\nimportlib.import_module(name)": "importlib.import_module",
    "getattr(object, '__subclasses__')": "__subclasses__",
    "().__class__.__bases__[0].__subclasses__()": "__subclasses__",
    "f = lambda: 0\nf.__globals__": "__globals__",
    "x = __builtins__": "__builtins__",
    "import sys\nsys.modules['js']": "sys.modules",
}


class StaticCheckTest(unittest.TestCase):
    def setUp(self):
        ensure_native()

    def test_each_forbidden_family(self):
        for code, name in FORBIDDEN.items():
            with self.subTest(code=code):
                result = analyze(code)
                self.assertFalse(result["ok"], code)
                self.assertEqual(result["error"]["kind"], "forbidden")
                self.assertEqual(result["error"]["name"], name)
                self.assertIsNotNone(result["error"]["line"])

    def test_ordinary_chart_code_passes(self):
        result = analyze("""
        import os, sys, math, random
        import numpy as np
        import matplotlib.pyplot as plt
        from matplotlib.patches import Patch
        from mpl_toolkits.mplot3d import Axes3D
        import squarify
        out = os.path.join('charts', 'x.png')
        os.makedirs('charts', exist_ok=True)
        values = eval('[1, 2, 3]')
        label = getattr(plt, 'title')
        plt.plot(values); plt.savefig(out)
        """)
        self.assertTrue(result["ok"], result)
        self.assertEqual(result["imports"][:4], ["os", "sys", "math", "random"])
        self.assertIn("squarify", result["imports"])
        self.assertEqual(result["packages"], [])

    def test_missing_package_names_the_package(self):
        for code, name in (("import seaborn as sns", "seaborn"),
                           ("from sklearn.linear_model import LinearRegression", "sklearn"),
                           ("import plotly.express as px", "plotly"),
                           ("import not_a_real_module_xyz", "not_a_real_module_xyz")):
            with self.subTest(code=code):
                error = analyze(code)["error"]
                self.assertEqual((error["kind"], error["name"]), ("missing-package", name))
                self.assertIn(name, error["message"])

    def test_syntax_error_reports_line(self):
        error = analyze("x = 1\ny = (2\n")["error"]
        self.assertEqual(error["kind"], "syntax")
        self.assertGreaterEqual(error["line"], 2)

    def test_unsupported_only_on_offline_017(self):
        scripts = {
            "import numpy as np\nnp.fft.fft([1, 2])": "numpy.fft",
            "from numpy import fft": "numpy.fft",
            "import numpy\nnumpy.fft.rfft([1])": "numpy.fft",
            "from scipy.optimize import minimize": "scipy.optimize.minimize",
            "import scipy.optimize as so\nso.minimize(f, 0)": "scipy.optimize.minimize",
            "import matplotlib.tri as tri": "matplotlib.tri",
            "import matplotlib.pyplot as plt\nplt.tricontourf(x, y, z)": "tricontourf",
            "import matplotlib.pyplot as plt\nax = plt.gca()\nax.triplot(x, y)": "triplot",
            "import networkx as nx\nnx.kamada_kawai_layout(G)": "networkx.kamada_kawai_layout",
        }
        for code in scripts:
            with self.subTest(code=code):
                self.assertTrue(analyze(code)["ok"], "native runs these")
        try:
            boot("offline-0.17", loadable=["scipy", "networkx"])
            for code, name in scripts.items():
                with self.subTest(code=code):
                    result = analyze(code)
                    self.assertFalse(result["ok"], code)
                    self.assertEqual((result["error"]["kind"], result["error"]["name"]),
                                     ("unsupported", name))
                    self.assertIn("offline runtime", result["error"]["message"])
        finally:
            boot("native")

    def test_packages_lists_loadable_modules_not_yet_imported(self):
        try:
            boot("offline-0.17", loadable=["networkx", "scipy", "not_installed_pkg"])
            result = analyze("import numpy as np\nimport not_installed_pkg\nfrom scipy import stats\n")
            self.assertTrue(result["ok"], result)
            self.assertIn("not_installed_pkg", result["packages"])
            info = json.loads(cit_render.runtime_info())
            self.assertEqual(info["distribution"], "offline-0.17")
            self.assertIn("not_installed_pkg", info["importable"])
        finally:
            boot("native")

    def test_prompt_notes_mention_runtime_limits(self):
        offline = cit_render.prompt_notes("offline-0.17")
        self.assertIn("np.fft", offline)
        self.assertIn("kamada_kawai_layout", offline)
        self.assertNotIn("np.fft", cit_static.prompt_notes("native"))
        self.assertIs(cit_render.PROMPT_NOTES, cit_render.prompt_notes)


class RuntimeInfoTest(unittest.TestCase):
    def test_native_runtime_info(self):
        info = boot("native")
        self.assertEqual(info["distribution"], "native")
        self.assertIsNone(info["pyodide"])
        self.assertIsNone(info["note"])
        import matplotlib
        import numpy
        self.assertEqual((info["matplotlib"], info["numpy"]), (matplotlib.__version__, numpy.__version__))
        self.assertIsNotNone(info["optional"]["scipy"])
        self.assertIn("networkx", info["optional"])
        for name in ("numpy", "matplotlib", "squarify"):
            self.assertIn(name, info["importable"])
        self.assertNotIn("seaborn", info["importable"])


if __name__ == "__main__":
    unittest.main()
