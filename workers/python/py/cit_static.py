"""Static check of a script (or answer program) before it runs: syntax, forbidden operations,
missing packages, randomness the runtime cannot seed (and reads of the clock), and, on the
offline 0.17 runtime, APIs known to crash the wasm build.

The sandbox (opaque-origin iframe, blob worker, CSP) is the real security boundary; this check
turns the common escape attempts and dead ends into clear, early, LLM-repairable errors.
"""
import ast

FORBIDDEN_MODULES = {
    "js", "pyodide", "pyodide_js", "micropip", "ctypes", "subprocess", "socket", "urllib",
    "urllib2", "urllib3", "requests", "http", "httpx", "aiohttp", "ftplib", "smtplib",
    "telnetlib", "poplib", "imaplib", "xmlrpc", "webbrowser", "multiprocessing", "shutil",
    "tempfile", "pathlib", "glob", "pty", "signal", "mmap", "builtins", "__builtin__", "gc",
    "inspect", "code", "codeop", "pickle", "marshal", "shelve", "asyncio", "threading",
    "_thread", "resource", "fcntl", "posix", "nt",
}
# Attributes of `os` a chart script may use; everything else on `os` touches files or processes.
OS_ALLOWED = {"path", "sep", "linesep", "getcwd", "makedirs", "mkdir", "name", "curdir"}
SYS_FORBIDDEN = {"modules", "meta_path", "path_hooks", "path_importer_cache", "_getframe",
                 "settrace", "setprofile", "setrecursionlimit", "stdin"}
DUNDER_FORBIDDEN = {
    "__subclasses__", "__globals__", "__builtins__", "__code__", "__closure__", "__mro__",
    "__bases__", "__base__", "__import__", "__loader__", "__spec__", "__getattribute__",
    "f_globals", "f_locals", "f_back", "f_builtins", "gi_frame", "tb_frame", "cr_frame",
    "co_code", "func_globals",
}
DYNAMIC_CALLS = {"eval", "exec", "compile", "__import__"}
FILE_CALLS = {"open", "input", "breakpoint", "help"}
# Third-party modules that are known by name; anything else unknown is a missing package.
PACKAGE_HINTS = {
    "seaborn": "seaborn is not available in this runtime; use matplotlib only",
    "sklearn": "scikit-learn (sklearn) is not available in this runtime; compute with numpy",
    "pandas": "pandas is not available in this runtime; use plain lists and numpy arrays",
    "plotly": "plotly is not available in this runtime; use matplotlib only",
}
# Randomness and clocks: a chart must render the same on every run (its Q&A describe one image).
# Module-level np.random.* / random.* functions stay allowed: the runtime seeds them per render.
SEED_FIX = ("pass a seed, e.g. np.random.default_rng(42), or use the np.random / random module "
            "functions, which the runtime seeds")
# Constructors that draw their seed from the operating system when given none.
UNSEEDED_CONSTRUCTORS = {
    "numpy.random.default_rng", "numpy.random.RandomState", "numpy.random.SeedSequence",
    "numpy.random.PCG64", "numpy.random.PCG64DXSM", "numpy.random.MT19937",
    "numpy.random.Philox", "numpy.random.SFC64", "random.Random", "numpy.random.seed",
    "random.seed",
}
SEED_KEYWORDS = ("seed", "entropy", "x", "a")
ENTROPY_FIX = ("draws from the operating system's entropy, so the chart would differ on every "
               "run; use np.random or random (the runtime seeds them) or hard-code the values")
ENTROPY_SOURCES = {"random.SystemRandom", "os.urandom", "os.getrandom", "uuid.uuid1",
                   "uuid.uuid4", "numpy.random.bit_generator.SeedlessSeedSequence"}
ENTROPY_MODULES = {"secrets"}
CLOCK_FIX = ("reads the clock, so the chart would depend on when it is drawn; hard-code the dates "
             "and values (e.g. datetime.date(2024, 5, 1))")
