"""Differential check of ``migrations_pattern`` matching: wrangler's minimatch against workers-env's
port and Python glob libraries (outside the test run).

wrangler 4.164 reads a D1 entry's ``migrations_pattern`` with the minimatch 5.1.9 (brace-expansion
2.1.7, balanced-match 1.0.2) bundled in ``wrangler-dist/cli.js``: ``normalizeRelativePath`` turns
``\\`` into ``/`` and ``posix.normalize``s the pattern, ``stripDirPrefix`` cuts ``<migrations_dir>/``,
and ``listFilesRelative`` walks the folder with ``new Minimatch(rest, {dot: false})``, entering a
folder only when ``match(folder, true)`` (partial) says the pattern could still match below it;
``migrations create`` matches the whole pattern against ``<migrations_dir>/<new file>``. This script
lifts those functions out of the installed wrangler, runs them under Node, and compares, pair by
pair, on hand-written patterns and paths like D1 users write (``*.sql``, ``*/migration.sql``,
``**/*.sql``, braces, extglobs, classes, dot files, negation, Windows separators, ``./`` and ``..``)
and seeded random ones (each random pattern with paths built to match it and near misses):

* the configs: wrangler's refusal or directory-relative pattern against ``migration_pattern.resolve``;
* every pair: ``match(path)`` (``full``), ``match(path, true)`` (``partial``) and whether the walk
  lists the file (``found``: every parent folder's partial match and the file's full match);
* the same against Python libraries, each behind the same thin frame (a leading ``#`` matches
  nothing, the empty pattern only the empty path, each leading ``!`` flips the answer, as minimatch
  reads them): ``wcmatch.glob.globmatch`` (``GLOBSTAR | BRACE | EXTGLOB | FORCEUNIX``, ``limit``
  100,000 as brace-expansion's cap), ``fnmatch.fnmatchcase``, and on Python 3.13 ``glob.translate``
  (``recursive=True, include_hidden=False, seps="/"``) and ``PurePosixPath.full_match``. None of
  them has minimatch's partial match, so their ``found`` is a walk that enters every folder.

Pairs are reported in three groups: "hand-written" and "random" ones went through
``normalizeRelativePath`` (all wrangler can hand minimatch: no ``\\``, no ``.``/``..``/empty
segments); "raw" ones keep ``\\`` escapes, which wrangler never passes on. Paths are what
``readdirSync`` can name (no empty, ``.`` or ``..`` segment), some with an emoji or a line break. ``--npm DIR`` also runs ``require("minimatch")`` from an ``npm install
minimatch@5.1.9`` (brace-expansion pinned to 2.1.7) in DIR and requires it to answer as wrangler's
copy does.

    pip install --target /tmp/globlib-py wcmatch        # not a project dependency
    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=$PWD python3 \\
        tools/wrangler/migration_pattern_differential.py --site /tmp/globlib-py \\
        [--python313 ~/.pyenv/versions/3.13.0/bin/python3] [--npm /tmp/globlib-npm] [--random 1500] [--seed 7]

Not collected by pytest (needs Node and wrangler's bundle). Exit status 0 when the port agrees with
wrangler on every config and pair (the libraries' figures are reported, not required).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
NODE = ROOT / "tools" / "wrangler" / "node"

HARNESS = """
const fs = require("fs");
const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const Minimatch = process.argv[3] ? require(process.argv[3]).Minimatch : import_minimatch.Minimatch;
const configs = input.configs.map(([dir, pattern]) => {
  // resolveMigrationsConfig's two checks, then getD1MigrationFiles' (wrangler-dist/cli.js)
  if (pattern !== null && dir === null) return {refused: "no migrations_dir"};
  const d = normalizeRelativePath(dir === null ? "./migrations" : dir);
  if (pattern === null) return {relative: "*.sql", full: normalizeRelativePath(`${d}/*.sql`)};
  const full = normalizeRelativePath(pattern);
  let relative;
  try { relative = stripDirPrefix(full, d); } catch (e) { return {refused: "prefix"}; }
  try { new Minimatch(relative, {dot: false}); } catch (e) { return {refused: "THROWS " + e.message}; }
  return {relative, full};
});
const cache = new Map();
const pairs = input.pairs.map(([pattern, path]) => {
  let mm = cache.get(pattern);
  if (mm === undefined) {
    try { mm = new Minimatch(pattern, {dot: false}); } catch (e) { mm = "THROWS " + e.message; }
    cache.set(pattern, mm);
  }
  if (typeof mm === "string") return mm;
  const match = (p, partial) => { try { return mm.match(p, partial); } catch (e) { return "THROWS " + e.message; } };
  const full = match(path, false), partial = match(path, true);
  const segments = path.split("/");
  let found = full;
  for (let i = 1; found === true && i < segments.length; i++) found = match(segments.slice(0, i).join("/"), true);
  return [full, partial, found];
});
console.log(JSON.stringify({configs, pairs}));
"""

STDLIB_313 = """
import glob, json, re, sys
from pathlib import PurePosixPath
pairs = json.load(sys.stdin)
def run(match):
    out = []
    for pattern, path in pairs:
        try:
            out.append(bool(match(pattern, path)))
        except Exception as e:
            out.append("THROWS " + type(e).__name__)
    return out
