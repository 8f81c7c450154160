"""The D1 binding as Worker code sees it: ``D1Database``, sessions and prepared statements.

Names, arguments, result shapes and error texts follow workerd's ``d1-api.ts``:
``prepare(sql)`` gives a statement (``bind``, ``first``, ``all``, ``run``, ``raw``);
``batch([...])`` runs statements in one transaction; ``exec(sql)`` runs one query per line;
``withSession(...)`` gives a session with ``prepare``, ``batch`` and ``getBookmark``.
``prepare``, ``bind``, ``withSession`` and ``getBookmark`` are synchronous as in JavaScript;
the rest are coroutines, thin wrappers over the synchronous core (:mod:`.database`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from math import isfinite
from typing import Any

from workers_env._errors import JsException, add_hint
from workers_env._jscoercions import js_truthy
from workers_env._jsvalues import JS_WHITESPACE, UNDEFINED, JsDict, JsMapArgument, base_value, js_string
from workers_env._options import warn_unread_options
from workers_env.d1 import limits, newersql
from workers_env.d1.database import Database, InternalFailure, QueryResult, SqlFailure
from workers_env.d1.sqltext import exec_lines
from workers_env.d1.values import bind_values, row_lists, row_object, row_objects

__all__ = ["D1Database", "D1DatabaseSession", "D1PreparedStatement"]

FIRST_UNCONSTRAINED = "first-unconstrained"
FIRST_PRIMARY = "first-primary"
#: The compatibility flag (experimental) that sends every query over JSRPC (``fetcher.query``)
#: and makes ``D1Database.query()`` callable.
JSRPC_FLAG = "d1_binding_jsrpc"
# What ``Headers.set`` refuses in a value (after dropping the HTTP whitespace around it): a
# bookmark travels as the ``x-cf-d1-session-commit-token`` header.
_NOT_IN_HEADER = re.compile("[\0\r\n]")
#: the options ``raw()`` reads (d1-api.ts: ``options?.columnNames``)
_RAW_OPTIONS = frozenset({"columnNames"})
_HTTP_WHITESPACE = " \t\r\n"
# a statement made without ``__init__`` (``prepare()`` and ``bind()``: two are made per query)
_new_statement = object.__new__


def _result(result: QueryResult, rpc: bool = False) -> JsDict:
    return JsDict(success=True, meta=result.meta_as(JsDict, rpc=rpc), results=row_objects(result.columns, result.rows))


def _is_number(value: Any) -> bool:
    """A JavaScript number Miniflare's schema takes (``z.number()``: finite)."""
    if isinstance(value, float):
        return isfinite(value)
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= 2**53 - 1  # beyond: a BigInt


def _not_finite(value: Any) -> bool:
    return isinstance(value, float) and not isfinite(value)


def _byte(value: float) -> int:
    """``new Uint8Array([value])[0]``: ToUint8 (NaN and infinities 0, else truncated mod 256)."""
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return 0
    return int(value) & 0xFF


def _request_param(value: Any) -> Any:
    """One of a ``query()`` request's params as Miniflare's schema takes it (a number, string,
    null or array of numbers -- bytes) and its database converts it; ``None`` if refused."""
    if value is None or isinstance(value, str):
        return base_value(value) if value is not None else None
    if _is_number(value):
        return base_value(value)
    if isinstance(value, (list, tuple)) and all(_is_number(v) for v in value):
        return bytes(_byte(v) for v in value)
    raise limits.query_request_error()


def _object(value: Any) -> Mapping[str, Any]:
    """A JavaScript object's properties (a ``Map`` has none); not an object: the schema's refusal."""
    if isinstance(value, JsMapArgument):
        return {}
    if isinstance(value, Mapping):
        return value
    raise limits.query_request_error()


def _query_request(request: Any) -> tuple[list[tuple[str, tuple[Any, ...]]], str | None]:
    """``D1Database.query()``'s request checked as Miniflare's ``D1RpcRequestSchema`` checks it:
    ``{queries: [{sql, params?}], bookmark?}``; the queries as the database runs them."""
    fields = _object(request)
    queries = fields.get("queries")
    bookmark = fields.get("bookmark", UNDEFINED)
    if not isinstance(queries, (list, tuple)) or (bookmark is not UNDEFINED and not isinstance(bookmark, str)):
        raise limits.query_request_error()
    checked = []
    for query in queries:
        item = _object(query)
        sql, params = item.get("sql"), item.get("params")
        if not isinstance(sql, str) or not (params is None or isinstance(params, (list, tuple))):
            raise limits.query_request_error()
        checked.append((base_value(sql), tuple(_request_param(p) for p in params or ())))
    return checked, None if bookmark is UNDEFINED else bookmark


