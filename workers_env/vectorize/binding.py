"""The Vectorize binding as Worker code sees it: ``env.<BINDING>``.

The method names, argument order, defaults, result shapes and errors are the Workers
binding's (``VectorizeIndex`` for v1, ``Vectorize`` for v2). Each async method is a thin
wrapper over synchronous work on the :class:`~workers_env.vectorize.index.Index`; results come back
as :class:`~workers_env.JsDict` trees exactly as Pyodide hands them to Python.

A v1 index of a Worker without workerd's ``vectorizeQueryMetadataOptional`` flag (compatibility
date before 2023-11-08, or ``vectorize_query_original``) answers queries in the original format:
``returnVectors`` instead of ``returnValues``/``returnMetadata``, and matches
``{vectorId, score, vector?: {id, values, metadata}}`` (workerd ce4237abe, which introduced the
flag, changed its mock and tests from that format to today's).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from workers_env._float32decimals import float32_rows
from workers_env._jsvalues import UNDEFINED, JsDict, js_number, to_py
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.filters import compile_filter, warn_of_vectors_left_out
from workers_env.vectorize.floatlists import float_row
from workers_env.vectorize.index import Index
from workers_env.vectorize.requests import ids_request, options_object, query_request, write_request
from workers_env.vectorize.results import indexed_metadata
from workers_env.vectorize.validation import (
    QueryOptions,
    parse_ids,
    parse_query_options,
    parse_query_vector,
    parse_vector_id,
    parse_vectors,
    query_array,
)

__all__ = ["VectorizeBinding"]

_NO_VECTOR: list[Any] = []  # stands for a vector already converted, in query_request


def _id_score_matches(pairs: Iterable[tuple[str, float]], id_key: str = "id") -> JsDict:
    """The common query's result from ``(id, score)`` pairs: ids and scores only, the numbers
    as Pyodide hands them over. ``id_key``: ``"vectorId"`` in the original v1 format."""
    matches = [  # JsDict of a dict display: a third faster than of keywords
        JsDict({id_key: vid, "score": js_number(score) if score.is_integer() else score}) for vid, score in pairs
    ]
    return JsDict(count=len(matches), matches=matches)


class VectorizeBinding:
    """An index binding with the exact camelCase methods of the Workers runtime.

    Arguments are positional, as JavaScript sees them. Keyword arguments become one more
    trailing object, as Pyodide passes them: ``query(vec, topK=3)`` sets the options, while
    in ``query(vec, {"topK": 3}, returnValues=True)`` JavaScript never reads the keywords.
    The async methods take Python values as Worker code passes them (converted by
    ``requests``, as the SDK, Pyodide and the binding's JavaScript do); the ``*_sync``
    methods take the request data the service receives.
    """

    #: The methods Worker code can reach in production; the runtime exposes only these.
    JS_METHODS = frozenset({"insert", "upsert", "query", "queryById", "getByIds", "deleteByIds", "describe"})
    #: The argument of each method that is an options object (a PyProxy there reads as empty).
    JS_OPTION_ARGS = {"query": 1, "queryById": 1}
    #: The arguments its JavaScript only ``JSON.stringify``s (``{ids}``, the query options,
    #: vectorize-api.ts): a PyProxy in them is written as ``JSON.stringify`` writes it.
    JS_JSON_ARGS = {"getByIds": 0, "deleteByIds": 0, "query": 1, "queryById": 1}
    #: The argument its JavaScript calls ``.map`` on (``vectors.map(vec => ({...vec, ...}))``):
    #: a Python list there gives its items, each as its PyProxy spreads.
    JS_MAPPED_ARGS = {"insert": 0, "upsert": 0}
    #: The argument its JavaScript reads as ``Array.isArray(v) ? v : Array.from(v)`` (query's
    #: vector): of a plain object ``Array.from`` reads nothing but ``length``, whatever it holds.
    JS_ARRAY_FROM_ARGS = {"query": 0}

    def __init__(self, index: Index, *, binding: str | None = None, query_metadata_optional: bool = True):
        self._index = index
        self._binding = binding
        #: workerd's ``vectorizeQueryMetadataOptional`` off: a v1 index answers in the original
        #: format. v2 indexes have one format whatever the flag (vectorize-api.ts sends ``compat``
        #: for v1 only), and the version is read per query (:meth:`_original`): another process
        #: may delete the index and create it again as the other version.
        self._metadata_optional = query_metadata_optional

    def __repr__(self) -> str:
        d = self._index.definition
        return (
            f"<VectorizeBinding {self._binding or ''} index={self._index.name!r} "
            f"{d.version} {d.dimensions}d {d.metric}>"
        )

    def _original(self) -> bool:
        """Whether this query answers in the original v1 format (call with the lock held,
        after ``refresh``: the index's version as it is now)."""
        return not self._metadata_optional and self._index.limits.version == "v1"

    @property
    def index(self) -> Index:
        """The underlying index state (for tests and tools; Worker code never sees it)."""
        return self._index

    # -- writes --------------------------------------------------------------------------
    async def insert(self, vectors: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> JsDict:
        """Insert vectors; ids that already exist are skipped silently."""
        return self.insert_sync(write_request(vectors))

    async def upsert(self, vectors: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> JsDict:
        """Insert or wholly replace vectors (values, metadata and namespace)."""
        return self.upsert_sync(write_request(vectors))

    async def deleteByIds(self, ids: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> JsDict:  # noqa: N802
        """Delete vectors by id; unknown ids are not an error."""
        return self.delete_by_ids_sync(ids_request(ids))

    # -- reads ---------------------------------------------------------------------------
    async def query(self, vector: Any = UNDEFINED, /, *options: Any, **kwargs: Any) -> JsDict:
        """The nearest vectors to ``vector``: ``{"count": n, "matches": [...]}``."""
        limits = self._index.limits
        top_k = self._plain_top_k(options, kwargs, limits)
        if type(vector) is list:
            if top_k is not None:
                values = float_row(vector)  # exact floats only; None for anything else
                if values is not None and values.shape[0] == self._index.definition.dimensions:
                    plain = self._plain_query(values, top_k, limits)
                    if plain is not None:
                        return plain
        else:
            values = query_array(vector)  # a float ndarray: converted in one step, same outcome
            if values is not None:
                if top_k is not None and values.shape[0] == self._index.definition.dimensions:
                    plain = self._plain_query(values, top_k, limits)
                    if plain is not None:
                        return plain
                body = query_request(self._index.limits.version, _NO_VECTOR, options_object(options, kwargs))
                del body["vector"]
                return self._query(body, values=values)
        body = query_request(self._index.limits.version, vector, options_object(options, kwargs))
        return self._query(body, vector=body.pop("vector", None))

    def _plain_top_k(self, options: tuple[Any, ...], kwargs: dict[str, Any], limits: _limits.ApiLimits) -> int | None:
        """``topK`` of the most common query -- at most an int ``topK``, as keyword or in one
        options dict -- which Pyodide, the binding's JavaScript and the service's parsing leave
        unchanged, within ``limits`` (the index's as last read). ``None`` for any other options:
        the general path takes them (and words any error)."""
        if options:
            if kwargs or len(options) != 1 or type(options[0]) is not dict:
                return None
            kwargs = options[0]
        if not kwargs:
            return limits.top_k_default
        if len(kwargs) != 1 or type(top_k := kwargs.get("topK")) is not int or not 1 <= top_k <= limits.top_k_max:
            return None
        return top_k

    def _plain_query(self, values: np.ndarray, top_k: int, limits: _limits.ApiLimits) -> JsDict | None:
        """The plain query of ``values`` (float32, the index's dimensions) straight to the search.
        ``None`` when the refresh finds the index created again by another process with other
        limits or dimensions than ``top_k`` and ``values`` were checked against: the general
        path then parses the query against the index as it is now."""
        index = self._index
        with index.lock:
            index.refresh()
            if index.limits is not limits or values.shape[0] != index.definition.dimensions:
                return None
            core = index.core
            if core.has_namespaces:  # matches name their namespace: the general builder
                return self._matches(core.search(values, top_k), QueryOptions(top_k, None, False, "none", None))
            pairs = core.nearest(values, top_k)
            if pairs is None:
                pairs = [(vid, score) for _, vid, score in core.search(values, top_k)]
            id_key = "id" if self._metadata_optional or not self._original() else "vectorId"  # today's: one test
        return _id_score_matches(pairs, id_key)

    async def queryById(self, vectorId: Any = UNDEFINED, /, *options: Any, **kwargs: Any) -> JsDict:  # noqa: N802,N803
        """The nearest vectors to the stored vector ``vectorId`` (v2 only)."""
        body = query_request(self._index.limits.version, vectorId, options_object(options, kwargs), by_id=True)
        return self.query_by_id_sync(body.pop("vectorId", UNDEFINED), body)  # undefined: left out of the JSON

    async def getByIds(self, ids: Any = UNDEFINED, /, *args: Any, **kwargs: Any) -> list[JsDict]:  # noqa: N802
        """The stored vectors with these ids, in request order; missing ids are left out."""
        return self.get_by_ids_sync(ids_request(ids))

    async def describe(self, *args: Any, **kwargs: Any) -> JsDict:
        """The index's configuration and size, in the API generation's shape. JavaScript
        ignores arguments it does not declare, so any given are ignored here too."""
        return self.describe_sync()

    # -- the synchronous work ------------------------------------------------------------
    def _mutation_result(self, mutation_id: str, ids: list[str]) -> JsDict:
        if self._index.limits.version == "v1":
            return to_py({"count": len(ids), "ids": ids})
        return to_py({"mutationId": mutation_id})

    def _check_capacity(self, op: str, ids: list[str], namespaces: list[str | None]) -> None:
        """The per-index limits a write of these (unique) ids would break, if any."""
        index = self._index
        total = len(index.core) + index.core.count_new(ids)
        if total > index.limits.max_vectors:
            raise _limits.index_full(op, index.limits.max_vectors, total)
        if any(ns is not None for ns in namespaces):
            count = index.core.namespaces_after(ids, namespaces)
            if count > index.limits.max_namespaces:
                raise _limits.too_many_namespaces(op, index.limits.max_namespaces, count)

    def insert_sync(self, vectors: Any, *, max_vectors: int = _limits.MAX_VECTORS_PER_WRITE) -> JsDict:
        index = self._index
        with index.lock:  # the capacity check and the write see one state
            index.refresh()
            batch = parse_vectors(
                vectors, op=_limits.INSERT, dimensions=index.dimensions, limits=index.limits, keep="first",
                max_vectors=max_vectors,
            )
            fresh = [i for i, vid in enumerate(batch.ids) if vid not in index.core]
            self._check_capacity(_limits.INSERT, [batch.ids[i] for i in fresh], [batch.namespaces[i] for i in fresh])
            # existing ids are skipped silently; the limits are checked again at the moment
            # of writing (another process may have written since), on what is really new
            mutation = index.write(batch, only_new=True,
                                   check=lambda b: self._check_capacity(_limits.INSERT, b.ids, b.namespaces))
        return self._mutation_result(mutation.id, batch.ids)

    def upsert_sync(self, vectors: Any, *, max_vectors: int = _limits.MAX_VECTORS_PER_WRITE) -> JsDict:
        index = self._index
        with index.lock:
            index.refresh()
            batch = parse_vectors(
                vectors, op=_limits.UPSERT, dimensions=index.dimensions, limits=index.limits, keep="last",
                max_vectors=max_vectors,
            )
            self._check_capacity(_limits.UPSERT, batch.ids, batch.namespaces)
            mutation = index.write(batch, check=lambda b: self._check_capacity(_limits.UPSERT, b.ids, b.namespaces))
        return self._mutation_result(mutation.id, batch.ids)

    def delete_by_ids_sync(self, ids: Any) -> JsDict:
        index = self._index
        with index.lock:
            index.refresh()
            wanted = parse_ids(ids, op=_limits.DELETE, max_ids=index.limits.max_delete_ids)
            mutation = index.write(None, wanted)
        return self._mutation_result(mutation.id, wanted)

    def get_by_ids_sync(self, ids: Any) -> list[JsDict]:
        index = self._index
        with index.lock:  # ids, values and metadata of one state
            index.refresh()
            wanted = parse_ids(ids, op=_limits.GET, max_ids=index.limits.max_get_ids)
            core = index.core
            rows = [r for r in (core.row_of(v) for v in wanted) if r is not None]
            if not rows:
                return []
            values = float32_rows(core.values_of(rows))
            namespaces = core.namespaces_of(rows)
            return [
                JsDict(id=core.id_at(row), namespace=ns, metadata=to_py(core.metadata_of(row)), values=vals)
                for row, vals, ns in zip(rows, values, namespaces)
            ]

    def query_sync(self, vector: Any, options: dict[str, Any]) -> JsDict:
        return self._query(options, vector=vector)

    def _query(self, options: dict[str, Any], *, vector: Any = None, values: Any = None) -> JsDict:
        """A query by ``vector`` (request data) or by ``values`` (a float32 row already
        converted by ``query_array``): options first, then the vector, as the service."""
        index = self._index
        with index.lock:  # the search and the results built from its rows see one state
            index.refresh()
            opts = parse_query_options(options, limits=index.limits, original=self._original())
            if values is None:
                values = parse_query_vector(vector, dimensions=index.dimensions)
            elif values.shape[0] != index.dimensions:
                raise _limits.wrong_query_dimensions(index.dimensions, int(values.shape[0]))
            return self._search(values, opts)

    def query_by_id_sync(self, vector_id: Any, options: dict[str, Any]) -> JsDict:
        index = self._index
        if not index.limits.supports_query_by_id:
            raise _limits.query_by_id_unsupported()
        with index.lock:
            index.refresh()
            opts = parse_query_options(options, limits=index.limits)
            row = index.core.row_of(parse_vector_id(vector_id))
            if row is None:
                return to_py({"count": 0, "matches": []})
            return self._search(index.core.values_of([row])[0], opts)

    def _search(self, query: Any, opts: Any) -> JsDict:
        """Search and build the matches in one pass (call with the index's lock held)."""
        index = self._index
        core = index.core
        candidates = None
        if opts.filter is not None or opts.namespace is not None:
            mask = None
            if opts.filter is not None:
                plan = compile_filter(opts.filter, limits=index.limits, metadata_indexes=index.metadata_index_types(),
                                      index_name=index.name)
                if plan is not None:
                    warn_of_vectors_left_out(plan, core, index.name)
                mask = plan.mask(core) if plan is not None else None
            ns_code = None
            if opts.namespace is not None:
                ns_code = core.namespace_code(opts.namespace)
                if ns_code is None:
                    return JsDict(count=0, matches=[])
            if mask is not None or ns_code is not None:
                candidates = core.candidates_for(namespace_code=ns_code, mask=mask)
        return self._matches(core.search(query, opts.top_k, candidates=candidates), opts)

    def _matches(self, hits: list[tuple[int, str, float]], opts: Any) -> JsDict:
        """``{count, matches}`` of a search's hits, with what ``opts`` asks for (lock held)."""
        index = self._index
        core = index.core
        if not hits:
            return JsDict(count=0, matches=[])
        return_metadata = opts.return_metadata
        if not self._metadata_optional and self._original():  # today's format: one test
            return self._original_matches(hits, with_vectors=opts.return_values)
        if not opts.return_values and return_metadata == "none" and not core.has_namespaces:
            return _id_score_matches((vid, score) for _, vid, score in hits)
        rows = [hit[0] for hit in hits]
        values = float32_rows(core.values_of(rows)) if opts.return_values else None
        namespaces = core.namespaces_of(rows)
        matches = []
        for i, (row, vid, score) in enumerate(hits):
            match = JsDict(id=vid, score=js_number(score))
            if values is not None:
                match["values"] = values[i]
            if namespaces[i] is not None:
                match["namespace"] = namespaces[i]
            if return_metadata == "all":
                match["metadata"] = to_py(core.metadata_of(row))
            elif return_metadata == "indexed":
                match["metadata"] = to_py(indexed_metadata(index, row))
            matches.append(match)
        return JsDict(count=len(matches), matches=matches)

    def _original_matches(self, hits: list[tuple[int, str, float]], *, with_vectors: bool) -> JsDict:
        """The original v1 format (before ``vectorize_query_metadata_optional``): ``{vectorId,
        score}``, with ``returnVectors`` also ``vector``: the stored vector as the types'
        ``VectorizeVector`` (``id``, ``values``, ``namespace`` when it has one, ``metadata``,
        ``{}`` when none), in the order of workerd's old types and mock (lock held)."""
        if not with_vectors:
            return _id_score_matches(((vid, score) for _, vid, score in hits), "vectorId")
        core = self._index.core
        rows = [hit[0] for hit in hits]
        values = float32_rows(core.values_of(rows))
        namespaces = core.namespaces_of(rows)
        matches = []
        for i, (row, vid, score) in enumerate(hits):
            vector = JsDict(id=vid, values=values[i])
            if namespaces[i] is not None:
                vector["namespace"] = namespaces[i]
            vector["metadata"] = to_py(core.metadata_of(row))
            matches.append(JsDict(vectorId=vid, score=js_number(score), vector=vector))
        return JsDict(count=len(matches), matches=matches)

    def describe_sync(self) -> JsDict:
        index = self._index
        with index.lock:  # the count and the last mutation of one state
            index.refresh()
            d = index.definition
            count = len(index.core)
            last = index.last_mutation
        if index.limits.version == "v1":
            info: dict[str, Any] = {"id": index.id, "name": index.name}
            if d.description is not None:
                info["description"] = d.description
            info["config"] = {"dimensions": d.dimensions, "metric": d.metric}
            info["vectorsCount"] = count
            return to_py(info)
        return to_py({
            "vectorCount": count,
            "dimensions": d.dimensions,
            "processedUpToDatetime": last.at if last else None,
            "processedUpToMutation": last.id if last else None,
        })
