"""What ``wrangler dev`` prints when a config edit sets a compatibility date it refuses, and whether
the Worker answers after it and after the edit is undone (leftovers53): a JavaScript twin at
2026-11-01, then an edit to ``future`` (a date after today: wrangler's own check) or ``runtime`` (a
date after the installed workerd's newest but not after today: workerd's refusal), then the edit
undone. Prints what wrangler printed from the edit on, colours stripped.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/dev_date_edit_probe.py [future|runtime]

Not collected by pytest (needs Node and wrangler).
"""
import datetime
import re
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import casediff

READY = 'export default { async fetch() { return new Response("ready"); } };\n'
TODAY = datetime.date.today()
DATES = {"future": str(TODAY + datetime.timedelta(days=200)), "runtime": str(TODAY - datetime.timedelta(days=1))}


def _answers(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode()
    except OSError as exc:
        return f"no answer ({type(exc).__name__})"


def _edit(config: Path, date: str) -> None:
    config.write_text(re.sub(r'(?m)^compatibility_date = .*$', f'compatibility_date = "{date}"', config.read_text()))


def main(kinds: list[str]) -> int:
    for kind in kinds:
        with casediff.wrangler_dev(READY, "wd", "2026-11-01") as dev:
            config = dev.app / "wrangler.toml"
            mark = len(dev.log.read_text())
            _edit(config, DATES[kind])
            time.sleep(8)
            after_edit = _answers(dev.url)
            _edit(config, "2026-11-01")
            time.sleep(8)
            print(f"== {kind} ({DATES[kind]}): after the edit {after_edit!r}, after the revert {_answers(dev.url)!r}")
            printed = re.sub(r"\x1b\[[0-9;]*m", "", dev.log.read_text()[mark:])
            print("\n".join(line for line in printed.splitlines()
                            if line.strip() and "getaddrinfo" not in line and "Request.cf" not in line
                            and "GetAddrInfo" not in line))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or list(DATES)))
