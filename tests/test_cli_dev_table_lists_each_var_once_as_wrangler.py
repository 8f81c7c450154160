"""``workers-env dev``'s bindings table names each var once, as wrangler 4.164.0's ``getBindings``
merges them (the expected tables are wrangler dev's own output for JavaScript twins of these
configs, piped): a ``.dev.vars`` secret or ``--var`` over a config var takes its place, shown
``"(hidden)"`` (the Worker gets that value, not the config's), a ``--var`` naming another binding
replaces that binding's row, a secret naming one is not shown (the binding stays), and with a
``secrets`` table only the secrets it requires or that override a var are listed. Before, such a
var was listed twice, first with the config's value the Worker no longer saw."""

from __future__ import annotations

from dev_reload_helpers import dev_printed_before_serving

import pytest

from workers_env import BindingNotEmulatedError, load_env

ENTRY = '''from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("hi")
'''

HEAD = 'name = "t"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\ncompatibility_flags = ["python_workers"]\n'


def _project(tmp_path, config: str, dev_vars: str):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.toml").write_text(HEAD + config)
    (tmp_path / ".dev.vars").write_text(dev_vars)
    return tmp_path


def test_secrets_and_var_flags_over_config_vars_and_bindings(tmp_path, monkeypatch):
    project = _project(tmp_path, '''[vars]
GREETING = "hello"
B = { j = 1 }
C = "c"
[[kv_namespaces]]
binding = "KV"
id = "abc"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "x"
''', "GREETING=dv\nD=4\nDB=x\n")
    out, served = dev_printed_before_serving(project, "--var", "C:cli", "--var", "KV:x", "--var", "E:e",
                                             monkeypatch=monkeypatch)
    assert '''Using secrets defined in .dev.vars
Your Worker has access to the following bindings:
Binding                        Resource                  Mode
env.DB (db)                    D1 Database               local
env.GREETING ("(hidden)")      Environment Variable      local
env.B ({"j":1})                Environment Variable      local
env.C ("(hidden)")             Environment Variable      local
env.KV ("(hidden)")            Environment Variable      local
env.D ("(hidden)")             Environment Variable      local
env.E ("(hidden)")             Environment Variable      local

''' in out, out


def test_a_secrets_table_lists_only_the_secrets_the_worker_gets(tmp_path, monkeypatch):
    project = _project(tmp_path, '[vars]\nV = "v"\n[secrets]\nrequired = ["API_KEY", "MISSING"]\n',
                       "API_KEY=1\nEXTRA=2\nV=3\n")
    out, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert '''Your Worker has access to the following bindings:
Binding                       Resource                  Mode
env.V ("(hidden)")            Environment Variable      local
env.API_KEY ("(hidden)")      Environment Variable      local

''' in out, out
    assert "EXTRA" not in out


def test_a_binding_listed_after_the_vars_is_named_once_too(tmp_path, monkeypatch):
    """A Worker Loader's row comes after the vars' (as wrangler's): a secret naming it is left
    out there too, a ``--var`` naming it replaces its row (wrangler dev 4.164.0, JS twins)."""
    config = '[vars]\nC = "c"\n[[worker_loaders]]\nbinding = "LOADER"\n'
    out, served = dev_printed_before_serving(_project(tmp_path, config, "LOADER=x\n"), monkeypatch=monkeypatch)
    assert '''Binding               Resource                  Mode
env.C ("c")           Environment Variable      local
env.LOADER            Worker Loader             local

''' in out, out
    out, served = dev_printed_before_serving(tmp_path, "--var", "LOADER:y", monkeypatch=monkeypatch)
    assert '''Binding                      Resource                  Mode
env.C ("c")                  Environment Variable      local
env.LOADER ("(hidden)")      Environment Variable      local

''' in out, out


def test_a_secret_naming_a_binding_not_emulated_leaves_the_binding(tmp_path):
    """``load_env``'s env as wrangler dev's Worker gets it: a ``.dev.vars`` secret named as an R2
    bucket, Worker Loader or Send Email binding does not replace the binding (before, the env held
    the secret's text where wrangler's Worker holds the binding -- a Send Email binding's, which
    ``[[send_email]]`` names with ``name``, until review63: a JS twin's env.SE is its Fetcher);
    other secrets still arrive."""
    config = ('[[r2_buckets]]\nbinding = "B"\nbucket_name = "bkt"\n[[worker_loaders]]\nbinding = "LOADER"\n'
              '[[send_email]]\nname = "SE"\n')
    env = load_env(_project(tmp_path, config, "B=x\nLOADER=y\nSE=z\nS=s\n") / "wrangler.toml")
    for name, kind in [("B", "R2 Bucket"), ("LOADER", "Worker Loader"), ("SE", "Send Email")]:
        with pytest.raises(BindingNotEmulatedError, match=rf"^env\.{name} \({kind} binding"):
            getattr(env, name).get
    assert env.S == "s"


def test_a_send_email_binding_is_on_env_as_any_binding_not_emulated(tmp_path):
    """``[[send_email]] name = "SE"`` puts ``env.SE`` on wrangler dev's Worker (a JS twin's is a
    Fetcher): here the binding workers-env does not emulate, named as such, not a missing name with
    the advice to add a secret (review63: ``name`` was read only for rate limits)."""
    env = load_env(_project(tmp_path, '[[send_email]]\nname = "SE"\ndestination_address = "a@example.com"\n', "")
                   / "wrangler.toml")
    with pytest.raises(BindingNotEmulatedError, match=r"^env\.SE \(Send Email binding"):
        env.SE.send


def test_a_var_named_as_a_send_email_or_rate_limit_binding_leaves_the_binding(tmp_path, monkeypatch):
    """wrangler's unique-name check reads only ``binding`` from a list's entries, so a var may share
    the name of a Send Email or Rate Limit binding (``name``); wrangler dev 4.164.0 lists the binding
    alone and its Worker gets the binding, not the var's text (JS twins, review63; before, the table
    listed the name twice and ``load_env`` gave the var)."""
    project = _project(tmp_path, '[vars]\nSE = "v"\nRL = "w"\nC = "c"\n[[send_email]]\nname = "SE"\n[[ratelimits]]\n'
                       'name = "RL"\nnamespace_id = "1001"\nsimple = { limit = 1, period = 10 }\n', "X=1\n")
    out, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert '''Your Worker has access to the following bindings:
Binding                      Resource                  Mode
env.SE (unrestricted)        Send Email                local
env.RL (1 requests/10s)      Rate Limit                local
env.C ("c")                  Environment Variable      local
env.X ("(hidden)")           Environment Variable      local

''' in out, out
    env = load_env(project / "wrangler.toml")
    with pytest.raises(BindingNotEmulatedError, match=r"^env\.SE \(Send Email binding"):
        env.SE.send
    assert type(env.unwrapped("RL")).__name__ == "RateLimit"  # the binding, emulated since ratelimit49
    assert (env.C, env.X) == ("c", "1")