compiled = {}
def translate(pattern, path):
    if pattern not in compiled:
        compiled[pattern] = re.compile(glob.translate(pattern, recursive=True, include_hidden=False, seps="/"))
    return compiled[pattern].fullmatch(path)
print(json.dumps({"glob.translate": run(translate),
                  "PurePosixPath.full_match": run(lambda p, f: PurePosixPath(f).full_match(p))}))
"""


def wrangler_minimatch() -> str:
    """minimatch 5.1.9 with its brace-expansion and balanced-match, and wrangler's
    ``normalizeRelativePath``/``stripDirPrefix``, from the installed wrangler's cli.js."""
    wrangler = Path(os.environ.get("WORKERS_ENV_WRANGLER_DIR", Path.home() / ".cache/workers-env/wrangler"))
    bundle = (wrangler / "node_modules/wrangler/wrangler-dist/cli.js").read_text()
    if "//#region ../../node_modules/.pnpm/minimatch@5.1.9/node_modules/minimatch/lib/path.js" in bundle:
        return _rolldown_minimatch(bundle)  # wrangler 4.168.0's bundle
    start = bundle.index("// ../../node_modules/.pnpm/minimatch@5.1.9/node_modules/minimatch/lib/path.js")
    end = bundle.index("function getD1MigrationFiles(options)", start)
    helpers = bundle.index("function normalizeRelativePath(", end)
    helpers_end = bundle.index("function listFilesRelative(", helpers)
    shim = ("var __commonJS = (cb, mod) => function __require() { return mod || "
            "(0, cb[Object.keys(cb)[0]])((mod = {exports: {}}).exports, mod), mod.exports; };\n"
            "function init_import_meta_url() {}\nvar __name = (f) => f;\n"
            "var path30__namespace = {default: require('path')};\n")
    return (shim + bundle[start:end] + bundle[helpers:helpers_end]
            + "var import_minimatch = require_minimatch();\n" + HARNESS)


def _rolldown_minimatch(bundle: str) -> str:
    """The same pieces from wrangler 4.168.0's rolldown bundle: its CommonJS wrapper is ``__commonJSMin$2``,
    ``stripDirPrefix`` is ``stripDirPrefix$1`` there and ``path`` is ``node_path.default``."""
    start = bundle.index("//#region ../../node_modules/.pnpm/minimatch@5.1.9/node_modules/minimatch/lib/path.js")
    end = bundle.index("//#endregion", bundle.index("var require_minimatch = ", start))  # minimatch.js' region
    helpers = bundle.index("function normalizeRelativePath(", bundle.index("function getD1MigrationFiles(options)", end))
    helpers_end = bundle.index("function listFilesRelative(", helpers)
    shim = ("var __commonJSMin$2 = (cb, mod) => () => (mod || (cb((mod = { exports: {} }).exports, mod, "
            "mod.exports), cb = null), mod.exports);\nvar __name$2 = (f) => f;\n"
            "var node_path = {default: require('path')};\n")
    return (shim + bundle[start:end] + "\n" + bundle[helpers:helpers_end] + "var stripDirPrefix = stripDirPrefix$1;\n"
            + "var import_minimatch = require_minimatch();\n" + HARNESS)


