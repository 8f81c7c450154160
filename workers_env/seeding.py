"""Filling an env's bindings before a test or a script: vectors, KV keys and D1 schemas.

The pytest plugin's markers and fixtures use these, and so can any code without pytest (a
``unittest`` suite, a notebook, a seeding script): ``seed_vectors(env, "VECTORIZE", "docs.ndjson")``,
``seed_kv(env, "CACHE", {"k": "v"})``, ``apply_d1_schema(env, "DB")``. Each is synchronous, checks
everything before it writes, and raises a ``ConfigError`` saying what to pass.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers_env._errors import ConfigError

if TYPE_CHECKING:
    from workers_env._env import Env

__all__ = ["SchemaNamingError", "apply_d1_schema", "seed_binding", "seed_kv", "seed_kv_namespace", "seed_vectors"]


class SchemaNamingError(ConfigError):
    """A D1 schema that names nothing to apply: not a D1 binding, no migrations folder or file."""


def _short(value: Any) -> str:
    """``repr(value)``, cut to a length a one-line message can hold."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _config_named(env: Env) -> str:
    """`` (from <config file>)``: which config the env was built from, for messages."""
    path = getattr(env.config, "path", None)
    return f" (from {path})" if path else ""


def _near_binding(name: Any, names: list[str]) -> str:
    """`` (did you mean 'VECTORIZE'?)`` for a binding name misspelt, else ``""``."""
    if not isinstance(name, str):
        return ""
    close = [n for n in names if n.casefold() == name.casefold()] or difflib.get_close_matches(name, names, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def checked_env(env: Any, call: str) -> Env:
    """``env`` if it is an :class:`~workers_env.Env`, else a ``ConfigError`` saying what ``call``
    takes (a ``Worker`` passed where its env goes: ``worker.env``)."""
    from workers_env._env import Env

    if isinstance(env, Env):
        return env
    hint = (f": pass its env, {call}(worker.env, ...)" if isinstance(getattr(env, "env", None), Env)
            else ", as load_env(...) or load_worker(...).env return it")
    raise ConfigError(f"{call}() takes the env whose binding it fills, a workers_env.Env; got "
                      f"{type(env).__name__} {_short(env)}{hint}")


def _base(env: Env, base: str | os.PathLike[str] | None) -> Path:
    """Where relative paths are read from: ``base``, else the env's config's folder (else the current one)."""
    if base is not None:
        return Path(base)
    config = getattr(env, "config", None)
    return Path(config.root) if config is not None else Path(".")


def binding_named(env: Env, binding: Any, kind: str = "Vectorize", method: str = "upsert_sync") -> Any:
    """The emulator of ``env.<binding>`` to seed (one with ``method``, a ``kind`` binding), else a
    ``ConfigError`` naming the env's bindings of that kind."""
    if not isinstance(binding, str) or binding not in env:
        from workers_env._env import env_config, unknown_fields_note

        raise ConfigError(f"cannot seed {binding!r}{_near_binding(binding, list(env))}: the env has "
                          f"{', '.join(env) or 'no bindings'}{_config_named(env)}{unknown_fields_note(env_config(env))}")
    unwrapped = getattr(env, "unwrapped", None)
    target = unwrapped(binding) if callable(unwrapped) else env[binding]  # the emulator, whatever the era
    if not callable(getattr(target, method, None)):
        same = [name for name in env if callable(getattr(env.unwrapped(name), method, None))]
        raise ConfigError(f"cannot seed {binding!r}: it is not a {kind} binding; the env's {kind} "
                          f"bindings: {', '.join(same) or 'none'}{_config_named(env)}")
    return target


def seed_vectors(env: Env, binding: str, source: Any, *, namespace: str | None = None,
                 base: str | os.PathLike[str] | None = None) -> int:
    """Upsert vectors into ``env.<binding>`` (a Vectorize binding) now: a list of vector dicts or an
    NDJSON file as ``wrangler vectorize insert --file`` takes (relative to ``base``, by default the
    config's folder). Returns how many were written."""
    env = checked_env(env, "seed_vectors")
    return seed_binding(binding_named(env, binding), source, namespace=namespace, base=_base(env, base))


def seed_kv(env: Env, binding: str, source: Any, *, base: str | os.PathLike[str] | None = None) -> int:
    """Put keys into ``env.<binding>`` (a KV binding) now: ``{key: value}``, a list of items as
    ``wrangler kv bulk put`` takes them, or such a JSON file (relative to ``base``, by default the
    config's folder). Returns how many were written."""
    env = checked_env(env, "seed_kv")
    return seed_kv_namespace(binding_named(env, binding, "KV", "put_many_sync"), source, base=_base(env, base))


def _load_vectors(source: Any, base: Path) -> list[dict[str, Any]]:
    from workers_env.vectorize.ndjson import read_ndjson_vectors

    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        return read_ndjson_vectors(path if path.is_absolute() else base / path)
    if isinstance(source, Mapping):
        raise ConfigError("the vectors to seed are a list of vector dicts or an NDJSON file's path, got one dict: "
                          "put it in a list, [{...}]")
    try:
        vectors = list(source)
    except TypeError:
        raise ConfigError("the vectors to seed are a list of vector dicts or an NDJSON file's path, "
                          f"got {type(source).__name__}") from None
    for position, vector in enumerate(vectors):
        if not isinstance(vector, Mapping):
            raise ConfigError(f"the vectors to seed are vector dicts ({{\"id\": ..., \"values\": [...]}}); item "
                              f"{position} is {type(vector).__name__}")
    return [dict(v) for v in vectors]


def seed_binding(binding: Any, source: Any, *, namespace: str | None = None, base: str | os.PathLike[str] = ".") -> int:
    """Upsert vectors into a Vectorize binding synchronously; returns how many were written.

    ``source`` is a list of vector dicts or the path of an NDJSON file in the format
    ``wrangler vectorize insert --file`` takes (relative paths against ``base``).
    ``namespace`` applies to vectors that name none. All of them go in one write, past the
    binding's 1000-vector limit, so a vector the binding refuses (wrong dimensions, no id) --
    the 1001st as the first -- writes none; its error is a ``ConfigError`` in the binding's words.
    """
    from workers_env._errors import JsException
    from workers_env.vectorize.limits import MAX_VECTORS_PER_WRITE

    if not callable(getattr(binding, "upsert_sync", None)):
        raise ConfigError(f"cannot seed vectors into {type(binding).__name__}: it is not a Vectorize binding "
                          "(pass env.unwrapped(NAME) of a [[vectorize]] binding)")
    vectors = _load_vectors(source, Path(base))
    if namespace is not None:
        for vector in vectors:
            vector.setdefault("namespace", namespace)
    if not vectors:
        return 0
    try:  # no event loop needed
        binding.upsert_sync(vectors, max_vectors=max(len(vectors), MAX_VECTORS_PER_WRITE))
    except JsException as exc:  # upsert's own check: 'Error: VECTOR_UPSERT_ERROR (code = 40012): ...'
        raise ConfigError(str(exc)) from None
    return len(vectors)


#: the fields of an item of ``wrangler kv bulk put``'s file (wrangler's ``KeyValue``)
_KV_ITEM_FIELDS = ("key", "value", "metadata", "expiration", "expiration_ttl", "base64")
_JSON_KINDS = {dict: "an object", str: "a string", int: "a number", float: "a number", bool: "a boolean"}
_KV_SOURCE = ('a dict {key: value}, a list of {"key": ..., "value": ...} items (metadata, expiration, expiration_ttl '
              "and base64 as `wrangler kv bulk put` takes them) or the path of such a JSON file")


def _kv_file(path: Path) -> Any:
    """A ``wrangler kv bulk put`` file: strict JSON (``NaN`` refused), its numbers doubles as
    wrangler reads them (``JSON.parse``: an integer past 2**53 rounded, one past a double's range
    Infinity, as ``1e400``)."""
    import json

    from workers_env._jsontext import json_int

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"cannot read the KV items file {path}: {reason}") from None

    def refuse(constant: str) -> Any:
        raise ValueError(f"{constant} is not JSON")

    try:
        return json.loads(text, parse_int=json_int, parse_constant=refuse)
    except ValueError as exc:
        where = f" at line {exc.lineno} column {exc.colno}" if isinstance(exc, json.JSONDecodeError) else ""
        message = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise ConfigError(f"the KV items file {path} is not JSON ({message}{where}): it holds a JSON array of "
                          '{"key": ..., "value": ...} objects, as `wrangler kv bulk put` takes') from None


