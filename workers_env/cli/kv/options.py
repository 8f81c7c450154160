"""What the kv commands' options mean: wrangler's "exactly one of" two options, and the
``--ttl``/``--expiration``/``--metadata`` of a put as the binding's put options."""

from __future__ import annotations

import argparse
from typing import Any

from workers_env._errors import JsException
from workers_env._jsontext import parse_json
from workers_env.cli.common import UsageError


def _one_of(*options: tuple[str, bool]) -> None:
    """wrangler's ``demandOneOfOption``: none given and more than one given, each its own text
    (a ``CommandLineArgsError``: printed with the command's help)."""
    names = [name for name, _ in options]
    given = [name for name, present in options if present]
    if not given:
        raise UsageError(f"Missing required option: exactly one of {' and '.join(names)} must be provided")
    if len(given) > 1:
        raise UsageError(f"Conflicting options: {' and '.join(given)} cannot be used together. Please provide only one.")


def _put_options_of(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if args.ttl is not None:
        options["expirationTtl"] = args.ttl
    if args.expiration is not None:
        options["expiration"] = args.expiration
    if args.metadata is not None:
        try:  # JSON.parse: numbers are doubles, NaN is no JSON, any depth (past Python's: NotEmulatedError)
            metadata = parse_json(args.metadata)
        except JsException:
            raise UsageError(f"--metadata must be valid JSON. Received: {args.metadata}") from None
        if not isinstance(metadata, dict):
            raise UsageError(f"--metadata must be a JSON object. Received: {args.metadata}")
        options["metadata"] = metadata
    return options
