"""What to say of a ``SyntaxError`` in a Worker's module. One that spells a JavaScript member the
JavaScript way: ``Buffer.from(mac)`` (Cloudflare's signing-requests example) is a ``SyntaxError``
in every Python, so no interpreter of the Worker's era would take it; Pyodide reads
``Buffer.from_`` as JavaScript's ``Buffer.from`` (``runtime/jsbase.py``'s ``js_property_name``).
One that falls on syntax a later Python added (PEP 695/701 in 3.12, PEP 696 in 3.13, PEP 750/758
in 3.14) is newer syntax, which the interpreter of the Worker's era may read; any other is an
error under every Python, so no interpreter is to blame (measured: CPython 3.11.7, 3.12.1,
3.13.0 and 3.14.10 compile each recognised form, or refuse it, as named here). A line with a
type parameter or a template string is parsed again with it spelt the old way, so one with an
error of its own besides (``type X = int +``) is not blamed on the interpreter (review91)."""

from __future__ import annotations

import ast
import io
import keyword
import tokenize

__all__ = ["keyword_member_hint", "line_tokens", "newer_syntax"]


def keyword_member_hint(exc: SyntaxError) -> str | None:
    """The note for a ``SyntaxError`` whose line reads a member named by a Python keyword
    (``obj.from``, ``promise.finally``), or ``None`` for any other."""
    names = _keyword_members(exc.text or "")
    if not names:
        return None
    name = names[0]
    return (f"`.{name}` names a Python keyword, which no Python accepts after a dot: Pyodide reads `.{name}_` "
            f"(one underscore after the keyword) as JavaScript's `.{name}`, as workers-env does -- or write "
            f'getattr(obj, "{name}").')


def _keyword_members(line: str) -> list[str]:
    """The keywords read as members on ``line`` (a ``NAME`` token that is a keyword, right after
    a ``.`` operator), in order; a line tokenize cannot finish gives those found before."""
    found: list[str] = []
    after_dot = False
    for token in line_tokens(line):
        if after_dot and token.type == tokenize.NAME and keyword.iskeyword(token.string):
            found.append(token.string)
        after_dot = token.type == tokenize.OP and token.string == "."
    return found


#: the 3.11-3.13 message for PEP 758's ``except A, B:`` (3.14); the same in each of them
_UNPARENTHESIZED = "multiple exception types must be parenthesized"
#: 3.11's messages for what PEP 701 made f-string syntax in 3.12 (a backslash, a comment, the
#: string's own quote inside a replacement field: ``f"{d["a"]}"`` is 3.11's ``unmatched '['``)
#: -- an opening bracket only: ``f"{a)}"``'s ``unmatched ')'`` is an error in 3.14 too, review91)
_PEP701_MESSAGES = ("f-string expression part cannot include a backslash",
                    "f-string expression part cannot include '#'", "f-string: unmatched '('",
                    "f-string: unmatched '['", "f-string: unmatched '{'")
#: the prefixes of a PEP 750 template string (3.14), in lower case
_TEMPLATE_PREFIXES = frozenset({"t", "tr", "rt"})


def newer_syntax(exc: SyntaxError) -> tuple[tuple[int, int], str] | None:
    """The Python that added the syntax ``exc`` falls on and what it is called, when its line
    reads a form a later Python accepts (``None`` for an error under every Python)."""
    message = str(exc.msg)
    tokens = line_tokens(exc.text or "")
    if message == _UNPARENTHESIZED:
        # ``except A, B as e:`` is 3.14's error too ("... when using 'as'"), measured on 3.14.10
        if any(t.type == tokenize.NAME and t.string == "as" for t in tokens):
            return None
        return (3, 14), "`except A, B:` without parentheses (PEP 758)"
    if message.startswith(_PEP701_MESSAGES):
        return (3, 12), "an f-string reusing its quotes, or holding a backslash or a comment, in a replacement field (PEP 701)"
    line = exc.text or ""
    prefixes = [before for before, after in zip(tokens, tokens[1:])
                if before.type == tokenize.NAME and before.string.lower() in _TEMPLATE_PREFIXES
                and after.type == tokenize.STRING and before.end == after.start]
    pointed = any(_points_into(exc, before, after) for before, after in zip(tokens, tokens[1:]) if before in prefixes)
    if pointed:  # t"..." read as f"...": the rest of the line must read (``t"x" +`` is 3.14's error too)
        return ((3, 14), "a template string, t\"...\" (PEP 750)") if _reads(_as_fstrings(line, prefixes)) else None
    found = _type_parameters(tokens, exc)
    if found is None or not _reads(_without_type_parameters(line, tokens)):
        return None
    return found if _parameters_read(line, tokens) else None  # (``def f[T = ](x):``: 3.14's error too)


