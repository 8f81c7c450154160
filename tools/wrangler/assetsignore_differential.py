"""Differential check of ``.assetsignore``: wrangler's own ``createAssetsIgnoreFunction`` (taken out
of the installed wrangler's bundle with the ``ignore`` 5.3.1 it bundles) against workers-env's
``Manifest`` on the same folder, for a corpus of ``.assetsignore`` texts x file paths.

For each text the tool writes ``.assetsignore`` into a scratch folder, asks wrangler's function
for each path (``assetsIgnoreFunction(path)``: ignored or not, or the error it throws while
reading the rules), and asks ``Manifest(folder)`` the same (``get("/" + path)`` is ``None`` for an
ignored file, which exists in the folder; a refused file is a ``ConfigError``).

    WORKERS_ENV_WRANGLER_DIR=/path/to/wrangler python tools/wrangler/assetsignore_differential.py [-v]

Not part of the test run (it needs Node and wrangler); offline once installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from workers_env import ConfigError  # noqa: E402
from workers_env.assets.manifest import Manifest  # noqa: E402

HARNESS = r"""
const fs14 = require("fs"), util = require("util"), path30 = require("path");
const CF_ASSETS_IGNORE_FILENAME = ".assetsignore", REDIRECTS_FILENAME = "_redirects", HEADERS_FILENAME = "_headers";
class InvalidAssetsIgnoreError extends Error {}
var import_ignore = {default: require_ignore()};
(async () => {
  const cases = JSON.parse(fs14.readFileSync(0, "utf8"));
  const out = [];
  for (const [dir, paths] of cases) {
    try {
      const { assetsIgnoreFunction } = await createAssetsIgnoreFunction(dir);
      out.push(paths.map((p) => assetsIgnoreFunction(p)));
    } catch (e) {
      out.push("THROWS " + e.message);
    }
  }
  process.stdout.write(JSON.stringify(out));
})();
"""

SHIM = ("var __commonJS = (cb, mod) => function __require() { return mod || "
        "(0, cb[Object.keys(cb)[0]])((mod = {exports: {}}).exports, mod), mod.exports; };\n"
        "function init_import_meta_url() {}\nvar __name = (f) => f;\n")

#: whitespace of each kind JavaScript's ``\s`` and Python's ``str.isspace`` count (or not)
SPACES = [" ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\ufeff", "\u3000"]
TEXTS = [f"a{w}" for w in SPACES] + [f"{w}a" for w in SPACES] + [f"a{w}b" for w in SPACES] \
    + [f"a\\{w}" for w in SPACES] + [f"a{w}\nb" for w in SPACES] + [f"{w}" for w in SPACES] + [
    "a\rb\r", "a\r\nb\r\n", "a\n\n\nb", "\\#a", "\\!a", "!a\na", "a\n!a", "*.txt\n!keep.txt", "/a", "a/", "d/**",
    "**/b", "a\\", "a\\\\", "a\\\\ ", "a\\\\\\ ", "a\\\\\x1c", "a\\\\\\\x1c", "a\\\x1c", "**", "*", "a/**/b", "/*.txt",
    "a[!b]", "a[^b]", "a[b-]", "\\*", "a**b", "[z-a]", "[é-a]", "a/*", "*/", "!*/", "d/\n!d/x", "d\n!d/x", "[", "a[",
    "\\[a]", "a\\ b", " #a", "a #c", "[ab]", "a?", "a\\?", "dir\n", "\u2028a", "a\u2029b", "A", "KEEP.TXT", "*.TXT",
    "D/", "a\\d", "a\\D", "[\\d]", "\\x41", "a\\u00e9", "a\\n", "a\\b", "a{2}", "a}", "[[a]]", "a.b", "a+", "(a)",
    "a|b", "$a", "^a", "d/*/f", "d/**/f", "**/e/", "!/.assetsignore", "!_headers", "#x\na", "\\#x", "é", "É", "[\\d-z]", "[a-\\d]", "[\\w-]", "a\\c", "a\\c1",
    "a\\cA", "[\\b]", "a\\0", "a\\08", "a\\101", "a\\8", "[\\x41-\\x5a]", "[\\s]", "[\\S]", "[a\\]]", "a\\k", "a\\p",
]
PATHS = ["a", "b", "A", " a", "a ", "a\tb", "a\rb", "a\x0cb", "a\x1c", "x.txt", "keep.txt", "KEEP.TXT", "d/x",
         "d/e/f", "D/x", "c/b", "#a", "!a", "a\\", "dir", "dir/x", "aa", "ab", "a!", "a#c", "a\u2029b", "a\ufeff",
         "\ufeffa", "\u2028a", "\x85", "a5", "aX", "a.b", "axb", "a{2}", "a}", "[a]", "$a", "^a", "é", "É",
         ".assetsignore", ".ASSETSIGNORE", "_headers", "_HEADERS", "_redirects", "_headers/x", "x/_headers", "a\\c", "a\x01", "a\x00"]


def wrangler_function() -> str:
    """ignore 5.3.1 and wrangler's ``createPatternMatcher``..``createAssetsIgnoreFunction``,
    from the installed wrangler's cli.js."""
    wrangler = Path(os.environ.get("WORKERS_ENV_WRANGLER_DIR", Path.home() / ".cache/workers-env/wrangler"))
    bundle = (wrangler / "node_modules/wrangler/wrangler-dist/cli.js").read_text()
    start = bundle.index("// ../../node_modules/.pnpm/ignore@5.3.1/node_modules/ignore/index.js")
    end = bundle.index("\n// ", start + 10)
    helpers = bundle.index("function createPatternMatcher(patterns, exclude)")
    helpers_end = bundle.index("var import_ignore,", helpers)
    return SHIM + bundle[start:end] + bundle[helpers:helpers_end] + HARNESS


