"""An entry or exit of the Worker's module scope that raises part-way -- at any of its steps, with
an ``Exception`` or a ``KeyboardInterrupt`` -- still puts the process back as it was before the
Worker's code ran: the test process's ``sys.modules`` (every name, each the same object),
``sys.path``, ``sys.meta_path`` and ``sys.argv``; the error reaches the caller (a
``ModuleScopeError`` naming where it was raised, from the error itself; a ``KeyboardInterrupt`` as
it is), and the same Worker and another one run as usual after it. Before, an exit that raised
left the scope half exited: the stand-ins and the Worker's modules stayed in ``sys.modules`` and
every later test of the process failed (676 in one xdist worker, session 59). The faults are
injected by replacing one step of the scope (raising once); the odd ``sys.modules`` entries that
raised there through the public path are in
tests/test_scope_an_odd_sys_modules_entry_of_the_workers_breaks_no_step.py."""

from __future__ import annotations

import asyncio
import sys
import types

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime import identity, scope
from workers_env.runtime.scope import ImportScope, ModuleScopeError

ENTRY = '''
import asyncio
import itertools
import sys
import types
from workers import Response, WorkerEntrypoint
import helper_exit60

COUNT = itertools.count()
THIS = sys.modules[__name__]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.rsplit("/", 1)[1]
        if path == "import":  # a full exit: names new in the step (and the next step's entry a full one)
            sys.modules[f"made_exit60_{next(COUNT)}"] = types.ModuleType("made_exit60")
        elif path == "path":  # an entry of its own on sys.path
            sys.path.insert(0, "/nowhere-exit60")
        elif path == "same":  # its own module is still its own
            return Response(str(sys.modules.get(__name__) is THIS))
        await asyncio.sleep(0)
        import helper_exit60
        return Response(helper_exit60.WHO)
'''


def _worker(folder):
    one_file_worker(folder, ENTRY)
    (folder / "src" / "helper_exit60.py").write_text("WHO = 'its own'\n")
    (folder / "src" / "shadow_exit60.py").write_text("WHO = 'its own'\n")  # (never imported by the Worker)
    return load_worker(folder)


@pytest.fixture(scope="module")
def workers(tmp_path_factory):
    """Two Workers, each with a ``helper_exit60`` of its own, warmed up (each path run once)."""
    both = [_worker(tmp_path_factory.mktemp("one")), _worker(tmp_path_factory.mktemp("two"))]
    for worker in both:
        for path in ("/", "/import", "/path", "/"):
            assert _answer(worker, path) == "its own"
    return both


def _answer(worker, path):
    async def fetch():
        return await (await worker.fetch(path)).text()

    return asyncio.run(fetch())


def _host():
    return dict(sys.modules), list(sys.path), list(sys.meta_path), sys.argv


def _assert_as_before(before):
    modules, path, meta, argv = before
    assert sorted(modules.keys() - sys.modules.keys()) == []
    # (what workers-env imports to report the error is the host's, from the standard library or itself)
    assert sorted(name for name in sys.modules.keys() - modules.keys() if "exit60" in name or name.partition(".")[0] in (
        "js", "pyodide", "workers", "asgi", "_cloudflare_compat_flags")) == []
    assert [name for name, module in modules.items() if sys.modules[name] is not module] == []
    assert "helper_exit60" not in sys.modules and "js" not in sys.modules
    assert sys.path == path
    assert sys.meta_path == meta
    assert sys.argv is argv


def _break_once(monkeypatch, owner, name, error):
    """``owner.name`` raising ``error`` on its next call, then itself again; returns the calls seen."""
    original = getattr(owner, name)
    calls = []

    def broken(*args, **kwargs):
        calls.append(name)
        if len(calls) == 1:
            raise error
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, broken)
    return calls


# (owner, name, the path whose step reaches it): each step of an exit and an entry
POINTS = [
    (ImportScope, "_undo_plain", "/"),  # the plain exit (nothing imported)
    (ImportScope, "_capture_new_modules", "/import"),
    (ImportScope, "_capture", "/import"),  # one name's judging
    (scope._Layer, "pop", "/import"),
    (scope._Layer, "give_back", "/import"),
    (ImportScope, "_take_own_path", "/path"),
    (ImportScope, "_remove_path", "/import"),
    (ImportScope, "_remove_finders", "/import"),
    (ImportScope, "_unmask_project_path", "/import"),
    (ImportScope, "_give_hidden_back", "/import"),
    (identity, "left", "/import"),
    (ImportScope, "_replay", "/"),  # a replayed entry
    (ImportScope, "_hide_shadowed", "/import"),  # a full entry's steps
    (ImportScope, "_mask_project_path", "/import"),
    (ImportScope, "_invalidate_finders", "/import"),
    (scope._Layer, "push", "/import"),
    (identity, "entered", "/import"),
]


