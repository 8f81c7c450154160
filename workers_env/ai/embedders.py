"""Plugging a real embedding model in: per model name, a function ``list[str] -> (n, d) array``.

Three routes give one mapping: ``load_env(embedders={...})`` (functions or
``"package.module:function"`` strings), the pytest plugin (the ``workers_env_embedders``
fixture or ``@pytest.mark.workers_env(embedders=...)``) and ``pyproject.toml``::

    [tool.workers-env.ai.embedders]
    "@cf/baai/bge-base-en-v1.5" = "myproject.embeddings:bge_base"

(read by ``load_env`` and so by ``workers-env dev``). Nothing is downloaded here: the
function is the user's, and whatever it loads, it loads.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers_env._errors import ConfigError
from workers_env._targets import import_target

if TYPE_CHECKING:
    import numpy as np

__all__ = ["PluggedEmbedder", "import_target", "resolve_embedders"]

Embedder = Callable[[list[str]], Any]


@dataclass(frozen=True)
class PluggedEmbedder:
    """A user's embedding function for one model, and where it came from (for messages)."""

    model: str
    function: Embedder
    where: str

    def __call__(self, texts: list[str]) -> np.ndarray:
        """The function's vectors, checked: ``(len(texts), dimensions)`` real numbers, finite
        as float32 (what the binding answers with). Anything else -- an exception from the
        function, an awaitable, strings or booleans, a wrong shape -- is a ``ConfigError`` naming
        the model and the plugged function."""
        import numpy as np  # (here: a config naming a plugged embedder but no [ai] binding needs none)

        from workers_env.ai.catalog import EMBEDDING_MODELS

        dimensions = EMBEDDING_MODELS[self.model].dimensions
        try:
            raw = self.function(list(texts))
        except Exception as exc:
            raise self._error(f"raised {type(exc).__name__}: {exc} (it is called as function(texts), texts a "
                              f"list of {len(texts)} strings)") from exc
        if inspect.isawaitable(raw):
            close = getattr(raw, "close", None)
            if callable(close):
                close()  # no "never awaited" warning on top of the error
            raise self._error("returned an awaitable: give a synchronous function (the binding's embedding "
                              "runs synchronously; wrap an async model with asyncio.run in a thread of yours)")
        matrix = self._numbers(raw)
        if matrix.ndim != 2 or matrix.shape != (len(texts), dimensions):
            raise self._error(
                f"returned shape {tuple(matrix.shape)} for {len(texts)} texts; {self.model} gives "
                f"({len(texts)}, {dimensions}): one row of {dimensions} numbers per text",
            )
        if not np.isfinite(matrix).all():
            raise self._error("returned NaN or infinite values")
        with np.errstate(over="ignore"):
            vectors = matrix.astype(np.float32)
        if not np.isfinite(vectors).all():
            raise self._error("returned values beyond float32's range (about 3.4e38), which the binding "
                              "answers with; scale the vectors (unit length is usual)")
        return vectors

    def _numbers(self, raw: Any) -> np.ndarray:
        """``raw`` as a float64 array, refused unless every value is a real number."""
        import numpy as np

        try:
            array = np.asarray(raw)
        except Exception as exc:  # ragged lists, an __array__ that raises
            raise self._error(f"did not return an array of numbers: {type(exc).__name__}: {exc}") from exc
        kind = array.dtype.kind
        if kind == "O":
            odd = next((v for v in array.reshape(-1).tolist()
                        if isinstance(v, (bool, np.bool_)) or not isinstance(v, (int, float, np.integer, np.floating))),
                       None) if array.ndim else raw
            if odd is not None or array.ndim == 0:
                raise self._error(f"did not return an array of numbers: found {type(odd).__name__} {odd!r:.60}")
            return array.astype(np.float64)
        if kind not in "iuf":
            names = {"b": "booleans", "c": "complex numbers", "U": "strings", "S": "bytes", "M": "dates", "m": "durations"}
            raise self._error(f"did not return an array of numbers: it holds {names.get(kind, array.dtype.name)} "
                              f"(dtype {array.dtype})")
        return array.astype(np.float64)

    def _error(self, problem: str) -> ConfigError:
        from workers_env.ai import limits as _limits

        return _limits.plugged_embedder_error(self.model, self.where, problem)


def _entries(table: Any, where: str) -> Mapping[str, Any]:
    if table is None:
        return {}
    if not isinstance(table, Mapping):
        raise ConfigError(
            f"{where} must map model names to embedding functions, e.g. "
            '{"@cf/baai/bge-base-en-v1.5": my_function}, '
            f"got {type(table).__name__}"
        )
    return table


def resolve_embedders(argument: Any, pyproject: Any, *, root: Path | None) -> dict[str, PluggedEmbedder]:
    """The plugged embedders by model: ``embedders=`` entries win over pyproject's."""
    sources = [
        ("[tool.workers-env.ai.embedders] in pyproject.toml", _entries(pyproject, "[tool.workers-env.ai.embedders]")),
        ("the embedders= argument", _entries(argument, "embedders=")),
    ]
    plugged: dict[str, PluggedEmbedder] = {}
    problems: list[str] = []
    if not any(table for _, table in sources):
        return plugged  # (most configs: no catalog read, so load_env need not import it)
    from workers_env.ai.catalog import EMBEDDING_MODELS

    for where, table in sources:
        for model, spec in table.items():
            label = f'{where}, "{model}"'
            if model not in EMBEDDING_MODELS:
                problems.append(
                    f"{label}: not a Workers AI text embedding model; the models are: "
                    + ", ".join(EMBEDDING_MODELS)
                )
                continue
            try:
                function = import_target(spec, label, root) if isinstance(spec, str) else spec
            except ConfigError as exc:
                problems.append(str(exc))
                continue
            if not callable(function):
                shown = repr(function) if isinstance(function, (int, float, bool, type(None))) else f"a {type(function).__name__}"
                problems.append(f"{label}: {shown} is not callable; give a function list[str] -> array (n, d)")
                continue
            if inspect.iscoroutinefunction(function):
                problems.append(f"{label}: {getattr(function, '__name__', function)!r} is an async function; give a "
                                "synchronous function list[str] -> array (n, d)")
                continue
            plugged[model] = PluggedEmbedder(model, function, label)
    if problems:
        raise ConfigError("\n".join(problems), problems=problems)
    return plugged
