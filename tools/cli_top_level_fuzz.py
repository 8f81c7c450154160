"""Seeded fuzz of cli57's top-level-only parser (outside the test run): each line whose first word names
no command is run through ``workers_env.cli.main`` twice in-process -- as it runs (the top level's parser
alone where :func:`workers_env.cli.toplevel.top_level_only` says the line needs no more) and with every
command's parser built -- and the exit code, stdout and stderr compared. The words: every global flag and
its ``=``/``--no-`` forms, one-letter groups, ``--``, ``-_``, negative numbers, command names, their typos
and abbreviations, a few command options and values; ``WRANGLER_LOG`` set at random, a ``.env`` holding
one in the folder it runs in.

    PYTHONPATH=. python3 tools/cli_top_level_fuzz.py [SEED] [LINES]

review88 (2026-12-06): seeds 88 (1,500 lines) and 5801 (2,500): 0 differences.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workers_env import cli  # noqa: E402

WORDS = [
    "--help", "-h", "--version", "-v", "-c", "--config", "-e", "--env", "--env-file", "--cwd", "--profile",
    "--install-skills", "--x-provision", "--experimental-auto-create", "--no-env-file", "--no-cwd", "--no-config",
    "--no-env", "--no-v", "--no-help", "wrangler.toml", "x", "staging", "dve", "vectorise", "d", "kv:namespace", "--",
    "=", "-_", "true", "false", "-", "-5", "-1e5", "--local", "--persist-to", "st", "--binding", "--prefix", "-ce",
    "-vc", "-hv", "-c=x", "--config=wrangler.toml", "--env=", "--cwd=.", "--cwd=/nonexistent", "-e=x",
    "--version=false", "--help=true", "--helpp", "--ver", "--conf", "-x", "-y", "--json", "--foo=bar", "--log-level",
    "debug", "list", "key", "execute", "--env-file=.env", "-c.x", "--_", "-C", "VECTORIZE", "--port", "8787", "''",
    "--x-auto-create=false", "--profile=p", "help", "--no-", "---help", "-cx", "-ve", "1", "0", "--1", "dev", "kv",
    "d1", "vectorize", "ai", "validate", "de", "dev2", "Dev", "ai:", "/tmp", "a", "b", "--x-provision=true",
    "-v=true", "-h=false", "--help=1",
]


def _run(line: list[str], every_command: bool) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        if every_command:
            given = cli.top_level_only
            cli.top_level_only = lambda *lines: False  # type: ignore[assignment]
            stack.callback(setattr, cli, "top_level_only", given)
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            code: object = cli.main(line)
        except SystemExit as exc:
            code = ("exit", exc.code)
        except BaseException as exc:  # noqa: BLE001 - a traceback is a difference to show
            code = ("raised", type(exc).__name__, str(exc))
    return code, out.getvalue(), err.getvalue()


def main() -> int:
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 88
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 1500
    rng = random.Random(seed)
    os.chdir(tempfile.mkdtemp(prefix="cli-top-level-"))
    Path(".env").write_text("WRANGLER_LOG=debug\n")
    differences = 0
    for _ in range(lines):
        line = [rng.choice(WORDS) for _ in range(rng.randint(0, 5))]
        if rng.random() < 0.3:
            os.environ["WRANGLER_LOG"] = rng.choice(["debug", "none", "error", "warn", "log", "info", "bogus"])
        else:
            os.environ.pop("WRANGLER_LOG", None)
        top, every = _run(line, False), _run(line, True)
        if top != every:
            differences += 1
            print(f"DIFFERENT {line} WRANGLER_LOG={os.environ.get('WRANGLER_LOG')}\n  top level: {top}\n  every: {every}")
    print(f"seed {seed}: {lines} lines, {differences} different")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
