"""``dev --port`` that is no port number, as wrangler dev 4.164.0 refuses it (measured with a
JavaScript twin, leftovers46b): yargs reads it with ``Number()`` and goes on, the bindings table
is printed, then Miniflare's option check refuses it (exit 1): ``NaN``/``Infinity`` as zod's
``invalid_type`` on ``port``, any other number that is not a whole one from 0 to 65535 as
``Invalid URL`` on ``publicUrl`` -- then workers-env's line says what is wrong. Nothing is
served, and the Worker is not loaded (its import would fail here)."""

from __future__ import annotations

import json

import pytest
from cli_helpers import run_main

CONFIG = ('name = "t"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-02"\ncompatibility_flags = ["python_workers"]\n'
          '[vars]\nV = "cfg"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
#: wrangler's table for CONFIG (measured), then fail()'s empty line
TABLE = ('Your Worker has access to the following bindings:\n'
         'Binding             Resource                  Mode\n'
         'env.KV (abc)        KV Namespace              local\n'
         'env.V ("cfg")       Environment Variable      local\n\n\n')


def _zod(issue: dict[str, object]) -> str:
    """wrangler's ``✘ [ERROR]`` of zod's issues: JSON.stringify(issues, null, 2), laid out as its logger does."""
    first, *rest = json.dumps([issue], indent=2).split("\n")
    return f"✘ [ERROR] {first}\n\n" + "".join(f"  {line}\n" for line in rest) + "\n\n"


def _invalid_type(received: str) -> str:
    return _zod({"expected": "number", "code": "invalid_type", "received": received, "path": ["port"],
                 "message": f"Invalid input: expected number, received {received}"})


@pytest.fixture
def project(tmp_path, monkeypatch):
    """CONFIG's project, the current folder; its Worker fails if it is ever loaded."""
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text("raise RuntimeError('the Worker was loaded')\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)


INVALID_URL = _zod({"code": "invalid_format", "format": "url", "path": ["publicUrl"], "message": "Invalid URL"})


@pytest.mark.parametrize(("given", "error"), [
    ("abc", _invalid_type("NaN")), ("Infinity", _invalid_type("Infinity")), ("70000", INVALID_URL),
    ("-1", INVALID_URL), ("1.5", INVALID_URL), ("0x10000", INVALID_URL), ("1e9", INVALID_URL),
])
def test_a_bad_port_is_refused_after_the_table(project, capsys, given, error):
    done = run_main(capsys, "dev", "--port", given)
    assert (done.returncode, done.stdout) == (1, TABLE)
    assert done.stderr == error + (f"(workers-env: --port {given} is not a port number: give a whole number from 0 "
                                   "to 65535 (0: any free port))\n")


def test_the_error_text_is_wranglers(project, capsys):
    """The NaN case byte for byte as wrangler dev 4.164.0 printed it (stderr, its log-file line cut)."""
    done = run_main(capsys, "dev", "--port", "abc")
    assert done.stderr.startswith(
        '✘ [ERROR] [\n\n    {\n      "expected": "number",\n      "code": "invalid_type",\n      "received": "NaN",\n'
        '      "path": [\n        "port"\n      ],\n      "message": "Invalid input: expected number, received NaN"\n'
        '    }\n  ]\n\n\n')


@pytest.mark.parametrize("given", ["", "0x50", " 8080 ", "1e3", "0", "65535"])
def test_a_port_is_not_refused(project, capsys, given):
    done = run_main(capsys, "dev", f"--port={given}")
    assert done.returncode == 1 and "--port" not in done.stderr  # past the check: the Worker's import fails
    assert "the Worker was loaded" in done.stderr
