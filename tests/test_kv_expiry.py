"""KV expiry against a clock the test moves: ManualClock through load_env and the pytest fixture."""

from __future__ import annotations

import pytest
from kv_helpers import KV_TOML, run

from workers_env import ManualClock, load_env


def test_an_entry_expires_when_the_clock_reaches_its_expiration(project):
    clock = ManualClock(1_800_000_000.5)
    kv = load_env(project(KV_TOML), clock=clock).KV
    run(kv.put("short", "v", expirationTtl=60))
    run(kv.put("long", "v", expirationTtl=3600))
    run(kv.put("forever", "v"))
    clock.advance(59.4)  # 1_800_000_059.9: one tick before the expiry second
    assert run(kv.get("short")) == "v"
    clock.advance(0.1)
    assert run(kv.get("short")) is None
    assert run(kv.getWithMetadata("short")).value is None
    assert [k.name for k in run(kv.list())["keys"]] == ["forever", "long"]
    clock.advance(3600)
    assert [k.name for k in run(kv.list())["keys"]] == ["forever"]
    assert run(kv.get(["short", "long", "forever"])) == {"short": None, "long": None, "forever": "v"}


def test_overwriting_without_options_drops_the_expiry(project):
    clock = ManualClock(1_800_000_000)
    kv = load_env(project(KV_TOML), clock=clock).KV
    run(kv.put("k", "v", expiration=1_800_000_100))
    run(kv.put("k", "v2"))
    clock.advance(1000)
    assert run(kv.get("k")) == "v2"


def test_manual_clock_only_moves_forward():
    clock = ManualClock(100)
    assert clock.now() == 100 and clock.now_ms() == 100_000
    assert clock.advance(5) == 105
    clock.set(200)
    with pytest.raises(ValueError, match=r"backwards \(now 200\.0\): to start at an earlier time, make the clock "
                                         r"there, ManualClock\(start=\.\.\.\) \(in pytest, a workers_env_clock fixture"):
        clock.set(150)
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(TypeError):
        ManualClock("soon")


def test_load_env_refuses_something_that_is_not_a_clock(project):
    from workers_env import ConfigError

    with pytest.raises(ConfigError, match="clock="):
        load_env(project(KV_TOML), clock=123)


def test_pytest_fixture_clock_drives_expiry(pytester):
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makefile(".toml", wrangler=KV_TOML)
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.asyncio
        async def test_expiry(env, workers_env_clock):
            await env.KV.put("k", "v", expirationTtl=60)
            workers_env_clock.advance(59)
            assert await env.KV.get("k") == "v"
            workers_env_clock.advance(2)
            assert await env.KV.get("k") is None
        """
    )
    pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest").assert_outcomes(passed=1)
