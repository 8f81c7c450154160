"""Which Vectorize API generation (v1, v2) a result's field belongs to, and the note a :class:`JsDict`
adds when code reads one generation's field on the other's result (the index is not the version the
code expects).

Only _jsvalues.py's ``JsDict`` reads it, on a missing key or attribute; kept apart, as no other
value there knows Vectorize.
"""

from __future__ import annotations

from typing import Any, TypeVar

from workers_env._errors import add_hint


#: Vectorize result fields of one API generation, by the fields the other one has instead
#: (``describe()``: v2's ``vectorCount``, v1's ``vectorsCount``; mutations: v2's
#: ``mutationId``, v1's ``count`` and ``ids``)
_V2_ONLY = frozenset({"vectorCount", "dimensions", "processedUpToDatetime", "processedUpToMutation", "mutationId"})
_V1_ONLY = frozenset({"vectorsCount", "count", "ids"})
_OTHER_GENERATION = _V2_ONLY | _V1_ONLY
#: the shapes of v1's and v2's results (``describe()``; ``insert()``/``upsert()``/``deleteByIds()``):
#: a dict with other keys (a D1 row with an ``ids`` column, parsed JSON) is no Vectorize result,
#: and gets no note about index versions
_V1_DESCRIBE = frozenset({"id", "name", "description", "config", "vectorsCount"})
_V1_MUTATION = frozenset({"count", "ids"})
_V2_DESCRIBE = frozenset({"vectorCount", "dimensions", "processedUpToDatetime", "processedUpToMutation"})
_V2_MUTATION = frozenset({"mutationId"})


def _shaped(result: dict[str, Any], describe: frozenset[str], mutation: frozenset[str], count: str) -> bool:
    keys = result.keys()
    return (count in keys and keys <= describe) or keys == mutation


def _generation_note(result: dict[str, Any], name: str) -> str | None:
    """The note for reading one Vectorize generation's field on the other's result: the index
    is not the version the code expects (a definition without ``version = "v2"`` is v1)."""
    if name in _V2_ONLY and _shaped(result, _V1_DESCRIBE, _V1_MUTATION, "vectorsCount"):
        return (f"workers-env: {name!r} is a v2 index's field and this is a v1 index's result (it has: "
                f"{', '.join(map(str, result))}) -- a definition without version = \"v2\" is v1, while every "
                "index created today is v2: add version = \"v2\" to its definition if the real index is v2")
    if name in _V1_ONLY and _shaped(result, _V2_DESCRIBE, _V2_MUTATION, "vectorCount"):
        return (f"workers-env: {name!r} is a v1 index's field and this is a v2 index's result (it has: "
                f"{', '.join(map(str, result))}); v2 answers describe() with vectorCount and writes with a mutationId")
    return None


def _generation_error(result: dict[str, Any], name: str) -> AttributeError:
    """Python's ``AttributeError: name``, with the index-version note when it applies."""
    return _noted(AttributeError(name), _generation_note(result, name))


_E = TypeVar("_E", bound=BaseException)


def _noted(error: _E, note: str | None) -> _E:
    """``error`` with ``note`` added, when there is one."""
    if note:
        add_hint(error, note)
    return error
