"""The README's marked code blocks (and docs/*.md's, the reference moved out of it) run as written,
in an empty folder, so the README cannot rot.

A block is marked by an HTML comment on the line before its fence (invisible on GitHub):

    <!-- readme-test GROUP: file PATH -->             the block is the whole file PATH (the line
                                                      before the marker shows `PATH` to readers)
    <!-- readme-test GROUP: install -->               pip lines: checked against pyproject.toml, not run
    <!-- readme-test GROUP: run[, expect "TEXT"] -->  shell commands; exit 0, output contains TEXT
    <!-- readme-test GROUP: serve -->                 a long-running command, started on a free port
    <!-- readme-test GROUP: fetch -->                 `$ curl ...` lines against the served port,
                                                      each followed by the expected JSON body
    <!-- readme-test GROUP: script, expect "TEXT" --> a Python script; prints exactly TEXT
    <!-- readme-test GROUP: console -->               `$ COMMAND` lines, each run (exit 0) and
                                                      followed by exactly what it prints, where a
                                                      `...` line stands for any lines and a line
                                                      ending in `…` for any line that starts so;
                                                      `$ cat FILE` of a file not there yet writes
                                                      the lines shown as FILE first

Each GROUP runs in its own empty folder, blocks in README order (README.md, then docs/*.md by name). Commands find ``python3``,
``pytest`` and ``workers-env`` on PATH as this interpreter with this checkout importable; the
pytest plugins are exactly what ``workers-env[pytest]`` installs (pytest-asyncio and the
``workers_env`` entry point), and nothing reaches the network. Their ``python -m`` starts are forked
from a fork server started with the commands' start-up settings (tests/forkserver.py's ``shell``,
through tests/forkshim.py): what a command prints, its status and the signals it gets are the
interpreter's own; a script (``python3 FILE``) is a full start.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
from dev_reload_helpers import listening_on_a_free_port
from packaging.requirements import Requirement

import forkserver

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
FORKSHIM = Path(__file__).resolve().parent / "forkshim.py"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]  # where marked blocks may be
TIMEOUT = 120  # seconds for any one command (the server gets dev_reload_helpers.TIMEOUT to listen)

_MARKED = re.compile(
    r"^<!-- readme-test (?P<group>[\w-]+): (?P<kind>\w+)(?P<rest>[^\n]*?) -->\n"
    r"```[\w-]*\n(?P<body>.*?)^```$",
    re.M | re.S,
)
_EXPECT = re.compile(r'^, expect "(?P<text>[^"]+)"$')
_PLUGINS = "pytest_asyncio.plugin,workers_env.pytest_plugin"


@dataclass(frozen=True)
class Block:
    group: str
    kind: str
    arg: str  # the path of a file block, the expected text of run/script blocks ("" if none)
    body: str
    line: int
    page: str = "README.md"

    def where(self) -> str:
        return f"{self.page} line {self.line} ({self.group}: {self.kind} {self.arg})".rstrip()


def readme_blocks(text: str | None = None, page: str = "README.md") -> list[Block]:
    """Every marked block of ``text`` (else of every page), in order; a marker not followed by a fence is an error."""
    if text is None:
        return [b for path in PAGES
                for b in readme_blocks(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    blocks = []
    for m in _MARKED.finditer(text):
        kind, rest = m["kind"], m["rest"]
        line = text.count("\n", 0, m.start()) + 1
        if kind == "file":
            arg = rest.strip()
            path = PurePosixPath(arg)
            assert arg and not path.is_absolute() and ".." not in path.parts, f"line {line}: bad file path {arg!r}"
            caption = text[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
            assert f"`{arg}`" in caption, f"line {line}: name the file as `{arg}` on the line before the marker"
        elif kind in ("run", "script"):
            expect = _EXPECT.match(rest)
            assert rest == "" or expect, f"line {line}: expected ', expect \"TEXT\"' after {kind!r}, got {rest!r}"
            arg = expect["text"] if expect else ""
        else:
            known = ("install", "serve", "fetch", "console")
            assert kind in known and rest == "", f"line {line}: unknown marker {kind}{rest}"
            arg = ""
        blocks.append(Block(m["group"], kind, arg, m["body"], line, page))
    assert text.count("<!-- readme-test ") == len(blocks), "a readme-test marker is not right before a ``` block"
    return blocks


def group(name: str) -> list[Block]:
    return [b for b in readme_blocks() if b.group == name]


# -- the sandbox: PATH shims, environment ---------------------------------------------------------
#: what the commands on PATH start (a ``python -m`` start forked, tests/forkshim.py)
COMMANDS = {"python3": [], "python": [], "pytest": ["-m", "pytest"], "workers-env": ["-m", "workers_env"]}


def sandbox(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """An empty project folder and the environment its commands run in: ``python3``, ``pytest``
    and ``workers-env`` on its PATH start as ``python [-m MODULE] ARGS`` does, their ``python -m``
    starts forked from a fork server started with the environment's start-up settings
    (tests/forkserver.py's ``shell``: the interpreter, ``site`` and the CLI's imports once a test
    process, not once a command; any other start a full process)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "CLOUDFLARE_"))}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only what workers-env[pytest] brings ...
    env["PYTEST_PLUGINS"] = _PLUGINS  # ... loaded as its entry points would load it
    env["PYTHONWARNINGS"] = "always::DeprecationWarning"  # so configuration warnings show
    env["PYTHONUNBUFFERED"] = "1"
    socket_path = forkserver.shell(env, tmp_path, more=("pytest",))
    shims = {name: f'exec "{sys.executable}" -I -S "{FORKSHIM}" "{socket_path}" {shlex.join(args)} "$@"'
             for name, args in COMMANDS.items()}
    shims["pip"] = 'echo "pip is not run by the README test (no network)" >&2; exit 99'
    for name, line in shims.items():
        shim = bin_dir / name
        shim.write_text(f"#!/bin/sh\n{line}\n")
        shim.chmod(0o755)
    project = tmp_path / "project"
    project.mkdir()
    return project, env


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


