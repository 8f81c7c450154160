"""The corpus cases for binding entries (cfga69), which ``config_corpus.py`` adds to its own: each
binding array's entries (wrangler 4.168.0's ``validateBindingArray`` with its per-kind validator),
``durable_objects.bindings`` entries, ``queues.consumers``, ``tail_consumers`` and
``streaming_tail_consumers``, ``workflows`` details, ``logfwdr`` (``validateCflogfwdrObject``, an
inheritable field) and ``connect`` (``validateConnectHandlers``), on both sides of each check, at the
top level, in an environment (its own value, and the top level's left behind) and in ``previews``.
"""

from __future__ import annotations

import json
from typing import Any

J = "wrangler.json"
T = "wrangler.toml"
TOP = {"name": "w", "main": "a.js", "compatibility_date": "2024-09-23"}
TOML_TOP = 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n'


def cfg(**fields: Any) -> str:
    """A JSON config: the basic top level and ``fields``."""
    return json.dumps({**TOP, **fields})


def env(top: dict[str, Any], own: dict[str, Any]) -> str:
    """A JSON config with ``top`` at the top level and ``own`` in ``[env.e]``."""
    return json.dumps({**TOP, **top, "env": {"e": own}})


# every kind: one entry it accepts, and entries that break each of its rules
_KINDS: dict[str, tuple[dict[str, Any], list[Any]]] = {
    "send_email": ({"name": "M", "destination_address": "a@b.c"}, [
        None, 5, [], {}, {"name": 1, "destination_address": 2, "allowed_destination_addresses": "x",
                          "allowed_sender_addresses": 3, "remote": "y", "z": 1},
        {"name": "N", "destination_address": "a@b.c", "allowed_destination_addresses": []},
        {"name": "O", "allowed_sender_addresses": ["a@b.c"], "remote": True}]),
    "dispatch_namespaces": ({"binding": "D", "namespace": "n"}, [
        None, "x", {}, {"binding": 1, "namespace": 2, "remote": 3},
        {"binding": "A", "outbound": None}, {"binding": "B", "outbound": 5}, {"binding": "C", "outbound": {}},
        {"binding": "E", "outbound": {"service": 1}}, {"binding": "F", "outbound": {"service": "s", "environment": 2}},
        {"binding": "G", "outbound": {"service": "s", "parameters": "p"}},
        {"binding": "H", "outbound": {"service": "s", "environment": "e", "parameters": ["a", 1]}},
        {"binding": "I", "outbound": {"service": "s", "parameters": ["a"]}, "extra": 1}]),
    "mtls_certificates": ({"binding": "C", "certificate_id": "id"}, [
        None, {}, {"binding": 1, "certificate_id": ""}, {"binding": "B", "certificate_id": 5, "remote": 1, "x": 2}]),
    "pipelines": ({"binding": "P", "stream": "s"}, [
        None, {}, {"binding": "A", "pipeline": "old"}, {"binding": "B", "stream": ""}, {"binding": 1, "stream": 2},
        {"binding": "C", "stream": "s", "pipeline": "p", "remote": "r", "x": 1}, {"binding": "D", "pipeline": ""}]),
    "k2": ({"binding": "K", "stream": "s"}, [
        None, {}, {"binding": "A", "stream": "s", "remote": False}, {"binding": "B", "stream": 1, "remote": "x", "y": 1}]),
    "secrets_store_secrets": ({"binding": "S", "store_id": "i", "secret_name": "n"}, [
        None, {}, {"binding": "A", "store_id": 1, "secret_name": "n", "remote": True}]),
    "artifacts": ({"binding": "A", "namespace": "n"}, [None, {}, {"binding": "B", "namespace": 1, "remote": 2, "x": 3}]),
    "worker_loaders": ({"binding": "L"}, [None, {}, {"binding": 5}, {"binding": "B", "remote": True}]),
    "unsafe_hello_world": ({"binding": "H", "enable_timer": True}, [None, {}, {"binding": "B", "enable_timer": 1, "x": 2}]),
    "flagship": ({"binding": "F", "app_id": "a"}, [None, {}, {"binding": "B", "app_id": 1, "remote": 2, "x": 3}]),
    "ratelimits": ({"name": "R", "namespace_id": "1", "simple": {"limit": 10, "period": 60}}, [
        None, {}, {"name": "A", "namespace_id": "1", "simple": 5},
        {"name": "B", "namespace_id": 1, "simple": {"limit": "x", "period": 30, "z": 1}, "y": 2},
        {"name": "C", "namespace_id": "1", "simple": {"limit": 1}}, {"name": "D", "namespace_id": "1", "simple": {"period": 10}}]),
    "ai_search_namespaces": ({"binding": "A", "namespace": "n"}, [None, {}, {"binding": 1, "namespace": 2, "remote": 3, "x": 4}]),
    "ai_search": ({"binding": "A", "instance_name": "n"}, [None, {}, {"binding": 1, "instance_name": 2, "remote": 3, "x": 4}]),
    "agent_memory": ({"binding": "A", "namespace": "n"}, [None, {}, {"binding": "B", "namespace": 1}]),
    "vpc_services": ({"binding": "V", "service_id": "s"}, [None, {}, {"binding": 1, "service_id": 2, "remote": 3, "x": 4}]),
    "vpc_networks": ({"binding": "V", "tunnel_id": "t"}, [
        None, {}, {"binding": "A", "tunnel_id": "t", "network_id": "n"}, {"binding": "B", "tunnel_id": 1},
        {"binding": "C", "network_id": 1, "x": 2}, {"binding": "D", "network_id": "n", "remote": "r"}]),
    "hyperdrive": ({"binding": "H", "id": "i"}, [None, {}, {"binding": 1, "id": 2, "localConnectionString": 3, "x": 4}]),
    "analytics_engine_datasets": ({"binding": "A", "dataset": "d"}, [None, {}, {"binding": 1, "dataset": 2, "x": 3}]),
    "workflows": ({"binding": "W", "name": "w-1", "class_name": "C"}, [  # no null: the unique-name rule reads it
        {}, {"binding": 1, "name": "-bad", "class_name": 2, "script_name": 3, "x": 4},
        {"binding": "B", "name": "b", "class_name": "C", "schedules": "", "limits": {"steps": 0, "y": 1},
         "default_retention": {"success_retention": 0, "error_retention": "", "z": 1}, "concurrency": {"limit": 1.5},
         "jurisdiction": "ca"},
        {"binding": "D", "name": "d", "class_name": "C", "schedules": ["* * * * *", ""], "limits": {"steps": 25001},
         "concurrency": 5, "default_retention": "x"},
        {"binding": "E", "name": "d", "class_name": "C", "schedules": [], "limits": [1]},
        {"binding": "F", "name": "f" * 65, "class_name": "C", "schedules": [1], "jurisdiction": "eu"}]),
}


