"""Differential check of ``d1 create|info|list|delete|insights|time-travel info|restore`` -- the
D1 commands that act on the Cloudflare account only -- against wrangler 4.164.0, offline.

wrangler stops each of them, once its arguments are checked and its config read, where its
handler asks for ``CLOUDFLARE_API_TOKEN`` (no token, ``CI=true``: a non-interactive shell);
workers-env refuses them there. Each line is run by both tools in a fresh project and compared
as ``cli_layout_differential.py`` compares its command-line mistakes: stdout, stderr and the exit
code exactly, after wrangler's banner and log-file line are taken out, a help by whose it is
(``<help of d1 create>``: workers-env's help text is argparse's), a "Did you mean" box by what it
suggests, and wrangler's login error and workers-env's refusal both read as
``<refused where wrangler logs in>``. Also taken out of wrangler's stderr: ``d1 insights``'
``🚧 ... is an experimental command. Please report any issues to ...`` warning (README: asks for
reports on wrangler's issue tracker). The project's files after the run are compared too (both
write nothing).

The lines: each command's right line under every config of ``cli_layout_differential.CONFIGS``
(warnings, an unknown ``--env``, a broken config, a ``-c`` naming no file, ...); the mistakes
(:data:`MISTAKES`: a missing name, an unknown option or word, a value out of ``--location``'s,
``--jurisdiction``'s or ``insights``' choices, an option given twice, ``time-travel restore``'s
``validateArgs``, ``--no-NAME`` forms); wrangler's hidden ``--temporary`` and ``--event-code`` (:data:`TEMPORARY`; ``--temporary``'s temporary
account, made over the network where wrangler logs in, offline stops at ``Unable to resolve Cloudflare's API
hostname``, read as the login); ``WRANGLER_LOG`` at each level but ``debug`` (whose lines are
wrangler's internals: README), in capitals, a value that is none,
``WRANGLER_D1_EXTRA_LOCATION_CHOICES`` (:data:`ENVIRONMENTS`); each ``--help``; misspelt
commands.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=$PWD python3 tools/wrangler/d1_account_differential.py \
        [-k SUBSTRING] [--cache FILE]

Prints each difference and ``N/M identical``; exit status 0 when all are. Not collected by pytest.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cli_layout_differential import (  # noqa: E402
    ACCOUNT, ANSI, CONFIGS, HERE, HINT, LOGIN, REFUSAL, ROOT, help_named, print_differences, strip_wrangler)

#: wrangler's status warning for an experimental command (its banner's companion: not with --json)
EXPERIMENTAL = re.compile(r"▲ \[WARNING\] 🚧 `wrangler d1 insights` is an experimental command\. [^\n]*\n\n\n")

#: a right line of each command
RIGHT: list[list[str]] = [
    ["d1", "create", "new-db"],
    ["d1", "create", "new-db", "--location", "weur", "--jurisdiction", "eu", "--binding", "NEW", "--update-config",
     "--use-remote"],
    ["d1", "info", "DB"], ["d1", "info", "db", "--json"],
    ["d1", "list"], ["d1", "list", "--json"],
    ["d1", "delete", "DB"], ["d1", "delete", "nope", "-y"],
    ["d1", "insights"], ["d1", "insights", "DB", "--json", "--sort-by", "reads", "--sort-type", "avg", "--limit", "3"],
    ["d1", "time-travel", "info", "DB"], ["d1", "time-travel", "info", "DB", "--timestamp", "1700000000", "--json"],
    ["d1", "time-travel", "restore", "DB", "--bookmark", "b1"],
    ["d1", "time-travel", "restore", "DB", "--timestamp", "2023-07-13T08:46:42.228Z", "--json"],
]

#: mistakes and odd forms, in the ``clean`` project
MISTAKES: list[list[str]] = [
    ["d1", "create"], ["d1", "info"], ["d1", "delete"], ["d1", "time-travel", "info"], ["d1", "time-travel", "restore"],
    ["d1", "create", "a", "b"], ["d1", "info", "a", "b"], ["d1", "list", "extra"], ["d1", "insights", "a", "b"],
    ["d1", "create", "x", "--bogus"], ["d1", "delete", "db", "--bogus", "1"], ["d1", "list", "--jsno"],
    ["d1", "create", "x", "--location", "moon"], ["d1", "create", "x", "--location=WEUR"],
    ["d1", "create", "x", "--jurisdiction", "mars"], ["d1", "create", "x", "--location", "moon", "--jurisdiction", "mars"],
    ["d1", "create", "x", "--location"], ["d1", "create", "x", "--jurisdiction"], ["d1", "create", "x", "--binding"],
    ["d1", "create", "x", "--location", "weur", "--location", "eeur"], ["d1", "create", "x", "--no-location"],
    ["d1", "create", "x", "--no-binding"], ["d1", "create", "x", "--use-remote=false", "--update-config", "true"],
    ["d1", "create", "--location", "apac"], ["d1", "create", "x", "--bogus", "--location", "moon"],
    ["d1", "insights", "--sort-type", "max"], ["d1", "insights", "--sort-by", "size", "--sort-direction", "up"],
    ["d1", "insights", "--sort-type"], ["d1", "insights", "--limit", "abc"], ["d1", "insights", "--limit"],
    ["d1", "insights", "--count", "3"], ["d1", "insights", "--time-period", "3w"], ["d1", "insights", "--time-period"],
    ["d1", "insights", "--no-limit"], ["d1", "insights", "--limit", "1", "--limit", "2"],
    ["d1", "info", "db", "--json=yes"], ["d1", "list", "--json", "--json"], ["d1", "list", "--no-json"],
    ["d1", "delete", "db", "--skip-confirmation=false"], ["d1", "delete", "db", "--yes"],
    ["d1", "time-travel", "info", "db", "--timestamp"], ["d1", "time-travel", "info", "db", "--timestamp", "nope"],
    ["d1", "time-travel", "restore", "db"], ["d1", "time-travel", "restore", "db", "--json"],
    ["d1", "time-travel", "restore", "db", "--timestamp", "1", "--bookmark", "b"],
    ["d1", "time-travel", "restore", "db", "--bookmark", ""], ["d1", "time-travel", "restore", "db", "--bookmark"],
    ["d1", "time-travel", "restore", "db", "--timestamp=", "--bookmark=b"],
    ["d1", "time-travel", "restore", "db", "--no-config"], ["d1", "time-travel", "restore", "db", "--bogus"],
    ["d1", "time-travel", "restore", "--bookmark", "b"],
    ["d1", "time-travel", "bogus"], ["d1", "time-travel"], ["d1", "time-travel", "info", "db", "x"],
    ["d1", "list", "--no-config"], ["d1", "list", "-c", ""], ["d1", "list", "--env", ""],
    ["d1", "list", "--cwd", "sub"], ["d1", "--json", "list"], ["d1", "list", "-e", "nope", "--json"],
    # misspelt commands: wrangler's box suggests its own, workers-env's its own (by the same rule)
    ["d1", "creat", "x"], ["d1", "lst"], ["d1", "time-travel", "inf", "db"], ["d1", "insight"],
    ["d1", "delete", "DB", "--local"], ["d1", "list", "--remote"],
]

#: (leftovers55) wrangler's hidden --temporary and --event-code (every d1 command's): --temporary
#: makes a temporary account over the network where wrangler logs in (offline: its DNS error, read as
#: the login), --event-code's coerce and requiresArg, `--event-code requires --temporary.` after
#: validateArgs and before the config is read
TEMPORARY: list[list[str]] = [
    *([*line, *extra] for line in (
        ["d1", "create", "x"], ["d1", "info", "DB"], ["d1", "list"], ["d1", "delete", "DB"], ["d1", "insights"],
        ["d1", "time-travel", "info", "DB"], ["d1", "time-travel", "restore", "DB", "--bookmark", "b"])
      for extra in (["--temporary"], ["--event-code", "x"], ["--event-code="])),
    ["d1", "list", "--json", "--temporary", "--event-code", "x"], ["d1", "list", "--event-code"],
    ["d1", "list", "--event-code", " "], ["d1", "list", "--event-code", "a", "--event-code", "b"],
    ["d1", "list", "--no-event-code"], ["d1", "list", "--temporary=false"], ["d1", "list", "--no-temporary"],
    ["d1", "list", "--temporary=yes", "--event-code", "x"], ["d1", "create", "--event-code="],
    ["d1", "create", "x", "--location", "moon", "--event-code", "x"], ["d1", "list", "--event-code=", "--bogus"],
    ["d1", "list", "--bogus", "--event-code", "x"], ["d1", "time-travel", "restore", "DB", "--event-code", "x"],
    ["d1", "list", "--event-code", "x", "-c", "nope.toml"], ["d1", "list", "--event-code", "x", "--no-config"],
    ["d1", "insights", "--limit", "abc", "--event-code", "x"], ["d1", "time-travel", "--temporary"],
]

#: (label, environment added, line), in the ``clean`` project with a warning of its own
ENVIRONMENTS: list[tuple[str, dict[str, str], list[str]]] = [
    *((f"WRANGLER_LOG={level}", {"WRANGLER_LOG": level}, line)
      for level in ("log", "info", "warn", "error", "none", "loud", "ERROR")
      for line in (["d1", "list"], ["d1", "insights", "--json"], ["d1", "time-travel", "restore", "db"],
                   ["d1", "create"])),
    ("extra locations", {"WRANGLER_D1_EXTRA_LOCATION_CHOICES": "moon,sun"}, ["d1", "create", "x", "--location", "moon"]),
    ("extra locations", {"WRANGLER_D1_EXTRA_LOCATION_CHOICES": "moon,sun"}, ["d1", "create", "x", "--location", "mars"]),
    ("extra locations, empty", {"WRANGLER_D1_EXTRA_LOCATION_CHOICES": ""}, ["d1", "create", "x", "--location"]),
    ("CLOUDFLARE_ENV", {"CLOUDFLARE_ENV": "nope"}, ["d1", "list"]),
]

HELP = [["d1", "create"], ["d1", "info"], ["d1", "list"], ["d1", "delete"], ["d1", "insights"], ["d1", "time-travel"],
        ["d1", "time-travel", "info"], ["d1", "time-travel", "restore"], ["d1"]]

CLEAN = 'name = "x"\nbogus_field = 1\ncompatibility_date = "2025-01-01"\n' + (
    '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n')


def run(cmd: list[str], cwd: Path, env_extra: dict[str, str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "true"}
    for name in ("CLOUDFLARE_ENV", "CLOUDFLARE_API_TOKEN", "WRANGLER_LOG", "WRANGLER_D1_EXTRA_LOCATION_CHOICES"):
        env.pop(name, None)
    env.update(env_extra)
    before = files(cwd)
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, env=env, timeout=300, stdin=subprocess.DEVNULL,
                          check=False)

    def text(data: bytes) -> str:
        return data.decode("utf-8", "replace").replace(str(cwd.resolve()), "<app>").replace(str(cwd), "<app>")
    return {"stdout": text(proc.stdout), "stderr": text(proc.stderr), "code": proc.returncode,
            "files written": sorted(set(files(cwd)) - set(before))}


def files(folder: Path) -> list[str]:
    return [str(p.relative_to(folder)) for p in folder.rglob("*")]


def plain(result: dict, side: str) -> dict:
    if side == "wrangler":
        out, err = strip_wrangler(result["stdout"], "d1"), EXPERIMENTAL.sub("", strip_wrangler(result["stderr"], "d1"))
        mark = LOGIN
    else:
        out, err = ANSI.sub("", result["stdout"]), HINT.sub("", ANSI.sub("", result["stderr"]))
        mark = REFUSAL
    return {"stdout": mark.sub(ACCOUNT, help_named(out, side)), "stderr": mark.sub(ACCOUNT, err),
            "code": result["code"], "files written": result["files written"]}


def jobs(only: str | None) -> list[tuple[str, str, str, dict[str, str], list[str]]]:
    """(label, config file name, its text, environment, line) of every line to compare."""
    out = []
    for cname, file_name, text, extra in CONFIGS:
        for line in RIGHT:
            out.append((f"{cname} :: {' '.join(line + extra)}", file_name, text, {}, line + extra))
    out += [(f"mistake :: {' '.join(line)}", "wrangler.toml", CLEAN, {}, line) for line in MISTAKES]
    out += [(f"temporary :: {' '.join(line)}", "wrangler.toml", CLEAN, {}, line) for line in TEMPORARY]
    out.append(("temporary, broken config :: d1 list --event-code x", "wrangler.toml", "name = \n", {},
                ["d1", "list", "--event-code", "x"]))
    out += [(f"{label} :: {' '.join(line)}", "wrangler.toml", CLEAN, env, line) for label, env, line in ENVIRONMENTS]
    out += [(f"help :: {' '.join(line)} --help", "wrangler.toml", CLEAN, {}, [*line, "--help"]) for line in HELP]
    out.append(("no config :: d1 list", "", "", {}, ["d1", "list"]))
    out.append(("no config :: d1 insights DB", "", "", {}, ["d1", "insights", "DB"]))
    return [job for job in out if only is None or only in job[0]]


def main() -> int:
    argv = sys.argv[1:]
    if {"-h", "--help"} & set(argv):
        print(__doc__)
        return 0
    only = argv[argv.index("-k") + 1] if "-k" in argv else None
    cache_file = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    cache = json.loads(cache_file.read_text()) if cache_file and cache_file.exists() else {}
    todo = jobs(only)
    with tempfile.TemporaryDirectory(prefix="d1-account-") as tmp:
        root = Path(tmp)

        def one(job: tuple, side: str) -> dict:
            label, file_name, text, env, line = job
            if side == "wrangler" and label in cache:
                return cache[label]
            folder = root / side / hashlib.sha1(label.encode()).hexdigest()[:12]
            folder.mkdir(parents=True)
            (folder / "sub").mkdir()
            if file_name:
                (folder / file_name).write_text(text, encoding="utf-8")
            cmd = [str(HERE / "wrangler")] if side == "wrangler" else [sys.executable, "-m", "workers_env"]
            result = run(cmd + line, folder, env)
            if side == "wrangler":
                cache[label] = result
            return result

        with ThreadPoolExecutor(max_workers=3) as pool:
            theirs = list(pool.map(lambda j: one(j, "wrangler"), todo))
            mine = list(pool.map(lambda j: one(j, "ours"), todo))
    if cache_file:
        cache_file.write_text(json.dumps(cache, indent=1, ensure_ascii=False))
    same = print_differences([(job[0], plain(a, "wrangler"), plain(b, "ours"))
                              for job, a, b in zip(todo, theirs, mine)])
    print(f"\n{same}/{len(todo)} identical")
    return 0 if same == len(todo) else 1


if __name__ == "__main__":
    raise SystemExit(main())
