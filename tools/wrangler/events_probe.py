"""What workerd's ``Event``, ``CustomEvent``, ``ErrorEvent``, ``MessageEvent``, ``CloseEvent``,
``EventTarget`` and the global scope's listeners answer, under ``wrangler dev`` (a JavaScript
Worker running ``events_probe.js``'s cases), at a date on each side of
``spec_compliant_dispatch_exceptions`` (2026-09-15): the measurements ``runtime/jsevents.py`` and
its tests follow. Not collected by pytest.

    PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler \\
        python3 tools/wrangler/events_probe.py [DATE ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from casediff import run_under_wrangler_dev

HERE = Path(__file__).resolve().parent


def main(dates: list[str]) -> None:
    answers = {date: run_under_wrangler_dev((HERE / "events_probe.js").read_text(), "events-probe", date, ["go"])
               for date in dates}
    first, *others = dates
    for case, answer in answers[first].items():
        print(case, json.dumps(answer))
        for date in others:
            if answers[date][case] != answer:
                print(f"  at {date}:", json.dumps(answers[date][case]))


if __name__ == "__main__":
    main(sys.argv[1:] or ["2026-09-14", "2026-11-17"])
