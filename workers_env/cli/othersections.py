"""Where a ``d1``/``kv`` command's name is found in the config when the selected environment
lacks it: another ``[env.NAME]`` section, or the top level under ``--env``. wrangler's error
names neither (its bindings are not inherited between environments), and a close name of the
selected section is then the wrong guess: ``d1 execute walk-db-staging`` without ``-e staging``
is better told ``add --env staging`` than ``did you mean 'walk-db'?``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["in_other_sections", "section_label"]


def section_label(config: Any, field: str, environment: str | None = None) -> str:
    """How the config writes ``field``'s array in ``environment`` (``None``: the top level):
    ``[[env.staging.d1_databases]]`` in TOML, ``env.staging.d1_databases`` in JSON."""
    path = field if environment is None else f"env.{environment}.{field}"
    return f"[[{path}]]" if config.path.suffix == ".toml" else path


def _sections(config: Any) -> list[tuple[str | None, Mapping[str, Any]]]:
    """Every section of the config file: the top level, then each ``env`` table."""
    raw = config.raw if isinstance(config.raw, Mapping) else {}
    envs = raw.get("env")
    found: list[tuple[str | None, Mapping[str, Any]]] = [(None, raw)]
    if isinstance(envs, Mapping):
        found += [(str(name), section) for name, section in envs.items() if isinstance(section, Mapping)]
    return found


def in_other_sections(config: Any, field: str, matches: Callable[[Mapping[str, Any]], bool],
                      what: str, described: Callable[[Mapping[str, Any]], str]) -> str | None:
    """A line naming the sections other than the selected one whose ``field`` entries hold an
    entry ``matches`` picks, and the ``--env`` that reaches it; ``None`` when there is none.
    ``what``: the name as the user wrote it; ``described``: an entry as the
    line shows it (``binding DB``)."""
    if config is None:
        return None
    hits = []
    for environment, section in _sections(config):
        if environment == config.environment:
            continue
        entries = section.get(field)
        entry = next((e for e in entries if isinstance(e, Mapping) and matches(e)), None) if isinstance(entries, list) else None
        if entry is not None:
            hits.append((environment, entry))
    if not hits:
        return None
    where = " and ".join(f"{section_label(config, field, env)} ({described(entry)})" for env, entry in hits)
    switch = "add" if config.environment is None else "use"  # (an --env given already: another, not one more)
    ways = " or ".join("run it without --env (nor CLOUDFLARE_ENV)" if env is None else f"{switch} --env {env}"
                       for env, _ in hits)
    selected = "the top level" if config.environment is None else f"env.{config.environment}"
    return (f"'{what}' is in {where} of {config.path.name}, while this command read {selected} (bindings are not "
            f"inherited between environments): {ways}")
