"""Where wrangler dev 4.164.0's table calls an ``[ai]`` binding ``remote`` (``not supported`` with
``remote = false``) and then, without a login, does not start (``Failed to start the remote proxy
session``, both ways: measured with a JavaScript Worker, walk54), ``workers-env dev`` says in one
line on stderr, after the table, that it answers the binding offline -- and how (embeddings by
shared words, placeholder text), so that the table's ``remote`` is not read as calls reaching
Cloudflare. ``remote = true`` gets the remote note instead (test_dev_says_remote_bindings_run_locally)."""

from __future__ import annotations

from dev_reload_helpers import answering, dev_printed_before_serving, python_project

LINE = ('workers-env dev: env.AI (Workers AI) runs offline: wrangler dev sends its calls to your Cloudflare account '
        '(and, without a login, stops with "Failed to start the remote proxy session"), workers-env answers them '
        'locally -- embeddings by the words texts share, not by meaning, and placeholder or scripted text (README '
        '"Workers AI"); deployed, Workers AI answers\n')


def test_an_ai_binding_is_said_to_be_answered_offline_after_the_table(tmp_path, monkeypatch):
    project = python_project(tmp_path / "app", answering("ok"), config_extra='[ai]\nbinding = "AI"\n')
    output, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert "env.AI         AI            remote\n" in output  # wrangler's table, as it prints it (measured)
    assert LINE in output and output.index(LINE) > output.index("env.AI ")
    assert output.count("runs offline") == 1
    assert served