def _as_fstrings(line: str, prefixes: list[tokenize.TokenInfo]) -> str:
    """``line`` with each template string's prefix an f-string's (``t``/``tr``/``rt``: ``f``/``fr``/``rf``)."""
    for token in reversed(prefixes):  # (from the right: the columns before stay put)
        start, end = token.start[1], token.end[1]
        line = line[:start] + token.string.replace("t", "f").replace("T", "F") + line[end:]
    return line


def _without_type_parameters(line: str, tokens: list[tokenize.TokenInfo]) -> str:
    """``line`` without its type parameters (``def f[T](x)``: ``def f(x)``) and a ``type``
    statement as an assignment (``type X[T] = ...``: ``X = ...``); as it is where the bracket
    does not close on the line."""
    words = [t for t in tokens if t.type not in (tokenize.INDENT, tokenize.DEDENT, tokenize.NL, tokenize.COMMENT)]
    if words and words[0].string == "async":
        words = words[1:]
    depth, start, end = 0, None, None
    for token in words[2:]:
        if token.type == tokenize.OP and token.string in "[({":
            depth += 1
            start = token.start[1] if start is None else start
        elif token.type == tokenize.OP and token.string in "])}":
            depth -= 1
            if depth == 0:
                end = token.end[1]
                break
        elif start is None:
            break  # (``type X = ...``: no bracket)
    if start is not None and end is not None:
        line = line[:start] + line[end:]
    elif start is not None:
        return line
    if words[0].string == "type":
        line = line[:words[0].start[1]] + line[words[1].start[1]:]
    return line


#: what a clause that continues a statement needs before it to parse alone (leftovers60: an
#: ``elif``/``else`` line's t-string got no note, the line never reading)
_CONTINUED = {"elif": "if x:\n    pass\n", "else": "if x:\n    pass\n", "except": "try:\n    pass\n",
              "finally": "try:\n    pass\n", "case": "match x:\n"}


def _reads(line: str) -> bool:
    """Whether ``line`` (rewritten to a form this Python reads) parses here: a block's header
    given a body, a clause continuing a statement (``elif``, ``else``, ``except``, ``finally``,
    ``case``) the statement's start; a line an open bracket or string carries on past is taken as read."""
    text = line.strip()
    first = text[:len(text) - len(text.lstrip("abcdefghijklmnopqrstuvwxyz"))]
    indent = "    " if first == "case" else ""
    if text.endswith(":"):
        text += "\n    pass"
    if first in _CONTINUED:
        text = _CONTINUED[first] + indent + text.replace("\n", "\n" + indent)
    try:
        ast.parse(text + "\n")
    except SyntaxError as error:
        return "never closed" in str(error.msg) or "unexpected EOF" in str(error.msg) \
            or "unterminated triple-quoted" in str(error.msg)
    return True


