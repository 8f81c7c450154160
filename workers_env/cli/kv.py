"""``workers-env kv key put|get|list|delete`` and ``kv bulk put|get|delete``: wrangler's ``kv``
commands on the local KV state.

Same arguments as ``wrangler kv`` (``--binding``/``--namespace-id``, ``--preview``,
``--ttl``, ``--expiration``, ``--metadata``, ``--path``, ``--text``, ``--prefix``,
``--persist-to``, ``--local``, ``--force``) and the same output, minus wrangler's banner. The state is
Miniflare's layout under ``<persist-to>/v3/kv`` (default ``.wrangler/state`` beside the
config), so ``wrangler kv ... --local`` and ``wrangler dev`` see what these commands write.
``--remote`` is refused: nothing here talks to Cloudflare.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import errno
import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from workers_env._errors import JsException, WorkersEnvError
from workers_env._jsvalues import (
    js_key_order,
    js_string,
    json_int,
    json_text,
    well_formed,
)
from workers_env.cli.common import CommandError, js_number, node_fs_error
from workers_env.cli.wrangler_config import UnreadableConfig, read_config

__all__ = ["register"]

BATCH_MAX_ERRORS_WARNINGS = 12
_KEY_VALUE_INTERFACE = (
    "Each item in the array should be an object that matches:\n\n"
    "interface KeyValue {\n  key: string;\n  value: string;\n  expiration?: number;\n"
    "  expiration_ttl?: number;\n  metadata?: object;\n  base64?: boolean;\n}\n\n"
)
_KEY_VALUE_FIELDS = ("key", "value", "expiration", "expiration_ttl", "metadata", "base64")


def _log(text: str) -> None:
    print(text, flush=True)


def _boxed(level: str, text: str) -> str:
    """wrangler's ``✘ [ERROR]`` / ``▲ [WARNING]`` block: the first line, then a blank line and
    the rest indented by two spaces, then a blank line."""
    first, *rest = text.split("\n")
    body = "".join(f"\n  {line}" for line in rest)
    return f"{level} {first}\n" + (f"{body}\n" if rest else "")


def _error(text: str, *, laid_out: bool = False) -> None:
    """``laid_out``: a parse error already in wrangler's layout (its place and caret indented)."""
    text = well_formed(text)  # a lone surrogate from a file's "\ud800" prints as U+FFFD, as Node writes it
    print("\n" + (f"✘ [ERROR] {text}\n" if laid_out else _boxed("✘ [ERROR]", text)), file=sys.stderr, flush=True)


def _located(text: str) -> bool:
    """A parse error already laid out (a config's syntax error): its second line is blank and its
    third the indented ``file:line:column:`` of ``format_syntax_error``."""
    lines = text.split("\n")
    return len(lines) > 2 and not lines[1] and re.fullmatch(r"    \S.*:\d+:\d+:", lines[2]) is not None


def _warn(text: str) -> None:
    print(_boxed("▲ [WARNING]", text), file=sys.stderr, flush=True)


def _preview(text: str) -> bool:
    lowered = text.lower()
    if lowered in ("true", "1", "yes"):
        return True
    if lowered in ("false", "0", "no"):
        return False
    raise argparse.ArgumentTypeError(f"--preview takes true or false, got {text!r}")


def _namespace_options(parser: argparse.ArgumentParser, verb: str, *, preview: bool | None = None) -> None:
    """``preview``: the ``--preview`` default, wrangler's per command (false for get and list)."""
    parser.add_argument("--binding", metavar="NAME", help=f"the binding name to the namespace to {verb}")
    parser.add_argument("--namespace-id", dest="namespace_id", metavar="ID", help=f"the id of the namespace to {verb}")
    parser.add_argument("--preview", nargs="?", const=True, default=preview, type=_preview, metavar="BOOL",
                        help="interact with a preview namespace (the binding's preview_id)"
                        + ("; default: the production id" if preview is False else ""))
    parser.add_argument("--local", action="store_true", help="interact with local storage (always the case here)")
    parser.add_argument("--remote", action="store_true", help="refused: workers-env works on local state only")
    parser.add_argument("--persist-to", dest="persist_to", metavar="DIR",
                        help="directory for local persistence (default: .wrangler/state beside the config)")
    parser.add_argument("--config", "-c", metavar="PATH", help="wrangler config file (default: searched upward)")
    parser.add_argument("--env", "-e", metavar="NAME", help="environment ([env.NAME]) whose kv_namespaces --binding reads")


