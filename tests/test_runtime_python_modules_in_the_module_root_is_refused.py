"""wrangler (``findAdditionalModules``) refuses a Python Worker whose module root -- ``main``'s
folder, or ``base_dir`` -- holds a ``python_modules`` folder while that root is not the project
folder: "The 'python_modules' directory cannot exist in your module root. Delete it to continue."
pywrangler vendors into the project's own ``python_modules/``, which stays fine."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env._errors import ConfigError

ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("up")
'''


def test_python_modules_beside_main_in_src_is_refused(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "src" / "python_modules").mkdir()
    with pytest.raises(ConfigError, match=r"The 'python_modules' directory cannot exist in your module root\. "
                                          r"Delete it to continue\."):
        load_worker(tmp_path)


@pytest.mark.asyncio
async def test_python_modules_in_the_project_folder_loads(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "python_modules").mkdir()
    assert await (await load_worker(tmp_path).fetch("/")).text() == "up"


@pytest.mark.asyncio
async def test_main_in_the_project_folder_may_have_it(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "src" / "entry.py").rename(tmp_path / "entry.py")
    (tmp_path / "wrangler.toml").write_text((tmp_path / "wrangler.toml").read_text().replace("src/entry.py", "entry.py"))
    (tmp_path / "python_modules").mkdir()
    assert await (await load_worker(tmp_path).fetch("/")).text() == "up"
