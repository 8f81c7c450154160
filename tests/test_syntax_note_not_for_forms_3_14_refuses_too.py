"""Two near-misses of the newer-syntax forms are errors in CPython 3.14.10 too, and get no
newer-syntax note (review91; each named 3.14 or 3.12 before): ``except A, B as e:`` (PEP 758
allows the bare list only without ``as``; 3.14 says "... must be parenthesized when using
'as'", 3.11-3.13 say the same as without it) and an f-string's unmatched closing bracket,
``f"{a)}"`` (3.11's ``f-string: unmatched ')'`` is 3.14's too; an opening one is PEP 701's
reused quote, ``f"{d["a"]}"``). Nor does a line whose newer form comes with another error of
its own (``type X = int +``, ``def f[T](x: T) -> T`` without its colon, ``x = t"a" +``: 3.14.10
refuses each): the line is read again with the form rewritten to 3.11's (no type parameters, an
f-string), and only one that then reads gets the note; a line an open bracket carries on past
keeps it (``def f[T](``). A type parameter list that does not read (``def f[T = ](x):``, ``[T:]``,
``[]``) is 3.14.10's error too: no note; a t-string on an ``elif``/``else``/``except``/``finally``/``case``
line is read with the statement it continues (leftovers60: neither was right before)."""

from __future__ import annotations

import pytest

from workers_env.runtime.syntaxhints import newer_syntax


@pytest.mark.parametrize("source", [
    "try:\n    pass\nexcept ValueError, TypeError as e:\n    pass\n",
    "a = [1]\nx = f'{a)}'\n",
    "a = [1]\nx = f'{a]}'\n",
    "type X = int +\n",
    "def f[T](x: T) -> T\n    return x\n",
    "x = t'a' +\n",
    # leftovers60: a type parameter list that does not read, 3.14.10's error too (expected '(';
    # "Type parameter list cannot be empty"), and a t-string on a clause line that does not either
    "def f[T = ](x):\n    pass\n",
    "def f[T:](x):\n    pass\n",
    "def f[](x):\n    pass\n",
    "x = 1\nif x:\n    pass\nelif t'a' +:\n    pass\n",
])
def test_no_newer_syntax_named(source):
    with pytest.raises(SyntaxError) as info:
        compile(source, "worker.py", "exec")
    assert newer_syntax(info.value) is None


def test_the_forms_3_14_reads_keep_it():
    for source in ("try:\n    pass\nexcept ValueError, TypeError:\n    pass\n", "d = {}\nx = f'{d['a']}'\n",
                   "def f[T](\n    x: T,\n) -> T:\n    return x\n", "x = (t'a',\n     1)\n", "type X[T] = list[T]\n",
                   "class C[T](dict):\n    pass\n", "def f[T: (int, str), U: dict[str, int] = dict](x):\n    pass\n",
                   "class C[T, ](dict):\n    pass\n",
                   "def f[*Ts, **P](x):\n    pass\n",  # (a TypeVarTuple and a ParamSpec read too; audit37)
                   # leftovers60: a t-string on a clause's own line (3.14.10 reads each)
                   "x = 1\nif x:\n    pass\nelif t'a{x}':\n    pass\n", "x = 1\nif x:\n    pass\nelse: y = t'a'\n",
                   "try:\n    pass\nexcept ValueError: y = t'a'\n", "try:\n    pass\nfinally: y = t'a'\n",
                   "match 1:\n    case 1 if t'a': pass\n"):
        try:
            compile(source, "worker.py", "exec")
        except SyntaxError as error:  # this interpreter lacks the form
            assert newer_syntax(error) is not None
