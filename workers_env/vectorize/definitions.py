"""Index definitions: the dimensions, metric and API version wrangler.toml does not hold.

A definition comes from, first match wins: the ``indexes=`` argument of ``load_env``, the
``[tool.workers-env.indexes."<name>"]`` table of the ``pyproject.toml`` beside the config,
or an index created earlier in persisted local state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from workers_env._errors import ConfigError
from workers_env.config import Diagnostic, WorkerConfig
from workers_env.vectorize import limits as _limits

__all__ = ["IndexDefinition", "definition_clashes", "parse_index_definition", "pyproject_diagnostics"]

_KNOWN_KEYS = {"dimensions", "metric", "preset", "version", "metadata_indexes", "description"}


@dataclass(frozen=True)
class IndexDefinition:
    """What the service knows about an index: shape, distance metric and API generation."""

    dimensions: int
    metric: str
    version: str = "v1"
    metadata_indexes: Mapping[str, str] = field(default_factory=dict)
    description: str | None = None
    preset: str | None = None


def parse_index_definition(raw: Any, *, where: str) -> IndexDefinition:
    """Check one definition (a mapping) and return it; ``where`` names it in errors.

    Every problem is collected, so a broken definition is reported in one go.
    """
    if isinstance(raw, IndexDefinition):  # a dataclass checks nothing: its fields, checked as a dict's
        checked = parse_index_definition({"dimensions": raw.dimensions, "metric": raw.metric, "version": raw.version,
                                          "metadata_indexes": raw.metadata_indexes, "description": raw.description},
                                         where=where)
        if raw.preset is not None and (not isinstance(raw.preset, str) or raw.preset not in _limits.PRESETS):
            raise ConfigError(f"{where}: unknown preset {raw.preset!r}; known presets: {', '.join(_limits.PRESETS)}")
        return replace(checked, preset=raw.preset)
    if not isinstance(raw, Mapping):
        raise ConfigError(
            f"{where}: an index definition must be a table/dict such as "
            '{"dimensions": 768, "metric": "cosine"}, got ' + type(raw).__name__
        )
    problems: list[str] = []
    # keys of a Python dict may be of any types: strings first, in order, then the others
    unknown = sorted(set(raw) - _KNOWN_KEYS, key=lambda k: (type(k) is not str, k if type(k) is str else repr(k)))
    if unknown:
        problems.append(f"{where}: unknown keys {', '.join(map(repr, unknown))}; expected some of {sorted(_KNOWN_KEYS)}")

    preset = raw.get("preset")
    dimensions = raw.get("dimensions")
    metric = raw.get("metric")
    if preset is not None:
        if not isinstance(preset, str) or preset not in _limits.PRESETS:  # (a list is unhashable)
            problems.append(f"{where}: unknown preset {preset!r}; known presets: {', '.join(_limits.PRESETS)}")
        elif dimensions is not None or metric is not None:
            problems.append(f"{where}: give either a preset or dimensions and metric, not both")
        else:
            dimensions, metric = _limits.PRESETS[preset]
    elif dimensions is None or metric is None:
        missing = [k for k in ("dimensions", "metric") if raw.get(k) is None]
        problems.append(f"{where}: missing {' and '.join(missing)} (or give a preset)")

    if dimensions is not None and (
        isinstance(dimensions, bool)
        or not isinstance(dimensions, int)
        or not _limits.MIN_DIMENSIONS <= dimensions <= _limits.MAX_DIMENSIONS
    ):
        problems.append(
            f"{where}: dimensions must be a whole number from {_limits.MIN_DIMENSIONS} to "
            f"{_limits.MAX_DIMENSIONS}, got {dimensions!r}"
        )
    if metric is not None and metric not in _limits.METRICS:
        problems.append(f"{where}: metric must be one of {', '.join(_limits.METRICS)}, got {metric!r}")

    version = raw.get("version", "v1")
    if version not in _limits.VERSIONS:
        problems.append(f'{where}: version must be "v1" or "v2", got {version!r}')

    description = raw.get("description")
    if description is not None and not isinstance(description, str):
        problems.append(f"{where}: description must be a string, got {description!r}")
    elif description is not None and (surrogate := _limits.lone_surrogate(description)) is not None:
        problems.append(f"{where}: description {description!r} is not valid Unicode: it holds {surrogate}; "
                        f"use a description of UTF-8 text")

    metadata_indexes = raw.get("metadata_indexes", {}) or {}
    if not isinstance(metadata_indexes, Mapping):
        problems.append(f'{where}: metadata_indexes must map property names to "string", "number" or "boolean"')
        metadata_indexes = {}
    else:
        if metadata_indexes and version == "v1":
            problems.append(f'{where}: metadata indexes exist only on v2 indexes; add "version": "v2"')
        if len(metadata_indexes) > _limits.MAX_METADATA_INDEXES:
            problems.append(
                f"{where}: at most {_limits.MAX_METADATA_INDEXES} metadata indexes per index, "
                f"got {len(metadata_indexes)}"
            )
        for prop, kind in metadata_indexes.items():
            if not _limits.is_property_name(prop):
                problems.append(f"{where}: {_limits.bad_metadata_index_property(prop).message}")
            if kind not in _limits.METADATA_INDEX_TYPES:
                problems.append(
                    f"{where}: metadata index {prop!r} has type {kind!r}; use one of "
                    f"{', '.join(_limits.METADATA_INDEX_TYPES)}"
                )
    if problems:
        raise ConfigError("\n".join(problems), problems=problems)
    return IndexDefinition(
        dimensions=int(dimensions),  # type: ignore[arg-type]
        metric=str(metric),
        version=str(version),
        metadata_indexes=dict(metadata_indexes),
        description=description,
        preset=preset,
    )


def definition_clashes(definition: IndexDefinition, index: Any, *, held_as: str, advise: bool) -> list[str]:
    """How ``index`` (a stored index: its ``dimensions``, ``metric`` and ``version``) differs from
    ``definition``, one ``<what> <defined> (<held_as>: <index's>)`` each; a v1 definition against a
    v2 index most likely left ``version`` out, which the last one says (``advise``: and how to
    fix it, worded "set" to read right whether ``version`` was left out or written ``"v1"``).
    The persisted state's check at load and ``vectorize create``'s line share it."""
    clashes = [f"{what} {theirs!r} ({held_as}: {ours!r})"
               for what, theirs, ours in (("dimensions", definition.dimensions, index.dimensions),
                                          ("metric", definition.metric, index.metric),
                                          ("version", definition.version, index.version)) if theirs != ours]
    if definition.version == "v1" and index.version == "v2":
        clashes[-1] += ' -- a definition without "version" is v1' + ('; set version = "v2" in it' if advise else "")
    return clashes


def pyproject_diagnostics(config: WorkerConfig) -> list[Diagnostic]:
    """Problems in the ``[tool.workers-env.indexes]`` definitions, for ``workers-env validate``.

    ``load_env`` checks them only when a binding needs one (an ``indexes=`` argument may
    override them), so ``validate`` asks here to report them all up front.
    """
    found: list[Diagnostic] = []
    for name, definition in config.pyproject_indexes.items():
        try:
            parse_index_definition(definition, where=f'[tool.workers-env.indexes."{name}"]')
        except ConfigError as exc:
            found.extend(Diagnostic("pyproject.toml", problem) for problem in exc.problems)
    return found
