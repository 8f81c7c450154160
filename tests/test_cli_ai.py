"""``workers-env ai``: wrangler 4.164.0's ``ai`` commands. ``ai models [list]`` prints the
catalog the AI binding emulates -- its own ``models()`` answer -- in wrangler's table (model id,
name, description cut to 100 characters off a terminal, task), ``No models found.`` or
``--json`` (``logger.json``: four spaces); ``ai models schema`` and ``ai finetune list|create``
need Cloudflare's service and say so in one error line, exit 1, where wrangler would log in
(after its argument checks and the config). ``tools/wrangler/ai_models_differential.py``
compares the output with wrangler's byte for byte."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from cli_helpers import run_main

from workers_env.ai.binding import AiBinding

ROOT = Path(__file__).resolve().parents[1]
CATALOG = AiBinding().models_sync({})
ROW_START = "│ "


@pytest.fixture(autouse=True)
def _in_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)


def table_rows(stdout: str) -> list[list[str]]:
    """The table's lines of cells (a multi-line cell gives several), header first."""
    return [[cell.strip() for cell in line.strip("│").split("│")] for line in stdout.splitlines()
            if line.startswith(ROW_START)]


def test_json_is_the_bindings_models_answer_in_four_space_indent(capsys):
    done = run_main(capsys, "ai", "models", "list", "--json")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == CATALOG
    assert done.stdout == json.dumps(CATALOG, indent=4, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("size", [20, len(CATALOG)])  # pages of 20 (a short last one), or one full page
def test_every_page_is_read_until_a_short_one(capsys, monkeypatch, size):
    # (the listed catalog fits wrangler's one page of 50 since the 2025 retirements: a smaller page
    # keeps its paging loop, a page as long as the catalog the empty page after a full one)
    from workers_env.cli import ai as cli_ai

    monkeypatch.setattr(cli_ai, "PAGE_SIZE", size)
    done = run_main(capsys, "ai", "models", "list", "--json")
    assert (done.returncode, json.loads(done.stdout)) == (0, CATALOG)


def test_table_has_wranglers_columns_one_row_per_model(capsys):
    done = run_main(capsys, "ai", "models", "list")
    assert (done.returncode, done.stderr) == (0, "")
    rows = table_rows(done.stdout)
    assert rows[0] == ["model", "name", "description", "task"]
    firsts = [row for row in rows[1:] if row[0]]  # a continuation line of a multi-line cell has no id
    assert [(r[0], r[1], r[3]) for r in firsts] == [(m["id"], m["name"], m["task"]["name"]) for m in CATALOG]
    assert done.stdout.startswith("┌") and done.stdout.endswith("┘\n")


def test_description_off_a_terminal_is_cut_at_100_characters(capsys):
    long = next(m for m in CATALOG if len(m["description"]) > 100 and "\n" not in m["description"][:100])
    short = next(m for m in CATALOG if len(m["description"]) < 100 and "\n" not in m["description"])
    rows = {row[0]: row[2] for row in table_rows(run_main(capsys, "ai", "models", "list").stdout)}
    assert rows[long["id"]] == long["description"][:100].strip() + "..."
    assert rows[short["id"]] == short["description"].strip()


def test_a_description_holding_newlines_takes_several_lines_of_its_row(capsys):
    """cli-table3 splits a cell on newlines: plamo's description (``Inc.\\n\\nIt can ...``)."""
    plamo = next(m for m in CATALOG if m["name"] == "@cf/pfnet/plamo-embedding-1b")
    lines = run_main(capsys, "ai", "models", "list").stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if plamo["id"] in line)
    cut = plamo["description"][:100]
    parts = cut.split("\n")
    assert len(parts) == 3
    widths = {len(line) for line in lines if line.startswith(("│", "├", "┌", "└"))}
    assert len(widths) == 1  # every line of the box the same width
    for offset, part in enumerate(parts):
        cells = lines[at + offset].strip("│").split("│")
        assert cells[2].strip() == (part + "..." if offset == len(parts) - 1 else part)
        assert (cells[0].strip(), cells[1].strip()) == ((plamo["id"], plamo["name"]) if offset == 0 else ("", ""))
    assert lines[at + len(parts)].startswith("├")


