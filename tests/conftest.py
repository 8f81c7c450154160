"""Suite-wide setup: workers-env's own bytecode, compiled once before the tests start; the
wrangler variables a developer's shell may export (``WRANGLER_LOG=warn``) taken out of the tests' way.

Many tests start ``python -m workers_env ...`` or a ``workers-env dev`` process. On a fresh
checkout under ``PYTHONDONTWRITEBYTECODE`` (set on CI's machine) each of them would compile
every workers-env module again (about 0.6 s a process); a process started without that
variable (test_dev_server_reloads_fresh_modules does) writes the same files mid-run anyway.
Only workers-env's package is compiled, as Python itself would cache it; nothing a test
checks depends on it, and a checkout that cannot be written is left as it is. The test modules
pytest rewrites (its assertion messages) are cached the same way, in ``tests/__pycache__`` as
pytest caches them without that variable: rewriting all 1,375 of them took 5.3 s of CPU in each
xdist worker at every run (a collection 9.3 s -> 3.9 s of CPU with them cached, trim54); what the
test modules import is left to the variable, and a cached rewrite is never stale where a fresh
one would differ (tests/rewrite_cache.py: an edit within the recorded second, a moved checkout).
On a fresh checkout (CI's) nothing is cached yet and each of the three workers rewrote all of them
at once: the controller writes that cache first, one forked process per core, before xdist starts
its workers (a fresh clone's collection 31.5 -> 15.3 s of CPU a worker; whole collection 102 -> 76 s).

What collection made (the test modules, what they import, hypothesis' strategies) lives for the
whole run: it is moved out of the garbage collector's reach once collected, so the full
collections the run's allocations start do not walk it again each time (about half the GC
time of the suite). Objects the tests make are collected as before. The collector stays off while
the modules load (its full collections of the growing heap cost 10.3 -> 7.1 s of CPU a worker,
citime50), and what a test file leaves alive after its last test is frozen as well (the run's
full collections then walk only what later tests made).

At the end of a worker's run the garbage the run left is collected (its finalizers' errors are
still reported, as pytest reports any), and what survives is frozen again, before the worker
tells the controller it has finished. pytest then collects five times more as it unconfigures,
and the controller gives a worker 5 s from there to end, after which execnet sends the worker a
SIGINT (execnet's WorkerGateway._terminate_execution): five full collections of a worker's heap
took that long under load, and the SIGINT landed in hypothesis' gc callback
(PytestUnraisableExceptionWarning: ... gc_callback ... KeyboardInterrupt) -- or, anywhere else,
would have ended the worker with a traceback. Frozen, those collections walk almost nothing.

workers-env's own modules stay loaded when an in-process pytester run ends (pytester restores
``sys.modules`` after each run and keeps only ``zope``/``readline`` modules it did not start with):
a module first imported inside such a run was dropped while objects of that copy stayed in use
(the ``workers_env.d1`` package's submodules), so a later test imported a second copy beside
them and ``except migration_pattern.PatternError`` met the other copy's class (2 failures of
test_d1_migrations_pattern_finds_nested_migrations_as_wrangler.py after test_plugin_fixtures.py
and two other files in one worker). One copy per process, as in a real run.

A suite started in the background by a shell without job control (``pytest ... &`` in a script, or
inside ``( ... )``) inherits SIGINT ignored, and every process its tests start would too: Python
turns SIGINT into ``KeyboardInterrupt`` only where it starts with the signal at its default, so a
``python -m`` probe sent SIGINT ran on to its end (test_forkserver_starts_what_python_m_starts's
SIGINT case hung 60 s and failed). Each test process takes Python's own handler back, so what the
tests start meets SIGINT as when started from a terminal, however the suite was launched.

After collection the test modules (``tests/test_*.py``) leave ``sys.modules``; each test's own module,
and the test modules it took names from at collection, are put back under their names from its
setup through its teardown (tests/held_modules.py). A process of the suite imports all ~1,570 of
them, a user's pytest process tens; workers-env's loads walk or check ``sys.modules`` (the host's
modules, the Worker's scope), and with them all in it each load in the suite paid for the suite's
own size (~2,970 modules in it instead of ~1,400). pytest's nodes hold the modules; an import of one
that is out (``import test_x`` in a test, ``pickle`` of a class defined in one, ``mock.patch``
of ``"test_x.name"``) meets the module collection made, not a second copy: a finder first on
``sys.meta_path`` gives it where the import would load that module's file, and it is taken out
again when the test ends.

Two reads of the machinery are kept to once a process, each giving the same answer, where the
installed pytest/pluggy still repeat them: ``tmp_path``'s listing of its base folder
(tests/numbered_tmp.py) and what each in-process pytester run read of the installed plugin
distributions (tests/plugin_distributions.py).
"""

from __future__ import annotations

import compileall
import contextlib
import fnmatch
import gc
import os
import signal
import sys
from pathlib import Path

