"""``vectorize create --preset MODEL`` makes an index of that embedding model's dimensions and
cosine metric, for each of the five presets wrangler 4.164.0 offers (its ``--preset`` choices;
the dimensions are the models': bge-small-en-v1.5 384, bge-base 768, bge-large 1024, OpenAI's
text-embedding-ada-002 1536, Cohere's embed-multilingual-v2.0 768 -- the three bge ones the
length of the vectors ``env.AI`` answers for them). Only bge-small's and ada-002's were pinned."""

from __future__ import annotations

import json

import pytest

from workers_env.cli import main

PRESETS = [("@cf/baai/bge-small-en-v1.5", 384), ("@cf/baai/bge-base-en-v1.5", 768),
           ("@cf/baai/bge-large-en-v1.5", 1024), ("openai/text-embedding-ada-002", 1536),
           ("cohere/embed-multilingual-v2.0", 768)]


@pytest.mark.parametrize(("preset", "dimensions"), PRESETS)
def test_a_preset_gives_its_models_dimensions(tmp_path, capsys, preset, dimensions):
    code = main(["vectorize", "create", "idx", "--preset", preset, "--json", "--persist-to", str(tmp_path)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert json.loads(out)["config"] == {"dimensions": dimensions, "metric": "cosine"}
