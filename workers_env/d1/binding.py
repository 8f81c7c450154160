"""The D1 binding as Worker code sees it: ``D1Database``, sessions and prepared statements.

Names, arguments, result shapes and error texts follow workerd's ``d1-api.ts``:
``prepare(sql)`` gives a statement (``bind``, ``first``, ``all``, ``run``, ``raw``);
``batch([...])`` runs statements in one transaction; ``exec(sql)`` runs one query per line;
``withSession(...)`` gives a session with ``prepare``, ``batch`` and ``getBookmark``.
``prepare``, ``bind``, ``withSession`` and ``getBookmark`` are synchronous as in JavaScript;
the rest are coroutines, thin wrappers over the synchronous core (:mod:`.database`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from workers_env._errors import JsException
from workers_env._jsvalues import UNDEFINED, JsDict, base_value, js_string, js_truthy
from workers_env.d1 import limits
from workers_env.d1.database import Database, QueryResult, SqlFailure
from workers_env.d1.sqltext import exec_lines
from workers_env.d1.values import bind_values, cell, row_lists, row_objects

__all__ = ["D1Database", "D1DatabaseSession", "D1PreparedStatement"]

FIRST_UNCONSTRAINED = "first-unconstrained"
FIRST_PRIMARY = "first-primary"


def _result(result: QueryResult) -> JsDict:
    return JsDict(success=True, meta=result.meta_as(JsDict), results=row_objects(result.columns, result.rows))


def _sql_text(sql: Any) -> str:
    if isinstance(sql, str):
        return base_value(sql)  # a subclass crosses as its text
    raise limits.d1_error(f"Expected string, received {type(sql).__name__}: pass the SQL text to prepare()")


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
                 hint: Callable[[str], str | None] | None = None):
        self._database = database
        self._hint = hint  # a note for an error's message (unapplied migrations), or None
        self._bookmark: str | None = None
        if constraint is not None:
            constraint = constraint.strip()
            if not constraint:
                raise limits.session_error()
            if constraint not in (FIRST_UNCONSTRAINED, FIRST_PRIMARY):
                self._bookmark = constraint

    def __repr__(self) -> str:
        return f"<D1DatabaseSession {self._database.name}>"

    def prepare(self, *args: Any, **kwargs: Any) -> D1PreparedStatement:
        return D1PreparedStatement(self, _argument(args, kwargs))

    def getBookmark(self, *_ignored: Any, **_options: Any) -> str | None:  # noqa: N802 - the JavaScript name
        """The latest bookmark seen by this session (``None`` before its first query)."""
        return self._bookmark

    def _noted(self, error: JsException, message: str) -> JsException:
        """``error`` with a note saying how to fix it, where one applies (D1's text unchanged)."""
        note = self._hint(message) if self._hint is not None else None
        if note:
            error.add_note(note)
        return error

    def _seen(self, bookmark: str) -> None:
        """d1-api.ts's ``_updateBookmark``: keep the answer's bookmark when it is later than
        the session's (or the session has none yet: a constraint is no bookmark)."""
        bookmark = bookmark.strip()
        if bookmark and (self._bookmark is None or self._bookmark < bookmark):
            self._bookmark = bookmark

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
            raise self._noted(limits.d1_error(exc.message), exc.message) from None

    def run_query(self, sql: str, params: tuple[Any, ...]) -> QueryResult:
        """:meth:`run_queries` of one query (a statement's ``first``/``all``/``run``/``raw``)."""
        return self.run_queries([(sql, params)])[0]

    def batch_sync(self, statements: Any) -> list[JsDict]:
        if not isinstance(statements, (list, tuple)):
            raise JsException(f"{type(statements).__name__} is not a list of statements: "
                              "pass batch([db.prepare(...), ...])", name="TypeError")
        for s in statements:
            if not isinstance(s, D1PreparedStatement):
                raise JsException(f"batch() takes statements from prepare(), got {type(s).__name__}",
                                  name="TypeError")
        queries = [s._query() for s in statements]
        return [_result(r) for r in self.run_queries(queries)]

    async def batch(self, *args: Any, **kwargs: Any) -> list[JsDict]:
        """Run the statements in one transaction; if one fails, none is applied."""
        return self.batch_sync(_argument(args, kwargs))


class D1Database(D1DatabaseSession):
    """``env.DB``: every query goes to the primary (no bookmark is kept)."""

    JS_METHODS = frozenset({"prepare", "batch", "exec", "withSession", "dump", "query"})

    def __init__(self, database: Database, *, binding: str | None = None,
                 hint: Callable[[str], str | None] | None = None):
        super().__init__(database, None, hint=hint)
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
            raise self._noted(limits.d1_error(exc.message), exc.message) from None

    def withSession(self, *args: Any, **kwargs: Any) -> D1DatabaseSession:  # noqa: N802
        """A session starting at ``"first-unconstrained"`` (default), ``"first-primary"`` or a bookmark."""
        constraintOrBookmark = _argument(args, kwargs)  # noqa: N806 - the JavaScript name
        if constraintOrBookmark is not None and not isinstance(constraintOrBookmark, str):
            raise JsException("constraintOrBookmark?.trim is not a function", name="TypeError")
        value = (constraintOrBookmark or "").strip()
        return D1DatabaseSession(self._database, value or FIRST_UNCONSTRAINED, hint=self._hint)

    def exec_sync(self, query: Any) -> JsDict:
        sql = _sql_text(query)
        lines = exec_lines(sql)
        queries = [(line, ()) for line in lines]
        try:
            results = self._database.query(queries)
        except SqlFailure as exc:
            raise self._noted(limits.exec_error(lines[0], exc.message), exc.message) from None
        duration = sum(r.duration for r in results)
        return JsDict(count=len(results), duration=duration)

    async def exec(self, *args: Any, **kwargs: Any) -> JsDict:
        """Run ``query``, one query per line, in one transaction: ``{count, duration}``."""
        return self.exec_sync(_argument(args, kwargs))

    async def dump(self, *_ignored: Any, **_options: Any) -> Any:
        """Deprecated (alpha databases only); the local runtime answers 404 as here."""
        raise JsException("D1_DUMP_ERROR: Status + 404")

    async def query(self, *_ignored: Any, **_options: Any) -> Any:
        raise limits.d1_error(
            "D1Database.query() requires the d1_binding_jsrpc compatibility flag. "
            "Enable d1_binding_jsrpc before calling query()."
        )


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
            return D1PreparedStatement(self._session, self.statement, *bind_values(values))
        try:
            bound = bind_values((*values, named))  # the trailing object: D1 refuses it
        except JsException as error:
            error.add_note(limits.BIND_BY_POSITION)
            raise
        return D1PreparedStatement(self._session, self.statement, *bound)

    def _query(self) -> tuple[str, tuple[Any, ...]]:
        return _sql_text(self.statement), self._sqlite_params

    def _one(self) -> QueryResult:
        statement = self.statement  # (``_query()`` inlined: this is every call's path)
        sql = statement if type(statement) is str else _sql_text(statement)
        return self._session.run_query(sql, self._sqlite_params)

    # synchronous cores

    def all_sync(self) -> JsDict:
        return _result(self._one())

    def first_sync(self, column: Any = UNDEFINED) -> Any:
        """The first row, or its ``column``. ``None`` is JavaScript's ``null`` (the external SDK's
        ``None``), which d1-api.ts's ``colName !== undefined`` takes as a name: ``"null"``."""
        result = self._one()
        rows = result.rows
        if not rows:
            return None
        row = JsDict(zip(result.columns, map(cell, rows[0])))  # row_objects() of one row, inlined
        if column is UNDEFINED:
            return row
        key = column if type(column) is str else js_string(column)  # JavaScript's property key
        if key not in row:
            raise limits.column_not_found(key)
        return row[key]

    def raw_sync(self, options: Any = None) -> list[list[Any]]:
        result = self._one()
        rows = row_lists(result.rows)
        if isinstance(options, Mapping) and js_truthy(options.get("columnNames")):
            return [list(result.columns), *rows]
        return rows

    # what Worker code awaits

    async def first(self, *args: Any, **kwargs: Any) -> Any:
        """The first row as an object, or its ``colName`` value; ``None`` without rows."""
        return self.first_sync(_argument(args, kwargs)) if args or kwargs else self.first_sync()

    async def all(self, *_ignored: Any, **_options: Any) -> JsDict:
        """``{success, meta, results}`` with every row as an object."""
        return _result(self._one())

    async def run(self, *_ignored: Any, **_options: Any) -> JsDict:
        """As :meth:`all` (the runtime returns the rows here too)."""
        return _result(self._one())

    async def raw(self, options: Any = None, /, *_ignored: Any, **kwargs: Any) -> list[list[Any]]:
        """Rows as arrays; ``{"columnNames": True}`` puts the column names first."""
        if kwargs:
            options = {**(options if isinstance(options, Mapping) else {}), **kwargs}
        return self.raw_sync(options)