def _kv_item(position: int, item: Any) -> tuple[Any, Any, dict[str, Any] | None]:
    """One ``{"key", "value", ...}`` item as ``(key, value, put options)``."""
    from workers_env.cli.kv.bulk import node_base64

    if not isinstance(item, Mapping):
        raise ConfigError(f'KV items are {{"key": ..., "value": ...}} dicts; item {position} is {type(item).__name__} '
                          f"{_short(item)}")
    for field in item:
        if field not in _KV_ITEM_FIELDS:
            close = difflib.get_close_matches(str(field), _KV_ITEM_FIELDS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ConfigError(f"item {position} has the field {field!r}{hint}; a KV item's fields are "
                              f"{', '.join(_KV_ITEM_FIELDS)}")
    key, value = item.get("key"), item.get("value")
    if not isinstance(key, str):
        raise ConfigError(f'item {position} needs a "key", a str; got {_short(key)}')
    if item.get("base64") not in (None, False, True):
        raise ConfigError(f'item {position} (key {key!r}): "base64" is true or false, got {_short(item["base64"])}')
    if item.get("base64") and isinstance(value, str):
        value = node_base64(value)  # as wrangler decodes it: Buffer.from(value, "base64")
    if "value" not in item:
        raise ConfigError(f'item {position} (key {key!r}) has no "value" (a str, or bytes)')
    if not isinstance(value, (str, bytes, bytearray, memoryview)):
        raise ConfigError(f'item {position} (key {key!r}): a "value" is a str or bytes, got '
                          f"{type(value).__name__} {_short(value)} (json.dumps it to store JSON)")
    options: dict[str, Any] = {}
    for field, option in (("expiration", "expiration"), ("expiration_ttl", "expirationTtl")):
        number = item.get(field)
        if number is not None:
            if isinstance(number, bool) or not isinstance(number, (int, float)):
                raise ConfigError(f'item {position} (key {key!r}): "{field}" is a number of seconds, got {_short(number)}')
            options[option] = number
    if item.get("metadata") is not None:
        options["metadata"] = item["metadata"]
    return key, value, options or None


def _kv_items(source: Any, base: Path) -> list[tuple[Any, Any, dict[str, Any] | None]]:
    """``source`` (see :func:`seed_kv_namespace`) as ``put`` arguments, every item checked."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        source = _kv_file(path if path.is_absolute() else base / path)
        if not isinstance(source, list):
            raise ConfigError(f"the KV items file {path} holds a JSON array of {{\"key\": ..., \"value\": ...}} objects, "
                              f"as `wrangler kv bulk put` takes; it holds {_JSON_KINDS.get(type(source), 'null')}")
    if isinstance(source, Mapping):
        items: list[tuple[Any, Any, dict[str, Any] | None]] = []
        for key, value in source.items():
            if not isinstance(key, str):
                raise ConfigError(f"a KV key is a str; got {type(key).__name__} {_short(key)}")
            if not isinstance(value, (str, bytes, bytearray, memoryview)):
                raise ConfigError(f"the value of the KV key {key!r} is {type(value).__name__} {_short(value)}: a KV value is "
                                  'a str or bytes (json.dumps it to store JSON); for metadata or an expiration, give a '
                                  'list of {"key": ..., "value": ..., "metadata": ...} items')
            items.append((key, value, None))
        return items
    if isinstance(source, (bytes, bytearray)) or not isinstance(source, Iterable):
        raise ConfigError(f"the keys to seed are {_KV_SOURCE}; got {type(source).__name__} {_short(source)}")
    return [_kv_item(position, item) for position, item in enumerate(source)]


def seed_kv_namespace(namespace: Any, source: Any, *, base: str | os.PathLike[str] = ".") -> int:
    """Put keys into a KV binding synchronously; returns how many were written.

    ``source`` is a dict ``{key: value}`` (values ``str`` or bytes), a list of items as
    ``wrangler kv bulk put`` takes them (``{"key", "value", "metadata", "expiration",
    "expiration_ttl", "base64"}``; a value may also be bytes) or the path of such a JSON file
    (relative paths against ``base``). Every item passes ``put``'s checks before any is
    written, so a refused item writes none; expirations count from the binding's clock.
    """
    from workers_env._errors import JsException

    if not callable(getattr(namespace, "put_many_sync", None)):
        raise ConfigError(f"cannot seed keys into {type(namespace).__name__}: it is not a KV binding "
                          "(pass env.unwrapped(NAME) of a [[kv_namespaces]] binding)")
    from workers_env._jsvalues import well_formed

    # as `wrangler kv bulk put` hands them to workerd (Miniflare's proxy sends UTF-8): a lone
    # surrogate is U+FFFD, where a Worker's own put would send it as WTF-8 and be refused
    items = [(well_formed(key), well_formed(value) if isinstance(value, str) else value, options)
             for key, value, options in _kv_items(source, Path(base))]
    try:
        return namespace.put_many_sync(items)
    except JsException as exc:  # put's own check, naming the item: "item 2 (key 'x'): KV PUT failed: ..."
        raise ConfigError(exc.message) from None


def apply_d1_schema(env: Env, binding: str, source: Any = None, *, base: str | os.PathLike[str] | None = None) -> list[str]:
    """Apply a schema to ``env.<binding>`` (a D1 database): its ``migrations_dir`` when ``source``
    is ``None``, else a ``.sql`` file or a migrations folder (relative to ``base``; by default the
    config's folder). Returns what ran: the migration names, or the file's name. A binding, folder or
    file that names nothing is a :class:`SchemaNamingError`; SQL that fails, a ``ConfigError``."""
    from workers_env.d1 import migrations
    from workers_env.d1.assembly import d1_entries
    from workers_env.d1.database import SqlFailure

    env = checked_env(env, "apply_d1_schema")
    if not isinstance(binding, str):
        raise SchemaNamingError(f"workers-env: a D1 schema's binding is the binding's name in the env, a str such as "
                                f"\"DB\", got {type(binding).__name__} {_short(binding)}")
    database = getattr(env.unwrapped(binding), "database", None) if binding in env else None
    entry = next((e for e in d1_entries(env.config) if e.binding == binding), None) if env.config else None
    if database is None or entry is None:
        entries = d1_entries(env.config) if env.config else []
        names = [e.binding for e in entries]
        named = next((e.binding for e in entries if e.database_name == binding), None)
        hint = (f" ({binding!r} is the database_name of {named}: pass the binding's name)" if named
                else _near_binding(binding, names))
        raise SchemaNamingError(f"workers-env: {binding!r} is not a D1 binding of this env{hint}; its D1 bindings: "
                                f"{', '.join(names) or 'none'}{_config_named(env)}")
    if source is None:
        from workers_env.d1.migration_pattern import PatternError

        directory = entry.migrations_path(env.config.root)
        try:
            pattern = entry.migrations_glob(env.config.path.name)
            found = directory.is_dir() and migrations.migration_files(directory, pattern)
        except PatternError as exc:
            raise SchemaNamingError(f"workers-env: {exc}" + (f" ({exc.hint})" if exc.hint else "")) from None
        if not found:
            what = ("no migrations folder" if not directory.is_dir() else "no migrations (.sql files) in the folder"
                    if entry.migrations_pattern is None else
                    f"no migrations matching migrations_pattern {entry.migrations_pattern!r} in the folder")
            raise SchemaNamingError(
                f"workers-env: {what} {directory} for the D1 binding {binding}: create one "
                f"(workers-env d1 migrations create {binding} init) or pass a .sql file to d1_schema"
            )
        return _apply_migrations(database, directory, entry.migrations_table, pattern)
    if not isinstance(source, (str, os.PathLike)):
        raise SchemaNamingError(f"workers-env: a D1 schema is a .sql file or a migrations folder (a str or path), or "
                                f"None for {binding}'s migrations_dir; got {type(source).__name__} {_short(source)}")
    path = _base(env, base) / Path(source)
    if path.is_dir():
        if not migrations.migration_files(path):
            raise SchemaNamingError(f"workers-env: no migrations (.sql files) in the folder {path} given to d1_schema "
                                    f"for {binding}: pass a folder of migrations or a .sql file")
        return _apply_migrations(database, path, entry.migrations_table)
    if not path.is_file():
        raise SchemaNamingError(f"workers-env: the D1 schema {path} does not exist{_beside_config(env, base, source)}")
    try:
        migrations.run_sql_file(database, path)
    except SqlFailure as exc:
        raise ConfigError(f"{path}: {exc.message}") from None
    return [path.name]


def _beside_config(env: Env, base: str | os.PathLike[str] | None, source: str | os.PathLike[str]) -> str:
    """For a schema file missing where ``base`` (a test's folder) puts it that is there relative
    to the config's folder, where ``wrangler d1 execute --file`` reads it (Cloudflare's
    ``schema.sql`` beside ``wrangler.toml``): the path to write instead; else nothing."""
    config = getattr(env, "config", None)
    if base is None or config is None or Path(source).is_absolute():
        return ""
    there = Path(config.root) / Path(source)
    if not there.is_file():
        return ""
    return (f" (a relative path is read from {base}, the test file's folder under pytest, while the config's "
            f"folder has {there}: write {os.path.relpath(there, base)!r})")


def _apply_migrations(database: Any, directory: Path, table: str, pattern: str = "*.sql") -> list[str]:
    """:func:`migrations.apply_all`, a failure naming the migration that failed; the database held
    the while, so two threads applying one env's schema apply each migration once."""
    from workers_env.d1 import migrations
    from workers_env.d1.database import SqlFailure

    with database.exclusive:
        try:
            pending = migrations.unapplied_migrations(database, directory, table, pattern)
        except SqlFailure as exc:
            raise ConfigError(f"the migrations table {table}: {exc.message}") from None
        for name in pending:
            try:
                migrations.apply_migration(database, directory, name, table)
            except SqlFailure as exc:
                raise ConfigError(f"{directory / name}: {exc.message}") from None
        return pending