# Always the current time, wherever they appear (called, passed or aliased).
CLOCK_READS = {
    "time.time", "time.time_ns", "time.perf_counter", "time.perf_counter_ns", "time.monotonic",
    "time.monotonic_ns", "time.process_time", "time.process_time_ns", "time.clock",
    "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.datetime.today",
    "datetime.date.today",
}
# The current time only when called without their time argument (position of that argument).
CLOCK_DEFAULTS = {"time.localtime": 0, "time.gmtime": 0, "time.ctime": 0, "time.asctime": 0,
                  "time.strftime": 1}

UNSUPPORTED_017 = [
    ("numpy.fft", "np.fft crashes this offline runtime (Pyodide 0.17); compute without FFT"),
    ("scipy.fft", "scipy.fft is not available on this offline runtime; compute without FFT"),
    ("scipy.fftpack", "scipy.fftpack crashes this offline runtime; compute without FFT"),
    ("scipy.optimize.minimize", "scipy.optimize.minimize crashes this offline runtime "
     "(Pyodide 0.17); use scipy.optimize.curve_fit or closed-form numpy"),
    ("matplotlib.tri", "matplotlib.tri (triangulation) crashes this offline runtime "
     "(Pyodide 0.17); use contour/contourf on a regular grid"),
    ("networkx.kamada_kawai_layout", "networkx.kamada_kawai_layout crashes this offline runtime "
     "(Pyodide 0.17); use spring_layout(G, seed=...) or circular_layout"),
    ("networkx.draw_kamada_kawai", "networkx.draw_kamada_kawai crashes this offline runtime "
     "(Pyodide 0.17); use nx.draw with spring_layout(G, seed=...)"),
]
UNSUPPORTED_METHODS_017 = {
    "tricontour": "matplotlib.tri", "tricontourf": "matplotlib.tri", "triplot": "matplotlib.tri",
    "tripcolor": "matplotlib.tri", "plot_trisurf": "matplotlib.tri",
    "kamada_kawai_layout": "networkx.kamada_kawai_layout",
    "draw_kamada_kawai": "networkx.draw_kamada_kawai",
}


class CheckFailed(Exception):
    def __init__(self, kind, message, line, name):
        Exception.__init__(self, message)
        self.error = {"kind": kind, "message": message, "traceback": None, "line": line,
                      "name": name}


def prompt_notes(distribution):
    """Plain lines telling a person (or an LLM prompt) what to avoid on this runtime."""
    lines = [
        "Use matplotlib and numpy only (plus scipy.interpolate, scipy.stats, "
        "scipy.optimize.curve_fit and networkx); seaborn, pandas, sklearn and plotly are not "
        "available.",
        "Do not read or write files, open network connections or start processes; call "
        "plt.savefig or plt.show once at the end (the figure is captured).",
        "Hard-code the data. np.random.* and random.* functions are seeded by the runtime; a "
        "generator you create needs a seed (np.random.default_rng(42), random.Random(42)); do "
        "not use secrets, os.urandom, uuid.uuid4 or random.SystemRandom, and do not read the "
        "clock (time.time(), datetime.now(), date.today()): the chart must be the same on every "
        "run.",
    ]
    if distribution == "offline-0.17":
        lines.append("This runtime is old (Python 3.8, numpy 1.17, matplotlib 3.3, scipy 0.17): "
                     "avoid np.fft, scipy.optimize.minimize, matplotlib.tri (tricontour, triplot, "
                     "tripcolor, plot_trisurf), networkx.kamada_kawai_layout, "
                     "MarkerStyle(transform=) and patheffects.withTickedStroke.")
    return "\n".join(lines)


def _shown(dotted):
    """A dotted name as a script usually writes it (numpy.random.x -> np.random.x)."""
    return "np." + dotted[len("numpy."):] if dotted.startswith("numpy.") else dotted


def _is_none(node):
    return (isinstance(node, ast.Constant) and node.value is None) or \
        (isinstance(node, ast.Name) and node.id == "None") or \
        (type(node).__name__ == "NameConstant" and getattr(node, "value", 0) is None)


