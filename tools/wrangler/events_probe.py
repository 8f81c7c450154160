"""What workerd's ``Event``, ``CustomEvent``, ``ErrorEvent``, ``MessageEvent``, ``CloseEvent``,
``EventTarget`` and the global scope's listeners answer, under ``wrangler dev`` (a JavaScript
Worker running ``events_probe.js``'s cases), at a date on each side of
``spec_compliant_dispatch_exceptions`` (2026-09-15): the measurements ``runtime/jsevents.py`` and
its tests follow, and the lines ``console.log`` of each event printed to wrangler dev's terminal. Not collected by pytest.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        python3 tools/wrangler/events_probe.py [DATE ...]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from casediff import wrangler_dev

HERE = Path(__file__).resolve().parent


def main(dates: list[str]) -> None:
    answers, logs = {}, {}
    for date in dates:
        with wrangler_dev((HERE / "events_probe.js").read_text(), "events-probe", date) as dev:
            answers[date] = dev.post(["go"])
            time.sleep(1)
            lines = dev.log.read_text().splitlines()  # each "LOG>" line and the lines of its object after it
            starts = [i for i, line in enumerate(lines) if "LOG>" in line]
            logs[date] = [line for i in starts for line in lines[i:next((j for j in starts if j > i), i + 30)]
                          if not line.startswith("[wrangler")]
    first, *others = dates
    for case, answer in answers[first].items():
        print(case, json.dumps(answer))
        for date in others:
            if answers[date][case] != answer:
                print(f"  at {date}:", json.dumps(answers[date][case]))
    for date in dates:  # what console.log printed to wrangler dev's terminal (log_events)
        for line in logs[date]:
            print(date, "terminal", json.dumps(line))


if __name__ == "__main__":
    main(sys.argv[1:] or ["2026-09-14", "2026-11-17"])
