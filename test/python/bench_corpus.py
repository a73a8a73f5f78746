"""Benchmark: renders every corpus script natively and prints timings (no assertions).

Usage: /usr/bin/python3 test/python/bench_corpus.py [--dpi 100]
Prints per-script exec+draw time, the share spent reading figure facts, compat patches used
and layout findings, then medians and totals.
"""
import argparse
import glob
import json
import os
import statistics
import sys
import time

import render_helpers  # noqa: F401  (puts the engine on sys.path)

import cit_facts  # noqa: I100
import cit_render

CORPUS = os.path.join(os.path.dirname(render_helpers.ENGINE_DIR), "..", "..", "src", "core",
                      "corpus", "scripts")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dpi", type=float, default=100)
    args = parser.parse_args()
    cit_render.boot(json.dumps({"distribution": "native"}))
    original = cit_facts.read_facts
    spent = [0.0]

    def timed(*a, **k):
        started = time.perf_counter()
        try:
            return original(*a, **k)
        finally:
            spent[0] += time.perf_counter() - started

    cit_facts.read_facts = timed
    renders, facts, failures, with_findings = [], [], [], 0
    for path in sorted(glob.glob(os.path.join(os.path.normpath(CORPUS), "*.py"))):
        spent[0] = 0.0
        with open(path) as handle:
            meta = json.loads(cit_render.render(handle.read(), json.dumps({"dpi": args.dpi, "seed": 0}))[0])
        name = os.path.basename(path)
        if not meta["ok"]:
            failures.append(name)
            print("%-45s FAILED %s: %s" % (name, meta["error"]["kind"], meta["error"]["message"]))
            continue
        findings = sorted(set(f["kind"] for f in meta["facts"]["findings"]))
        with_findings += 1 if findings else 0
        renders.append(meta["durationMs"])
        facts.append(spent[0] * 1000.0)
        print("%-45s %7.1f ms  facts %5.1f ms  %s %s" % (name, meta["durationMs"], spent[0] * 1000.0,
                                                        ",".join(meta["compat"]), ",".join(findings)))
    if not renders:
        print("no corpus scripts found under %s" % os.path.normpath(CORPUS))
        return 1
    print("scripts %d, failed %d, with findings %d" % (len(renders) + len(failures), len(failures),
                                                        with_findings))
    print("render median %.1f ms, p90 %.1f ms; facts median %.1f ms; facts share of render time %.1f%%"
          % (statistics.median(renders), sorted(renders)[int(len(renders) * 0.9) - 1],
             statistics.median(facts), 100.0 * sum(facts) / sum(renders)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
