"""What ``js.Reflect`` cannot answer from Python -- a ``get`` with a receiver, ``ownKeys`` of a
value whose own keys workers-env does not hold, ``apply`` with a ``thisArgument``, ``construct`` of
a Python function or with a ``newTarget``, arguments that are no array nor Python list, a member
it does not emulate -- is workers-env's ``NotEmulatedError``, each text naming the call whole."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

TAIL = " is not emulated by workers-env: it needs the real runtime. Read the value's attributes from Python " \
       "instead, or open an issue."
CASES = [
    ("js.Reflect.get(js.Object.new(), 'a', js.Object.new())", "js.Reflect.get() with a receiver"),
    ("js.Reflect.ownKeys(js.Map.new())", "js.Reflect.ownKeys() of a Map"),
    ("js.Reflect.apply(js.Math.max, js.Object.new(), [])",
     "js.Reflect.apply() with a thisArgument other than undefined or null"),
    ("js.Reflect.apply(js.Math.max, None, js.Object.new())",
     "js.Reflect.apply() with arguments that are no array or Python list"),
    ("js.Reflect.construct(lambda: 1, [])", "js.Reflect.construct() of a Python function"),
    ("js.Reflect.construct(js.Date, [], js.Date)", "js.Reflect.construct() with a newTarget"),
    ("js.Reflect.construct(js.Date, js.Object.new())",
     "js.Reflect.construct() with arguments that are no array or Python list"),
    ("js.Reflect.set(js.Object.new(), 'a', 1)", "js.Reflect.set()"),
]


def test_each_refusal_names_the_call(tmp_path: Path) -> None:
    answers = snippet_answers(tmp_path, [code for code, _ in CASES], "2026-11-17")
    assert answers == [f"NotEmulatedError: {what}{TAIL}" for _, what in CASES]
