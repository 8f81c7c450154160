"""``kv key put|get|list|delete``: one key at a time."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from workers_env._jsontext import json_text
from workers_env._jsvalues import well_formed
from workers_env.cli.common import CommandError, dump_json

from .files import _unreadable
from .namespace import _opened, _resolve
from .options import _one_of, _put_options_of
from .output import _log


def _key_put_checks(args: argparse.Namespace) -> None:
    """``key put``'s own argument check (wrangler's ``validateArgs``: before the resource location
    lines), counting what JavaScript holds true: an empty value or ``--path ""`` is not given
    (wrangler 4.164.0's ``demandOneOfOption``: ``kv key put k ""`` is "exactly one of <value> and
    --path", measured)."""
    _one_of(("<value>", bool(args.value)), ("--path", bool(args.path)))


def _key_put(args: argparse.Namespace) -> None:
    options = _put_options_of(args)
    resolved = _resolve(args)
    if args.path:  # (wrangler's `args.path ? readFileSync(args.path) : args.value`)
        try:
            value: Any = Path(args.path).read_bytes()
        except OSError as exc:
            raise _unreadable(args.path, exc) from None
    else:
        value = args.value
    with _opened(args, resolved) as (namespace, display):
        meta = f' with metadata "{json_text(options["metadata"])}"' if "metadata" in options else ""  # JSON.stringify
        if args.path:
            _log(f'Writing the contents of {args.path} to the key "{args.key}" on namespace {display}{meta}.')
        else:
            _log(f'Writing the value "{value}" to key "{args.key}" on namespace {display}{meta}.')
        if "metadata" in options and _has_proto_key(options["metadata"]):  # Miniflare's proxy (devalue) refuses it
            raise CommandError("Cannot stringify objects with __proto__ keys")
        # (wrangler hands strings to workerd through Miniflare's proxy, as UTF-8: a lone surrogate is U+FFFD)
        namespace.put_sync(well_formed(args.key), well_formed(value) if isinstance(value, str) else value, options)


def _has_proto_key(metadata: Any) -> bool:
    """Whether ``JSON.parse``'s ``metadata`` has an object key ``__proto__`` at any depth (walked
    without recursion: it may nest as deep as the parser reads)."""
    stack = [metadata]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if "__proto__" in item:
                return True
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _key_get(args: argparse.Namespace) -> None:
    with _opened(args) as (namespace, _):
        value = namespace.get_sync(well_formed(args.key), "arrayBuffer")
    if value is None:
        _log("Value not found")
    elif args.text:
        _log(bytes(value).decode("utf-8", errors="replace"))
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(bytes(value))
        sys.stdout.buffer.flush()


def _key_list(args: argparse.Namespace) -> None:
    keys: list[Any] = []
    with _opened(args) as (namespace, _):
        cursor = None
        while True:  # wrangler lists the whole namespace
            prefix = None if args.prefix is None else well_formed(args.prefix)  # as Miniflare's proxy sends it
            page = namespace.list_sync({"prefix": prefix, "cursor": cursor})
            keys.extend(page["keys"])
            if page["list_complete"]:
                break
            cursor = page["cursor"]
    _log(dump_json(keys))  # wrangler: JSON.stringify(result, undefined, 2)


def _key_delete(args: argparse.Namespace) -> None:
    with _opened(args) as (namespace, display):
        _log(f'Deleting the key "{args.key}" on namespace {display}.')
        namespace.delete_sync(well_formed(args.key))
