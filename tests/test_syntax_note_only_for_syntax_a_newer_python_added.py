"""A Worker's ``SyntaxError`` names the Python production runs (and says to run workers-env
under it) only when the error falls on syntax a Python newer than this interpreter, and no newer
than the era's, added: PEP 695/701 (3.12), PEP 696 (3.13), PEP 750/758 (3.14). Any other error
fails under the era's Python too, and gets no note (walk58: every error under dev said "if this
syntax is newer than this interpreter"). Each form measured refused by CPython 3.11.7 (and the
later ones by 3.12.1, 3.13.0) and compiled by 3.14.10; the note's rule holds on any host."""

from __future__ import annotations

import contextlib
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

P695 = "type parameters and the type statement, class C[T] / def f[T] / type X = ... (PEP 695)"
P701 = "an f-string reusing its quotes, or holding a backslash or a comment, in a replacement field (PEP 701)"
#: a line of each newer form, the Python that added it and what the note calls it
NEWER = {
    "type X = int\n": ((3, 12), P695),
    "def first[T](xs: list[T]) -> T:\n    return xs[0]\n": ((3, 12), P695),
    "async def first[T](xs: list[T]) -> T:\n    return xs[0]\n": ((3, 12), P695),
    # (a parameter's default after the type parameters is no type parameter's default)
    "def first[T](xs: list[T], n: int = 0) -> T:\n    return xs[n]\n": ((3, 12), P695),
    "class Box[T]:\n    pass\n": ((3, 12), P695),
    "d = {'a': 1}\nS = f'{d['a']}'\n": ((3, 12), P701),
    "X = ['a']\nS = f'{\"\\\\n\".join(X)}'\n": ((3, 12), P701),
    "S = f'''{1 # one\n}'''\n": ((3, 12), P701),
    "class Box[T = int]:\n    pass\n": ((3, 13), "a type parameter's default, [T = ...] (PEP 696)"),
    "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n": ((3, 14), "`except A, B:` without parentheses (PEP 758)"),
    "X = 1\nS = t'{X}'\n": ((3, 14), 'a template string, t"..." (PEP 750)'),
    "X = 1\nS = Rt'{X}'\n": ((3, 14), 'a template string, t"..." (PEP 750)'),
}
#: errors under every Python: never blamed on the interpreter
EVERYWHERE = ["def broken(:\n    pass\n", "X = (1,\n", "print 'hi'\n", "if X\n    pass\n", "S = f'{}'\n",
              # a newer form and, after it, an error of every Python: unmatched ')' in 3.11.7, 3.12.1, 3.13.0, 3.14.10
              "class Box[T]: x = )\n", "type X = )\n", "X = 1\nS = t'{X}' + )\n"]
#: compatibility dates (and flags) whose production Python is 3.12, 3.13, 3.14
ERAS = {(3, 12): ("2025-06-01", ()), (3, 13): ("2025-10-01", ()), (3, 14): ("2026-09-01", ("python_workers_314",))}


def _notes(tmp_path, code: str, python: tuple[int, int]) -> list[str]:
    date, flags = ERAS[python]
    root = one_file_worker(tmp_path, code + "from workers import Response\n", date=date, flags=flags)
    refused = sys.version_info[:2] < NEWER[code][0]  # else this interpreter reads it: the Worker loads
    with pytest.raises(SyntaxError) if refused else contextlib.nullcontext() as info:
        load_worker(root)
    return list(getattr(info.value, "__notes__", [])) if info is not None else []


@pytest.mark.parametrize("python", sorted(ERAS))
@pytest.mark.parametrize("code", NEWER)
def test_newer_syntax_is_noted_when_this_python_lacks_it_and_production_has_it(tmp_path, code, python):
    added, called = NEWER[code]
    notes = _notes(tmp_path, code, python)
    if sys.version_info[:2] < added <= python:
        wanted = f"{python[0]}.{python[1]}"
        assert len(notes) == 1 and notes[0].startswith("workers-env imports the Worker with this interpreter")
        assert notes[0].endswith(f"). This line uses {called}, syntax of Python {added[0]}.{added[1]}: run "
                                 f"workers-env under Python {wanted}.")
        assert f"production runs it on Python {wanted} (" in notes[0]
    else:  # this interpreter reads it, or production's does not either
        assert notes == []


@pytest.mark.parametrize("code", EVERYWHERE)
def test_an_error_under_every_python_is_not_noted(tmp_path, code):
    root = one_file_worker(tmp_path, code, date="2026-09-01", flags=("python_workers_314",))
    with pytest.raises(SyntaxError) as info:
        load_worker(root)
    assert getattr(info.value, "__notes__", None) is None


def test_a_host_that_reads_the_syntax_blames_the_line_not_itself(tmp_path, monkeypatch):
    """On a Python 3.12 host a 3.12 form that fails is wrong under 3.12 too: ``class Box[]:`` (3.12.1's
    ``invalid syntax`` at its ``]``, 3.11.7's at its ``[``; 3.13.0/3.14.10: ``Type parameter list cannot
    be empty``) gets no note sending the user to a later Python."""
    root = one_file_worker(tmp_path, "class Box[]:\n    pass\n", date="2026-09-01", flags=("python_workers_314",))
    monkeypatch.setattr(sys, "version_info", (3, 12, 1, "final", 0))
    with pytest.raises(SyntaxError) as info:
        load_worker(root)
    assert getattr(info.value, "__notes__", None) is None