# -- one runner per block kind --------------------------------------------------------------------
def write_file(project: Path, block: Block) -> None:
    target = project / block.arg
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(block.body, encoding="utf-8")


def check_install(block: Block) -> None:
    """``pip install '/path/to/workers-env[EXTRA]'`` (a checkout) or ``'workers-env[EXTRA]'``
    names this distribution and extras it defines, and those extras bring the pytest plugins
    the runs below load."""
    project = pyproject()["project"]
    extras = project["optional-dependencies"]
    commands = [shlex.split(line, comments=True) for line in block.body.splitlines()]
    commands = [c for c in commands if c]
    assert commands, block.where()
    for command in commands:
        assert command[:2] == ["pip", "install"] and len(command) > 2, f"{block.where()}: {command}"
        for spec in command[2:]:
            req = Requirement(spec.rpartition("/")[2])  # a checkout's folder is named as the distribution
            assert req.name == project["name"], f"{block.where()}: installs {req.name!r}"
            assert req.extras <= set(extras), f"{block.where()}: no extra {sorted(req.extras - set(extras))}"
            brought = {Requirement(r).name for extra in req.extras for r in extras[extra]}
            assert {"pytest", "pytest-asyncio"} <= brought, f"{block.where()}: the extras bring only {brought}"
    entry_points = pyproject()["project"]["entry-points"]["pytest11"]
    assert entry_points == {"workers_env": "workers_env.pytest_plugin"}  # what PYTEST_PLUGINS loads