def _sql_text(sql: Any) -> str:
    if isinstance(sql, str):
        return base_value(sql)  # a subclass crosses as its text
    raise limits.d1_error(f"Expected string, received {_zod_type(sql)}: pass the SQL text to prepare()")


def _zod_type(value: Any) -> str:
    """The type a schema check names for a JavaScript value (``null``, ``number``, ``array``...):
    a statement's SQL reaches the database as JSON, where a value that is no text is refused."""
    if value is None or value is UNDEFINED:
        return "null" if value is None else "undefined"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number" if value == value else "nan"
    return "array" if isinstance(value, (list, tuple)) else "object"


def _exec_text(query: Any) -> str:
    """``exec(query)``'s argument as d1-api.ts reads it, ``query.trim()`` first: a value that is
    no string is V8's ``TypeError`` (wrangler dev 4.164.0: ``exec(null)``, ``exec(5)``)."""
    if isinstance(query, str):
        return base_value(query)
    if query is None or query is UNDEFINED:
        raise JsException(f"Cannot read properties of {'null' if query is None else 'undefined'} (reading 'trim')",
                          name="TypeError")
    raise JsException("query.trim is not a function", name="TypeError")


def _argument(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """A method's one argument as JavaScript receives it: further arguments are ignored, and
    keyword arguments are one trailing object (Pyodide's call), so they are the argument only
    when nothing comes before them; ``None`` when none was passed."""
    if args:
        return args[0]
    return dict(kwargs) if kwargs else None


class D1DatabaseSession:
    """A session: queries that read at least what the session's bookmark has seen."""

    JS_METHODS = frozenset({"prepare", "batch", "getBookmark"})

    def __init__(self, database: Database, constraint: str | None, *,
                 hint: Callable[[str], str | None] | None = None, jsrpc: bool = False):
        self._database = database
        self._hint = hint  # a note for an error's message (unapplied migrations), or None
        self._jsrpc = jsrpc  # the d1_binding_jsrpc compatibility flag is on
        self._bookmark: str | None = None
        if constraint is not None:
            constraint = constraint.strip(JS_WHITESPACE)
            if not constraint:
                raise limits.session_error()
            if constraint not in (FIRST_UNCONSTRAINED, FIRST_PRIMARY):
                self._bookmark = constraint

    def __repr__(self) -> str:
        return f"<D1DatabaseSession {self._database.name}>"

    def prepare(self, *args: Any, **kwargs: Any) -> D1PreparedStatement:
        statement = _new_statement(D1PreparedStatement)  # (``__init__`` unrolled: every query's path)
        statement._session, statement.statement = self, args[0] if args else _argument(args, kwargs)
        statement.params, statement._sqlite_params = [], ()
        return statement

    def getBookmark(self, *_ignored: Any, **_options: Any) -> str | None:  # noqa: N802 - the JavaScript name
        """The latest bookmark seen by this session (``None`` before its first query)."""
        return self._bookmark

    def _failure(self, failure: SqlFailure) -> JsException:
        """The error a refused query raises (its text depends on the path the flag picks), noted."""
        message = failure.message
        if isinstance(failure, InternalFailure):
            return limits.internal_error(message, failure.cause, prefix="D1_ERROR: " if self._jsrpc else "")
        error = limits.rpc_error(message) if self._jsrpc else limits.d1_error(message)
        return self._noted(error, message, failure.note)

    def _noted(self, error: JsException, message: str, logged: str | None = None) -> JsException:
        """``error`` with a note saying how to fix it, where one applies, and what the local
        runtime only logs (``logged``; D1's text unchanged)."""
        if logged:
            add_hint(error, logged)
        note = self._hint(message) if self._hint is not None else None
        if note:
            add_hint(error, note)
        older = newersql.older_sqlite_note(message)
        if older:
            add_hint(error, older)
        return error

    def _seen(self, bookmark: str) -> None:
        """d1-api.ts's ``_updateBookmark``: keep the answer's bookmark when it is later than
        the session's (or the session has none yet: a constraint is no bookmark)."""
        bookmark = bookmark.strip(JS_WHITESPACE)
        if bookmark and (self._bookmark is None or self._bookmark < bookmark):
            self._bookmark = bookmark

    def _before_request(self, params: Iterable[Sequence[Any]]) -> None:
        """What fails before a request reaches D1, nothing run, the bookmark unchanged: with
        ``d1_binding_jsrpc`` a bound NaN or infinity (Miniflare's schema refuses it; JSON made it
        ``null``), then a bookmark no HTTP header can carry."""
        if self._jsrpc and any(_not_finite(value) for values in params for value in values):
            raise limits.non_finite_parameter()
        if self._bookmark is not None and _NOT_IN_HEADER.search(self._bookmark):
            raise limits.invalid_header_value(jsrpc=self._jsrpc)

    def _ask(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[QueryResult]:
        """One request to D1 carrying the session's constraint or bookmark: the answer's
        bookmark is kept (Miniflare answers a session's every request with one)."""
        results, bookmark = self._database.query_in_session(queries)
        self._seen(bookmark)
        return results

    def run_queries(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[QueryResult]:
        """The synchronous core of every call: D1's message on failure, nothing written."""
        try:
            return self._ask(queries)
        except SqlFailure as exc:
            raise self._failure(exc) from None

    def run_query(self, sql: str, params: tuple[Any, ...]) -> QueryResult:
        """:meth:`run_queries` of one query (a statement's ``first``/``all``/``run``/``raw``)."""
        return self.run_queries([(sql, params)])[0]

    def run_rows(self, sql: str, params: tuple[Any, ...]) -> tuple[Sequence[str], list[tuple[Any, ...]]]:
        """:meth:`run_query`'s column names and rows (``first``/``raw``: they show no ``meta``)."""
        result = self.run_query(sql, params)
        return result.columns, result.rows

    def batch_sync(self, statements: Any) -> list[JsDict]:
        if not isinstance(statements, (list, tuple)):
            raise JsException(f"{type(statements).__name__} is not a list of statements: "
                              "pass batch([db.prepare(...), ...])", name="TypeError")
        for s in statements:
            if not isinstance(s, D1PreparedStatement):
                raise JsException(f"batch() takes statements from prepare(), got {type(s).__name__}",
                                  name="TypeError")
        self._before_request(s.params for s in statements)
        queries = [s._query() for s in statements]
        return [_result(r, self._jsrpc) for r in self.run_queries(queries)]

    async def batch(self, *args: Any, **kwargs: Any) -> list[JsDict]:
        """Run the statements in one transaction; if one fails, none is applied."""
        return self.batch_sync(_argument(args, kwargs))


class D1Database(D1DatabaseSession):
    """``env.DB``: every query goes to the primary (no bookmark is kept)."""

    JS_METHODS = frozenset({"prepare", "batch", "exec", "withSession", "dump", "query"})
    JS_OPTION_ARGS = {"query": 0}  # query(request): an object d1-api.ts hands over as it is

    def __init__(self, database: Database, *, binding: str | None = None,
                 hint: Callable[[str], str | None] | None = None, jsrpc: bool = False):
        super().__init__(database, None, hint=hint, jsrpc=jsrpc)
        self.binding = binding

    def __repr__(self) -> str:
        return f"<D1Database {self.binding or self._database.name}>"

    @property
    def database(self) -> Database:
        """The SQLite core (tests and tools may inspect it)."""
        return self._database

    def getBookmark(self, *_ignored: Any, **_options: Any) -> None:  # noqa: N802 - the always-primary session has none
        return None

    def _ask(self, queries: Sequence[tuple[str, Sequence[Any]]]) -> list[QueryResult]:
        # the always-primary session sends no bookmark and keeps none
        return self._database.query(queries)

    def run_query(self, sql: str, params: tuple[Any, ...]) -> QueryResult:
        try:
            return self._database.query_one(sql, params)
        except SqlFailure as exc:
            raise self._failure(exc) from None

    def run_rows(self, sql: str, params: tuple[Any, ...]) -> tuple[Sequence[str], list[tuple[Any, ...]]]:
        try:
            return self._database.query_rows(sql, params)
        except SqlFailure as exc:
            raise self._failure(exc) from None

    def withSession(self, *args: Any, **kwargs: Any) -> D1DatabaseSession:  # noqa: N802
        """A session starting at ``"first-unconstrained"`` (default), ``"first-primary"`` or a bookmark."""
        constraintOrBookmark = _argument(args, kwargs)  # noqa: N806 - the JavaScript name
        if constraintOrBookmark is not None and not isinstance(constraintOrBookmark, str):
            raise JsException("constraintOrBookmark?.trim is not a function", name="TypeError")
        value = (constraintOrBookmark or "").strip(JS_WHITESPACE)
        return D1DatabaseSession(self._database, value or FIRST_UNCONSTRAINED, hint=self._hint, jsrpc=self._jsrpc)

    def exec_sync(self, query: Any) -> JsDict:
        sql = _exec_text(query)
        lines = exec_lines(sql)
        queries = [(line, ()) for line in lines]
        try:
            results = self._database.query(queries)
        except InternalFailure as exc:
            raise limits.internal_error(exc.message, exc.cause, prefix="D1_EXEC_ERROR: " if self._jsrpc else "") from None
        except SqlFailure as exc:
            error = limits.rpc_exec_error(exc.message) if self._jsrpc else limits.exec_error(lines[0], exc.message)
            raise self._noted(error, exc.message, exc.note) from None
        duration = sum(r.duration for r in results)
        return JsDict(count=len(results), duration=duration)

    async def exec(self, *args: Any, **kwargs: Any) -> JsDict:
        """Run ``query``, one query per line, in one transaction: ``{count, duration}``."""
        return self.exec_sync(_argument(args, kwargs))

    async def dump(self, *_ignored: Any, **_options: Any) -> Any:
        """Deprecated (alpha databases only); the local runtime answers 404 as here."""
        raise JsException("D1_DUMP_ERROR: Status + 404")

    def query_sync(self, request: Any) -> JsDict:
        if not self._jsrpc:
            raise limits.d1_error(
                f"D1Database.query() requires the {JSRPC_FLAG} compatibility flag. "
                f"Enable {JSRPC_FLAG} before calling query()."
            )
        queries, bookmark = _query_request(request)
        # Miniflare's entry sends a non-empty bookmark as a header (HTTP whitespace around it
        # dropped; a NUL, CR or LF refused); D1's object answers with the next bookmark when
        # the header's value, trimmed as JavaScript trims, is not empty
        header = bookmark.strip(_HTTP_WHITESPACE) if bookmark else None
        if header is not None and _NOT_IN_HEADER.search(header):
            raise limits.invalid_header_value(jsrpc=True, request=True)
        try:
            if header is not None and header.strip(JS_WHITESPACE):
                results, token = self._database.query_in_session(queries)
            else:
                results, token = self._database.query(queries), None
        except InternalFailure as exc:
            raise limits.internal_error(exc.message, exc.cause) from None
        except SqlFailure as exc:
            raise self._noted(limits.d1_error(exc.message), exc.message, exc.note) from None
        answer = JsDict(results=[
            JsDict(meta=r.meta_as(JsDict, rpc=True),
                   data=JsDict(kind="raw", columns=list(r.columns), rows=row_lists(r.rows)))
            for r in results])
        if token is not None:
            answer["bookmark"] = token
        return answer

    async def query(self, *args: Any, **kwargs: Any) -> JsDict:
        """``{results: [{meta, data: {kind: "raw", columns, rows}}], bookmark?}`` for
        ``{queries: [{sql, params?}], bookmark?}``, run in one transaction; only with the
        ``d1_binding_jsrpc`` compatibility flag (without it, D1's ``D1_ERROR`` saying so)."""
        return self.query_sync(_argument(args, kwargs))


class D1PreparedStatement:
    """A statement and its bound values; immutable (``bind`` returns a new statement)."""

    JS_METHODS = frozenset({"bind", "first", "all", "run", "raw", "statement", "params"})
    JS_REST_ARGS = frozenset({"bind"})  # bind(...values): Worker code's None is undefined there
    JS_OPTION_ARGS = {"raw": 0}  # raw(options): JavaScript reads options?.columnNames (d1-api.ts)
    __slots__ = ("_session", "statement", "params", "_sqlite_params")  # two are made per query

    def __init__(self, session: D1DatabaseSession, statement: Any, params: list[Any] | None = None,
                 sqlite_params: tuple[Any, ...] = ()):
        self._session = session
        self.statement = statement
        self.params = [] if params is None else params
        self._sqlite_params = sqlite_params  # ``params`` as SQLite receives them

    def __repr__(self) -> str:
        return f"<D1PreparedStatement {self.statement!r}>"

    def bind(self, *values: Any, **named: Any) -> D1PreparedStatement:
        """A new statement with ``values`` bound to ``?``/``?NNN`` in order (D1's type rules).

        D1 binds by position only; keywords reach JavaScript as Pyodide sends them, as one
        object after the values, which D1 refuses (``D1_TYPE_ERROR``, with a note how to bind)."""
        if not named:
            bound = _new_statement(D1PreparedStatement)  # (``__init__`` unrolled: every query's path)
            bound._session, bound.statement = self._session, self.statement
            bound.params, bound._sqlite_params = bind_values(values)
            return bound
        try:
            kept, sent = bind_values((*values, named))  # the trailing object: D1 refuses it
        except JsException as error:
            add_hint(error, limits.BIND_BY_POSITION)
            raise
        return D1PreparedStatement(self._session, self.statement, kept, sent)

    def _query(self) -> tuple[str, tuple[Any, ...]]:
        return _sql_text(self.statement), self._sqlite_params

    def _one(self) -> QueryResult:
        session = self._session
        if session._jsrpc or session._bookmark is not None:
            session._before_request((self.params,))
        statement = self.statement  # (``_query()`` inlined: this is every call's path)
        sql = statement if type(statement) is str else _sql_text(statement)
        return session.run_query(sql, self._sqlite_params)

    def _rows(self) -> tuple[Sequence[str], list[tuple[Any, ...]]]:
        """:meth:`_one`'s column names and rows (``first``, ``raw``)."""
        session = self._session
        if session._jsrpc or session._bookmark is not None:
            session._before_request((self.params,))
        statement = self.statement
        sql = statement if type(statement) is str else _sql_text(statement)
        return session.run_rows(sql, self._sqlite_params)

    # synchronous cores

    def all_sync(self) -> JsDict:
        return _result(self._one(), self._session._jsrpc)

    def first_sync(self, column: Any = UNDEFINED) -> Any:
        """The first row, or its ``column``. ``None`` is JavaScript's ``null`` (the external SDK's
        ``None``), which d1-api.ts's ``colName !== undefined`` takes as a name: ``"null"``."""
        columns, rows = self._rows()
        if not rows:
            return None
        row = row_object(columns, rows[0])
        if column is UNDEFINED:
            return row
        key = column if type(column) is str else js_string(column)  # JavaScript's property key
        if key not in row:
            raise limits.column_not_found(key)
        return row[key]

    def raw_sync(self, options: Any = None) -> list[list[Any]]:
        warn_unread_options("raw", options, _RAW_OPTIONS)
        columns, rows = self._rows()
        lists = row_lists(rows)
        if isinstance(options, Mapping) and js_truthy(options.get("columnNames")):
            return [list(columns), *lists]
        return lists

    # what Worker code awaits

    async def first(self, *args: Any, **kwargs: Any) -> Any:
        """The first row as an object, or its ``colName`` value; ``None`` without rows."""
        if args or kwargs:
            return self.first_sync(_argument(args, kwargs))
        columns, rows = self._rows()  # (``first_sync()`` inlined: every point query's path)
        return row_object(columns, rows[0]) if rows else None

    async def all(self, *_ignored: Any, **_options: Any) -> JsDict:
        """``{success, meta, results}`` with every row as an object."""
        return _result(self._one(), self._session._jsrpc)

    async def run(self, *_ignored: Any, **_options: Any) -> JsDict:
        """As :meth:`all` (the runtime returns the rows here too)."""
        return _result(self._one(), self._session._jsrpc)

    async def raw(self, options: Any = None, /, *_ignored: Any, **kwargs: Any) -> list[list[Any]]:
        """Rows as arrays; ``{"columnNames": True}`` puts the column names first. Keywords are
        the options only without a positional one (Pyodide's trailing object, never read after it)."""
        if kwargs and options is None:
            options = kwargs
        return self.raw_sync(options)
