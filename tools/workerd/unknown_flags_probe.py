"""Hold workers-env's "No such compatibility flag" lines to workerd's own, order and all.

    python3 tools/workerd/unknown_flags_probe.py [WORKERD ...] [--cases N]

Each case is a JS Worker whose ``compatibilityFlags`` mix workerd flags (either spelling, no
pair, no ``python_workers``: that one fetches a Pyodide bundle first, none of the three only
workerd 1.20261123.1 knows), made-up names and the
dropped ``python_workers_20260817``; ``workerd serve --experimental`` reports the ones it does not
know, and :func:`workers_env.config.compat.unknown_flags` must name the same in the same order.
The default binary is wrangler's (``$WORKERS_ENV_WRANGLER_DIR``, /tmp/wrangler).
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from workers_env.config.compat import _ALL_WORKERD_FLAGS, unknown_flags

WRANGLER = Path(os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler"))
DEFAULT = WRANGLER / "node_modules" / "@cloudflare" / "workerd-linux-64" / "bin" / "workerd"
CONFIG = """using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [(name = "main", worker = .w)]);
const w :Workerd.Worker = (modules = [(name = "index.js", esModule = embed "index.js")],
  compatibilityDate = "2026-03-01", compatibilityFlags = {flags});
"""
#: workerd 1.20261123.1's flags, which wrangler 4.164.0's 1.20261117.1 does not know yet (left out)
NEWEST = ("websocket_standard_url_and_extensions", "fetch_invalid_response_type_error", "connect_handler_immediate_tls")
MADE_UP = ("made_up_a", "made_up_b", "made_up_c", "nodejs_compt", "python_workers_20260817", "no_python_workers_20260817")


def cases(count: int) -> list[list[str]]:
    """Hand-picked cases first (measured under wrangler dev too), then seeded random ones."""
    rng = random.Random(50)
    known = [entry[rng.randrange(2) if entry[1] else 0] for entry in _ALL_WORKERD_FLAGS
             if entry[0] != "python_workers" and entry[0] not in NEWEST]
    picked = [["python_workers_314", "made_up_a", "made_up_b"], ["made_up_a", "nodejs_compat", "made_up_b", "made_up_c"],
              ["python_workers_20260817", "made_up_b", "nodejs_compat_v2", "no_python_workers_314", "made_up_c"]]
    while len(picked) < count:
        names = rng.sample(known, rng.randrange(1, 8)) + rng.sample(MADE_UP, rng.randrange(1, 4))
        rng.shuffle(names)
        picked.append(names)
    return picked


def refused(workerd: str, folder: Path, names: list[str]) -> list[str]:
    """The names ``workerd`` reports as "No such compatibility flag", in its order."""
    (folder / "config.capnp").write_text(CONFIG.format(flags=json.dumps(names)))
    run = subprocess.run([workerd, "serve", str(folder / "config.capnp"), "--experimental"],
                         capture_output=True, text=True, timeout=30)
    return re.findall(r"No such compatibility flag: (\S+)", run.stderr + run.stdout)


def main() -> int:
    args = sys.argv[1:]
    count = 40
    if "--cases" in args:
        at = args.index("--cases")
        count = int(args[at + 1])
        del args[at:at + 2]
    binaries = args or [str(DEFAULT)]
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "index.js").write_text("export default { fetch() { return new Response('ok'); } };\n")
        for workerd in binaries:
            version = subprocess.run([workerd, "--version"], capture_output=True, text=True).stdout.strip()
            same = 0
            for names in cases(count):
                theirs, ours = refused(workerd, folder, names), unknown_flags(names)
                if theirs == ours:
                    same += 1
                else:
                    differ += 1
                    print(f"DIFFER {version}: {names}\n  workerd: {theirs}\n  ours:    {ours}")
            print(f"{version}: {same}/{count} cases name the same flags in the same order")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