def ours(folder: Path, paths: list[str]) -> list[bool] | str:
    manifest = Manifest(folder)
    try:
        manifest.check_limits()  # (reads the rules as a load does: refused lines are refused here)
    except ConfigError as exc:
        return f"THROWS {str(exc).splitlines()[0]}"
    return [manifest._ignored(path) for path in paths]


def main() -> int:
    verbose = "-v" in sys.argv
    with tempfile.TemporaryDirectory() as scratch:
        folders = []
        for i, text in enumerate(TEXTS):
            folder = Path(scratch) / str(i)
            folder.mkdir()
            (folder / ".assetsignore").write_text(text, encoding="utf-8", newline="")
            folders.append(folder)
        script = Path(scratch) / "harness.js"
        script.write_text(wrangler_function())
        done = subprocess.run(["node", str(script)], input=json.dumps([[str(f), PATHS] for f in folders]),
                              capture_output=True, text=True, check=True)
        theirs = json.loads(done.stdout)
        same = total = 0
        for text, folder, answer in zip(TEXTS, folders, theirs):
            mine = ours(folder, PATHS)
            if isinstance(answer, str) or isinstance(mine, str):
                total += 1
                alike = isinstance(answer, str) and isinstance(mine, str) and answer.split(":")[:2] == mine.split(":")[:2]
                same += alike
                if not alike or verbose:
                    print(f"{'same' if alike else 'DIFF'} {text!r}: wrangler {answer!r}, workers-env {mine!r}")
                continue
            for path, a, b in zip(PATHS, answer, mine):
                total += 1
                same += a == b
                if a != b:
                    print(f"DIFF {text!r} {path!r}: wrangler {'ignores' if a else 'keeps'}, workers-env "
                          f"{'ignores' if b else 'keeps'}")
    print(f"{same}/{total} same ({len(TEXTS)} texts x {len(PATHS)} paths; a text wrangler refuses counts once)")
    return 0 if same == total else 1


if __name__ == "__main__":
    sys.exit(main())
