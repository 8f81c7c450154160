"""Hold workers-env's compatibility-flag lines and values to workerd's own, order and all.

    python3 tools/workerd/unknown_flags_probe.py [WORKERD ...] [--cases N] [--mixed N]

Each case is a JS Worker whose ``compatibilityFlags`` mix workerd flags, run by ``workerd test
--experimental`` (as wrangler dev runs workerd: miniflare passes ``--experimental``), whose lines
``service main: ...`` must be workers-env's: "Compatibility flags are mutually contradictory" and
"No such compatibility flag" (:func:`compat.compatibility_flags_problem`'s workerd lines), then
"... so does not need to be specified anymore" (:func:`compat.redundant_flag_warnings`); a case
that starts must also print ``Cloudflare.compatibilityFlags`` as :func:`compat.workerd_flag_values`
has them. The first ``--cases`` (default 40, seed 50: flags50's) mix flags of either spelling with
made-up names and the dropped ``python_workers_20260817``; the ``--mixed`` ones (default 40, seed
51) add both spellings of 0-3 flags, flags the date turns on already and a date from 2021 to
2026-11-24 (the oldest binary's newest); 36 more (42 on a binary taking 2026-12-10) reach the flags ``python_workers`` implies. Flags the binary does not list (1.20261123.1's three, for
1.20261117.1) and ``python_workers`` (it fetches a Pyodide bundle) are never picked. Once per binary,
every flag it lists is named without ``--experimental``: its "is experimental" refusals must name
the flags ``embedded_flags.py`` reads as ``$experimental``. The default binary is wrangler's
(``$WORKERS_ENV_WRANGLER_DIR``, /tmp/wrangler).
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
from types import SimpleNamespace

from embedded_flags import read_rows

from workers_env.config.compat import (
    _ALL_WORKERD_FLAGS,
    compatibility_flags_problem,
    contradictory_flags,
    redundant_flag_warnings,
    today,
    unknown_flags,
    workerd_flag_values,
)

WRANGLER = Path(os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler"))
DEFAULT = WRANGLER / "node_modules" / "@cloudflare" / "workerd-linux-64" / "bin" / "workerd"
CONFIG = """using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (services = [(name = "main", worker = .w)]);
const w :Workerd.Worker = (modules = [(name = "index.js", esModule = embed "index.js")],
  compatibilityDate = "{date}", compatibilityFlags = {flags});
"""
WORKER = "export default { async test() { console.log('FLAGS ' + JSON.stringify(Cloudflare.compatibilityFlags)); } };\n"
MADE_UP = ("made_up_a", "made_up_b", "made_up_c", "nodejs_compt", "python_workers_20260817", "no_python_workers_20260817")
#: workerd 1.20261123.1's flags, which wrangler 4.164.0's 1.20261117.1 does not know (left out of flags50's cases),
#: and 1.20261129.1's and 1.20261201.1's (currency55; left out so the seeded cases stay flags50's)
NEWEST = ("websocket_standard_url_and_extensions", "fetch_invalid_response_type_error", "connect_handler_immediate_tls",
          "udp_ingress", "fetch_redirect_error")
NEWEST_DATE = "2026-11-24"  # workerd 1.20261117.1's newest compatibility date


def cases(count: int) -> list[tuple[str, list[str]]]:
    """flags50's cases: hand-picked first (measured under wrangler dev too), then seeded random ones."""
    rng = random.Random(50)
    known = [entry[rng.randrange(2) if entry[1] else 0] for entry in _ALL_WORKERD_FLAGS
             if entry[0] != "python_workers" and entry[0] not in NEWEST]
    picked = [["python_workers_314", "made_up_a", "made_up_b"], ["made_up_a", "nodejs_compat", "made_up_b", "made_up_c"],
              ["python_workers_20260817", "made_up_b", "nodejs_compat_v2", "no_python_workers_314", "made_up_c"]]
    while len(picked) < count:
        names = rng.sample(known, rng.randrange(1, 8)) + rng.sample(MADE_UP, rng.randrange(1, 4))
        rng.shuffle(names)
        picked.append(names)
    return [("2026-03-01", names) for names in picked[:count]]


def mixed_cases(count: int, binary: str) -> list[tuple[str, list[str]]]:
    """Seeded mixes with contradictory pairs and flags already on by the date, at dates 2021..2026-11-24."""
    rng = random.Random(51)
    rows = [row for row in read_rows(binary) if row.enable and row.enable != "python_workers"]
    dated = sorted({row.date for row in rows if row.date and row.date <= NEWEST_DATE})
    picked = []
    while len(picked) < count:
        date = rng.choice(dated) if rng.randrange(2) else f"{rng.randrange(2021, 2027)}-{rng.randrange(1, 13):02}-01"
        date = min(date, NEWEST_DATE)
        on = [row.enable for row in rows if row.all_dates or (row.date is not None and row.date <= date)]
        paired = [row for row in rows if row.disable]
        clean = rng.randrange(2)  # half the cases start: no pair, no made-up name (their flag values compared)
        names = rng.sample(on, min(len(on), rng.randrange(0, 4)))
        for row in rng.sample(paired, 0 if clean else rng.randrange(0, 4)):
            names += [row.enable, row.disable]
        names += [row.disable if row.disable and rng.randrange(2) else row.enable
                  for row in rng.sample(rows, rng.randrange(0, 5))]
        names += rng.sample(MADE_UP, 0 if clean else rng.randrange(0, 3))
        names = list(dict.fromkeys(names))  # wrangler passes each name once (measured)
        rng.shuffle(names)
        picked.append((date, names))
    return picked


