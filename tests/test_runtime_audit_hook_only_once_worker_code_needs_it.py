"""workers-env's audit hook (runtime/auditstop.py: ``socket.getnameinfo``/``getservbyname``/
``getservbyport`` and, Python 3.12 on, ``_thread``'s starters run up to their audit event) is
added to the process only when a Worker's code first makes such a call, and once however many
Workers make them: audit hooks cannot be removed and run for every audited event of the
process (``open``, ``import``, ``sys._getframe`` ...), so loading and serving Workers that never
make one adds none (beyond the upload check's, runtime/filesystem.py). Checked in a fresh interpreter, where no earlier test added it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent('''
    import asyncio, json, sys
    from pathlib import Path

    sys.path.insert(0, {tests!r})
    added = []
    real = sys.addaudithook
    sys.addaudithook = lambda hook: (added.append(hook), real(hook))[1]

    from worker_helpers import one_file_worker
    from workers_env import load_worker

    PLAIN = "from workers import Response, WorkerEntrypoint\\n\\n\\nclass Default(WorkerEntrypoint):\\n    async def fetch(self, request):\\n        return Response('ok')\\n"
    LOOKING = """
    import _thread, socket
    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                _thread.start_new_thread(print, ())
            except RuntimeError as exc:
                refused = str(exc)
            return Response.json([socket.getnameinfo(("172.29.1.0", 80), 0), refused])
    """

    async def main():
        root = Path({root!r})
        for i in range(4):
            await (await load_worker(one_file_worker(root / f"plain{{i}}", PLAIN)).fetch("/")).text()
        after_plain = [hook.__module__ for hook in added]
        answers = [await (await load_worker(one_file_worker(root / f"looking{{i}}", LOOKING)).fetch("/")).json()
                   for i in range(4)]
        print(json.dumps([after_plain, [hook.__module__ for hook in added], answers[-1]]))

    asyncio.run(main())
''')


def test_the_hook_is_added_once_and_only_when_worker_code_needs_it(tmp_path):
    tests = str(Path(__file__).parent)
    script = SCRIPT.format(tests=tests, root=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    after_plain, after_looking, answer = json.loads(done.stdout.strip().splitlines()[-1])
    # the upload check's own hook (runtime/filesystem.py) comes with the first load, as before
    assert after_plain == ["workers_env.runtime.filesystem"]
    assert after_looking == ["workers_env.runtime.filesystem", "workers_env.runtime.auditstop"]
    assert answer == [["172.29.1.0", "80"], "can't start new thread"]