# -- the corpus ---------------------------------------------------------------------------------
#: (migrations_dir, migrations_pattern) as configs spell them; None is "not set".
CONFIGS = [
    (None, None), ("migrations", None), ("./migrations", None), ("migrations/", None), (".", None),
    (None, "migrations/*.sql"), ("migrations", "migrations/*.sql"), ("./migrations", "migrations/*.sql"),
    ("migrations", "./migrations/*.sql"), ("migrations", "migrations\\*.sql"), ("migrations\\", "migrations/*.sql"),
    ("migrations", "migrations//*.sql"), ("migrations", "migrations/./*.sql"), ("migrations", "migrations/x/../*.sql"),
    ("migrations", "migrations/*/migration.sql"), ("migrations", "migrations\\*\\migration.sql"),
    ("migrations", "migrations/**/*.sql"), ("migrations", "migrations/**"), ("migrations", "migrations/"),
    ("migrations", "migrations"), ("migrations", "other/*.sql"), ("migrations", "migrationsx/*.sql"),
    ("migrations", "*.sql"), ("migrations", "migrations/{a,b}/*.sql"), ("migrations", "{migrations,x}/*.sql"),
    ("migrations", "!migrations/*.sql"), ("migrations", "#migrations/*.sql"), ("migrations", "migrations/#*.sql"),
    ("migrations", "migrations/!(*.down).sql"), ("./drizzle", "drizzle/*/migration.sql"),
    ("drizzle", "./drizzle/*/migration.sql"), ("db/migrations", "db/migrations/*.sql"),
    ("db\\migrations", "db\\migrations\\*.sql"), ("db/migrations", "db/*/*.sql"), (".", "*.sql"), (".", "./*.sql"),
    (".", "**/*.sql"), ("", "*.sql"), ("migrations", ""), ("migrations", "migrations/" + "a" * 70_000),
    ("migrations", "migrations/*.sql/"), ("migrations", "/migrations/*.sql"), ("/abs/m", "/abs/m/*.sql"),
    ("migrations", "migrations/../migrations/*.sql"), ("../shared/migrations", "../shared/migrations/*.sql"),
    ("migrations", "migrations/" + "{" * 1200 + "a" + "}" * 1200),
]

#: Directory-relative patterns D1 users write, and ones that test each rule.
PATTERNS = [
    "*.sql", "*/migration.sql", "**/*.sql", "**/migration.sql", "*/*.sql", "*/*", "*", "**", "0*.sql",
    "[0-9][0-9][0-9][0-9]_*.sql", "[0-9]*.sql", "[!0]*.sql", "[^0]*.sql", "[a-z]*.sql", "[z-a]*.sql", "[]]*.sql",
    "[[:digit:]]*.sql", "{0001,0002}_*.sql", "*.{sql,SQL}", "**/*.{sql,txt}", "{a,b}/*.sql", "{,*/}*.sql",
    "{0001..0003}_*.sql", "00{01..10}_*.sql", "{a..c}*.sql", "{1..9..2}*.sql", "{}*.sql", "{x}*.sql", "{a,b",
    "*.up.sql", "!*.down.sql", "!(*.down).sql", "*.!(down).sql", "+([0-9])_*.sql", "@(0001|0002)*/migration.sql",
    "?(0)*.sql", "*(0)1_*.sql", "*/**/migration.sql", "**/0001*/*.sql", ".*.sql", ".drafts/*.sql", ".*/*.sql",
    "*/.*", "!**/.*", "!", "!!*.sql", "#*.sql", "", "?", "????_*.sql", "*_init*", "*init*/*", "0001_init.sql",
    "0001_init/migration.sql", "*.SQL", "**/*", "a/**/b", "**/**/*.sql", "*/**", "**/", "*/", "a**b.sql",
    "(x).sql", "x[1].sql", "a b.sql", "é*.sql", "$*.sql", "+*.sql", "*.sql.bak", "*.{sql,sql.bak}",
    "{0001_init/,}*.sql", "@(0001_init|meta)/*", "!(meta)/*", "!(meta)/*.{sql,json}", "*/!(snapshot).*",
]

