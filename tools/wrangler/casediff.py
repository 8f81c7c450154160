"""What the case differentials of this folder share (``jsapi_differential.py``,
``webcrypto_differential.py``): run the cases in a JavaScript Worker under ``wrangler dev`` and
report them beside workers-env's answers. Not collected by pytest."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_under_wrangler_dev(worker_js: str, name: str, compatibility_date: str, calls: list[Any],
                           compatibility_flags: tuple[str, ...] = (), extra_config: str = "") -> list[Any]:
    """POST ``calls`` (JSON) to ``worker_js`` served by ``wrangler dev`` (local workerd) and
    return its JSON answer; the Worker answers ``ready`` to a GET once it is up. ``extra_config``
    is appended to its ``wrangler.toml`` (``no_bundle = true``: without wrangler's injected
    ``checked-fetch`` wrapper of ``fetch``, which production does not have)."""
    with tempfile.TemporaryDirectory(prefix=f"{name}-") as folder:
        tmp = Path(folder)
        app = tmp / "app"
        (app / "src").mkdir(parents=True)
        (app / "src" / "index.js").write_text(worker_js)
        (app / "wrangler.toml").write_text(f'name = "{name}"\nmain = "src/index.js"\n'
                                            f'compatibility_date = "{compatibility_date}"\n'
                                            f"compatibility_flags = {json.dumps(list(compatibility_flags))}\n"
                                            + extra_config)
        port, inspector = _free_port(), _free_port()
        log = (tmp / "wrangler.log").open("w")
        proc = subprocess.Popen([str(HERE / "wrangler"), "dev", "--ip", "127.0.0.1", "--port", str(port),
                                 "--inspector-port", str(inspector), "--show-interactive-dev-session=false"],
                                cwd=app, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, env={**os.environ, "XDG_CONFIG_HOME": str(tmp / "config")})
        url = f"http://127.0.0.1:{port}/"
        try:
            deadline = time.monotonic() + 120
            while True:
                if proc.poll() is not None:
                    raise SystemExit("wrangler dev exited:\n" + (tmp / "wrangler.log").read_text())
                try:
                    with urllib.request.urlopen(url, timeout=5) as r:
                        if r.read() == b"ready":
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("wrangler dev did not answer in 120 s:\n" + (tmp / "wrangler.log").read_text())
                time.sleep(0.5)
            request = urllib.request.Request(url, data=json.dumps(calls).encode(), method="POST",
                                             headers={"content-type": "application/json"})
            with urllib.request.urlopen(request, timeout=300) as r:
                return json.loads(r.read())
        finally:
            try:
                os.killpg(proc.pid, signal.SIGTERM)  # the process group wrangler dev was started in
                proc.wait(timeout=15)
            except ProcessLookupError:  # it had exited already (not installed, a bad config, ...)
                pass
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            log.close()


def print_cases(labels: list[str], why: dict[int, str], theirs: list[Any], ours: list[Any], *,
                key: Callable[[Any], Any], show: Callable[[Any], str], theirs_name: str,
                show_all: bool = False) -> list[bool]:
    """Print every unexpected difference, then the expected ones (a case in ``why`` may differ
    on purpose); return whether each case agreed (``key`` of both sides equal)."""
    width = max(len(theirs_name), len("workers-env")) + 2  # the answers line up after the names
    agreed: list[bool] = []
    expected_lines = []
    for i, (label, x, y) in enumerate(zip(labels, theirs, ours, strict=True)):
        agreed.append(key(x) == key(y))
        if agreed[-1]:
            if show_all:
                print(f"SAME #{i} {label}\n  {'both:':<{width}}{show(x)}")
            if i in why:
                expected_lines.append(f"EXPECTED DIFFERENCE DID NOT SHOW #{i} {label}  ({why[i]})")
            continue
        lines = f"#{i} {label}\n  {theirs_name + ':':<{width}}{show(x)}\n  {'workers-env:':<{width}}{show(y)}"
        if i in why:
            expected_lines.append(f"EXPECTED {lines}\n  why: {why[i]}")
        else:
            print(f"DIFF {lines}")
    for line in expected_lines:
        print(line)
    return agreed


def report(cases: list[Any], theirs: list[Any], ours: list[Any], *, label: Callable[[Any], str],
           normalise: Callable[[Any], Any] = lambda value: value, width: int = 400, show_all: bool = False) -> int:
    """Print every unexpected difference, then the expected ones, then the count; exit status 1
    if anything differed unexpectedly. A case written ``{"call": [...], "expected": "why"}``
    may differ on purpose."""
    calls = [c["call"] if isinstance(c, dict) else c for c in cases]
    expected = {i: c["expected"] for i, c in enumerate(cases) if isinstance(c, dict)}

    def key(value: Any) -> str:
        return json.dumps(normalise(value), sort_keys=True)

    agreed = print_cases([label(c) for c in calls], expected, theirs, ours, key=key,
                         show=lambda value: key(value)[:width], theirs_name="workerd", show_all=show_all)
    same = sum(agreed)
    differ = sum(1 for i, ok in enumerate(agreed) if not ok and i not in expected)
    print(f"{same}/{len(calls)} cases give the same result or error text as workerd (wrangler dev); "
          f"{differ} unexpected differences, {len(expected)} cases allowed to differ ({len(expected)} listed above)")
    return 1 if differ else 0
