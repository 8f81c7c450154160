"""Which Python SDK a config's Worker runs with, and so how bindings reach its code.

workerd's ``pythonExternalSDK`` flag (on from compatibility date 2026-04-21) decides:

- **before it** the runtime's built-in SDK runs the Worker. Its ``self.env`` hands out every
  binding of ours raw (``_EnvWrapper`` wraps only service bindings, Durable Objects and
  Workflows): arguments cross through Pyodide's default conversion (a ``dict`` stays a
  Python object unless ``to_js(..., dict_converter=Object.fromEntries)``) and results are
  JavaScript objects behind proxies (attributes, ``.to_py()``, ``.length``).
- **from it** the ``workers-runtime-sdk`` package vendored into the Worker runs it. Its
  ``_EnvWrapper`` converts arguments and results of the binding kinds it knows, and it
  learnt them release by release (``WRAPPED_FROM``, from its changelog). The version is
  the user's installed ``workers-runtime-sdk`` if there is one, else :data:`NEWEST_SDK`.

Whatever the date and flags, a project that **vendors** ``workers-runtime-sdk`` runs that copy:
workerd puts the uploaded ``python_modules/`` on ``sys.path`` before its built-in ``workers``
(``setup_python_search_path.py``; its test ``python-workers-runtime-sdk-override`` runs a
vendored SDK under ``disable_python_external_sdk``), and pywrangler 1.9 and later always puts
the SDK there. :func:`vendored_sdk_version` reads that from the project: a
``python_modules/workers_runtime_sdk-*.dist-info``, a ``pylock.toml`` or ``uv.lock`` entry,
or a ``[project].dependencies`` requirement. In the external-SDK era a project that vendors none
has no SDK at all, and its Worker does not start: :func:`missing_sdk_reason` says when the files
show that (:mod:`.nosdk` fails the load as production does).
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from workers_env._errors import ConfigError
from workers_env._lazyre import lazy_pattern
from workers_env._oneload import CLOSED, THIS_LOAD, real_path, resolved
from workers_env._tomlparses import parsed_toml
from workers_env.config.build import (
    build_command,
    build_syncs,
    command_syncs,
    pywrangler_project,
    unfound_pyproject,
)
from workers_env.config.compat import (
    PYTHON_EXTERNAL_SDK,
    compatibility_date,
    flag_enabled,
    python_release,
)

if TYPE_CHECKING:
    from packaging.requirements import Requirement

__all__ = [
    "FETCHER_WRAPPER_CONVERTS_FROM",
    "JS_CLASS_NAMES",
    "KIND_ALIASES",
    "MAIN_ONLY_SINCE",
    "NEWEST_SDK",
    "SUPPLIED_JS_CLASS_NAMES",
    "WORKFLOW_WRAPPER_CONVERTS_FROM",
    "WRAPPED_FROM",
    "Era",
    "MissingSdk",
    "binding_view",
    "canonical_name",
    "declared_names",
    "declared_packages",
    "deploys_with_plain_wrangler",
    "era_of",
    "installed_sdk_version",
    "failing_build_note",
    "missing_sdk_note",
    "missing_sdk_reason",
    "one_load",
    "unsynced_reason",
    "uploads_main_only",
    "vendored_sdk_version",
    "version_text",
]

#: The newest ``workers-runtime-sdk`` on PyPI when this was written (used when none is installed).
NEWEST_SDK = (1, 9, 5)

#: The ``workers-runtime-sdk`` release from which ``self.env`` converts each binding kind:
#: 1.3.0 (2026-06-15) wrapped KV, R2 and D1; 1.4.0 queues; 1.5.0 (2026-06-23) Workers AI,
#: Vectorize, Images, Analytics Engine and rate limits. Kinds are ``BINDING_BUILDERS`` names.
WRAPPED_FROM: dict[str, tuple[int, ...]] = {
    "kv": (1, 3, 0),
    "d1": (1, 3, 0),
    "r2": (1, 3, 0),
    "queues": (1, 4, 0),
    "ai": (1, 5, 0),
    "vectorize": (1, 5, 0),
    "ratelimits": (1, 5, 0),
}

#: Other spellings of a kind (the wrangler config's array names) -> the kind above.
KIND_ALIASES: dict[str, str] = {"kv_namespaces": "kv", "d1_databases": "d1", "r2_buckets": "r2", "workers_ai": "ai"}

#: A kind missing from WRAPPED_FROM (a binding added later) counts as wrapped from the release
#: that began wrapping bindings (1.3.0): today's SDK wraps the binding kinds it knows.
DEFAULT_WRAPPED_FROM = (1, 3, 0)

#: ``binding.constructor.name`` in production, per binding kind.
JS_CLASS_NAMES: dict[str, str] = {
    "vectorize": "VectorizeIndexImpl",
    "ai": "Ai",
    "d1": "D1Database",
    "kv": "KvNamespace",
    "r2": "R2Bucket",
    "queues": "WorkerQueue",
    "assets": "Fetcher",
    "ratelimits": "Ratelimit",
}


#: ``constructor.name`` of a binding you supply, per the config field declaring it: the classes
#: both SDKs' ``_EnvWrapper`` hand out through wrappers of their own (:mod:`.sdkwrappers`)
SUPPLIED_JS_CLASS_NAMES: dict[str, str] = {
    "services": "Fetcher",
    "durable_objects": "DurableObjectNamespace",
    "workflows": "WorkflowImpl",
}

#: The ``workers-runtime-sdk`` release whose ``_FetcherWrapper`` (a service, a Durable Object
#: stub) is a ``_BindingWrapper`` (1.3.0, "Revise type conversion for Durable Object binding");
#: before it, and in the built-in SDK, every method is an ``async def`` converting with the
#: built-in ``python_to_rpc`` (a ``dict`` a ``Map``) and ``python_from_rpc`` (plain ``dict``).
FETCHER_WRAPPER_CONVERTS_FROM = (1, 3, 0)

#: The release whose Workflow wrappers are ``_BindingWrapper``s (1.5.3, "Update Workflows wrapper
#: to work more natively with Python objects"); before it, and in the built-in SDK, an
#: instance's ``status()``, ``pause()``, ... return the JavaScript call's promise un-awaited.
WORKFLOW_WRAPPER_CONVERTS_FROM = (1, 5, 3)


def _parse_version(text: str) -> tuple[int, ...]:
    """``major.minor.patch`` of a version, a missing part 0 as pip reads it (``1.2`` is
    ``1.2.0``, so it compares equal to the release, not before it); ``()`` for none."""
    parts = tuple(int(part) for part in re.findall(r"\d+", text)[:3])
    return (parts + (0, 0))[:3] if parts else ()


def version_text(version: tuple[int, ...]) -> str:
    """A version tuple as releases spell it: ``(1, 6, 13)`` -> ``1.6.13``."""
    return ".".join(map(str, version))


def installed_sdk_version() -> tuple[int, ...] | None:
    """The version of the ``workers-runtime-sdk`` installed beside workers-env, if any."""
    return _installed_sdk_version()


@functools.lru_cache(maxsize=1)
def _installed_sdk_version() -> tuple[int, ...] | None:  # a metadata scan costs ~1 ms: once per process
    import importlib.metadata  # (imported here: ~30 ms of CPU that `workers-env validate` need not spend)

    try:
        return _parse_version(importlib.metadata.version("workers-runtime-sdk"))
    except importlib.metadata.PackageNotFoundError:
        return None


_SDK_NAME = "workers-runtime-sdk"


def canonical_name(name: str) -> str:
    """PEP 503's normal form of a distribution (or top-level module) name."""
    return re.sub(r"[-_.]+", "-", name).lower()


