"""The corpus cases for ``exports`` and ``cloudchamber`` (exports69), which ``config_corpus.py`` adds
to its own: every check of wrangler 4.168.0's ``validateExports`` (each lifecycle state of a
``durable-object`` export, ``worker`` and ``workflow`` exports), ``errorIfMigrationsAndExportsBothSet``,
``validateWorkflowExportConflicts`` and ``validateCloudchamberConfig``, on both sides of each limit,
at the top level, in an environment (its own table and the top level's inherited) and in ``previews``.
"""

from __future__ import annotations

import json
from typing import Any

J = "wrangler.json"
T = "wrangler.toml"
TOP = {"name": "w", "main": "a.js", "compatibility_date": "2024-09-23"}
TOML_TOP = 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n'
TOP_TEXT = json.dumps(TOP)[:-1] + ", "
SQL = {"type": "durable-object", "storage": "sqlite"}
WF = {"type": "workflow", "name": "wf"}


def cfg(**fields: Any) -> str:
    """A JSON config: the basic top level and ``fields``."""
    return json.dumps({**TOP, **fields})


def ex(**entries: Any) -> str:
    """A JSON config whose ``exports`` are ``entries``."""
    return cfg(exports=entries)


def do(**fields: Any) -> dict[str, Any]:
    """A ``durable-object`` export with ``fields``."""
    return {"type": "durable-object", **fields}


def wf(**fields: Any) -> dict[str, Any]:
    """A ``workflow`` export named ``wf`` with ``fields``."""
    return {**WF, **fields}