def test_models_alone_lists_as_models_list(capsys):
    alone = run_main(capsys, "ai", "models")
    assert alone.returncode == 0 and alone.stdout == run_main(capsys, "ai", "models", "list").stdout


@pytest.mark.parametrize(("argv", "names"), [
    (["--task", "Text Embeddings"], sorted(m["name"] for m in CATALOG if m["task"]["name"] == "Text Embeddings")),
    (["--task", "text-generation"], sorted(m["name"] for m in CATALOG if m["task"]["name"] == "Text Generation")),
    (["--author", "baai"], sorted(m["name"] for m in CATALOG if m["name"].startswith("@cf/baai/"))),
    (["--search", "reranker"], ["@cf/baai/bge-reranker-base"]),
    (["--search"], sorted(m["name"] for m in CATALOG)),  # no value: "", no filter
])
def test_filters_are_the_bindings(capsys, argv, names):
    done = run_main(capsys, "ai", "models", "list", "--json", *argv)
    assert done.returncode == 0
    got = sorted(m["name"] for m in json.loads(done.stdout))
    assert got == names and got and (len(got) < len(CATALOG) or argv == ["--search"])
    assert json.loads(done.stdout) == AiBinding().models_sync(
        {"search": ""} if argv == ["--search"] else {argv[0][2:]: argv[1]})


@pytest.mark.parametrize("argv", [["--search", "no-such-model"], ["--source", "abc"], ["--author", "nobody"],
                                  ["--source", "2"]])  # (every @hf model, source 2, is retired)
def test_no_match_is_wranglers_no_models_found_or_an_empty_json_list(capsys, argv):
    """``--source abc`` is yargs' NaN, sent as ``NaN``: no model's source."""
    assert run_main(capsys, "ai", "models", "list", *argv).stdout == "No models found.\n"
    assert run_main(capsys, "ai", "models", "list", "--json", *argv).stdout == "[]\n"


def test_on_a_terminal_the_description_is_cut_to_its_width(tmp_path):
    """``process.stdout.columns`` less the other cells' length and 10; on a narrow terminal that
    is negative and JavaScript's ``slice(0, n)`` cuts that many from the end."""
    main, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 80, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "workers_env", "ai", "models", "list", "--search", "bge-small"],
                            cwd=tmp_path, stdout=follower, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, err = proc.communicate(timeout=60)  # its stderr read and closed
    assert proc.returncode == 0, err
    os.close(main)
    small = next(m for m in CATALOG if m["name"] == "@cf/baai/bge-small-en-v1.5")
    room = 80 - (len(small["id"]) + len(small["name"]) + len(small["task"]["name"]) + 10)
    assert room < len(small["description"])
    row = next(line for line in out.decode().replace("\r\n", "\n").splitlines() if small["id"] in line)
    assert row.split("│")[3].strip() == small["description"][:room] + "..."


def test_config_warnings_print_once_before_the_list_and_json_stays_clean(tmp_path, capsys):
    (tmp_path / "wrangler.toml").write_text('name = "w"\ncompatibility_date = "2025-01-01"\nfoo = 1\n')
    done = run_main(capsys, "ai", "models", "list", "--json")
    assert done.returncode == 0 and json.loads(done.stdout) == CATALOG
    assert done.stderr.count("▲ [WARNING] Processing wrangler.toml configuration:") == 1
    assert 'Unexpected fields found in top-level field: "foo"' in done.stderr


def test_a_config_option_before_list_is_kept(capsys):
    done = run_main(capsys, "ai", "models", "-c", "missing.toml", "list")
    assert done.returncode == 1 and done.stderr.startswith("✘ [ERROR] Could not read file: missing.toml\n")