def _parameters_read(line: str, tokens: list[tokenize.TokenInfo]) -> bool:
    """Whether each type parameter in the line's first brackets reads: a name (after ``*`` or
    ``**``), with a bound (``T: int``) and a default (``T = int``) that are expressions -- read here
    as the annotated assignment ``T: int = int`` spells them. ``def f[T = ](x)``, ``[T:]`` are
    errors of 3.14.10 too (``expected '('``). A bracket the line does not close: taken as read."""
    words = [t for t in tokens if t.type not in (tokenize.INDENT, tokenize.DEDENT, tokenize.NL, tokenize.COMMENT)]
    if words and words[0].string == "async":
        words = words[1:]
    if len(words) < 3 or words[2].string != "[":
        return True  # (``type X = ...``: no parameters)
    depth, parts, start = 0, [], words[2].end[1]
    for token in words[2:]:
        if token.type == tokenize.OP and token.string in "[({":
            depth += 1
        elif token.type == tokenize.OP and token.string in "])}":
            depth -= 1
            if depth == 0:
                parts.append(line[start:token.start[1]])
                break
        elif depth == 1 and token.type == tokenize.OP and token.string == ",":
            parts.append(line[start:token.start[1]])
            start = token.end[1]
    else:
        return True
    if parts and not parts[-1].strip():
        parts.pop()  # a trailing comma
    for part in parts:
        text = part.strip().lstrip("*").strip()
        try:
            tree = ast.parse(text, mode="exec")
        except SyntaxError:
            return False
        if len(tree.body) != 1:
            return False
        statement = tree.body[0]
        target = getattr(statement, "target", None) if isinstance(statement, ast.AnnAssign) else \
            statement.targets[0] if isinstance(statement, ast.Assign) and len(statement.targets) == 1 else \
            statement.value if isinstance(statement, ast.Expr) else None
        if not isinstance(target, ast.Name):
            return False
    return bool(parts)


def _points_into(exc: SyntaxError, first: tokenize.TokenInfo, last: tokenize.TokenInfo) -> bool:
    """Whether ``exc``'s column falls from ``first`` to ``last``, the newer form: a line holding one
    and an error of every Python elsewhere (``class Box[T]: x = )``: ``unmatched ')'`` in 3.11.7 to
    3.14.10) fails under the era's Python too (audit36). An error with no column is taken as the form's."""
    return exc.offset is None or first.start[1] < exc.offset <= last.end[1]


def _type_parameters(tokens: list[tokenize.TokenInfo], exc: SyntaxError) -> tuple[tuple[int, int], str] | None:
    """``def f[T]``, ``class C[T]``, ``type X = ...`` (PEP 695, 3.12), and a type parameter's
    default, ``[T = int]`` (PEP 696, 3.13), at the start of the line's statement, where ``exc``
    points (from its keyword to the brackets' end, or the ``type`` statement's ``=``)."""
    words = [t for t in tokens if t.type not in (tokenize.INDENT, tokenize.DEDENT, tokenize.NL, tokenize.COMMENT)]
    if words and words[0].string == "async":
        words = words[1:]
    if len(words) < 3 or words[1].type != tokenize.NAME:
        return None
    head, bracket = words[0].string, words[2].string
    if not (head in ("def", "class") and bracket == "[" or head == "type" and bracket in ("[", "=")):
        return None
    depth = 0
    for token in words[2:]:
        depth += {"[": 1, "(": 1, "{": 1, "]": -1, ")": -1, "}": -1}.get(token.string, 0) \
            if token.type == tokenize.OP else 0
        if depth == 0:
            break
        if depth == 1 and token.string == "=":
            return ((3, 13), "a type parameter's default, [T = ...] (PEP 696)") \
                if _points_into(exc, words[0], token) else None
    if not _points_into(exc, words[0], token):
        return None
    return (3, 12), "type parameters and the type statement, class C[T] / def f[T] / type X = ... (PEP 695)"


def line_tokens(line: str) -> list[tokenize.TokenInfo]:
    """``line``'s tokens, as many as tokenize reads (a line it cannot finish gives those before):
    read by the notes on a failing line here and in ``dictmethodread``."""
    found: list[tokenize.TokenInfo] = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(line).readline):
            found.append(token)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return found
