"""The dict-method note (runtime/dictmethodread.py) names a ``JsDict``'s ``name.method`` read only
where the line's code reads it: a string or a comment naming ``listed.keys`` on a line whose
error is another builtin's gets no note, and an ``AttributeError`` gets it only when the object
that failed is that result's method (review91: each was a wrong note before). A read whose
error a library's frame raised (``json.dumps(listed.keys)``) gets it, looked for from the
innermost frame out (none before)."""

from __future__ import annotations

import linecache

import pytest

from workers_env import JsDict
from workers_env.runtime.dictmethodread import dict_method_note

LISTED = JsDict(keys=[], list_complete=True)


def _note_of(source: str) -> str | None:
    filename = f"<review91 {source!r}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    try:
        exec(compile(source, filename, "exec"), {"listed": LISTED, "time": __import__("time"), "json": __import__("json")})
    except (TypeError, AttributeError) as error:
        return dict_method_note(error)
    finally:
        del linecache.cache[filename]
    raise AssertionError("no error")


@pytest.mark.parametrize("source", [
    "text = 'listed.keys'; len(time.time)\n",
    "len(time.time)  # listed.keys\n",
    "method = listed.keys; time.time.real\n",
])
def test_no_note_for_a_read_that_did_not_fail(source):
    assert _note_of(source) is None


@pytest.mark.parametrize("source", ["len(listed.keys)\n", "listed.keys.append(1)\n",
                                    "text = 'x'; len(listed.keys)  # listed.keys\n", "json.dumps(listed.keys)\n"])
def test_the_read_that_failed_keeps_it(source):
    assert _note_of(source).endswith("read listed['keys']")
