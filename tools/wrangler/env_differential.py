"""Differential check of the ``env`` ``load_env`` builds against the one ``wrangler dev`` gives a Worker.

Each case is a project folder: a config (``wrangler.toml``, or ``wrangler.jsonc`` for some) with
``[vars]`` and ``[env.NAME]`` sections, optional ``.dev.vars*`` and ``.env*`` files, an optional
``--env NAME``, ``--var KEY:VALUE`` arguments and variables in the process environment
(``CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV``, ``CLOUDFLARE_INCLUDE_PROCESS_ENV``, a shell secret).
wrangler dev runs a JavaScript Worker (``main = "worker.js"``) that answers with every name of its
``env`` as JSON -- workerd builds that env from the config as it would a Python Worker's -- and
the result is compared with ``load_env(folder, environment=..., bindings=<the --var pairs, as
workers-env dev supplies them>)``. Values are compared as a Python Worker sees them: a JSON var's
number becomes a Python ``int`` when it is a whole number (Pyodide's conversion), else a
``float``; ``True`` is not ``1``; a var's type must match as well as its value.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/env_differential.py [--jobs 2] [-k NAME]

Each case starts its own ``wrangler dev`` (config changes need a restart), on its own ports, two
at a time by default; about 3 s a case. Not collected by pytest (needs Node and wrangler).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from workers_env import load_env  # noqa: E402
from workers_env.cli.dev import _vars  # noqa: E402

WRANGLER = ROOT / "tools" / "wrangler" / "wrangler"
WORKER = ("export default { async fetch(request, env) { const o = {}; "
          "for (const k of Object.keys(env)) o[k] = env[k]; return Response.json(o); } };\n")
#: the Worker served unbundled, as wrangler serves a Python Worker (applyPythonConfig sets no_bundle)
HEAD = 'name = "envdiff"\nmain = "worker.js"\ncompatibility_date = "2025-01-01"\nno_bundle = true\n'
JSONC_HEAD = ('  "name": "envdiff", // a comment\n  "main": "worker.js",\n  "compatibility_date": "2025-01-01",\n'
              '  "no_bundle": true,\n')
SWITCHES = ("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV", "CLOUDFLARE_INCLUDE_PROCESS_ENV", "CLOUDFLARE_ENV")


def case(name: str, config: str = "", *, jsonc: bool = False, files: dict[str, str | bytes] | None = None,
         env: str | None = None, var: list[str] | None = None, process: dict[str, str] | None = None,
         only: list[str] | None = None) -> dict[str, Any]:
    """One project: ``config`` follows the head (name, main, date); ``files`` beside it; ``only``
    limits the comparison to those names (a process environment carries much else)."""
    return {"name": name, "config": config, "jsonc": jsonc, "files": files or {}, "env": env,
            "var": var or [], "process": process or {}, "only": only}


DOTENV_SYNTAX = (
    "# a comment\n"
    "PLAIN=value # trailing comment\n"
    "HASH=a#b\n"
    "HASH_SPACED=a #b\n"
    "SINGLE='raw \\n stays \\' end'\n"
    'DOUBLE="line\\nbreak \\"quoted\\" tab\\t back\\\\slash"\n'
    "BACKTICK=`in backticks`\n"
    "COLON: with a colon\n"
    "export EXPORTED=1\n"
    "  SPACED = padded  \n"
    "EMPTY=\n"
    "NOVALUE\n"
    "LATER=1\n"
    "LATER=2\n"
    "MY-KEY=dash\n"
    "my.key=dot\n"
    "REF=${PLAIN}\n"
)

#: [vars] at the top level and in two environments, and a local secrets file of each kind
ENVS = '[vars]\nV = "top"\n[env.staging.vars]\nV = "staging"\n[env.other.vars]\nV = "other"\n'
_ENV_FILES = {".dev.vars": "S=devvars\n", ".dev.vars.staging": "S=devvars.staging\n", ".dev.vars.other": "S=devvars.other\n",
              ".env": "E=env\nE2=env\n", ".env.staging": "E=env.staging\n", ".env.other": "E=env.other\n"}

CASES = [
    # --- [vars] of every type
    case("vars_strings", '[vars]\nA = "x"\nB = ""\nC = "with \\"quotes\\" and \\u00e9"\nD = """multi\nline"""\n'),
    case("vars_numbers", "[vars]\nINT = 42\nNEG = -7\nFLOAT = 3.5\nWHOLE_FLOAT = 1.0\nEXP = 1e3\nHEX = 0xff\n"),
    case("vars_big_int", "[vars]\nBIG = 9007199254740993\n"),
    case("vars_big_int_negative", "[vars]\nOK = 9007199254740991\nARR = [1, -9_007_199_254_740_993]\n"),
    case("vars_big_int_hex", '[vars]\nS = "9007199254740993" # 9007199254740993\nH = 0x20000000000001\n'),
    case("vars_special_floats", "[vars]\nINF = inf\nNAN = nan\n"),
    case("vars_bools", "[vars]\nT = true\nF = false\n"),
    case("vars_table", '[vars]\nINLINE = { a = 1, b = { c = "d" } }\n[vars.OBJ]\nx = [1, 2]\ny = 2.5\nz = true\nw = 2.0\n'),
    case("vars_array", '[vars]\nARR = [1, "two", true, [3, 4.5], { k = "v" }]\nEMPTY_ARR = []\n'),
    case("vars_datetime", "[vars]\nWHEN = 1979-05-27T07:32:00Z\nDAY = 1979-05-27\n"),
    case("vars_keywords_and_dashes", '[vars]\nclass = "k"\nNone = "n"\n"my-var" = "dash"\n"with.dot" = "dot"\nlambda = 1\n'),
    case("jsonc_vars", '  "vars": {\n    "S": "s", "N": 12, "W": 12.0, "F": 0.5, "B": false, "NUL": null,\n'
         '    "O": {"a": [1, {"b": null}]}, "L": [], // comment\n  },\n', jsonc=True),
    case("jsonc_env_vars", '  "vars": {"TOP": "t"},\n  "env": {"staging": {"vars": {"STG": 1, /* c */ "O": {}}}},\n',
         jsonc=True, env="staging"),
    # --- environments
    case("env_vars_not_inherited", '[vars]\nA = "top"\nB = "top-only"\n[env.staging.vars]\nA = "staging"\n', env="staging"),
    case("env_without_vars", '[vars]\nA = "top"\n[env.staging]\nworkers_dev = true\n', env="staging"),
    case("env_top_level_selected", '[vars]\nA = "top"\n[env.staging.vars]\nA = "staging"\n'),
    # --- .dev.vars
    case("dev_vars_override", '[vars]\nA = "config"\nOBJ = { a = 1 }\nN = 5\n',
         files={".dev.vars": "A=secret\nOBJ=now-a-string\nN=6\nNEW=added\n"}),
    case("dev_vars_staging_file", '[vars]\nA = "top"\n[env.staging.vars]\nA = "stg"\n',
         files={".dev.vars": "A=dev\nB=only-dev\n", ".dev.vars.staging": "A=dev-staging\n"}, env="staging"),
    case("dev_vars_staging_fallback", "[env.staging]\n", files={".dev.vars": "A=dev\n"}, env="staging"),
    case("dev_vars_staging_file_without_env", "[env.staging]\n",
         files={".dev.vars": "A=dev\n", ".dev.vars.staging": "A=dev-staging\n"}),
    case("dev_vars_empty_staging_file", "[env.staging]\n",
         files={".dev.vars": "A=dev\n", ".dev.vars.staging": ""}, env="staging"),
    case("dev_vars_turn_off_dot_env", "", files={".dev.vars": "A=dev\n", ".env": "A=env\nB=env-only\n"}),
    case("dev_vars_syntax", "", files={".dev.vars": DOTENV_SYNTAX}),
    case("dev_vars_multiline", "", files={".dev.vars": (
        'PEM="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1\nSQ=\'a\nb\'\nBT=`x\ny`\nESC="a\\nb"\n')}),
    case("dev_vars_crlf_bom", "", files={".dev.vars": b'\xef\xbb\xbfA=1\r\nB="x y"\r\nC="multi\r\nline"\r\n'}),
    case("dev_vars_comments_and_junk", "", files={".dev.vars": (
        "A=1 # c\nB=\"x\" # c\nC='y'#c\nD=\"x\"junk\nE=\"unterminated\nF=after\nG=#leading-hash\n")}),
    case("dev_vars_odd_lines", "", files={".dev.vars": (
        "KEY:\nOTHER=1\nEMPTY=\n\"q\"\nCLÉ=unicode\n=novalue\nA B=1\nTAB\t=\ttabbed\t\n")}),
    case("dev_vars_python_keywords", '[vars]\nclass = "config"\n',
         files={".dev.vars": "class=secret\ndef=2\nNone=3\nmy-secret=4\n"}),
    case("dev_vars_not_utf8", "", files={".dev.vars": b"A=\xff\xfe\nB=caf\xe9\n"}),
    # wrangler 4.168.0 passes over a .env file that is not UTF-8 (a warning), 4.164.0 read it with U+FFFD
    case("dot_env_not_utf8", "", files={".env": b"A=caf\xe9\n", ".env.local": "B=2\n"}),
    # --- .env files
    case("dot_env_chain", '[vars]\nPLAIN = "config"\n', files={
        ".env": "A=1\nB=env\nPLAIN=overridden\n", ".env.local": "A=2\nC=local\n",
        ".env.staging": "D=ignored-without-env\n"}),
    case("dot_env_chain_staging", "[env.staging]\n", files={
        ".env": "A=1\nB=1\nC=1\nD=1\n", ".env.local": "B=2\nC=2\nD=2\n", ".env.staging": "C=3\nD=3\n",
        ".env.staging.local": "D=4\n"}, env="staging"),
    case("dot_env_staging_local_only", "[env.staging]\n", files={".env.staging.local": "ONLY=stg-local\n"}, env="staging"),
    case("dot_env_references", "", files={".env": (
        "A=a\nB=${A}-b\nC=$A\nD=${NOPE:-dflt}\nE=${A:+alt}\nF=\\$A\nG=pa$$word\nH=${A}${B}\nI=${NOPE-d2}\n"
        "J=${NOPE}\nK='${A}'\nL=\"${A} quoted\"\n")}),
    case("dot_env_reference_across_files", "", files={".env": "A=base\n", ".env.local": "B=${A}-local\nA=local\n"}),
    case("dot_env_syntax", "", files={".env": DOTENV_SYNTAX}),
    case("dot_env_multiline_bom_crlf", "", files={".env": b'\xef\xbb\xbfexport A=1\r\nPEM="x\r\ny"\r\nB=${A}\r\n'}),
    case("dot_env_overrides_json_var", "[vars]\nOBJ = { a = 1 }\nN = 3\n", files={".env": "OBJ=text\nN=4\n"}),
    case("dot_env_load_false", "", files={".env": "A=1\n"}, process={"CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV": "false"}),
    case("dot_env_load_false_dev_vars_still_read", "", files={".env": "A=1\n", ".dev.vars": "B=2\n"},
         process={"CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV": "false"}),
    case("include_process_env", '[vars]\nV = "config"\n', files={".env": "A=file\nB=${SHELL_ONLY}-ref\nC=file\n"},
         process={"CLOUDFLARE_INCLUDE_PROCESS_ENV": "true", "SHELL_ONLY": "from-shell", "C": "shell-wins"},
         only=["V", "A", "B", "C", "SHELL_ONLY"]),
    case("include_process_env_with_dev_vars", "", files={".dev.vars": "A=dev\n"},
         process={"CLOUDFLARE_INCLUDE_PROCESS_ENV": "true", "SHELL_ONLY": "from-shell"}),
    # --- [secrets]
    case("secrets_required_dot_env", '[vars]\nPLAIN = "config"\n[secrets]\nrequired = ["A", "MISSING"]\n',
         files={".env": "A=1\nB=2\nPLAIN=overridden\n"}),
    case("secrets_required_dev_vars", '[secrets]\nrequired = ["A"]\n', files={".dev.vars": "A=1\nB=2\n"}),
    case("secrets_required_from_shell", '[secrets]\nrequired = ["SHELL_SECRET"]\n',
         process={"SHELL_SECRET": "from-shell", "OTHER_SHELL": "not-required"}),
    case("secrets_required_from_shell_and_dot_env", '[secrets]\nrequired = ["SHELL_SECRET", "A"]\n',
         files={".env": "A=${SHELL_SECRET}-ref\n"}, process={"SHELL_SECRET": "from-shell"}),
    case("secrets_table_shell_overrides_var", '[vars]\nV = "config"\nW = "config"\n[secrets]\n',
         process={"V": "from-shell"}),
    case("secrets_empty_table", '[vars]\nV = "v"\n[secrets]\n', files={".dev.vars": "A=1\nV=over\n"}),
    case("secrets_top_level_with_env", '[secrets]\nrequired = ["A"]\n[env.staging]\n',
         files={".dev.vars": "A=1\nB=2\n"}, env="staging"),
    case("secrets_in_env", '[env.staging.secrets]\nrequired = ["B"]\n', files={".dev.vars": "A=1\nB=2\n"}, env="staging"),
    # --- --var
    case("cli_var_over_dev_vars", '[vars]\nC = "config"\nOBJ = { a = 1 }\n', files={".dev.vars": "A=dev\nB=dev\n"},
         var=["A:cli", "URL:http://x:1/y", "C:cli-c", "OBJ:{\"a\":2}", "EMPTY:", "A:last-wins"]),
    case("cli_var_with_secrets_required", '[secrets]\nrequired = ["A"]\n', files={".dev.vars": "A=dev\nB=dev\n"},
         var=["A:cli"]),
    case("cli_var_over_dot_env", "", files={".env": "A=env\nB=${A}\n"}, var=["A:cli"]),
    # --- CLOUDFLARE_ENV: [env.NAME]'s vars, but the plain .dev.vars / .env (wrangler passes only
    # --env to getVarsForDev); --env beside it wins for both
    *(case(f"cloudflare_env_{label}", ENVS, files={n: _ENV_FILES[n] for n in names}, env=env,
           process={"CLOUDFLARE_ENV": "staging"})
      for label, env, names in (
          ("dev_vars_both", None, (".dev.vars", ".dev.vars.staging")),
          ("dev_vars_only", None, (".dev.vars",)),
          ("dev_vars_staging_only", None, (".dev.vars.staging",)),
          ("dot_env_both", None, (".env", ".env.staging")),
          ("dot_env_staging_only", None, (".env.staging",)),
          ("e_other_all", "other", tuple(_ENV_FILES)),
          ("e_other_dot_env", "other", (".env", ".env.staging", ".env.other")))),
]


# --------------------------------------------------------------------------------------- running

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_project(folder: Path, spec: dict[str, Any]) -> None:
    folder.mkdir(parents=True)
    (folder / "worker.js").write_text(WORKER)
    if spec["jsonc"]:
        (folder / "wrangler.jsonc").write_text("{\n" + JSONC_HEAD + spec["config"] + "}\n")
    else:
        (folder / "wrangler.toml").write_text(HEAD + spec["config"])
    for name, content in spec["files"].items():
        if isinstance(content, bytes):
            (folder / name).write_bytes(content)
        else:
            (folder / name).write_text(content, newline="")


def base_environ() -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k not in SWITCHES}
    environ["WRANGLER_SEND_METRICS"] = "false"
    return environ


def wrangler_env(folder: Path, spec: dict[str, Any], timeout: float) -> tuple[dict[str, Any] | None, str]:
    """The JSON the dumper Worker answers with under ``wrangler dev`` (None and the log when it fails)."""
    port, inspector = free_port(), free_port()
    command = [str(WRANGLER), "dev", "--port", str(port), "--ip", "127.0.0.1", "--inspector-port", str(inspector)]
    if spec["env"]:
        command += ["--env", spec["env"]]
    for pair in spec["var"]:
        command += ["--var", pair]
    # beside the project, not in it: unbundled, wrangler dev reloads on any change under the module root
    log = folder.parent / f"{folder.name}.wrangler.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(command, cwd=folder, env={**base_environ(), **spec["process"]}, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                break
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    return json.loads(response.read().decode()), log.read_text()
            except (OSError, ValueError):
                time.sleep(0.3)
        return None, log.read_text()
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # the process group this script started
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@contextmanager
def environ_for(spec: dict[str, Any]):
    saved, wanted = dict(os.environ), {**base_environ(), **spec["process"]}
    os.environ.clear()
    os.environ.update(wanted)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def our_env(folder: Path, spec: dict[str, Any]) -> dict[str, Any] | str:
    """What ``workers-env dev`` would give the Worker: ``load_env`` with the ``--var`` pairs supplied,
    ``[env.NAME]`` from ``--env``, else ``CLOUDFLARE_ENV``, the local secrets of ``--env`` alone."""
    with environ_for(spec):
        try:
            environment = (spec["env"] if spec["env"] is not None else os.environ.get("CLOUDFLARE_ENV")) or None
            env = load_env(folder, environment=environment, bindings=_vars(spec["var"]) or None,
                           secrets_environment=spec["env"])
        except Exception as exc:  # noqa: BLE001 - reported as the case's result
            return f"{type(exc).__name__}: {exc}"
        return {name: env[name] for name in env}


def as_python_worker_sees(value: Any) -> Any:
    """A JSON value as Pyodide hands it to a Python Worker: whole numbers (within 2**53) as int."""
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) <= 2**53 - 1:
        return int(value)
    if isinstance(value, list):
        return [as_python_worker_sees(v) for v in value]
    if isinstance(value, dict):
        return {k: as_python_worker_sees(v) for k, v in value.items()}
    return value


def same_value(a: Any, b: Any) -> bool:
    """Equal and of the same type all the way down (``True`` is not ``1``, ``1.0`` is not ``1``)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def same_refusal(ours: str, log: str) -> bool:
    """workers-env's error says what wrangler dev's log says: every line past the first (which
    names the config by a path relative to each one's folder) appears in it."""
    text = ANSI.sub("", log)
    lines = [re.sub(r"^.*/(?=wrangler\.\w+:)", "", line.strip()) for line in ours.splitlines()[1:]]
    lines = [line for line in lines if line]
    return bool(lines) and all(line in text for line in lines)