import _pytest.assertion.rewrite
import _pytest.config
import _pytest.pytester
import _pytest.terminal
import _pytest.tmpdir
import constants_cache
import held_modules
import numbered_tmp
import plugin_distributions
import pluggy._manager
import pytest
import rewrite_cache

import workers_env


class _KeepingWorkersEnv(_pytest.pytester.SysModulesSnapshot):
    """pytester's snapshot of ``sys.modules``, keeping workers-env's modules as well."""

    def __init__(self, preserve=None) -> None:
        super().__init__(lambda name: name.split(".")[0] == "workers_env" or (preserve is not None and preserve(name)))


_pytest.pytester.SysModulesSnapshot = _KeepingWorkersEnv  # type: ignore[misc]


rewrite_cache.install(_pytest.assertion.rewrite)  # (a no-op without PYTHONDONTWRITEBYTECODE)
numbered_tmp.install(_pytest.tmpdir)  # tmp_path without listing the whole base folder at every test
plugin_distributions.install(_pytest.config, _pytest.terminal, pluggy._manager)  # (each in-process pytester run read them again)

#: what a developer's shell may export that workers-env's commands read as wrangler's do -- the
#: output level of every command, the [env.NAME] chosen, dev's config watching: the tests that
#: are about them set them themselves; the rest expect wrangler's defaults, whatever the shell has
for _name in ("WRANGLER_LOG", "CLOUDFLARE_ENV", "WRANGLER_CI_DISABLE_CONFIG_WATCHING"):
    os.environ.pop(_name, None)


if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:  # (started by `&` without job control: see above)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # (a caught signal is at its default after exec)


def pytest_sessionstart(session: pytest.Session) -> None:
    compileall.compile_dir(str(Path(workers_env.__file__).parent), quiet=2)
    config = session.config
    if not hasattr(config, "workerinput") and getattr(config.option, "numprocesses", None) and \
            getattr(config.option, "dist", "no") != "no":  # (the controller, before xdist starts its workers)
        hook = config.stash[_pytest.assertion.rewrite.assertstate_key].hook
        if hook is not None and sys.dont_write_bytecode:  # (only then is each worker's rewrite not cached)
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
            rewrite_cache.prewrite(_pytest.assertion.rewrite, hook,
                                   rewrite_cache.unwritten(_test_modules(config), _pytest.assertion.rewrite.PYC_TAIL),
                                   cores)
        _CONSTANTS[0] = constants_cache.prewrite(Path(workers_env.__file__).parent)  # (runs while they start)


#: the controller's forked writer of hypothesis' constants cache (tests/constants_cache.py), reaped at the end
_CONSTANTS: list[int | None] = [None]


def _test_modules(config: pytest.Config) -> list[Path]:
    """The test modules under the run's arguments (files or folders), as ``python_files`` names them."""
    patterns = config.getini("python_files")
    found: set[Path] = set()
    for argument in config.args:
        path = Path(config.invocation_params.dir, argument.split("::")[0])
        candidates = path.rglob("*.py") if path.is_dir() else [path] if path.is_file() else []
        found.update(p for p in candidates if "__pycache__" not in p.parts
                     and any(fnmatch.fnmatch(p.name, pattern) for pattern in patterns))
    return sorted(found)


gc.disable()  # while the test modules load: what they make lives for the run (full collections of it
# while it grows took ~11 s a worker), and it is frozen below


def pytest_collection_finish(session: pytest.Session) -> None:
    held_modules.hold(Path(__file__).parent)  # (the test modules out of sys.modules: see above)
    gc.collect()  # nothing unreachable is kept
    gc.freeze()
    gc.enable()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    module = getattr(item, "module", None)
    if module is not None:
        held_modules.running(module)  # (its own module in sys.modules again, until it ends: see above)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):  # type: ignore[no-untyped-def]
    """After a test file's last test (its module fixtures torn down), what it left alive is frozen
    too: later full collections walk only what later tests make. After every test, dev's once-a-process
    connection note is owed again, so in-process dev tests read the same in any order."""
    yield
    devtable = sys.modules.get("workers_env.cli.devtable")
    if devtable is not None:  # (dev explains its connection column once per process: each test starts as a new one)
        devtable._explained = False
    if nextitem is None or getattr(nextitem, "module", None) is not getattr(item, "module", None):
        held_modules.ended()
    if nextitem is not None and nextitem.path != item.path:
        gc.collect()
        gc.freeze()


@pytest.hookimpl(trylast=True)  # after the other plugins' own finishing; before xdist's report
def pytest_sessionfinish(session: pytest.Session) -> None:
    if _CONSTANTS[0] is not None:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(_CONSTANTS[0], 0)  # (long done: it ran while the workers collected)
        _CONSTANTS[0] = None
    gc.unfreeze()
    for _ in range(5):  # pytest's count: a finalizer can leave more garbage
        if not gc.collect():
            break
    gc.freeze()
