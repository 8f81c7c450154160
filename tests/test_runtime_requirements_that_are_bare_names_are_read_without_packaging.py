"""A ``pyproject.toml`` requirement that is a project's name alone (``workers-py``, as every
Cloudflare example's ``dev`` group lists pywrangler) is read without importing ``packaging``
(~11 ms of CPU of each ``workers-env dev`` start and load, devstart68), and read as ``packaging``
reads it: the name as written, no marker, every release admitted -- so the names a project
declares and the SDK its deploy vendors are what they are for the same name parsed by
``packaging`` (written with a space after it, which only ``packaging`` reads)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from packaging.requirements import Requirement

from worker_helpers import one_file_worker
from workers_env.runtime.eras import declared_names, declared_packages, vendored_sdk_version

#: PEP 508's project name
_NAMES = st.from_regex(r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,12}[A-Za-z0-9])?", fullmatch=True)
#: workers-py spelled as pip reads it the same (PEP 503)
_WORKERS_PY = st.sampled_from(["workers-py", "Workers_Py", "workers.py", "WORKERS--PY", "workers_.-py"])


def _project(folder: Path, dependencies: list[str], dev: list[str]) -> Path:
    folder.mkdir(parents=True)
    listed = ", ".join(f'"{text}"' for text in dependencies)
    grouped = ", ".join(f'"{text}"' for text in dev)
    (folder / "pyproject.toml").write_text(f'[project]\nname = "w"\nversion = "0.1.0"\ndependencies = [{listed}]\n\n'
                                           f'[dependency-groups]\ndev = [{grouped}]\n')
    return folder


def test_a_worker_whose_requirements_are_names_loads_without_importing_packaging(tmp_path: Path) -> None:
    folder = one_file_worker(tmp_path / "w", "from workers import Response, WorkerEntrypoint\n"
                             "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n"
                             "        return Response('up')\n")
    assert '"workers-py"' in (folder / "pyproject.toml").read_text()
    probe = textwrap.dedent(f"""
        import sys
        from workers_env import load_worker
        from workers_env.runtime.eras import vendored_sdk_version
        worker = load_worker({str(folder)!r})
        print(vendored_sdk_version(worker.env.config.root)[1])
        print(sorted(name for name in sys.modules if name.split(".")[0] == "packaging"))
    """)
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                          check=True)
    assert done.stdout.splitlines() == ["pyproject.toml's workers-py: `pywrangler sync` adds it", "[]"], done.stderr


@settings(max_examples=30, deadline=None)
@given(names=st.lists(_NAMES, min_size=1, max_size=3))
def test_declared_names_are_packagings_names(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as base:
        bare = _project(Path(base) / "bare", [*names, "other>=1"], names)
        parsed = _project(Path(base) / "parsed", [*(f"{name} " for name in names), "other>=1"], names)
        expected = list(dict.fromkeys([*(Requirement(name).name for name in names), "other"]))
        assert declared_names(bare) == declared_names(parsed) == expected
        assert declared_packages(bare, (3, 12)) == declared_packages(parsed, (3, 12))


@settings(max_examples=30, deadline=None)
@given(spelled=_WORKERS_PY, in_dev=st.booleans(), sdk=st.sampled_from(["", "workers-runtime-sdk"]))
def test_the_sdk_a_bare_workers_py_vendors_is_that_of_the_same_name_parsed(spelled: str, in_dev: bool,
                                                                          sdk: str) -> None:
    with tempfile.TemporaryDirectory() as base:
        found = []
        for text in (spelled, f"{spelled} "):
            folder = Path(base) / f"p{len(found)}"
            listed = [text] if not in_dev else []
            _project(folder, [*listed, *([sdk] if sdk else [])], [text] if in_dev else [])
            (folder / "wrangler.toml").write_text('name = "w"\nmain = "src/entry.py"\n')
            found.append(vendored_sdk_version(folder))
        assert found[0] == found[1]
