"""Other revisions of workers-env side by side with this checkout, for the benchmarks that
compare them (``--against REV``): each revision's ``workers_env`` unpacked from git into a
folder of its own, which a fresh process puts first on ``sys.path``."""

from __future__ import annotations

import statistics
import subprocess
from collections.abc import Callable
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


def interleaved_medians(trees: dict[str, Path], rounds: int, measure: Callable[[Path], list[float]]) -> dict[str, list[float]]:
    """``name -> the median of each figure`` that ``measure(tree)`` gives, over ``rounds``
    rounds, the trees interleaved in a rotating order: the host's noise falls on all."""
    runs: dict[str, list[list[float]]] = {name: [] for name in trees}
    names = list(trees)
    for round_ in range(rounds):
        for name in names[round_ % len(names):] + names[:round_ % len(names)]:
            runs[name].append(measure(trees[name]))
    return {name: [statistics.median(figures) for figures in zip(*runs[name])] for name in names}
