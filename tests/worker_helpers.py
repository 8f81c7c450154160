"""Shared by the runtime tests: a one-file Python Worker project in a folder."""

from __future__ import annotations

import textwrap
from pathlib import Path


def one_file_worker(folder: Path, entry: str, *, date: str = "2026-05-01", extra: str = "") -> Path:
    """``folder`` holding ``src/entry.py`` (``entry``, dedented) and a ``wrangler.toml`` dated
    ``date`` with the ``python_workers`` flag (``extra`` appended to it); returns the folder."""
    (folder / "src").mkdir(parents=True, exist_ok=True)
    (folder / "src" / "entry.py").write_text(textwrap.dedent(entry))
    (folder / "wrangler.toml").write_text(
        f'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        + extra
    )
    return folder
