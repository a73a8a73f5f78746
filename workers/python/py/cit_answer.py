"""Answer programs: small programs that compute a question's answer from the namespace a render
left behind (the script's variables), the figure and its facts. The answer is typed for the
comparison on the JS side (AnswerResult in api.ts).
"""
import ast
import copy
import io
import json
import math
import numbers
import sys

import numpy as np

import cit_errors

ANSWER_FILE = "<answer>"
_COPIED_TYPES = (list, dict, set, np.ndarray)
MAX_LIST = 10000


class AnswerTypeError(Exception):
    pass


def _child_namespace(entry):
    """The script's names, with mutable containers copied so the program cannot change them."""
    child = {}
    for name, value in entry["namespace"].items():
        if isinstance(value, _COPIED_TYPES):
            try:
                value = copy.deepcopy(value)
            except Exception:  # uncopyable contents: share them rather than fail
                pass
        child[name] = value
    child.pop("answer", None)
    child["facts"] = json.loads(entry["facts"])
    child["fig"] = entry["figure"]
    child["np"] = np
    child["math"] = math
    child["__name__"] = "__answer__"
    return child


def _typed_scalar(value):
    if value is None:
        return "none", None
    if isinstance(value, (bool, np.bool_)):
        return "boolean", bool(value)
    if isinstance(value, (str, np.str_)):
        return "string", str(value)
    if isinstance(value, numbers.Number) or isinstance(value, np.number):
        if isinstance(value, complex) or isinstance(value, np.complexfloating):
            raise AnswerTypeError("the answer is a complex number")
        number = float(value)
        if not math.isfinite(number):
            raise AnswerTypeError("the answer is not a finite number (%r)" % (number,))
        if isinstance(value, (numbers.Integral, np.integer)) and abs(number) < 2 ** 53:
            return "number", int(value)
        return "number", number
    raise AnswerTypeError("the answer must be a number, string, boolean, list or None, not %s"
                          % type(value).__name__)


def _typed(value):
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return _typed_scalar(value.item())
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        if len(value) > MAX_LIST:
            raise AnswerTypeError("the answer list has more than %d elements" % MAX_LIST)
        return "list", [_typed(item)[1] for item in value]
    return _typed_scalar(value)


def _split_last_expression(program):
    tree = ast.parse(program, ANSWER_FILE, "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    return tree, last


def run(entry, program):
    """Run `program` against a kept render entry; returns an AnswerResult dict."""
    stdout = io.StringIO()
    namespace = _child_namespace(entry)
    cit_errors.register_source(program, ANSWER_FILE)
    saved = sys.stdout
    sys.stdout = stdout
    try:
        tree, last = _split_last_expression(program)
        exec(compile(tree, ANSWER_FILE, "exec"), namespace)
        value = None
        if last is not None:
            value = eval(compile(last, ANSWER_FILE, "eval"), namespace)
        if "answer" in namespace:
            value = namespace["answer"]
        kind, typed = _typed(value)
    except AnswerTypeError as problem:
        error = cit_errors.make_error("runtime", "Answer program: %s" % problem)
        return {"ok": False, "error": error, "stdout": stdout.getvalue()}
    except BaseException as raised:  # noqa: B902  (a failing program is data)
        if isinstance(raised, KeyboardInterrupt):
            raise
        error = cit_errors.describe_exception(raised, filename=ANSWER_FILE)
        return {"ok": False, "error": error, "stdout": stdout.getvalue()}
    finally:
        sys.stdout = saved
    return {"ok": True, "type": kind, "value": typed, "stdout": stdout.getvalue()}