#: refused in the words of every command that acts on Cloudflare's API (``d1 create``, ``kv namespace list``)
SERVICE = [
    (["ai", "models", "schema", "@cf/baai/bge-m3"], "`ai models schema` reads a model's input and output schema from "
     "the model catalog in your Cloudflare account through its API, which wrangler logs in to (CLOUDFLARE_API_TOKEN) "
     "and workers-env, working offline, does not: run `wrangler ai models schema` for it; workers-env keeps only the "
     "input schemas"),
    (["ai", "finetune", "list"], "`ai finetune list` lists the finetunes (LoRA adapters) in your Cloudflare account "
     "through its API, which wrangler logs in to (CLOUDFLARE_API_TOKEN) and workers-env, working offline, does not: "
     "run `wrangler ai finetune list` for it; locally there are no finetunes"),
    (["ai", "finetune", "list", "--json"], "`ai finetune list` lists the finetunes (LoRA adapters) in your"),
    (["ai", "finetune", "create", "@cf/mistral/mistral-7b-instruct-v0.2-lora", "ft", "assets"],
     "`ai finetune create` uploads a LoRA adapter as a finetune in your Cloudflare account through its API, which "
     "wrangler logs in to (CLOUDFLARE_API_TOKEN) and workers-env, working offline, does not: run `wrangler ai "
     "finetune create` for it; locally there are no finetunes"),
]


@pytest.mark.parametrize(("argv", "says"), SERVICE)
def test_what_needs_cloudflares_service_says_so_in_one_line(capsys, argv, says):
    done = run_main(capsys, *argv)
    assert done.returncode == 1 and done.stdout == "\n"  # wrangler's handleError: the empty line, then the error
    first, *rest = done.stderr.split("\n")
    assert first.startswith(f"✘ [ERROR] {says}")
    assert rest == ["", "", ""] and "Traceback" not in done.stderr and "invalid choice" not in done.stderr


@pytest.mark.parametrize(("argv", "_"), SERVICE)
def test_a_broken_config_is_reported_before_the_service_is_needed(tmp_path, capsys, argv, _):
    (tmp_path / "wrangler.toml").write_text('name = 1\ncompatibility_date = "2025-01-01"\n')
    done = run_main(capsys, *argv)
    assert done.returncode == 1 and done.stderr.startswith("✘ [ERROR] Processing wrangler.toml configuration:")
    assert "working offline" not in done.stderr


@pytest.mark.parametrize(("argv", "error", "help_of"), [
    (["ai", "finetune", "create", "m", "f"], "Not enough non-option arguments: got 2, need at least 3", "ai finetune create"),
    (["ai", "models", "schema"], "Not enough non-option arguments: got 0, need at least 1", "ai models schema"),
    (["ai", "bogus"], "Unknown argument: bogus", "ai"),
    (["ai", "models", "bogus"], "Unknown argument: bogus", "ai models"),
    (["ai", "models", "--json"], "Unknown argument: json", "ai models"),  # wrangler 4's `ai models` has no --json
    (["ai", "models", "list", "--bogus"], "Unknown argument: bogus", "ai models list"),
])
def test_command_line_mistakes_are_yargs_errors_with_the_commands_help(capsys, argv, error, help_of):
    done = run_main(capsys, *argv)
    assert done.returncode == 1 and done.stderr.startswith(f"✘ [ERROR] {error}\n")
    assert done.stdout.startswith(f"\nusage: workers-env {help_of} ")


@pytest.mark.parametrize(("argv", "lists"), [
    (["ai"], ["models    Manage AI models", "finetune  Interact with finetune files"]),
    (["ai", "finetune"], ["list      List your finetune files", "create    Create finetune and upload assets"]),
    (["ai", "models", "--help"], ["list                List catalog models", "schema              Get model schema"]),
])
def test_a_command_group_alone_or_with_help_shows_wranglers_commands(capsys, argv, lists):
    done = run_main(capsys, *argv)
    assert done.returncode == 0 and done.stdout.startswith(f"usage: workers-env {' '.join(a for a in argv if a != '--help')} ")
    for line in lists:  # (argparse's column width differs by Python: 3.13 counts "--config, -c PATH")
        command, text = line.split(maxsplit=1)
        assert re.search(rf"^    {command} +{re.escape(text)}$", done.stdout, re.MULTILINE), line


def test_the_top_level_help_lists_ai(capsys):
    assert "    ai " in run_main(capsys, "--help").stdout
