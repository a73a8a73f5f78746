"""The static check rejects randomness the runtime cannot seed and reads of the clock, with a
message that says how to fix the script, and leaves seeded or module-level randomness alone."""
import json
import unittest

from render_helpers import analyze, boot, ensure_native, render

import cit_render  # noqa: I100  (render_helpers puts the engine on sys.path)

# code -> (reported name, a phrase the fix in the message must contain)
REJECTED = {
    # generators created without a seed
    "import numpy as np\nrng = np.random.default_rng()": ("np.random.default_rng", "default_rng(42)"),
    "import numpy as np\nrng = np.random.default_rng(None)": ("np.random.default_rng", "seed"),
    "import numpy as np\nrng = np.random.default_rng(seed=None)": ("np.random.default_rng", "seed"),
    "from numpy.random import default_rng\nrng = default_rng()": ("np.random.default_rng", "seed"),
    "import numpy\nstate = numpy.random.RandomState()": ("np.random.RandomState", "seed"),
    "import numpy as np\ng = np.random.Generator(np.random.PCG64())": ("np.random.PCG64", "seed"),
    "import random\nr = random.Random()": ("random.Random", "seed"),
    "from random import Random as R\nr = R()": ("random.Random", "seed"),
    # reseeding from the operating system
    "import numpy as np\nnp.random.seed()": ("np.random.seed", "remove it"),
    "import random\nrandom.seed(None)": ("random.seed", "remove it"),
    # entropy sources
    "import random\nr = random.SystemRandom()": ("random.SystemRandom", "hard-code"),
    "from random import SystemRandom": ("random.SystemRandom", "hard-code"),
    "import secrets\nx = secrets.randbelow(10)": ("secrets", "the runtime seeds them"),
    "import os\nseed = os.urandom(4)": ("os.urandom", "the runtime seeds them"),
    "import uuid\nname = str(uuid.uuid4())": ("uuid.uuid4", "hard-code"),
    # the clock, called or merely referenced
    "import time\nt = time.time()": ("time.time", "hard-code the dates"),
    "from time import time\nstart = time()": ("time.time", "hard-code the dates"),
    "import time\nclock = time.perf_counter": ("time.perf_counter", "hard-code"),
    "import datetime\nd = datetime.datetime.now()": ("datetime.datetime.now", "datetime.date(2024, 5, 1)"),
    "from datetime import datetime\nd = datetime.now()": ("datetime.datetime.now", "hard-code"),
    "import datetime as dt\nd = dt.datetime.utcnow()": ("datetime.datetime.utcnow", "hard-code"),
    "from datetime import date\nd = date.today()": ("datetime.date.today", "hard-code"),
    "import time\nlabel = time.strftime('%Y')": ("time.strftime", "hard-code"),
    "import time\nyear = time.localtime().tm_year": ("time.localtime", "hard-code"),
    "import numpy as np\nd = np.datetime64('today')": ("np.datetime64", "hard-code"),
    # inside a function body, and through eval of a literal
    "import numpy as np\ndef data():\n    return np.random.default_rng().normal(size=3)": (
        "np.random.default_rng", "seed"),
    "import time\nx = eval('time.time()')": ("time.time", "hard-code"),
}

ALLOWED = [
    "import numpy as np\nx = np.random.normal(size=10)\nnp.random.shuffle(x)",
    "import numpy as np\nnp.random.seed(42)\nrng = np.random.default_rng(7)",
    "import numpy as np\nSEED = 3\nrng = np.random.default_rng(SEED)\nstate = np.random.RandomState(seed=SEED)",
    "import numpy as np\ng = np.random.Generator(np.random.PCG64(12345))",
    "import random\nrandom.seed(2024)\nr = random.Random(5)\nvalues = [random.randint(1, 9) for _ in range(5)]",
    "import datetime\nstart = datetime.date(2023, 9, 22)\ndays = [start + datetime.timedelta(days=i) for i in range(3)]",
    "from datetime import datetime\nd = datetime(2024, 1, 1).strftime('%b %Y')",
    "import time\nt = time.strftime('%Y', time.gmtime(0))\nlocal = time.localtime(86400)",
    "import numpy as np\nd = np.datetime64('2024-05-01')",
    "import uuid\nname = uuid.uuid5(uuid.NAMESPACE_DNS, 'chart')",
]


class DeterminismCheckTest(unittest.TestCase):
    def setUp(self):
        ensure_native()

    def test_rejects_unseeded_randomness_and_clock_reads_with_a_fix(self):
        for code, (name, fix) in REJECTED.items():
            with self.subTest(code=code):
                result = analyze(code)
                self.assertFalse(result["ok"], code)
                error = result["error"]
                self.assertEqual((error["kind"], error["name"]), ("forbidden", name))
                self.assertIn(fix, error["message"])
                self.assertIsNotNone(error["line"])

    def test_allows_seeded_and_module_level_randomness(self):
        for code in ALLOWED:
            with self.subTest(code=code):
                self.assertTrue(analyze(code)["ok"], analyze(code))

    def test_reports_the_line_of_the_offending_call(self):
        error = analyze("import numpy as np\nx = [1, 2]\n\nrng = np.random.default_rng()\n")["error"]
        self.assertEqual(error["line"], 4)

    def test_a_rejected_script_is_never_run(self):
        meta, png = render("import matplotlib.pyplot as plt\nimport time\n"
                           "plt.title(str(time.time()))\nplt.plot([1, 2])\n")
        self.assertFalse(meta["ok"])
        self.assertIsNone(png)
        self.assertEqual(meta["error"]["kind"], "forbidden")

    def test_module_level_randomness_renders_the_same_for_the_same_seed(self):
        code = ("import numpy as np\nimport random\nimport matplotlib.pyplot as plt\n"
                "plt.bar(range(5), np.random.rand(5) + random.random())\n")
        first, _ = render(code, seed=5)
        second, _ = render(code, seed=5)
        other, _ = render(code, seed=6)
        self.assertEqual(first["phash"], second["phash"])
        self.assertEqual(first["facts"]["axes"][0]["series"], second["facts"]["axes"][0]["series"])
        self.assertNotEqual(first["facts"]["axes"][0]["series"], other["facts"]["axes"][0]["series"])

    def test_prompt_notes_tell_the_llm_about_seeds_and_the_clock(self):
        for distribution in ("native", "offline-0.17"):
            notes = cit_render.prompt_notes(distribution)
            self.assertIn("default_rng(42)", notes)
            self.assertIn("time.time()", notes)

    def test_runtime_info_carries_the_prompt_notes_of_its_distribution(self):
        try:
            offline = boot("offline-0.17", loadable=["scipy", "networkx"])
            self.assertEqual(offline["promptNotes"], cit_render.prompt_notes("offline-0.17"))
            self.assertIn("np.fft", offline["promptNotes"])
        finally:
            native = boot("native")
        self.assertEqual(native["promptNotes"], cit_render.prompt_notes("native"))
        self.assertNotIn("np.fft", native["promptNotes"])
        self.assertEqual(json.loads(cit_render.runtime_info())["promptNotes"], native["promptNotes"])


if __name__ == "__main__":
    unittest.main()
