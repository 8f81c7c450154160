"""kv's output as wrangler prints it: results on stdout, ``✘ [ERROR]`` / ``▲ [WARNING]``
blocks on stderr in wrangler's logger's layout (:mod:`workers_env.cli.common`)."""

from __future__ import annotations

from workers_env._jsvalues import well_formed
from workers_env.cli.common import fail, log, warn


_log = log


def _error(text: str) -> None:
    """An error as wrangler reports what a kv command threw (:func:`fail`); a lone surrogate
    from a file's ``"\\ud800"`` prints as U+FFFD, as Node writes it."""
    fail(well_formed(text))


_warn = warn
