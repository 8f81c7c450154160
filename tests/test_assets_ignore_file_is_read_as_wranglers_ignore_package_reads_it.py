"""``.assetsignore`` is read as wrangler 4.164.0 reads it -- its lines split at ``\\n`` alone and
matched by the ``ignore`` package (5.3.1) it bundles, which is not git: case-insensitive, ``[!b]``
the characters ``!`` and ``b``, ``\\*`` a star, an ignored folder's files ignored whatever a later
``!`` says, a line ending in a lone backslash or holding an out-of-order ``0``-``z`` range passed
over -- and its three metafiles left out in any case. Each answer here is wrangler's
(tools/wrangler/assetsignore_differential.py: 8,365/8,365 the same). A range JavaScript cannot
compile (``[é-a]``) stops the load with V8's text, as it stops wrangler; before, a line ending in
a backslash (``x.txt\\``) or out-of-order range (``[z-a]``) was a ``GitIgnorePatternError`` or
``re.error`` traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_assets_in_front_of_the_worker import get
from worker_helpers import assets_site

from workers_env import ConfigError, load_worker

FILES = {name: f"file {name}" for name in ("readme.md", "keep.txt", "ab", "a!", "aa", "a", "b", "x.txt", "d/x", "d/y")}

CASES = {  # .assetsignore -> the files wrangler leaves out (the rest are served)
    "README.md\n": {"readme.md"},
    "a[!b]\n": {"ab", "a!"},
    "d/\n!d/x\n": {"d/x", "d/y"},
    "a\rb\r": set(),  # one line: a CR alone ends none
    "x.txt\\\nkeep.txt\n": {"keep.txt"},
    "[z-a]\nkeep.txt\r\n": {"keep.txt"},
    "x.txt\t\u00a0\n": {"x.txt"},
    "\\*\n": set(FILES),
    "# x.txt\n\\#a\n": set(),
}


@pytest.mark.asyncio
@pytest.mark.parametrize("text", list(CASES))
async def test_wranglers_answer_for_each_file(tmp_path: Path, text: str) -> None:
    root = assets_site(tmp_path, FILES)
    (root / "public" / ".assetsignore").write_text(text, newline="")
    worker = load_worker(root)
    left_out = set()
    for name, body in FILES.items():
        _, got, _ = await get(worker, f"/{name}")
        if got != body:
            assert got == "worker"  # (the Worker answers what assets do not)
            left_out.add(name)
    assert left_out == CASES[text]


@pytest.mark.asyncio
async def test_the_metafiles_are_left_out_in_any_case(tmp_path: Path) -> None:
    root = assets_site(tmp_path, {"_HEADERS": "h", "_Redirects": "r", "x.txt": "x"})
    worker = load_worker(root)
    assert (await get(worker, "/_HEADERS"))[1] == "worker"
    assert (await get(worker, "/_Redirects"))[1] == "worker"
    assert (await get(worker, "/x.txt"))[1] == "x"


def test_a_range_javascript_cannot_compile_stops_the_load_as_it_stops_wrangler(tmp_path: Path) -> None:
    root = assets_site(tmp_path, {"x.txt": "x", ".assetsignore": "ok\n[é-a]\n"})
    with pytest.raises(ConfigError) as info:
        load_worker(root)
    assert str(info.value) == (
        "Invalid regular expression: /(?:^|\\/)[é-a](?=$|\\/$)/i: Range out of order in character class\n"
        f"  (the line '[é-a]' of {root / 'public' / '.assetsignore'}: write the range's lower end first)")
