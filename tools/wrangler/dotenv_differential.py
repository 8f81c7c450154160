"""Differential check of workers-env's ``.env`` expansion against wrangler's own (outside the test run).

wrangler 4 reads ``.env`` files when a project has no ``.dev.vars`` and expands their ``${VAR}``
references with the ``dotenv-expand`` bundled in ``wrangler-dist/cli.js``. This script lifts that
module's ``expand`` out of the installed wrangler, runs it under Node on random ``.env`` value sets
(references with and without braces, ``:-``, ``-``, ``:+``, ``+``, escaped ``\\$``, ``$$``, JavaScript
replacement patterns such as ``$&``, values from the process environment) and compares every
result with ``workers_env.config.devvars._expand``. Where dotenv-expand never returns (its
replacements keep producing new references), wrangler dev hangs; workers-env must refuse the value
instead.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/dotenv_differential.py [--cases 3000] [--seed 5]

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from workers_env import ConfigError  # noqa: E402
from workers_env.config.devvars import _expand  # noqa: E402

NODE = ROOT / "tools" / "wrangler" / "node"
HARNESS = """
const fs = require("fs");
const cases = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const out = cases.map(([parsed, proc]) => {
  const env = {...proc};
  try { expand({processEnv: env, parsed: {...parsed}}); }
  catch (e) { return e.message === "endless" ? "NEVER RETURNS" : "THROWS " + e.message; }
  return env;
});
console.log(JSON.stringify(out));
"""


def wrangler_expand() -> str:
    """dotenv-expand's functions from the installed wrangler's cli.js, with a guard that turns
    its endless loops into an exception (it has none of its own) at the limits workers-env
    refuses at (10,000 replacements, 1,000,000 characters). Any other exception is reported as
    ``THROWS`` (``${constructor}`` makes wrangler's copy call ``Object`` as a replacer)."""
    wrangler = Path(os.environ.get("WORKERS_ENV_WRANGLER_DIR", Path.home() / ".cache/workers-env/wrangler"))
    bundle = (wrangler / "node_modules/wrangler/wrangler-dist/cli.js").read_text()
    start = bundle.index("function _resolveEscapeSequences(value)", bundle.index("node_modules/dotenv-expand/lib/main.js"))
    # 4.164.0's esbuild bundle names it module2, 4.168.0's rolldown bundle module (its copy of 12.0.2 first,
    # which loadDotEnv uses; 13.0.0's, later, is the same code)
    end = re.compile(r"module\d*\.exports\.expand").search(bundle, start).start()
    source = re.sub(r"__name\([^)]*\);", "", bundle[start:end])
    source, found = re.subn(
        r"while \(\((match\w*) = (regex\w*)\.exec\(result\)\) !== null\) \{",
        lambda m: (f"let guard = 0;\n while (({m.group(1)} = {m.group(2)}.exec(result)) !== null) {{\n"
                   " if (++guard > 10000 || result.length > 1000000) throw new Error('endless');"),  # workers-env's limits
        source, count=1)
    assert found == 1, "dotenv-expand's loop not found in cli.js"
    name = re.search(r"function (expand\d*)\(options\)", source)
    assert name is not None, "dotenv-expand's expand() not found in cli.js"
    alias = "" if name.group(1) == "expand" else f"\nconst expand = {name.group(1)};\n"  # (4.168.0's is expand)
    return source + alias + HARNESS


def random_cases(count: int, seed: int) -> list[list[dict[str, str]]]:
    rng = random.Random(seed)
    keys = ["A", "B", "C", "NOPE", "word", "X_1"]

    def value() -> str:
        pieces = []
        for _ in range(rng.randint(0, 4)):
            k = rng.choice(keys)
            pieces.append(rng.choice([
                "lit", "$$", "\\$", f"${{{k}}}", f"${k}", f"${{{k}:-d}}", f"${{{k}-d2}}", f"${{{k}:+alt}}",
                f"${{{k}+alt2}}", "pa$$word", "$&", "x$`y", "$'", f"${{{k}:-${{{k}}}}}", " ", "-", "null",
            ]))
        return "".join(pieces)

    cases = []
    for _ in range(count):
        parsed = {k: value() for k in rng.sample(keys, rng.randint(1, len(keys)))}
        process = {rng.choice(keys): value()} if rng.random() < 0.3 else {}
        cases.append([parsed, process])
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    cases = random_cases(args.cases, args.seed)
    with tempfile.TemporaryDirectory() as folder:
        script, data = Path(folder, "expand.js"), Path(folder, "cases.json")
        script.write_text(wrangler_expand())
        data.write_text(json.dumps(cases))
        run = subprocess.run([str(NODE), str(script), str(data)], capture_output=True, text=True, check=True)
    theirs = json.loads(run.stdout)
    same = endless = 0
    differences = []
    for (parsed, process), expected in zip(cases, theirs):
        try:
            ours: object = _expand(dict(parsed), dict(process))
        except ConfigError:
            ours = "NEVER RETURNS"
        if ours == expected:
            same += 1
            endless += ours == "NEVER RETURNS"
        else:
            differences.append((parsed, process, ours, expected))
    for parsed, process, ours, expected in differences[:10]:
        print(f"DIFF {parsed} {process}\n  ours:     {ours}\n  wrangler: {expected}")
    print(f"{len(cases)} cases: {same} the same ({endless} of them values wrangler never finishes expanding, "
          f"which workers-env refuses by name), {len(differences)} different")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
