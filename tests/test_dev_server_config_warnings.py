"""``workers-env dev`` prints the config's warnings before it starts, as ``wrangler dev`` does
(the same block ``workers-env validate`` prints; wrangler 4.164.0's layout, checked side by side):
a binding kind that environments do not inherit, here."""

from __future__ import annotations

from pathlib import Path

import forkserver
from dev_reload_helpers import dev_start_output

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
    environ = {**forkserver.startup_settings(),  # (forked: the start-up settings of a fork server)
               "PYTHONPATH": str(Path(__file__).resolve().parents[1]), "PATH": "/usr/bin:/bin"}
    out = dev_start_output(tmp_path, "--env", "local", environ=environ)
    assert WARNING in out, out
    assert out.index("[WARNING] Processing wrangler.toml") < out.index("Loaded wprobe-local")
