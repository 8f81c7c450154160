"""``workers-env dev`` prints the config's warnings before it starts, as ``wrangler dev`` does
(the same block ``workers-env validate`` prints; wrangler 4.164.0's layout, checked side by side):
a binding kind that environments do not inherit, here."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

CONFIG = '''name = "wprobe"
main = "src/entry.py"
compatibility_date = "2024-01-01"
compatibility_flags = ["python_workers"]

[[d1_databases]]
binding = "DB"
database_name = "x-db"
database_id = "933d76cf-a988-4a71-acc6-d884278c6402"

[env.local.vars]
A = "2"
'''

WARNING = '''\u25b2 [WARNING] Processing wrangler.toml configuration:

  
    - "env.local" environment configuration
      - "d1_databases" exists at the top level, but not on "env.local".
        This is not what you probably want, since "d1_databases" is not inherited by environments.
        Please add "d1_databases" to "env.local".
'''


def test_dev_warns_about_the_config_before_it_starts(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("from js import Response\n\nasync def on_fetch(request, env):\n"
                                               "    return Response.new('ok')\n")
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"}
    proc = subprocess.Popen([sys.executable, "-m", "workers_env", "dev", "--env", "local", "--port", "0",
                             "--ip", "127.0.0.1"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env=env)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("[wrangler:info] Ready on"):
                break
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
    out = "".join(lines)
    assert WARNING in out, out
    assert out.index("[WARNING] Processing wrangler.toml") < out.index("Loaded wprobe-local")
