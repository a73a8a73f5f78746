import base64
import json
import os
import subprocess
import sys
import tempfile
import unittest

from render_helpers import ENGINE_DIR, PNG_SIGNATURE, png_size

SERVER = os.path.join(ENGINE_DIR, "native_server.py")


class NativeServerTest(unittest.TestCase):
    def test_json_lines_protocol(self):
        requests = [
            {"id": 1, "op": "boot", "config": {"distribution": "native"}},
            {"id": 2, "op": "analyze", "code": "import seaborn"},
            {"id": 3, "op": "render", "code": "import matplotlib.pyplot as plt\n"
             "fig = plt.figure(figsize=(3, 2))\nplt.plot([1, 2])\nv = 41\n",
             "options": {"dpi": 100, "seed": 1, "timeoutMs": 5000, "maxPixels": 10 ** 7}},
            {"id": 4, "op": "render", "code": "while True:\n    pass\n",
             "options": {"dpi": 100, "seed": 1, "timeoutMs": 300, "maxPixels": 10 ** 7}},
            {"id": 6, "op": "info"},
            {"id": 7, "op": "nonsense"},
        ]
        lines = "\n".join(json.dumps(r) for r in requests)
        lines += "\n" + json.dumps({"id": 5, "op": "answer", "renderId": "RID", "program": "v + 1"})
        process = subprocess.Popen([sys.executable, SERVER], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        replies = []
        for line in lines.split("\n"):
            if '"RID"' in line:
                line = line.replace("RID", replies[2]["result"]["renderId"])
            process.stdin.write(line + "\n")
            process.stdin.flush()
            replies.append(json.loads(process.stdout.readline()))
        process.stdin.close()
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
        by_id = dict((r["id"], r) for r in replies)
        self.assertEqual(by_id[1]["result"]["distribution"], "native")
        self.assertEqual(by_id[2]["result"]["error"]["kind"], "missing-package")
        rendered = by_id[3]["result"]
        png = base64.b64decode(rendered["png"])
        self.assertEqual(png[:8], PNG_SIGNATURE)
        self.assertEqual(png_size(png), (300, 200))
        self.assertEqual(by_id[4]["result"]["error"]["kind"], "timeout")
        self.assertEqual(by_id[5]["result"], {"ok": True, "type": "number", "value": 42, "stdout": ""})
        self.assertIn("matplotlib", by_id[6]["result"])
        self.assertFalse(by_id[7]["ok"])
        self.assertIn("unknown op", by_id[7]["message"])

    def test_boot_does_not_import_optional_packages(self):
        code = ("import sys, json\nsys.path.insert(0, %r)\nimport cit_render\n"
                "cit_render.boot(json.dumps({'distribution': 'native'}))\n"
                "print(sorted(m for m in ('scipy', 'networkx', 'pandas') if m in sys.modules))\n"
                % ENGINE_DIR)
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                timeout=60)
        self.assertEqual(result.stdout.strip(), "[]", result.stderr)

    def test_render_file_cli(self):
        folder = tempfile.mkdtemp()
        script = os.path.join(folder, "chart.py")
        out = os.path.join(folder, "chart.png")
        with open(script, "w") as handle:
            handle.write("import matplotlib.pyplot as plt\nplt.figure(figsize=(4, 3))\n"
                         "plt.bar(['a'], [1])\nplt.savefig('ignored.png')\n")
        result = subprocess.run([sys.executable, SERVER, "--render", script, "--dpi", "50",
                                 "--out", out], capture_output=True, text=True, cwd=folder,
                                timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        meta = json.loads(result.stdout)
        self.assertEqual((meta["ok"], meta["width"], meta["height"]), (True, 200, 150))
        with open(out, "rb") as handle:
            self.assertEqual(png_size(handle.read()), (200, 150))
        self.assertFalse(os.path.exists(os.path.join(folder, "ignored.png")))


if __name__ == "__main__":
    unittest.main()
