"""Exceptions raised by a script, turned into RenderError dicts (api.ts)."""
import linecache
import traceback

CHART_FILE = "<chart>"
MAX_MESSAGE = 300


class RenderTimeout(Exception):
    """Raised by a host's execution guard when a run exceeds its time limit."""


def register_source(code, filename=CHART_FILE):
    """Let tracebacks quote the script's lines."""
    lines = code.splitlines(True)
    linecache.cache[filename] = (len(code), None, lines, filename)


def make_error(kind, message, traceback_text=None, line=None, name=None):
    return {"kind": kind, "message": message, "traceback": traceback_text, "line": line,
            "name": name}


def _one_line(error):
    text = "%s: %s" % (type(error).__name__, error) if str(error) else type(error).__name__
    text = text.strip().splitlines()[0] if text.strip() else type(error).__name__
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 1] + "…"


def _script_frames(error, filename):
    frames = traceback.extract_tb(error.__traceback__)
    return [f for f in frames if f.filename == filename]


def _trimmed_traceback(error, frames):
    lines = ["Traceback (most recent call last):\n"]
    lines.extend(traceback.format_list(frames))
    lines.extend(traceback.format_exception_only(type(error), error))
    return "".join(lines).rstrip("\n")


def describe_exception(error, filename=CHART_FILE, while_drawing=False):
    """RenderError for an exception raised by the script (or while drawing its figure)."""
    if isinstance(error, RenderTimeout):
        return make_error("timeout", "The script did not finish within the time limit")
    if isinstance(error, SyntaxError) and not _script_frames(error, filename):
        line = error.lineno if error.filename == filename else None
        message = "SyntaxError: %s" % (error.msg or "invalid syntax")
        if line:
            message += " (line %d)" % line
        return make_error("syntax", message, None, line, None)
    frames = _script_frames(error, filename)
    line = frames[-1].lineno if frames else None
    if while_drawing:
        frames = traceback.extract_tb(error.__traceback__)[-4:]
    trace = _trimmed_traceback(error, frames)
    message = _one_line(error)
    if while_drawing:
        message = "While drawing the figure: " + message
    elif line:
        message += " (line %d)" % line
    if isinstance(error, MemoryError):
        return make_error("memory", "The script ran out of memory" +
                          (" (line %d)" % line if line else ""), trace, line, None)
    if isinstance(error, RecursionError):
        return make_error("runtime", "RecursionError: maximum recursion depth exceeded; look for "
                          "runaway recursion" + (" (line %d)" % line if line else ""),
                          trace, line, None)
    all_frames = traceback.extract_tb(error.__traceback__)
    if isinstance(error, ImportError) and all_frames and all_frames[-1].filename == filename:
        # The script's own import failed. (An ImportError deep inside a library is a runtime
        # failure of that library, not a package the script could do without.)
        name = (getattr(error, "name", None) or "").split(".")[0] or None
        return make_error("missing-package", message, trace, line, name)
    return make_error("runtime", message, trace, line, None)
