"""workerd's own Python Worker tests run through workers-env (outside the test run).

Each folder of ``src/workerd/server/tests/python/`` in a workerd checkout (a bare git mirror is
enough) holds Python modules and a ``.wd-test`` config; workerd runs the Worker's ``test()``
handler and what it asserts is production's behaviour. For every test and every Pyodide
variant its ``BUILD.bazel`` entry expands to (``py_wd_test``: the variant's enable flag,
``no_`` flags for the newer ones, compatibility date 2000-01-01 or the entry's
``compat_date``), this script

1. writes each Python Worker of the config to a temporary project: its modules under
   ``src/`` (``python_modules/...`` beside ``wrangler.toml``), a ``wrangler.toml`` with
   ``main`` (the first module), ``compatibility_date``, ``compatibility_flags`` and ``vars``
   (the config's ``text`` and ``json`` bindings);
2. loads it with ``load_worker``, a ``service`` binding to a Worker of the same config supplied
   through ``load_env(bindings=...)`` as an object whose ``fetch`` dispatches to that Worker
   and whose other methods are its RPC methods (``worker.rpc``);
3. calls the ``test`` handler as workerd's Python entrypoint does: ``Default.test`` (relaxed,
   with ``env``/``ctx`` undefined) or, before ``python_no_global_handlers``, a module-level
   ``test(controller, env, ctx)``;

and prints one line per test and variant: ``passed``, ``failed`` (the assertion and the
traceback with ``-v``), ``not emulated`` (what workers-env says it does not emulate: Durable
Objects, Workflows, sockets, a JavaScript Worker driving the test) or ``not applicable``
(what only a workerd isolate has: its abort on a fatal error, memory snapshots, Pyodide's
Emscripten filesystem).

    python3 tools/workerd/python_tests.py /work/.mirror/cloudflare+workerd/repo [-v] [-k NAME] [--variant 0.28.2]
    WORKERS_ENV_WORKERD_MIRROR=... python3 tools/workerd/python_tests.py

The mirror is read with ``git --git-dir=<path> show <rev>:...`` (``--rev``, default ``HEAD``)
when it is a bare repository, from the files otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from workers_env import NotEmulatedError, load_env, load_worker  # noqa: E402

TESTS = "src/workerd/server/tests/python"

#: build/python_metadata.bzl: the variants ``python_flags = "all"`` expands to, and their flags
VARIANTS: dict[str, str] = {
    "0.26.0a2": "python_workers",
    "0.28.2": "python_workers_20250116",
    "314.0.4": "python_workers_20260610",
    "314.0.6": "python_workers_314",  # 6552d99's 314.0.5 / python_workers_20260817: no flag in workerd 1.20261117.1+
}

#: tests whose subject is only in a workerd isolate (reason shown as "not applicable")
NOT_APPLICABLE = {
    "python-abort-isolate-on-fatal": "workerd aborts the isolate on a Python fatal error (a shell test of the "
                                     "workerd process); workers-env runs no isolate",
    "metadata-read-overflow": "pokes Pyodide's Emscripten filesystem node (pyodide_js._module.FS) and "
                              "compileModuleFromReadOnlyFS; CPython has no Emscripten module",
    "pytest": "runs pytest inside Pyodide against its dynlib loader and Emscripten filesystem",
    "vendor_pkg_tests": "vendored wheels (numpy, scipy, fastapi, ...) fetched by Bazel into the bundle",
}


# --------------------------------------------------------------------------- capnp text

_TOKEN = re.compile(r'\s+|#[^\n]*|(?P<str>"(?:\\.|[^"\\])*")|(?P<p>[()\[\],=;:])|(?P<w>[^\s()\[\],=;:"#]+)')


def _tokens(text: str) -> list[str]:
    out, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            raise ValueError(f"capnp text: cannot read {text[pos:pos + 20]!r}")
        pos = m.end()
        if m.lastgroup:
            out.append(m.group(m.lastgroup))
    return out


@dataclass
class Embed:
    path: str


@dataclass
class Ref:
    name: str


def parse_capnp(text: str) -> dict[str, Any]:
    """The ``const`` values of a ``.wd-test`` file (the subset these configs use)."""
    toks = _tokens(text.replace("%PYTHON_FEATURE_FLAGS", '"%PYTHON_FEATURE_FLAGS"'))
    i = 0

    def value() -> Any:
        nonlocal i
        t = toks[i]
        i += 1
        if t == "(":
            fields: dict[str, Any] = {}
            while toks[i] != ")":
                name = toks[i]
                if toks[i + 1] == "=":
                    i += 2
                    fields[name] = value()
                else:  # a bare value in a union shorthand
                    fields[name] = value()
                if toks[i] == ",":
                    i += 1
            i += 1
            return fields
        if t == "[":
            items = []
            while toks[i] != "]":
                items.append(value())
                if toks[i] == ",":
                    i += 1
            i += 1
            return items
        if t.startswith('"'):
            return json.loads(t)
        if t == "embed":
            path = json.loads(toks[i])
            i += 1
            return Embed(path)
        if t.startswith("."):
            return Ref(t[1:])
        if t in ("true", "false"):
            return t == "true"
        try:
            return int(t)
        except ValueError:
            return t

    consts: dict[str, Any] = {}
    while i < len(toks):
        if toks[i] == "using":
            while toks[i] != ";":
                i += 1
            i += 1
        elif toks[i] == "const":
            name = toks[i + 1]
            i += 2
            while toks[i] != "=":
                i += 1
            i += 1
            consts[name] = value()
            if i < len(toks) and toks[i] == ";":
                i += 1
        else:
            i += 1
    return consts


# --------------------------------------------------------------------------- the mirror


class Mirror:
    def __init__(self, path: Path, rev: str):
        self.path, self.rev = path, rev
        self.bare = not (path / TESTS).exists()

    def read(self, rel: str) -> bytes:
        if not self.bare:
            return (self.path / rel).read_bytes()
        return subprocess.run(["git", f"--git-dir={self.path}", "show", f"{self.rev}:{rel}"],
                              check=True, capture_output=True).stdout

    def files(self, rel: str) -> list[str]:
        if not self.bare:
            return [str(p.relative_to(self.path)) for p in (self.path / rel).rglob("*") if p.is_file()]
        out = subprocess.run(["git", f"--git-dir={self.path}", "ls-tree", "-r", "--name-only", self.rev, rel],
                             check=True, capture_output=True, text=True).stdout
        return out.split()


@dataclass
class BuildEntry:
    folder: str
    compat_date: str = "2000-01-01"
    skip: list[str] = field(default_factory=list)
    sidecar: bool = False


def build_entries(mirror: Mirror) -> dict[str, BuildEntry]:
    """``py_wd_test(...)`` calls of BUILD.bazel: folder, ``compat_date``, ``skip_python_flags``."""
    text = mirror.read(f"{TESTS}/BUILD.bazel").decode()
    entries: dict[str, BuildEntry] = {}
    for m in re.finditer(r'^py_wd_test\(', text, re.M):
        depth, end = 0, m.end() - 1
        for end in range(m.end() - 1, len(text)):
            depth += {"(": 1, ")": -1}.get(text[end], 0)
            if depth == 0:
                break
        call = text[m.end():end]
        folder = re.match(r'\s*"([^"]+)"', call)
        if folder is None:
            continue
        entry = BuildEntry(folder.group(1))
        body = call[folder.end():]
        date = re.search(r'compat_date\s*=\s*"([^"]+)"', body)
        if date:
            entry.compat_date = date.group(1)
        entry.sidecar = "sidecar" in body
        skip = re.search(r"skip_python_flags\s*=\s*\[(.*?)\]", body, re.S)
        if skip:
            entry.skip = re.findall(r'"([^"]+)"', skip.group(1))
        entries[entry.folder] = entry
    return entries


# --------------------------------------------------------------------------- running one test


class Skip(Exception):  # noqa: N818 - an outcome, not an error
    def __init__(self, outcome: str, reason: str):
        super().__init__(reason)
        self.outcome = outcome


def variant_flags(variant: str) -> list[str]:
    """``_get_enable_flags`` of py_wd_test.bzl."""
    flags = [VARIANTS[variant]]
    if "python_workers" not in flags:
        flags.append("python_workers")
    flags += ["no_" + f for v, f in VARIANTS.items() if v != variant and f != "python_workers"]
    return flags


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    if value is None:
        raise Skip("not applicable", "a json binding of null has no TOML form")
    raise TypeError(value)


class ServiceBinding:
    """A service binding to another Worker of the same config: ``fetch`` is dispatched to its
    fetch handler, any other method is its entrypoint's RPC method (``worker.rpc``)."""

    def __init__(self, workers: dict[str, Any], service: str, entrypoint: str | None):
        self._workers, self._service, self._entrypoint = workers, service, entrypoint

    def _worker(self) -> Any:
        return self._workers[self._service]

    async def fetch(self, resource: Any, init: Any = None) -> Any:
        from workers_env import js
        from workers_env.runtime.standins import standin_modules

        worker = self._worker()
        if init is None:
            request = js.Request.new(resource)
        else:  # the keywords the Worker passed arrive as a dict: as the JS object they were
            to_js = standin_modules()["pyodide.ffi"].to_js
            request = js.Request.new(resource, to_js(init, dict_converter=js.Object.fromEntries))

        # the other Worker's request runs as its own, not inside the caller's context
        return await asyncio.get_running_loop().create_task(worker._answer(request), context=contextvars.Context())

    async def scheduled(self, options: Any = None) -> Any:
        """``service_binding_extra_handlers``: ``env.SVC.scheduled({scheduledTime, cron})``."""
        opts = dict(options or {})
        result = await self._worker().scheduled(opts.get("cron", ""), scheduled_time=opts.get("scheduledTime"))
        return {"outcome": result.outcome, "noRetry": result.no_retry}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "then":
            raise AttributeError(name)

        async def method(*args: Any) -> Any:
            return await self._worker().rpc(name, *args, entrypoint=self._entrypoint or "Default")

        return method


