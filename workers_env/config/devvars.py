"""Local secrets from ``.dev.vars``, as ``wrangler dev`` reads them.

With an environment selected, ``.dev.vars.<env>`` is used when it exists, otherwise
``.dev.vars`` (the two are not merged, as in wrangler). The format is dotenv, read by the
``python-dotenv`` package (wrangler uses its JavaScript twin, ``dotenv``): ``KEY=VALUE``
lines, ``export`` prefixes, ``#`` comments, quotes, multi-line quoted values. Values are
not interpolated (``${OTHER}`` stays as written, as in wrangler); lines that cannot be
parsed are skipped; keys without ``=`` are dropped.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from dotenv import dotenv_values

from workers_env._errors import ConfigError

__all__ = ["dev_vars_path", "parse_dotenv", "read_dev_vars"]


def parse_dotenv(text: str) -> dict[str, str]:
    """The ``KEY=VALUE`` pairs of a dotenv text; a later key wins."""
    quiet = logging.getLogger("dotenv.main")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # python-dotenv warns per unparsable line; wrangler is silent
    try:
        values = dotenv_values(stream=io.StringIO(text), interpolate=False)
    finally:
        quiet.setLevel(level)
    return {k: v for k, v in values.items() if v is not None}


def dev_vars_path(root: Path, environment: str | None = None) -> Path | None:
    """The file wrangler would read: ``.dev.vars.<env>`` if present, else ``.dev.vars``."""
    if environment:
        specific = Path(root) / f".dev.vars.{environment}"
        if specific.is_file():
            return specific
    default = Path(root) / ".dev.vars"
    return default if default.is_file() else None


def read_dev_vars(root: Path, environment: str | None = None) -> dict[str, str]:
    """The local secrets for the Worker in ``root`` ({} when there is no ``.dev.vars``)."""
    path = dev_vars_path(root, environment)
    if path is None:
        return {}
    try:  # as wrangler's dotenv.parse(readFileSync(path)): a byte that is not UTF-8 becomes U+FFFD
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise ConfigError(f"Could not read {path}: {exc.strerror or exc}", path=str(path)) from None
    return parse_dotenv(text)
