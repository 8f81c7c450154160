"""``kv key get`` and ``kv key list`` on a binding with both ``id`` and ``preview_id`` read the
production ``id``, as wrangler's (their ``--preview`` defaults to false), and without an ``id``
the binding name's namespace (wrangler's default provisioning, locally); ``put`` and ``delete``
(no default there) still ask which one."""

from __future__ import annotations

import pytest
from kv_helpers import LOCATION

from workers_env.cli import main

TOML = '[[kv_namespaces]]\nbinding = "BOTH"\nid = "prod"\npreview_id = "dev"\n'
ASK = (
    '✘ [ERROR] The binding "BOTH" has both an "id" and a "preview_id" configured. Pass `--preview` to target the '
    "preview namespace, or `--preview false` to target the production namespace.\n\n\n"
)


@pytest.fixture
def app(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML))
    assert main(["kv", "key", "put", "k", "prod-value", "--binding", "BOTH", "--preview", "false"]) == 0
    assert main(["kv", "key", "put", "k", "dev-value", "--binding", "BOTH", "--preview"]) == 0
    capsys.readouterr()


def test_get_reads_the_production_id(app, capsys):
    assert main(["kv", "key", "get", "k", "--binding", "BOTH", "--text"]) == 0
    assert capsys.readouterr().out == "prod-value\n"
    assert main(["kv", "key", "get", "k", "--binding", "BOTH", "--text", "--preview"]) == 0
    assert capsys.readouterr().out == "dev-value\n"


def test_list_reads_the_production_id(app, capsys):
    assert main(["kv", "key", "put", "only-prod", "v", "--binding", "BOTH", "--preview", "false"]) == 0
    capsys.readouterr()
    assert main(["kv", "key", "list", "--binding", "BOTH"]) == 0
    assert capsys.readouterr().out == '[\n  {\n    "name": "k"\n  },\n  {\n    "name": "only-prod"\n  }\n]\n'


@pytest.mark.parametrize("argv", [["put", "k", "v"], ["delete", "k"]], ids=["put", "delete"])
def test_put_and_delete_still_ask(app, capsys, argv):
    assert main(["kv", "key", *argv, "--binding", "BOTH"]) == 1
    assert capsys.readouterr().err == ASK


def test_without_an_id_get_and_list_read_the_binding_names_namespace(project, monkeypatch, capsys):
    monkeypatch.chdir(project('[[kv_namespaces]]\nbinding = "PREVIEW_ONLY"\npreview_id = "dev"\n'))
    assert main(["kv", "key", "put", "k", "v", "--binding", "PREVIEW_ONLY"]) == 0
    assert capsys.readouterr().out == LOCATION + 'Writing the value "v" to key "k" on namespace binding: "PREVIEW_ONLY" (id: "dev").\n'
    assert main(["kv", "key", "list", "--binding", "PREVIEW_ONLY"]) == 0  # the namespace "PREVIEW_ONLY"
    assert capsys.readouterr().out == "[]\n"
    assert main(["kv", "key", "put", "k", "v", "--binding", "PREVIEW_ONLY", "--preview", "false"]) == 0
    assert capsys.readouterr().out == LOCATION + 'Writing the value "v" to key "k" on namespace binding: "PREVIEW_ONLY" (id: "PREVIEW_ONLY").\n'
    assert main(["kv", "key", "get", "k", "--binding", "PREVIEW_ONLY", "--text"]) == 0
    assert capsys.readouterr().out == "v\n"


def test_preview_without_a_preview_id_is_wranglers_error(project, monkeypatch, capsys):
    monkeypatch.chdir(project('[[kv_namespaces]]\nbinding = "PROD_ONLY"\nid = "prod"\n'))
    assert main(["kv", "key", "get", "k", "--binding", "PROD_ONLY", "--preview"]) == 1
    assert capsys.readouterr().err == (  # wrangler 4.164.0's text (kv/helpers.ts)
        '✘ [ERROR] No preview namespace ID is configured for binding "PROD_ONLY". Add a "preview_id" to the "PROD_ONLY" '
        "entry in your config's \"kv_namespaces\" section, or use `--namespace-id` to specify a preview namespace "
        "directly.\n\n\n"
    )
