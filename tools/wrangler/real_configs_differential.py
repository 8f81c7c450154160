"""Differential check on real projects' configs: wrangler's own reader (``unstable_readConfig``)
against ``workers-env validate`` on every ``wrangler.toml``/``.json``/``.jsonc`` under a folder (and
each ``[env.NAME]`` a file names), in the files' own folders, so the files beside them count.

    git clone --depth 1 https://github.com/cloudflare/workers-sdk /tmp/workers-sdk
    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/real_configs_differential.py /tmp/workers-sdk

Prints each reading whose verdict or lines differ (the lines only one side prints) and a summary.
Session 69 ran it on workers-sdk f830836028's fixtures and templates (229 files, 242 readings): the
same verdict on all 242, the same lines on 240, then 241 once an R2 entry's ``local_dev`` was checked,
242 once ``site`` was (a legacy ``[site]`` app's entry-point deprecation). cloudflare/templates (38 readings),
cloudflare/python-workers-examples (20) and the hunts' eleven Python Worker repositories (53): all the
same. Not part of the test run (it needs Node and wrangler).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from config_diff import our_result, wrangler_lines, wrangler_results  # noqa: E402

from workers_env.config.wrangler import read_config_file  # noqa: E402

NAMES = ("wrangler.toml", "wrangler.json", "wrangler.jsonc")


def readings(root: Path) -> list[dict]:
    """Every config under ``root`` (node_modules left out), and each environment it names."""
    specs = []
    for path in sorted(p for name in NAMES for p in root.rglob(name) if "node_modules" not in p.parts):
        specs.append({"dir": str(path.parent), "config": path.name, "env": None})
        try:
            raw = read_config_file(str(path))
        except Exception:  # (a file wrangler refuses to read: compared without its environments)
            continue
        environments = raw.get("env")
        for env in environments if isinstance(environments, dict) else ():
            specs.append({"dir": str(path.parent), "config": path.name, "env": env})
    return specs


def main(root: Path) -> int:
    specs = readings(root)
    theirs = wrangler_results(Path(tempfile.mkdtemp()), specs)
    same_verdict = same_lines = 0
    for spec, result in zip(specs, theirs):
        ok, lines = our_result(Path(spec["dir"]), spec["config"], spec["env"])
        expected = wrangler_lines(result)
        verdict = ok == result["ok"]
        same = verdict and Counter(lines) == Counter(expected)
        same_verdict += verdict
        same_lines += same
        if not same:
            print(f"== {os.path.relpath(spec['dir'], root)}/{spec['config']} env={spec['env']} "
                  f"verdict: workers-env {ok}, wrangler {result['ok']}")
            for line in sorted(set(expected) - set(lines)):
                print(f"   wrangler only: {line}")
            for line in sorted(set(lines) - set(expected)):
                print(f"   workers-env only: {line}")
    print(f"{len(specs)} readings of {len({(s['dir'], s['config']) for s in specs})} files: the same verdict on "
          f"{same_verdict}, the same verdict and lines on {same_lines}")
    return 0 if same_lines == len(specs) else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1]).resolve()))