def python_cases(newest: str) -> list[tuple[str, list[str]]]:
    """The flags ``python_workers`` implies, reached through ``python_workers_development`` (it implies
    ``python_workers`` from 2000-01-01; naming ``python_workers`` itself fetches a Pyodide bundle),
    each at the day before and the day of its date (up to ``newest``, the binary's newest date, and
    today: workerd refuses a later one), with and without the disable flags."""
    dates = ["2024-01-01", "2025-09-19", "2025-09-20", "2025-09-29", "2025-10-16", "2025-12-16", "2026-02-25",
             "2026-09-07", "2026-09-08", "2026-11-18", "2026-11-19", "2026-11-24", "2026-12-09", "2026-12-10"]
    dates = [date for date in dates if date <= min(newest, today())]
    mixes = [[], ["no_python_workers_314", "disable_python_workflows"], ["no_python_workers_20250116"]]
    return [(date, ["python_workers_development", *mix]) for date in dates for mix in mixes]


def workerd_lines(workerd: str, folder: Path, date: str, names: list[str],
                  experimental: bool = True) -> tuple[list[str], dict[str, bool] | None]:
    """``workerd``'s ``service main:`` lines for the Worker, and its flag values if it started."""
    (folder / "config.capnp").write_text(CONFIG.format(date=date, flags=json.dumps(names)))
    run = subprocess.run([workerd, "test", str(folder / "config.capnp"), *(["--experimental"] * experimental)],
                         capture_output=True, text=True, timeout=60)
    output = run.stderr + run.stdout
    values = re.search(r"^FLAGS (\{.*\})$", output, re.M)
    return re.findall(r"^service main: (.*)$", output, re.M), json.loads(values.group(1)) if values else None


def ours(date: str, names: list[str]) -> tuple[list[str], list[str], dict[str, bool]]:
    """workers-env's workerd errors, its warnings and its flag values for the same Worker."""
    config = SimpleNamespace(compatibility_date=date, compatibility_flags=names)
    problem = (compatibility_flags_problem(config) or "").splitlines()
    errors = [line for line in problem if line.startswith(("Compatibility flags are mutually", "No such compat"))]
    assert len(errors) == len(contradictory_flags(names)) + len(unknown_flags(names))
    return errors, redundant_flag_warnings(config), workerd_flag_values(config)


def newest_date(workerd: str, folder: Path) -> str:
    """The newest compatibility date ``workerd`` takes, from its refusal of a later one."""
    lines, _values = workerd_lines(workerd, folder, "2099-01-01", [])
    found = [m.group(1) for line in lines if (m := re.search(r"newest date supported by this server binary is \"(.+?)\"", line))]
    return found[0] if found else NEWEST_DATE


def experimental_check(workerd: str, folder: Path) -> list[str]:
    """Differences between ``workerd``'s "is experimental" refusals, every flag named without
    ``--experimental``, and the flags its embedded schema marks ``$experimental``."""
    rows = [row for row in read_rows(workerd) if row.enable and row.enable != "python_workers"]
    lines, _values = workerd_lines(workerd, folder, "2026-03-01", [row.enable for row in rows], experimental=False)
    refused = [m.group(1) for line in lines if (m := re.match(r"The compatibility flag (\S+) is experimental", line))]
    marked = [row.enable for row in rows if row.experimental]
    return [] if refused == marked else [f"refused {refused}\n  marked  {marked}"]


def main() -> int:
    args = sys.argv[1:]
    counts = {"--cases": 40, "--mixed": 40}
    for option in counts:
        if option in args:
            at = args.index(option)
            counts[option] = int(args[at + 1])
            del args[at:at + 2]
    binaries = args or [str(DEFAULT)]
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "index.js").write_text(WORKER)
        for workerd in binaries:
            version = subprocess.run([workerd, "--version"], capture_output=True, text=True).stdout.strip()
            knows = {name for row in read_rows(workerd) for name in (row.enable, row.disable) if name}
            picked = [case for case in cases(counts["--cases"]) + mixed_cases(counts["--mixed"], workerd)
                                               + python_cases(newest_date(workerd, folder))
                      if all(name in knows or name in MADE_UP for name in case[1])]
            same = started = paired = warned = 0
            for date, names in picked:
                theirs, their_values = workerd_lines(workerd, folder, date, names)
                errors, warnings, my_values = ours(date, names)
                mine = errors + warnings  # workerd prints its errors first (wrangler dev too, measured)
                values_agree = their_values is None or their_values == {k: my_values[k] for k in their_values}
                started += their_values is not None
                paired += any(line.startswith("Compatibility flags are mutually") for line in theirs)
                warned += any(line.endswith("does not need to be specified anymore.") for line in theirs)
                if theirs == mine and values_agree and (their_values is None) == bool(errors):
                    same += 1
                else:
                    differ += 1
                    print(f"DIFFER {version} at {date}: {names}\n  workerd: {theirs}\n  ours:    {mine}")
                    if not values_agree:
                        print(f"  values: {sorted(k for k in their_values or {} if their_values[k] != my_values[k])}")
            problems = experimental_check(workerd, folder)
            differ += len(problems)
            for problem in problems:
                print(f"DIFFER {version} experimental: {problem}")
            print(f"{version}: {same}/{len(picked)} cases give the same lines in the same order ({paired} with a "
                  f"contradictory pair, {warned} with a warning; {started} started: the same flag values); experimental flags {'as marked' if not problems else 'DIFFER'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