@pytest.mark.parametrize("error", [RuntimeError("broken60"), KeyboardInterrupt()], ids=["exception", "interrupt"])
@pytest.mark.parametrize(("owner", "name", "path"), POINTS, ids=[point[1] for point in POINTS])
def test_a_step_that_raises_leaves_the_host_and_the_next_workers_intact(workers, monkeypatch, owner, name, path, error):
    first, second = workers
    before = _host()
    # (a replayed entry and a plain exit follow plain steps; a full entry follows a step that put an
    # entry of its own on sys.path -- so each point is met whichever tests ran before in the process)
    for ready in ("/", "/") if name in ("_replay", "_undo_plain") else ("/path",):
        assert _answer(first, ready) == "its own"
    calls = _break_once(monkeypatch, owner, name, error)
    expected = ModuleScopeError if isinstance(error, Exception) else KeyboardInterrupt
    with pytest.raises(expected) as raised:
        _answer(first, path)
    assert calls  # (the fault was met)
    _assert_as_before(before)
    if expected is ModuleScopeError:
        assert raised.value.__cause__ is error
        assert "raised RuntimeError: broken60" in str(raised.value)
        assert "as they were before the Worker's code ran" in str(raised.value)
        if name == "_capture":  # one entry's judging: named (audit37)
            assert "the Worker's module scope failed: judging sys.modules['made_exit60_" in str(raised.value)
    else:
        assert raised.value is error
    monkeypatch.undo()
    assert [_answer(first, "/import"), _answer(second, "/path"), _answer(first, "/")] == ["its own"] * 3
    _assert_as_before(before)


# (an exit's steps after the one that gives back what the entry stepped aside, and that one)
SHADOWING = [(ImportScope, "_capture_new_modules"), (scope._Layer, "pop"), (ImportScope, "_remove_path"),
             (ImportScope, "_remove_finders"), (ImportScope, "_give_hidden_back")]


@pytest.mark.parametrize(("owner", "name"), SHADOWING, ids=[point[1] for point in SHADOWING])
def test_your_module_under_a_name_of_the_workers_folder_is_back_after_a_step_that_raises(workers, monkeypatch, owner,
                                                                                         name):
    """A module of yours named as one of the Worker's files steps aside while its code runs, and is
    back after an exit that raised part-way (audit37: putting back skipped it, no test saw)."""
    first, _ = workers
    yours = sys.modules["shadow_exit60"] = types.ModuleType("shadow_exit60")
    try:
        before = _host()
        calls = _break_once(monkeypatch, owner, name, RuntimeError("broken60"))
        with pytest.raises(ModuleScopeError):
            _answer(first, "/import")
        assert calls
        _assert_as_before(before)
        assert sys.modules["shadow_exit60"] is yours
        monkeypatch.undo()
        assert _answer(first, "/import") == "its own"
        _assert_as_before(before)
    finally:
        sys.modules.pop("shadow_exit60", None)


@pytest.mark.parametrize("again", [RuntimeError("again60"), None], ids=["another-error", "the-same-error"])
def test_an_error_met_again_while_putting_back_is_named_once(workers, monkeypatch, again):
    """A step that raises at the exit and again when putting back (``_give_hidden_back``: nothing
    stepped aside here, so nothing is lost): the message names the second error after the first,
    and the same error object met twice only once (audit37: neither was held)."""
    first, _ = workers
    before = _host()
    error = RuntimeError("broken60")
    original = ImportScope._give_hidden_back
    calls = []

    def broken(self):
        calls.append(1)
        if len(calls) <= 2:
            raise error if len(calls) == 1 or again is None else again
        return original(self)

    monkeypatch.setattr(ImportScope, "_give_hidden_back", broken)
    with pytest.raises(ModuleScopeError) as raised:
        _answer(first, "/import")
    assert len(calls) == 2
    _assert_as_before(before)
    message = str(raised.value)
    assert message.startswith("workers-env: leaving the Worker's module scope failed: ")
    assert "raised RuntimeError: broken60." in message
    if again is None:
        assert "more error(s)" not in message
    else:
        assert message.endswith("(1 more error(s) while putting them back: RuntimeError: again60)")
    monkeypatch.undo()
    assert _answer(first, "/import") == "its own"
    _assert_as_before(before)


def test_an_interrupt_amid_the_plain_exits_removals_keeps_the_workers_modules_its_own(workers, monkeypatch):
    """A ``KeyboardInterrupt`` arriving while the plain exit takes the Worker's names out of
    ``sys.modules`` (injected: the removals raise once its main module is out -- the ``popitem``s
    off its end, or, had the step moved a name, the defaults the removals by name read):
    the host is as before and the Worker's modules are still its own -- the exit counts the scope
    left before it starts taking out, so putting back does not read the names it took out as ones
    the Worker's code deleted (audit37: zeroed last, nothing saw)."""
    first, _ = workers
    before = _host()
    for ready in ("/", "/"):
        assert _answer(first, ready) == "its own"

    def absent():
        while True:
            if "entry" not in sys.modules:
                raise KeyboardInterrupt
            yield scope._MISSING

    def pop_newest(modules):
        if "entry" not in modules:
            raise KeyboardInterrupt
        return modules.popitem()

    monkeypatch.setattr(scope, "_ABSENT", absent())
    monkeypatch.setattr(scope, "_POP_NEWEST", pop_newest)
    with pytest.raises(KeyboardInterrupt):
        _answer(first, "/")
    monkeypatch.undo()
    _assert_as_before(before)
    assert [_answer(first, "/same"), _answer(first, "/")] == ["True", "its own"]
    _assert_as_before(before)
