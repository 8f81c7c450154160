"""The modules whose import may draw entropy at a Worker's top level are production's, by name:
the exec patches of workerd's ``entropy_import_context_packages.py`` (at 35aba242) and of
workers-runtime-sdk 1.9.5's ``_workers_sdk_entropy_import_context.py`` (``allow_bad_entropy_calls``,
or a patch keeping the module from drawing), whatever SDK the Worker runs (README "Where we had to
choose"). Each is stood in for by a module of that name drawing at its import, which loads; a
module of the same package no list names (``aiohttp.client`` beside ``aiohttp.connector``) fails
the load's draw with ``OSError(29)``, as production's patched ``os.urandom`` does. Run in a child
interpreter: the stand-ins take the names of packages this process has imported (numpy,
pydantic_core, cryptography, opentelemetry ...)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from worker_helpers import one_file_worker

import workers_env

#: production's grants (the lists above), module by module
GRANTED = (
    "tiktoken._tiktoken", "cryptography.exceptions", "jiter", "rpds", "uuid_utils._uuid_utils", "numpy.random",
    "numpy.random.mtrand", "pydantic_core", "aiohttp.http_websocket", "aiohttp.connector", "requests.adapters",
    "urllib3.util.ssl_", "langsmith._internal._constants", "langchain_openai.chat_models.base", "opentelemetry.context",
    "opentelemetry.trace.propagation", "opentelemetry.baggage", "fastapi.telemetry", "litestar.openapi.controller",
    "litestar.constants",
)
#: modules no list names, most of them beside granted ones in their packages
NOT_GRANTED = (
    "tiktoken.core", "cryptography.fernet", "jiter_extra", "uuid_utils.compat", "numpy.linalg", "pydantic",
    "aiohttp.client", "requests.sessions", "urllib3.util.retry", "langsmith.client", "opentelemetry.metrics",
    "fastapi.routing", "litestar.app",
)

CHILD = """
import asyncio, json, sys
from workers_env import load_worker

library, warm, folder = sys.argv[1:4]
tops = {name.split(".")[0] for name in json.loads(sys.argv[4])}
load_worker(warm)  # (what a load imports of workers-env's own, numpy too, imported first)
for name in list(sys.modules):  # the stand-ins, not what this interpreter imported already
    if name.split(".")[0] in tops:
        del sys.modules[name]
sys.path.insert(0, library)

async def main():
    worker = load_worker(folder)
    print(json.dumps(await (await worker.fetch("/")).json()))

asyncio.run(main())
"""


def _stand_ins(library: Path, names: tuple[str, ...]) -> None:
    """A module of each name drawing at its import (``os.urandom``), in packages that draw nothing."""
    for name in names:
        *packages, leaf = name.split(".")
        folder = library.joinpath(*packages)
        folder.mkdir(parents=True, exist_ok=True)
        for depth in range(1, len(packages) + 1):
            init = library.joinpath(*packages[:depth], "__init__.py")
            if not init.exists():
                init.write_text("")
        module = folder / leaf / "__init__.py" if (folder / leaf).is_dir() else folder / f"{leaf}.py"
        module.write_text("import os\nKEY = os.urandom(4)\n")


def test_each_module_production_grants_may_draw_at_its_import_and_no_other(tmp_path):
    names = GRANTED + NOT_GRANTED
    library = tmp_path / "lib"
    _stand_ins(library, tuple(sorted(names, key=lambda n: -n.count("."))))  # packages made before their leaves
    folder = one_file_worker(tmp_path / "w", f"""
from workers import Response, WorkerEntrypoint

def attempt(name):
    try:
        __import__(name)
        return "ran"
    except OSError as e:
        return f"OSError: {{e.errno}}"

AT_TOP = {{name: attempt(name) for name in {list(names)!r}}}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json(AT_TOP)
""")
    warm = one_file_worker(tmp_path / "warm", "from workers import WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
                                              "    async def fetch(self, request):\n        pass\n")
    tree = str(Path(workers_env.__file__).parents[1])
    done = subprocess.run([sys.executable, "-c", CHILD, str(library), str(warm), str(folder), json.dumps(names)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join([tree, os.environ.get("PYTHONPATH", "")])})
    assert done.returncode == 0, done.stderr
    at_top = json.loads(done.stdout.splitlines()[-1])
    assert {name: at_top[name] for name in GRANTED} == dict.fromkeys(GRANTED, "ran")
    assert {name: at_top[name] for name in NOT_GRANTED} == dict.fromkeys(NOT_GRANTED, "OSError: 29")