CASES: list[tuple[str, str, str, str | None]] = [
    # -- the table ------------------------------------------------------------------------------
    ("exports-string", J, cfg(exports="x"), None),
    ("exports-array", J, cfg(exports=[{"type": "worker"}]), None),
    ("exports-number", J, cfg(exports=5), None),
    ("exports-false", J, cfg(exports=False), None),
    ("exports-null", J, cfg(exports=None), None),
    ("exports-empty", J, cfg(exports={}), None),
    ("exports-toml-date", T, TOML_TOP + "exports = 1979-05-27\n", None),
    # -- entries and their type -----------------------------------------------------------------
    ("exports-entry-kinds", J, ex(N=None, F=5, S="x", L=[], E={}, Z=False), None),
    ("exports-entry-types", J, ex(A={"type": "foo"}, B={"type": 5}, C={"type": None}, D={"type": ["worker"]}), None),
    ("exports-entry-toml-date", T, TOML_TOP + "[exports]\nA = 1979-05-27T07:32:00Z\n", None),
    ("exports-key-order", J, ex(b=SQL, **{"2": {"type": "x"}, "1": {"type": "y"}, "a": {"type": "z"}}), None),
    ("exports-empty-key", J, ex(**{"": SQL, " ": {"type": "durable-object", "state": "deleted"}}), None),
    # -- durable-object, created ------------------------------------------------------------------
    ("exports-do-ok", J, ex(A=SQL, B=do(storage="legacy-kv"), C=do(state="created", storage="sqlite")), None),
    ("exports-do-no-storage", J, ex(A=do(), B=do(state="created")), None),
    ("exports-do-bad-storage", J, ex(A=do(storage="kv"), B=do(storage=5), C=do(storage=None), D=do(storage="SQLITE")),
     None),
    ("exports-do-forbidden", J, ex(A=do(storage="sqlite", renamed_to="B", zz=1),
                                   B=do(zz=1, storage="sqlite", **{"0": 1})), None),
    ("exports-do-container-types", J, ex(A=do(storage="sqlite", container=""), B=do(storage="sqlite", container=5),
                                         C=do(storage="sqlite", container=None), D=do(container=["c"])), None),
    ("exports-do-container-legacy-kv", J, ex(A=do(storage="legacy-kv", container="w-a")), None),
    ("exports-do-container-ok", J, cfg(exports={"A": do(storage="sqlite", container="c")},
                                       containers=[{"name": "c", "image": "docker.io/x:1"}]), None),
    ("exports-do-container-none-defined", J, ex(A=do(storage="sqlite", container="c")), None),
    # -- the other states -----------------------------------------------------------------------
    ("exports-do-deleted", J, ex(A=do(state="deleted"), B=do(state="deleted", storage="sqlite"),
                                 C=do(state="deleted", container="c", renamed_to="X")), None),
    ("exports-do-renamed", J, ex(A=do(state="renamed", renamed_to="B"), B=do(state="renamed"),
                                 C=do(state="renamed", renamed_to=""), D=do(state="renamed", renamed_to=5),
                                 E=do(state="renamed", renamed_to="1x"), F=do(state="renamed", renamed_to="F"),
                                 G=do(state="renamed", renamed_to="G\n"), H=do(state="renamed", renamed_to="$_a9"),
                                 I=do(state="renamed", renamed_to="ä"), K=do(state="renamed", renamed_to="a-b",
                                                                              storage="sqlite")), None),
    ("exports-do-transferred", J, ex(A=do(state="transferred", transferred_to="s"), B=do(state="transferred"),
                                     C=do(state="transferred", transferred_to=""),
                                     D=do(state="transferred", transferred_to=1, storage="sqlite")), None),
    ("exports-do-expecting-transfer", J, ex(
        A=do(state="expecting-transfer", storage="sqlite", transfer_from="s"), B=do(state="expecting-transfer"),
        C=do(state="expecting-transfer", storage="legacy-kv", transfer_from=""),
        D=do(state="expecting-transfer", storage="legacy-kv", transfer_from="s", container="c"),
        E=do(state="expecting-transfer", storage="sqlite", transfer_from="s", container=0, renamed_to="x")), None),
    ("exports-do-bad-state", J, ex(A=do(state="live"), B=do(state=5, storage="sqlite"), C=do(state=None),
                                   D=do(state="Created")), None),
    # -- worker exports ---------------------------------------------------------------------------
    ("exports-worker-ok", J, ex(A={"type": "worker"}, B={"type": "worker", "cache": {"enabled": False}}), None),
    ("exports-worker-cache-types", J, ex(A={"type": "worker", "cache": 5}, B={"type": "worker", "cache": None},
                                         C={"type": "worker", "cache": []}, D={"type": "worker", "cache": "x"}), None),
    ("exports-worker-cache-fields", J, ex(A={"type": "worker", "cache": {}},
                                          B={"type": "worker", "cache": {"enabled": "yes", "zz": 1}},
                                          C={"type": "worker", "cache": {"enabled": None}}), None),
    ("exports-worker-unknown", J, ex(A={"type": "worker", "storage": "sqlite", "zz": 1, "cache": {"enabled": 1}}),
     None),
    # -- workflow exports -------------------------------------------------------------------------
    ("exports-workflow-ok", J, ex(A=wf(schedules="* * * * *", limits={"steps": 1}, concurrency={"limit": 1},
                                       default_retention={"success_retention": 1, "error_retention": "3 days"},
                                       jurisdiction="eu"), B=wf(name="x" * 64, schedules=["a", "b"])), None),
    ("exports-workflow-name", J, ex(A={"type": "workflow"}, B={"type": "workflow", "name": 5},
                                    C={"type": "workflow", "name": "-x"}, D={"type": "workflow", "name": "x" * 65},
                                    E={"type": "workflow", "name": ""}, F={"type": "workflow", "name": "_a-1"}), None),
    ("exports-workflow-schedules", J, ex(A=wf(schedules=""), B=wf(name="b", schedules=[]),
                                         C=wf(name="c", schedules=[1]), D=wf(name="d", schedules=["a", ""]),
                                         E=wf(name="e", schedules=5), F=wf(name="f", schedules=None)), None),
    ("exports-workflow-limits", J, ex(A=wf(limits=5), B=wf(name="b", limits={"steps": 0}),
                                      C=wf(name="c", limits={"steps": 1.5, "zz": 1}),
                                      D=wf(name="d", limits={"steps": 25000}), E=wf(name="e", limits={"steps": 25001}),
                                      F=wf(name="f", limits=[])), None),
    ("exports-workflow-retention", J, ex(A=wf(default_retention=5),
                                         B=wf(name="b", default_retention={"success_retention": 0,
                                                                           "error_retention": ""}),
                                         C=wf(name="c", default_retention={"zz": 1, "error_retention": 2.5})), None),
    ("exports-workflow-concurrency", J, ex(A=wf(concurrency=5), B=wf(name="b", concurrency={"limit": 0}),
                                           C=wf(name="c", concurrency={"limit": 1, "zz": 2}),
                                           D=wf(name="d", concurrency={"limit": "1"})), None),
    ("exports-workflow-jurisdiction", J, ex(A=wf(jurisdiction="xx"), B=wf(name="b", jurisdiction="fedramp"),
                                            C=wf(name="c", jurisdiction=None)), None),
    ("exports-workflow-unknown", J, ex(A=wf(binding="B", class_name="C", storage="x")), None),
    # -- workflow names shared ------------------------------------------------------------------
    ("exports-workflow-duplicates", J, ex(A=WF, B=WF, C=wf(name="x"), D=WF, E=wf(name="x"), F={"type": "workflow"},
                                          G={"type": "workflow"}), None),
    ("exports-workflow-duplicates-invalid", J, ex(A=wf(name="-x"), B=wf(name="-x", zz=1)), None),
    ("exports-workflow-and-binding", J, cfg(exports={"A": WF},
                                            workflows=[{"binding": "W", "name": "wf", "class_name": "A"}]), None),
    # -- migrations beside exports ------------------------------------------------------------
    ("exports-and-migrations", J, cfg(migrations=[{"tag": "v1"}], exports={"A": SQL}), None),
    ("exports-and-migrations-empty", J, cfg(migrations=[], exports={"A": SQL}), None),
    ("exports-and-migrations-worker-only", J, cfg(migrations=[{"tag": "v1"}], exports={"A": {"type": "worker"},
                                                                                       "B": WF}), None),
    ("exports-and-migrations-deleted", J, cfg(migrations=[{"tag": "v1"}], exports={"A": do(state="deleted")}), None),
    ("exports-and-migrations-bad-export", J, cfg(migrations=[{"tag": "v1"}], exports={"A": do(storage=1)}), None),
    ("exports-and-migrations-string", J, cfg(migrations="v1", exports={"A": SQL}), None),
    ("exports-and-migrations-length", J, cfg(migrations={"length": "2"}, exports={"A": SQL}), None),
    ("exports-and-migrations-length-zero", J, cfg(migrations={"length": [0]}, exports={"A": SQL}), None),
    ("exports-and-migrations-array-exports", J, cfg(migrations=[{"tag": "v1"}], exports=[SQL]), None),
    ("exports-and-migrations-toml", T, TOML_TOP + '[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n'
     '[exports.A]\ntype = "durable-object"\nstorage = "sqlite"\n[[durable_objects.bindings]]\nname = "A"\n'
     'class_name = "A"\n', None),
    ("exports-and-migrations-null-entry", J, cfg(migrations=[{"tag": "v1"}], exports={"A": None, "B": SQL}), None),
    ("exports-and-migrations-string-exports", J, cfg(migrations=[{"tag": "v1"}], exports="durable-object"), None),
    ("exports-and-migrations-length-date", T, TOML_TOP + "[migrations]\nlength = 1979-05-27\n[exports.A]\n"
     'type = "durable-object"\nstorage = "sqlite"\n', None),
    ("exports-and-migrations-length-big", J, TOP_TEXT + '"migrations": {"length": 123456789012345678901234567890}, '
     '"exports": {"A": {"type": "durable-object", "storage": "sqlite"}}}', None),
    ("exports-toml-dates", T, TOML_TOP + '[exports.A]\ntype = "durable-object"\nstorage = 1979-05-27T07:32:00Z\n'
     '[exports.B]\ntype = "durable-object"\nstate = 1979-05-27T00:32:00.999999-07:00\n[exports.C]\ntype = "worker"\n'
     "cache = 07:32:00\n[exports.D]\ntype = 1979-05-27T07:32:00\n", None),
    ("exports-workflow-toml-date-settings", T, TOML_TOP + '[exports.W]\ntype = "workflow"\nname = "w"\n'
     "limits = 1979-05-27\nconcurrency = 07:32:00\ndefault_retention = 1979-05-27T07:32:00Z\n[[workflows]]\n"
     'binding = "B"\nname = "v"\nclass_name = "C"\nlimits = 1979-05-27\nconcurrency = [1]\n', None),
    ("exports-workflow-duplicates-order", J, ex(b=WF, **{"2": WF, "1": WF}), None),
    ("exports-workflow-array-exports", J, cfg(exports=[WF, WF], migrations=[{"tag": "v"}]), None),
    # -- environments ---------------------------------------------------------------------------
    ("exports-env-own", J, cfg(exports={"A": SQL}, env={"s": {"exports": {"A": do(), "B": {"type": 1}}}}), "s"),
    ("exports-env-inherits-bad", J, cfg(exports={"A": do(), "B": wf(name="-"), "C": wf(name="-")},
                                        env={"s": {}}), "s"),
    ("exports-env-null", J, cfg(exports={"A": do(storage="x")}, env={"s": {"exports": None}}), "s"),
    ("exports-env-not-object", J, cfg(env={"s": {"exports": [1]}}), "s"),
    ("exports-env-migrations-inherited", J, cfg(migrations=[{"tag": "v1"}], env={"s": {"exports": {"A": SQL}}}), "s"),
    ("exports-env-exports-inherited", J, cfg(exports={"A": SQL}, env={"s": {"migrations": [{"tag": "v1"}]}}), "s"),
    ("exports-env-both-inherited", J, cfg(exports={"A": SQL, "W": WF, "V": WF}, migrations=[{"tag": "v1"}],
                                          env={"s": {"name": "x"}}), "s"),
    ("exports-env-own-empty", J, cfg(exports={"A": SQL}, migrations=[{"tag": "v1"}], env={"s": {"exports": {}}}), "s"),
    ("exports-env-other", J, cfg(env={"s": {"exports": {"A": do()}}, "t": {"exports": 5}}), "s"),
    ("exports-env-unknown", J, cfg(exports={"A": do(storage=None)}, env={"s": {}}), "nope"),
    ("exports-env-toml", T, TOML_TOP + '[env.s.exports.A]\ntype = "durable-object"\nstate = "renamed"\n'
     'renamed_to = "A"\n[env.s.exports.W]\ntype = "workflow"\nname = "w"\n[env.s.exports.V]\ntype = "workflow"\n'
     'name = "w"\n', "s"),
    # -- previews -------------------------------------------------------------------------------
    ("exports-previews", J, cfg(previews={"exports": {"A": do()}, "cloudchamber": 5}), None),
    ("exports-previews-env", J, cfg(env={"s": {"previews": {"exports": 5, "migrations": []}}}), "s"),
    # -- cloudchamber ---------------------------------------------------------------------------
    ("cloudchamber-types", J, cfg(cloudchamber=5), None),
    ("cloudchamber-string", J, cfg(cloudchamber="x"), None),
    ("cloudchamber-null", J, cfg(cloudchamber=None), None),
    ("cloudchamber-array", J, cfg(cloudchamber=[]), None),
    ("cloudchamber-empty", J, cfg(cloudchamber={}), None),
    ("cloudchamber-ok", J, cfg(cloudchamber={"memory": "1GB", "image": "x", "location": "l", "ipv4": True,
                                             "vcpu": 0.5, "zz": 1}), None),
    ("cloudchamber-fields", J, cfg(cloudchamber={"vcpu": "1", "memory": 5, "ipv4": "yes", "image": None,
                                                 "location": []}), None),
    ("cloudchamber-instance-types", J, cfg(cloudchamber={"instance_type": "lite"}, env={
        "a": {"cloudchamber": {"instance_type": "dev"}}, "b": {"cloudchamber": {"instance_type": "standard"}}}), "a"),
    ("cloudchamber-instance-standard", J, cfg(cloudchamber={"instance_type": "standard"}), None),
    ("cloudchamber-instance-bad", J, cfg(cloudchamber={"instance_type": "large"}), None),
    ("cloudchamber-instance-number", J, cfg(cloudchamber={"instance_type": 5, "vcpu": 1}), None),
    ("cloudchamber-instance-null", J, cfg(cloudchamber={"instance_type": None, "memory": None}), None),
    ("cloudchamber-instance-array", J, cfg(cloudchamber={"instance_type": ["a", 1], "memory": "1GB", "vcpu": 2}),
     None),
    ("cloudchamber-instance-object", J, cfg(cloudchamber={"instance_type": {"a": 1}, "vcpu": "x"}), None),
    ("cloudchamber-instance-float", J, cfg(cloudchamber={"instance_type": 1.5}), None),
    ("cloudchamber-instance-with-memory", J, cfg(cloudchamber={"instance_type": "basic", "memory": "1GB"}), None),
    ("cloudchamber-env", J, cfg(cloudchamber={"vcpu": 1}, env={"s": {"cloudchamber": "x"}, "t": {}}), "s"),
    ("cloudchamber-env-left-out", J, cfg(cloudchamber={"vcpu": "1"}, env={"s": {}}), "s"),
    ("cloudchamber-toml", T, TOML_TOP + '[cloudchamber]\nmemory = 1979-05-27\nvcpu = nan\ninstance_type = "lite"\n',
     None),
    ("cloudchamber-toml-instance-date", T, TOML_TOP + "[cloudchamber]\ninstance_type = 1979-05-27\n", None),
    ("cloudchamber-toml-instance-time", T, TOML_TOP + "[cloudchamber]\ninstance_type = 07:32:00\nimage = 07:32:00\n",
     None),
    ("cloudchamber-toml-instance-dates", T, TOML_TOP + "[cloudchamber]\ninstance_type = [1979-05-27T07:32:00Z, "
     "1979-05-27T00:32:00.5-07:00, 07:32:00, 1]\n", None),
    # wrangler crashes: ``${value}`` of smol-toml's table, an object without a prototype (verdict only)
    ("cloudchamber-toml-instance-table", T, TOML_TOP + "[cloudchamber.instance_type]\na = 1\n", None),
    ("cloudchamber-toml-date", T, TOML_TOP + "cloudchamber = 1979-05-27\n", None),
    ("cloudchamber-toml-env", T, TOML_TOP + '[env.s.cloudchamber]\nipv4 = 1\ninstance_type = "standard-4"\nvcpu = 2\n',
     "s"),
]

__all__ = ["CASES"]
