"""Other revisions of workers-env side by side with this checkout, for the benchmarks that
compare them (``--against REV``): each revision's ``workers_env`` unpacked from git into a
folder of its own, which a fresh process puts first on ``sys.path``."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def revision_trees(folder: Path, revisions: list[str]) -> dict[str, Path]:
    """``revision -> tree`` for each of ``revisions`` (unpacked under ``folder``), then ``"this
    checkout" -> ROOT``."""
    trees = {}
    for rev in revisions:
        tree = folder / f"rev{len(trees)}"
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "workers_env"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
        trees[rev] = tree
    trees["this checkout"] = ROOT
    return trees
