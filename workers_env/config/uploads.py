"""Which of a Python Worker's files a deploy uploads, as wrangler decides it.

wrangler walks the module root (``base_dir``, else ``main``'s folder) and gives each file the
type of the first module rule whose glob matches its path (the config's ``rules``, then
``PythonModule`` ``**/*.py`` for a Python ``main``, then its defaults: Text ``*.txt``/``*.html``/
``*.sql``, Data ``*.bin``, CompiledWasm ``*.wasm``); a rule without ``fallthrough = true``
shadows the later rules of its type. workerd then shows Python the Text, Data and Python
modules as files under ``/session/metadata`` (``worker-modules.c++``); every other file of the
folder is simply not there. (wrangler 4.164.0 ``findAdditionalModules``/``parseRules``/
``matchFiles``, ``applyPythonConfig``; globs through ``glob-to-regexp`` with ``globstar``.)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from workers_env._oneload import resolved

__all__ = ["CF_REQUIREMENTS_WARNING", "DEFAULT_MODULE_RULES", "DEFAULT_VENDORED_EXCLUDES", "Uploads", "cf_requirements_warning", "glob_regex",
           "python_modules_problem", "requirements_txt_names", "uploads_of"]

#: wrangler's DEFAULT_MODULE_RULES, after the config's own
DEFAULT_MODULE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Text", ("**/*.txt", "**/*.html", "**/*.sql")),
    ("Data", ("**/*.bin",)),
    ("CompiledWasm", ("**/*.wasm", "**/*.wasm?module")),
)
#: wrangler's ``python_modules.exclude`` when the config has no ``python_modules`` table
DEFAULT_VENDORED_EXCLUDES = ("**/*.pyc",)
#: the module types workerd shows Python as files
VISIBLE_TYPES = frozenset({"Text", "Data", "PythonModule"})
_ESCAPED = set("/$^+.()=!|?[]{},")


@lru_cache(maxsize=256)
def glob_regex(glob: str) -> re.Pattern[str]:
    """``glob-to-regexp``'s translation with ``globstar`` (and without ``extended``): ``*`` is
    ``[^/]*``, ``**`` between slashes any run of folders, ``?``/``[``/``{`` literal; anchored."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        c = glob[i]
        if c in _ESCAPED:
            out.append("\\" + c)
        elif c == "*":
            prev = glob[i - 1] if i > 0 else None
            stars = 1
            while i + 1 < len(glob) and glob[i + 1] == "*":
                stars += 1
                i += 1
            nxt = glob[i + 1] if i + 1 < len(glob) else None
            if stars > 1 and prev in ("/", None) and nxt in ("/", None):
                out.append("((?:[^/]*(?:/|$))*)")
                i += 1  # the slash after it is part of the pattern
            else:
                out.append("([^/]*)")
        else:
            out.append(re.escape(c) if c == "\\" else c)
        i += 1
    return re.compile("^" + "".join(out) + "$")


def _rules(config_rules: Any) -> list[tuple[str, tuple[str, ...], bool]]:
    """The rules in wrangler's order with the shadowed ones dropped: (type, globs, fallthrough)."""
    given: list[tuple[str, tuple[str, ...], bool]] = []
    for rule in config_rules if isinstance(config_rules, list) else []:
        if isinstance(rule, dict) and isinstance(rule.get("type"), str):
            globs = tuple(g for g in rule.get("globs") or () if isinstance(g, str))
            given.append((rule["type"], globs, rule.get("fallthrough") is True))
    if not any(kind == "PythonModule" for kind, _, _ in given):
        given.append(("PythonModule", ("**/*.py",), False))
    rules = given + [(kind, globs, False) for kind, globs in DEFAULT_MODULE_RULES]
    kept: list[tuple[str, tuple[str, ...], bool]] = []
    completed: set[str] = set()
    for kind, globs, fallthrough in rules:
        if kind in completed:
            continue
        kept.append((kind, globs, fallthrough))
        if not fallthrough:
            completed.add(kind)
    return kept


@dataclass(frozen=True)
class Uploads:
    """The module root and the rules deciding which of its files Python code sees deployed."""

    root: Path
    rules: tuple[tuple[str, tuple[str, ...], bool], ...]
    find_additional_modules: bool = True
    main: str = ""
    #: folders under the root whose files are never the Worker's to police (wrangler's state)
    skipped: tuple[Path, ...] = ()
    #: the wrangler config's name under the root, if it is there: never uploaded
    config: str = ""
    #: the project's ``python_modules/`` (beside the config), whose files go up as Data modules
    vendored: Path | None = None
    #: ``python_modules.exclude``: the globs (relative to ``python_modules/``) of its files not uploaded
    vendored_excludes: tuple[str, ...] = DEFAULT_VENDORED_EXCLUDES
    #: :meth:`module_type`'s answers by name (the rules' globs matched once a name: a Worker
    #: looking at 1,000 files spent ~4 us a look matching them)
    _types: dict[str, str | None] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def module_type(self, relative: str) -> str | None:
        """The type wrangler gives the file at ``relative`` (posix, under the root), or None."""
        if relative == self.main:
            return "PythonModule"
        if not self.find_additional_modules or relative == self.config:
            return None
        try:
            return self._types[relative]
        except KeyError:
            pass
        kind = next((kind for kind, globs, _ in self.rules if any(glob_regex(g).match(relative) for g in globs)), None)
        if len(self._types) >= 4096:
            self._types.clear()
        self._types[relative] = kind
        return kind

    def missing(self, path: str) -> str | None:
        """Why the file at ``path`` (absolute, by the name it is opened under: a symbolic link
        counts by its own name, as in wrangler's walk) is not there once deployed, or None when it
        is (or lies outside the module root, which this does not judge)."""
        root = str(self.root)
        if self.in_vendored(path):
            return self.vendored_missing(path)
        if not path.startswith(root + os.sep):
            return None
        if any(path == str(s) or path.startswith(str(s) + os.sep) for s in self.skipped):
            return None
        relative = path[len(root) + 1:].replace(os.sep, "/")
        folder = os.path.dirname(path)
        while len(folder) > len(root):  # wrangler's walk does not enter a symlinked folder
            if os.path.islink(folder):
                name = folder[len(root) + 1:].replace(os.sep, "/")
                return (f"wrangler would not upload {relative!r}: {name!r} is a symbolic link to a folder, which "
                        "its walk of the module root does not follow; make it a real folder")
            folder = os.path.dirname(folder)
        if relative == self.config:
            return f"wrangler never uploads its config file {relative!r}"
        kind = self.module_type(relative)
        if kind in VISIBLE_TYPES:
            return None
        if not self.find_additional_modules:
            return (f"wrangler would not upload {relative!r}: find_additional_modules = false uploads only main; "
                    "set it to true and add a [[rules]] entry for the file")
        if kind is not None:
            return (f"wrangler uploads {relative!r} as a {kind} module, which Python does not see as a file; "
                    f'read it as data instead: [[rules]] type = "Data" globs = ["{_suggested_glob(relative)}"]')
        return (f"wrangler would not upload {relative!r}: no module rule matches it; add one to wrangler.toml, "
                f'e.g. [[rules]] type = "Data" globs = ["{_suggested_glob(relative)}"] '
                '(or "Text"), and Python reads it as a file')


    def in_vendored(self, path: str) -> bool:
        """Whether ``path`` (absolute) lies in the project's ``python_modules/``."""
        return self.vendored is not None and path.startswith(str(self.vendored) + os.sep)

    def vendored_missing(self, path: str) -> str | None:
        """For a file under ``python_modules/`` (:meth:`in_vendored`): why wrangler leaves it out
        (a ``python_modules.exclude`` glob matches its path there), or None (uploaded, as a Data
        module; wrangler 4.164.0 ``findAdditionalModules``)."""
        relative = path[len(str(self.vendored)) + 1:].replace(os.sep, "/")
        for glob in self.vendored_excludes:
            if glob_regex(glob).match(relative):
                return (f"wrangler would not upload 'python_modules/{relative}': the config's python_modules.exclude "
                        f"{glob!r} leaves it out" + (" (wrangler's default without a [python_modules] table)"
                                                     if self.vendored_excludes == DEFAULT_VENDORED_EXCLUDES else ""))
        return None


def _vendored_excludes(section: Any) -> tuple[str, ...]:
    """``python_modules.exclude`` as wrangler takes it: its default without the table, the list
    given (which replaces the default), none for a table without one."""
    if section is None:
        return DEFAULT_VENDORED_EXCLUDES
    excludes = section.get("exclude") if isinstance(section, dict) else None
    return tuple(g for g in excludes if isinstance(g, str)) if isinstance(excludes, list) else ()


def _suggested_glob(relative: str) -> str:
    suffix = Path(relative).suffix
    return f"**/*{suffix}" if suffix else relative


def uploads_of(merged: dict[str, Any], config_root: Path, main_path: Path, config_path: Path | None = None) -> Uploads:
    """The :class:`Uploads` of a Worker from its config's selected environment (``merged``)."""
    base_dir = merged.get("base_dir")
    root = resolved(config_root / base_dir) if isinstance(base_dir, str) else resolved(main_path.parent)
    main = _under(main_path, root)
    config = _under(config_path, root) if config_path is not None else ""
    return Uploads(root=root, rules=tuple(_rules(merged.get("rules"))),
                   find_additional_modules=merged.get("find_additional_modules") is not False, main=main,
                   skipped=(resolved(config_root / ".wrangler"), resolved(config_root / "python_modules")),
                   config=config, vendored=resolved(config_root / "python_modules"),
                   vendored_excludes=_vendored_excludes(merged.get("python_modules")))


def _under(path: Path, root: Path) -> str:
    try:
        return resolved(path).relative_to(root).as_posix()
    except ValueError:
        return ""


#: wrangler's warning for a Python Worker whose project holds a ``cf-requirements.txt``
#: (``findAdditionalModules``, wrangler 4.x, on dev and deploy alike)
CF_REQUIREMENTS_WARNING = ("Found a `cf-requirements.txt` file. cf-requirements.txt is no longer used, instead put "
                           "your dependencies in pyproject.toml and use pywrangler.")


def cf_requirements_warning(config_root: Path) -> str | None:
    """wrangler's warning when the project folder (the config's) has a ``cf-requirements.txt``."""
    return CF_REQUIREMENTS_WARNING if (config_root / "cf-requirements.txt").exists() else None


def python_modules_problem(config_root: Path, module_root: Path) -> str | None:
    """wrangler's refusal of a ``python_modules`` folder in the module root when that is not the
    project folder (``findAdditionalModules``: pywrangler vendors into the project's own
    ``python_modules/``, and one in ``src/`` would be uploaded as the Worker's modules), or None."""
    # (the folder looked for first: one stat, where resolving both roots costs two realpaths a load, load65)
    if not (module_root / "python_modules").exists() or module_root.resolve() == config_root.resolve():
        return None
    return ("The 'python_modules' directory cannot exist in your module root. Delete it to continue.\n"
            f"(wrangler's refusal, on dev and deploy: {module_root / 'python_modules'} is in the module root "
            f"{module_root}, the folder of main or base_dir; pywrangler vendors packages into "
            f"{config_root / 'python_modules'}, beside the wrangler config)")


def requirements_txt_names(config_root: Path) -> list[str]:
    """The packages a ``requirements.txt`` beside the config lists (none without one): what
    Python Workers once loaded from the runtime's built-in packages. Nothing reads the file now
    -- workerd removed built-in package support (0665be3, "Removes deprecated built-in Python
    package support"), wrangler uploads no packages of it, and ``pywrangler sync`` refuses a
    project holding it (``check_requirements_txt``)."""
    path = config_root / "requirements.txt"
    if not path.is_file():
        return []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    names = []
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text and not text.startswith("-"):
            names.append(re.split(r"[\s<>=!~;\[@(]", text, maxsplit=1)[0])
    return list(dict.fromkeys(n for n in names if n))
