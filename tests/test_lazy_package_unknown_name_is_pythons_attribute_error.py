"""``workers_env.vectorize`` and ``workers_env.d1`` import their public names lazily (their
``__getattr__``; d1's since startup57, so that ``load_env`` of a config without D1 imports no
SQLite); a name they do not have is Python's own ``AttributeError`` for a module, word for word, as
without the laziness -- and a name they have is the binding's class."""

from __future__ import annotations

import importlib
import types

import pytest


@pytest.mark.parametrize("package, known", [("workers_env.vectorize", "VectorizeBinding"),
                                            ("workers_env.d1", "D1Database")])
def test_an_unknown_name_is_pythons_attribute_error(package: str, known: str) -> None:
    module = importlib.import_module(package)
    with pytest.raises(AttributeError) as info:
        module.VectorizeBindings  # noqa: B018 - the attribute read is the test
    with pytest.raises(AttributeError) as plain:
        types.ModuleType(package).VectorizeBindings  # noqa: B018 - Python's own text for a module
    assert str(info.value) == str(plain.value) == f"module '{package}' has no attribute 'VectorizeBindings'"
    assert getattr(module, known).__name__ == known