def _put_options(parser: argparse.ArgumentParser) -> None:
    # yargs' number options: Number(text), so "0x7fffffff" is a number and "abc" NaN, which the
    # binding then reads as 0 (wrangler: "Invalid expiration of 0")
    parser.add_argument("--ttl", type=js_number, metavar="SECONDS", help="time for which the entries should be visible")
    parser.add_argument("--expiration", type=js_number, metavar="EPOCH",
                        help="time since the UNIX epoch after which the entry expires")
    parser.add_argument("--metadata", metavar="JSON", help="arbitrary JSON that is associated with a key")


def register(subparsers: Any) -> None:
    """Add ``kv`` with ``key put|get|list|delete`` and ``bulk put|get|delete`` to the parser."""
    kv = subparsers.add_parser("kv", help="read and write local KV namespaces, like `wrangler kv`",
                               description="Wrangler's `kv key` and `kv bulk` commands on the local KV state.")
    kinds = kv.add_subparsers(dest="kv_kind", metavar="key|bulk")
    key = kinds.add_parser("key", help="individually manage KV pairs")
    keys = key.add_subparsers(dest="kv_command", metavar="COMMAND")

    put = keys.add_parser("put", help="write a single key/value pair to the given namespace")
    put.add_argument("key", help="the key to write to")
    put.add_argument("value", nargs="?", help="the value to write")
    put.add_argument("--path", metavar="FILE", help="read value from the file at a given path")
    _namespace_options(put, "write to")
    _put_options(put)
    put.set_defaults(handler=_command(_key_put, one_of=True))

    get = keys.add_parser("get", help="read a single value by key from the given namespace")
    get.add_argument("key", help="the key value to get")
    get.add_argument("--text", action="store_true", help="decode the returned value as a utf8 string")
    _namespace_options(get, "get from", preview=False)
    get.set_defaults(handler=_command(_key_get, one_of=True))

    lst = keys.add_parser("list", help="output a list of all keys in a given namespace")
    lst.add_argument("--prefix", metavar="PREFIX", help="a prefix to filter listed keys")
    _namespace_options(lst, "list", preview=False)
    lst.set_defaults(handler=_command(_key_list, one_of=True))

    delete = keys.add_parser("delete", help="remove a single key value pair from the given namespace")
    delete.add_argument("key", help="the key value to delete")
    _namespace_options(delete, "delete from")
    delete.set_defaults(handler=_command(_key_delete))

    bulk = kinds.add_parser("bulk", help="interact with multiple KV pairs")
    bulks = bulk.add_subparsers(dest="kv_command", metavar="COMMAND")
    bput = bulks.add_parser("put", help="upload multiple key-value pairs to a namespace")
    bput.add_argument("filename", help="the JSON file containing the key/value pairs to write")
    _namespace_options(bput, "write to")
    _put_options(bput)
    bput.set_defaults(handler=_command(_deep_reading(_bulk_put)))

    bget = bulks.add_parser("get", help="gets multiple key-value pairs from a namespace")
    bget.add_argument("filename", help="the file containing the keys to get: a JSON array of names or {\"name\": ...}")
    _namespace_options(bget, "get from", preview=False)
    bget.set_defaults(handler=_command(_deep_reading(_bulk_get)))

    bdelete = bulks.add_parser("delete", help="delete multiple key-value pairs from a namespace")
    bdelete.add_argument("filename", help="the file containing the keys to delete: a JSON array of names or {\"name\": ...}")
    bdelete.add_argument("--force", "-f", action="store_true", help="do not ask for confirmation before deleting")
    _namespace_options(bdelete, "delete from")
    bdelete.set_defaults(handler=_command(_deep_reading(_bulk_delete)))

    for parser in (kv, key, bulk):
        parser.set_defaults(handler=_usage(parser))


