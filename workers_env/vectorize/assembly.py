"""Building ``env.<BINDING>`` for each ``[[vectorize]]`` entry of a config.

Each index's definition comes from, first match wins: ``load_env``'s ``indexes=`` argument,
the ``[tool.workers-env.indexes]`` table of ``pyproject.toml``, then persisted state. Two
bindings naming the same index share one index, as they would on Cloudflare.
"""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers_env._env import AssemblyContext
from workers_env._errors import ConfigError, IndexDefinitionError, StateError
from workers_env.config import WorkerConfig
from workers_env.config.compat import VECTORIZE_QUERY_METADATA_OPTIONAL, flag_enabled
from workers_env.vectorize.definitions import IndexDefinition, parse_index_definition

if TYPE_CHECKING:  # (imported by build_bindings: a config without [[vectorize]] needs no numpy)
    from workers_env.vectorize.binding import VectorizeBinding

__all__ = ["build_bindings"]


def _definition_sources(config: WorkerConfig, indexes: Mapping[str, Any] | None) -> list[tuple[str, Mapping[str, Any]]]:
    sources: list[tuple[str, Mapping[str, Any]]] = []
    if indexes:
        sources.append(("the indexes= argument", indexes))
    if config.pyproject_indexes:
        where = f"[tool.workers-env.indexes] in {config.root / 'pyproject.toml'}"
        sources.append((where, config.pyproject_indexes))
    return sources


def _state_elsewhere(config: WorkerConfig, persist_to: Path | None, index_name: str) -> str:
    """A line for an index defined nowhere while the state beside the config holds it: a
    relative ``persist_to`` (``.wrangler/state``) read from a subfolder is another state. That
    state is read as guidance only (read-only, no wait on a lock, no file made), and a state
    unreadable, locked or not there is no line: the error stays as it was."""
    from workers_env._statebeside import other_state_beside, shown
    from workers_env.vectorize.store import peek_vector_count

    beside = other_state_beside(config, persist_to)
    if persist_to is None or beside is None or peek_vector_count(beside, index_name) is None:
        return ""
    return (f'The state beside the config ({beside}) holds the index "{index_name}", but persist_to='
            f"{str(persist_to)!r} is {shown(persist_to)}: a relative persist_to is read from the current "
            "folder, not the config's.\n")


def _warn_if_beside_only(config: WorkerConfig, persist_to: Path | None, index_name: str, binding: str,
                         store: Any) -> None:
    """Warn when a relative ``persist_to`` holds no vector of an index (defined in pyproject.toml
    or ``indexes=``) of which the state beside the config holds some: a subfolder's run would
    query an empty index without an error."""
    from workers_env._statebeside import other_state_beside, warn_state_elsewhere
    from workers_env.vectorize.store import peek_vector_count

    beside = other_state_beside(config, persist_to)
    if persist_to is None or beside is None:
        return
    try:
        if store.count_vectors(index_name):
            return
    except StateError:
        return  # a warning only: the Worker's own state says what is wrong with it when used
    if peek_vector_count(beside, index_name):
        warn_state_elsewhere(f'the Vectorize index "{index_name}"', binding, persist_to, beside)


def _state_beside_definition(config: WorkerConfig, index_name: str) -> IndexDefinition | None:
    """The definition the state beside the config holds for ``index_name`` (as ``workers-env
    vectorize create`` made it), for an env built without ``persist_to``, which reads no state:
    guidance only, read as :func:`_state_elsewhere` reads it."""
    from workers_env.vectorize.store import peek_definition

    return peek_definition(config.root / ".wrangler" / "state", index_name)


_TOML_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_key(key: str) -> str:
    return key if _TOML_BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _definition_examples(index_name: str, stored: IndexDefinition | None) -> tuple[str, str]:
    """Ways 1 and 2 of the error below: the pyproject.toml table and the ``indexes=`` dict,
    written with the stored definition's values when there is one, else an example's."""
    if stored is None:
        return ('       dimensions = 768     # or, for dimensions and metric: preset = "@cf/baai/bge-base-en-v1.5"\n'
                '       metric = "cosine"\n       version = "v2"\n',
                json.dumps({index_name: {"dimensions": 768, "metric": "cosine", "version": "v2"}}, ensure_ascii=False))
    as_dict: dict[str, Any] = {"dimensions": stored.dimensions, "metric": stored.metric, "version": stored.version}
    table = (f"       dimensions = {stored.dimensions}\n       metric = {json.dumps(stored.metric)}\n"
             f"       version = {json.dumps(stored.version)}\n")
    if stored.metadata_indexes:
        as_dict["metadata_indexes"] = dict(stored.metadata_indexes)
        pairs = ", ".join(f"{_toml_key(k)} = {json.dumps(t)}" for k, t in stored.metadata_indexes.items())
        table += f"       metadata_indexes = {{ {pairs} }}\n"
    return table, json.dumps({index_name: as_dict}, ensure_ascii=False)


