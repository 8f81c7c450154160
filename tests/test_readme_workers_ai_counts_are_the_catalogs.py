"""README's Workers AI section counts the catalog's models -- known, emulated by kind and result
form, refused as not emulated, retired -- and each figure is the catalog's, so a model added or
retired without the README's count fails here."""

from __future__ import annotations

import re
from pathlib import Path

from workers_env.ai.catalog import (
    DEPRECATED_MODELS,
    EMBEDDING_MODELS,
    OTHER_MODELS,
    RERANKER_MODELS,
    TEXT_GENERATION_MODELS,
)

README = Path(__file__).resolve().parent.parent / "README.md"
COUNTS = re.compile(
    r"(\d+) models are known -- (\d+) emulated \((\d+) text embedding; (\d+) text generation: (\d+) answering "
    r"`\{response\}`, (\d+) in OpenAI's chat-completions form, gpt-oss's (\d+); (\d+) reranker\) and (\d+) of "
    r"other tasks or forms refused as not emulated\. (\d+) of the (\d+) \((\d+) text generation, (\d+) of other "
    r"tasks\) are retired")


def test_the_sections_counts_are_the_catalogs():
    section = README.read_text(encoding="utf-8").split("\n## Workers AI\n", 1)[1].split("\n### ", 1)[0]
    found = COUNTS.search(" ".join(section.split()))
    assert found, "README's Workers AI section no longer states its counts in the form this test reads"
    forms = [model.result for model in TEXT_GENERATION_MODELS.values()]
    emulated = len(EMBEDDING_MODELS) + len(TEXT_GENERATION_MODELS) + len(RERANKER_MODELS)
    known = emulated + len(OTHER_MODELS)
    assert [int(n) for n in found.groups()] == [
        known, emulated, len(EMBEDDING_MODELS), len(TEXT_GENERATION_MODELS), forms.count("response"),
        forms.count("chat-completions"), forms.count("responses"), len(RERANKER_MODELS), len(OTHER_MODELS),
        len(DEPRECATED_MODELS), known, len(DEPRECATED_MODELS.keys() & TEXT_GENERATION_MODELS.keys()),
        len(DEPRECATED_MODELS.keys() & OTHER_MODELS.keys()),
    ]
    assert not DEPRECATED_MODELS.keys() - TEXT_GENERATION_MODELS.keys() - OTHER_MODELS.keys()