#: Paths under migrations_dir, as Node's readdirSync names them (a Linux file name may hold ``\\``).
PATHS = [
    "0001_init.sql", "0002_users.sql", "0010_x.sql", "0001_init/migration.sql", "0001_init/snapshot.json",
    "0002_users/migration.sql", "meta/_journal.json", "meta/0000_snapshot.json", ".hidden.sql", ".drafts/0003.sql",
    ".drafts/sub/0004.sql", "0001_init.down.sql", "0001_init.up.sql", "README.md", "sub/dir/0004.sql",
    "0005_UPPER.SQL", "a b.sql", "é.sql", "(x).sql", "x[1].sql", "{a}.sql", "{}.sql", "a\\b.sql", "0006.sql.bak",
    "a/b", "a/x/b", "a/x/y/b", "a/.x/b", "ab.sql", "axb.sql", "a.sql", "b/0001.sql", "c/0001.sql", "1.sql",
    "3x.sql", "0.sql", "01_x.sql", "00_x.sql", "]x.sql", "$.sql", "+x.sql", "0001_init", "meta", ".drafts",
    "sub", "sub/dir", "0001_init/.migration.sql", "0001_init/nested/migration.sql", "x.txt", "x/y.txt",
    "!x.sql", "#x.sql", "*.sql", "x", "0001_init/migration.SQL", "\U0001F600_a.sql", "a\nb.sql", "\n.sql",
]

_TOKENS = [
    # (pattern text, texts it matches); a text list of None means "random name characters"
    ("a", ["a"]), ("b", ["b"]), ("0001", ["0001"]), ("_init", ["_init"]), ("migration", ["migration"]),
    (".sql", [".sql"]), (".", ["."]), ("-", ["-"]), ("*", None), ("*", None), ("?", ["a", "0", ".", "-"]),
    ("[a-c]", ["a", "b", "c"]), ("[!a-c]", ["x", "."]), ("[^0-9]", ["q", "."]), ("[0-9]", ["0", "7"]),
    ("[]a]", ["]", "a"]), ("[z-a]", ["z"]), ("[a-]", ["a", "-"]), ("[[:alpha:]]", ["a"]), ("[", ["["]),
    ("{a,b}", ["a", "b"]), ("{1..3}", ["1", "2", "3"]), ("{01..10}", ["01", "05", "10"]), ("{a..c}", ["a", "c"]),
    ("{,x}", ["", "x"]), ("{x}", ["{x}"]), ("{}", ["{}"]), ("{a,{b,c}}", ["a", "c"]), ("{a,b/c}", ["a", "b/c"]),
    ("{3..1..2}", ["3", "1"]), ("@(a|b)", ["a", "b"]), ("!(a)", ["b", "", "aa"]), ("+(a|b)", ["ab", "a"]),
    ("*(a)", ["", "aa"]), ("?(x)", ["", "x"]), ("@(a|*.sql)", ["a", "z.sql"]), ("!(*.sql)", ["x.txt", "a"]),
    ("(", ["("]), (")", [")"]), ("|", ["|"]), ("$", ["$"]), ("^", ["^"]), ("+", ["+"]), ("é", ["é"]),
    ("\U0001F600", ["\U0001F600"]), ("??", ["\U0001F600", "ab"]), ("\n", ["\n"]), ("[\n]", ["\n"]),
]
_ESCAPES = [("\\*", ["*"]), ("\\?", ["?"]), ("\\{a,b}", ["{a,b}"]), ("\\[a]", ["[a]"]), ("\\!(a)", ["!(a)"]),
            ("\\\\", ["\\"]), ("\\a", ["a"])]
_NAME_CHARS = "ab0_.-x"


def random_patterns(count: int, seed: int, escapes: bool) -> list[tuple[str, list[str]]]:
    """Seeded random directory-relative patterns, each with paths built to match it and near misses."""
    rng = random.Random(seed)
    tokens = _TOKENS + (_ESCAPES if escapes else [])
    out = []
    for _ in range(count):
        pattern_segments: list[str] = []
        paths = [[] for _ in range(3)]
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4])):
            if rng.random() < 0.12:
                pattern_segments.append("**")
                for p in paths:
                    p.extend(rng.choice(["a", "0001_x", ".d", "b"]) for _ in range(rng.choice([0, 0, 1, 2])))
                continue
            segment, texts = "", ["", "", ""]
            if rng.random() < 0.1:
                segment, texts = ".", ["."] * 3
            for _ in range(rng.choice([1, 2, 2, 3])):
                text, matches = rng.choice(tokens)
                segment += text
                texts = [t + (rng.choice(matches) if matches is not None else
                              "".join(rng.choice(_NAME_CHARS) for _ in range(rng.randint(0, 3)))) for t in texts]
            pattern_segments.append(segment)
            for p, t in zip(paths, texts):
                p.append(t)
        pattern = "/".join(pattern_segments)
        roll = rng.random()
        if roll < 0.08:
            pattern = "!" + pattern
        elif roll < 0.1:
            pattern = "#" + pattern
        candidates = ["/".join(p) for p in paths]
        near = []
        for path in candidates:
            near.append(rng.choice([
                "." + path, path + ".bak", path + "/x", path.rsplit("/", 1)[0], "x" + path, path.replace("a", "b"),
                path.upper(), path.replace("/", "/.", 1), "a/" + path]))
        out.append((pattern, [p for p in candidates + near if all(s not in ("", ".", "..") for s in p.split("/"))]))
    return out