def _resolve_definition(index_name: str, bindings: list[str], sources: list[tuple[str, Mapping[str, Any]]],
                        store: Any, elsewhere: Callable[[], str] = lambda: "",
                        config_name: str = "wrangler.toml",
                        beside: Callable[[], IndexDefinition | None] = lambda: None) -> IndexDefinition:
    for where, definitions in sources:
        if index_name in definitions:
            return parse_index_definition(definitions[index_name], where=f'{where}, index "{index_name}"')
    if store is not None:
        persisted = store.get_definition(index_name)
        if persisted is not None:
            return persisted
    defined = [(where, name) for where, definitions in sources for name in definitions if isinstance(name, str)]
    near = difflib.get_close_matches(index_name, [name for _, name in defined], n=1, cutoff=0.8)
    typo = "".join(f'{where} defines "{name}", not "{index_name}" (the index_name in {config_name}): a typo in '
                   "one of the two?\n" for where, name in defined if near and name == near[0])
    stored = beside() if store is None else None
    table, as_dict = _definition_examples(index_name, stored)
    if stored is None:
        why = ("Define it, with the dimensions of the vectors you store (768 for @cf/baai/bge-base-en-v1.5's, 384 for "
               "bge-small's), in one of these ways:\n")
        third = (f"  3. in persisted local state, as you create it on Cloudflare: workers-env vectorize create {index_name} "
                 "--dimensions=768 --metric=cosine (no file to edit; workers-env dev reads that state, "
                 "load_env(..., persist_to=...) too" + ("" if store is not None else
                 # (walk58: a pytest user took way 3 for the fixtures and met the same error again)
                 "; not this env, built without persist_to, nor the pytest fixtures': 1 or 2 for them") + ")")
    else:
        why = ("The state beside the config (.wrangler/state) holds it, as `workers-env vectorize create` made it, but "
               "without persist_to an env reads no state: its indexes start empty, in memory (so do the pytest "
               "fixtures', for every test). Define it as that state does, in one of these ways:\n")
        third = ('  3. to use that state itself, vectors and all: load_env(..., persist_to=".wrangler/state") '
                 "run from the config's folder, as workers-env dev does (a Worker's: load_worker(env=load_env(...)))")
    named = f"binding {bindings[0]}" if len(bindings) == 1 else f"bindings {', '.join(bindings)}"
    raise IndexDefinitionError(
        typo + elsewhere() + f'The Vectorize index "{index_name}" ({named}) has no definition: {config_name} '
        "does not hold its dimensions and metric. " + why +
        f'  1. in pyproject.toml beside the config, read by load_env, the pytest fixtures and workers-env dev:\n'
        f'       [tool.workers-env.indexes."{index_name}"]\n' + table +
        f"  2. for one script or test: load_env(..., indexes={as_dict}), a workers_env_indexes fixture or "
        "@pytest.mark.workers_env(indexes=...)\n" + third
    )


def build_bindings(context: AssemblyContext) -> dict[str, VectorizeBinding]:
    """One :class:`VectorizeBinding` per ``[[vectorize]]`` entry; every problem raised at once,
    each once: bindings sharing an index share its definition's problem (named together)."""
    config = context.config
    if not config.vectorize:
        return {}
    from workers_env.vectorize.binding import VectorizeBinding
    from workers_env.vectorize.index import Index

    store = None
    if context.persist_to is not None:
        from workers_env.vectorize.persistent import (
            open_state,  # only when state is on disk
        )

        store = open_state(context.persist_to)
        context.on_close(store.close)
    sources = _definition_sources(config, context.options.get("indexes"))
    opened: dict[str, Index] = {}
    failed: set[str] = set()
    users: dict[str, list[str]] = {}
    # a binding the caller supplies (load_env's bindings=) replaces ours: not built, its index needs no definition
    supplied = context.options.get("bindings") or {}
    entries = [entry for entry in config.vectorize if entry.binding not in supplied]
    for entry in entries:
        users.setdefault(entry.index_name, []).append(entry.binding)
    bindings: dict[str, VectorizeBinding] = {}
    failures: list[ConfigError] = []
    # a v1 index answers queries in the original format without this flag (before 2023-11-08)
    metadata_optional = flag_enabled(VECTORIZE_QUERY_METADATA_OPTIONAL, config)
    for entry in entries:
        if entry.index_name in failed:
            continue  # its problem is already listed, with this binding's name
        try:
            index = opened.get(entry.index_name)
            if index is None:
                # the state beside the config is looked at only for the error: not on every build
                definition = _resolve_definition(
                    entry.index_name, users[entry.index_name], sources, store,
                    functools.partial(_state_elsewhere, config, context.persist_to if store is not None else None,
                                      entry.index_name),
                    getattr(getattr(config, "path", None), "name", None) or "wrangler.toml",
                    functools.partial(_state_beside_definition, config, entry.index_name))
                if store is not None:
                    index = store.open_index(entry.index_name, definition)
                    _warn_if_beside_only(config, context.persist_to, entry.index_name, entry.binding, store)
                else:
                    index = Index(entry.index_name, definition)
                opened[entry.index_name] = index
        except ConfigError as exc:
            failures.append(exc)
            failed.add(entry.index_name)
            continue
        bindings[entry.binding] = VectorizeBinding(index, binding=entry.binding,
                                                   query_metadata_optional=metadata_optional)
    if failures:
        problems = [problem for exc in failures for problem in exc.problems]
        if all(isinstance(e, IndexDefinitionError) for e in failures):
            raise IndexDefinitionError("\n".join(problems), problems=problems, path=str(config.path),
                                       index_names=sorted(failed))
        raise ConfigError("\n".join(problems), problems=problems, path=str(config.path))
    return bindings
