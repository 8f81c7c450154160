"""``kv bulk put|get|delete FILE``: the file's items checked as wrangler checks them, and
``bulk delete``'s confirmation."""

from __future__ import annotations

import argparse
import base64
import re
import sys
from typing import Any

from workers_env._jsontext import json_text
from workers_env._jsvalues import js_key_order, js_string, well_formed
from workers_env._sentvalues import json_typeof
from workers_env.cli.common import CommandError, in_ci

from .files import STACK_GET, STACK_PUT, _parse_json_file, _read_text
from .namespace import _opened, _resolve
from .options import _put_options_of
from .output import _log, _warn

BATCH_MAX_ERRORS_WARNINGS = 12
_KEY_VALUE_INTERFACE = (
    "Each item in the array should be an object that matches:\n\n"
    "interface KeyValue {\n  key: string;\n  value: string;\n  expiration?: number;\n"
    "  expiration_ttl?: number;\n  metadata?: object;\n  base64?: boolean;\n}\n\n"
)
_KEY_VALUE_FIELDS = ("key", "value", "expiration", "expiration_ttl", "metadata", "base64")
_BASE64_DIGITS = re.compile(r"[^A-Za-z0-9+/\-_]")  # what is not a digit of either alphabet
_URL_SAFE = str.maketrans("-_", "+/")


def node_base64(text: str) -> bytes:
    """wrangler's ``Buffer.from(value, "base64")`` (Node 24): never an error -- the first ``=``
    ends the text, characters outside the base64 and base64url alphabets are skipped, a last
    lone character is dropped."""
    digits = _BASE64_DIGITS.sub("", text.partition("=")[0]).translate(_URL_SAFE)
    digits = digits[:len(digits) - (len(digits) % 4 == 1)]
    return base64.b64decode(digits + "=" * (-len(digits) % 4))


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


def _bulk_put(args: argparse.Namespace) -> None:
    resolved = _resolve(args)
    content = _parse_json_file(_read_text(args.filename), args.filename, stack=STACK_PUT)
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
            value = node_base64(value)
        options = dict(defaults)
        if "expiration" in item:
            options["expiration"] = item["expiration"]
        if "expiration_ttl" in item:
            options["expirationTtl"] = item["expiration_ttl"]
        if item.get("metadata") is not None:
            options["metadata"] = item["metadata"]
        # wrangler hands strings to workerd through Miniflare's proxy, as UTF-8: a lone surrogate is U+FFFD
        items.append((well_formed(item["key"]), well_formed(value) if isinstance(value, str) else value, options))
    with _opened(args, resolved) as (namespace, _):
        namespace.put_many_sync(items)
    _log("Success!")


def _as_stringified(value: Any) -> Any:
    """``value`` with each object's keys in the order ``JSON.stringify`` writes them (array
    indices first): ``{"b": 1, "1": 2}`` prints as ``{"1":2,"b":1}``."""
    if isinstance(value, dict):
        return {k: _as_stringified(value[k]) for k in js_key_order(value)}
    if isinstance(value, list):
        return [_as_stringified(v) for v in value]
    return value


def _key_names(filename: str, *, stack: float) -> list[str]:
    """The keys of a ``bulk get``/``bulk delete`` file, checked as wrangler checks them: a JSON
    array whose items are key names or objects with a string ``name`` (other properties
    ignored); every bad item listed by index, type and JSON."""
    content = _parse_json_file(_read_text(filename), filename, stack=stack)
    if not isinstance(content, list):
        raise CommandError(f'Unexpected JSON input from "{filename}".\nExpected an array of strings but got:\n{js_string(content)}')
    keys: list[str] = []
    errors: list[str] = []
    for index, item in enumerate(content):
        key = item if isinstance(item, str) else item.get("name") if isinstance(item, dict) else None
        if isinstance(key, str):
            keys.append(key)
        else:
            errors.append(f'The item at index {index} is type: "{json_typeof(item)}" - {json_text(_as_stringified(item))}')
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
    keys = _key_names(args.filename, stack=STACK_GET)
    found: dict[str, Any] = {}
    with _opened(args, resolved) as (namespace, _):
        for key in keys:  # one get each, as wrangler: the first bad key (empty, ".", too long) stops it
            value = namespace.get_sync(well_formed(key), "text")  # as Miniflare's proxy sends it
            if key != "__proto__":
                found[key] = {"value": value}
    _log(json_text({k: found[k] for k in js_key_order(found)}, "  "))


def _interactive() -> bool:
    """wrangler's ``isNonInteractiveOrCI`` negated: both ends a terminal and no CI variable set
    (ci-info's generic ones; ``CI=false`` overrides them)."""
    return sys.stdin.isatty() and sys.stdout.isatty() and not in_ci()


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
    keys = _key_names(args.filename, stack=STACK_PUT)
    with _opened(args, resolved) as (namespace, _):
        namespace.delete_many_sync([well_formed(key) for key in keys])  # as Miniflare's proxy sends them
    _log("Success!")
