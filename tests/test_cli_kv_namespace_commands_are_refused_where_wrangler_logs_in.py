"""``kv namespace create|list|delete|rename`` act on the Cloudflare account only (wrangler 4.164.0
has no local mode for them; offline it stops at its ``CLOUDFLARE_API_TOKEN`` error, exit 1). Here
they are commands with wrangler's arguments: the same mistakes get wrangler's errors and the help
(``validateArgs``, yargs' ``conflicts`` and ``demandOption``); a right line reads the config (its
warnings as often as wrangler reads it: twice, once for ``list``), prints ``Resource location:
remote`` where wrangler does before logging in (``delete``, ``rename``), then one error saying the
command needs Cloudflare's API and what runs locally instead, exit 1 -- not ``Unknown argument``.
Projects' READMEs have one run first (Cloudflare's ``url-shortener``: ``pywrangler kv namespace
create LINKS``)."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = 'name = "x"\nbogus_field = 1\ncompatibility_date = "2025-01-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
WARNING = '▲ [WARNING] Processing wrangler.toml configuration:\n\n    - Unexpected fields found in top-level field: "bogus_field"\n\n\n'


@pytest.fixture(autouse=True)
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["kv", "namespace", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(("argv", "reads", "location"), [
    (["list"], 1, False),
    (["create", "LINKS"], 2, False),
    (["create", "LINKS", "--preview", "--binding", "LINKS", "--update-config"], 2, False),
    (["delete", "--binding", "KV"], 2, True),
    (["delete", "--namespace-id", "abc", "-y"], 2, True),
    (["rename", "old", "--new-name", "new"], 2, True),
])
def test_a_right_line_is_refused_where_wrangler_logs_in(capsys, argv, reads, location):
    code, out, err = run(capsys, *argv)
    assert code == 1
    assert out == ("Resource location: remote \n\n" if location else "") + "\n"  # (then handleError's empty line)
    warnings, _, error = err.rpartition(WARNING)
    assert warnings + _ == WARNING * reads
    command = argv[0]
    assert error.startswith(f"✘ [ERROR] `kv namespace {command}` ") and error.endswith("\n\n\n")
    assert "Cloudflare account through its API" in error and f"run `wrangler kv namespace {command}` for it" in error
    assert "running locally needs no namespace made first: `workers-env dev` and `workers-env kv key ...`" in error


@pytest.mark.parametrize(("argv", "message"), [
    (["delete"], "No KV namespace specified. Provide a namespace name as a positional argument, or use `--binding` "
                 "or `--namespace-id`."),
    (["delete", "foo", "--namespace-id", "abc"], "Only one namespace selector is allowed. Provide exactly one of: a "
                                                 "positional namespace name, `--binding`, or `--namespace-id`."),
    (["rename", "--new-name", "x"], "No KV namespace specified. Provide the current namespace name as a positional "
                                    "argument, or use `--namespace-id` to identify the namespace to rename."),
    (["rename", "old", "--namespace-id", "abc", "--new-name", "x"],
     "Cannot specify both a positional namespace name and `--namespace-id`. Use one or the other to identify the "
     "namespace to rename."),
    (["rename", "old", "--new-name", "x" * 513], "The new namespace name exceeds the 512-character limit (got 513 "
                                                 "characters). Provide a shorter name with `--new-name`."),
    (["create"], "Not enough non-option arguments: got 0, need at least 1"),
    (["create", "x", "--experimental-mode", "instant", "--jurisdiction", "eu"],
     "Arguments experimental-mode and jurisdiction are mutually exclusive"),
    (["list", "--bogus"], "Unknown argument: bogus"),
])
def test_a_mistake_gets_wranglers_error_and_the_help(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and err.startswith(f"✘ [ERROR] {message}\n")
    assert out.startswith(f"\nusage: workers-env kv namespace {argv[0]} ")


def test_the_group_alone_prints_its_help(capsys):
    code, out, err = run(capsys)
    assert (code, err) == (0, "") and out.startswith("usage: workers-env kv namespace ")
    assert all(f"    {name}" in out for name in ("create", "list", "delete", "rename"))
