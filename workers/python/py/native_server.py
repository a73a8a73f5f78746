"""Native host of the render engine (Debian CPython), for tests and benchmarks.

JSON-lines server: one request per stdin line,
  {"id": 1, "op": "boot", "config": {...}}      -> {"id": 1, "ok": true, "result": RuntimeInfo}
  {"id": 2, "op": "analyze", "code": "..."}
  {"id": 3, "op": "render", "code": "...", "options": {...}}  -> result has "png" (base64)
  {"id": 4, "op": "answer", "renderId": "...", "program": "...", "timeoutMs": 1000}
  {"id": 5, "op": "info"}
one reply per line on stdout. A request that cannot be served replies
{"id", "ok": false, "message"}.

CLI: python3 native_server.py --render FILE.py [--dpi 100] [--seed 0] [--out out.png]
prints the render's meta JSON (without the PNG).
"""
import argparse
import base64
import contextlib
import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cit_errors  # noqa: E402
import cit_render  # noqa: E402


@contextlib.contextmanager
def interval_timer_guard(timeout_ms):
    """Raise RenderTimeout inside the running script once timeout_ms have passed."""
    if not timeout_ms or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum, frame):
        raise cit_errors.RenderTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, float(timeout_ms) / 1000.0)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def handle(request):
    op = request.get("op")
    if op == "boot":
        config = dict(request.get("config") or {})
        config.setdefault("distribution", "native")
        return json.loads(cit_render.boot(json.dumps(config)))
    if op == "info":
        return json.loads(cit_render.runtime_info())
    if op == "analyze":
        return json.loads(cit_render.analyze(request["code"]))
    if op == "render":
        meta, png = cit_render.render(request["code"], json.dumps(request.get("options") or {}))
        result = json.loads(meta)
        if png is not None:
            result["png"] = base64.b64encode(png).decode("ascii")
        return result
    if op == "answer":
        return json.loads(cit_render.run_answer_program(
            request["renderId"], request["program"], request.get("timeoutMs")))
    if op == "notes":
        return cit_render.prompt_notes(request.get("distribution"))
    raise ValueError("unknown op %r" % (op,))


def serve(stdin, stdout):
    for line in stdin:
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            reply = {"id": request_id, "ok": True, "result": handle(request)}
        except Exception as error:  # a bad request must not stop the server
            reply = {"id": request_id, "ok": False, "message": "%s: %s" % (type(error).__name__,
                                                                           error)}
        stdout.write(json.dumps(reply) + "\n")
        stdout.flush()


def render_file(args):
    with open(args.render) as source:
        code = source.read()
    cit_render.boot(json.dumps({"distribution": "native"}))
    options = {"dpi": args.dpi, "seed": args.seed, "timeoutMs": args.timeout,
               "maxPixels": args.max_pixels}
    meta, png = cit_render.render(code, json.dumps(options))
    if png is not None and args.out:
        with open(args.out, "wb") as target:
            target.write(png)
    print(meta)
    return 0 if json.loads(meta)["ok"] else 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--render", help="render this script file and print its meta JSON")
    parser.add_argument("--dpi", type=float, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=int, default=20000, help="ms")
    parser.add_argument("--max-pixels", type=int, default=16000000)
    parser.add_argument("--out", help="write the PNG here")
    args = parser.parse_args(argv)
    cit_render.set_execution_guard(interval_timer_guard)
    if args.render:
        return render_file(args)
    serve(sys.stdin, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
