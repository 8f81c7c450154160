"""Every D1 limit and error text, in one place.

The texts are those the D1 binding (workerd's ``d1-api.ts``) and the SQLite storage under it
(workerd's ``sqlite.c++``, which Miniflare and so ``wrangler dev`` run) produce; each was
checked against the real binding with ``tools/wrangler/d1_differential.py``. The limits are
the ones workerd sets on every D1/Durable Object SQLite connection (``setupSecurity``).
"""

from __future__ import annotations

import sqlite3

from workers_env._errors import JsException, add_hint

__all__ = [
    "MAX_BOUND_PARAMETERS",
    "MAX_VDBE_OPS",
    "OUT_OF_MEMORY",
    "SQLITE_LIMITS",
    "ALLOWED_FUNCTIONS",
    "ALLOWED_PRAGMAS",
    "NOT_BUILT_IN_WORKERD",
    "WORKERD_MODULES",
    "RESERVED_PREFIX",
    "TRANSACTION_REFUSED",
    "NO_STATEMENTS",
    "NOT_A_STATEMENT",
    "VACUUM_IN_TRANSACTION",
    "STATEMENT_TOO_LONG",
    "SQLITE_NEWER_TEXTS",
    "MAX_VALUE_BYTES",
    "WRONG_PARAMETER_COUNT",
    "ONLY_LAST_HAS_PARAMETERS",
    "BIND_BY_POSITION",
    "d1_error",
    "exec_error",
    "type_error",
    "column_not_found",
    "session_error",
    "invalid_header_value",
    "non_finite_parameter",
]

#: Bound parameters per query (``?NNN`` may go up to ``?100``).
MAX_BOUND_PARAMETERS = 100

#: Bytes in one string, BLOB or row. Measured on the local runtime of wrangler 4.164
#: (``SELECT length(?)`` of 8,388,642 bytes works, one more is ``SQLITE_TOOBIG``; a row's
#: record counts its header too: a one-column row's value tops out at 8,388,637); workerd's
#: current source sets 4 MiB and Cloudflare documents 2 MB for the service.
MAX_VALUE_BYTES = 8_388_642

#: Opcodes in one statement's program. workerd's source sets ``SQLITE_LIMIT_VDBE_OP`` to 25,000,
#: yet wrangler 4.164's local runtime runs a statement of 172,030 opcodes (``EXPLAIN`` counts them)
#: and refuses one of 172,033 with :data:`OUT_OF_MEMORY` (measured with
#: ``tools/wrangler/d1_differential.py``): SQLite grows a program's opcode array by doubling from
#: 42 entries, so 172,032 (42 * 2**12) is the largest it holds there, and with this limit here.
MAX_VDBE_OPS = 172_032

#: SQLite's ``SQLITE_NOMEM`` (a program past :data:`MAX_VDBE_OPS`), as workerd words it.
OUT_OF_MEMORY = "out of memory: SQLITE_NOMEM"

#: ``sqlite3_limit`` values of workerd's ``SqliteDatabase::setupSecurity``, but for
#: :data:`MAX_VDBE_OPS`.
SQLITE_LIMITS: dict[int, int] = {
    sqlite3.SQLITE_LIMIT_LENGTH: MAX_VALUE_BYTES,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,  # bytes in one SQL statement
    sqlite3.SQLITE_LIMIT_COLUMN: 100,  # columns in a table, index, view or result
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 5,
    sqlite3.SQLITE_LIMIT_VDBE_OP: MAX_VDBE_OPS,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 127,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 50,
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: MAX_BOUND_PARAMETERS,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 10,
    sqlite3.SQLITE_LIMIT_WORKER_THREADS: 0,
}

#: SQLite's own error texts that its later versions reworded: CPython's ``sqlite3`` may link an
#: older SQLite (3.40 on Debian 12) than the one workerd bundles (3.54), whose wording the local
#: runtime answers with (measured on wrangler 4.164 with ``tools/wrangler/d1_differential.py``).
#: Keyed by (result code, whole text): a ``RAISE(ABORT, '<the old text>')`` (SQLITE_CONSTRAINT)
#: is the user's own message, which workerd reports word for word.
SQLITE_NEWER_TEXTS: dict[tuple[int, str], str] = {
    # more than SQLITE_LIMIT_TRIGGER_DEPTH (10) nested trigger programs
    (sqlite3.SQLITE_ERROR, "too many levels of trigger recursion"): "triggers nested too deep",
}

