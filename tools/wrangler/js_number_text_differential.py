"""Differential check of ``workers_env._jsvalues.js_string`` on numbers against node's ``String(x)``
(ECMAScript's Number::toString, which wrangler's messages and ``JSON.stringify`` use): seeded random
doubles -- any bit pattern, and numbers near the positional form's bounds (1e-7 .. 1e-6, 1e20 ..
1e22) and near 2**53 -- each handed to node as its exact bits.

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/js_number_text_differential.py [--count N] [--seed S]

Not part of the test run (it needs Node).
"""

from __future__ import annotations

import json
import random
import struct
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from workers_env._jsvalues import js_string  # noqa: E402

_NODE = """
const bits = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
const view = new DataView(new ArrayBuffer(8));
process.stdout.write(JSON.stringify(bits.map((b) => { view.setBigUint64(0, BigInt(b)); return String(view.getFloat64(0)); })));
"""


def doubles(count: int, seed: int) -> list[float]:
    rng = random.Random(seed)
    out: list[float] = []
    for index in range(count):
        kind = index % 4
        if kind == 0:
            out.append(struct.unpack(">d", struct.pack(">Q", rng.getrandbits(64)))[0])
        elif kind == 1:
            out.append(rng.choice((1, -1)) * 10 ** rng.uniform(-7.5, -5.5))
        elif kind == 2:
            out.append(rng.choice((1, -1)) * 10 ** rng.uniform(19.5, 22.5))
        else:
            out.append(float(rng.randint(2**52, 2**54)) * rng.choice((1, -1, 0.5, 1e-3)))
    return out


def main() -> int:
    args = sys.argv[1:]
    count = int(args[args.index("--count") + 1]) if "--count" in args else 5000
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    values = doubles(count, seed)
    bits = [struct.unpack(">Q", struct.pack(">d", x))[0] for x in values]
    out = subprocess.run([str(HERE / "node"), "-e", _NODE], input=json.dumps([str(b) for b in bits]),
                         capture_output=True, text=True, check=True)
    theirs = json.loads(out.stdout)
    differ = [(x, t, js_string(x)) for x, t in zip(values, theirs) if js_string(x) != t]
    for x, t, ours in differ[:20]:
        print(f"{x!r}: node {t}, workers-env {ours}")
    print(f"{len(values)} doubles (seed {seed}): js_string equals node's String(x) on {len(values) - len(differ)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
