"""Native check of the seed corpus (src/core/corpus) on Debian's matplotlib.

    /usr/bin/python3 test/corpus/check_corpus.py [--no-render] [--only TEXT] [--manifest FILE]
                                                 [--strict-layout] [--verbose]

1. Runs every script as plain Python with the Agg backend (plt.show is a no-op, savefig writes to
   memory) and prints ok/FAIL with the time it took.
2. Renders it again through the sandbox's engine (workers/python/py/cit_render.py) and compares the
   figure facts with the expectation written in the manifest (axes, title, legend, texts, series).
Exits non-zero when any script fails either step.
"""
import argparse
import io
import json
import os
import subprocess
import sys
import time
import traceback
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ENGINE = os.path.join(ROOT, 'workers', 'python', 'py')
SCRIPTS = os.path.join(ROOT, 'src', 'core', 'corpus', 'scripts')

import matplotlib  # noqa: E402

matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

sys.path.insert(0, HERE)
import expectations  # noqa: E402  (test/corpus/expectations.py)


def load_manifest(path):
    """Entries with code: from a JSON file, or exported from the TypeScript manifest by node."""
    if path:
        with io.open(path, encoding='utf-8') as handle:
            return json.load(handle)
    exporter = os.path.join(HERE, 'export-manifest.mjs')
    output = subprocess.run(['node', exporter], cwd=ROOT, check=True, stdout=subprocess.PIPE)
    return json.loads(output.stdout.decode('utf-8'))


def install_squarify():
    """Scripts import `squarify`; the sandbox provides a stand-in module, so the check uses it too."""
    if not os.path.exists(os.path.join(ENGINE, 'cit_squarify.py')):
        return 'missing (workers/python/py/cit_squarify.py not found; treemap scripts will fail)'
    sys.path.insert(0, ENGINE)
    import cit_squarify
    sys.modules['squarify'] = cit_squarify.make_module()
    return 'runtime stand-in'


def run_plain(code, name):
    """Exec one script the way a person would run it, minus the window and the file."""
    plt.close('all')
    matplotlib.rcdefaults()
    saved = []
    original_savefig = Figure.savefig

    def savefig_to_memory(self, *args, **kwargs):
        kwargs.pop('format', None)
        buffer = io.BytesIO()
        original_savefig(self, buffer, format='png', **kwargs)
        saved.append(buffer.getvalue())

    Figure.savefig = savefig_to_memory
    show = plt.show
    plt.show = lambda *args, **kwargs: [plt.figure(n).savefig(None) for n in plt.get_fignums()]
    started = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            exec(compile(code, name, 'exec'), {'__name__': '__main__'})
        error = None if saved else 'no figure was shown or saved'
    except Exception:  # noqa: BLE001  (a failing script is a finding, not a crash of the check)
        error = traceback.format_exc(limit=3).strip().splitlines()[-1]
    finally:
        Figure.savefig = original_savefig
        plt.show = show
        plt.close('all')
    return error, (time.perf_counter() - started) * 1000.0


def load_engine():
    if not os.path.exists(os.path.join(ENGINE, 'cit_render.py')):
        return None, 'workers/python/py/cit_render.py does not exist yet'
    sys.path.insert(0, ENGINE)
    try:
        import cit_render
        cit_render.boot(json.dumps({'distribution': 'native'}))
    except Exception:  # noqa: BLE001
        return None, 'cit_render failed to boot: ' + traceback.format_exc(limit=2).strip().splitlines()[-1]
    return cit_render, None


def run_render(engine, entry):
    meta, _png = engine.render(entry['code'], json.dumps({'dpi': 100, 'seed': 0}))
    result = json.loads(meta)
    if not result['ok']:
        error = result['error']
        return ['render failed (%s): %s' % (error['kind'], error['message'])], result
    return expectations.compare(result['facts'], entry['expect']), result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument('--no-render', action='store_true', help='only run the scripts plainly')
    parser.add_argument('--only', default=None, help='check only ids containing this text')
    parser.add_argument('--manifest', default=None, help='manifest JSON from export-manifest.mjs')
    parser.add_argument('--strict-layout', action='store_true', help='fail on layout findings too')
    parser.add_argument('--verbose', action='store_true', help='list Python warnings (they fail the script)')
    args = parser.parse_args()

    entries = load_manifest(args.manifest)
    if args.only:
        entries = [e for e in entries if args.only in e['id']]
    print('matplotlib %s, squarify: %s, %d scripts' % (matplotlib.__version__, install_squarify(), len(entries)))
    engine, reason = (None, 'skipped (--no-render)') if args.no_render else load_engine()
    if engine is None:
        print('render check: %s' % reason)

    failures, plain_ms, render_ms = [], [], []
    for entry in entries:
        error, elapsed = run_plain(entry['code'], entry['id'] + '.py')
        plain_ms.append(elapsed)
        problems = [] if error is None else ['plain run: ' + error]
        note = ''
        if engine is not None and error is None:
            mismatches, result = run_render(engine, entry)
            problems.extend(mismatches)
            if result['ok']:
                render_ms.append(result['durationMs'])
                findings = [f['kind'] for f in result['facts']['findings']]
                note = '  render %6.0f ms' % result['durationMs']
                if result['compat']:
                    note += '  compat=%s' % ','.join(result['compat'])
                if findings:
                    note += '  findings=%d (%s)' % (len(findings), ','.join(sorted(set(findings))))
                    if args.strict_layout:
                        problems.extend('layout: ' + f['message'] for f in result['facts']['findings'])
                if result['warnings']:
                    note += '  warnings=%d' % len(result['warnings'])
                    if args.verbose:
                        problems.extend('warning: ' + w for w in result['warnings'])
        status = 'ok  ' if not problems else 'FAIL'
        print('%s %-44s plain %6.0f ms%s' % (status, entry['id'], elapsed, note))
        for problem in problems:
            print('       - ' + problem)
        if problems:
            failures.append(entry['id'])

    def summary(values):
        if not values:
            return 'n/a'
        ordered = sorted(values)
        return 'median %.0f ms, max %.0f ms, total %.1f s' % (
            ordered[len(ordered) // 2], ordered[-1], sum(ordered) / 1000.0)

    print('plain runs: %s' % summary(plain_ms))
    if engine is not None:
        print('renders:    %s' % summary(render_ms))
    print('%d of %d scripts passed' % (len(entries) - len(failures), len(entries)))
    if failures:
        print('failed: ' + ', '.join(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