def run(project: Path, env: dict[str, str], block: Block) -> None:
    done = subprocess.run(["bash", "-ec", block.body], cwd=project, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"{block.where()} exited {done.returncode}:\n{output}"
    if block.arg:
        assert block.arg in output, f"{block.where()}: {block.arg!r} not in:\n{output}"
    if re.search(r"\d+ passed", block.arg):  # a pytest run: clean, without warnings or errors
        assert not re.search(r"warning|error|failed|skipped", output, re.I), f"{block.where()}:\n{output}"


def run_script(project: Path, env: dict[str, str], block: Block, tmp_path: Path) -> None:
    assert block.arg and block.arg in block.body, f"{block.where()}: the block must show its output {block.arg!r}"
    script = tmp_path / f"readme_line_{block.line}.py"
    script.write_text(block.body, encoding="utf-8")
    done = subprocess.run(["python3", str(script)], cwd=project, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT)
    assert done.returncode == 0, f"{block.where()}:\n{done.stdout}{done.stderr}"
    assert done.stdout.strip() == block.arg, f"{block.where()} printed:\n{done.stdout}"


def transcript(body: str) -> list[tuple[str, list[str]]]:
    """A console block's commands, each with the output lines shown after it."""
    steps: list[tuple[str, list[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            assert steps, f"the block must start with a `$ ` line, not {line!r}"
            steps[-1][1].append(line)
    return steps


def shown_pattern(shown: list[str]) -> re.Pattern[str]:
    """What a command must print for the lines shown: those lines exactly (trailing blank lines
    aside), a `...` line any lines, a line ending in `…` any line that starts with the rest."""
    parts = []
    for line in shown:
        if line == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        elif line.endswith("…"):
            parts.append(re.escape(line[:-1]) + r"[^\n]*\n")
        else:
            parts.append(re.escape(line) + r"\n")
    return re.compile("".join(parts))


def run_console(project: Path, env: dict[str, str], block: Block) -> None:
    """Each command of a console block, its output (stdout and stderr as a terminal interleaves
    them, line ends' spaces and the last blank lines aside) held to the lines shown."""
    for command, shown in transcript(block.body):
        cat = re.fullmatch(r"cat ([\w.-]+)", command)
        if cat and not (project / cat[1]).exists():  # the block shows the file it starts from
            (project / cat[1]).write_text("\n".join(shown).rstrip("\n") + "\n", encoding="utf-8")
        # one line as typed at a prompt: no -e, so `cmd; echo "exit=$?"` shows a failure's code
        done = subprocess.run(["bash", "-c", command], cwd=project, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=TIMEOUT)
        assert done.returncode == 0, f"{block.where()}: `{command}` exited {done.returncode}:\n{done.stdout}"
        got = "".join(f"{line.rstrip()}\n" for line in done.stdout.rstrip().splitlines())
        shown = [line.rstrip() for line in "\n".join(shown).rstrip().splitlines()]
        assert shown_pattern(shown).fullmatch(got), f"{block.where()}: `{command}` printed:\n{done.stdout}"


@contextmanager
def serve(project: Path, env: dict[str, str], block: Block) -> Iterator[int]:
    """Start the block's command with ``--port <free port>``; stop it, whatever happens."""
    (command,) = [c for c in (shlex.split(line, comments=True) for line in block.body.splitlines()) if c]
    # the command the shim on PATH starts, without the shim: the process started must hold the port
    # itself (forked from the shell's fork server, as the shim would have it)
    command = [sys.executable, *COMMANDS[command[0]], *command[1:]] if command[0] in COMMANDS else command
    proc, port = listening_on_a_free_port(lambda port: [*command, "--port", str(port)], cwd=project, env=env,
                                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        yield port
    finally:
        proc.terminate()
        try:
            out = proc.communicate(timeout=10)[0]
        except subprocess.TimeoutExpired:
            proc.kill()
            out = proc.communicate(timeout=10)[0]
    assert f"Ready on http://localhost:{port}" in out, out


def curl(command: list[str], port: int, where: str) -> bytes:
    """Do what ``curl [-X METHOD] [-H 'K: V'] [-d DATA] URL`` does, with urllib."""
    assert command[0] == "curl", where
    method, data, headers, url = None, None, {}, None
    args = iter(command[1:])
    for arg in args:
        if arg == "-X":
            method = next(args)
        elif arg == "-d":
            data = next(args).encode()
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")  # curl's default
        elif arg == "-H":
            key, _, value = next(args).partition(":")
            headers[key.strip()] = value.strip()
        else:
            assert url is None and not arg.startswith("-"), f"{where}: unsupported curl argument {arg!r}"
            url = arg
    assert url is not None and "localhost:8787" in url, f"{where}: fetch localhost:8787, got {url!r}"
    url = "http://" + url.removeprefix("http://").replace("localhost:8787", f"127.0.0.1:{port}")
    request = urllib.request.Request(url, data=data, headers=headers, method=method or ("POST" if data else "GET"))
    with urllib.request.urlopen(request, timeout=TIMEOUT) as resp:
        assert resp.status == 200, where
        return resp.read()


def fetch(block: Block, port: int) -> None:
    lines = block.body.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("$ ")]
    assert starts and starts[0] == 0, f"{block.where()}: start with a `$ curl ...` line"
    for i, start in enumerate(starts):
        expected = "\n".join(lines[start + 1: starts[i + 1] if i + 1 < len(starts) else len(lines)])
        got = curl(shlex.split(lines[start][2:]), port, block.where())
        assert json.loads(got) == json.loads(expected), f"{block.where()}: got {got!r}"


def run_group(name: str, tmp_path: Path) -> list[str]:
    """Run a group's blocks in order; returns the kinds run."""
    blocks = group(name)
    assert blocks, f"no README blocks marked 'readme-test {name}:'"
    project, env = sandbox(tmp_path)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "file":
            write_file(project, block)
        elif block.kind == "install":
            check_install(block)
        elif block.kind == "run":
            run(project, env, block)
        elif block.kind == "script":
            run_script(project, env, block, tmp_path)
        elif block.kind == "console":
            run_console(project, env, block)
        elif block.kind == "serve":
            fetches = []
            while i + 1 < len(blocks) and blocks[i + 1].kind == "fetch":
                i += 1
                fetches.append(blocks[i])
            assert fetches, f"{block.where()}: follow a serve block with a fetch block"
            with serve(project, env, block) as port:
                for f in fetches:
                    fetch(f, port)
        else:
            raise AssertionError(f"{block.where()}: a {block.kind} block must follow a serve block")
        i += 1
    return [b.kind for b in blocks]


# -- the tests ------------------------------------------------------------------------------------
def test_quick_start_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("quickstart", tmp_path)
    assert {"file", "install", "run", "serve", "fetch", "script"} <= set(kinds)
    assert kinds.index("install") < kinds.index("run")  # install, test, serve -- in that order
    assert kinds.index("run") < kinds.index("serve")


def test_the_quick_start_comes_right_after_the_two_command_block() -> None:
    text = README.read_text(encoding="utf-8")
    two_commands = text.index("```bash\npip install -e '.[test]'")
    assert "\n## " not in text[:two_commands]  # the two commands come first ...
    next_section = text.index("\n## ", two_commands) + 1
    assert text.startswith("## Quick start for your own Worker\n", next_section)  # ... then the quick start


def test_the_quick_starts_next_step_runs_as_written(tmp_path: Path) -> None:
    """'Next: Workers AI and D1': the Quick start's Worker with AI and D1 added, and its test."""
    kinds = run_group("next", tmp_path)
    assert kinds[-1] == "run" and {"file"} == set(kinds[:-1])


def test_the_pytest_section_example_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("pytest-example", tmp_path)
    assert {"file", "run"} <= set(kinds)


def test_the_unittest_example_runs_as_written(tmp_path: Path) -> None:
    """The section for a suite without pytest: `python -m unittest`, then pytest, on the same file."""
    kinds = run_group("unittest", tmp_path)
    assert kinds.count("run") == 2


def test_markers_are_parsed_strictly() -> None:
    good = '<!-- readme-test g: run, expect "1 passed" -->\n```sh\npytest\n```\n'
    assert readme_blocks(good) == [Block("g", "run", "1 passed", "pytest\n", 1)]
    shown = 'In `a/b.py`:\n<!-- readme-test g: file a/b.py -->\n```python\nx = 1\n```\n'
    assert readme_blocks(shown) == [Block("g", "file", "a/b.py", "x = 1\n", 2)]
    for bad in (
        shown.replace("In `a/b.py`", "In a/b.py"),
        '<!-- readme-test g: run -->\nno fence here\n',
        '<!-- readme-test g: file ../escape.py -->\n```\nx\n```\n',
        '<!-- readme-test g: run expect 1 -->\n```\nx\n```\n',
        '<!-- readme-test g: launch -->\n```\nx\n```\n',
    ):
        with pytest.raises(AssertionError):
            readme_blocks(bad)


def test_a_docs_page_marked_block_is_read_after_the_readmes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "docs").mkdir()
    pages = [tmp_path / "README.md", tmp_path / "docs" / "page.md"]
    pages[0].write_text('<!-- readme-test g: run -->\n```sh\ntrue\n```\n')
    pages[1].write_text('Text.\n\n<!-- readme-test g: run, expect "x" -->\n```sh\necho x\n```\n')
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    monkeypatch.setattr(sys.modules[__name__], "PAGES", pages)
    assert readme_blocks() == [Block("g", "run", "", "true\n", 1), Block("g", "run", "x", "echo x\n", 3, "docs/page.md")]
    assert readme_blocks()[1].where() == "docs/page.md line 3 (g: run x)"


def test_every_marker_of_the_readme_and_docs_is_a_block() -> None:
    markers = sum(page.read_text(encoding="utf-8").count("<!-- readme-test ") for page in PAGES)
    assert len(readme_blocks()) == markers >= 60  # 54 when the stand-ins reference moved to docs/, 60 with the Quick start's next step


def test_the_d1_section_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("d1", tmp_path)
    assert {"file", "run", "script"} <= set(kinds)
    assert kinds[-4:] == ["file", "file", "file", "run"]  # "Schemas in tests": its markers, on the same folder


def test_the_kv_section_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("kv", tmp_path)
    # the script's printed line is matched to the marker's text; the CLI then reads the bulk files
    assert kinds == ["file", "script", "file", "file", "console"]


def test_the_kv_seeding_example_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("kv-seed", tmp_path)
    assert kinds == ["file", "file", "file", "run", "file", "run"]  # then the clock's test beside it: both pass


def test_the_persisted_vectorize_section_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("vectorize-state", tmp_path)
    assert kinds == ["file", "console", "file", "script"]  # the CLI writes the state the binding then reads


def test_the_v1_query_format_by_date_section_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("v1-format", tmp_path)
    assert kinds == ["file", "script"]


def test_the_ai_cli_section_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("ai-cli", tmp_path)
    assert kinds == ["console"]  # the table and --json as `workers-env ai models list` prints them


def test_the_validate_example_runs_as_written(tmp_path: Path) -> None:
    kinds = run_group("validate", tmp_path)
    assert kinds == ["console"]  # `cat wrangler.toml` shows the config, then validate's report and exit code


def test_a_console_block_is_matched_line_by_line() -> None:
    (command, shown), = transcript("$ echo hi\nfirst\n...\nlast: …\n")
    assert command == "echo hi"
    pattern = shown_pattern(shown)
    assert pattern.fullmatch("first\nlast: 9851\n")
    assert pattern.fullmatch("first\nmiddle\nmore\nlast: \n")
    assert not pattern.fullmatch("first\nlast: 9851\nextra\n")  # nothing past what is shown
    assert not pattern.fullmatch("firsts\nlast: 1\n")  # a shown line is the whole line
    assert shown_pattern([]).fullmatch("") and not shown_pattern([]).fullmatch("noise\n")
    with pytest.raises(AssertionError):
        transcript("output before any command\n$ true\n")
