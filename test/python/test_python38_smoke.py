import glob
import os
import shutil
import subprocess
import unittest

from render_helpers import ENGINE_DIR

# The engine's pure-Python modules must run on the offline bundle's Python 3.8. numpy and
# matplotlib are not installed for other interpreters here, so this checks the modules that
# need neither (static check, import hooks, squarify stand-in, error mapping).
SMOKE = r"""
import sys
sys.path.insert(0, sys.argv[1])
import cit_errors, cit_import_hooks, cit_squarify, cit_static
assert cit_static.check("import numpy as np\nx = eval('[1]')\n", "offline-0.17", lambda n: True) == ["numpy"]
for code, kind in (("import os\nos.system('x')", "forbidden"), ("import numpy as np\nnp.fft.fft(1)", "unsupported"),
                   ("x = (", "syntax"), ("getattr(a, '__globals__')", "forbidden")):
    try:
        cit_static.check(code, "offline-0.17", lambda n: True)
        raise AssertionError("passed: " + code)
    except cit_static.CheckFailed as failure:
        assert failure.error["kind"] == kind, (code, failure.error)
cit_import_hooks.provide_stand_in("squarify", cit_squarify.make_module)
import squarify
assert len(squarify.squarify(squarify.normalize_sizes([3, 2, 1], 10, 10), 0, 0, 10, 10)) == 3
seen = []
cit_import_hooks.call_after_import("json.tool", lambda module: seen.append(module.__name__))
import json.tool
assert seen == ["json.tool"], seen
cit_errors.register_source("x = 1\ny = [][1]\n")
try:
    exec(compile("x = 1\ny = [][1]\n", "<chart>", "exec"), {})
except IndexError as error:
    assert cit_errors.describe_exception(error)["line"] == 2
print("smoke ok")
"""


def find_python38():
    candidates = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.8*/bin/python3.8")))
    candidates.append(shutil.which("python3.8"))
    for candidate in candidates:
        if not candidate:
            continue
        probe = subprocess.run([candidate, "-c", "import sys; print(sys.version_info[:2])"],
                               capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.strip() == "(3, 8)":
            return candidate
    return None


class Python38SmokeTest(unittest.TestCase):
    def test_pure_python_modules_run_on_python_38(self):
        python38 = find_python38()
        if python38 is None:
            self.skipTest("no Python 3.8 interpreter on this machine")
        result = subprocess.run([python38, "-W", "error", "-c", SMOKE, ENGINE_DIR],
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "smoke ok")


if __name__ == "__main__":
    unittest.main()
