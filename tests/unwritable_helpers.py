"""Making a file or folder refuse writes in a test, whoever runs the suite.

As root, permission bits stop nothing, so the path is made immutable (``chattr +i``), which also
stops writes to a file already open; that needs ``CAP_LINUX_IMMUTABLE`` (a default Docker
container's root lacks it) and a filesystem with the flag. As another user, ``chmod`` takes the
write bits away, which stops only files opened afterwards. Where neither can make the case, the
test is skipped saying which of these is missing.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def refuse_writes(path: Path, *, already_open: bool = False) -> None:
    """Make ``path`` refuse writes (``already_open``: also through a file descriptor open now)."""
    if os.geteuid() != 0:
        if already_open:
            pytest.skip("only root's chattr +i stops writes to a file that is already open; "
                        "this suite runs as another user")
        path.chmod(path.stat().st_mode & ~_WRITE_BITS)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root, where permission bits stop no write, without chattr to make a file immutable")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not permitted here ({done.stderr.strip()}): root needs CAP_LINUX_IMMUTABLE "
                    "and a filesystem with the immutable flag")


def allow_writes(path: Path) -> None:
    """Undo ``refuse_writes`` (harmless on a path it never touched)."""
    if not path.exists():
        return
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    else:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