#: pywrangler's own packages (its CLI and the SDK), which workers-env follows by its own rules
_PYWRANGLER_OWN = frozenset({"workers-py", _SDK_NAME})


def _read_toml(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            return parsed_toml(handle.read().decode())  # (tomllib.load: a text parsed before, copied)
    except (OSError, tomllib.TOMLDecodeError):
        return None  # a lock file we cannot read says nothing about the SDK


def _lock_packages(path: Path, key: str) -> dict[str, tuple[int, ...]]:
    """name -> version of a lock file's packages (``{}`` without one)."""
    lock = _read_toml(path) or {}
    entries = lock.get(key)
    found: dict[str, tuple[int, ...]] = {}
    for package in entries if isinstance(entries, list) else []:
        if isinstance(package, dict) and isinstance(package.get("name"), str):
            found[canonical_name(package["name"])] = _parse_version(str(package.get("version", "")))
    return found


#: pywrangler (``workers-py``) puts the SDK into python_modules/ itself from this release on
PYWRANGLER_VENDORS_FROM = (1, 9, 0)


def _uv_lock_packages(path: Path) -> dict[str, dict[str, Any]]:
    """canonical name -> package table of a ``uv.lock`` (``{}`` without one)."""
    lock = _read_toml(path) or {}
    entries = [p for p in lock.get("package", []) if isinstance(p, dict)] if isinstance(lock.get("package"), list) else []
    return {canonical_name(str(p.get("name", ""))): p for p in entries}


def _uv_lock_sdk(by_name: dict[str, dict[str, Any]]) -> tuple[int, ...] | None:
    """The SDK a ``uv.lock`` project deploys (``by_name``: :func:`_uv_lock_packages`): one the
    project's own (non-dev) dependencies reach, at its locked version; else, when its pywrangler
    is 1.9 or later (which adds the SDK on sync), the installed SDK or the newest. The SDK a
    pywrangler before 1.9 depends on itself, as a dev tool, is not uploaded."""
    entries = list(by_name.values())
    roots = [p for p in entries if isinstance(p.get("source"), dict) and
             (p["source"].get("virtual") == "." or p["source"].get("editable") == ".")]
    seen: set[str] = set()
    todo = [canonical_name(str(d.get("name", ""))) for r in roots for d in r.get("dependencies", []) if isinstance(d, dict)]
    while todo:
        name = todo.pop()
        if name in seen or name not in by_name:
            continue
        seen.add(name)
        todo += [canonical_name(str(d.get("name", ""))) for d in by_name[name].get("dependencies", []) if isinstance(d, dict)]
    if _SDK_NAME in seen:
        return _parse_version(str(by_name[_SDK_NAME].get("version", ""))) or NEWEST_SDK
    pywrangler = by_name.get("workers-py")
    if pywrangler is not None and _parse_version(str(pywrangler.get("version", ""))) >= PYWRANGLER_VENDORS_FROM:
        return installed_sdk_version() or NEWEST_SDK
    return None


#: while a load works out its Worker's era (:func:`one_load`): (function, project folder, synced by
#: the build) -> its answer, and the paths it resolved (:func:`~workers_env._oneload.resolved`);
#: ``None`` outside one
_THIS_LOAD = THIS_LOAD

_Answer = TypeVar("_Answer")
#: the key marking a load's memo over (:func:`one_load`)
_CLOSED = CLOSED


@contextlib.contextmanager
def one_load() -> Iterator[Callable[[], None]]:
    """Within it (``load_worker``'s look at the project, before the Worker's code runs) each of
    :func:`vendored_sdk_version`, :func:`unsynced_reason`, :func:`deploys_with_plain_wrangler` and
    the CI folder's search answers once per project folder: a load asked each two to six times,
    reading the same files again (load63); and each absolute path given to
    :func:`~workers_env._oneload.resolved` is resolved once (load68). Nothing is kept past it: the next load reads the files
    afresh, as a test may have changed them in between. Yields a function ending it early (before
    the Worker's code runs, which may change them)."""
    memo: dict[Any, Any] = {}

    def done() -> None:  # (closed too for a context copied meanwhile: a task or thread started in the load)
        memo.clear()
        memo[_CLOSED] = True
        _THIS_LOAD.set(None)

    token = _THIS_LOAD.set(memo)
    try:
        yield done
    finally:
        done()
        _THIS_LOAD.reset(token)


def _once_a_load(function: Callable[..., _Answer]) -> Callable[..., _Answer]:
    """``function(root, **keywords)`` answered once per :func:`one_load` for an absolute ``root``
    and the same keywords (a relative ``root`` depends on the current folder: asked each time), a
    call that raises asked again."""
    @functools.wraps(function)
    def once(root: Path, **keywords: Any) -> _Answer:
        memo = _THIS_LOAD.get()
        if memo is None or _CLOSED in memo or not os.path.isabs(root):
            return function(root, **keywords)
        key = (function, root, *sorted(keywords.items()))
        if key in memo:
            return memo[key]  # type: ignore[no-any-return]
        answer = memo[key] = function(root, **keywords)
        return answer
    return once


#: the files :func:`vendored_sdk_version` reads, relative to the project
_VENDOR_SOURCES = ("python_modules", "pylock.toml", "uv.lock", "pyproject.toml")


@_once_a_load
def vendored_sdk_version(root: Path, *, synced_by_build: bool = False) -> tuple[tuple[int, ...], str] | None:
    """:func:`_vendored_sdk_version`, read once per state of its files: every binding of every
    ``load_env`` asks (a large ``uv.lock`` takes ~15 ms to parse); a file changed, added or
    removed is read again. ``synced_by_build``: the config's ``[build] command`` syncs
    (:func:`~workers_env.config.build.build_syncs`), which CI deploying with plain wrangler runs
    too (wrangler runs the build before it uploads), so such CI no longer means nothing syncs."""
    stamps: list[tuple[int, int] | None] = []
    workflows = _ci_workflows_folder(root)
    ci_files = sorted(workflows.glob("*.y*ml")) if workflows is not None else []
    for path in [*(root / name for name in _VENDOR_SOURCES), *ci_files]:
        try:
            stat = path.stat()
            stamps.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            stamps.append(None)
    return _vendored_sdk_version(root, synced_by_build, (*stamps, *map(str, ci_files)))


@_once_a_load
def _ci_workflows_folder(root: Path) -> Path | None:
    """The ``.github/workflows`` of the repository holding ``root`` (up to the folder with
    ``.git``, at most five levels up), if any."""
    folder = real_path(os.fspath(root))  # (as Path.resolve; os.path on str: a load asks six times, load61)
    for _ in range(6):
        candidate = os.path.join(folder, ".github", "workflows")
        if os.path.isdir(candidate):
            return Path(candidate)
        parent = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or parent == folder:
            return None
        folder = parent
    return None


_yaml_comment = lazy_pattern(r"(^|[ \t])#[^\n]*", re.MULTILINE)
_wrangler_action = lazy_pattern(r"wrangler-action")
#: a shell command uploading the Worker with wrangler itself, ``rest`` the remainder of that
#: command (up to a newline not escaped, ``;``, ``&`` or ``|``), where a ``--dry-run`` goes
_wrangler_upload = lazy_pattern(r"\bwrangler\s+(?:deploy|publish|versions\s+upload)\b(?P<rest>(?:\\\n|[^\n;&|])*)")
#: wrangler's ``--dry-run`` ("Compile a project and run checks without actually uploading the
#: Worker", deploy-args.ts), as yargs reads a boolean: also ``--dryRun`` and ``=true``
_dry_run = lazy_pattern(r"(?<![\w-])--(?:dry-run|dryRun)(?:=true)?(?![\w=-])")


@_once_a_load
def deploys_with_plain_wrangler(root: Path) -> bool:
    """Whether the repository's CI deploys with wrangler itself and never runs pywrangler
    (``cloudflare/wrangler-action``, ``wrangler deploy``; not ``wrangler deploy --dry-run``,
    which uploads nothing): then nothing syncs, and only a committed ``python_modules/`` is vendored."""
    folder = _ci_workflows_folder(root)
    if folder is None:
        return False
    stamps = []
    for path in sorted(folder.glob("*.y*ml")):
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return _plain_wrangler_in(tuple(stamps))


def _ci_names_worker(root: Path) -> bool:
    """Whether the repository's CI workflows can be about the Worker at ``root``: it is the
    repository's root, or they name its folder (``workingDirectory: workers/api``,
    ``cd workers/api``); a monorepo's workflow deploying other folders' Workers says nothing of it."""
    folder = _ci_workflows_folder(root)
    if folder is None:
        return False
    try:
        relative = root.resolve().relative_to(folder.parent.parent.resolve()).as_posix()
    except ValueError:
        return True
    if relative == ".":
        return True
    texts = []
    for path in sorted(folder.glob("*.y*ml")):
        try:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return relative in _yaml_comment().sub("", "\n".join(texts))


@functools.lru_cache(maxsize=64)
def _plain_wrangler_in(workflows: tuple[tuple[str, int, int], ...]) -> bool:
    """:func:`deploys_with_plain_wrangler` of these workflow files, read once per state of them
    (``load_worker`` asks on every load, a test's as much as ``workers-env dev``'s)."""
    texts = []
    for name, _, _ in workflows:
        try:
            texts.append(Path(name).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    raw = "\n".join(texts)
    if any(command_syncs(command) for command in _workflow_commands(raw)):
        return False  # a step runs `pywrangler deploy` (or sync, ...): it vendors python_modules/
    text = _yaml_comment().sub("", raw)  # what the steps run, not what comments say
    if _wrangler_action().search(text) is not None:
        return True
    # `wrangler deploy --dry-run` (a CI's config check) uploads nothing: no deploy
    return any(_dry_run().search(found["rest"]) is None for found in _wrangler_upload().finditer(text))


#: a key whose value a workflow runs in the shell: a step's ``run``, wrangler-action's
#: ``preCommands``/``postCommands`` (its ``command`` is wrangler's own)
_run_key = lazy_pattern(r"^[ \t]*(?:-[ \t]+)?(?P<key>run|preCommands|postCommands)[ \t]*:(?:[ \t]+(?P<value>.*))?$")


def _workflow_commands(text: str) -> list[str]:
    """The shell lines a GitHub Actions workflow's ``text`` runs (:func:`_run_key`'s values):
    a one-line value (quotes taken off, continuation lines folded in), a ``|`` block line by
    line, a ``>`` block folded into one line. Read line by line, as workers-env reads no YAML:
    a comment, a step's ``name`` or an ``echo`` is not a command that runs pywrangler."""
    lines = text.splitlines()
    commands: list[str] = []
    i = 0
    while i < len(lines):
        match = _run_key().match(lines[i])
        i += 1
        if match is None:
            continue
        column = match.start("key")
        block: list[str] = []
        while i < len(lines) and (not lines[i].strip() or _indent(lines[i]) > column):
            block.append(lines[i])
            i += 1
        value = (match["value"] or "").strip()
        if value[:1] in ("|", ">"):
            margin = min((_indent(line) for line in block if line.strip()), default=0)
            body = [line[margin:] for line in block]
            commands.extend(body if value[0] == "|" else [" ".join(line.strip() for line in body if line.strip())])
        else:  # a plain or quoted scalar, its continuation lines folded in with spaces
            value = " ".join([value, *(line.strip() for line in block if line.strip())]).strip()
            if len(value) >= 2 and value[0] == value[-1] == "'":
                value = value[1:-1].replace("''", "'")
            elif len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1].replace('\\"', '"')
            commands.append(value)
    return commands


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


#: what a :class:`MissingSdk` reason is about
MissingSdkKind = Literal["built-in chosen", "main only", "failing build", "no pyproject", "pyproject above",
                         "plain wrangler CI", "old pywrangler"]


@dataclass(frozen=True)
class MissingSdk:
    """Why nothing gives production's Worker a Python SDK (:func:`missing_sdk_reason`,
    :func:`unsynced_reason`): the sentence the notes quote (``text``, also ``str()``) and what it
    is about (``kind``), which decides the fixes they offer."""

    kind: MissingSdkKind
    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def build_fails(self) -> bool:
        """Whether the ``[build] command``'s pywrangler stops for want of a ``pyproject.toml``."""
        return self.kind == "failing build"

    @property
    def wants_pyproject(self) -> bool:
        """Whether the project lacks a ``pyproject.toml`` of its own, the first fix."""
        return self.kind in ("failing build", "no pyproject", "pyproject above")


@_once_a_load
def unsynced_reason(root: Path, *, synced_by_build: bool = False) -> MissingSdk | None:
    """Why no pywrangler sync vendors anything into the Worker at ``root``, or ``None`` when one
    may: no ``pyproject.toml`` beside its config (pywrangler refuses to run, or takes a parent's
    folder as the project), or CI that deploys with plain wrangler and names the Worker
    (:func:`deploys_with_plain_wrangler`, :func:`_ci_names_worker`). Then only a committed
    ``python_modules/`` vendors anything, whatever a lock file says: the one decision behind both
    :func:`vendored_sdk_version` (``load_env``, :func:`era_of`) and :func:`missing_sdk_reason`
    (``load_worker``). ``synced_by_build``: the config's ``[build] command`` syncs, so CI
    deploying with plain wrangler syncs too, as wrangler runs the build first."""
    above = pywrangler_project(root)  # the first folder up from root holding a pyproject.toml
    if above != resolved(root):
        if above is not None:  # pywrangler's project is that folder (workers-py's find_pyproject_toml)
            return MissingSdk("pyproject above", f"the project has no pyproject.toml beside its wrangler config, and "
                              f"the one in {above} is not this Worker's: pywrangler takes that folder as the project, "
                              f"wants the wrangler config there and vendors into {above / 'python_modules'}/, while "
                              "wrangler uploads the python_modules/ beside this Worker's config")
        return MissingSdk("no pyproject", "the project has no pyproject.toml: `pywrangler deploy` stops at "
                          "\"pyproject.toml not found\", and `wrangler deploy` uploads no python_modules/")
    if not synced_by_build and deploys_with_plain_wrangler(root) and _ci_names_worker(root):
        # nothing syncs, whatever a lock file says
        return MissingSdk("plain wrangler CI", "its CI (.github/workflows) deploys with plain wrangler and never runs "
                          "pywrangler, and no python_modules/ holding the SDK is committed")
    return None


@functools.lru_cache(maxsize=64)
def _vendored_sdk_version(root: Path, synced_by_build: bool,
                          _stamps: tuple[Any, ...]) -> tuple[tuple[int, ...], str] | None:
    """The ``workers-runtime-sdk`` a deploy of the project at ``root`` uploads, and where that
    was read: its ``python_modules/`` (what wrangler uploads), else ``pylock.toml`` or
    ``uv.lock`` (what ``pywrangler sync`` installs from), else a ``[project].dependencies``
    requirement of ``pyproject.toml`` (version: ``==`` pin, else the installed SDK or the
    newest). A ``uv.lock`` counts when the project's own dependencies reach the SDK, or when its
    pywrangler is 1.9 or later (:func:`_uv_lock_sdk`). Last, a project not locked yet whose
    (dev) requirements admit pywrangler 1.9 or later gets the installed SDK or the newest:
    ``pywrangler dev`` and ``deploy`` sync first, and from 1.9 that adds the SDK (the layout of
    every ``cloudflare/python-workers-examples`` folder) -- unless its CI deploys with plain
    wrangler (:func:`deploys_with_plain_wrangler`). ``None`` when the project vendors none
    (a plain ``wrangler deploy``). Where nothing syncs (:func:`unsynced_reason`: no
    ``pyproject.toml``, or CI deploying with plain wrangler while the ``[build] command`` does not
    sync) only ``python_modules/`` counts: the files pywrangler would install from are never read
    by a deploy."""
    for info in sorted((root / "python_modules").glob("workers_runtime_sdk-*.dist-info")):
        return _parse_version(info.name[len("workers_runtime_sdk-"):-len(".dist-info")]), "python_modules/"
    if unsynced_reason(root, synced_by_build=synced_by_build) is not None:  # missing_sdk_reason's decision too
        return None
    packages = _lock_packages(root / "pylock.toml", "packages")
    if _SDK_NAME in packages:  # pylock.toml: what `pywrangler sync` installs into python_modules/
        return packages[_SDK_NAME], "pylock.toml"
    uv_lock = _uv_lock_packages(root / "uv.lock")  # a large one takes ~15 ms to parse: once
    found = _uv_lock_sdk(uv_lock)
    if found is not None:
        return found, "uv.lock"
    pyproject = _read_toml(root / "pyproject.toml") or {}
    for requirement in _requirements(pyproject, dev=False):
        if canonical_name(requirement.name) == _SDK_NAME:
            pins = [spec.version for spec in requirement.specifier if spec.operator in ("==", "===")]
            version = _parse_version(pins[0]) if pins else installed_sdk_version() or NEWEST_SDK
            return version, "pyproject.toml"
    if "workers-py" not in uv_lock and any(
            canonical_name(r.name) == "workers-py" and _admits_vendoring(r) for r in _requirements(pyproject, dev=True)):
        return installed_sdk_version() or NEWEST_SDK, "pyproject.toml's workers-py: `pywrangler sync` adds it"
    return None


def declared_packages(root: Path, python: tuple[int, int], *, pywrangler_own: bool = True) -> list[str]:
    """The names of the packages ``pyproject.toml`` at ``root`` declares (``[project].dependencies``)
    for production's Pyodide on ``python``: what ``pywrangler sync`` vendors into ``python_modules/``,
    less those whose marker Pyodide fails (:func:`_on_pyodide`); without ``pywrangler_own``, less
    ``workers-py`` and ``workers-runtime-sdk``, which workers-env follows by its own rules. Every
    note naming declared packages reads them here."""
    pyproject = _read_toml(root / "pyproject.toml") or {}
    names = dict.fromkeys(r.name for r in _requirements(pyproject, dev=False) if _on_pyodide(r, python))
    return [name for name in names if pywrangler_own or canonical_name(name) not in _PYWRANGLER_OWN]


def declared_names(root: Path) -> list[str]:
    """Every package ``[project].dependencies`` of ``pyproject.toml`` at ``root`` names, whatever
    its marker (:func:`declared_packages` keeps those production's Pyodide gets)."""
    pyproject = _read_toml(root / "pyproject.toml") or {}
    return list(dict.fromkeys(r.name for r in _requirements(pyproject, dev=False)))


#: the interpreter pywrangler resolves the declared packages for, by Python: ``uv pip compile
#: --python cpython-<this>-emscripten-wasm32-musl`` (workers-py ``get_uv_pyodide_interp_name``,
#: since pywrangler moved to uv in 2025-09), so a ``python_full_version`` marker reads this --
#: 3.12.7 where the runtime's own Pyodide 0.26.0a4 is Python 3.12.1 (``sys.version_info``)
PYWRANGLER_PYTHONS = {(3, 12): "3.12.7", (3, 13): "3.13.2", (3, 14): "3.14.2"}


def _on_pyodide(requirement: Requirement | _BareRequirement, python: tuple[int, int]) -> bool:
    """Whether ``requirement``'s marker holds on Pyodide running ``python``, where pywrangler
    resolves the declared packages (``uv pip compile --python`` its Pyodide interpreter:
    :data:`PYWRANGLER_PYTHONS`): ``emscripten``, ``wasm32``; a marker that cannot be evaluated holds."""
    if requirement.marker is None:
        return True
    version = ".".join(map(str, python))
    full = PYWRANGLER_PYTHONS.get(python, f"{version}.0")
    try:
        return requirement.marker.evaluate({
            "python_version": version, "python_full_version": full, "implementation_version": full,
            "sys_platform": "emscripten", "platform_system": "Emscripten", "platform_machine": "wasm32",
            "os_name": "posix", "implementation_name": "cpython", "platform_python_implementation": "CPython",
        })
    except Exception:  # noqa: BLE001 - packaging's UndefinedComparison and kin: keep the package
        return True


#: Since when ``find_additional_modules = false`` holds for a Python Worker, for the notes that
#: name it: wrangler's no-bundle path (every Python Worker's) ignored the key until
#: workers-sdk#14315 (merged 2026-06-16), so a Worker deployed earlier had all its modules.
MAIN_ONLY_SINCE = ("wrangler 4.102 and later; earlier releases ignored the key for a Python Worker and "
                   "uploaded every module, so one deployed with them has them")


def uploads_main_only(config: Any) -> bool:
    """Whether wrangler uploads ``main`` alone (``find_additional_modules = false`` in the selected
    environment): no ``python_modules/``, so no vendored SDK either."""
    merged = getattr(config, "merged", None)
    return isinstance(merged, dict) and merged.get("find_additional_modules") is False


#: pywrangler releases a requirement is checked against: one from 1.9 on that it admits is what
#: ``uv run pywrangler`` picks (the newest it admits), and every such release vendors the SDK
_VENDORING_PYWRANGLERS = ("1.9.0", "1.10.0", "2.0.0", "99.0.0")


def _admits_vendoring(requirement: Requirement | _BareRequirement) -> bool:
    """Whether the requirement admits a pywrangler from 1.9 on: one of a few such releases, or a
    version it names itself (``==1.9.2``, ``~=1.12.0``) that is 1.9 or later."""
    if not requirement.specifier:  # (none: it admits every release, so the first of those -- a bare name's)
        return True
    from packaging.version import Version  # (imported here, as in _requirements)

    named = [spec.version for spec in requirement.specifier if "*" not in spec.version]
    candidates = [*_VENDORING_PYWRANGLERS,
                  *(v for v in named if Version(v) >= Version(version_text(PYWRANGLER_VENDORS_FROM)))]
    return any(requirement.specifier.contains(v, prereleases=True) for v in candidates)


def _requirements(pyproject: dict[str, Any], *, dev: bool) -> list[Requirement | _BareRequirement]:
    """The project's requirements: ``[project].dependencies``, and with ``dev`` also its
    optional dependencies, ``[dependency-groups]`` and uv's ``dev-dependencies`` (where the
    Cloudflare examples list pywrangler). Entries that are no requirement are skipped."""
    project = pyproject.get("project")
    project = project if isinstance(project, dict) else {}
    lists: list[Any] = [project.get("dependencies")]
    if dev:
        for table in (project.get("optional-dependencies"), pyproject.get("dependency-groups")):
            lists += list(table.values()) if isinstance(table, dict) else []
        uv = pyproject.get("tool", {}).get("uv") if isinstance(pyproject.get("tool"), dict) else None
        lists.append(uv.get("dev-dependencies") if isinstance(uv, dict) else None)
    found: list[Requirement | _BareRequirement] = []
    for entries in lists:
        for text in entries if isinstance(entries, list) else []:
            if isinstance(text, str):  # ({"include-group": ...} tables name other groups)
                requirement = _requirement(text)
                if requirement is not None:
                    found.append(requirement)
    return found


#: a requirement that is a project's name and nothing else (``workers-py``): PEP 508's name
_BARE_NAME = lazy_pattern(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")


@dataclass(frozen=True)
class _BareRequirement:
    """What ``packaging``'s ``Requirement`` of a bare name holds, as this module reads it: the
    name as written, no marker, an empty specifier (iterated: nothing; it admits every release).
    Made without importing ``packaging`` (~11 ms of CPU, most of it compiling its regexes), which
    a project listing only names (``dev = ["workers-py", "workers-runtime-sdk"]``) need not spend:
    a dev start's (devstart68)."""

    name: str
    marker: None = None
    specifier: tuple[()] = ()


@functools.lru_cache(maxsize=256)
def _requirement(text: str) -> Requirement | _BareRequirement | None:
    """``Requirement(text)``, ``None`` for a text that is no requirement: parsed once per process
    (~50 us each; each load asks for the project's two or three, and a suite's projects hold the same
    texts, load65). Keyed by the text, so it cannot go stale; the callers only read it. A bare name
    is a :class:`_BareRequirement`."""
    if _BARE_NAME().fullmatch(text):
        return _BareRequirement(text)
    # (imported here: ~50 ms of CPU, most of it regexes, that a project listing none need not spend)
    from packaging.requirements import InvalidRequirement, Requirement

    try:
        return Requirement(text)
    except InvalidRequirement:
        return None


@dataclass(frozen=True)
class Era:
    """The SDK a Worker runs with: built-in (``sdk_version`` ``None``) or external, and, for
    one the project vendors whatever its date, where that was read (``vendored``)."""

    date: str
    external_sdk: bool
    sdk_version: tuple[int, ...] | None
    vendored: str | None = None

    def sdk_at_least(self, version: tuple[int, ...]) -> bool:
        """Whether the Worker runs the external SDK at ``version`` or later (the built-in SDK
        never is: what came with an SDK release is absent there)."""
        return self.external_sdk and self.sdk_version is not None and tuple(self.sdk_version) >= version

    @property
    def sdk_text(self) -> str:
        """The SDK's version as its releases spell it (``1.6.13``; empty for the built-in one)."""
        return version_text(self.sdk_version or ())

    def wraps(self, kind: str | None) -> bool:
        """Whether ``self.env`` converts values for bindings of ``kind`` (else: raw JS)."""
        if kind is None:
            return False
        return self.sdk_at_least(WRAPPED_FROM.get(KIND_ALIASES.get(kind, kind), DEFAULT_WRAPPED_FROM))

    def describe(self) -> str:
        if not self.external_sdk:
            return f"compatibility date {self.date}: the runtime's built-in Python SDK (raw JavaScript bindings)"
        version = self.sdk_text
        if self.vendored is not None:
            return (f"compatibility date {self.date}: the workers-runtime-sdk {version} the project vendors "
                    f"({self.vendored}), which production imports before the built-in SDK")
        return f"compatibility date {self.date}: the external workers-runtime-sdk {version}"


def _chosen_sdk(config: Any) -> tuple[int, ...] | None:
    """``[tool.workers-env] python-sdk`` of the project's pyproject.toml: ``"built-in"`` (as
    ``()``), a workers-runtime-sdk version such as ``"1.6.13"``, or ``None`` when not set -- for
    a project whose deploy the files do not tell (the README's "Where we had to choose")."""
    tool = getattr(config, "tool", None)
    value = tool.get("python-sdk") if isinstance(tool, dict) else None
    if value is None:
        return None
    if value == "built-in":
        return ()
    if isinstance(value, str) and re.fullmatch(r"\d+\.\d+(\.\d+)?", value.strip()):
        return _parse_version(value)
    raise ConfigError(
        f"[tool.workers-env] python-sdk = {value!r} in pyproject.toml: use \"built-in\" for the runtime's "
        "built-in Python SDK, or the workers-runtime-sdk version production runs, e.g. \"1.9.5\"",
        path=str(Path(getattr(config, "root", ".")) / "pyproject.toml"))


def era_of(config: Any, *, sdk_version: tuple[int, ...] | None = None) -> Era:
    """The era of ``config``: the SDK the project vendors, else its (or today's) date and
    flags; and the SDK version in use."""
    chosen = _chosen_sdk(config)
    if chosen is not None:
        return Era(date=compatibility_date(config), external_sdk=chosen != (), sdk_version=sdk_version or chosen or None,
                   vendored="[tool.workers-env] python-sdk" if chosen else None)
    root = getattr(config, "root", None)
    # find_additional_modules = false: wrangler uploads main alone, python_modules/ left behind
    vendored = (vendored_sdk_version(Path(root), synced_by_build=build_syncs(config))
                if root is not None and not uploads_main_only(config) else None)
    if vendored is not None:
        return Era(date=compatibility_date(config), external_sdk=True, sdk_version=sdk_version or vendored[0],
                   vendored=vendored[1])
    external = flag_enabled(PYTHON_EXTERNAL_SDK, config)
    version = None
    if external:
        version = sdk_version or installed_sdk_version() or NEWEST_SDK
    return Era(date=compatibility_date(config), external_sdk=external, sdk_version=version)


#: "look it up": :func:`missing_sdk_reason` and :func:`failing_build_note` given no ``unfound``
_LOOK: Any = object()


def missing_sdk_reason(config: Any, *, unfound: str | None = _LOOK) -> MissingSdk | None:
    """Why production's Worker of ``config`` has no Python SDK at all, or ``None`` when it has one
    (or the files cannot tell). ``unfound``: :func:`~workers_env.config.build.unfound_pyproject`
    of ``config`` when the caller has it (a walk up the build's folders: once a load).

    In the external-SDK era (:data:`PYTHON_EXTERNAL_SDK`) workerd leaves its built-in SDK out, so a
    Worker deployed with nothing vendoring ``workers-runtime-sdk`` has no ``workers`` module and
    does not start (:mod:`.nosdk`). That is so, unless :func:`vendored_sdk_version` finds the SDK,
    when wrangler uploads ``main`` alone (``find_additional_modules = false``), when the project
    has no ``pyproject.toml`` (pywrangler refuses to run: only plain wrangler deploys it; a
    ``[build] command`` running a syncing pywrangler command fails with pywrangler's
    ``pyproject.toml not found``, :func:`~workers_env.config.build.unfound_pyproject`), when its
    ``uv.lock`` pins a pywrangler before 1.9 (which vendors no SDK), or when its CI deploys with
    plain wrangler (:func:`deploys_with_plain_wrangler`: nothing syncs, so a lock file tells
    nothing; only a committed ``python_modules/`` holding the SDK gives it one). Any other project with a
    ``pyproject.toml`` counts as deployed with pywrangler (a global or ``uvx`` one too), which
    from 1.9 vendors the SDK. ``[tool.workers-env] python-sdk`` says otherwise and wins: a version
    has the SDK, ``"built-in"`` none (this era's runtime has no built-in one); a config without a
    project folder tells nothing."""
    if not flag_enabled(PYTHON_EXTERNAL_SDK, config):
        return None
    chosen = _chosen_sdk(config)
    if chosen == ():  # nothing vendored, and this era's runtime has no built-in SDK to fall back on
        return MissingSdk("built-in chosen", '[tool.workers-env] python-sdk = "built-in" in pyproject.toml: nothing '
                          "vendors the SDK, and the runtime has no built-in one unless compatibility_flags has "
                          "disable_python_external_sdk")
    if chosen is not None:
        return None
    root = getattr(config, "root", None)
    if root is None:
        return None
    root = Path(root)
    if uploads_main_only(config):
        return MissingSdk("main only", "find_additional_modules = false: wrangler uploads main alone, without "
                          f"python_modules/ ({MAIN_ONLY_SINCE})")
    if unfound is _LOOK:
        unfound = unfound_pyproject(config)
    if unfound is not None:  # the build fails: nothing is deployed, a committed python_modules/ neither
        return MissingSdk("failing build", f"the project has no pyproject.toml: its [build] command "
                          f"`{build_command(config)}` runs pywrangler, which stops at \"{unfound}\" (exit 1), so the "
                          "build fails, and the deploy with it")
    synced_by_build = build_syncs(config)
    vendored = vendored_sdk_version(root, synced_by_build=synced_by_build)
    if (vendored is not None and vendored[1] == "python_modules/") or synced_by_build:  # its build syncs
        return None
    unsynced = unsynced_reason(root)
    if unsynced is not None:
        return unsynced
    if vendored is not None:
        return None
    pywrangler = _uv_lock_packages(root / "uv.lock").get("workers-py")
    if pywrangler is not None:
        return MissingSdk("old pywrangler", f"its uv.lock pins workers-py {pywrangler.get('version', '?')}, a "
                          "pywrangler from before 1.9, which does not vendor the SDK")
    return None


def failing_build_note(config: Any, *, unfound: str | None = _LOOK, loading: bool = True) -> str | None:
    """The line on a config whose ``[build] command`` runs a syncing pywrangler command with no
    ``pyproject.toml`` where pywrangler looks (:func:`~workers_env.config.build.unfound_pyproject`):
    deployed, the build exits with 1 and nothing is deployed; ``None`` when the build is fine.
    ``loading``: as ``load_worker`` says it (the Worker still runs here); else as ``validate`` does.
    ``unfound``: as :func:`missing_sdk_reason` takes it."""
    if unfound is _LOOK:
        unfound = unfound_pyproject(config)
    if unfound is None:
        return None
    here = "; workers-env never runs the build and runs the Worker anyway" if loading else ""
    return (f"workers-env: the config's [build] command `{build_command(config)}` runs pywrangler, which stops at "
            f"\"{unfound}\" (exit 1): the build fails, and `wrangler deploy` with it, so this Worker is not "
            f"deployed{here}. Add a pyproject.toml beside the wrangler config (`uv init`, then "
            "`uv add --dev workers-py`).")


def missing_sdk_note(config: Any, reason: MissingSdk, *, loading: bool = True) -> str:
    """workers-env's note on a Worker of ``config`` whose SDK nothing vendors (``reason``,
    :func:`missing_sdk_reason`): why, and the fixes. ``loading``: the note on production's
    ``ModuleNotFoundError`` as ``load_worker`` raises it; else the line ``workers-env validate``
    prints (the config itself is valid: wrangler accepts it, and the Worker does not start)."""
    date = compatibility_date(config)
    why = ("the enable_python_external_sdk flag" if "enable_python_external_sdk" in
           (getattr(config, "compatibility_flags", ()) or ()) else f"compatibility date {date} (from 2026-04-21)")
    fix_project = ("add a pyproject.toml with workers-py among its dev dependencies (`uv init`, then "
                   "`uv add --dev workers-py`) and deploy with `uv run pywrangler deploy`, which vendors the SDK"
                   if reason.wants_pyproject else
                   "deploy with pywrangler 1.9 or later (`uv add --dev workers-py`, then `uv run pywrangler deploy`), "
                   "which vendors the SDK")
    outcome = ("as here" if loading else
               "failing with ModuleNotFoundError: No module named 'workers' (load_worker and workers-env dev fail "
               "the same way)")
    if reason.build_fails:  # only a pyproject.toml lets the build, and so any deploy, through
        return (f"workers-env: nothing vendors workers-runtime-sdk into this Worker ({reason.text}), and {why} leaves "
                "the runtime's built-in Python SDK out: `workers` is not there, "
                f"{outcome}. Fix it: {fix_project}; or take pywrangler out of the [build] command and commit a "
                "python_modules/ holding workers-runtime-sdk.")
    return (f"workers-env: nothing vendors workers-runtime-sdk into this Worker ({reason.text}), and {why} leaves "
            "the runtime's built-in Python SDK out: deployed, `workers` is not there and the Worker does not start, "
            f"{outcome}. Fix it one of these ways: {fix_project}; commit a python_modules/ holding workers-runtime-sdk; "
            'add "disable_python_external_sdk" to compatibility_flags for the built-in SDK; or, when production gets '
            "the SDK in a way these files do not show, say which in pyproject.toml: [tool.workers-env] "
            f'python-sdk = "{version_text(installed_sdk_version() or NEWEST_SDK)}".')


def binding_view(kind: str, name: str, binding: Any, config: Any) -> Any:
    """``env.<name>`` of ``load_env`` as the config's Worker would hold it in ``self.env``.

    A binding the SDK converts is the binding itself (plain Python in, ``JsDict`` out);
    one it hands out raw is the JavaScript binding (``JsBinding``), with JS proxy results.
    """
    if era_of(config).wraps(kind):
        if JS_CLASS_NAMES.get(kind) == "Fetcher":  # the SDK's _FetcherWrapper: workers.fetch through it
            from workers_env.runtime.fetchcalls import FetcherView

            return FetcherView(name, binding)
        return binding
    from workers_env.runtime.jsbindings import JsBinding  # (imported here: `workers-env validate` reads this module)
    from workers_env.runtime.jstopy import NULL_AS_JSNULL, NULL_AS_NONE

    # used outside Worker code too: its results' null is the config's Pyodide's, not the context's
    nulls = NULL_AS_NONE if python_release(config).pyodide.startswith("0.26") else NULL_AS_JSNULL
    return JsBinding(name, binding, js_class=JS_CLASS_NAMES.get(KIND_ALIASES.get(kind, kind)), nulls=nulls,
                     keeps_methods=True)
