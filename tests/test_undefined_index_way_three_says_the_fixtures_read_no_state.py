"""The third way an undefined index's error offers -- ``workers-env vectorize create`` into the
local state -- says, to an env built without ``persist_to`` (a plain ``load_env``, the pytest
fixtures'), that it is not for that env: it reads no state, so the same error would come again
(walk58: a pytest user took way 3 and met it). An env with ``persist_to``, which reads the state
(``workers-env dev``'s), is offered way 3 as before."""

from __future__ import annotations

import pytest

from workers_env import IndexDefinitionError, load_env

WRANGLER = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'
THIRD = ("  3. in persisted local state, as you create it on Cloudflare: workers-env vectorize create docs "
         "--dimensions=768 --metric=cosine (no file to edit; workers-env dev reads that state, "
         "load_env(..., persist_to=...) too")


@pytest.mark.parametrize(("persist", "tail"), [
    (False, "; not this env, built without persist_to, nor the pytest fixtures': 1 or 2 for them)"),
    (True, ")"),
])
def test_way_three_is_said_to_be_for_an_env_that_reads_the_state(tmp_path, persist, tail):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    with pytest.raises(IndexDefinitionError) as info:
        load_env(tmp_path, **({"persist_to": tmp_path / "state"} if persist else {}))
    assert str(info.value).endswith(THIRD + tail)
