"""Which binding result's key a failing line read as a dict method (``listed.keys``, ``m.values``).

The SDK hands binding results out as ``JsDict``s, whose keys read as attributes unless ``dict``
has an attribute of that name: ``(await env.KV.list()).keys`` is the dict's own method, in
production too, and Python's error (``object of type 'builtin_function_or_method' has no len()``)
does not say so (walk59). Looked for on an error's path only, in its innermost frame."""

from __future__ import annotations

import linecache
import re

from workers_env._jsvalues import JsDict

_DICT_METHODS = sorted(name for name in dir(dict) if not name.startswith("_"))
#: ``name.method`` not called: ``listed.keys``, ``m.values[0]`` (``listed.keys()`` is a call, meant so)
_READ = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.(" + "|".join(_DICT_METHODS) + r")\b(?!\s*\()")


def dict_method_note(error: BaseException) -> str | None:
    """The note for ``error`` when its innermost frame's line read a ``JsDict`` variable's key
    named like a dict method as an attribute, getting the method; ``None`` otherwise."""
    if not isinstance(error, (TypeError, AttributeError)) or "builtin_function_or_method" not in str(error):
        return None
    tb = error.__traceback__
    if tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    frame = tb.tb_frame
    line = linecache.getline(frame.f_code.co_filename, tb.tb_lineno, frame.f_globals)
    for found in _READ.finditer(line):
        name, method = found.groups()
        value = frame.f_locals[name] if name in frame.f_locals else frame.f_globals.get(name)
        if isinstance(value, JsDict) and method in value:
            return (f"workers-env: {name}.{method} is the dict method {method}(), not the {method!r} key of this "
                    f"result: a binding's result is a JsDict (as the Python SDK hands it out in production), whose "
                    f"keys read as attributes only where dict has no attribute of that name -- read "
                    f"{name}[{method!r}]")
    return None