def _kind_cases() -> list[tuple[str, str, str, str | None]]:
    cases: list[tuple[str, str, str, str | None]] = []
    for kind, (good, bad) in _KINDS.items():
        cases.append((f"b69-{kind}-ok", J, cfg(**{kind: [good]}), None))
        cases.append((f"b69-{kind}-bad", J, cfg(**{kind: bad}), None))
        cases.append((f"b69-{kind}-not-array", J, cfg(**{kind: {"binding": "X"}}), None))
        # a null entry beside a top-level array stops wrangler (``Cannot read properties of null``)
        cases.append((f"b69-{kind}-env-bad", J, env({kind: [good]}, {kind: [b for b in bad if b is not None]}), "e"))
        cases.append((f"b69-{kind}-env-ok", J, env({kind: [good]}, {kind: [good]}), "e"))
        cases.append((f"b69-{kind}-env-missing", J, env({kind: [good]}, {}), "e"))
        cases.append((f"b69-{kind}-previews", J, cfg(previews={kind: bad}), None))
    return cases


_CONNECT_BAD = [
    None, 5, [], {}, {"protocol": "http", "port": 0}, {"protocol": "tcp", "port": "80"},
    {"protocol": "tcp", "port": 1.5, "address": 5}, {"protocol": "tcp", "port": 65536},
    {"protocol": "tcp", "port": 80, "idle_timeout_ms": 1, "x": 2},
    {"protocol": "udp", "port": 53, "idle_timeout_ms": -1, "max_pending_bytes": 4294967296, "y": 1},
    {"protocol": "udp", "port": 54, "idle_timeout_ms": 1.5, "max_pending_bytes": "9"},
    {"protocol": "udp", "port": 55, "idle_timeout_ms": 0, "max_pending_bytes": 4294967295, "address": "1.2.3.4"},
    {"protocol": "tcp", "port": 80}, {"protocol": "tcp", "port": 80, "address": "a"}, {"protocol": "udp", "port": 80},
    {"protocol": None, "port": 1}, {"port": 2}, {"protocol": 5, "port": 3},
]
_CONNECT_OK = [{"protocol": "tcp", "port": 25}, {"protocol": "udp", "port": 25, "idle_timeout_ms": 1000}]

