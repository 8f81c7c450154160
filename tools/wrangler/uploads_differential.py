"""Differential check: which files ``wrangler deploy --dry-run`` uploads for a Python Worker,
with which module type, against ``workers_env.config.uploads``.

Each case is a project (the same tree of files) with its own ``[[rules]]``, ``base_dir`` or
``find_additional_modules``; wrangler's "Attaching additional modules" table is compared with
the type workers-env gives every file of the module root (the entry is the main module).

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/uploads_differential.py [-v]

Not part of the test run (it needs Node and wrangler).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from workers_env.config import load_config  # noqa: E402
from workers_env.config.uploads import uploads_of  # noqa: E402

FILES = ["src/entry.py", "src/a.txt", "src/b.html", "src/c.sql", "src/d.bin", "src/e.wasm", "src/f.md", "src/g.json",
         "src/sub/h.py", "src/sub/i.txt", "src/sub/deep/j.md", "src/.hidden/k.txt", "src/l.csv", "src/m.js",
         "src/content/n.md", "src/content/x/o.md", "src/p.wasm?module", "src/q[1].txt", "src/r{a,b}.md", "top.txt",
         "data/s.json"]
HEAD = 'name = "up"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
CASES: dict[str, str] = {
    "defaults": "",
    "data-md": '[[rules]]\ntype = "Data"\nglobs = ["**/*.md"]\n',
    "text-json-fallthrough": '[[rules]]\ntype = "Text"\nglobs = ["**/*.json"]\nfallthrough = true\n',
    "text-json-shadows-defaults": '[[rules]]\ntype = "Text"\nglobs = ["**/*.json"]\n',
    "one-star": '[[rules]]\ntype = "Data"\nglobs = ["content/*"]\n',
    "globstar-tail": '[[rules]]\ntype = "Data"\nglobs = ["content/**"]\n',
    "no-additional": "find_additional_modules = false\n",
    "base-dir": 'base_dir = "."\n[[rules]]\ntype = "Data"\nglobs = ["**/*.json"]\n',
    "esm": '[[rules]]\ntype = "ESModule"\nglobs = ["**/*.js"]\n',
    "literal-brackets": '[[rules]]\ntype = "Data"\nglobs = ["**/q[1].txt", "r{a,b}.md", "**/*.md"]\n',
    "two-rules-same-type": ('[[rules]]\ntype = "Data"\nglobs = ["**/*.md"]\nfallthrough = true\n'
                            '[[rules]]\ntype = "Data"\nglobs = ["**/*.csv"]\n'),
    "first-rule-wins": '[[rules]]\ntype = "Data"\nglobs = ["**/*.txt"]\n',
}
TYPES = {"text": "Text", "buffer": "Data", "compiled-wasm": "CompiledWasm", "python": "PythonModule",
         "esm": "ESModule", "commonjs": "CommonJS"}
ROW = re.compile(r"^│ (\S.*?)\s+│ (\S+)\s+│")


def wrangler_modules(folder: Path) -> dict[str, str]:
    wrangler = HERE / "wrangler"
    out = subprocess.run([str(wrangler), "deploy", "--dry-run", "--outdir", str(folder.parent / (folder.name + "-out"))], cwd=folder,
                         capture_output=True, text=True, timeout=180)
    modules: dict[str, str] = {}
    for line in (out.stdout + out.stderr).splitlines():
        m = ROW.match(line)
        if m and m.group(1) not in ("Name",) and not m.group(1).startswith("Total"):
            modules[m.group(1)] = TYPES.get(m.group(2), m.group(2))
    if not modules and "Attaching additional modules" not in out.stdout and out.returncode != 0:
        raise RuntimeError(out.stdout + out.stderr)
    return modules


def our_modules(folder: Path) -> dict[str, str]:
    config = load_config(folder)
    uploads = uploads_of(config.merged, config.root, config.main_path, config.path)
    modules = {}
    for path in sorted(uploads.root.rglob("*")):
        if path.is_file() and path.name != "wrangler.toml":
            relative = path.relative_to(uploads.root).as_posix()
            if relative == uploads.main:
                continue
            kind = uploads.module_type(relative)
            if kind is not None:
                modules[relative] = kind
    return modules


def main() -> int:
    verbose = "-v" in sys.argv
    same = 0
    with tempfile.TemporaryDirectory(prefix="uploads-diff-") as tmp:
        for name, rules in CASES.items():
            folder = Path(tmp) / name
            for f in FILES:
                (folder / f).parent.mkdir(parents=True, exist_ok=True)
                (folder / f).write_text("x\n" if not f.endswith(".py") else "X = 1\n")
            (folder / "src/entry.py").write_text(
                "from workers import Response, WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
                "    async def fetch(self, request):\n        return Response('x')\n")
            (folder / "wrangler.toml").write_text(HEAD + rules)
            theirs, ours = wrangler_modules(folder), our_modules(folder)
            if theirs == ours:
                same += 1
                if verbose:
                    print(f"same  {name}: {theirs}")
            else:
                print(f"DIFF  {name}\n  wrangler:    {theirs}\n  workers-env: {ours}")
    print(f"{same}/{len(CASES)} cases: the same files with the same module types as wrangler deploy --dry-run")
    return 0 if same == len(CASES) else 1


if __name__ == "__main__":
    os.environ.setdefault("WRANGLER_SEND_METRICS", "false")
    sys.exit(main())
