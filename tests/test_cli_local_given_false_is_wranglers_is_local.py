"""``--no-local`` / ``--local=false`` / ``--no-remote`` as wrangler 4.164.0 reads them: yargs holds
a flag given false as *given*, and wrangler's ``isLocal`` is local only when neither flag is given,
``--local`` is true or ``--remote`` false. So (each measured side by side with
``wrangler ... --local`` in one folder):

- ``d1 execute|export --no-local`` prints ``Resource location: remote`` and still runs on the local
  database (executeSql reads ``--remote`` alone);
- ``kv key put --no-local`` prints ``remote`` and goes to the account -- refused here, nothing written;
  ``kv key get --no-local`` too, without the lines;
- yargs' ``conflicts`` of ``--local`` and ``--remote`` (kv commands, ``d1 export``) fire when both are
  given, whatever their values (``--local --no-remote``), ``d1 export`` naming them in the order given."""

from __future__ import annotations

import pytest
from kv_helpers import LOCATION

from workers_env.cli import main

REMOTE = "Resource location: remote \n\n"
REFUSED = ("workers-env kv works on local state only (Miniflare's layout under --persist-to); --remote would "
           "reach your Cloudflare account. Use `wrangler kv ... --remote` for that.")


@pytest.fixture
def app(project, monkeypatch):
    root = project('[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n\n[[d1_databases]]\nbinding = "DB"\n'
                   'database_name = "db"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n')
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("flags", [["--no-local"], ["--local=false"], ["--local", "false"]])
def test_d1_execute_says_remote_and_runs_on_the_local_database(app, capsys, flags):
    assert main(["d1", "execute", "DB", "--command", "SELECT 1 AS a", *flags]) == 0
    out = capsys.readouterr().out
    assert out.startswith(REMOTE + "🌀 Executing on local database DB (00000000-0000-0000-0000-000000000000) "
                                   "from .wrangler/state/v3/d1:\n")
    assert '"a": 1' in out


@pytest.mark.parametrize("flags", [["--no-remote"], ["--no-local", "--no-remote"], ["--local", "--no-remote"], []])
def test_d1_execute_is_local_otherwise(app, capsys, flags):
    assert main(["d1", "execute", "DB", "--command", "SELECT 1 AS a", *flags]) == 0
    assert capsys.readouterr().out.startswith(LOCATION + "🌀 Executing on local database DB")


def test_d1_export_no_local_exports_the_local_database_under_the_remote_line(app, capsys):
    assert main(["d1", "export", "DB", "--output", "o.sql", "--no-local"]) == 0
    assert capsys.readouterr().out.startswith(REMOTE + "🌀 Exporting local database DB")
    assert (app / "o.sql").exists()


@pytest.mark.parametrize(("flags", "named"), [
    (["--local", "--no-remote"], "local and remote"), (["--no-remote", "--local"], "remote and local"),
    (["--no-local", "--no-remote"], "local and remote"), (["--remote=false", "--local=false"], "remote and local"),
])
def test_d1_export_refuses_both_given_in_the_order_given(app, capsys, flags, named):
    assert main(["d1", "export", "DB", "--output", "o.sql", *flags]) == 1
    assert f"✘ [ERROR] Arguments {named} are mutually exclusive" in capsys.readouterr().err
    assert not (app / "o.sql").exists()


@pytest.mark.parametrize("flags", [["--no-local"], ["--local=false"]])
def test_kv_key_put_no_local_is_remote_and_refused_writing_nothing(app, capsys, flags):
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", *flags]) == 1
    captured = capsys.readouterr()
    assert captured.out == REMOTE + 'Writing the value "v" to key "k" on namespace binding: "KV" (id: "abc").\n\n'
    assert REFUSED in captured.err
    assert main(["kv", "key", "list", "--binding", "KV"]) == 0
    assert capsys.readouterr().out == "[]\n"


def test_kv_key_get_no_local_is_refused_without_the_lines(app, capsys):
    assert main(["kv", "key", "get", "k", "--binding", "KV", "--no-local"]) == 1
    captured = capsys.readouterr()
    assert "Resource location" not in captured.out and REFUSED in captured.err


def test_kv_no_remote_alone_is_local(app, capsys):
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", "--no-remote"]) == 0
    assert capsys.readouterr().out.startswith(LOCATION + 'Writing the value "v"')


@pytest.mark.parametrize("flags", [["--local", "--no-remote"], ["--no-local", "--no-remote"], ["--no-local", "--remote"]])
def test_kv_refuses_both_given_whatever_their_values(app, capsys, flags):
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", *flags]) == 1
    captured = capsys.readouterr()
    assert "✘ [ERROR] Arguments remote and local are mutually exclusive" in captured.err
    assert "Resource location" not in captured.out
