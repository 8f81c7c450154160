"""A Worker spelling a JavaScript member named by a Python keyword the JavaScript way
(``Buffer.from(mac)``, as Cloudflare's signing-requests example does) is a ``SyntaxError`` in every
Python, deployed as here: the note names Pyodide's spelling, ``Buffer.from_``, rather than
blaming this interpreter's version (found by docsnip50's run of the docs' examples)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

KEYWORD_MEMBER = '''
from js import Array
from workers import Response, WorkerEntrypoint

LETTERS = "spelled. from a string, not code"
ITEMS = Array.from([1, 2])


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(str(ITEMS))
'''

SPELLED_AS_PYODIDE = KEYWORD_MEMBER.replace("Array.from(", "Array.from_(")


def notes(error: BaseException) -> str:
    return "\n".join(getattr(error, "__notes__", []))


@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01"])  # Python 3.12 and 3.13 in production
def test_a_keyword_member_is_a_syntax_error_that_names_the_underscore_spelling(tmp_path, date):
    one_file_worker(tmp_path, KEYWORD_MEMBER, date=date)
    with pytest.raises(SyntaxError) as caught:
        load_worker(tmp_path)
    said = notes(caught.value)
    assert "`.from` names a Python keyword, which no Python accepts after a dot: Pyodide reads `.from_`" in said
    assert 'getattr(obj, "from")' in said
    assert "run workers-env under" not in said  # no interpreter of the era would take it


@pytest.mark.asyncio
async def test_the_underscore_spelling_loads_and_runs(tmp_path):
    one_file_worker(tmp_path, SPELLED_AS_PYODIDE)
    worker = load_worker(tmp_path)
    assert await (await worker.fetch("/")).text() == "1,2"


def test_other_syntax_errors_get_no_keyword_note(tmp_path):
    one_file_worker(tmp_path, 'TEXT = "ends. in the string"\ndef broken(:\n    pass\n')
    with pytest.raises(SyntaxError) as caught:
        load_worker(tmp_path)
    assert "names a Python keyword" not in notes(caught.value)


def test_a_line_with_two_keyword_members_names_the_first(tmp_path):
    """Python's error points at the first keyword member of the line (``Array.from(...).finally(...)``):
    the note names that one, the member the caret is under."""
    one_file_worker(tmp_path, "from js import Array\nITEMS = Array.from([1]).finally(print)\n")
    with pytest.raises(SyntaxError) as caught:
        load_worker(tmp_path)
    said = notes(caught.value)
    assert "`.from` names a Python keyword" in said and "Pyodide reads `.from_`" in said
    assert "`.finally`" not in said
