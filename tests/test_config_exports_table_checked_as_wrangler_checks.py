"""The ``exports`` table -- of the top level, an ``[env.NAME]`` (its own, and the top level's it
inherits) and a ``previews`` table -- checked as wrangler 4.168.0's ``validateExports`` checks it:
the table an object keyed by class name, each entry an object of a known ``type``; a
``durable-object`` export's lifecycle ``state`` (``created``, ``deleted``, ``renamed``,
``transferred``, ``expecting-transfer``), what each state requires (``storage`` sqlite or legacy-kv,
``renamed_to`` a JavaScript identifier other than the class, ``transferred_to``, ``transfer_from``)
and forbids, its ``container`` (a non-empty string, not on legacy-kv); ``worker`` exports with their
``cache``; ``workflow`` exports with a valid ``name`` and a ``workflows`` entry's settings. At the
end of each section, ``migrations`` beside a Durable Object export (``errorIfMigrationsAndExportsBothSet``)
and two exports declaring one Workflow (``validateWorkflowExportConflicts``) are errors. Each case's
verdict and lines are what ``unstable_readConfig`` of wrangler 4.168.0 printed for it (exports69,
``tools/wrangler/config_diff.py``'s reader over ``tools/wrangler/config_corpus_exports.py``);
before, workers-env checked no ``exports`` entry (22 of the 69 verdicts and
28 of wrangler's 248 lines alike; a TOML date and a number past 2**53 are now printed as wrangler
prints them, ``"1979-05-27T07:32:00.000Z"`` and ``1.2345678901234568e+29``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env._errors import ConfigError
from workers_env.config import check_config

CASES = [
    ('exports-string', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": "x"}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "exports" field should be an object keyed by class name, but got "x"']),
    ('exports-array', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": [{"type": "worker"}]}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "exports" field should be an object keyed by class name, but got [{"type":"worker"}]']),
    ('exports-number', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": 5}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "exports" field should be an object keyed by class name, but got 5']),
    ('exports-false', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": false}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "exports" field should be an object keyed by class name, but got false']),
    ('exports-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": null}', None, True,
     []),
    ('exports-empty', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {}}', None, True,
     []),
    ('exports-toml-date', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\nexports = 1979-05-27\n', None, True,
     []),
    ('exports-entry-kinds', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"N": null, "F": 5, "S": "x", "L": [], "E": {}, "Z": false}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.N" should be an object but got null.', '- "exports.F" should be an object but got 5.', '- "exports.S" should be an object but got "x".', '- "exports.L.type" must be "durable-object", "worker", or "workflow", but got undefined.', '- "exports.E.type" must be "durable-object", "worker", or "workflow", but got undefined.', '- "exports.Z" should be an object but got false.']),
    ('exports-entry-types', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "foo"}, "B": {"type": 5}, "C": {"type": null}, "D": {"type": ["worker"]}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.type" must be "durable-object", "worker", or "workflow", but got "foo".', '- "exports.B.type" must be "durable-object", "worker", or "workflow", but got 5.', '- "exports.C.type" must be "durable-object", "worker", or "workflow", but got null.', '- "exports.D.type" must be "durable-object", "worker", or "workflow", but got ["worker"].']),
    ('exports-entry-toml-date', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[exports]\nA = 1979-05-27T07:32:00Z\n', None, False,
     ['Processing wrangler.toml configuration:', '- "exports.A.type" must be "durable-object", "worker", or "workflow", but got undefined.']),
    ('exports-key-order', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"b": {"type": "durable-object", "storage": "sqlite"}, "2": {"type": "x"}, "1": {"type": "y"}, "a": {"type": "z"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.1.type" must be "durable-object", "worker", or "workflow", but got "y".', '- "exports.2.type" must be "durable-object", "worker", or "workflow", but got "x".', '- "exports.a.type" must be "durable-object", "worker", or "workflow", but got "z".']),
    ('exports-empty-key', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"": {"type": "durable-object", "storage": "sqlite"}, " ": {"type": "durable-object", "state": "deleted"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "export" keys cannot be the empty string.']),
    ('exports-do-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite"}, "B": {"type": "durable-object", "storage": "legacy-kv"}, "C": {"type": "durable-object", "state": "created", "storage": "sqlite"}}}', None, True,
     []),
    ('exports-do-no-storage', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object"}, "B": {"type": "durable-object", "state": "created"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got undefined', '- "exports.B.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got undefined']),
    ('exports-do-bad-storage', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "kv"}, "B": {"type": "durable-object", "storage": 5}, "C": {"type": "durable-object", "storage": null}, "D": {"type": "durable-object", "storage": "SQLITE"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got "kv"', '- "exports.B.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got 5', '- "exports.C.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got null', '- "exports.D.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got "SQLITE"']),
    ('exports-do-forbidden', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite", "renamed_to": "B", "zz": 1}, "B": {"type": "durable-object", "zz": 1, "storage": "sqlite", "0": 1}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.renamed_to" is forbidden on state "created".', '- "exports.A.zz" is forbidden on state "created".', '- Allowed properties are: type, state, storage, and container.', '- "exports.B.0" is forbidden on state "created".', '- "exports.B.zz" is forbidden on state "created".', '- Allowed properties are: type, state, storage, and container.']),
    ('exports-do-container-types', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite", "container": ""}, "B": {"type": "durable-object", "storage": "sqlite", "container": 5}, "C": {"type": "durable-object", "storage": "sqlite", "container": null}, "D": {"type": "durable-object", "container": ["c"]}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.container" must be a non-empty string naming a container in the "containers" array, but got "".', '- "exports.B.container" must be a non-empty string naming a container in the "containers" array, but got 5.', '- "exports.C.container" must be a non-empty string naming a container in the "containers" array, but got null.', '- "exports.D.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got undefined', '- "exports.D.container" must be a non-empty string naming a container in the "containers" array, but got ["c"].']),
    ('exports-do-container-legacy-kv', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "legacy-kv", "container": "w-a"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.container" requires "storage" to be "sqlite". Containers are not supported on Durable Objects using the "legacy-kv" storage backend.', '- "exports.A.container" references a container named "w-a", but no container with that name is defined in "containers".']),
    ('exports-do-container-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite", "container": "c"}}, "containers": [{"name": "c", "image": "docker.io/x:1"}]}', None, True,
     []),
    ('exports-do-container-none-defined', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite", "container": "c"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.container" references a container named "c", but no container with that name is defined in "containers".']),
    ('exports-do-deleted', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "state": "deleted"}, "B": {"type": "durable-object", "state": "deleted", "storage": "sqlite"}, "C": {"type": "durable-object", "state": "deleted", "container": "c", "renamed_to": "X"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.B.storage" is forbidden on state "deleted".', '- Allowed properties are: type and state.', '- "exports.C.container" is forbidden on state "deleted".', '- "exports.C.renamed_to" is forbidden on state "deleted".', '- Allowed properties are: type and state.']),
    ('exports-do-renamed', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "state": "renamed", "renamed_to": "B"}, "B": {"type": "durable-object", "state": "renamed"}, "C": {"type": "durable-object", "state": "renamed", "renamed_to": ""}, "D": {"type": "durable-object", "state": "renamed", "renamed_to": 5}, "E": {"type": "durable-object", "state": "renamed", "renamed_to": "1x"}, "F": {"type": "durable-object", "state": "renamed", "renamed_to": "F"}, "G": {"type": "durable-object", "state": "renamed", "renamed_to": "G\\n"}, "H": {"type": "durable-object", "state": "renamed", "renamed_to": "$_a9"}, "I": {"type": "durable-object", "state": "renamed", "renamed_to": "\\u00e4"}, "K": {"type": "durable-object", "state": "renamed", "renamed_to": "a-b", "storage": "sqlite"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.B.renamed_to" is required for state "renamed" and must be a non-empty string.', '- "exports.C.renamed_to" is required for state "renamed" and must be a non-empty string.', '- "exports.D.renamed_to" is required for state "renamed" and must be a non-empty string.', '- "exports.E.renamed_to" must be a valid JavaScript identifier (got "1x").', '- "exports.F.renamed_to" cannot equal the source class name "F".', '- "exports.G.renamed_to" must be a valid JavaScript identifier (got "G', '").', '- "exports.I.renamed_to" must be a valid JavaScript identifier (got "ä").', '- "exports.K.renamed_to" must be a valid JavaScript identifier (got "a-b").', '- "exports.K.storage" is forbidden on state "renamed".', '- Allowed properties are: type, state, and renamed_to.']),
    ('exports-do-transferred', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "state": "transferred", "transferred_to": "s"}, "B": {"type": "durable-object", "state": "transferred"}, "C": {"type": "durable-object", "state": "transferred", "transferred_to": ""}, "D": {"type": "durable-object", "state": "transferred", "transferred_to": 1, "storage": "sqlite"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.B.transferred_to" is required for state "transferred" and must be a non-empty string.', '- "exports.C.transferred_to" is required for state "transferred" and must be a non-empty string.', '- "exports.D.transferred_to" is required for state "transferred" and must be a non-empty string.', '- "exports.D.storage" is forbidden on state "transferred".', '- Allowed properties are: type, state, and transferred_to.']),
    ('exports-do-expecting-transfer', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "state": "expecting-transfer", "storage": "sqlite", "transfer_from": "s"}, "B": {"type": "durable-object", "state": "expecting-transfer"}, "C": {"type": "durable-object", "state": "expecting-transfer", "storage": "legacy-kv", "transfer_from": ""}, "D": {"type": "durable-object", "state": "expecting-transfer", "storage": "legacy-kv", "transfer_from": "s", "container": "c"}, "E": {"type": "durable-object", "state": "expecting-transfer", "storage": "sqlite", "transfer_from": "s", "container": 0, "renamed_to": "x"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.B.storage" is required for state "expecting-transfer" and must be one of sqlite and legacy-kv, but got undefined', '- "exports.B.transfer_from" is required for state "expecting-transfer" and must be a non-empty string.', '- "exports.C.transfer_from" is required for state "expecting-transfer" and must be a non-empty string.', '- "exports.D.container" requires "storage" to be "sqlite". Containers are not supported on Durable Objects using the "legacy-kv" storage backend.', '- "exports.E.container" must be a non-empty string naming a container in the "containers" array, but got 0.', '- "exports.E.renamed_to" is forbidden on state "expecting-transfer".', '- Allowed properties are: type, state, storage, transfer_from, and container.', '- "exports.D.container" references a container named "c", but no container with that name is defined in "containers".']),
    ('exports-do-bad-state', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "state": "live"}, "B": {"type": "durable-object", "state": 5, "storage": "sqlite"}, "C": {"type": "durable-object", "state": null}, "D": {"type": "durable-object", "state": "Created"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.state" must be one of "created", "deleted", "renamed", "transferred", or "expecting-transfer" but got "live".', '- "exports.B.state" must be one of "created", "deleted", "renamed", "transferred", or "expecting-transfer" but got 5.', '- "exports.C.state" must be one of "created", "deleted", "renamed", "transferred", or "expecting-transfer" but got null.', '- "exports.D.state" must be one of "created", "deleted", "renamed", "transferred", or "expecting-transfer" but got "Created".']),
    ('exports-worker-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "worker"}, "B": {"type": "worker", "cache": {"enabled": false}}}}', None, True,
     []),
    ('exports-worker-cache-types', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "worker", "cache": 5}, "B": {"type": "worker", "cache": null}, "C": {"type": "worker", "cache": []}, "D": {"type": "worker", "cache": "x"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.cache" should be an object but got 5.', '- "exports.B.cache" should be an object but got null.', '- "exports.C.cache" should be an object but got [].', '- "exports.D.cache" should be an object but got "x".']),
    ('exports-worker-cache-fields', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "worker", "cache": {}}, "B": {"type": "worker", "cache": {"enabled": "yes", "zz": 1}}, "C": {"type": "worker", "cache": {"enabled": null}}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in exports.B.cache field: "zz"', 'Processing wrangler.json configuration:', '- "exports.A.cache.enabled" is a required field.', '- Expected "exports.B.cache.enabled" to be of type boolean but got "yes".', '- Expected "exports.C.cache.enabled" to be of type boolean but got null.']),
    ('exports-worker-unknown', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "worker", "storage": "sqlite", "zz": 1, "cache": {"enabled": 1}}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in exports.A field: "storage","zz"', 'Processing wrangler.json configuration:', '- Expected "exports.A.cache.enabled" to be of type boolean but got 1.']),
    ('exports-workflow-ok', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf", "schedules": "* * * * *", "limits": {"steps": 1}, "concurrency": {"limit": 1}, "default_retention": {"success_retention": 1, "error_retention": "3 days"}, "jurisdiction": "eu"}, "B": {"type": "workflow", "name": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "schedules": ["a", "b"]}}}', None, True,
     []),
    ('exports-workflow-name', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow"}, "B": {"type": "workflow", "name": 5}, "C": {"type": "workflow", "name": "-x"}, "D": {"type": "workflow", "name": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}, "E": {"type": "workflow", "name": ""}, "F": {"type": "workflow", "name": "_a-1"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.name" is a required field.', '- Expected "exports.B.name" to be of type string but got 5.', '- "exports.C.name" is invalid. Workflow names must be 1-64 characters long, start with a letter, number, or underscore, and may only contain letters, numbers, underscores, or hyphens.', '- "exports.D.name" is invalid. Workflow names must be 1-64 characters long, start with a letter, number, or underscore, and may only contain letters, numbers, underscores, or hyphens.', '- "exports.E.name" is invalid. Workflow names must be 1-64 characters long, start with a letter, number, or underscore, and may only contain letters, numbers, underscores, or hyphens.']),
    ('exports-workflow-schedules', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf", "schedules": ""}, "B": {"type": "workflow", "name": "b", "schedules": []}, "C": {"type": "workflow", "name": "c", "schedules": [1]}, "D": {"type": "workflow", "name": "d", "schedules": ["a", ""]}, "E": {"type": "workflow", "name": "e", "schedules": 5}, "F": {"type": "workflow", "name": "f", "schedules": null}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A" export "schedules" field must not be an empty string.', '- "exports.B" export "schedules" field must not be an empty array.', '- "exports.C" export should, optionally, have a string or array of strings "schedules" field but got {"type":"workflow","name":"c","schedules":[1]}.', '- "exports.D" export "schedules" field must not contain empty strings.', '- "exports.E" export should, optionally, have a string or array of strings "schedules" field but got {"type":"workflow","name":"e","schedules":5}.', '- "exports.F" export should, optionally, have a string or array of strings "schedules" field but got {"type":"workflow","name":"f","schedules":null}.']),
    ('exports-workflow-limits', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf", "limits": 5}, "B": {"type": "workflow", "name": "b", "limits": {"steps": 0}}, "C": {"type": "workflow", "name": "c", "limits": {"steps": 1.5, "zz": 1}}, "D": {"type": "workflow", "name": "d", "limits": {"steps": 25000}}, "E": {"type": "workflow", "name": "e", "limits": {"steps": 25001}}, "F": {"type": "workflow", "name": "f", "limits": []}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in exports.C.limits field: "zz"', '- "exports.E" has a step limit of 25001, which exceeds the production maximum of 25,000. This configuration may not work when deployed.', 'Processing wrangler.json configuration:', '- "exports.A" export should, optionally, have an object "limits" field but got {"type":"workflow","name":"wf","limits":5}.', '- "exports.B" export "limits.steps" field must be a positive integer but got 0.', '- "exports.C" export "limits.steps" field must be a positive integer but got 1.5.', '- "exports.F" export should, optionally, have an object "limits" field but got {"type":"workflow","name":"f","limits":[]}.']),
    ('exports-workflow-retention', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf", "default_retention": 5}, "B": {"type": "workflow", "name": "b", "default_retention": {"success_retention": 0, "error_retention": ""}}, "C": {"type": "workflow", "name": "c", "default_retention": {"zz": 1, "error_retention": 2.5}}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in exports.C.default_retention field: "zz"', 'Processing wrangler.json configuration:', '- "exports.A" export should, optionally, have an object "default_retention" field but got {"type":"workflow","name":"wf","default_retention":5}.', '- "exports.B" export "default_retention.success_retention" field must be a positive integer of milliseconds or a duration string such as "3 days", but got 0.', '- "exports.B" export "default_retention.error_retention" field must be a positive integer of milliseconds or a duration string such as "3 days", but got "".', '- "exports.C" export "default_retention.error_retention" field must be a positive integer of milliseconds or a duration string such as "3 days", but got 2.5.']),
    ('exports-workflow-concurrency', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf", "concurrency": 5}, "B": {"type": "workflow", "name": "b", "concurrency": {"limit": 0}}, "C": {"type": "workflow", "name": "c", "concurrency": {"limit": 1, "zz": 2}}, "D": {"type": "workflow", "name": "d", "concurrency": {"limit": "1"}}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in exports.C.concurrency field: "zz"', 'Processing wrangler.json configuration:', '- "exports.A" export should, optionally, have an object "concurrency" field but got {"type":"workflow","name":"wf","concurrency":5}.', '- "exports.B" export "concurrency.limit" field must be a positive integer but got 0.', '- "exports.D" export "concurrency.limit" field must be a positive integer but got "1".']),
    ('exports-workflow-jurisdiction', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf", "jurisdiction": "xx"}, "B": {"type": "workflow", "name": "b", "jurisdiction": "fedramp"}, "C": {"type": "workflow", "name": "c", "jurisdiction": null}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A" export "jurisdiction" field must be one of "eu", "fedramp", or "us", but got "xx".', '- "exports.C" export "jurisdiction" field must be one of "eu", "fedramp", or "us", but got null.']),
    ('exports-workflow-unknown', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf", "binding": "B", "class_name": "C", "storage": "x"}}}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in exports.A field: "binding","class_name","storage"']),
    ('exports-workflow-duplicates', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf"}, "B": {"type": "workflow", "name": "wf"}, "C": {"type": "workflow", "name": "x"}, "D": {"type": "workflow", "name": "wf"}, "E": {"type": "workflow", "name": "x"}, "F": {"type": "workflow"}, "G": {"type": "workflow"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.F.name" is a required field.', '- "exports.G.name" is a required field.', '- "exports.A" and "exports.B" both declare the Workflow "wf". Workflow names must be unique.', '- "exports.A" and "exports.D" both declare the Workflow "wf". Workflow names must be unique.', '- "exports.C" and "exports.E" both declare the Workflow "x". Workflow names must be unique.']),
    ('exports-workflow-duplicates-invalid', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "-x"}, "B": {"type": "workflow", "name": "-x", "zz": 1}}}', None, False,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in exports.B field: "zz"', 'Processing wrangler.json configuration:', '- "exports.A.name" is invalid. Workflow names must be 1-64 characters long, start with a letter, number, or underscore, and may only contain letters, numbers, underscores, or hyphens.', '- "exports.B.name" is invalid. Workflow names must be 1-64 characters long, start with a letter, number, or underscore, and may only contain letters, numbers, underscores, or hyphens.', '- "exports.A" and "exports.B" both declare the Workflow "-x". Workflow names must be unique.']),
    ('exports-workflow-and-binding', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "workflow", "name": "wf"}}, "workflows": [{"binding": "W", "name": "wf", "class_name": "A"}]}', None, True,
     []),
    ('exports-and-migrations', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": [{"tag": "v1"}], "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}}', None, False,
     ['Processing wrangler.json configuration:', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-and-migrations-empty', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": [], "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}}', None, True,
     []),
    ('exports-and-migrations-worker-only', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": [{"tag": "v1"}], "exports": {"A": {"type": "worker"}, "B": {"type": "workflow", "name": "wf"}}}', None, True,
     []),
    ('exports-and-migrations-deleted', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": [{"tag": "v1"}], "exports": {"A": {"type": "durable-object", "state": "deleted"}}}', None, False,
     ['Processing wrangler.json configuration:', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-and-migrations-bad-export', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": [{"tag": "v1"}], "exports": {"A": {"type": "durable-object", "storage": 1}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got 1', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-and-migrations-string', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": "v1", "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "migrations" field should be an array, but got "v1"', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-and-migrations-length', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": {"length": "2"}, "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "migrations" field should be an array, but got {"length":"2"}', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-and-migrations-length-zero', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": {"length": [0]}, "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "migrations" field should be an array, but got {"length":[0]}']),
    ('exports-and-migrations-array-exports', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": [{"tag": "v1"}], "exports": [{"type": "durable-object", "storage": "sqlite"}]}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "exports" field should be an object keyed by class name, but got [{"type":"durable-object","storage":"sqlite"}]', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-and-migrations-toml', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n[exports.A]\ntype = "durable-object"\nstorage = "sqlite"\n[[durable_objects.bindings]]\nname = "A"\nclass_name = "A"\n', None, False,
     ['Processing wrangler.toml configuration:', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-and-migrations-string-exports', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": [{"tag": "v1"}], "exports": "durable-object"}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "exports" field should be an object keyed by class name, but got "durable-object"']),
    ('exports-and-migrations-length-date', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[migrations]\nlength = 1979-05-27\n[exports.A]\ntype = "durable-object"\nstorage = "sqlite"\n', None, False,
     ['Processing wrangler.toml configuration:', '- The optional "migrations" field should be an array, but got {"length":"1979-05-27"}', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-and-migrations-length-big', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": {"length": 123456789012345678901234567890}, "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "migrations" field should be an array, but got {"length":1.2345678901234568e+29}', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-toml-dates', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[exports.A]\ntype = "durable-object"\nstorage = 1979-05-27T07:32:00Z\n[exports.B]\ntype = "durable-object"\nstate = 1979-05-27T00:32:00.999999-07:00\n[exports.C]\ntype = "worker"\ncache = 07:32:00\n[exports.D]\ntype = 1979-05-27T07:32:00\n', None, False,
     ['Processing wrangler.toml configuration:', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got "1979-05-27T07:32:00.000Z"', '- "exports.B.state" must be one of "created", "deleted", "renamed", "transferred", or "expecting-transfer" but got "1979-05-27T00:32:00.999-07:00".', '- "exports.C.cache.enabled" is a required field.', '- "exports.D.type" must be "durable-object", "worker", or "workflow", but got "1979-05-27T07:32:00.000".']),
    ('exports-workflow-duplicates-order', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"b": {"type": "workflow", "name": "wf"}, "2": {"type": "workflow", "name": "wf"}, "1": {"type": "workflow", "name": "wf"}}}', None, False,
     ['Processing wrangler.json configuration:', '- "exports.1" and "exports.2" both declare the Workflow "wf". Workflow names must be unique.', '- "exports.1" and "exports.b" both declare the Workflow "wf". Workflow names must be unique.']),
    ('exports-workflow-array-exports', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": [{"type": "workflow", "name": "wf"}, {"type": "workflow", "name": "wf"}], "migrations": [{"tag": "v"}]}', None, False,
     ['Processing wrangler.json configuration:', '- The optional "exports" field should be an object keyed by class name, but got [{"type":"workflow","name":"wf"},{"type":"workflow","name":"wf"}]', '- "exports.0" and "exports.1" both declare the Workflow "wf". Workflow names must be unique.']),
    ('exports-env-own', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}, "env": {"s": {"exports": {"A": {"type": "durable-object"}, "B": {"type": 1}}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got undefined', '- "exports.B.type" must be "durable-object", "worker", or "workflow", but got 1.']),
    ('exports-env-inherits-bad', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object"}, "B": {"type": "workflow", "name": "-"}, "C": {"type": "workflow", "name": "-"}}, "env": {"s": {}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got undefined', '- "exports.B.name" is invalid. Workflow names must be 1-64 characters long, start with a letter, number, or underscore, and may only contain letters, numbers, underscores, or hyphens.', '- "exports.C.name" is invalid. Workflow names must be 1-64 characters long, start with a letter, number, or underscore, and may only contain letters, numbers, underscores, or hyphens.', '- "exports.B" and "exports.C" both declare the Workflow "-". Workflow names must be unique.', '- "env.s" environment configuration', '- "exports.B" and "exports.C" both declare the Workflow "-". Workflow names must be unique.']),
    ('exports-env-null', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "x"}}, "env": {"s": {"exports": null}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got "x"']),
    ('exports-env-not-object', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "env": {"s": {"exports": [1]}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- The optional "exports" field should be an object keyed by class name, but got [1]']),
    ('exports-env-migrations-inherited', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "migrations": [{"tag": "v1"}], "env": {"s": {"exports": {"A": {"type": "durable-object", "storage": "sqlite"}}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-env-exports-inherited', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}, "env": {"s": {"migrations": [{"tag": "v1"}]}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-env-both-inherited', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite"}, "W": {"type": "workflow", "name": "wf"}, "V": {"type": "workflow", "name": "wf"}}, "migrations": [{"tag": "v1"}], "env": {"s": {"name": "x"}}}', 's', False,
     ['Processing wrangler.json configuration:', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.', '- "exports.W" and "exports.V" both declare the Workflow "wf". Workflow names must be unique.', '- "env.s" environment configuration', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.', '- "exports.W" and "exports.V" both declare the Workflow "wf". Workflow names must be unique.']),
    ('exports-env-own-empty', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": "sqlite"}}, "migrations": [{"tag": "v1"}], "env": {"s": {"exports": {}}}}', 's', False,
     ['Processing wrangler.json configuration:', '- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable Object lifecycle, but not both.']),
    ('exports-env-other', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "env": {"s": {"exports": {"A": {"type": "durable-object"}}}, "t": {"exports": 5}}}', 's', False,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got undefined']),
    ('exports-env-unknown', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "exports": {"A": {"type": "durable-object", "storage": null}}, "env": {"s": {}}}', 'nope', False,
     ['Processing wrangler.json configuration:', '- "exports.A.storage" is required for state "created" and must be one of sqlite and legacy-kv, but got null', '- No environment found in configuration with name "nope".', 'Before using `--env=nope` there should be an equivalent environment section in the configuration.', 'The available configured environment names are: ["s"]', 'Consider adding an environment configuration section to the wrangler.json file:', '```', '[env.nope]', '```']),
    ('exports-env-toml', 'wrangler.toml', 'name = "w"\nmain = "a.js"\ncompatibility_date = "2024-09-23"\n[env.s.exports.A]\ntype = "durable-object"\nstate = "renamed"\nrenamed_to = "A"\n[env.s.exports.W]\ntype = "workflow"\nname = "w"\n[env.s.exports.V]\ntype = "workflow"\nname = "w"\n', 's', False,
     ['Processing wrangler.toml configuration:', '- "env.s" environment configuration', '- "exports.A.renamed_to" cannot equal the source class name "A".', '- "exports.W" and "exports.V" both declare the Workflow "w". Workflow names must be unique.']),
    ('exports-previews', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "previews": {"exports": {"A": {"type": "durable-object"}}, "cloudchamber": 5}}', None, True,
     ['Processing wrangler.json configuration:', '- Unexpected fields found in previews field: "exports","cloudchamber"']),
    ('exports-previews-env', 'wrangler.json', '{"name": "w", "main": "a.js", "compatibility_date": "2024-09-23", "env": {"s": {"previews": {"exports": 5, "migrations": []}}}}', 's', True,
     ['Processing wrangler.json configuration:', '- "env.s" environment configuration', '- Unexpected fields found in previews field: "exports","migrations"']),

]


def checked(tmp_path: Path, file_name: str, text: str, env: str | None) -> tuple[bool, list[str]]:
    (tmp_path / file_name).write_text(text, encoding="utf-8")
    report = check_config(tmp_path / file_name, environment=env)
    return report.ok, [line.strip() for line in report.render(cwd=tmp_path).splitlines() if line.strip()]


@pytest.mark.parametrize(("name", "file_name", "text", "env", "ok", "expected"), [
    pytest.param(*case, id=case[0]) for case in CASES
])
def test_exports_read_as_wrangler_4_168(tmp_path: Path, name: str, file_name: str, text: str, env: str | None,
                                       ok: bool, expected: list[str]) -> None:
    assert checked(tmp_path, file_name, text, env) == (ok, expected)


def test_a_null_export_beside_migrations_is_named_not_a_crash(tmp_path: Path) -> None:
    """wrangler 4.168.0 stops with ``Cannot read properties of null (reading 'type')`` when
    ``migrations`` is set and an export is null; workers-env names the entry and says the rest."""
    text = '{"name": "w", "migrations": [{"tag": "v1"}], "exports": {"A": null, "B": {"type": "durable-object", ' \
           '"storage": "sqlite"}}}'
    assert checked(tmp_path, "wrangler.json", text, None) == (False, [
        "Processing wrangler.json configuration:",
        '- "exports.A" should be an object but got null.',
        "- `migrations` and `exports` are mutually exclusive. Choose one or the other to declare your Durable "
        "Object lifecycle, but not both.",
    ])


def test_an_export_problem_has_the_entry_as_its_path(tmp_path: Path) -> None:
    """``validate --json``'s diagnostics: each entry's path, the section's for the end-of-section checks."""
    (tmp_path / "wrangler.json").write_text(
        '{"name": "w", "migrations": [{"tag": "v1"}], "exports": {"A": {"type": "durable-object"}, '
        '"W": {"type": "workflow", "name": "w"}, "V": {"type": "workflow", "name": "w"}}, '
        '"env": {"s": {"exports": {"B": {"type": "worker", "cache": 1}}}}}', encoding="utf-8")
    report = check_config(tmp_path / "wrangler.json", environment="s")
    assert [(d.path, d.env) for d in report.errors] == [
        ("exports.A", None), ("migrations", None), ("exports", None), ("exports.B.cache", "s"),
    ]


def test_validate_and_load_env_refuse_a_bad_export_and_change_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from workers_env import load_env
    from workers_env.cli import main

    config = tmp_path / "wrangler.toml"
    text = 'name = "w"\nmain = "a.js"\n[exports.Counter]\ntype = "durable-object"\nstate = "renamed"\n' \
           'renamed_to = "Counter"\n'
    config.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    message = '"exports.Counter.renamed_to" cannot equal the source class name "Counter".'
    assert main(["validate", "--config", str(config)]) == 1
    out = capsys.readouterr()
    assert message in out.out + out.err
    with pytest.raises(ConfigError, match='cannot equal the source class name "Counter"'):
        load_env(config)
    assert config.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wrangler.toml"]