def _kind(binding: dict[str, Any]) -> str:
    return next(k for k in binding if k != "name")


NOT_EMULATED_KINDS = {
    "durableObjectNamespace": "Durable Objects",
    "durableObjectClass": "Durable Objects",
    "workflow": "Workflows",
}


def write_worker(root: Path, mirror: Mirror, folder: str, name: str, worker: dict[str, Any], date: str,
                 flags: list[str]) -> tuple[Path, dict[str, tuple[str, str | None]]]:
    """The project of one Worker; returns its wrangler.toml and its service bindings."""
    modules = worker.get("modules", [])
    if not modules:
        raise Skip("not applicable", f"service {name!r} has no modules")
    main = modules[0]
    if "pythonModule" not in main:
        raise Skip("not emulated", f"service {name!r} is a JavaScript Worker ({main['name']}); workers-env "
                                   "runs Python Workers only")
    project = root / name
    script_name = re.sub(r"[^a-z0-9-]", "-", re.sub(r"([a-z])([A-Z])", r"\1-\2", name).lower())
    for module in modules:
        mod_name = module["name"]
        kind = _kind(module)
        content = module[kind]
        if kind in ("esModule", "commonJsModule"):
            raise Skip("not emulated", f"JavaScript module {mod_name!r} beside the Python Worker")
        if isinstance(content, Embed):
            data = mirror.read(f"{TESTS}/{folder}/{os.path.normpath(content.path)}")
        elif kind == "data" and isinstance(content, str):
            data = content.encode()
        else:
            data = content.encode() if isinstance(content, str) else json.dumps(content).encode()
        dest = project / mod_name if mod_name.startswith("python_modules/") else project / "src" / mod_name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    worker_flags: list[str] = []
    for flag in worker.get("compatibilityFlags", []):
        worker_flags += flags if flag == "%PYTHON_FEATURE_FLAGS" else [flag]
    vars_: dict[str, Any] = {}
    services: dict[str, tuple[str, str | None]] = {}
    for binding in worker.get("bindings", []):
        kind = _kind(binding)
        value = binding[kind]
        if kind == "text":
            vars_[binding["name"]] = value
        elif kind == "json":
            vars_[binding["name"]] = json.loads(value)
        elif kind == "service":
            target = value if isinstance(value, str) else value["name"]
            entrypoint = None if isinstance(value, str) else value.get("entrypoint")
            services[binding["name"]] = (target, entrypoint)
        elif kind in NOT_EMULATED_KINDS:
            raise Skip("not emulated", f"binding {binding['name']!r}: {NOT_EMULATED_KINDS[kind]} "
                                       "(workers-env: supply your own)")
        # other kinds (memoryCache, ...) are left out: the tests here do not use them
    date = worker.get("compatibilityDate", date)
    lines = [f"name = {json.dumps(script_name)}", f"main = {json.dumps('src/' + main['name'])}",
             f"compatibility_date = {json.dumps(date)}", f"compatibility_flags = {_toml(worker_flags)}"]
    if vars_:
        lines.append("[vars]")
        lines += [f"{json.dumps(k)} = {_toml(v)}" for k, v in vars_.items()]
    for binding, (target, entrypoint) in services.items():  # declared, so Worker code gets a Fetcher
        lines += ["[[services]]", f"binding = {json.dumps(binding)}", f"service = {json.dumps(target.lower())}"]
        if entrypoint:
            lines.append(f"entrypoint = {json.dumps(entrypoint)}")
    (project / "wrangler.toml").write_text("\n".join(lines) + "\n")
    return project / "wrangler.toml", services


