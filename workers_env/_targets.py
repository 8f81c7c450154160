"""``"package.module:function"`` references, as a project names its own code in ``pyproject.toml``
and to the test API: ``[tool.workers-env.bindings]`` factories (``load_env``, ``workers-env dev``),
``[tool.workers-env.ai.embedders]`` and ``embedders=``, ``[tool.workers-env.ai.replies]``'s
``{ function = ... }``. One parser for all, so each takes the same forms and says the same of a
mistake (leftovers60: the bindings' took no dotted name after the colon and worded every error
otherwise; an embedder module whose own code failed came out as a bare traceback).

The forms: a module to import (dotted), one colon, then the name of the object in it -- dotted
for one inside a class or namespace (``"pkg.mod:Models.embed"``), as a packaging entry point's
``module:attr.attr``. Imported with the project folder first on ``sys.path``.
"""

from __future__ import annotations

import difflib
import importlib
import sys
from pathlib import Path
from typing import Any

from workers_env._errors import ConfigError

__all__ = ["import_target", "split_target"]


def split_target(target: Any) -> tuple[str, list[str]] | None:
    """``(module, [name, ...])`` of a well-formed reference, else ``None``."""
    if not isinstance(target, str) or target.count(":") != 1:
        return None
    module, _, attribute = target.partition(":")
    parts = attribute.split(".")
    if not all(p.isidentifier() for p in module.split(".")) or not all(p.isidentifier() for p in parts):
        return None
    return module, parts


def import_target(target: Any, where: str, root: Path | str | None, kind: str = "function") -> Any:
    """The object ``target`` names, imported with ``root`` (the project folder) first on
    ``sys.path``; a mistake is a :class:`ConfigError` beginning with ``where`` that says what to
    write (``kind``: what the reference names, ``function`` or ``factory``)."""
    split = split_target(target)
    if split is None:
        shown = f'"{target}"' if isinstance(target, str) else repr(target)
        raise ConfigError(f'{where}: {shown} is not "package.module:{kind}" (a module to import, a colon, then the '
                          f'name of the {kind} in it: "package.module:{kind}", or "package.module:Class.{kind}" for one '
                          "in a class)")
    module_name, parts = split
    added = root is not None and str(root) not in sys.path
    if added:
        sys.path.insert(0, str(root))  # the project folder, as for ``python -m`` from there
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        if not _is_the_module(exc, module_name):  # found, but its own code imports what is not there
            raise ConfigError(f'{where}: importing "{module_name}" raised {import_error_text(exc)}; '
                              f"{_lacking(exc, module_name)}") from exc
        within = f"from {root} or " if root is not None else "from "
        raise ConfigError(f'{where}: cannot import "{module_name}" for "{target}" ({exc}); the module must be '
                          f"importable {within}your environment") from exc
    except Exception as exc:  # noqa: BLE001 - the module's own code failed (a SyntaxError, an AttributeError of
        # its top level: no missing name of the reference's)
        raise ConfigError(f'{where}: importing "{module_name}" raised {import_error_text(exc)}; fix that module') from exc
    finally:
        if added:
            sys.path.remove(str(root))
    found: Any = module
    for done, part in enumerate(parts):
        try:
            found = getattr(found, part)
        except AttributeError:
            raise ConfigError(f'{where}: "{module_name}" has no "{".".join(parts)}" (from "{target}")'
                              f"{_near(found, part, module_name, parts, done)}") from None
    return found


def _is_the_module(exc: ImportError, module_name: str) -> bool:
    """Whether ``exc`` says the module a reference names (or a package it is in) is not there --
    not that something its own code imports is missing (review93b)."""
    missing = exc.name if isinstance(exc, ModuleNotFoundError) else None
    return missing is not None and (module_name == missing or module_name.startswith(missing + "."))


def _lacking(exc: ImportError, module_name: str) -> str:
    """How to fix an import the named module's code makes: install a package from elsewhere, or fix the
    project's own code (a module of its own package, a name another module lacks)."""
    missing = exc.name if isinstance(exc, ModuleNotFoundError) else None
    top = (missing or "").partition(".")[0]
    if not top or top == module_name.partition(".")[0]:
        return "fix that module"
    return f'install the package that provides "{top}" where workers-env runs, or fix that module'


def import_error_text(exc: BaseException) -> str:
    """``exc`` raised by importing a module, in one line (a syntax error with its file and line)."""
    if isinstance(exc, SyntaxError):
        return f"SyntaxError: {exc.msg} ({exc.filename}, line {exc.lineno})"
    return f"{type(exc).__name__}: {exc}"


def _near(owner: Any, name: str, module_name: str, parts: list[str], done: int) -> str:
    """A ``did you mean`` for a misspelt name (walk58: ``bge_bse`` for ``bge_base``): the public
    callable of ``owner`` closest to ``name`` (difflib's 0.8; audit35: never a list beside the
    function), as the reference to write."""
    names = [n for n in dir(owner) if not n.startswith("_") and callable(getattr(owner, n, None))]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.8)
    if not close:
        return ""
    fixed = [*parts[:done], close[0]]
    return f': did you mean "{module_name}:{".".join(fixed)}"?'
