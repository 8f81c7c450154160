"""The README's "All exceptions derive from `workers_env.WorkersEnvError`" paragraph names every
exception class ``workers_env`` exports, each with the parent it gives, and they all derive from
``WorkersEnvError`` (a class added later cannot be left out of the list)."""

from __future__ import annotations

import re
from pathlib import Path

import workers_env

README = Path(__file__).resolve().parent.parent / "README.md"


def exported_exceptions() -> set[str]:
    """Every exception class of the public API (the warnings, named apart, are not errors)."""
    return {name for name in workers_env.__all__
            if isinstance(getattr(workers_env, name), type) and issubclass(getattr(workers_env, name), Exception)
            and not issubclass(getattr(workers_env, name), Warning)}


def the_paragraph() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("All exceptions derive from `workers_env.WorkersEnvError`:")
    return text[start: text.index("\n\n", start)]


def test_every_exported_exception_is_named_and_derives_from_workers_env_error():
    named = set(re.findall(r"`(?:workers_env\.)?([A-Z]\w+)`", the_paragraph()))
    assert exported_exceptions() - {"WorkersEnvError"} <= named
    for name in exported_exceptions():
        assert issubclass(getattr(workers_env, name), workers_env.WorkersEnvError), name


def test_the_parents_the_paragraph_gives_are_true():
    paragraph = " ".join(the_paragraph().split())
    for child, parent in re.findall(r"`(\w+)` and its `(\w+)`", paragraph):
        assert issubclass(getattr(workers_env, parent), getattr(workers_env, child)), (parent, child)
    assert re.search(r"`JsException` and its `VectorizeError` and `AiError`", paragraph)
    assert issubclass(workers_env.AiError, workers_env.JsException)
    for name, builtin in (("ConfigError", ValueError), ("StateError", RuntimeError),
                          ("NotEmulatedError", NotImplementedError)):
        assert f"`{name}` (also a `{builtin.__name__}`" in paragraph
        assert issubclass(getattr(workers_env, name), builtin)
