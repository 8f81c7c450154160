"""``env.unwrapped("AI").embed(model, texts, pooling=...)`` (the vectors ``run()`` would give, for
tests and tools) refuses what it cannot embed in words pinned whole: texts that are no list of
strings (bytes, a number, an item that is no string) and a pooling the model does not take --
one of its choices, its one pooling, or none at all."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env

from workers_env import ConfigError


@pytest.mark.parametrize(("model", "texts", "pooling", "message"), [
    ("@cf/baai/bge-small-en-v1.5", b"x", None, "embed(): texts is a list of strings, got bytes"),
    ("@cf/baai/bge-small-en-v1.5", 5, None, "embed(): texts is a list of strings, got int"),
    ("@cf/baai/bge-small-en-v1.5", ["a", 3], None, "embed(): texts is a list of strings, got an item 3 (int)"),
    ("@cf/baai/bge-small-en-v1.5", ["a"], "max", "embed(): @cf/baai/bge-small-en-v1.5 takes pooling 'mean' or 'cls', "
                                                 "got 'max'"),
    ("@cf/baai/bge-m3", ["a"], "max", "embed(): @cf/baai/bge-m3 takes pooling 'cls', got 'max'"),
    ("@cf/google/embeddinggemma-300m", ["a"], "max", "embed(): @cf/google/embeddinggemma-300m takes no pooling, got 'max'"),
])
def test_what_embed_cannot_embed_is_refused(tmp_path, model, texts, pooling, message):
    with pytest.raises(ConfigError) as info:
        ai_env(tmp_path).unwrapped("AI").embed(model, texts, pooling=pooling)
    assert str(info.value) == message
