"""Which binding result's key a failing line read as a dict method (``listed.keys``, ``m.values``).

The SDK hands binding results out as ``JsDict``s, whose keys read as attributes unless ``dict``
has an attribute of that name: ``(await env.KV.list()).keys`` is the dict's own method, in
production too, and Python's error (``object of type 'builtin_function_or_method' has no len()``)
does not say so (walk59). Looked for on an error's path only, from its innermost frame out (a
library's frame raised ``json.dumps(listed.keys)``'s; review91)."""

from __future__ import annotations

import linecache
import tokenize

from workers_env._jsvalues import JsDict
from workers_env.runtime.syntaxhints import line_tokens

_DICT_METHODS = frozenset(name for name in dir(dict) if not name.startswith("_"))


def _reads(line: str) -> list[tuple[str, str]]:
    """``line``'s ``name.method`` reads not called (``listed.keys``, ``m.values[0]``; ``listed.keys()``
    is a call, meant so; ``self.env.keys`` is not a bare name), as tokens: none in a string or a
    comment (review91). A line tokenize cannot finish gives those found before."""
    tokens = line_tokens(line)
    found = []
    for i in range(len(tokens) - 2):
        name, dot, method = tokens[i:i + 3]
        before = tokens[i - 1] if i else None
        after = tokens[i + 3] if i + 3 < len(tokens) else None
        if name.type == tokenize.NAME and dot.string == "." and dot.type == tokenize.OP \
                and method.type == tokenize.NAME and method.string in _DICT_METHODS \
                and not (before is not None and before.type == tokenize.OP and before.string == ".") \
                and not (after is not None and after.type == tokenize.OP and after.string == "("):
            found.append((name.string, method.string))
    return found


def dict_method_note(error: BaseException) -> str | None:
    """The note for ``error`` when a line of its traceback (innermost first) read a ``JsDict`` variable's key
    named like a dict method as an attribute, getting the method; ``None`` otherwise."""
    if not isinstance(error, (TypeError, AttributeError)) or "builtin_function_or_method" not in str(error):
        return None
    frames = []
    tb = error.__traceback__
    while tb is not None:
        frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    failed = getattr(error, "obj", None) if isinstance(error, AttributeError) else None
    for frame, lineno in reversed(frames):  # innermost first: json.dumps(listed.keys) fails in json's frame
        line = linecache.getline(frame.f_code.co_filename, lineno, frame.f_globals)
        for name, method in _reads(line):
            value = frame.f_locals[name] if name in frame.f_locals else frame.f_globals.get(name)
            if isinstance(value, JsDict) and method in value \
                    and (failed is None or getattr(failed, "__self__", None) is value):
                return (f"workers-env: {name}.{method} is the dict method {method}(), not the {method!r} key of "
                        f"this result: a binding's result is a JsDict (as the Python SDK hands it out in production), "
                        f"whose keys read as attributes only where dict has no attribute of that name -- read "
                        f"{name}[{method!r}]")
    return None
