"""The files of an assets directory, looked up by URL path as the deployed manifest holds them.

A path is ``/`` plus the file's path relative to the directory (``/css/site.css``). Left out,
as wrangler leaves them out of an upload: directories, the metafiles ``/.assetsignore``,
``/_redirects`` and ``/_headers``, and whatever ``.assetsignore`` names (read as wrangler's
``ignore`` package reads it: :mod:`workers_env.assets.ignorefile`). Files are read from disk at
each look-up, so an edit shows at the next request, as under ``wrangler dev``; the ETag is Miniflare's local one, a hash of the file's
absolute path and modification time as Node's ``stat().mtimeMs.toString()`` writes it (so it
changes whenever the file does).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workers_env._errors import ConfigError
from workers_env._jsvalues import js_string
from workers_env.assets import limits as _limits
from workers_env.assets.mime_package import EXTENSION_TYPES

if TYPE_CHECKING:  # the rules module is imported where a Worker's assets are first looked at
    from collections.abc import Iterator

    from workers_env.assets.ignorefile import IgnoreRules

__all__ = ["AssetFile", "Manifest", "content_type"]


def _mtime_ms_text(info: os.stat_result) -> str:
    """``mtimeMs.toString()`` of Node's ``fs.stat``, which Miniflare hashes: seconds times 1e3
    plus nanoseconds over 1e6, in doubles, as libuv hands the two over (``st_mtime_ns / 1e6``
    rounds the nanoseconds first and can differ in the last digit), printed as JavaScript prints
    a number (a whole millisecond without ``.0``)."""
    seconds, nanoseconds = divmod(info.st_mtime_ns, 1_000_000_000)
    return js_string(seconds * 1e3 + nanoseconds / 1e6)


def content_type(path: str) -> str | None:
    """The ``Content-Type`` wrangler gives a file, as the ``mime`` package's ``getType`` names it
    (``text/*`` with ``; charset=utf-8``), or ``None`` for a name with no extension after its first
    character (``README``, ``.env``) or an extension the package lacks (``.py``)."""
    name = re.split(r"[/\\]", path)[-1].lower()
    extension = name.rsplit(".", 1)[-1]
    if len(extension) >= len(name) - 1:
        return None
    kind = EXTENSION_TYPES.get(extension)
    if kind and kind.startswith("text/") and "charset" not in kind:
        kind += "; charset=utf-8"
    return kind


@dataclass(frozen=True)
class AssetFile:
    """One servable file: where it is, its ETag and its ``Content-Type``."""

    path: Path
    etag: str
    content_type: str | None

    def read(self) -> bytes:
        return self.path.read_bytes()


class Manifest:
    """The servable files of ``directory``, looked up by decoded URL path."""

    def __init__(self, directory: str | os.PathLike[str]):
        self.directory = Path(directory).resolve()
        #: (the file's modification time, or None without one; its rules) as last read
        self._ignore_file: tuple[float | None, IgnoreRules] | None = None

    def _ignore_rules(self, *, strict: bool = False) -> IgnoreRules:
        """wrangler's rules: the metafiles' and ``.assetsignore``'s (read again once the file
        changes). One that cannot be read as wrangler reads it (a folder, unreadable, not UTF-8 or
        holding a NUL, a line JavaScript cannot compile) is refused with ``strict`` (at load, as
        wrangler refuses it before serving) and at a first read (``env.ASSETS`` of ``load_env``,
        which runs no load checks); a Worker already serving keeps the patterns it last read (the reload that follows the change is what
        refuses it, and the Worker loaded before serves on: README)."""
        ignore = self.directory / ".assetsignore"
        try:
            mtime: float | None = ignore.stat().st_mtime
        except FileNotFoundError:
            mtime = None
        except OSError as exc:
            if strict or self._ignore_file is None:
                raise _limits.unreadable_ignore_file(str(ignore), exc) from None
            return self._ignore_file[1]
        if self._ignore_file is not None and self._ignore_file[0] == mtime:
            return self._ignore_file[1]
        try:
            rules = _read_rules(ignore, mtime is not None)
        except ConfigError:
            if strict or self._ignore_file is None:
                raise
            return self._ignore_file[1]
        self._ignore_file = (mtime, rules)
        return rules

    def _ignored(self, relative: str) -> bool:
        return self._ignore_rules().ignores(relative)

    def get(self, url_path: str) -> AssetFile | None:
        """The file at decoded ``url_path`` (``/a/b.html``), or ``None``."""
        if not url_path.startswith("/") or "\x00" in url_path:
            return None
        parts = url_path[1:].split("/")
        if not all(parts) or any(part in (".", "..") or "\\" in part for part in parts):
            return None  # no manifest key has empty, dot or backslash segments
        relative = "/".join(parts)
        if self._ignored(relative):
            return None
        file = self.directory.joinpath(*parts)
        try:
            info = file.stat()
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        stamp = f"{file}{_mtime_ms_text(info)}"
        etag = hashlib.sha256(stamp.encode("utf-8", "surrogateescape")).digest()[:16].hex()
        return AssetFile(file, etag, content_type(relative))

    def etag(self, url_path: str) -> str | None:
        found = self.get(url_path)
        return found.etag if found is not None else None

    def check_limits(self) -> None:
        """Refuse a directory the upload would refuse: a file over 25 MiB, over 100,000 files.
        ``.assetsignore`` is read once for the walk (not looked at again for each file: a
        directory near the limit is 100,000 of them)."""
        ignores = self._ignore_rules(strict=True).walker()
        count = 0
        for prefix, files in _walk_files(str(self.directory)):
            for entry in files:
                relative = prefix + entry.name
                if ignores(relative):
                    continue
                try:
                    size = entry.stat().st_size
                except OSError:
                    continue
                if size > _limits.MAX_ASSET_SIZE:
                    raise _limits.too_large(entry.path, size, str(self.directory))
                count += 1
        if count > _limits.MAX_ASSET_COUNT:
            raise _limits.too_many(count, str(self.directory))


def _read_rules(ignore: Path, exists: bool) -> IgnoreRules:
    """wrangler's rules with ``ignore``'s lines (none where it does not exist); a file it cannot
    take, a :class:`ConfigError` (the rules module is imported here: at a Worker's first asset look-up)."""
    from workers_env.assets.ignorefile import IgnoreRules, OutOfOrderRange

    try:
        return IgnoreRules(_ignore_file_text(ignore) if exists else None)
    except OutOfOrderRange as exc:
        raise _limits.ignore_pattern_out_of_order(str(ignore), *exc.args) from None


def _ignore_file_text(ignore: Path) -> str:
    """The text of ``.assetsignore`` as wrangler's ``readAssetsIgnoreFile`` takes it: UTF-8 (a
    leading BOM dropped, as ``TextDecoder`` drops it) with no NUL, else refused with its text;
    a file it cannot read (a folder, no permission) refused with what Node says of it."""
    try:
        data = ignore.read_bytes()
    except OSError as exc:
        raise _limits.unreadable_ignore_file(str(ignore), exc) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = "\0"
    if "\0" in text:
        raise _limits.invalid_ignore_file(str(ignore))
    return text


def _walk_files(top: str) -> Iterator[tuple[str, list[os.DirEntry[str]]]]:
    """``os.walk(top)``'s files, folder by folder in its order (top-down, symbolic links to
    folders not followed, a folder it cannot list left out), as ``(the folder's path from top
    with a trailing "/", or "", its DirEntry objects)``: a file's size is then its entry's
    ``stat()``, not an ``os.stat`` of a joined path through the upload check's wrapper (a folder
    near the limit is 100,000 of them)."""
    stack = [(top, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            listing = os.scandir(folder)
        except OSError:
            continue
        files: list[os.DirEntry[str]] | None = []
        folders: list[os.DirEntry[str]] = []
        with listing:
            while True:
                try:
                    entry = next(listing)
                except StopIteration:
                    break
                except OSError:
                    files = None  # (os.walk yields nothing of a folder it fails to list to the end)
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                (folders if is_dir else files).append(entry)  # type: ignore[union-attr]
        if files is None:
            continue
        yield prefix, files
        for entry in reversed(folders):
            if not os.path.islink(entry.path):
                stack.append((entry.path, prefix + entry.name + "/"))