class TestController:
    """workerd's ``TestController``: an object with nothing on it."""


async def call_test(worker: Any) -> None:
    """The ``test`` handler as python-entrypoint-helper.ts calls it."""
    from workers_env.runtime.jsfunctions import call_relaxed
    from workers_env.runtime.jsproxy import js_type_error

    ctx = worker.new_context()
    default = worker._default
    controller = TestController()

    async def run() -> Any:
        if default is not None:
            instance = default(ctx, worker.js_env)
            method = getattr(instance, "test", None)
            if not callable(method):
                raise js_type_error("Method test does not exist")
            result = call_relaxed(method, controller, None, None)
        else:
            handler = getattr(worker.module, "test", None)
            if worker._no_global_handlers or not callable(handler):
                raise RuntimeError("the Worker exports no test handler")
            result = call_relaxed(handler, controller, worker.js_env, ctx)
        if asyncio.iscoroutine(result) or hasattr(result, "__await__"):
            result = await result
        return result

    await worker._run_in_request(ctx, run(), "test handler")


async def run_one(mirror: Mirror, folder: str, entry: BuildEntry, variant: str) -> tuple[str, str]:
    files = [f for f in mirror.files(f"{TESTS}/{folder}") if f.endswith(".wd-test")]
    if not files:
        raise Skip("not applicable", "no .wd-test")
    if entry.sidecar:
        raise Skip("not applicable", "talks to a sidecar server (BUILD.bazel's sidecar=, socket-server.js) "
                                   "that this script does not start")
    consts = parse_capnp(mirror.read(files[0]).decode())
    config = next(v for v in consts.values() if isinstance(v, dict) and "services" in v)
    flags = variant_flags(variant)
    with tempfile.TemporaryDirectory(prefix=f"wdtest-{folder}-") as tmp:
        root = Path(tmp)
        projects: dict[str, tuple[Path, dict[str, tuple[str, str | None]]]] = {}
        skipped: dict[str, Skip] = {}
        for service in config["services"]:
            worker = service.get("worker")
            if worker is None:
                continue
            if isinstance(worker, Ref):
                worker = consts[worker.name]
            try:
                projects[service["name"]] = write_worker(root, mirror, folder, service["name"], worker,
                                                         entry.compat_date, flags)
            except Skip as why:
                skipped[service["name"]] = why
        if not projects:
            raise next(iter(skipped.values()))
        # the Worker whose test() workerd runs: every Worker of the config with a test handler
        workers: dict[str, Any] = {}
        for name, (toml, services) in projects.items():
            missing = [s for s, (target, _) in services.items() if target not in projects]
            if missing:
                target = services[missing[0]][0]
                raise skipped.get(target, Skip("not applicable", f"service {target!r} is not a Worker"))
            bindings = {b: ServiceBinding(workers, target, ep) for b, (target, ep) in services.items()}
            env = load_env(toml, bindings=bindings)
            workers[name] = load_worker(env=env)
        ran = 0
        for name, worker in workers.items():
            has_test = (worker._default is not None and callable(getattr(worker._default, "test", None))) or \
                (worker._default is None and not worker._no_global_handlers and callable(getattr(worker.module, "test", None)))
            if has_test:
                await call_test(worker)
                ran += 1
        if skipped:
            name, why = next(iter(skipped.items()))
            raise Skip(why.outcome, f"{why} (the Python Worker(s) loaded and ran {ran} test handler(s))")
        if not ran:
            raise Skip("not applicable", "no Worker of the config has a test handler")
    return "passed", ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mirror", nargs="?", default=os.environ.get("WORKERS_ENV_WORKERD_MIRROR"))
    parser.add_argument("--rev", default="HEAD")
    parser.add_argument("-k", dest="only", action="append", help="run only these test folders")
    parser.add_argument("--variant", action="append", choices=list(VARIANTS))
    parser.add_argument("-v", dest="verbose", action="store_true", help="tracebacks of failures")
    args = parser.parse_args()
    if not args.mirror:
        parser.error("give the workerd mirror's path (or set WORKERS_ENV_WORKERD_MIRROR)")
    mirror = Mirror(Path(args.mirror), args.rev)
    entries = build_entries(mirror)
    folders = sorted({f.split("/")[len(TESTS.split("/"))] for f in mirror.files(TESTS) if f.count("/") > TESTS.count("/") + 1})
    counts: dict[str, int] = {}
    for folder in folders:
        if args.only and folder not in args.only:
            continue
        entry = entries.get(folder)
        variants = [v for v in (args.variant or VARIANTS) if entry is None or v not in entry.skip]
        for variant in variants:
            if folder in NOT_APPLICABLE or entry is None:
                outcome, detail = "not applicable", NOT_APPLICABLE.get(folder, "not a py_wd_test of BUILD.bazel")
            else:
                try:
                    outcome, detail = asyncio.run(run_one(mirror, folder, entry, variant))
                except Skip as why:
                    outcome, detail = why.outcome, str(why)
                except NotEmulatedError as exc:
                    outcome, detail = "not emulated", f"{type(exc).__name__}: {exc}"
                except BaseException as exc:  # noqa: BLE001 - the test's failure, reported
                    if isinstance(exc, KeyboardInterrupt):
                        raise
                    outcome = "failed"
                    last = traceback.extract_tb(exc.__traceback__)[-1]
                    detail = f"{type(exc).__name__}: {exc} ({Path(last.filename).name}:{last.lineno})"
                    if args.verbose:
                        detail += "\n" + "".join(traceback.format_exception(exc))
            counts[outcome] = counts.get(outcome, 0) + 1
            print(f"{folder:45} {variant:9} {outcome:15} {detail}".rstrip(), flush=True)
            if folder in NOT_APPLICABLE or entry is None:
                break
    print(", ".join(f"{n} {o}" for o, n in sorted(counts.items())))
    return 1 if counts.get("failed") else 0


if __name__ == "__main__":
    sys.exit(main())