# -- the libraries ------------------------------------------------------------------------------
def minimatch_frame(match: Callable[[str, str], bool]) -> Callable[[str, str], object]:
    """A library's ``match(pattern, path)`` behind minimatch's reading of ``#``, ``""`` and leading ``!``s."""

    def run(pattern: str, path: str) -> object:
        if pattern.startswith("#"):
            return False
        if pattern == "":
            return path == ""
        bangs = len(pattern) - len(pattern.lstrip("!"))
        try:
            answer = match(pattern[bangs:], path)
        except Exception as error:  # (a library's refusal counts as an answer of its own)
            return f"THROWS {type(error).__name__}"
        return answer if isinstance(answer, str) else bool(answer) != (bangs % 2 == 1)

    return run


def libraries() -> dict[str, Callable[[str, str], object] | str]:
    """Each measured library's framed matcher, or why it cannot be measured here."""
    import fnmatch

    found: dict[str, Callable[[str, str], object] | str] = {}
    try:
        from wcmatch import glob as wglob
        from wcmatch import __meta__ as wmeta

        flags = wglob.GLOBSTAR | wglob.BRACE | wglob.EXTGLOB | wglob.FORCEUNIX
        found[f"wcmatch {wmeta.__version__}"] = minimatch_frame(
            lambda p, f: wglob.globmatch(f, p, flags=flags, limit=100_000))
    except ImportError:
        found["wcmatch"] = "not importable: pip install --target DIR wcmatch and pass --site DIR"
    found["fnmatch.fnmatchcase"] = minimatch_frame(lambda p, f: fnmatch.fnmatchcase(f, p))
    return found


def stdlib_313(python: str | None, pairs: list[tuple[str, str]]) -> dict[str, list[object]] | str:
    """``glob.translate`` and ``PurePosixPath.full_match`` answers from a Python 3.13, unframed."""
    if not python:
        return "no Python 3.13 given (--python313)"
    run = subprocess.run([python, "-c", STDLIB_313], input=json.dumps(pairs), capture_output=True, text=True)
    if run.returncode:
        return f"{python} failed: {run.stderr.strip().splitlines()[-1:]}"
    return json.loads(run.stdout)


# -- comparing ------------------------------------------------------------------------------------
def features(pattern: str, path: str) -> list[str]:
    """The rules a pair exercises, to group disagreements by."""
    tags = []
    body = pattern.lstrip("!")
    if pattern.startswith("#"):
        tags.append("comment")
    if pattern.startswith("!"):
        tags.append("negation")
    if re.search(r"\{[^{}]*(,|\.\.)[^{}]*\}", body):
        tags.append("braces")
    elif "{" in body:
        tags.append("brace-literal")
    if re.search(r"[!?+*@]\(", body):
        tags.append("extglob")
    if re.search(r"\[.+\]", body):
        tags.append("class")
    if "**" in body.split("/"):
        tags.append("globstar")
    elif "**" in body:
        tags.append("double-star-in-segment")
    if "\\" in body:
        tags.append("escape")
    if any(s.startswith(".") for s in path.split("/")):
        tags.append("dot-name")
    if "/" in path and "/" not in body:
        tags.append("path-deeper-than-pattern")
    return tags or ["plain"]