def _one_of(*options: tuple[str, bool]) -> None:
    """wrangler's ``demandOneOfOption``: none given and more than one given, each its own text."""
    names = [name for name, _ in options]
    given = [name for name, present in options if present]
    if not given:
        raise CommandError(f"Missing required option: exactly one of {' and '.join(names)} must be provided")
    if len(given) > 1:
        raise CommandError(f"Conflicting options: {' and '.join(given)} cannot be used together. Please provide only one.")


def _usage(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def show(_: argparse.Namespace) -> int:
        parser.print_help()  # as `wrangler kv`, `kv key`, `kv bulk`: the help on stdout, exit 0
        return 0

    return show


def _command(run: Callable[[argparse.Namespace], None], *, one_of: bool = False) -> Callable[[argparse.Namespace], int]:
    """``one_of``: the command demands exactly one of ``--binding``/``--namespace-id`` up front
    (wrangler's ``key put|get|list``); the others (``key delete``, ``bulk ...``) leave it to the
    namespace lookup, where ``--namespace-id`` wins over ``--binding`` and neither is binding
    ``"undefined"``."""

    def handler(args: argparse.Namespace) -> int:
        try:
            if args.remote:
                raise CommandError(
                    "workers-env kv works on local state only (Miniflare's layout under --persist-to); "
                    "--remote would reach your Cloudflare account. Use `wrangler kv ... --remote` for that."
                )
            if one_of:
                _one_of(("--binding", bool(args.binding)), ("--namespace-id", bool(args.namespace_id)))
            run(args)
        except JsException as exc:
            _error(exc.message)  # wrangler prints the JS error's message alone
            return 1
        except WorkersEnvError as exc:
            _error(str(exc), laid_out=isinstance(exc, (_ParseError, UnreadableConfig)) or _located(str(exc)))
            return 1
        return 0

    return handler


# -- resolving the namespace (wrangler's getKVNamespaceId) -------------------------------
def _config(args: argparse.Namespace) -> Any:
    """The config, its warnings printed; None when there is none anywhere (no ``--config``):
    ``--namespace-id`` still works then, ``--binding`` says why not."""
    return read_config(args)


def _namespace_id(args: argparse.Namespace, config: Any) -> tuple[str, str]:
    """``(namespace id, display name)`` as wrangler resolves ``--namespace-id``/``--binding``."""
    if args.namespace_id:
        return args.namespace_id, f'id: "{args.namespace_id}"'
    binding = "undefined" if args.binding is None else args.binding  # as wrangler's template prints it
    # without a config file wrangler 4.164.0 still has one (readConfig's defaults, no
    # kv_namespaces), so its "Cannot resolve `--binding` without a wrangler config file" never shows
    entries = [e for e in config.entries("kv_namespaces") if isinstance(e, Mapping)] if config is not None else []
    if not entries:
        raise CommandError(
            'No KV namespaces are configured in your wrangler config file. Use `--namespace-id` to specify the '
            'namespace directly, or add a "kv_namespaces" entry to your config.'
        )
    entry = next((e for e in entries if e.get("binding") == args.binding), None)
    if entry is None:
        raise CommandError(
            f'No KV namespace with binding "{binding}" was found in the "kv_namespaces" section of your wrangler '
            "config. Check the binding name is correct, or use `--namespace-id` instead."
        )
    ns_id, preview_id = entry.get("id"), entry.get("preview_id")

    def shown(ns: str) -> tuple[str, str]:
        return ns, f'binding: "{binding}" (id: "{ns}")'

    if args.preview is True:
        if preview_id:
            return shown(preview_id)
        raise CommandError(
            f'No preview namespace ID is configured for binding "{binding}". Add a "preview_id" to the "{binding}" '
            "entry in your config's \"kv_namespaces\" section, or use `--namespace-id` to specify a preview namespace directly."
        )
    if args.preview is False:  # get and list unless told: the id, else (wrangler's default
        return shown(ns_id or binding)  # --experimental-provision, locally) the binding name
    if bool(ns_id) != bool(preview_id):
        return shown(cast(str, ns_id or preview_id))  # exactly one of the two is set
    if not ns_id:  # neither: wrangler dev uses the binding name as the local namespace id
        return shown(binding)
    raise CommandError(
        f'The binding "{binding}" has both an "id" and a "preview_id" configured. Pass `--preview` to target the '
        "preview namespace, or `--preview false` to target the production namespace."
    )


def _resolve(args: argparse.Namespace) -> tuple[Any, str, str]:
    """``(config, namespace id, display name)``: the config read (its warnings printed) and the
    namespace resolved, which wrangler does before it reads a command's file."""
    config = _config(args)
    return (config, *_namespace_id(args, config))


def _open(args: argparse.Namespace, resolved: tuple[Any, str, str] | None = None) -> tuple[Any, str]:
    from workers_env.kv.namespace import KvNamespace
    from workers_env.kv.persistent import MiniflareStore
    from workers_env.vectorize.persistent import default_persist_to

    config, namespace_id, display = resolved or _resolve(args)
    if args.persist_to:
        persist_to = Path(args.persist_to)
    elif config is not None:
        persist_to = config.root / ".wrangler" / "state"
    else:
        persist_to = default_persist_to(None)
    return KvNamespace(MiniflareStore(persist_to, namespace_id, open_now=False), binding=args.binding or namespace_id,
                       namespace_id=namespace_id), display


def _put_options_of(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if args.ttl is not None:
        options["expirationTtl"] = args.ttl
    if args.expiration is not None:
        options["expiration"] = args.expiration
    if args.metadata is not None:
        try:
            metadata = json.loads(args.metadata, parse_int=json_int)  # JSON.parse: numbers are doubles
        except ValueError:
            raise CommandError(f"--metadata must be valid JSON. Received: {args.metadata}") from None
        if not isinstance(metadata, dict):
            raise CommandError(f"--metadata must be a JSON object. Received: {args.metadata}")
        options["metadata"] = metadata
    return options


def _close(namespace: Any) -> None:
    namespace._store.close()


# -- the commands ---------------------------------------------------------------------
def _key_put(args: argparse.Namespace) -> None:
    _one_of(("<value>", args.value is not None), ("--path", args.path is not None))
    options = _put_options_of(args)
    resolved = _resolve(args)
    if args.path is not None:
        try:
            value: Any = Path(args.path).read_bytes()
        except OSError as exc:
            raise _unreadable(args.path, exc) from None
    else:
        value = args.value
    namespace, display = _open(args, resolved)
    try:
        meta = f' with metadata "{json_text(options["metadata"])}"' if "metadata" in options else ""  # JSON.stringify
        if args.path is not None:
            _log(f'Writing the contents of {args.path} to the key "{args.key}" on namespace {display}{meta}.')
        else:
            _log(f'Writing the value "{value}" to key "{args.key}" on namespace {display}{meta}.')
        namespace.put_sync(args.key, value, options)
    finally:
        _close(namespace)


def _key_get(args: argparse.Namespace) -> None:
    namespace, _ = _open(args)
    try:
        value = namespace.get_sync(args.key, "arrayBuffer")
    finally:
        _close(namespace)
    if value is None:
        _log("Value not found")
    elif args.text:
        _log(bytes(value).decode("utf-8", errors="replace"))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(bytes(value))
        sys.stdout.buffer.flush()


def _key_list(args: argparse.Namespace) -> None:
    namespace, _ = _open(args)
    keys: list[Any] = []
    try:
        cursor = None
        while True:  # wrangler lists the whole namespace
            page = namespace.list_sync({"prefix": args.prefix, "cursor": cursor})
            keys.extend(page["keys"])
            if page["list_complete"]:
                break
            cursor = page["cursor"]
    finally:
        _close(namespace)
    _log(json.dumps(keys, indent=2, ensure_ascii=False))


def _key_delete(args: argparse.Namespace) -> None:
    namespace, display = _open(args)
    try:
        _log(f'Deleting the key "{args.key}" on namespace {display}.')
        namespace.delete_sync(args.key)
    finally:
        _close(namespace)


def _is_key_value(item: Any) -> bool:
    """wrangler's ``isKVKeyValue``."""

    def number(v: Any) -> bool:
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    return (
        isinstance(item, dict)
        and isinstance(item.get("key"), str)
        and isinstance(item.get("value"), str)
        and ("expiration" not in item or number(item["expiration"]))
        and ("expiration_ttl" not in item or number(item["expiration_ttl"]))
        and ("base64" not in item or isinstance(item["base64"], bool))
        and ("metadata" not in item or item["metadata"] is None or isinstance(item["metadata"], (dict, list)))
    )


class _ParseError(CommandError):
    """A JSON file's syntax error, laid out as wrangler prints it."""


#: wrangler 4.164.0 reads a bulk file of ``[`` nested 4,000 deep and overflows its stack at
#: 5,000 (measured); past this depth we give its error without trying
_DEEPEST = 4_500
_NOT_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[^\[\]{}"]+')


def _depth(text: str) -> int:
    """How deep the arrays and objects of JSON ``text`` nest (strings skipped)."""
    deepest = level = 0
    for c in _NOT_BRACKETS.sub("", text):  # brackets, and the quote of a string never closed
        if c in "[{":
            level += 1
            deepest = max(deepest, level)
        elif c in "]}":
            level -= 1
    return deepest


def _deep_reading(handler: Callable[[argparse.Namespace], None]) -> Callable[[argparse.Namespace], None]:
    """Run a bulk command with room for files nested as deep as wrangler reads them (the parse,
    the item checks and the error texts each recurse once or twice a level)."""
    def run(args: argparse.Namespace) -> None:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 8 * _DEEPEST))
        try:
            handler(args)
        except RecursionError:  # Python 3.12's JSON reader stops at about 1,500 levels whatever the limit
            raise CommandError(f"{args.filename}: nested deeper than this Python's JSON reader goes; wrangler "
                               f"reads up to about 4,000 levels. Nest the file less.") from None
        finally:
            sys.setrecursionlimit(limit)
    return run


def _parse_json_file(text: str, filename: str) -> Any:
    """A bulk file as wrangler's ``parseJSON`` reads it: strict JSON (no comments, no trailing
    commas), the first error jsonc-parser's code and place (``ValueExpected b.json:1:25`` and
    the line, marked as esbuild marks it), ``NaN`` refused (``InvalidSymbol``), a nesting deeper
    than wrangler's stack holds its ``Maximum call stack size exceeded``."""
    from workers_env.config.syntax import format_syntax_error, jsonc_first_error, line_and_column

    depth = _depth(text)
    if depth > _DEEPEST:
        raise CommandError(f"Maximum call stack size exceeded\n{filename} nests {depth:,} levels deep; wrangler 4.164.0 "
                           f"reads about 4,000 and overflows its stack by 5,000. Nest the file less.")
    found = jsonc_first_error(text, allow_trailing_comma=False, disallow_comments=True)
    if found is not None:
        code, offset, length = found
        line, column = line_and_column(text, offset)
        raise _ParseError(format_syntax_error(code, filename, text, line, column, length))
    return json.loads(text, parse_int=json_int)  # what jsonc-parser accepts here is plain JSON; numbers doubles


def _unreadable(filename: str, exc: OSError) -> CommandError:
    """wrangler's ``Could not read file: X`` with Node's error as the note
    (``ENOENT: no such file or directory, open '/abs/X'``): wrangler puts the absolute path in
    place of the first ``X`` in Node's text, wherever that is, and so do we."""
    node = node_fs_error(exc, "read", None) if exc.errno == errno.EISDIR else node_fs_error(exc, "open", filename)
    return CommandError(f"Could not read file: {filename}\n" + node.replace(filename, os.path.abspath(filename), 1))


def _read_text(filename: str) -> str:
    """wrangler's ``readFileSync``: UTF-8 (a bad byte U+FFFD, as Node decodes), a UTF-8 BOM
    skipped, a UTF-16/32 one refused as wrangler refuses it."""
    from workers_env.config.syntax import format_syntax_error
    from workers_env.config.wrangler import _UNSUPPORTED_BOMS

    try:
        data = Path(filename).read_bytes()
    except OSError as exc:
        raise _unreadable(filename, exc) from None
    for bom, encoding in _UNSUPPORTED_BOMS:
        if data.startswith(bom):
            raise _ParseError(
                format_syntax_error(f"Configuration file contains {encoding} byte order marker", filename, "", 1, 0)
                + f'\n\n  The file "{filename}" appears to be encoded as {encoding}. Please save the file as UTF-8 without BOM.'
            )
    text = data.decode("utf-8", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def _bulk_put(args: argparse.Namespace) -> None:
    resolved = _resolve(args)
    content = _parse_json_file(_read_text(args.filename), args.filename)
    if not isinstance(content, list):
        kind = "object" if isinstance(content, dict) or content is None else type(content).__name__.replace("str", "string").replace("int", "number").replace("float", "number").replace("bool", "boolean")
        raise CommandError(f'Unexpected JSON input from "{args.filename}".\nExpected an array of key-value objects but got type "{kind}".')
    errors: list[str] = []
    warnings: list[str] = []
    for index, item in enumerate(content):
        if not _is_key_value(item):
            if len(errors) < BATCH_MAX_ERRORS_WARNINGS:
                errors.append(f"The item at index {index} is {json_text(_as_stringified(item))}")
            elif errors[-1] != "...":
                errors.append("...")
            continue
        extra = [k for k in js_key_order(item) if k not in _KEY_VALUE_FIELDS]  # Object.keys' order
        if extra:
            if len(warnings) < BATCH_MAX_ERRORS_WARNINGS:
                warnings.append(f"The item at index {index} contains unexpected properties: {json_text(extra)}.")
            elif warnings[-1] != "...":
                warnings.append("...")
    if warnings:
        _warn(f'Unexpected key-value properties in "{args.filename}".\n' + "\n".join(warnings))
    if errors:
        raise CommandError(f'Unexpected JSON input from "{args.filename}".\n' + _KEY_VALUE_INTERFACE + "\n".join(errors))
    defaults = _put_options_of(args)
    items = []
    for item in content:
        value: Any = item["value"]
        if item.get("base64"):
            try:
                value = base64.b64decode(value + "=" * (-len(value) % 4))
            except (binascii.Error, ValueError):
                raise CommandError(f'The value of key "{item["key"]}" is not valid base64') from None
        options = dict(defaults)
        if "expiration" in item:
            options["expiration"] = item["expiration"]
        if "expiration_ttl" in item:
            options["expirationTtl"] = item["expiration_ttl"]
        if item.get("metadata") is not None:
            options["metadata"] = item["metadata"]
        items.append((item["key"], value, options))
    namespace, _ = _open(args, resolved)
    try:
        namespace.put_many_sync(items)
    finally:
        _close(namespace)
    _log("Success!")


def _typeof(value: Any) -> str:
    """JavaScript's ``typeof`` of a value ``JSON.parse`` made."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "string" if isinstance(value, str) else "object"  # null, arrays and objects


def _as_stringified(value: Any) -> Any:
    """``value`` with each object's keys in the order ``JSON.stringify`` writes them (array
    indices first): ``{"b": 1, "1": 2}`` prints as ``{"1":2,"b":1}``."""
    if isinstance(value, dict):
        return {k: _as_stringified(value[k]) for k in js_key_order(value)}
    if isinstance(value, list):
        return [_as_stringified(v) for v in value]
    return value


def _key_names(filename: str) -> list[str]:
    """The keys of a ``bulk get``/``bulk delete`` file, checked as wrangler checks them: a JSON
    array whose items are key names or objects with a string ``name`` (other properties
    ignored); every bad item listed by index, type and JSON."""
    content = _parse_json_file(_read_text(filename), filename)
    if not isinstance(content, list):
        raise CommandError(f'Unexpected JSON input from "{filename}".\nExpected an array of strings but got:\n{js_string(content)}')
    keys: list[str] = []
    errors: list[str] = []
    for index, item in enumerate(content):
        key = item if isinstance(item, str) else item.get("name") if isinstance(item, dict) else None
        if isinstance(key, str):
            keys.append(key)
        else:
            errors.append(f'The item at index {index} is type: "{_typeof(item)}" - {json_text(_as_stringified(item))}')
    if errors:
        raise CommandError(
            f'Unexpected JSON input from "{filename}".\nExpected an array of strings or objects with a "name" key.\n'
            + "\n".join(errors)
        )
    return keys


def _bulk_get(args: argparse.Namespace) -> None:
    """wrangler's local ``kv bulk get``: ``{key: {"value": text or null}}`` in the order a JS
    object keeps its keys (array-index names first, a repeated key once); each value read as
    text (bytes that are not UTF-8 become U+FFFD), no metadata. A ``__proto__`` key is left
    out, as wrangler's ``out[key] = ...`` sets the object's prototype there instead."""
    resolved = _resolve(args)
    keys = _key_names(args.filename)
    namespace, _ = _open(args, resolved)
    found: dict[str, Any] = {}
    try:
        for key in keys:  # one get each, as wrangler: the first bad key (empty, ".", too long) stops it
            value = namespace.get_sync(key, "text")
            if key != "__proto__":
                found[key] = {"value": value}
    finally:
        _close(namespace)
    _log(json_text({k: found[k] for k in js_key_order(found)}, "  "))


def _interactive() -> bool:
    """wrangler's ``isNonInteractiveOrCI`` negated: both ends a terminal and no CI variable set
    (ci-info's generic ones; ``CI=false`` overrides them)."""
    ci = os.environ.get("CI") != "false" and any(os.environ.get(name) for name in (
        "BUILD_ID", "BUILD_NUMBER", "CI", "CI_APP_ID", "CI_BUILD_ID", "CI_BUILD_NUMBER", "CI_NAME",
        "CONTINUOUS_INTEGRATION", "RUN_ID"))
    return sys.stdin.isatty() and sys.stdout.isatty() and not ci


def _confirm(question: str) -> bool:
    """wrangler's ``confirm``: asked on a terminal (Enter is yes; Ctrl+C or end of input exits
    1, as prompts' abort does); elsewhere the fallback, yes, said as wrangler says it."""
    if not _interactive():
        _log(f"? {question}\n🤖 Using fallback value in non-interactive context: yes")
        return True
    while True:
        try:
            answer = input(f"? {question} › (Y/n) ").strip().lower()
        except (EOFError, KeyboardInterrupt):
            print(flush=True)
            raise SystemExit(1) from None
        if answer in ("", "y", "yes"):
            return True
        if answer in ("n", "no"):
            return False


def _bulk_delete(args: argparse.Namespace) -> None:
    """wrangler's local ``kv bulk delete``: the confirmation (unless ``--force``) before the
    file is read, then every key checked before any is deleted (wrangler's local mode deletes
    the keys before a bad one); a key that does not exist is no error."""
    resolved = _resolve(args)
    if not args.force and not _confirm(
        f'Are you sure you want to delete all the keys read from "{args.filename}" from kv-namespace {resolved[2]}?'
    ):
        _log(f'Not deleting keys read from "{args.filename}".')
        return
    keys = _key_names(args.filename)
    namespace, _ = _open(args, resolved)
    try:
        namespace.delete_many_sync(keys)
    finally:
        _close(namespace)
    _log("Success!")
