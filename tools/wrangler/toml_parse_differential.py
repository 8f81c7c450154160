"""Differential check of TOML parsing: wrangler's reader (smol-toml 1.9.0 in wrangler 4.168.0's
``experimental_readRawConfig``, ``read_toml.js``) vs workers-env's ``read_config_file``, on every
text of ``toml_parse_cases.py``. Compares the verdict, the value read (dates as smol-toml's
``toISOString``, NaN/Infinity/-0 by name) and, on a refusal, the message and ``line:column``.

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/toml_parse_differential.py [--fuzz N --seed S]

``--fuzz N``: N more texts, each a case with one to four characters inserted, removed or replaced
(from TOML's punctuation, digits, letters, quotes, line ends and control characters), seeded.

Not part of the test run (it needs Node and wrangler).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from toml_parse_cases import CASES  # noqa: E402

from workers_env._errors import ConfigError  # noqa: E402
from workers_env.config import read_config_file  # noqa: E402
from workers_env.config.diagnostics.jsvalues import toml_date_text  # noqa: E402


def _tagged(value: Any, depth: int = 0) -> Any:
    """``value`` as ``read_toml.js`` tags wrangler's."""
    if depth > 50 and isinstance(value, (dict, list)):
        return {"$deep": True}
    if isinstance(value, (dt.date, dt.time)):
        return {"$date": toml_date_text(value)}
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value) or (value == 0 and math.copysign(1, value) < 0)):
        return {"$number": "NaN" if math.isnan(value) else "-0" if value == 0 else ("-" if value < 0 else "") + "Infinity"}
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dict):
        return {key: _tagged(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_tagged(item, depth + 1) for item in value]
    return value


def ours(path: Path) -> dict[str, Any]:
    try:
        return {"ok": True, "value": _tagged(read_config_file(str(path)))}
    except ConfigError as exc:
        text = str(exc)
        where = re.search(r":(\d+):(\d+):$", text, re.MULTILINE)
        return {"ok": False, "error": text.split("\n", 1)[0], "where": f"{where.group(1)}:{where.group(2)}" if where else None}
    except Exception as exc:  # a crash is a difference too
        return {"ok": False, "error": f"CRASH {type(exc).__name__}: {exc}", "where": None}


_ALPHABET = [*"[]{}=.,#\"' \t\n\r0123456789_+-:TZeExobinaf\\", "\x00", "\x01", "\x7f", "\ufeff", "\u00e9", "\U0001f600",
             '"""', "'''", "\\u", "\\U", "\r\n"]


def fuzzed(count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` cases each mutated in one to four places (seeded)."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        name, text = rng.choice(CASES)
        if len(text) > 2000:
            continue
        for _ in range(rng.randint(1, 4)):
            at = rng.randint(0, len(text))
            how = rng.random()
            piece = rng.choice(_ALPHABET)
            text = (text[:at] + piece + text[at:] if how < 0.4 else text[:at] + text[at + 1:] if how < 0.6
                    else text[:at] + piece + text[at + 1:])
        out.append((f"fuzz {seed}/{index} of {name}", text))
    return out


def main() -> int:
    args = sys.argv[1:]
    count = int(args[args.index("--fuzz") + 1]) if "--fuzz" in args else 0
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 1
    cases = fuzzed(count, seed) if count else CASES
    with tempfile.TemporaryDirectory(prefix="toml-diff-") as tmp:
        root = Path(tmp)
        files = []
        for index, (_, text) in enumerate(cases):
            folder = root / str(index)
            folder.mkdir()
            (folder / "wrangler.toml").write_bytes(text.encode("utf-8", "surrogatepass"))
            files.append(str(folder / "wrangler.toml"))
        (root / "files.json").write_text(json.dumps(files))
        out = subprocess.run([str(HERE / "node"), str(HERE / "read_toml.js"), str(root / "files.json")],
                             capture_output=True, text=True, check=True)
        theirs_all = json.loads(out.stdout)
        same_verdict = same = 0
        for (name, text), file, theirs in zip(cases, files, theirs_all):
            mine = ours(Path(file))
            same_verdict += mine["ok"] == theirs["ok"]
            if mine == theirs:
                same += 1
                continue
            print(f"## {name!r}: {text[:60]!r}")
            print(f"   wrangler:    {json.dumps(theirs, ensure_ascii=False)[:300]}")
            print(f"   workers-env: {json.dumps(mine, ensure_ascii=False)[:300]}")
        print(f"\n{len(cases)} TOML texts: same verdict on {same_verdict}; "
              f"same value or same error (message and line:column) on {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