class Tally:
    """Agreement figures and grouped disagreements of one matcher against wrangler's minimatch."""

    def __init__(self) -> None:
        self.total: collections.Counter[str] = collections.Counter()
        self.same: collections.Counter[str] = collections.Counter()
        self.by_feature: collections.Counter[tuple[str, str]] = collections.Counter()
        self.examples: dict[tuple[str, str], list[str]] = collections.defaultdict(list)

    def add(self, aspect: str, pattern: str, path: str, ours: object, theirs: object) -> None:
        self.total[aspect] += 1
        if ours == theirs:
            self.same[aspect] += 1
            return
        for tag in features(pattern, path):
            self.by_feature[(aspect, tag)] += 1
            if len(self.examples[(aspect, tag)]) < 3:
                self.examples[(aspect, tag)].append(f"{pattern!r} {path!r}: {ours} (minimatch {theirs})")

    def summary(self, show: int) -> list[str]:
        lines = [", ".join(f"{aspect} {self.same[aspect]}/{self.total[aspect]} "
                           f"({100 * self.same[aspect] / self.total[aspect]:.2f}%)" for aspect in self.total)]
        for (aspect, tag), count in self.by_feature.most_common():
            lines.append(f"  {aspect} differs where {tag}: {count}")
            lines.extend(f"      {e}" for e in self.examples[(aspect, tag)][:show])
        return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=int, default=1500, help="random patterns of each kind (default 1500)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--site", action="append", default=[],
                        help="a folder to import the measured libraries from (pip install --target)")
    parser.add_argument("--python313", default=shutil.which("python3.13"),
                        help="a Python 3.13 for glob.translate and PurePath.full_match (default: python3.13 on PATH)")
    parser.add_argument("--npm", help="a folder holding `npm install minimatch@5.1.9` to check wrangler's copy against")
    parser.add_argument("--show", type=int, default=2, help="examples shown for each kind of disagreement")
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT), *args.site]
    from workers_env.d1 import migration_pattern as port

    # reachable: patterns as wrangler hands them to minimatch (normalizeRelativePath, the folder cut)
    def reachable_form(pattern: str, folder: str = "migrations") -> str | None:
        full = port.normalize(f"{folder}/{pattern}")
        return full[len(folder) + 1:] if full.startswith(folder + "/") else None

    randoms = random_patterns(args.random, args.seed, escapes=False)
    groups: dict[str, list[tuple[str, str]]] = {"hand-written": [], "random": [], "raw": []}
    for pattern in PATTERNS:
        form = reachable_form(pattern)
        groups["hand-written" if form == pattern else "raw"].extend((pattern, f) for f in PATHS)
    for pattern in PATTERNS:  # migrations create: the whole pattern against migrations/<new file>
        form = port.normalize(f"migrations/{pattern}")
        if form.startswith("migrations/"):
            groups["hand-written"].extend((form, f"migrations/{f}") for f in PATHS if "/" not in f)
    for pattern, paths in randoms:
        form = reachable_form(pattern)
        if form is not None:
            groups["random"].extend((form, f) for f in paths + random.Random(pattern).sample(PATHS, 4))
    for pattern, paths in random_patterns(args.random, args.seed + 1, escapes=True):
        groups["raw"].extend((pattern, f) for f in paths)
    pairs = [pair for group in groups.values() for pair in group]
    group_of = [name for name, group in groups.items() for _ in group]
    configs = CONFIGS + [("migrations", f"migrations/{p}") for p in PATTERNS + [p for p, _ in randoms]]

    with tempfile.TemporaryDirectory() as folder:
        script, data = Path(folder, "minimatch.js"), Path(folder, "cases.json")
        script.write_text(wrangler_minimatch())
        data.write_text(json.dumps({"configs": configs, "pairs": pairs}))
        runs = [subprocess.run([str(NODE), str(script), str(data)], capture_output=True, text=True)]
        if args.npm:
            module = str(Path(args.npm, "node_modules/minimatch").resolve())
            runs.append(subprocess.run([str(NODE), str(script), str(data), module], capture_output=True, text=True))
    for run in runs:
        if run.returncode:
            raise SystemExit(f"Node failed: {run.stderr[-2000:]}")
    wrangler = json.loads(runs[0].stdout)
    failed = False
    if args.npm:
        npm = json.loads(runs[1].stdout)
        same = sum(a == b for a, b in zip(wrangler["pairs"], npm["pairs"]))
        print(f"npm minimatch@5.1.9 ({args.npm}) against wrangler's bundled copy: {same}/{len(pairs)} pairs the same")

    # the configs
    same_configs, config_diffs = 0, []
    for (dir_, pattern), theirs in zip(configs, wrangler["configs"]):
        try:
            relative = port.resolve(dir_, pattern, "wrangler.toml")
            ours: dict[str, str] = {"relative": relative,
                                    "full": port.full_pattern("./migrations" if dir_ is None else dir_, relative)}
        except port.PatternError as error:
            text = str(error)
            ours = {"refused": "no migrations_dir" if "have not set" in text else
                    "prefix" if "must start with" in text else "THROWS " + text}
        if "refused" in theirs and "refused" in ours and theirs["refused"].startswith("THROWS") \
                and ours["refused"].startswith("THROWS"):
            ours = theirs  # (minimatch's bare TypeError is ours in words of our own: README, "Where we had to choose")
        if ours == theirs:
            same_configs += 1
        else:
            config_diffs.append(f"  {dir_!r} {pattern[:60] if pattern else pattern!r}: ours {ours}, wrangler {theirs}")
    print(f"configs: {same_configs}/{len(configs)} resolved as wrangler resolves them")
    print("\n".join(config_diffs[:20]))
    failed |= bool(config_diffs)

    # the port
    tallies = {name: Tally() for name in groups}
    for (pattern, path), theirs, group in zip(pairs, wrangler["pairs"], group_of):
        target = tallies[group]
        try:
            matcher = port._matcher(pattern)
        except port.PatternError as error:
            target.add("full", pattern, path, f"REFUSED {error}", theirs)
            continue

        def match(text: str, partial: bool, matcher: object = matcher) -> object:
            try:
                return matcher.match(text, partial=partial)  # type: ignore[attr-defined]
            except port.PatternError as error:  # (where wrangler's minimatch throws)
                return f"THROWS {error}"

        full, partial = match(path, False), match(path, True)
        segments = path.split("/")
        found = full
        for k in range(1, len(segments)):
            if found is not True:
                break
            found = match("/".join(segments[:k]), True)
        if isinstance(theirs, str):
            target.add("full", pattern, path, [full, partial, found], theirs)
            continue
        for aspect, a, b in zip(("full", "partial", "found"), (full, partial, found), theirs):
            target.add(aspect, pattern, path, a, b)
    print(f"\n{len(pairs)} pairs: {len(groups['hand-written'])} hand-written ({len(PATTERNS)} patterns x {len(PATHS)} "
          f"paths, and `migrations create`'s whole patterns), {len(groups['random'])} random ({args.random} random "
          f"patterns with paths built to match them, near misses and hand-written paths), both as wrangler hands "
          f"them to minimatch, and {len(groups['raw'])} raw (random patterns with \\ escapes)")
    for name, tally in tallies.items():
        print(f"workers-env's port, {name}: " + "\n".join(tally.summary(args.show)))
        failed |= tally.same != tally.total

    # the libraries
    answers: dict[str, list[object] | str] = {}
    for name, match in libraries().items():
        answers[name] = match if isinstance(match, str) else [match(p, f) for p, f in pairs]
    unframed = sorted({(p.lstrip("!"), f) for p, f in pairs if p and not p.startswith("#")})
    stdlib = stdlib_313(args.python313, unframed)
    for name in ("glob.translate", "PurePosixPath.full_match"):
        if isinstance(stdlib, str):
            answers[name] = stdlib
            continue
        lookup = dict(zip(unframed, stdlib[name]))
        frame = minimatch_frame(lambda p, f, lookup=lookup: lookup[(p, f)])
        answers[name] = [frame(p, f) for p, f in pairs]
    for name, values in answers.items():
        if isinstance(values, str):
            print(f"\n{name}: not measured ({values})")
            continue
        lib_tallies = {group: Tally() for group in groups}
        for (pattern, path), theirs, value, group in zip(pairs, wrangler["pairs"], values, group_of):
            target = lib_tallies[group]
            if isinstance(theirs, str):
                target.add("full", pattern, path, value, theirs)
                continue
            target.add("full", pattern, path, value, theirs[0])
            target.add("found", pattern, path, value, theirs[2])  # (no partial match: a walk enters every folder)
        print()
        for group, tally in lib_tallies.items():
            print(f"{name}, {group}: " + "\n".join(tally.summary(args.show)))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
