"""Differential check of workers-env's JavaScript values (``js``, ``pyodide.ffi``, JsProxy) against
real Pyodide (outside the test run).

The snippets of ``pyodide_cases.py`` (what Worker code does with JS arrays, objects, ``null``,
``to_js``/``to_py``, error texts, numbers and strings) run

- in real Pyodide, each version in one Node process for all cases (``pyodide_runner.mjs``; the
  npm package holds the wasm build and the standard library, so nothing is downloaded), and
- inside a Worker loaded by workers-env (``load_worker``) of the matching compatibility era:
  Pyodide 0.26 for dates before 2025-09-29 (here 2025-09-01), 0.28 from then on (here
  2025-10-01), both in the built-in SDK era, so ``js`` and ``pyodide.ffi`` are the stand-ins a
  Worker imports and JavaScript ``null`` converts as that era's Pyodide does.

The versions run by default (:data:`DEFAULT_VERSIONS`) are production's: 314.0.6 (workerd's Python
3.14, from 2026-09-08), 0.28.2 (from 2025-09-29) and 0.26.0a4: workerd runs 0.26.0a2 before that
date, which npm does not publish; 0.26.0a4 is the closest release (it still turns ``to_js(dict)``
into a plain ``Map``, where 0.26.2 and 0.28.2 make a ``LiteralMap``).

Both sides run the same ``snippet_runner.py``: a result is ``repr`` + type name (a JsProxy's
type name counts as ``JsProxy`` on both sides, as Pyodide names every proxy class so; the case
``type(arr()).__name__`` shows workers-env's own names), an exception its type + message. Cases
whose real Pyodide results differ between the versions run are labelled ``[Pyodide versions differ:
314.0.6, 0.28.2 | 0.26.0a4]`` and counted in the table's ``0.26≠0.28`` column. A case written
``(code, why)`` in ``pyodide_cases.py`` differs on purpose (the README says so) and is reported
apart; one written ``(code, why, "0.28")`` differs on purpose only against the Pyodide versions
starting so (``(code, why, ("314.0.7", "314.0.8"))``: starting with either). The report is ``tools/wrangler/casediff.py``'s (``print_cases``).

    bash tools/pyodide/install.sh            # once: npm install pyodide@314.0.6, @0.28.2, @0.26.0-alpha.4
    python3 tools/pyodide/pyodide_differential.py [--all] [--dump FILE] [--versions 314.0.6 0.28.2 0.26.0a4]

Node: ``$WORKERS_ENV_NODE``, else ``tools/wrangler/node`` when wrangler is installed, else ``node``
on ``PATH``; whichever it is must be Node 22 or later (Node 20's older V8 words some errors otherwise). Pyodide: ``$WORKERS_ENV_PYODIDE_DIR``
(default ``~/.cache/workers-env/pyodide``), one folder per version. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "tools" / "wrangler"))

from casediff import print_cases  # noqa: E402
from pyodide_cases import CASES  # noqa: E402

#: Pyodide version -> the compatibility date of a Worker whose era runs it
#: (314.0.x: the Python 3.14 bundles, ``python_workers_314``, from 2026-09-08; run with
#: ``--versions 314.0.6`` once ``install.sh 314.0.6`` put it in place -- production's; npm's
#: 314.0.7 and 314.0.8, in no workerd, run against the same era: ``--versions 314.0.8 314.0.6``)
ERA_DATES = {"0.26": "2025-09-01", "0.28": "2025-10-01", "314.0": "2026-09-08"}
#: the versions run without ``--versions`` (and ``install.sh``'s default): production's, 0.26.0a4 for 0.26.0a2
DEFAULT_VERSIONS = ("314.0.6", "0.28.2", "0.26.0a4")
PYODIDE_DIR = Path(os.environ.get("WORKERS_ENV_PYODIDE_DIR", Path.home() / ".cache" / "workers-env" / "pyodide"))

ENTRY = '''\
import json

from workers import Response, WorkerEntrypoint

import snippet_runner


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        codes = await request.text()
        results = json.loads(snippet_runner.run_json(codes))
        later = json.loads(await snippet_runner.run_json_async(codes))
        return Response(json.dumps([b if a is None else a for a, b in zip(results, later)]))
'''


def flat_cases() -> list[dict]:
    out = []
    for group, cases in CASES.items():
        for case in cases:
            code, why, only = (case, None, "") if isinstance(case, str) else (*case, "")[:3]
            out.append({"group": group, "code": code, "why": why, "only": only})
    return out


def _node() -> list[str]:
    if os.environ.get("WORKERS_ENV_NODE"):
        return _new_enough([os.environ["WORKERS_ENV_NODE"]], "WORKERS_ENV_NODE")
    wrangler_dir = Path(os.environ.get("WORKERS_ENV_WRANGLER_DIR", Path.home() / ".cache" / "workers-env" / "wrangler"))
    if (wrangler_dir / "node-bin-path").is_file():
        return _new_enough([str(REPO / "tools" / "wrangler" / "node")], f"wrangler's install in {wrangler_dir}")
    found = shutil.which("node")
    if not found:
        raise SystemExit("no Node.js: set WORKERS_ENV_NODE or install wrangler (tools/wrangler/install.sh)")
    return _new_enough([found], "node on PATH")


#: the groups whose cases run in a Node with JSPI on (:func:`_jspi`): workerd runs Pyodide with
#: it, so a task's step may ``run_sync`` -- ``loop.run_until_complete``, ``asyncio.run`` wait as in
#: a Worker; without it Pyodide 0.28/314 raise ``RuntimeError: WebAssembly stack switching not
#: supported in this JavaScript runtime`` there (nel53, measured). The other groups keep the Node
#: they were measured under: with JSPI on for all, 314.0.6's runner died of an unhandled
#: borrowed-proxy error in one of them (nel53; not looked into further)
JSPI_GROUPS = frozenset({"nested-event-loops"})


def _jspi(node: list[str]) -> list[str]:
    """Node's switch for WebAssembly JavaScript Promise Integration, where it has one (Node 22-24:
    off by default; see :data:`JSPI_GROUPS`)."""
    options = subprocess.run([*node, "--v8-options"], capture_output=True, text=True).stdout
    return ["--experimental-wasm-jspi"] if "--experimental-wasm-jspi " in options else []


def _new_enough(node: list[str], source: str) -> list[str]:
    """``node`` if it is Node 22 or later: V8 before Node 22's words errors otherwise ('5 is not a
    function', JSON.parse's position without line and column) and has no JSON.parse reviver
    context -- 35 cases differ that agree under Node 22+, as under workerd's V8 (measured with
    Node 20.20.2, whichever way it was chosen: WORKERS_ENV_NODE too, review63)."""
    try:
        version = subprocess.run([*node, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError as exc:
        raise SystemExit(f"{source} ({node[0]}) does not run: {exc.strerror}") from None
    major = version.lstrip("v").split(".")[0]
    if not major.isdigit() or int(major) < 22:
        raise SystemExit(f"{source} is Node {version or '(no version)'}: the figures are Node >= 22's (workerd's V8 "
                         "words errors as it does); set WORKERS_ENV_WRANGLER_DIR to wrangler's install "
                         "(tools/wrangler/install.sh brings Node 24) or WORKERS_ENV_NODE to a Node >= 22")
    return node


def run_pyodide(version: str, codes: list[str], tmp: Path, jspi: list[bool] | None = None) -> list[dict]:
    """Every snippet in one real Pyodide ``version`` (one Node process; those ``jspi`` marks, the
    :data:`JSPI_GROUPS`' cases, in a second one with JSPI on)."""
    folder = PYODIDE_DIR / version
    if not (folder / "node_modules" / "pyodide" / "pyodide.mjs").is_file():
        raise SystemExit(f"Pyodide {version} is not installed in {folder}: run bash tools/pyodide/install.sh {version}")
    marks = jspi or [False] * len(codes)
    results: list[dict] = [{}] * len(codes)
    node = _node()
    for switched in (False, True):
        picked = [i for i, mark in enumerate(marks) if mark is switched]
        if not picked:
            continue
        cases_path, out_path = tmp / "cases.json", tmp / f"pyodide-{version}-{switched}.json"
        cases_path.write_text(json.dumps([codes[i] for i in picked]))
        subprocess.run([*node, *(_jspi(node) if switched else []), str(HERE / "pyodide_runner.mjs"), str(folder),
                        str(HERE / "snippet_runner.py"), str(cases_path), str(out_path)],
                       check=True, stdin=subprocess.DEVNULL, timeout=900)
        answer = json.loads(out_path.read_text())
        if answer["version"] != version:
            raise SystemExit(f"{folder} holds Pyodide {answer['version']}, not {version}")
        for i, result in zip(picked, answer["results"], strict=True):
            results[i] = result
    return results


async def _run_workers_env(date: str, codes: list[str], tmp: Path) -> list[dict]:
    from workers_env import load_worker

    app = tmp / f"worker-{date}"
    (app / "src").mkdir(parents=True)
    (app / "src" / "entry.py").write_text(ENTRY)
    shutil.copy(HERE / "snippet_runner.py", app / "src" / "snippet_runner.py")
    (app / "wrangler.toml").write_text(f'name = "pyodide-diff"\nmain = "src/entry.py"\n'
                                       f'compatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n')
    # from 2026-04-21 (the external-SDK era: the 3.14 era's dates) a pywrangler project (workers-py
    # among its dev dependencies), as production's Workers are: without one the Worker has no SDK
    # there; before, plain wrangler's project on the runtime's built-in SDK, as before
    if date >= "2026-04-21":
        (app / "pyproject.toml").write_text('[project]\nname = "pyodide-diff"\nversion = "0.1.0"\n'
                                            'requires-python = ">=3.12"\ndependencies = []\n\n'
                                            '[dependency-groups]\ndev = ["workers-py", "workers-runtime-sdk"]\n')
    worker = load_worker(app)
    resp = await worker.fetch("/", method="POST", body=json.dumps(codes))
    text = await resp.text()
    if resp.status != 200:
        raise SystemExit(f"the workers-env Worker answered {resp.status}: {text[:2000]}")
    return json.loads(text)


def run_workers_env(date: str, codes: list[str], tmp: Path) -> list[dict]:
    """Every snippet inside a Worker of compatibility date ``date`` loaded by workers-env."""
    return asyncio.run(_run_workers_env(date, codes, tmp))


def normalise(result: dict) -> dict:
    """A JsProxy's type counts as ``JsProxy`` (Pyodide's name for every proxy class)."""
    result = dict(result)
    result.pop("first_try", None)
    result.pop("attempts", None)
    if result.pop("jsproxy", False):
        result["type"] = "JsProxy"
    return result


def show(result: dict) -> str:
    again = f"  [first try: {result['first_try']}; rerun alone in a fresh Pyodide " \
        f"{result.get('attempts', 1)}x]" if "first_try" in result else ""
    if "error" in result:
        return f"{result['error']}: {result['message']}{again}"
    return f"{result['repr']}  ({result['type']}){again}"


def report(cases: list[dict], version: str, theirs: list[dict], ours: list[dict], version_split: dict[int, str],
           show_all: bool) -> tuple[int, int, dict[str, list[int]]]:
    """Print the differences for one Pyodide version (casediff.py's report); return the figures."""
    labels = [f"[{case['group']}] {case['code']!r}" + (f"  [Pyodide versions differ: {version_split[i]}]"
                                                       if i in version_split else "") for i, case in enumerate(cases)]
    why = {i: case["why"] for i, case in enumerate(cases) if case["why"] and version.startswith(case["only"])}
    agreed = print_cases(labels, why, theirs, ours, key=normalise, show=show, theirs_name=f"pyodide {version}",
                         show_all=show_all)
    per_group: dict[str, list[int]] = {}
    for case, ok in zip(cases, agreed, strict=True):
        per_group.setdefault(case["group"], [0, 0])[0 if ok else 1] += 1
    same = sum(agreed)
    differ = sum(1 for i, ok in enumerate(agreed) if not ok and i not in why)
    print(f"Pyodide {version}: {same}/{len(cases)} cases give the same result or error text; "
          f"{differ} unexpected differences, {len(why)} cases allowed to differ")
    return same, differ, per_group


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="print the cases that agree too")
    parser.add_argument("--dump", help="write every case's results in full (JSON)")
    parser.add_argument("--versions", nargs="+", default=list(DEFAULT_VERSIONS))
    parser.add_argument("--groups", nargs="+", choices=list(CASES), help="run only these groups of cases")
    args = parser.parse_args()
    cases = [c for c in flat_cases() if not args.groups or c["group"] in args.groups]
    codes = [c["code"] for c in cases]
    pyodide: dict[str, list[dict]] = {}
    ours: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="pyodide-diff-") as folder:
        tmp = Path(folder)
        for version in args.versions:
            pyodide[version] = run_pyodide(version, codes, tmp, [c["group"] in JSPI_GROUPS for c in cases])
            era = ".".join(version.split(".")[:2])
            if era not in ours:
                ours[era] = run_workers_env(ERA_DATES[era], codes, tmp)
    # cases whose real Pyodide results differ between the versions run: "314.0.6, 0.28.2 | 0.26.0a4"
    version_split: dict[int, str] = {}
    for i in range(len(cases)):
        groups: list[list[str]] = []
        for version in args.versions:
            for group in groups:
                if normalise(pyodide[group[0]][i]) == normalise(pyodide[version][i]):
                    group.append(version)
                    break
            else:
                groups.append([version])
        if len(groups) > 1:
            version_split[i] = " | ".join(", ".join(g) for g in groups)
    v28 = [v for v in args.versions if v.startswith("0.28")]
    v26 = [v for v in args.versions if v.startswith("0.26")]
    era_marks = {i for i in range(len(cases))
                 if any(normalise(pyodide[a][i]) != normalise(pyodide[b][i]) for a in v28 for b in v26)}
    status = 0
    summary = []
    for version in args.versions:
        era = ".".join(version.split(".")[:2])
        print(f"\n===== Pyodide {version} vs workers-env in a Worker of compatibility date {ERA_DATES[era]} =====")
        same, differ, per_group = report(cases, version, pyodide[version], ours[era], version_split, args.all)
        summary.append((version, same, differ, per_group))
        status |= 1 if differ else 0
    print("\n===== figures (same / differ) =====")
    groups = [g for g in CASES if not args.groups or g in args.groups]
    print("group".ljust(20) + "".join(f"Pyodide {v}".rjust(18) for v, *_ in summary) + "   cases  0.26≠0.28")
    for group in groups:
        idx = [i for i, c in enumerate(cases) if c["group"] == group]
        cells = "".join(f"{pg[group][0]} / {pg[group][1]}".rjust(18) for _, _, _, pg in summary)
        print(group.ljust(20) + cells + f"{len(idx):8d}{len(era_marks.intersection(idx)):11d}")
    print("all".ljust(20) + "".join(f"{s} / {len(cases) - s}".rjust(18) for _, s, _, _ in summary)
          + f"{len(cases):8d}{len(era_marks):11d}")
    if args.dump:
        Path(args.dump).write_text(json.dumps([
            {**c, "pyodide": {v: r[i] for v, r in pyodide.items()}, "workers-env": {e: r[i] for e, r in ours.items()}}
            for i, c in enumerate(cases)], indent=1, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main())
