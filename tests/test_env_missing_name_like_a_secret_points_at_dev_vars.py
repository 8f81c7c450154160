"""A Worker reading a name its env lacks, close to none it has, is most often reading a secret
set on Cloudflare only (``wrangler secret put``), as four Workers of hunt16 do (ADMIN_PASSWORD,
RUNNER_TOKEN, ENCRYPTION_KEY, JWT_SECRET): the error says where ``wrangler dev`` and workers-env
read secrets locally, and that supplying one there makes the read work. A near miss keeps its
"did you mean" alone."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env

ENTRY = "from workers import WorkerEntrypoint\n"


def test_a_name_close_to_none_says_where_secrets_come_from(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY, extra='[vars]\nGREETING = "hi"\n'))
    with pytest.raises(AttributeError) as info:
        env.ADMIN_PASSWORD
    said = str(info.value)
    assert "wrangler secret put ADMIN_PASSWORD" in said and ".dev.vars" in said and "ADMIN_PASSWORD=..." in said
    (tmp_path / ".dev.vars").write_text("ADMIN_PASSWORD=s3cret\n")
    assert load_env(tmp_path).ADMIN_PASSWORD == "s3cret"  # what the note says to do works


def test_a_near_miss_only_suggests_the_name(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY, extra='[vars]\nGREETING = "hi"\n'))
    with pytest.raises(AttributeError) as info:
        env.GREETNG
    assert "did you mean 'GREETING'?" in str(info.value) and ".dev.vars" not in str(info.value)
