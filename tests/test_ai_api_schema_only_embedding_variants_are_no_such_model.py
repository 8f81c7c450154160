"""Embedding model names only Cloudflare's API schema lists -- the ``omni-``, ``nonomni-`` and
``ray-`` variants of the bge models and ``omni-embeddinggemma-300m``, with no catalog model file,
no input schema and no dimensions published -- are not emulated: ``run()`` answers the service's
5007, with a note naming the catalog model without the variant's prefix (difflib alone would
name ``omni-bge-base`` for ``omni-bge-large``, a model of other dimensions; README, "Where we had
to choose"). ``omni-bge-base-en-v1.5``, which has a model file, is emulated."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError

VARIANTS = {
    "@cf/baai/ray-bge-large-en-v1.5": "@cf/baai/bge-large-en-v1.5",
    "@cf/baai/omni-bge-large-en-v1.5": "@cf/baai/bge-large-en-v1.5",
    "@cf/baai/omni-bge-small-en-v1.5": "@cf/baai/bge-small-en-v1.5",
    "@cf/baai/omni-bge-m3": "@cf/baai/bge-m3",
    "@cf/baai/nonomni-bge-base-en-v1.5": "@cf/baai/bge-base-en-v1.5",
    "@cf/google/omni-embeddinggemma-300m": "@cf/google/embeddinggemma-300m",
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_a_variant_is_no_such_model_and_the_note_names_the_model(tmp_path, variant):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as caught:
        run(env, variant, {"text": "a"})
    assert str(caught.value) == f"AiError: 5007: No such model {variant} or task"
    assert any(f"did you mean '{VARIANTS[variant]}'?" in note for note in caught.value.__notes__)


def test_the_variant_with_a_model_file_is_emulated(tmp_path):
    env = ai_env(tmp_path)
    assert run(env, "@cf/baai/omni-bge-base-en-v1.5", {"text": "a"}).shape == [1, 768]
