"""``workers-env ai``: wrangler 4's ``ai`` commands, over the models workers-env's AI binding emulates.

``ai models`` and ``ai models list`` (``--json``, ``--search``, ``--task``, ``--author``,
``--source``, ``--hide-experimental``) list the offline catalog as wrangler lists the account's:
the same table (model id, name, description cut to fit, task), ``No models found.``, the same
``--json``. The entries are the binding's own ``models()`` answer, asked page by page with
wrangler's query parameters (``listCatalogEntries``), so the CLI and ``env.AI.models()`` cannot
differ. ``ai models schema`` and ``ai finetune list|create`` need Cloudflare's API (the
model's published schema, the account's finetunes): they take wrangler's arguments and read the
config as wrangler does, then are refused where wrangler would log in (exit 1), in the words of
every such command (``apionly.refused_offline``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import Any

from workers_env._jsontext import json_text
from workers_env._jsvalues import js_string
from workers_env.cli.apionly import refused_offline
from workers_env.cli.common import (
    config_options,
    js_number,
    log,
    render_table,
    reports_errors,
    value_optional,
)
from workers_env.cli.toplevel import SUMMARIES
from workers_env.cli.wrangler_config import read_config

__all__ = ["register"]

#: wrangler's ``aiCatalogList`` page size: it asks for pages until one comes back shorter
PAGE_SIZE = 50

#: what each command that acts on Cloudflare's API does there (``apionly.refused_offline``'s
#: ``what``), and what runs locally instead
_WHAT = {
    "models schema": "reads a model's input and output schema from the model catalog",
    "finetune list": "lists the finetunes (LoRA adapters)",
    "finetune create": "uploads a LoRA adapter as a finetune",
}
_LOCALLY = {
    "models schema": ("workers-env keeps only the input schemas it checks run() inputs against, without their "
                      "descriptions and titles, so it has no schema to print"),
    "finetune list": ("locally there are no finetunes: env.AI.run() takes a `lora` on the models that take one "
                      "and answers as without it"),
}
_LOCALLY["finetune create"] = _LOCALLY["finetune list"]


def register(subparsers: Any) -> None:
    """Add ``ai`` with ``models [list|schema]`` and ``finetune list|create`` to the parser."""
    ai = subparsers.add_parser(
        "ai", help=SUMMARIES["ai"],
        description="🤖 Manage AI models: wrangler's `ai` commands over the models workers-env's AI binding "
                    "emulates offline (not your account's live catalog).")
    groups = ai.add_subparsers(dest="ai_group", metavar="COMMAND")

    models = groups.add_parser(
        "models", help="Manage AI models",
        description="Manage AI models. Alone, lists them as `ai models list` does with no options.")
    config_options(models)
    models.set_defaults(handler=reports_errors(_list_models))
    model_commands = models.add_subparsers(dest="ai_command", metavar="COMMAND")

    lst = model_commands.add_parser(
        "list", help="List catalog models",
        description="List catalog models: the models workers-env's AI binding emulates (env.AI.models()), "
                    "not your account's live catalog.")
    lst.add_argument("--json", action="store_true", help="Return output as JSON")
    lst.add_argument("--search", metavar="TEXT", **value_optional(), help="Search models by name or description")
    lst.add_argument("--task", metavar="NAME", **value_optional(), help="Filter by task name")
    lst.add_argument("--author", metavar="NAME", **value_optional(), help="Filter by author")
    lst.add_argument("--source", metavar="ID", type=js_number, **value_optional(None), help="Filter by source ID")
    lst.add_argument("--hide-experimental", dest="hide_experimental", action="store_true",
                     help="Hide experimental models (no effect here: the emulated catalog marks none)")
    config_options(lst, argparse.SUPPRESS)
    lst.set_defaults(handler=reports_errors(_list_models))

    schema = model_commands.add_parser(
        "schema", help="Get model schema",
        description="Get model schema. Needs Cloudflare's API: refused here, after the config is read.")
    schema.add_argument("model", help="The model to fetch a schema for")
    config_options(schema, argparse.SUPPRESS)
    schema.set_defaults(handler=_needs_the_service("models schema"))

    finetune = groups.add_parser("finetune", help="Interact with finetune files",
                                 description="Interact with finetune files. Both commands need your Cloudflare "
                                             "account: refused here, after the config is read.")
    finetunes = finetune.add_subparsers(dest="ai_command", metavar="COMMAND")
    flist = finetunes.add_parser("list", help="List your finetune files")
    flist.add_argument("--json", action="store_true", help="Return output as JSON")
    config_options(flist)
    flist.set_defaults(handler=_needs_the_service("finetune list"))
    create = finetunes.add_parser("create", help="Create finetune and upload assets")
    create.add_argument("model_name", help="The catalog model name")
    create.add_argument("finetune_name", help="The finetune name")
    create.add_argument("folder_path", help="The folder path containing the finetune assets")
    config_options(create)
    create.set_defaults(handler=_needs_the_service("finetune create"))

    for group in (ai, finetune):
        group.set_defaults(handler=_usage(group))


def _usage(parser: argparse.ArgumentParser) -> Callable[[argparse.Namespace], int]:
    def show(_: argparse.Namespace) -> int:
        parser.print_help()  # as `wrangler ai`, `ai finetune`: the help on stdout, exit 0
        return 0

    return show


def _needs_the_service(command: str) -> Callable[[argparse.Namespace], int]:
    """The handler of ``ai <command>``, refused where wrangler logs in, once the config is read
    (apionly.py, as ``d1 create`` and ``kv namespace list``; wrangler 4.164.0 checks nothing more)."""
    return refused_offline(f"ai {command}", _WHAT[command], _LOCALLY[command])


def _catalog(args: argparse.Namespace) -> list[Any]:
    """The binding's ``models()`` answer, page by page with the query wrangler's
    ``aiCatalogList`` sends (``per_page=50&page=N`` and each filter given, as its text)."""
    from workers_env.ai.binding import AiBinding

    filters: dict[str, str] = {}
    if getattr(args, "author", None) is not None:
        filters["author"] = args.author
    if getattr(args, "hide_experimental", False):
        filters["hide_experimental"] = "true"
    if getattr(args, "search", None) is not None:
        filters["search"] = args.search
    if getattr(args, "source", None) is not None:
        filters["source"] = js_string(args.source)  # String(number): NaN for `--source abc`
    if getattr(args, "task", None) is not None:
        filters["task"] = args.task
    binding = AiBinding()
    results: list[Any] = []
    page = 1
    while len(results) % PAGE_SIZE == 0:
        found = binding.models_sync({"per_page": str(PAGE_SIZE), "page": str(page), **filters})
        page += 1
        results.extend(found)
        if len(found) < PAGE_SIZE:
            break
    return results


def _stdout_columns() -> int | None:
    """Node's ``process.stdout.columns``: the terminal's width when stdout is one, else None."""
    try:
        if not sys.stdout.isatty():
            return None
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return None


def truncate_description(description: str | None, already_used: int) -> str:
    """wrangler's ``truncateDescription``: cut to the terminal's width less ``already_used``
    (100 characters when stdout is no terminal), ``...`` added when cut; a negative room cuts
    that many from the end, as JavaScript's ``slice(0, n)`` does."""
    if description is None:
        return ""
    columns = _stdout_columns()
    room = 100 if columns is None else columns - already_used
    return description[:room] + ("..." if len(description) > room else "")


def _list_models(args: argparse.Namespace) -> None:
    """wrangler's ``listModels``: the JSON (``logger.json``: four-space indent, printed whatever
    ``WRANGLER_LOG`` says, as its ``console.log`` is), ``No models found.``, or the table of id,
    name, description and task."""
    read_config(args)
    entries = _catalog(args)
    if getattr(args, "json", False):
        print(json_text(entries, "    "), flush=True)
    elif not entries:
        log("No models found.")
    else:
        log(render_table([{
            "model": entry["id"],
            "name": entry["name"],
            "description": truncate_description(
                entry.get("description"),
                len(entry["id"]) + len(entry["name"]) + (len(entry["task"]["name"]) if entry.get("task") else 0) + 10),
            "task": entry["task"]["name"] if entry.get("task") else "",
        } for entry in entries]))