#: Tables, indexes, triggers and savepoints named with this prefix (any case) are the
#: runtime's own; user SQL may not touch them.
RESERVED_PREFIX = "_cf_"

#: SQL functions user statements may call (workerd's ``ALLOWED_SQLITE_FUNCTIONS``).
ALLOWED_FUNCTIONS = frozenset("""
abs changes char coalesce concat concat_ws format glob hex ifnull iif instr last_insert_rowid length like
likelihood likely load_extension lower ltrim max_scalar min_scalar nullif octet_length printf quote random
randomblob replace round rtrim sign soundex substr substring total_changes trim typeof unhex unicode unlikely
upper zeroblob date time datetime julianday unixepoch strftime timediff current_date current_time
current_timestamp avg count group_concat max min string_agg sum total row_number rank dense_rank percent_rank
cume_dist ntile lag lead first_value last_value nth_value acos acosh asin asinh atan atan2 atanh ceil cos cosh
degrees exp floor ln log log2 mod pi pow radians sin sinh sqrt tan tanh trunc json jsonb json_array jsonb_array
json_array_length json_extract jsonb_extract -> ->> json_insert jsonb_insert json_object jsonb_object json_patch
jsonb_patch json_remove jsonb_remove json_replace jsonb_replace json_set jsonb_set json_type json_valid
json_quote json_group_array jsonb_group_array json_group_object jsonb_group_object json_each json_tree match
highlight bm25 snippet rtreecheck sqlite_rename_column sqlite_rename_table sqlite_rename_test
sqlite_drop_column sqlite_rename_quotefix
""".split())

#: Functions a system SQLite may have that workerd's build leaves out (``SQLITE_SOUNDEX``):
#: D1's allow-list names it, its SQLite answers ``no such function``.
NOT_BUILT_IN_WORKERD = frozenset({"soundex"})

#: The virtual table modules workerd's SQLite has (``SQLITE_ENABLE_FTS5``, ``SQLITE_ENABLE_RTREE``,
#: the built-in JSON ones); others a system SQLite brings are dropped from each connection.
WORKERD_MODULES = frozenset({"fts5", "fts5vocab", "rtree", "rtree_i32", "json_each", "json_tree"})

#: PRAGMAs user statements may run, by the argument they accept (workerd's ``ALLOWED_PRAGMAS``,
#: plus ``table_list`` and ``table_info``/``table_xinfo`` which it allows separately).
ALLOWED_PRAGMAS: dict[str, str] = {
    "data_version": "none",
    "page_size": "none",
    "case_sensitive_like": "boolean",
    "foreign_keys": "boolean",
    "defer_foreign_keys": "boolean",
    "ignore_check_constraints": "boolean",
    "legacy_alter_table": "boolean",
    "recursive_triggers": "boolean",
    "reverse_unordered_selects": "boolean",
    "foreign_key_check": "optional-name",
    "foreign_key_list": "name",
    "index_info": "name",
    "index_list": "name",
    "index_xinfo": "name",
    "quick_check": "number-or-name",
    "optimize": "number",
    "table_list": "any",
    "table_info": "name",
    "table_xinfo": "name",
}

#: What a ``BEGIN``/``COMMIT``/``SAVEPOINT`` statement gets: D1 runs each call in a transaction.
TRANSACTION_REFUSED = (
    "To execute a transaction, please use the state.storage.transaction() or "
    "state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT "
    "statements. The JavaScript API is safer because it will automatically roll back on "
    "exceptions, and because it interacts correctly with Durable Objects' automatic atomic "
    "write coalescing."
)
NO_STATEMENTS = "No SQL statements detected."
#: ``VACUUM`` (D1 runs every query in a transaction).
VACUUM_IN_TRANSACTION = "cannot VACUUM from within a transaction: SQLITE_ERROR"
NOT_A_STATEMENT = "SQL code did not contain a statement."
STATEMENT_TOO_LONG = "statement too long: SQLITE_TOOBIG"
WRONG_PARAMETER_COUNT = "Wrong number of parameter bindings for SQL query."
ONLY_LAST_HAS_PARAMETERS = (
    "When executing multiple SQL statements in a single call, only the last statement can have parameters."
)
#: The note on ``bind()`` given keywords (workers-env's; D1's own error stays as it is).
BIND_BY_POSITION = (
    "bind() takes values by position only: D1 binds the n-th value to parameter n (?n, and a named "
    ":name/@name/$name by the order it first appears in), so write bind(a, b), not bind(name=a). A "
    "keyword argument reaches JavaScript as one object after the values, which D1 cannot bind."
)


