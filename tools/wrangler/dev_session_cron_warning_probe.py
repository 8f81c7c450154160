"""Whether ``wrangler dev -c a -c b`` prints its "Scheduled Workers are not automatically triggered"
warning for the crons of either Worker: two JavaScript Workers, each config with crons, an empty
list or no ``[triggers]``, one line per pair saying whether dev got ready and warned (hunt48; the
answers `tests/test_cli_dev_session_warns_of_crons_any_worker_has.py` pins: 4.164.0 warns when
any Worker of the session has a cron).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/dev_session_cron_warning_probe.py

Not collected by pytest (needs Node and wrangler).
"""
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import casediff

JS = 'export default { async fetch() { return new Response("ready"); }, async scheduled() {} };\n'
WARNING = "Scheduled Workers are not automatically triggered"
CRONS = '["0 2 * * *"]'


def session(first: str | None, second: str | None) -> str:
    """wrangler dev's output for configs ``a`` and ``b`` with these ``crons`` (None: no ``[triggers]``)."""
    with tempfile.TemporaryDirectory(prefix="croncheck-") as folder:
        root = Path(folder)
        for name, crons in (("a", first), ("b", second)):
            (root / name / "src").mkdir(parents=True)
            (root / name / "src" / "index.js").write_text(JS)
            (root / name / "wrangler.toml").write_text(
                f'name = "{name}"\nmain = "src/index.js"\ncompatibility_date = "2025-11-02"\nno_bundle = true\n'
                + ("" if crons is None else f"[triggers]\ncrons = {crons}\n"))
        log_path = root / "wrangler.log"
        with log_path.open("w") as log:
            proc = subprocess.Popen(
                [str(casediff.HERE / "wrangler"), "dev", "-c", "a/wrangler.toml", "-c", "b/wrangler.toml", "--ip",
                 "127.0.0.1", "--port", str(casediff._free_port()), "--inspector-port", str(casediff._free_port()),
                 "--show-interactive-dev-session=false"],
                cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
                env={**os.environ, "XDG_CONFIG_HOME": str(root / "config")})
            try:
                deadline = time.monotonic() + 120
                while "Ready on" not in log_path.read_text() and time.monotonic() < deadline:
                    time.sleep(0.5)
                time.sleep(3)  # the warning follows the proxy's readiness
                return log_path.read_text()
            finally:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=20)


for pair in ((None, CRONS), ("[]", CRONS), (CRONS, None), ("[]", None)):
    text = session(*pair)
    print(f"a crons={pair[0]} b crons={pair[1]}: ready={'Ready on' in text} warned={WARNING in text}")
