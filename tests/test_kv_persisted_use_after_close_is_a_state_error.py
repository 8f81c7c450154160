"""A persisted KV namespace used after its env was closed is a StateError saying so, and a
refused put leaves no blob or blob folder behind (as a put refused for its options does)."""

from __future__ import annotations

from pathlib import Path

import pytest
from kv_helpers import KV_TOML, run

from workers_env import StateError, load_env


def _everything(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize("used", ["before", "never"])
def test_every_operation_after_close_is_a_state_error_and_writes_nothing(project, tmp_path, used):
    state = tmp_path / "state"
    env = load_env(project(KV_TOML), persist_to=state)
    kv = env.KV
    if used == "before":
        run(kv.get("k"))  # the connection is open; no blob folder yet (no value written)
    env.close()
    before = _everything(state)
    for call in (lambda: kv.put("k", "v"), lambda: kv.get("k"), lambda: kv.list(), lambda: kv.delete("k")):
        with pytest.raises(StateError, match=r"the state was closed \(env.close\(\)\) and cannot be used"):
            run(call())
    assert _everything(state) == before
    assert not (state / "v3" / "kv" / "ns-1").exists()
