"""Which rate-limit bindings a config gives, as wrangler dev 4.164.0 builds them: each
``[[ratelimits]]`` entry (an ``[env.NAME]``'s own, not inherited), each ``[[unsafe.bindings]]``
entry of ``type = "ratelimit"`` (its ``namespace_id`` defaulting to its name, its period to
60), bindings of one ``namespace_id`` sharing their counts; and what Miniflare refuses at start
(measured: a limit not above 0, an unsafe entry without ``simple``, with a number
``namespace_id`` or another period)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker
from worker_helpers import rate_limit as rl

from workers_env import ConfigError, ManualClock, load_env


def _load(tmp_path, extra, **kwargs):
    return load_env(one_file_worker(tmp_path, "", extra=extra), clock=ManualClock(1_800_000_000), **kwargs)


def _successes(binding, key, times):
    async def run():
        return [(await binding.limit({"key": key})).success for _ in range(times)]
    return asyncio.run(run())


def test_bindings_of_one_namespace_share_their_counts_each_against_its_own_limit(tmp_path):
    env = _load(tmp_path, rl("A", "1", 3) + rl("B", "1", 2) + rl("C", "2", 2))
    assert _successes(env.A, "k", 2) == [True, True]
    assert _successes(env.B, "k", 1) == [False]  # 2 counted under the namespace: B's limit of 2 is reached
    assert _successes(env.A, "k", 2) == [True, False]
    assert _successes(env.C, "k", 3) == [True, True, False]  # another namespace counts apart
    assert env.unwrapped("A").counter is env.unwrapped("B").counter is not env.unwrapped("C").counter


def test_an_unsafe_binding_of_type_ratelimit_is_a_rate_limit(tmp_path):
    env = _load(tmp_path, '[[unsafe.bindings]]\nname = "U"\ntype = "ratelimit"\nsimple = { limit = 2 }\n'
                          '[[unsafe.bindings]]\nname = "V"\ntype = "ratelimit"\nnamespace_id = "U"\n'
                          'simple = { limit = 5, period = 10 }\n')
    u, v = env.unwrapped("U"), env.unwrapped("V")
    assert (u.namespace_id, u.limit_value, u.period) == ("U", 2, 60)  # namespace: the name; period: 60
    assert _successes(env.U, "k", 3) == [True, True, False]
    assert u.counter is v.counter and _successes(env.V, "k", 1) == [True]  # (k, 10) counts apart from (k, 60)


def test_an_environment_has_its_own_rate_limits_and_inherits_none(tmp_path):
    extra = rl("RL", "1", 1) + '[env.production]\nname = "p"\n' + rl("RL", "2", 3, env="env.production.") \
        + '[env.staging]\nname = "s"\n'
    top = _load(tmp_path, extra)
    production = load_env(tmp_path, environment="production", clock=ManualClock(1_800_000_000))
    staging = load_env(tmp_path, environment="staging", clock=ManualClock(1_800_000_000))
    assert _successes(top.RL, "k", 2) == [True, False]
    assert (production.unwrapped("RL").namespace_id, _successes(production.RL, "k", 4)) == ("2", [True] * 3 + [False])
    assert "RL" not in staging  # not inheritable (wrangler warns of it)


@pytest.mark.parametrize(("extra", "where", "zod"), [
    (rl(limit=0), "ratelimits[0].simple.limit", "Too small: expected number to be >0"),
    (rl(limit=-1.5), "ratelimits[0].simple.limit", "Too small: expected number to be >0"),
    ('[[unsafe.bindings]]\nname = "U"\ntype = "ratelimit"\nnamespace_id = "1"\n', "unsafe.bindings[0].simple",
     "Invalid input"),
    ('[[unsafe.bindings]]\nname = "U"\ntype = "ratelimit"\nnamespace_id = 5\nsimple = { limit = 1 }\n',
     "unsafe.bindings[0].namespace_id", "Invalid input: expected string, received number"),
    ('[[unsafe.bindings]]\nname = "U"\ntype = "ratelimit"\nsimple = { limit = 1, period = 30 }\n',
     "unsafe.bindings[0].simple.period", "Invalid input"),
    ('[[unsafe.bindings]]\nname = "U"\ntype = "ratelimit"\nsimple = { limit = "1" }\n',
     "unsafe.bindings[0].simple.limit", "Invalid input: expected number, received string"),
])
def test_what_miniflare_refuses_at_start_stops_the_load(tmp_path, extra, where, zod):
    with pytest.raises(ConfigError) as raised:
        _load(tmp_path, extra)
    assert str(raised.value).startswith(f'{where}: wrangler dev refuses to start with it (Miniflare: "{zod}")')


def test_wranglers_own_checks_come_first(tmp_path):
    with pytest.raises(ConfigError, match=r'"simple.period" must be either 10 or 60 but got 30'):
        _load(tmp_path, rl(period=30))


def test_envs_of_one_state_folder_share_their_counts_for_the_process(tmp_path):
    """``workers-env dev`` rebuilds the env on a config reload, and serves a session's Workers
    from one state folder: their counters are the folder's, as Miniflare's on-disk ones are."""
    first = _load(tmp_path / "a", rl(limit=3), persist_to=tmp_path / "state")
    again = _load(tmp_path / "b", rl(limit=3), persist_to=tmp_path / "state")
    other = _load(tmp_path / "c", rl(limit=3), persist_to=tmp_path / "elsewhere")
    fresh = _load(tmp_path / "d", rl(limit=3))
    assert _successes(first.RL, "k", 2) == [True, True]
    assert _successes(again.RL, "k", 2) == [True, False]
    assert _successes(other.RL, "k", 3) == [True] * 3 and _successes(fresh.RL, "k", 3) == [True] * 3