_LOGFWDR_OK = {"bindings": [{"name": "L", "destination": "d"}]}

CASES: list[tuple[str, str, str, str | None]] = _kind_cases() + [
    # -- connect ---------------------------------------------------------------------------------
    ("b69-connect-ok", J, cfg(connect=_CONNECT_OK), None),
    ("b69-connect-bad", J, cfg(connect=_CONNECT_BAD), None),
    ("b69-connect-object", J, cfg(connect={"protocol": "tcp", "port": 1}), None),
    ("b69-connect-null", J, cfg(connect=None), None),
    ("b69-connect-empty", J, cfg(connect=[]), None),
    ("b69-connect-dupes", J, cfg(connect=[{"protocol": "tcp", "port": 1}, {"protocol": "tcp", "port": 1},
                                          {"protocol": "tcp", "port": 1}, {"protocol": "udp", "port": 1},
                                          {"protocol": "x", "port": 2}, {"protocol": "x", "port": 2}]), None),
    ("b69-connect-toml", T, TOML_TOP + '[[connect]]\nprotocol = "tcp"\nport = 22\n[[connect]]\nprotocol = "tcp"\n'
                                       'port = 22\naddress = 1979-05-27\n[[connect]]\nport = 1979-05-27\n', None),
    ("b69-connect-env", J, env({"connect": _CONNECT_OK}, {"connect": _CONNECT_BAD[4:8]}), "e"),
    ("b69-connect-env-missing", J, env({"connect": _CONNECT_OK}, {}), "e"),
    ("b69-connect-env-not-array", J, env({}, {"connect": "x"}), "e"),
    ("b69-connect-previews", J, cfg(previews={"connect": [None]}), None),
    # -- logfwdr ----------------------------------------------------------------------------------
    ("b69-logfwdr-ok", J, cfg(logfwdr=_LOGFWDR_OK), None),
    ("b69-logfwdr-kinds", J, cfg(logfwdr={"bindings": [None, 5, [], {}, {"name": 1, "destination": 2, "x": 3},
                                                        {"name": "A", "destination": "d", "y": 1}]}), None),
    ("b69-logfwdr-array", J, cfg(logfwdr=[{"name": "L", "destination": "d"}]), None),
    ("b69-logfwdr-null", J, cfg(logfwdr=None), None),
    ("b69-logfwdr-string", J, cfg(logfwdr="x"), None),
    ("b69-logfwdr-no-bindings", J, cfg(logfwdr={}), None),
    ("b69-logfwdr-bindings-object", J, cfg(logfwdr={"bindings": {"name": "L"}}), None),
    ("b69-logfwdr-schema", J, cfg(logfwdr={"bindings": [], "schema": "s"}), None),
    ("b69-logfwdr-schema-bad-binding", J, cfg(logfwdr={"bindings": [{}], "schema": "s"}), None),
    ("b69-logfwdr-schema-null", J, cfg(logfwdr={"bindings": [], "schema": None}), None),
    ("b69-logfwdr-other-field", J, cfg(logfwdr={"bindings": [], "x": 1}), None),
    ("b69-logfwdr-toml", T, TOML_TOP + '[[logfwdr.bindings]]\nname = "L"\ndestination = 1979-05-27\n', None),
    ("b69-logfwdr-env-inherits", J, env({"logfwdr": _LOGFWDR_OK}, {}), "e"),
    ("b69-logfwdr-env-left-behind", J, env({"logfwdr": {"bindings": [{"name": "L", "destination": "d"},
                                                                     {"name": "M", "destination": "d"}]}},
                                           {"logfwdr": {"bindings": [{"name": "M", "destination": "e"}]}}), "e"),
    ("b69-logfwdr-env-left-behind-bad", J, env({"logfwdr": _LOGFWDR_OK}, {"logfwdr": {"bindings": [{"name": 1}]}}), "e"),
    ("b69-logfwdr-env-top-bad", J, env({"logfwdr": {"bindings": [{"name": 1}]}}, {"logfwdr": {"bindings": []}}), "e"),
    ("b69-logfwdr-env-schema", J, env({}, {"logfwdr": {"bindings": [], "schema": 1}}), "e"),
    ("b69-logfwdr-env-null", J, env({"logfwdr": _LOGFWDR_OK}, {"logfwdr": None}), "e"),
    ("b69-logfwdr-previews", J, cfg(previews={"logfwdr": None}), None),
    # -- durable_objects.bindings -----------------------------------------------------------------
    ("b69-do-entries", J, cfg(durable_objects={"bindings": [  # no null: the lifecycle warning reads it
        5, [], {}, {"name": 1, "class_name": 2, "script_name": 3, "environment": 4, "remote": "x", "y": 1},
        {"name": "A", "class_name": "C", "environment": "e"}, {"name": "B", "class_name": "C", "script_name": "s",
                                                                "remote": True}]}), None),
    ("b69-do-env", J, env({"durable_objects": {"bindings": [{"name": "A", "class_name": "C", "script_name": "s"}]}},
                          {"durable_objects": {"bindings": [{"name": "B", "class_name": 1}]}}), "e"),
    ("b69-do-env-left-behind", J, env({"durable_objects": {"bindings": [{"name": "A", "class_name": "C", "script_name": "s"}]}},
                                      {"durable_objects": {"bindings": [{"name": "B", "class_name": "C", "script_name": "s"}]}}), "e"),
    ("b69-do-previews", J, cfg(previews={"durable_objects": {"bindings": [{"name": 1}], "code_update_strategy": {}}}), None),
    # -- queues.consumers ----------------------------------------------------------------------------
    ("b69-queue-consumers", J, cfg(queues={"consumers": [
        None, 5, [], {}, {"queue": 1, "type": "http_pull", "max_batch_size": "1", "max_batch_timeout": "1",
                          "max_retries": "1", "dead_letter_queue": 1, "max_concurrency": "1",
                          "visibility_timeout_ms": "1", "retry_delay": "1", "x": 1},
        {"queue": "q", "type": "worker", "max_batch_size": 10, "retry_delay": 5}, {"queue": "r", "type": 5}]}), None),
    ("b69-queue-consumers-not-array", J, cfg(queues={"consumers": {"queue": "q"}}), None),
    ("b69-queue-consumers-env", J, env({"queues": {"consumers": [{"queue": "q"}]}}, {"queues": {"consumers": [{"queue": 1}]}}), "e"),
    ("b69-queue-consumers-previews", J, cfg(previews={"queues": {"consumers": [{"type": "x"}]}}), None),
    # -- tail consumers ---------------------------------------------------------------------------
    ("b69-tail", J, cfg(tail_consumers=[None, 5, [], {}, {"service": 1}, {"service": "s", "environment": 2},
                                        {"service": "s", "environment": "e", "x": 1}, {"service": "t"}]), None),
    ("b69-tail-falsy", J, cfg(tail_consumers=0, streaming_tail_consumers=""), None),
    ("b69-tail-not-array", J, cfg(tail_consumers={"service": "s"}, streaming_tail_consumers="x"), None),
    ("b69-streaming-tail", J, cfg(streaming_tail_consumers=[None, 5, [], {}, {"service": 1}, {"service": "s", "entrypoint": 2},
                                                            {"service": "s", "environment": 3}]), None),
    ("b69-tail-env", J, env({"tail_consumers": [{"service": "s"}]}, {"tail_consumers": [{"service": 1}],
                                                                     "streaming_tail_consumers": [None]}), "e"),
    ("b69-tail-env-missing", J, env({"tail_consumers": [{"service": "s"}], "streaming_tail_consumers": []}, {}), "e"),
    ("b69-tail-previews", J, cfg(previews={"tail_consumers": [{}], "streaming_tail_consumers": [[]]}), None),
    ("b69-tail-toml-date", T, TOML_TOP + "tail_consumers = [1979-05-27]\n[[streaming_tail_consumers]]\n"
                                         "service = 1979-05-27\n", None),
    # -- a TOML date as an entry: an object to wrangler (``typeof``), with no fields ------------------
    ("b69-date-entries", T, TOML_TOP + "".join(f"{kind} = [1979-05-27]\n" for kind in _KINDS if kind != "workflows")
     + "workflows = [1979-05-27T07:32:00Z]\nkv_namespaces = [1979-05-27]\nr2_buckets = [07:32:00]\n"
       "d1_databases = [1979-05-27]\nservices = [1979-05-27]\nvectorize = [1979-05-27]\nconnect = [1979-05-27]\n"
       "tail_consumers = [1979-05-27]\nstreaming_tail_consumers = [1979-05-27]\n"
       "[durable_objects]\nbindings = [1979-05-27]\n[queues]\nconsumers = [1979-05-27]\nproducers = [1979-05-27]\n"
       "[logfwdr]\nbindings = [1979-05-27]\n", None),
    # -- durable_objects.code_update_strategy ----------------------------------------------------------
    ("b69-do-strategy-ok", J, cfg(durable_objects={"bindings": [], "code_update_strategy": {"mode": "deferred", "max_delay": 0.001}}), None),
    ("b69-do-strategy-kinds", J, cfg(durable_objects={"code_update_strategy": 5}), None),
    ("b69-do-strategy-null", J, cfg(durable_objects={"code_update_strategy": None}), None),
    ("b69-do-strategy-empty", J, cfg(durable_objects={"code_update_strategy": {"x": 1}}), None),
    ("b69-do-strategy-mode", J, cfg(durable_objects={"code_update_strategy": {"mode": "later", "max_delay": "1"}}), None),
    ("b69-do-strategy-mode-number", J, cfg(durable_objects={"code_update_strategy": {"mode": 1, "max_delay": -1}}), None),
    ("b69-do-strategy-too-long", J, cfg(durable_objects={"code_update_strategy": {"mode": "immediate", "max_delay": 86400.5}}), None),
    ("b69-do-strategy-limit", J, cfg(durable_objects={"code_update_strategy": {"mode": "immediate", "max_delay": 86400}}), None),
    ("b69-do-strategy-precision", J, cfg(durable_objects={"code_update_strategy": {"mode": "deferred", "max_delay": 0.0001}}), None),
    ("b69-do-strategy-precision-2", J, cfg(durable_objects={"code_update_strategy": {"mode": "deferred", "max_delay": 1.0005}}), None),
    ("b69-do-strategy-max-delay-kinds", J, cfg(durable_objects={"code_update_strategy": {"mode": "deferred", "max_delay": None}},
                                               env={"e": {"durable_objects": {"code_update_strategy": {"max_delay": True}}}}), "e"),
    ("b69-do-strategy-toml", T, TOML_TOP + "[durable_objects]\ncode_update_strategy = 1979-05-27\n", None),
    ("b69-do-strategy-toml-inf", T, TOML_TOP + '[durable_objects.code_update_strategy]\nmode = "deferred"\nmax_delay = inf\n', None),
    ("b69-do-strategy-toml-nan", T, TOML_TOP + '[durable_objects.code_update_strategy]\nmode = "immediate"\nmax_delay = nan\n', None),
    ("b69-do-strategy-zero", J, cfg(durable_objects={"code_update_strategy": {"mode": "immediate", "max_delay": 0}}), None),
    ("b69-do-strategy-tiny", J, cfg(durable_objects={"code_update_strategy": {"mode": "immediate", "max_delay": 0.0004}}), None),
    ("b69-do-strategy-env", J, env({}, {"durable_objects": {"bindings": [], "code_update_strategy": []}}), "e"),
    ("b69-do-strategy-previews", J, cfg(previews={"durable_objects": {"bindings": [], "code_update_strategy": {"mode": "x"}}}), None),
    ("b69-do-previews-no-bindings", J, cfg(previews={"durable_objects": {}}), None),
    # -- a null entry where wrangler stops with a JavaScript error of its own (Where we had to choose) ----
    ("b69-null-entry-env", J, env({"kv_namespaces": [{"binding": "K", "id": "i"}]}, {"kv_namespaces": [None]}), "e"),
    ("b69-null-entry-workflows", J, cfg(workflows=[None]), None),
    ("b69-null-entry-durable-objects", J, cfg(durable_objects={"bindings": [None]}), None),
    # -- access (validateAccess; inherited) ------------------------------------------------------
    ("b69-access-ok", J, cfg(access={"dev": {"aud": "a", "identity": {"email": "e"}}}), None),
    ("b69-access-empty", J, cfg(access={}), None),
    ("b69-access-kinds", J, cfg(access=5), None),
    ("b69-access-null", J, cfg(access=None), None),
    ("b69-access-array", J, cfg(access=[1]), None),
    ("b69-access-dev-kinds", J, cfg(access={"dev": "x", "y": 1}), None),
    ("b69-access-dev-null", J, cfg(access={"dev": None}), None),
    ("b69-access-dev-empty", J, cfg(access={"dev": {}}), None),
    ("b69-access-dev-array", J, cfg(access={"dev": ["a"]}), None),
    ("b69-access-dev-fields", J, cfg(access={"dev": {"aud": 1, "identity": "x", "z": 2}}), None),
    ("b69-access-dev-identity-null", J, cfg(access={"dev": {"aud": "a", "identity": None}}), None),
    ("b69-access-toml-dates", T, TOML_TOP + "[access]\ndev = 1979-05-27\n", None),
    ("b69-access-toml-date", T, TOML_TOP + "access = 1979-05-27\n", None),
    ("b69-access-env", J, env({"access": {"dev": {"aud": "a"}}}, {"access": {"dev": {"aud": 2}}}), "e"),
    ("b69-access-env-inherits", J, env({"access": {"dev": {}}}, {}), "e"),
    ("b69-access-previews", J, cfg(previews={"access": {"dev": {}}}), None),
    # -- workflows: the unique-name rule ------------------------------------------------------------
    ("b69-workflows-dupes", J, cfg(workflows=[{"binding": "A", "name": "x", "class_name": "C"},
                                              {"binding": "B", "name": "x", "class_name": "C"},
                                              {"binding": "C", "class_name": "C"}, {"binding": "D", "class_name": "C"}]), None),
    ("b69-workflows-env-dupes", J, env({}, {"workflows": [{"binding": "A", "name": "x", "class_name": "C"},
                                                          {"binding": "B", "name": "x", "class_name": "C"}]}), "e"),
]
