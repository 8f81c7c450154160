"""Wrangler's configuration rules, and the report they produce.

Every check and every message text lives in this package, worded exactly as wrangler 4.x
words it (``packages/workers-utils/src/config/validation.ts``), so a config that wrangler
accepts passes here and one it rejects fails with the same text. Rendering follows wrangler's
``Diagnostics`` tree: top-level items, then the selected environment's items nested
under ``"env.<NAME>" environment configuration``.

The package only judges data it is given; finding, parsing and merging the file is
:mod:`workers_env.config.wrangler`'s job. Its modules, from the bottom up: what wrangler
knows (:mod:`.fields`), the report (:mod:`.report`), how JavaScript reads a value
(:mod:`.jsvalues`), where findings go (:mod:`.sink`), the single-field checks
(:mod:`.checks`, :mod:`.dates`), one module per group of fields (:mod:`.assets`,
:mod:`.bindings`, :mod:`.entries`, :mod:`.workflows`, :mod:`.other_entries`, :mod:`.queues`,
:mod:`.durable_objects`, :mod:`.variables`, :mod:`.settings`, :mod:`.routes`, :mod:`.unsafe`,
:mod:`.container_parts`, :mod:`.containers`, :mod:`.container_links`, :mod:`.exports`,
:mod:`.cloudchamber`), one
environment's pass (:mod:`.environment`), and the whole config with :func:`validate`
(:mod:`.whole`). This module re-exports the public names.
"""

from __future__ import annotations

from workers_env.config.diagnostics.fields import (
    ENVIRONMENT_FIELDS,
    INHERITABLE_FIELDS,
    NOT_INHERITABLE_FIELDS,
    TOP_LEVEL_ONLY_FIELDS,
    config_file_name,
)
from workers_env.config.diagnostics.jsvalues import js_json
from workers_env.config.diagnostics.report import Diagnostic, Report
from workers_env.config.diagnostics.whole import Validation, validate

__all__ = [
    "Diagnostic",
    "Report",
    "Validation",
    "validate",
    "js_json",
    "config_file_name",
    "INHERITABLE_FIELDS",
    "NOT_INHERITABLE_FIELDS",
    "ENVIRONMENT_FIELDS",
    "TOP_LEVEL_ONLY_FIELDS",
]
