"""Which compat patches a script went through during a run (reported as `compat`)."""
import inspect

_used = set()


def note(name):
    """Record that a script went through compat patch `name` during this run."""
    _used.add(name)


def take_used():
    """Names of patches used since the last call, sorted; resets the record."""
    names = sorted(_used)
    _used.clear()
    return names


def accepts(func, parameter):
    """Whether func's signature has `parameter` (True when it cannot be inspected)."""
    try:
        return parameter in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return True


def accepts_any_keyword(func):
    """Whether func takes **kwargs (True when it cannot be inspected)."""
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return True
    return any(p.kind == p.VAR_KEYWORD for p in parameters)
