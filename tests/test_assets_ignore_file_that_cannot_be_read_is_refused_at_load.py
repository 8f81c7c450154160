"""An ``.assetsignore`` that cannot be read as a file -- a folder, a symlink loop, no permission --
or is not UTF-8 (or holds a NUL) is refused where wrangler 4.164.0 refuses it, before serving:
``load_worker``, the ``worker`` fixture and ``workers-env dev`` raise or print a ``ConfigError``
naming the file and the fix (wrangler: ``EISDIR: illegal operation on a directory, read``, its
``InvalidAssetsIgnoreError``), never a bare ``IsADirectoryError``/``PermissionError`` traceback.
A Worker already serving keeps the patterns it last read (the reload is what refuses the change);
``env.ASSETS`` of ``load_env`` (no load checks) refuses it at its first request."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from dev_reload_helpers import dev_printed_before_serving
from worker_helpers import assets_site

from workers_env import ConfigError, load_env, load_worker

FIX = "Make it a file of ignore patterns (gitignore syntax, one a line), or remove it."


def refusal(root, said: str) -> str:
    return f'The .assetsignore file at "{root / "public" / ".assetsignore"}" cannot be read: {said}\n{FIX}'


def test_a_folder_and_a_symlink_loop(tmp_path):
    root = assets_site(tmp_path, {"a.html": "a"})
    ignore = root / "public" / ".assetsignore"
    ignore.mkdir()
    with pytest.raises(ConfigError) as info:
        load_worker(root)
    assert str(info.value) == refusal(root, "EISDIR: illegal operation on a directory, read")
    ignore.rmdir()
    os.symlink(".assetsignore", ignore)
    with pytest.raises(ConfigError) as info:
        load_worker(root)
    assert str(info.value) == refusal(root, f"ELOOP: too many symbolic links encountered, open '{ignore}'")


def test_a_file_without_read_permission(tmp_path, monkeypatch):
    root = assets_site(tmp_path, {"a.html": "a", ".assetsignore": "a.html\n"})
    ignore = root / "public" / ".assetsignore"
    ignore.chmod(0)
    if os.geteuid() == 0:  # root reads a file of mode 000: its read is refused as the kernel refuses anyone else's
        read_bytes = Path.read_bytes

        def refused(path: Path) -> bytes:
            if path == ignore:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return read_bytes(path)

        monkeypatch.setattr(Path, "read_bytes", refused)
    with pytest.raises(ConfigError) as info:
        load_worker(root)
    assert str(info.value) == (  # wrangler's text for any permission error, its path the file's
        f"A permission error occurred while accessing the file system.\n\nAffected path: {ignore}\n\n"
        "This is typically caused by:\n  - Insufficient file or directory permissions\n"
        "  - Files or directories being locked by another process\n"
        "  - Antivirus or security software blocking access\n\nPlease check the file permissions and try again.")


@pytest.mark.parametrize("data", [b"a.html\n\xff\n", b"a.html\n\x00\n", b"\xed\xa0\x80\n"])
def test_not_utf_8_or_a_nul_is_wranglers_error(tmp_path, data):
    root = assets_site(tmp_path, {"a.html": "a"})
    (root / "public" / ".assetsignore").write_bytes(data)
    with pytest.raises(ConfigError) as info:
        load_worker(root)
    assert str(info.value) == (
        f'The .assetsignore file at "{root / "public" / ".assetsignore"}" must be UTF-8 encoded and must not '
        "contain null characters. Save the file as UTF-8 and try again.")


@pytest.mark.asyncio
async def test_a_leading_bom_is_dropped_as_textdecoder_drops_it(tmp_path):
    root = assets_site(tmp_path, {"a.html": "a", "b.html": "b"})
    (root / "public" / ".assetsignore").write_bytes(b"\xef\xbb\xbfa.html\n")
    worker = load_worker(root)
    assert await (await worker.fetch("/a")).text() == "worker"
    assert (await worker.fetch("/b")).status == 200


def _to_a_folder(ignore: Path) -> None:
    ignore.mkdir()


def _to_a_symlink_loop(ignore: Path) -> None:  # (its stat fails: pin68, a failing stat was refused mid-serving)
    os.symlink(".assetsignore", ignore)


@pytest.mark.asyncio
@pytest.mark.parametrize(("change", "said"), [(_to_a_folder, "EISDIR"), (_to_a_symlink_loop, "ELOOP")])
async def test_a_serving_worker_keeps_its_patterns_and_a_reload_refuses(tmp_path, change, said):
    root = assets_site(tmp_path, {"a.html": "a", "secret.html": "s", ".assetsignore": "secret.html\n"})
    worker = load_worker(root)
    ignore = root / "public" / ".assetsignore"
    ignore.unlink()
    change(ignore)
    assert await (await worker.fetch("/secret")).text() == "worker"  # still ignored
    assert (await worker.fetch("/a")).status == 200
    with pytest.raises(ConfigError, match=said):
        load_worker(root)


def test_dev_prints_the_refusal_and_does_not_serve(tmp_path, monkeypatch):
    root = assets_site(tmp_path, {"a.html": "a"})
    (root / "public" / ".assetsignore").mkdir()
    printed, served = dev_printed_before_serving(root, monkeypatch=monkeypatch)
    assert not served
    assert "Traceback" not in printed and "IsADirectoryError" not in printed
    assert "cannot be read: EISDIR: illegal operation on a directory, read" in printed
    assert FIX in printed


def test_the_worker_fixture_fails_the_test_with_it(pytester):
    assets_site(pytester.path, {"a.html": "a"})
    (pytester.path / "public" / ".assetsignore").mkdir()
    pytester.makepyfile(test_site="def test_site(worker):\n    pass\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", "-p", "no:randomly",
                                "-o", "asyncio_default_fixture_loop_scope=function",
                                "test_site.py")
    text = result.stdout.str()
    assert result.ret == 1
    assert "IsADirectoryError" not in text and "Traceback" not in text
    assert "workers-env: the worker fixture could not load the worker: The .assetsignore file at" in text
    assert "EISDIR: illegal operation on a directory, read" in text


@pytest.mark.asyncio
async def test_env_assets_of_load_env_refuses_it_at_its_first_request(tmp_path):
    root = assets_site(tmp_path, {"a.html": "a"}, binding="ASSETS")
    (root / "public" / ".assetsignore").mkdir()
    env = load_env(root)
    with pytest.raises(ConfigError) as info:
        await env.unwrapped("ASSETS").fetch("http://localhost/a")
    assert str(info.value) == refusal(root, "EISDIR: illegal operation on a directory, read")
