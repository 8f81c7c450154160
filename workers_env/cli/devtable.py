"""The bindings table ``wrangler dev -c A -c B`` 4.164.0 prints for each Worker of its session
(``printBindings``, workers-utils ``print-bindings.ts``): ``<name> has access to the following
bindings:``, a row per binding -- kinds in wrangler's order, each ``env.NAME (value)``, the kind's
friendly name and its mode as wrangler's local dev gives it -- then, once per process, the note on
``[connected]``. Measured with JavaScript Workers under wrangler dev (no colours: its output piped).
One Worker alone (``dev`` with one config) gets the same table headed ``Your Worker has access to
the following bindings:`` (measured with wrangler dev 4.164.0 and one config).

The mode is wrangler's text, not what workers-env does: ``remote`` for the AI binding, ``not
supported`` for Vectorize, though workers-env runs both locally (the line after the table says so
of ``remote = true`` bindings). A service bound to the Worker itself is ``[connected]``, any other
``[not connected]`` -- a Worker of the same session included, as wrangler shows it when no other
dev process has registered that name (measured).
"""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Iterable, Mapping
from typing import Any

from workers_env._jsontext import json_text
from workers_env._jsvalues import UNDEFINED, js_length, js_string

__all__ = ["CONNECTION_NOTE", "bindings_table"]

#: printed (dimmed there) after the first table with a connection status, once per process
CONNECTION_NOTE = ("Service bindings, Durable Object bindings, and Tail consumers connect to other Wrangler or Vite dev "
                   "processes running locally, with their connection status indicated by [connected] or [not "
                   "connected]. For more details, refer to https://developers.cloudflare.com/workers/runtime-apis/"
                   "bindings/service-bindings/#local-development")

_LOCAL, _REMOTE, _UNSUPPORTED = "local", "remote", "not supported"


def _json(value: Any) -> str:
    """``JSON.stringify(value)`` of a TOML/JSON value as wrangler holds it (:func:`json_text`:
    ``F = 1.0`` prints as ``1``, as wrangler prints it, measured)."""
    return json_text(_as_js(value))


