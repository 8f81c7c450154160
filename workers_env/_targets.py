"""``"package.module:function"`` references, as a project names its own code in ``pyproject.toml``
and to the test API: ``[tool.workers-env.bindings]`` factories (``load_env``, ``workers-env dev``),
``[tool.workers-env.ai.embedders]`` and ``embedders=``, ``[tool.workers-env.ai.replies]``'s
``{ function = ... }``. One parser for all, so each takes the same forms and says the same of a
mistake (leftovers60: the bindings' took no dotted name after the colon and worded every error
otherwise; an embedder module whose own code failed came out as a bare traceback).

The forms: a module to import (dotted), one colon, then the name of the object in it -- dotted
for one inside a class or namespace (``"pkg.mod:Models.embed"``), as a packaging entry point's
``module:attr.attr``. Imported with the project folder first on ``sys.path``, from that folder
even where another project's reference imported a module of that name first (review93b).
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
    top = module_name.partition(".")[0]
    folder = None if root is None else str(Path(root).resolve())
    if folder is not None:
        _another_projects_dropped(top, folder)
    added = root is not None and str(root) not in sys.path
    if added:
        sys.path.insert(0, str(root))  # the project folder, as for ``python -m`` from there
    try:
        module = importlib.import_module(module_name)
        if folder is not None and _in_folder(sys.modules.get(top), folder):
            _IMPORTED_FROM[top] = folder
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


#: by top-level name, the project folder (resolved) a reference's module was imported from
_IMPORTED_FROM: dict[str, str] = {}


def _another_projects_dropped(top: str, folder: str) -> None:
    """Forget module ``top`` (and the modules in it) when a reference of another project imported it
    from that project's folder and ``folder`` holds its own: Python keeps a module by its name, so
    a second project's ``"fakes:make"`` (a second Worker of one dev session, a second project's env in
    one test run) was the first one's function (review93b). A module of that name imported any other
    way is left alone."""
    came = _IMPORTED_FROM.get(top)
    if came is None or came == folder or top not in sys.modules:
        return
    here = Path(folder)
    if not ((here / f"{top}.py").is_file() or (here / top).is_dir()):
        return  # this project has none of its own: what it imports is the one there is
    for name in [name for name in sys.modules if name == top or name.startswith(top + ".")]:
        del sys.modules[name]
    del _IMPORTED_FROM[top]
    importlib.invalidate_caches()


def _in_folder(module: Any, folder: str) -> bool:
    """Whether ``module`` (a file or a package's folders) lies in ``folder``."""
    places = [getattr(module, "__file__", None), *(getattr(module, "__path__", None) or ())]
    for place in places:
        if isinstance(place, str) and place:
            try:
                if Path(place).resolve().is_relative_to(folder):
                    return True
            except OSError:
                continue
    return False


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
