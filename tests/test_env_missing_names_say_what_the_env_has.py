"""A name the env does not hold says which names it does hold, and the nearest one: in Worker
code ``self.env.VECTORISE`` stays production's ``AttributeError: VECTORISE`` with a note, and
in test code ``env.VECTORISE`` / ``env["VECTORISE"]`` say it in the error itself or its note."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

BINDINGS = '[[kv_namespaces]]\nbinding = "CACHE"\nid = "0123456789abcdef0123456789abcdef"\n[vars]\nGREETING = "hi"\n'
ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                self.env.CACHEE
            except AttributeError as exc:
                return Response(str(exc) + " | " + " ".join(getattr(exc, "__notes__", [])))
            return Response("found")
"""
SAYS = "env has no binding or var named 'CACHEE'; it has: CACHE, GREETING (did you mean 'CACHE'?)"


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2026-01-01"])  # the external SDK's era and the built-in one
async def test_worker_code_gets_productions_error_with_a_note(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=BINDINGS))
    assert await (await worker.fetch("/")).text() == f"CACHEE | {SAYS}"


def test_test_code_gets_it_in_the_error_or_the_note(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY, extra=BINDINGS))
    with pytest.raises(AttributeError) as info:
        env.CACHEE
    assert str(info.value) == SAYS
    with pytest.raises(KeyError) as missing:
        env["CACHEE"]
    assert missing.value.args == ("CACHEE",) and missing.value.__notes__ == [SAYS]
    with pytest.raises(AttributeError) as far:
        env.unwrapped("ZZZ")
    assert str(far.value) == ("env has no binding or var named 'ZZZ'; it has: CACHE, GREETING; declare a binding in "
                              'the wrangler config (binding = "ZZZ" under its [[kv_namespaces]], [[d1_databases]], ...) '
                              "or a var under [vars]; if it is a secret "
                              "(wrangler secret put ZZZ), wrangler dev and workers-env read it from .dev.vars (or "
                              ".env) beside the wrangler config: add a line ZZZ=... there; a test, run where that "
                              "file is not (it is kept out of git), gets one from bindings={'ZZZ': ...}: a "
                              "workers_env_bindings fixture returning that, or load_env(..., bindings=...)")


def test_a_name_in_another_case_is_the_one_suggested(tmp_path):
    # names are case-sensitive: [ai] binding = "ai" read as env.AI points at "ai", which
    # difflib alone (ratio 0 for "AI" against "ai") would not
    env = load_env(one_file_worker(tmp_path, ENTRY, extra='[ai]\nbinding = "ai"\n' + BINDINGS))
    with pytest.raises(AttributeError) as info:
        env.AI
    assert str(info.value).endswith("it has: CACHE, GREETING, ai (did you mean 'ai'?)")


@pytest.mark.asyncio
async def test_a_missing_ai_binding_says_to_declare_ai_not_a_secret(tmp_path):
    # every Workers AI example binds "AI": a config without [ai] is likelier than a secret named AI
    entry = ENTRY.replace("self.env.CACHEE", "self.env.AI")
    says = ("env has no binding or var named 'AI'; it has: CACHE, GREETING; Workers AI is a binding you declare "
            'in the wrangler config: add [ai] with binding = "AI" (wrangler.jsonc: "ai": {"binding": "AI"})')
    folder = one_file_worker(tmp_path, entry, extra=BINDINGS)
    with pytest.raises(AttributeError) as info:
        load_env(folder).AI
    assert str(info.value) == says
    assert await (await load_worker(folder).fetch("/")).text() == f"AI | {says}"