def _as_js(value: Any) -> Any:
    """A config value as the JSON data wrangler's parser hands JavaScript: a TOML date a JS
    ``Date``, whose ``toJSON`` is its ISO text; anything else no JSON type has, its ``str``."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, float, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _as_js(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_as_js(v) for v in value]
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return str(value)


def _truncate(value: Any, most: int = 40) -> str:
    """wrangler's ``truncate``: at ``most`` UTF-16 units and over, cut to ``most - 3`` and ``...``
    (an emoji cut in half leaves a lone surrogate, which Node prints as U+FFFD)."""
    text = value if isinstance(value, str) else _json(value)
    if js_length(text) < most:
        return text
    cut = text.encode("utf-16-le", "surrogatepass")[:(most - 3) * 2].decode("utf-16-le", "replace")
    return f"{cut}..."


def _list(merged: Mapping[str, Any], field: str) -> list[Mapping[str, Any]]:
    value = merged.get(field)
    if isinstance(value, Mapping):  # `[ai]`, `[version_metadata]`, `[durable_objects] bindings`, ...
        value = (value.get("bindings") if field in ("durable_objects", "logfwdr", "unsafe")
                 else value.get("producers") if field == "queues" else [value])
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _local_unless_remote(item: Mapping[str, Any]) -> str:
    return _REMOTE if item.get("remote") is True else _LOCAL


def _remote_or_unsupported(item: Mapping[str, Any]) -> str:
    return _REMOTE if item.get("remote") is True else _UNSUPPORTED


def _remote_unless_false(item: Mapping[str, Any]) -> str:
    return _UNSUPPORTED if item.get("remote") is False else _REMOTE


def _rows(merged: Mapping[str, Any], name: str, secrets: Iterable[str], hidden_vars: Iterable[str]
          ) -> tuple[list[tuple[str, str, str | None, str]], bool]:
    """``(binding, kind, value, mode)`` rows in wrangler's order, and whether any has a connection status."""
    rows: list[tuple[str, str, str | None, str]] = []
    connection = False

    def add(field: str, kind: str, key: str, value: Any, mode: Any) -> None:
        for item in _list(merged, field):
            if isinstance(item.get(key), str):
                shown = value(item)
                rows.append((item[key], kind, None if shown in (None, "") else str(shown), mode(item)))

    for item in _list(merged, "durable_objects"):
        if isinstance(item.get("name"), str):
            script = item.get("script_name")
            connection = connection or bool(script)
            rows.append((item["name"], "Durable Object",
                         f"{item.get('class_name')}, defined in {script}" if script else item.get("class_name"),
                         f"{_LOCAL} [not connected]" if script else _LOCAL))
    add("workflows", "Workflow", "binding", lambda i: f"{i.get('class_name')}" + (
        f" (defined in {i['script_name']})" if i.get("script_name") else ""), lambda i: _LOCAL)
    add("kv_namespaces", "KV Namespace", "binding", lambda i: _given(i, "preview_id", "id"), _local_unless_remote)
    add("send_email", "Send Email", "name", _email_value, _local_unless_remote)
    add("queues", "Queue", "binding", lambda i: i.get("queue"), _local_unless_remote)
    add("d1_databases", "D1 Database", "binding",
        lambda i: _given(i, "preview_database_id", "database_name", "database_id"), _local_unless_remote)
    add("vectorize", "Vectorize Index", "binding", lambda i: i.get("index_name"), _remote_or_unsupported)
    add("ai_search_namespaces", "AI Search Namespace", "binding", lambda i: i.get("namespace"), lambda i: _REMOTE)
    add("ai_search", "AI Search Instance", "binding", lambda i: i.get("instance_name"), lambda i: _REMOTE)
    add("agent_memory", "Agent Memory", "binding", lambda i: i.get("namespace"), lambda i: _REMOTE)
    add("hyperdrive", "Hyperdrive Config", "binding", lambda i: i.get("id"), _local_unless_remote)
    add("vpc_services", "VPC Service", "binding", lambda i: i.get("service_id"), _remote_or_unsupported)
    add("vpc_networks", "VPC Network", "binding", lambda i: i.get("tunnel_id") or i.get("network_id"),
        _remote_or_unsupported)
    add("r2_buckets", "R2 Bucket", "binding", _bucket_value, _local_unless_remote)
    add("logfwdr", "logfwdr", "name", lambda i: i.get("destination"), lambda i: _UNSUPPORTED)
    add("secrets_store_secrets", "Secrets Store Secret", "binding",
        lambda i: f"{i.get('store_id')}/{i.get('secret_name')}", lambda i: _LOCAL)
    add("artifacts", "Artifacts", "binding", lambda i: i.get("namespace"), _local_unless_remote)
    add("unsafe_hello_world", "Hello World", "binding",
        lambda i: "Timer enabled" if i.get("enable_timer") else "Timer disabled", lambda i: _LOCAL)
    add("flagship", "Flagship", "binding", lambda i: i.get("app_id"), _local_unless_remote)
    for item in _list(merged, "services"):
        if isinstance(item.get("binding"), str) and isinstance(item.get("service"), str):
            value = item["service"] + (f"#{item['entrypoint']}" if item.get("entrypoint") else "")
            if item.get("remote") is True:
                mode = _REMOTE
            else:
                connection = True
                mode = f"{_LOCAL} [connected]" if item["service"] == name else f"{_LOCAL} [not connected]"
            rows.append((item["binding"], "Worker", value, mode))
    add("analytics_engine_datasets", "Analytics Engine Dataset", "binding",
        lambda i: i.get("dataset") or i.get("binding"), _local_unless_remote)
    add("browser", "Browser Run", "binding", lambda i: None, _local_unless_remote)
    add("images", "Images", "binding", lambda i: None, _local_unless_remote)
    add("stream", "Stream", "binding", lambda i: None, _remote_unless_false)
    add("media", "Media", "binding", lambda i: None, _remote_unless_false)
    add("ai", "AI", "binding", lambda i: "staging" if i.get("staging") else None, _remote_unless_false)
    add("pipelines", "Pipeline", "binding", lambda i: i.get("stream") or i.get("pipeline"), _local_unless_remote)
    add("ratelimits", "Rate Limit", "name", _rate_value, lambda i: _LOCAL)
    add("assets", "Assets", "binding", lambda i: None, lambda i: _LOCAL)
    add("version_metadata", "Worker Version Metadata", "binding", lambda i: None, lambda i: _LOCAL)
    # wrangler lists each [[unsafe.bindings]] entry as its type, "remote" (a rate limit too, which it
    # then simulates locally: measured, 4.164.0)
    add("unsafe", "Unsafe Metadata", "name", lambda i: js_string(i.get("type", UNDEFINED)), lambda i: _REMOTE)
    at = len(rows)  # the vars' place: after these, before the kinds below
    add("dispatch_namespaces", "Dispatch Namespace", "binding", lambda i: i.get("namespace") + (
        f" (outbound -> {i['outbound'].get('service')})" if isinstance(i.get("outbound"), Mapping) else "")
        if isinstance(i.get("namespace"), str) else None, _remote_or_unsupported)
    add("mtls_certificates", "mTLS Certificate", "binding", lambda i: i.get("certificate_id"), _remote_or_unsupported)
    add("worker_loaders", "Worker Loader", "binding", lambda i: None, lambda i: _LOCAL)
    hidden = list(hidden_vars)
    variables = _var_rows(merged, rows, secrets, hidden)
    rows[:] = [*(row for row in rows[:at] if row[0] not in hidden), *variables,
               *(row for row in rows[at:] if row[0] not in hidden)]
    return rows, connection


