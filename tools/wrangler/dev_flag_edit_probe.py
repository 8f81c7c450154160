"""What ``wrangler dev`` prints when a config edit adds a compatibility flag workerd refuses, and
whether an edit reverting it brings the Worker back (leftovers52): a JavaScript twin at 2026-11-01
with ``url_standard`` (a redundant flag: a warning), then an edit adding ``made_up_r`` (unknown) or
``nodejs_compat`` with ``no_nodejs_compat`` (a contradictory pair), then the edit undone.

Measured 2026-12-06 with 4.164.0, both kinds: ``⎔ Reloading local server...``, workerd's errors,
its warnings, ``✘ [ERROR] The Workers runtime failed to start. ...`` with ``Runtime stderr:`` and one
JSON record per workerd line (``"source":"src/workerd/server/server/entry.rs:170"``; 4.168.0's
workerd says ``entry.rs:171``, the rest the same: devprobes69), wrangler's
"If you think this is a bug" and "Logs were written" lines, then exit 1: the revert finds nothing
running (``tests/test_unknown_flags_refusal_is_wranglers_and_names_where_they_were_given.py``).
The date kinds edit ``compatibility_date`` instead (review81, measured 2026-12-06 with 4.164.0):
``2099-01-01`` prints the reload line and miniflare's ``✘ [ERROR] Compatibility date "2099-01-01" is
in the future and unsupported`` alone (no warning of workerd's, no "If you think this is a bug"),
``2026-1-01`` workerd's ``Invalid compatibility date: 2026-1-01`` with the failed-to-start error
and its ``Runtime stderr`` record, no warning; both exit 1
(``tests/test_dev_reload_to_a_date_after_today_is_miniflares_refusal.py``).

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/dev_flag_edit_probe.py [unknown|contradictory|future-date|invalid-date]

Not collected by pytest (needs Node and wrangler).
"""
import re
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import casediff

READY = 'export default { async fetch() { return new Response("ready"); } };\n'
ADDED = {"unknown": ["made_up_r"], "contradictory": ["nodejs_compat", "no_nodejs_compat"]}
#: the date edits (review81): a date after today (miniflare's refusal) and one workerd cannot read
DATES = {"future-date": "2099-01-01", "invalid-date": "2026-1-01"}


def _answers(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode()
    except OSError as exc:
        return f"no answer ({type(exc).__name__})"


def _edit(config: Path, flags: list[str]) -> None:
    text = re.sub(r"(?m)^compatibility_flags = .*$", "compatibility_flags = " + str(flags).replace("'", '"'),
                  config.read_text())
    config.write_text(text)


def _date(config: Path, date: str) -> None:
    config.write_text(re.sub(r"(?m)^compatibility_date = .*$", f'compatibility_date = "{date}"', config.read_text()))


def main(kinds: list[str]) -> int:
    for kind in kinds:
        with casediff.wrangler_dev(READY, "wd", "2026-11-01", ("url_standard",)) as dev:
            config = dev.app / "wrangler.toml"
            mark = len(dev.log.read_text())
            if kind in DATES:
                _date(config, DATES[kind])
            else:
                _edit(config, ["url_standard", *ADDED[kind]])
            time.sleep(8)
            after_edit = _answers(dev.url)
            if kind in DATES:
                _date(config, "2026-11-01")
            else:
                _edit(config, ["url_standard"])
            time.sleep(8)
            print(f"== {kind}: after the edit {after_edit!r}, after the revert {_answers(dev.url)!r}")
            printed = re.sub(r"\x1b\[[0-9;]*m", "", dev.log.read_text()[mark:])
            print("\n".join(line for line in printed.splitlines()
                            if line.strip() and "getaddrinfo" not in line and "Request.cf" not in line
                            and "GetAddrInfo" not in line))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or [*ADDED, *DATES]))