def d1_error(message: str) -> JsException:
    """``D1_ERROR: <message>`` -- a query the database refused (SQL errors, limits)."""
    return JsException(f"D1_ERROR: {message}")


def exec_error(first_line: str, message: str) -> JsException:
    """``exec()``'s error: the runtime always reports line 1 (its own comment says so)."""
    return JsException(f"D1_EXEC_ERROR: Error in line 1: {first_line}: {message}")


def rpc_error(message: str) -> JsException:
    """A refusal on the ``d1_binding_jsrpc`` path: the D1 service's error crosses JSRPC as an
    error whose message already says ``D1_ERROR: <message>``, and d1-api.ts prefixes it again."""
    return JsException(f"D1_ERROR: D1_ERROR: {message}")


def rpc_exec_error(message: str) -> JsException:
    """``exec()``'s error on the ``d1_binding_jsrpc`` path: no line, the service's text prefixed."""
    return JsException(f"D1_EXEC_ERROR: D1_ERROR: {message}")


def bookmark_failure_note(cause: str) -> str:
    """The note of ``Failed to get session commit token: internal error; ...``: what workerd logs."""
    return (f"the session's bookmark could not be written: {cause}; workerd logs that, the Worker gets an "
            "internal error, and nothing the request wrote is kept")


def internal_error(message: str, cause: str, *, prefix: str = "") -> JsException:
    """A request whose commit failed (``message``: ``internal error; reference = <id>``): the
    Worker gets workerd's generic error, bare, or with ``d1_binding_jsrpc`` after d1-api.ts's
    ``D1_ERROR: ``/``D1_EXEC_ERROR: `` (``prefix``); the note says what workerd only logs."""
    error = JsException(f"{prefix}{message}")
    add_hint(error, f"the transaction failed to commit: {cause} (a deferred foreign key -- PRAGMA "
                   "defer_foreign_keys or DEFERRABLE INITIALLY DEFERRED -- still violated at the end of "
                   "the request); workerd logs that, the Worker gets an internal error, nothing is "
                   "written and D1's object restarts")
    return error


def query_request_error() -> JsException:
    """``query()`` of a request Miniflare's schema refuses (``D1RpcRequestSchema``): its
    ZodError reaches the Worker as an ``Error`` whose message is only ``ZodError``."""
    error = JsException("ZodError")
    add_hint(error, "query() takes {queries: [{sql: str, params?: [number | str | None | list of byte values]}], "
                   "bookmark?: str}")
    return error


def type_error(js_type: str, shown: str) -> JsException:
    """``bind()`` of a value D1 cannot store."""
    return JsException(f"D1_TYPE_ERROR: Type '{js_type}' not supported for value '{shown}'")


def column_not_found(column: str) -> JsException:
    """``first(column)`` naming a column the first row does not have."""
    return JsException(f"D1_COLUMN_NOTFOUND: Column not found ({column})")


def session_error() -> JsException:
    return JsException("D1_SESSION_ERROR: invalid bookmark or constraint")


def invalid_header_value(*, jsrpc: bool, request: bool = False) -> JsException:
    """A session's bookmark (or ``query()``'s) holding a NUL, CR or LF: it travels as the
    ``x-cf-d1-session-commit-token`` header, and ``Headers.set`` refuses it before anything
    runs. d1-api.ts lets the ``TypeError`` through, its ``d1_binding_jsrpc`` path wraps it as
    ``D1_ERROR: <message>``; ``query()``'s own request (``request``) gets it bare."""
    if jsrpc and not request:
        error = JsException("D1_ERROR: Invalid header value.")
    else:
        error = JsException("Invalid header value.", name="TypeError")
    add_hint(error, "a D1 bookmark is sent as an HTTP header value: pass one getBookmark() returned "
                   "(no NUL, CR or LF in it)")
    return error


def non_finite_parameter() -> JsException:
    """With ``d1_binding_jsrpc``, a statement bound to NaN or an infinity: the value crosses JSRPC
    as it is (JSON would have made it ``null``) and Miniflare's schema (``z.number()``) refuses it."""
    error = JsException("D1_ERROR: ZodError")
    add_hint(error, "with the d1_binding_jsrpc flag D1 refuses NaN and infinities as bound values: "
                   "bind None (NULL) instead")
    return error