def _given(item: Mapping[str, Any], *keys: str) -> Any:
    """JavaScript's ``a ?? b ?? c`` over ``item``'s keys: the first one set, an empty text too
    (KV's ``preview_id = ""`` shows no value, not the ``id``: wrangler dev 4.164.0, audit19)."""
    return next((item[key] for key in keys if item.get(key) is not None), None)


def _var_rows(merged: Mapping[str, Any], rows: list[tuple[str, str, str | None, str]], secrets: Iterable[str],
              hidden_vars: list[str]) -> list[tuple[str, str, str | None, str]]:
    """The vars' rows, each name once, as wrangler's dev merges them (``getBindings``): the config's
    vars in order (one named as a binding of ``rows``, every other binding's, left out: a Send Email
    or Rate Limit binding, which wrangler's unique-name check does not see, keeps its name), then a
    binding a ``--var`` names (the caller drops its row: the Worker gets the text), then the secrets
    (over a var of that name in its place, never over a binding: a Worker Loader's after the vars
    too), then the ``--var`` names (over any of those in its place), the last three ``"(hidden)"``."""
    variables = merged.get("vars")
    others = {binding for binding, *_ in rows}
    shown: dict[str, str] = {
        key: f'"{_truncate(value)}"' if isinstance(value, str) else _truncate(value)
        for key, value in (variables.items() if isinstance(variables, Mapping) else ()) if key not in others}
    hidden = '"(hidden)"'
    for binding in [binding for binding, *_ in rows if binding in hidden_vars]:
        shown[binding] = hidden
    for key in [*(k for k in secrets if k not in others), *hidden_vars]:
        shown[key] = hidden
    return [(key, "Environment Variable", value, _LOCAL) for key, value in shown.items()]


def _email_value(item: Mapping[str, Any]) -> str:
    allowed = item.get("allowed_destination_addresses")
    value = item.get("destination_address") or (", ".join(map(str, allowed)) if allowed else "") or "unrestricted"
    senders = item.get("allowed_sender_addresses")
    return f"{value} - senders: {', '.join(map(str, senders))}" if senders else value


def _bucket_value(item: Mapping[str, Any]) -> str | None:
    bucket = item.get("preview_bucket_name") or item.get("bucket_name")
    return f"{bucket}{' (' + item['jurisdiction'] + ')' if item.get('jurisdiction') else ''}" if bucket else None


def _rate_value(item: Mapping[str, Any]) -> str:
    simple = item.get("simple")
    limits: Mapping[str, Any] = simple if isinstance(simple, Mapping) else {}
    return f"{limits.get('limit')} requests/{limits.get('period')}s"


_explained = False


def bindings_table(merged: Mapping[str, Any], name: str, secrets: Iterable[str] = (),
                   hidden_vars: Iterable[str] = (), *, alone: bool = False) -> list[str]:
    """The lines wrangler prints for Worker ``name`` of a session (``merged``: its config under
    ``--env``; ``secrets``: the names its local secrets give; ``hidden_vars``: its ``--var`` names;
    ``alone``: the one Worker of ``dev``, headed ``Your Worker has access ...``), the connection
    note after the first table that has a connection status; none without bindings."""
    global _explained
    rows, connection = _rows(merged, name, secrets, hidden_vars)
    if not rows:
        return []
    width_value = max(js_length(value or "") for _, _, value, _ in rows)
    width_name = max(js_length(binding) for binding, _, _, _ in rows)
    width_type = max(len("Resource"), *(len(kind) for _, kind, _, _ in rows))
    width_mode = max(len(mode) for *_, mode in rows)
    binding_width = len("env.") + width_name + len(" (") + width_value + len(")")
    columns = os.get_terminal_size(sys.stdout.fileno()).columns if sys.stdout.isatty() else None
    wrap = columns is not None and binding_width + 6 + width_type + 6 + width_mode >= columns
    gap = " " * (4 if wrap else 6)
    first = len("env.") + width_name if wrap else binding_width
    lines = [f"{'Your Worker' if alone else name} has access to the following bindings:",
             f"{'Binding'.ljust(first)}{gap}{'Resource'.ljust(width_type)}{gap}Mode"]
    for binding, kind, value, mode in rows:
        shown = f"env.{binding}" + (f" ({value})" if value and not wrap else "")
        lines.append(f"{shown}{' ' * (first - js_length(shown))}{gap}{kind.ljust(width_type)}{gap}{mode}"
                     + (f"\n  {value}" if wrap and value else ""))
    lines.append("")
    if connection and not _explained:
        lines.append(f"\n{CONNECTION_NOTE}\n")
        _explained = True
    return lines
