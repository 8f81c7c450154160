"""Differential check of ``Number.prototype.toString(radix)`` (workers-env's port of V8's
``DoubleToRadixStringView``) against V8 itself, Node's (outside the test run).

Random doubles -- a quarter each: any bit pattern, a uniform fraction in [0, 1), a number
about a power of two from 2**-1074 to 2**1023, a few-digit decimal (``123.456``) -- plus the
hand-picked edges (denormals, 2**53 +- 1, 1e21, 1e-7, ``Number.MAX_VALUE``), each written in
every radix 2-36 but 10 by Node and by ``js.Number.new(x).toString(radix)``; the doubles travel
as their 64-bit patterns, so both sides read the same double.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/radix_differential.py [--count 10000] [--seed 48]
    ... --pin tests/v8_radix_cases.json --count 10   # (re)write the test's pinned cases, Node's answers

Prints the figure (same / all) and the first differences; exit 1 if any differ. Not collected
by pytest (needs Node).
"""

from __future__ import annotations

import argparse
import json
import random
import struct
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from workers_env import js  # noqa: E402

RADIXES = [r for r in range(2, 37) if r != 10]
EDGES = [5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1e-7, 1e-300, 0.1, 0.5, -255.5,
         3.14159, 1e21, 1e300, 1.7976931348623157e308, -1.7976931348623157e308, 2.0**53 - 1, 2.0**53, 2.0**53 + 2,
         2.0**64, 4503599627370495.5, 0.9999999999999999, 1 - 2**-53, 1.5, 2.5, 1 / 3, 2 / 3, 0.0, -0.0]

NODE_SCRIPT = r"""
const lines = require("fs").readFileSync(0, "utf8").trim().split("\n");
const view = new DataView(new ArrayBuffer(8));
const out = lines.map((line) => {
  const [bits, radix] = line.split(" ");
  view.setBigUint64(0, BigInt("0x" + bits));
  return view.getFloat64(0).toString(Number(radix));
});
process.stdout.write(JSON.stringify(out));
"""


def bits(value: float) -> str:
    return struct.pack(">d", value).hex()


def from_bits(text: str) -> float:
    return float(struct.unpack(">d", bytes.fromhex(text))[0])


def random_doubles(count: int, rng: random.Random) -> list[float]:
    values: list[float] = []
    while len(values) < count:
        kind = len(values) % 4
        if kind == 0:
            value = from_bits(f"{rng.getrandbits(64):016x}")
            if value != value or value in (float("inf"), float("-inf")):
                continue
        elif kind == 1:
            value = rng.random()
        elif kind == 2:
            value = rng.choice((1, -1)) * rng.random() * 2.0 ** rng.randint(-1074, 1023)
        else:
            value = round(rng.uniform(-1e6, 1e6), rng.randint(0, 6))
        values.append(value)
    return values


def node_strings(pairs: list[tuple[float, int]]) -> list[str]:
    node = HERE / "node"
    stdin = "\n".join(f"{bits(v)} {r}" for v, r in pairs)
    done = subprocess.run([str(node), "-e", NODE_SCRIPT], input=stdin, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="random doubles (each in every radix)")
    parser.add_argument("--seed", type=int, default=48)
    parser.add_argument("--pin", help="write [bits, radix, Node's text] cases to this JSON file instead")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    values = EDGES + random_doubles(args.count, rng)
    if args.pin:  # a few hundred: the edges in every radix, the random ones each in one radix
        pairs = [(v, r) for v in EDGES for r in (2, 3, 8, 16, 36)] + [(v, rng.choice(RADIXES)) for v in values[len(EDGES):]]
    else:
        pairs = [(v, r) for v in values for r in RADIXES]
    theirs = node_strings(pairs)
    if args.pin:
        rows = [[bits(v), r, text] for (v, r), text in zip(pairs, theirs)]
        Path(args.pin).write_text("[\n" + ",\n".join(json.dumps(row) for row in rows) + "\n]\n")
        print(f"{len(rows)} cases written to {args.pin} (Node {subprocess.run([str(HERE / 'node'), '--version'], capture_output=True, text=True).stdout.strip()})")
        return 0
    differ = [(v, r, t, o) for (v, r), t in zip(pairs, theirs) if (o := js.Number.new(v).toString(r)) != t]
    print(f"{len(pairs) - len(differ)} / {len(pairs)} agree ({len(values)} doubles x {len(RADIXES)} radixes, seed {args.seed})")
    for v, r, t, o in differ[:20]:
        print(f"  {v!r} ({bits(v)}) radix {r}: node {t!r}, ours {o!r}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
