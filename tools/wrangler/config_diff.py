"""Differential check: wrangler's own config reader vs ``workers-env validate``.

Writes every case of ``config_corpus.py`` into a temporary folder, runs
``require("wrangler").unstable_readConfig({config, env})`` on each (``read_configs.js``,
through ``tools/wrangler/node``), runs workers-env's checks on the same files, and compares
the verdict (valid or not) and the diagnostic lines (whitespace-trimmed, as a multiset).

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/config_diff.py [-v]

Not part of the test run (it needs Node and wrangler).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from config_corpus import CASES, FILES  # noqa: E402

from workers_env._errors import ConfigError  # noqa: E402
from workers_env.config import check_config  # noqa: E402


def wrangler_lines(result: dict) -> list[str]:
    text = result["warnings"].replace("▲ [WARNING] ", "")
    if result["error"]:
        text += "\n" + result["error"]
    return [line.strip() for line in text.splitlines() if line.strip()]


def wrangler_results(root: Path, specs: list[dict]) -> list[dict]:
    """wrangler's reading of each ``{"dir", "config", "env"}`` in ``specs``, all in one Node process
    (``read_configs.js``; the cases are written to ``root/cases.json``)."""
    (root / "cases.json").write_text(json.dumps(specs))
    out = subprocess.run(
        [str(HERE / "node"), str(HERE / "read_configs.js"), str(root / "cases.json")],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def our_result(folder: Path, name: str, env: str | None) -> tuple[bool, list[str]]:
    os.chdir(folder)  # wrangler ran there too: paths are shown relative to it
    try:
        report = check_config(name, environment=env)  # named as read_configs.js names it
    except ConfigError as exc:
        return False, [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = report.render(cwd=folder)
    return report.ok, [line.strip() for line in text.splitlines() if line.strip()]


def main() -> int:
    verbose = "-v" in sys.argv
    with tempfile.TemporaryDirectory(prefix="config-diff-") as tmp:
        root = Path(tmp)
        cases = []
        for name, file_name, text, env in CASES:
            folder = root / name
            folder.mkdir()
            (folder / file_name).write_text(text, encoding="utf-8")
            for relative, content in FILES.get(name, {}).items():  # a Dockerfile, a folder
                if content is None:
                    (folder / relative).mkdir(parents=True)
                else:
                    (folder / relative).write_text(content, encoding="utf-8")
            cases.append({"dir": str(folder), "config": file_name, "env": env})
        results = wrangler_results(root, cases)
        same_verdict = 0
        total_lines = 0
        matched_lines = 0
        differences = []
        for (name, file_name, _, env), result in zip(CASES, results):
            ok, ours = our_result(root / name, file_name, env)
            theirs = wrangler_lines(result)
            same_verdict += ok == result["ok"]
            common = Counter(theirs) & Counter(ours)
            total_lines += len(theirs)
            matched_lines += sum(common.values())
            missing = list((Counter(theirs) - common).elements())
            extra = list((Counter(ours) - common).elements())
            if ok != result["ok"] or missing or (verbose and extra):
                differences.append((name, result["ok"], ok, missing, extra))
        for name, w_ok, o_ok, missing, extra in differences:
            print(f"## {name}: wrangler {'ok' if w_ok else 'error'}, workers-env {'ok' if o_ok else 'error'}")
            for line in missing:
                print(f"   - wrangler only: {line}")
            for line in extra:
                print(f"   + ours only:     {line}")
        print(
            f"\n{len(CASES)} configs: same verdict on {same_verdict}; "
            f"{matched_lines} of wrangler's {total_lines} diagnostic lines reproduced exactly "
            f"({100 * matched_lines / max(total_lines, 1):.1f}%)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
