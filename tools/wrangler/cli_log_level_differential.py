"""Differential: what ``WRANGLER_LOG`` leaves of the local commands' output, wrangler (4.164.0, 4.168.0) beside workers-env.

One project (a KV namespace, a D1 database with a migration, a Vectorize index, an unexpected
config field that both warn of) in two copies, one per tool; each command of :data:`COMMANDS` is
run at each level of :data:`LEVELS` (unset, the six, a value that is no level, and ``bogus`` from
a ``.env`` file) by both, in order, and each stream compared once what differs on purpose is
masked: wrangler's banner, its log-file and debug lines (its own internals), colours, D1's
``duration``. ``deploy --dry-run`` is wrangler's side of ``validate``: the texts and streams
differ on purpose (validate's report is its own, on stdout), so there whether the config's warning
shows and whether the last line (``--dry-run: exiting now.``, ``... is valid.``) shows are compared.
A usage error's help differs on purpose too: there which streams hold lines is compared. Vectorize's commands reach the account in
wrangler (no local mode): only its lines before the login error show what the level leaves.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
WRANGLER_SEND_METRICS=false PYTHONPATH=/abs/tree python3 tools/wrangler/cli_log_level_differential.py [--show]
(``--show``: each differing pair's streams)"""
import os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

DIR = os.environ.get("WORKERS_ENV_WRANGLER_DIR", "/tmp/wrangler")
WR = f"{DIR}/node_modules/.bin/wrangler"
NODE = open(f"{DIR}/node-bin-path").read().strip()
TREE = os.environ["PYTHONPATH"]
CONFIG = '''name = "w"
bogus_field = 1
main = "src/entry.py"
compatibility_date = "2025-11-02"
compatibility_flags = ["python_workers"]
[[kv_namespaces]]
binding = "KV"
id = "abc"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-0000-0000-000000000000"
migrations_dir = "migrations"
[[vectorize]]
binding = "VEC"
index_name = "idx"
'''
#: (wrangler's line, workers-env's line, whether only the streams' emptiness is compared)
#: what validate's and deploy --dry-run's output is compared by: (the warning, the last line)
_VALIDATE_KINDS = ("Unexpected fields found", ("--dry-run: exiting now.", "is valid."))
COMMANDS = [
    ("d1 execute DB --local --command", "select 1", False),
    ("d1 execute DB --local --json --command", "select 1", False),
    ("d1 execute DB --local --command", "select nope", False),
    ("d1 migrations list DB --local", None, False),
    ("kv key put k v --binding KV --local", None, False),
    ("kv key get k --binding KV --local", None, False),
    ("kv key get missing --binding KV --local", None, False),
    ("kv key list --binding KV --local", None, False),
    ("d1 execute --local", None, True),  # a usage error: the help follows (texts differ on purpose)
]
LEVELS = ["unset", "log", "info", "warn", "error", "none", "bogus", ".env bogus"]
_MASKS = [
    (re.compile(r"\x1b\[[0-9;]*m"), ""),
    (re.compile(r'"duration": [0-9.e-]+'), '"duration": N'),
]
_DROPPED = re.compile(r"^( ⛅️ wrangler |─+$|🪵  |Metrics dispatcher|\.env file not found)")


def _masked(text):
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    lines = [line for line in text.split("\n") if not _DROPPED.match(line)]
    return "\n".join(lines).strip("\n")


def _run(argv, cwd, level):
    env = dict(os.environ, PATH=f"{NODE}:{os.environ['PATH']}", WRANGLER_SEND_METRICS="false", PYTHONPATH=TREE)
    env.pop("WRANGLER_LOG", None)
    dot_env = Path(cwd, ".env")
    dot_env.unlink(missing_ok=True)
    if level == ".env bogus":
        dot_env.write_text("WRANGLER_LOG=bogus\n")
    elif level != "unset":
        env["WRANGLER_LOG"] = level
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    return done.returncode, _masked(done.stdout), _masked(done.stderr)


def main():
    show = "--show" in sys.argv
    top = Path(tempfile.mkdtemp(prefix="cli-log-level-"))
    for side in ("wr", "we"):
        root = top / side
        (root / "src").mkdir(parents=True)
        (root / "migrations").mkdir()
        (root / "wrangler.toml").write_text(CONFIG)
        (root / "src/entry.py").write_text("from workers import WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
                                           "    async def fetch(self, request):\n        pass\n")
        (root / "migrations/0001_init.sql").write_text("create table t(a);\n")
    same = differ = 0
    cases = [(w.split() + ([extra] if extra else []), w.split() + ([extra] if extra else []), loose)
             for w, extra, loose in COMMANDS]
    cases.append((["deploy", "--dry-run"], ["validate"], "validate"))
    for wr_line, we_line, loose in cases:
        for level in LEVELS:
            ours = _run([sys.executable, "-m", "workers_env", *we_line], top / "we", level)
            theirs = _run([WR, *wr_line], top / "wr", level)
            if loose == "validate":
                warning, last = _VALIDATE_KINDS
                shown = [(run[0], warning in run[1] + run[2], any(line in run[1] for line in last))
                         for run in (ours, theirs)]
                alike = shown[0] == shown[1]
            elif loose:
                alike = (ours[0], bool(ours[1]), bool(ours[2])) == (theirs[0], bool(theirs[1]), bool(theirs[2]))
            else:
                alike = ours == theirs
            same += alike
            differ += not alike
            print(f"{'same  ' if alike else 'DIFFER'} WRANGLER_LOG={level:<11} {' '.join(wr_line)}"
                  f" (exit {theirs[0]}/{ours[0]}; stdout {len(theirs[1])}/{len(ours[1])} chars, stderr"
                  f" {len(theirs[2])}/{len(ours[2])})")
            if show and not alike:
                for name, (a, b) in (("stdout", (theirs[1], ours[1])), ("stderr", (theirs[2], ours[2]))):
                    print(f"  -- wrangler {name}:\n{a}\n  -- workers-env {name}:\n{b}")
    print(f"{same} same, {differ} differ")
    shutil.rmtree(top, ignore_errors=True)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