def _literal_string(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if hasattr(ast, "Str") and isinstance(node, getattr(ast, "Str")):
        return node.s
    return None


class _Checker(ast.NodeVisitor):
    def __init__(self, distribution, is_importable):
        self.distribution = distribution
        self.is_importable = is_importable
        self.aliases = {}  # local name -> dotted module/object path
        self.imports = []

    def fail(self, kind, message, node, name):
        raise CheckFailed(kind, message, getattr(node, "lineno", None), name)

    # imports ---------------------------------------------------------------------------------
    def note_import(self, dotted, node):
        top = dotted.split(".")[0]
        if top in ENTROPY_MODULES:
            self.fail("forbidden", "%s %s" % (top, ENTROPY_FIX), node, top)
        if top in FORBIDDEN_MODULES:
            self.fail("forbidden", "importing %s is not allowed in a chart script" % top, node, top)
        self.check_dotted(dotted, node)
        if top not in self.imports:
            self.imports.append(top)
        if not self.is_importable(top):
            message = PACKAGE_HINTS.get(top, "%s is not available in this runtime; use "
                                        "matplotlib and numpy only" % top)
            self.fail("missing-package", message, node, top)

    def visit_Import(self, node):
        for alias in node.names:
            self.note_import(alias.name, node)
            if alias.asname:
                self.aliases[alias.asname] = alias.name
            else:
                top = alias.name.split(".")[0]
                self.aliases[top] = top
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        if node.level:
            self.fail("forbidden", "relative imports are not allowed", node, node.module)
        module = node.module or ""
        self.note_import(module, node)
        for alias in node.names:
            if alias.name == "*":
                continue
            dotted = module + "." + alias.name
            self.check_dotted(dotted, node)
            self.aliases[alias.asname or alias.name] = dotted
        self.generic_visit(node)

    # names and attributes ----------------------------------------------------------------------
    def dotted_name(self, node):
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        root = self.aliases.get(node.id)
        if root is None:
            return None
        return ".".join([root] + parts[::-1])

    def check_dotted(self, dotted, node):
        parts = dotted.split(".")
        if dotted in ENTROPY_SOURCES:
            self.fail("forbidden", "%s %s" % (_shown(dotted), ENTROPY_FIX), node, _shown(dotted))
        if dotted in CLOCK_READS:
            self.fail("forbidden", "%s() %s" % (_shown(dotted), CLOCK_FIX), node, dotted)
        if parts[0] == "os" and len(parts) > 1 and parts[1] not in OS_ALLOWED:
            self.fail("forbidden", "os.%s is not allowed in a chart script" % parts[1], node,
                      "os." + parts[1])
        if parts[0] == "sys" and len(parts) > 1 and parts[1] in SYS_FORBIDDEN:
            self.fail("forbidden", "sys.%s is not allowed in a chart script" % parts[1], node,
                      "sys." + parts[1])
        if parts[0] == "io" and len(parts) > 1 and parts[1] in ("open", "FileIO", "open_code"):
            self.fail("forbidden", "opening files is not allowed in a chart script", node,
                      "io." + parts[1])
        if parts[0] == "importlib" and len(parts) > 1 and parts[1] != "import_module":
            self.fail("forbidden", "importlib.%s is not allowed" % parts[1], node, dotted)
        if self.distribution == "offline-0.17":
            for prefix, message in UNSUPPORTED_017:
                if dotted == prefix or dotted.startswith(prefix + "."):
                    self.fail("unsupported", message, node, prefix)

    def visit_Attribute(self, node):
        if node.attr in DUNDER_FORBIDDEN:
            self.fail("forbidden", "access to %s is not allowed" % node.attr, node, node.attr)
        dotted = self.dotted_name(node)
        if dotted is not None:
            self.check_dotted(dotted, node)
        if self.distribution == "offline-0.17" and node.attr in UNSUPPORTED_METHODS_017:
            prefix = UNSUPPORTED_METHODS_017[node.attr]
            self.fail("unsupported", dict(UNSUPPORTED_017)[prefix], node, node.attr)
        self.generic_visit(node)

    def visit_Name(self, node):
        if node.id in DUNDER_FORBIDDEN:
            self.fail("forbidden", "access to %s is not allowed" % node.id, node, node.id)
        dotted = self.aliases.get(node.id)
        if dotted is not None and dotted != node.id:
            self.check_dotted(dotted, node)

    def check_determinism(self, dotted, node):
        """Unseeded generators and clock reads that depend on the arguments of a call."""
        if dotted in UNSEEDED_CONSTRUCTORS:
            seeds = list(node.args[:1]) + [k.value for k in node.keywords if k.arg in SEED_KEYWORDS]
            if not seeds or all(_is_none(seed) for seed in seeds):
                what = "%s() without a seed" % _shown(dotted)
                if dotted.endswith(".seed"):
                    what = "%s() without a value reseeds from the operating system and" \
                        % _shown(dotted)
                    self.fail("forbidden", "%s would give a different chart on every run; "
                              "remove it (the runtime seeds %s) or pass a number"
                              % (what, _shown(dotted)[:-len(".seed")]), node, _shown(dotted))
                self.fail("forbidden", "%s gives a different chart on every run; %s"
                          % (what, SEED_FIX), node, _shown(dotted))
        position = CLOCK_DEFAULTS.get(dotted)
        if position is not None and len(node.args) <= position and not node.keywords:
            self.fail("forbidden", "%s() without a time %s" % (dotted, CLOCK_FIX), node, dotted)
        if dotted == "numpy.datetime64" and node.args:
            text = _literal_string(node.args[0])
            if text is not None and text.strip().lower() in ("now", "today"):
                self.fail("forbidden", "np.datetime64(%r) %s" % (text, CLOCK_FIX), node,
                          "np.datetime64")

    def visit_Call(self, node):
        func = node.func
        dotted = self.dotted_name(func)
        if dotted is not None:
            self.check_determinism(dotted, node)
        name = func.id if isinstance(func, ast.Name) and func.id not in self.aliases else None
        if name in FILE_CALLS:
            self.fail("forbidden", "%s() is not allowed in a chart script (no file or console "
                      "access); hard-code the data" % name, node, name)
        if name in DYNAMIC_CALLS or self.dotted_name(func) == "importlib.import_module":
            self.check_dynamic(name or "importlib.import_module", node)
        if name in ("getattr", "setattr", "delattr", "hasattr") and len(node.args) >= 2:
            attr = _literal_string(node.args[1])
            if attr is not None and (attr.startswith("__") or attr in DUNDER_FORBIDDEN):
                self.fail("forbidden", "%s to %s is not allowed" % (name, attr), node, attr)
        self.generic_visit(node)

    def check_dynamic(self, name, node):
        source = _literal_string(node.args[0]) if node.args else None
        if source is None:
            self.fail("forbidden", "%s() with a computed argument is not allowed" % name, node,
                      name)
        if name in ("__import__", "importlib.import_module"):
            self.note_import(source, node)
        elif name in ("eval", "exec"):
            try:
                inner = ast.parse(source, "<chart>", "eval" if name == "eval" else "exec")
            except SyntaxError:
                self.fail("forbidden", "%s() of a string that does not parse" % name, node, name)
            self.visit(inner)


def check(code, distribution, is_importable):
    """Parse and check; returns the list of top-level imports or raises CheckFailed."""
    try:
        tree = ast.parse(code, "<chart>", "exec")
    except SyntaxError as error:
        message = "SyntaxError: %s" % (error.msg or "invalid syntax")
        if error.lineno:
            message += " (line %d)" % error.lineno
        raise CheckFailed("syntax", message, error.lineno, None)
    except ValueError as error:  # e.g. null bytes in the source
        raise CheckFailed("syntax", "SyntaxError: %s" % error, None, None)
    checker = _Checker(distribution, is_importable)
    # Aliases first, so a use above its import (in a function body, say) is still recognised.
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                top = alias.name.split(".")[0]
                checker.aliases[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                if alias.name != "*":
                    checker.aliases[alias.asname or alias.name] = node.module + "." + alias.name
    checker.visit(tree)
    return checker.imports
