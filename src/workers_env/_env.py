"""Assembling ``env``: one attribute per binding and var, as Worker code sees ``self.env``.

Reads the wrangler config (``_config``), resolves each ``[[vectorize]]`` entry's index
definition (``indexes=`` argument, then ``pyproject.toml``, then persisted state) and
builds a :class:`~workers_env._binding.VectorizeBinding` per entry. Two bindings naming
the same index share one index, as they would on Cloudflare.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

from workers_env._binding import VectorizeBinding
from workers_env._config import WorkerConfig, load_config
from workers_env._devvars import read_dev_vars
from workers_env._errors import ConfigError, IndexDefinitionError
from workers_env._index import Index
from workers_env._indexdefs import IndexDefinition, parse_index_definition

__all__ = ["Env", "load_env"]


class Env:
    """The bindings and vars of one Worker configuration.

    Read them as attributes (``env.VECTORIZE``, ``env.API_TOKEN``) like ``self.env`` in a
    Worker, or as items (``env["VECTORIZE"]``); iterate for their names. ``env.config`` is
    the parsed wrangler configuration, unless a binding or var is itself named ``config``.
    """

    def __init__(self, values: Mapping[str, Any], *, config: WorkerConfig | None = None,
                 store: Any = None):
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_config", config)
        object.__setattr__(self, "_store", store)

    def __getattr__(self, name: str) -> Any:
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        if name == "config":
            return object.__getattribute__(self, "_config")
        raise AttributeError(
            f"env has no binding or var named {name!r}; it has: {', '.join(sorted(values)) or 'nothing'}"
        )

    def __setattr__(self, name: str, value: Any) -> None:
        self._values[name] = value

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __contains__(self, name: object) -> bool:
        return name in self._values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __dir__(self) -> list[str]:
        return sorted(set(self._values) | {"config", "close"})

    def __repr__(self) -> str:
        return f"<Env {', '.join(self._values)}>"

    def close(self) -> None:
        """Release persisted state (SQLite connections); in-memory envs need no closing."""
        store = self._store
        if store is not None:
            store.close()

    def __enter__(self) -> Env:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _definition_sources(config: WorkerConfig, indexes: Mapping[str, Any] | None) -> list[tuple[str, Mapping[str, Any]]]:
    sources: list[tuple[str, Mapping[str, Any]]] = []
    if indexes:
        sources.append(("the indexes= argument", indexes))
    if config.pyproject_indexes:
        where = f"[tool.workers-env.indexes] in {config.root / 'pyproject.toml'}"
        sources.append((where, config.pyproject_indexes))
    return sources


def _resolve_definition(index_name: str, binding: str, sources: list[tuple[str, Mapping[str, Any]]],
                        store: Any) -> IndexDefinition:
    for where, table in sources:
        if index_name in table:
            return parse_index_definition(table[index_name], where=f'{where}, index "{index_name}"')
    if store is not None:
        persisted = store.get_definition(index_name)
        if persisted is not None:
            return persisted
    raise IndexDefinitionError(
        f'The Vectorize index "{index_name}" (binding {binding}) has no definition: wrangler.toml '
        "does not hold its dimensions and metric. Define it in one of three ways:\n"
        f'  1. load_env(..., indexes={{"{index_name}": {{"dimensions": 768, "metric": "cosine"}}}})'
        ' (or {"preset": "@cf/baai/bge-base-en-v1.5"}; add "version": "v2" for the current API)\n'
        f'  2. in pyproject.toml beside the config: [tool.workers-env.indexes."{index_name}"] '
        'with dimensions = 768 and metric = "cosine"\n'
        f"  3. create it in persisted local state: workers-env vectorize create {index_name} "
        "--dimensions=768 --metric=cosine, then load_env(..., persist_to=...)"
    )


def load_env(
    path: str | PathLike[str] | None = None,
    *,
    environment: str | None = None,
    indexes: Mapping[str, Any] | None = None,
    persist_to: str | PathLike[str] | None = None,
) -> Env:
    """Build the ``env`` a Worker would get from its wrangler config.

    ``path`` is a config file or a folder to search from (default: the current folder);
    ``environment`` selects an ``[env.NAME]`` section; ``indexes`` maps index names to
    definitions (``{"dimensions": 768, "metric": "cosine"}``, a ``"preset"``, optional
    ``"version": "v2"`` and ``"metadata_indexes"``); ``persist_to`` keeps index state on
    disk under ``<persist_to>/v3/vectorize`` (as ``wrangler dev --persist-to``), otherwise
    every call starts with fresh, empty in-memory indexes.
    """
    if indexes is not None and not isinstance(indexes, Mapping):
        raise ConfigError(
            f"indexes= must map index names to definitions, got {type(indexes).__name__}"
        )
    config = load_config(path, environment=environment)
    store = None
    if persist_to is not None:
        from workers_env._persistent import open_state  # only when state is on disk

        store = open_state(Path(persist_to))
    try:
        return _assemble(config, indexes, store)
    except BaseException:
        if store is not None:
            store.close()
        raise


def _assemble(config: WorkerConfig, indexes: Mapping[str, Any] | None, store: Any) -> Env:
    sources = _definition_sources(config, indexes)

    values: dict[str, Any] = dict(config.vars)
    values.update(read_dev_vars(config.root, config.environment))
    opened: dict[str, Index] = {}
    failures: list[ConfigError] = []
    for entry in config.vectorize:
        try:
            index = opened.get(entry.index_name)
            if index is None:
                definition = _resolve_definition(entry.index_name, entry.binding, sources, store)
                if store is not None:
                    index = store.open_index(entry.index_name, definition)
                else:
                    index = Index(entry.index_name, definition)
                opened[entry.index_name] = index
        except ConfigError as exc:
            failures.append(exc)
            continue
        values[entry.binding] = VectorizeBinding(index, binding=entry.binding)
    if failures:
        problems = [problem for exc in failures for problem in exc.problems]
        cls = IndexDefinitionError if all(isinstance(e, IndexDefinitionError) for e in failures) else ConfigError
        raise cls("\n".join(problems), problems=problems, path=str(config.path))
    return Env(values, config=config, store=store)
