"""Binding ``bind()``'s values by position, whatever placeholders the SQL uses.

D1 binds the values array by index (``sqlite3_bind_*(stmt, i + 1, ...)``), so ``?``,
``?NNN``, ``:name``, ``@name``, ``$name`` and ``#name`` all take the value at their
parameter index. Python's ``sqlite3`` binds a sequence only to nameless (``?``/``?NNN``)
parameters: 3.12 and 3.13 warn about a named one, 3.14 refuses it. So a statement with
named parameters is bound through :class:`InBindOrder`, a mapping that answers sqlite3's
named look-ups (made for parameter 1, 2, ... in turn) with the values in that order; one
that also has a nameless parameter (a ``?``, or an index no placeholder names, as in
``?2, :x``) gets no named look-up for it, so :func:`rewrite_named` gives it each named
placeholder as the ``?NNN`` of its index (SQLite's numbering, same length where the digits
fit) and it is bound as a sequence. The same path runs on every Python version.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workers_env.d1.sqltext import skip_comment, skip_quoted

__all__ = ["InBindOrder", "has_named", "has_numbered", "rewrite_named", "Rewrite", "scan_parameters"]

_NAMED_STARTS = frozenset(":@$#")


def _id_char(ch: str) -> bool:
    """SQLite's ``IdChar``: ASCII letters, digits, ``_``, ``$`` and every non-ASCII character."""
    return ch.isalnum() or ch in "_$" or ord(ch) >= 0x80


def scan_parameters(sql: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each parameter token in ``sql``, as SQLite's tokenizer reads them
    (strings, quoted names and comments skipped; words read whole, so ``a$b`` is no parameter)."""
    found: list[tuple[int, int]] = []
    i, n = 0, len(sql)
    while i < n:
        ch = sql[i]
        if ch in "-/" and skip_comment(sql, i) != i:
            i = skip_comment(sql, i)
        elif ch in "'\"`[":
            i = skip_quoted(sql, i)
        elif ch == "?":
            j = i + 1
            while j < n and sql[j].isdigit() and sql[j].isascii():
                j += 1
            found.append((i, j))
            i = j
        elif ch in _NAMED_STARTS:
            j, letters = i + 1, 0
            while j < n:
                c = sql[j]
                if _id_char(c):
                    letters += 1
                    j += 1
                elif c == "(" and letters:  # Tcl's $name(index): up to ")" (a space ends it unclosed)
                    j += 1
                    while j < n and sql[j] != ")" and not sql[j].isspace():
                        j += 1
                    j += j < n and sql[j] == ")"
                    break
                elif c == ":" and sql.startswith("::", j):  # Tcl's $ns::name
                    j += 2
                else:
                    break
            if letters and not (ch == "#" and sql[i + 1].isdigit()):
                found.append((i, j))
            i = max(j, i + 1)
        elif _id_char(ch):
            i += 1
            while i < n and _id_char(sql[i]):
                i += 1
        else:
            i += 1
    return found


@lru_cache(maxsize=1024)
def has_named(sql: str) -> bool:
    """Whether ``sql`` has a named (``:``/``@``/``$``/``#``) parameter (cached: statements repeat,
    and ``'$.a'`` in a JSON path would otherwise have every call scan the text)."""
    if not any(start in sql for start in _NAMED_STARTS):
        return False
    return any(sql[start] != "?" for start, _ in scan_parameters(sql))


@lru_cache(maxsize=1024)
def has_numbered(sql: str) -> bool:
    """Whether ``sql`` has a numbered ``?NNN`` parameter (cached, as :func:`has_named`)."""
    if "?" not in sql:
        return False
    return any(sql[start] == "?" and end > start + 1 for start, end in scan_parameters(sql))


@dataclass(frozen=True)
class Rewrite:
    """``sql`` with its named parameters written as ``?NNN``, and the edits that made it."""

    sql: str
    original: str
    edits: tuple[tuple[int, int, int, int], ...]  # (new start, new end, old start, old end)
    count: int  # the parameters SQLite's numbering gives the statement, as read here

    def original_text(self, text: str, start: int = 0) -> tuple[str, int]:
        """``text`` (a result column's name, a span of :attr:`sql` at or after ``start``) as the
        original SQL spelled it, and where the search may go on; ``text`` itself if not found."""
        if not text:
            return text, start
        at = self.sql.find(text, start)
        while at >= 0:
            end = at + len(text)
            if not any(new_start < pos < new_end for new_start, new_end, _, _ in self.edits for pos in (at, end)):
                return self.original[self._old(at, True):self._old(end, False)], end
            at = self.sql.find(text, at + 1)  # a match cutting through a ?NNN of ours is not the column
        return text, start

    def _old(self, pos: int, is_start: bool) -> int:
        shift = 0
        for new_start, new_end, old_start, old_end in self.edits:
            if pos < new_start or (pos == new_start and not is_start):
                break
            if pos < new_end or (pos == new_end and not is_start):
                return old_start if is_start else old_end
            shift = old_end - new_end
        return pos + shift


def rewrite_named(sql: str) -> Rewrite:
    """``sql`` with each named parameter replaced by ``?NNN`` of the index SQLite gives it
    (``sqlite3ExprAssignVarNumber``: ``?`` takes the next index, ``?NNN`` index NNN, a name
    the index of its first use or the next one), zero-padded to the name's length."""
    names: dict[str, int] = {}
    count = 0
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    last = 0
    new_len = 0
    for start, end in scan_parameters(sql):
        token = sql[start:end]
        if token == "?":
            count += 1
            continue
        if token[0] == "?":
            count = max(count, int(token[1:]))
            continue
        index = names.get(token)
        if index is None:
            count += 1
            index = names[token] = count
        replacement = "?" + str(index).zfill(len(token) - 1)
        parts.append(sql[last:start])
        new_len += start - last
        edits.append((new_len, new_len + len(replacement), start, end))
        parts.append(replacement)
        new_len += len(replacement)
        last = end
    parts.append(sql[last:])
    return Rewrite("".join(parts), sql, tuple(edits), count)


class InBindOrder(dict):
    """The values of ``bind()`` for sqlite3's named look-ups: it asks for parameter 1, 2, ...
    in turn (one ``__getitem__`` each, CPython's ``bind_parameters``), so the n-th look-up
    gets the n-th value, whatever the name. A dict subclass, as sqlite3 requires."""

    __slots__ = ("_values", "_next")

    def __init__(self, values: Sequence[Any]):
        super().__init__()
        self._values = values
        self._next = 0

    def __getitem__(self, name: str) -> Any:
        index = self._next
        if index >= len(self._values):
            raise KeyError(name)
        if name.isdigit() and int(name) != index + 1:  # a ?NNN look-up names its own index
            raise RuntimeError(f"sqlite3 asked for ?{name} as parameter {index + 1}")
        self._next = index + 1
        return self._values[index]
