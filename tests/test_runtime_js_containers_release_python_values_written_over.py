"""A JS object, array or Map that Python code writes Python values into over and over (``o.x =
[i]`` in a loop) keeps alive only what it still holds: the note that a value is a PyProxy (read
back as the object itself) goes once the value is written over, as JavaScript lets the old
PyProxy go; what it still holds reads back as itself."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

LOOP = """
import sys
kept = [0]
gone = [1]
base = sys.getrefcount(gone)
c = {make}
{store_kept}
{store_gone}
for i in range(200):
    {store_other}
(sys.getrefcount(gone) - base, {read_kept} is kept)
"""

CONTAINERS = {
    "object": ("Object.new()", "c.k = kept", "c.x = gone", "c.x = [i]", "c.k"),
    "array": ("Array.new()", "c.append(kept)", "c.append(gone)", "c[1] = [i]", "c[0]"),
    "map": ("js.Map.new()", "c['k'] = kept", "c['x'] = gone", "c['x'] = [i]", "c['k']"),
}


@pytest.mark.parametrize("kind", sorted(CONTAINERS))
def test_a_python_value_written_over_is_released(tmp_path, kind):
    make, store_kept, store_gone, store_other, read_kept = CONTAINERS[kind]
    code = LOOP.format(make=make, store_kept=store_kept, store_gone=store_gone, store_other=store_other,
                       read_kept=read_kept)
    assert snippet_answers(tmp_path, [code], "2025-10-01") == ["(0, True) (tuple)"]
