"""Running ``build.command`` again for ``workers-env dev`` until no edit came while it ran.

wrangler 4.164.0's ``BundlerController`` (``#scheduleCustomBuild``) aborts a custom build that
is running when a file in ``build.watch_dir`` changes, and runs the build again once it has
exited, printing ``The file <path> changed, restarting build...`` again: the Worker reloads
with what the last build made from the files as they are. Here the running build is let
finish, then the build runs again if a file in ``build.watch_dir`` changed while it ran: the
same last build, later by the rest of the run that wrangler cuts short.

It waits because a change while the build runs may be the build's own: a build that writes
into its ``watch_dir`` (the default ``./src``) would restart itself for ever under wrangler's
rule. A file the build wrote is told from an edit by running it again: a file two runs in a
row wrote with the same bytes (or changed in three runs in a row) is the build's own output,
and changes to it during a build are not edits from then on. So such a build runs twice the
first time it writes there, once afterwards. A build that writes a file of a new name there
at every run stops after five runs in a row, with a warning, until the next change.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import os
import signal
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from workers_env.cli.common import warn
from workers_env.config.wrangler import display_path
from workers_env.runtime.watch import Stamps, scan_folders, touched

__all__ = ["Rebuilds", "stop_build"]

#: runs in a row one change may cause: a build writing a file of a new name into its watch_dir
#: at every run (a timestamped bundle) is never learned as writing it, and would run for ever
_MOST_RUNS = 5

#: seconds a build gets to end after SIGTERM when dev stops, before SIGKILL
_BUILD_STOP_GRACE = 2.0

Build = Callable[[Any, Path, "list[subprocess.Popen[str]]"], bool]


def _digests(paths: list[str]) -> dict[str, str | None]:
    """The bytes of each file in short; None for a folder or a file gone."""
    found: dict[str, str | None] = {}
    for path in paths:
        try:
            with open(path, "rb") as handle:
                found[path] = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            found[path] = None
    return found


def stop_build(proc: subprocess.Popen[str]) -> None:
    """Stop a build with every process it started (its own process group: dev stops, and a
    build must never outlive dev), by SIGTERM, then SIGKILL after a grace period."""
    with contextlib.suppress(OSError):
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGTERM)
        else:
            proc.terminate()
    try:
        proc.wait(_BUILD_STOP_GRACE)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            if os.name == "posix":
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()


class Rebuilds:
    """``build(table, folder, running) -> bool`` run in ``pool`` until no file in the watched
    folders changed during a run but the build's own outputs (learned, kept from one change
    to the next)."""

    def __init__(self, build: Build, running: list[subprocess.Popen[str]], skip: list[Path]):
        self._build = build
        self._running = running
        self._skip = skip
        self.outputs: set[str] = set()  # files the build itself writes in the watched folders

    async def run(self, loop: asyncio.AbstractEventLoop, pool: ThreadPoolExecutor, table: Any, folder: Path,
                  watched: list[Path], changed: str | None) -> tuple[bool, Stamps]:
        """Run the build (announcing ``changed``, the file whose change started it, if any) as
        often as edits during it ask; whether the last run succeeded, and the watched folders'
        stamps when it ended."""
        look = functools.partial(scan_folders, watched, skip=self._skip)
        before = await loop.run_in_executor(pool, look)
        previous: dict[str, str | None] = {}  # files the last run changed, with their bytes after it
        streak: dict[str, int] = {}  # runs in a row that changed each file
        runs = 0
        while True:
            runs += 1
            if changed is not None:
                print(f"The file {display_path(changed)} changed, restarting build...", flush=True)
            built = await loop.run_in_executor(pool, self._build, table, folder, self._running)
            after = await loop.run_in_executor(pool, look)
            during = [path for path in touched(before, after) if path not in self.outputs]
            now = await loop.run_in_executor(pool, _digests, during)
            streak = {path: streak.get(path, 0) + 1 for path in during}
            edits = []
            for path in during:
                if (path in previous and previous[path] == now[path] and now[path] is not None) or streak[path] >= 3:
                    self.outputs.add(path)  # written again as before: the build's own
                else:
                    edits.append(path)
            if not edits:
                return built, after
            if runs >= _MOST_RUNS:
                warn(f"The build changed {display_path(edits[-1])} in build.watch_dir again in each of its last "
                     f"{runs} runs; not running it again until the next change there.\n"
                     "A build that writes into its watch_dir should write the same files each run, or write "
                     "them outside watch_dir.")
                return built, after
            changed, before, previous = edits[-1], after, now