def compare(spec: dict[str, Any], theirs: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    theirs = {k: as_python_worker_sees(v) for k, v in theirs.items()}
    names = set(theirs) | set(ours)
    if spec["only"] is not None:
        names &= set(spec["only"])
    problems = []
    for name in sorted(names):
        if name not in ours:
            problems.append(f"{name}: wrangler {theirs[name]!r}, workers-env has none")
        elif name not in theirs:
            problems.append(f"{name}: workers-env {ours[name]!r}, wrangler has none")
        elif not same_value(ours[name], theirs[name]):
            problems.append(f"{name}: wrangler {theirs[name]!r}, workers-env {ours[name]!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2, help="wrangler dev processes at a time (default 2)")
    parser.add_argument("--timeout", type=float, default=90, help="seconds to wait for wrangler dev (default 90)")
    parser.add_argument("-k", dest="only", default=None, help="run only the cases whose name contains this")
    args = parser.parse_args()
    cases = [c for c in CASES if args.only is None or args.only in c["name"]]
    with tempfile.TemporaryDirectory(prefix="envdiff-") as tmp_name:
        tmp = Path(tmp_name)
        for spec in cases:
            write_project(tmp / spec["name"], spec)
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(lambda spec: wrangler_env(tmp / spec["name"], spec, args.timeout), cases))
        same = refused = worded = different = 0
        for spec, (theirs, log) in zip(cases, results):
            ours = our_env(tmp / spec["name"], spec)
            if theirs is None and isinstance(ours, str):
                refused += 1
                if not same_refusal(ours, log):
                    worded += 1
                    print(f"REFUSED BY BOTH {spec['name']}, in other words\n  workers-env: {ours}")
                continue
            if theirs is None:
                tail = "\n    ".join(ANSI.sub("", log).strip().splitlines()[-12:])
                problems = [f"wrangler dev did not start:\n    {tail}", f"workers-env: {ours!r}"]
            elif isinstance(ours, str):
                problems = [f"workers-env raised {ours}"]
            else:
                problems = compare(spec, theirs, ours)
            if problems:
                different += 1
                print(f"DIFF {spec['name']}\n  " + "\n  ".join(problems))
            else:
                same += 1
    print(f"{len(cases)} cases: {same + refused} the same ({same} the same env as wrangler dev 4 gives a Worker, "
          f"{refused} refused by both, {refused - worded} of them with wrangler's message), {different} different")
    return 0 if different == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
