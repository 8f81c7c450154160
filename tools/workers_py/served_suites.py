"""Cloudflare's runtime-sdk suites that run inside a served Worker, against ``workers-env dev``.

cloudflare/workers-py's ``packages/runtime-sdk/tests`` holds Workers that run pytest inside
themselves: ``web-frameworks-test/fastapi-tests`` and ``django-async`` answer
``GET /run-tests/<suite>`` with each in-worker test's outcome (their harness serves them with
``pywrangler dev`` at three compatibility configs, the SDK's own ``src/`` copied over
``python_modules/``), and ``workerd-test/<name>`` Workers run theirs from a ``test()`` handler
under ``workerd test``. Here each is copied unchanged from a checkout, served with TREE's
``workers-env dev`` and driven the same way; a ``workerd-test`` Worker gets a self-written
``driver.py`` as ``main`` (its ``test()`` body run on ``GET /__test``, with the test folder as
the working directory: its ``os.chdir("/session/metadata/tests")`` names the deployed folder,
which workers-env does not map for file access -- README, "Where we had to choose") and ``SELF``
bound to itself. Dev is then stopped with SIGTERM
and must exit 143 within 15 s. Not part of the test run (it reads a checkout: see run.sh).

    PY=/venv/bin/python python3 tools/workers_py/served_suites.py TREE WORKERS_PY_CHECKOUT [name ...]

PY needs workers-env's dependencies and each Worker's (fastapi, python-multipart, pytest,
``pytest-asyncio<1.2.0``; ``django<6.1``, djangorestframework, django-cors-headers).
Measured by hunt50 (2026-12-05, workers-py b00837d, workers-env c4e359eb, Python 3.13.0; CHECKS.md):
fastapi-tests 70/70 and django-async 73/73 at each config (at 2025-09-01 the async ones pass
falsely, as Cloudflare's own harness says of Pyodide 0.26.0a2: a failing async test "passes"
there too, a sync one fails), workerd-test asgi 18/19 (the one: ``import asgi`` is
``workers.asgi`` in the SDK from 1.6.14, not here; 19/19 from left50, 2026-12-05, at bdcbce13),
wsgi 7/7, asgi-ws-disconnect 6/6.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

TREE, CHECKOUT = Path(sys.argv[1]), Path(sys.argv[2])
ONLY = sys.argv[3:]
PY = os.environ.get("PY", sys.executable)
TESTS = CHECKOUT / "packages" / "runtime-sdk" / "tests"
SDK = CHECKOUT / "packages" / "runtime-sdk" / "src"
EXTERNAL = ["enable_python_external_sdk", "python_process_pth_files", "python_request_headers_preserve_commas"]
#: the harness's COMPAT_CONFIGS (conftest.py at b00837d; later ones name python_workers_314)
CONFIGS = [("2025-09-01", EXTERNAL), ("2026-01-01", EXTERNAL), ("2026-07-01", ["python_workers_20260610", "experimental"])]
DRIVER = '''# served_suites.py's driver (not the Worker's code): its test() body on GET /__test
import os, pathlib, pytest
import worker
from workers import Response


class Default(worker.Default):
    async def fetch(self, request):
        if request.url.endswith("/__test"):
            os.chdir(pathlib.Path(worker.__file__).parent / "tests")
            code = pytest.main([".", "-q", "-p", "no:cacheprovider"])
            return Response(f"exit {int(code)}")
        return await super().fetch(request)
'''


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=300) as resp:
        return resp.read().decode()


def serve(folder: Path, paths: list[str]) -> list[str]:
    """Serve ``folder`` with TREE's dev, GET each path, stop it with SIGTERM; the bodies."""
    port = free_port()
    log = open(folder.parent / "dev.log", "w")
    proc = subprocess.Popen([PY, "-m", "workers_env", "dev", "--port", str(port)], cwd=folder, stdout=log,
                            stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": str(TREE)})
    try:
        for _ in range(240):
            try:
                get(f"http://127.0.0.1:{port}/__ready")
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.25)
        bodies = [get(f"http://127.0.0.1:{port}{path}") for path in paths]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(15)
        except subprocess.TimeoutExpired:
            code = "still running 15 s after SIGTERM"
            proc.kill()
            proc.wait()
        log.close()
    print(f"  dev stopped: {code}")
    return bodies


def copied(source: Path, into: Path, date: str, flags: list[str]) -> Path:
    work = into / "w"
    shutil.copytree(source, work)
    shutil.copytree(SDK, work / "python_modules", dirs_exist_ok=True)  # as the harness does
    config = work / "wrangler.jsonc"
    text = config.read_text().replace("%COMPAT_DATE", date)
    for flag in flags:
        text = text.replace('"python_workers"', f'"python_workers", "{flag}"')
    config.write_text(text)
    return work


def served_frameworks(name: str, tmp: Path) -> None:
    source = TESTS / "web-frameworks-test" / name
    suites = sorted(p.stem[len("test_"):] for p in (source / "src").glob("test_*.py"))
    for date, flags in CONFIGS:
        print(f"{name} {date}")
        work = copied(source, tmp / f"{name}-{date}", date, flags)
        for suite, body in zip(suites, serve(work, [f"/run-tests/{s}" for s in suites])):
            results = json.loads(body)
            counts: dict[str, int] = {}
            for result in results.values():
                counts[result["status"]] = counts.get(result["status"], 0) + 1
            print(f"  {suite:26} {counts}")
            for test, result in results.items():
                if result["status"] not in ("passed", "skipped"):
                    print(f"    {test}: {result.get('error', '')[:200]!r}")


def served_workerd_test(name: str, tmp: Path) -> None:
    date = "2026-01-01"
    print(f"workerd-test/{name} {date}")
    work = tmp / name / "w"
    shutil.copytree(TESTS / "workerd-test" / name, work)
    shutil.copytree(SDK, work / "python_modules", dirs_exist_ok=True)
    (work / "driver.py").write_text(DRIVER)
    (work / "wrangler.jsonc").write_text(json.dumps({
        "name": "test-worker", "main": "driver.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers", *EXTERNAL], "vars": {"color": False},
        "services": [{"binding": "SELF", "service": "test-worker"}]}))
    print("  " + serve(work, ["/__test"])[0])
    print("  " + next((line for line in (work.parent / "dev.log").read_text().splitlines()
                       if " passed" in line or " failed" in line), "(no pytest summary)"))


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="served_suites") as tmp:
        for name in ("fastapi-tests", "django-async"):
            if not ONLY or name in ONLY:
                served_frameworks(name, Path(tmp))
        for name in ("asgi", "wsgi", "asgi-ws-disconnect"):
            if not ONLY or name in ONLY:
                served_workerd_test(name, Path(tmp))


if __name__ == "__main__":
    main()
