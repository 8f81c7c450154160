"""``workers-env dev``'s line saying it answers ``env.AI`` offline names the models the project's
``[tool.workers-env.ai.embedders]`` plugs its own functions in for -- their embeddings are those
functions', not the word-sharing offline embedder's -- and says the others are answered by shared
words (walk58: with a real model plugged in for bge-base, the line said every embedding came from
shared words). Without the table the line is as before
(test_cli_dev_says_it_answers_workers_ai_offline). The module has a name of its own: an in-process
dev imports it into this process, where test_ai_plugged_embedders.py's ``myembed`` may already be."""

from __future__ import annotations

from dev_reload_helpers import answering, dev_printed_before_serving, python_project

EMBEDDERS = "def bge_base(texts):\n    return [[1.0] + [0.0] * 767 for _ in texts]\n"


def test_the_plugged_models_are_named(tmp_path, monkeypatch):
    project = python_project(tmp_path / "app", answering("ok"), config_extra='[ai]\nbinding = "AI"\n',
                             files={"walk58_dev_embed.py": EMBEDDERS})
    with (project / "pyproject.toml").open("a") as pyproject:
        pyproject.write('\n[tool.workers-env.ai.embedders]\n"@cf/baai/bge-base-en-v1.5" = "walk58_dev_embed:bge_base"\n')
    output, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert served
    assert ("workers-env answers them locally -- embeddings of @cf/baai/bge-base-en-v1.5 by your "
            "[tool.workers-env.ai.embedders] function, of other models by the words texts share, not by meaning, "
            "and placeholder or scripted text (README \"Workers AI\"); deployed, Workers AI answers\n") in output
    assert output.count("runs offline") == 1
