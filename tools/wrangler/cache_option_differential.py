"""Differential check of a Request init's ``cache`` and ``integrity`` members, era by era.

workerd takes ``cache`` by compatibility date and flags (compatibility-date.capnp):
``cache_option_enabled`` (2024-11-11) lets it be ``"no-store"`` and gives ``Request`` its ``cache``
property; ``cache_no_cache_enabled`` (implied from 2025-08-07 where ``cache_option_enabled`` is on)
adds ``"no-cache"``; ``cache_reload_enabled`` (experimental, no date) adds ``"reload"``. Each era
below runs the same cases (``jsapi_differential.py``'s format and Worker) under ``wrangler dev``
with that date and those flags, and through workers-env with a Worker runtime of that config;
the ``fetch`` cases go to a local origin that answers the ``Cache-Control`` and ``Pragma`` it
received, as workerd adds them to a subrequest made with a ``cache`` mode.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/cache_option_differential.py [--all]

Not collected by pytest (needs Node and wrangler's node_modules).
"""

from __future__ import annotations

import http.server
import json
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from casediff import report, run_under_wrangler_dev
from jsapi_differential import NAN, NULL, UNDEF, WORKER_JS, canonical, label, new, ours

from workers_env.config.compat import cache_modes
from workers_env.runtime.current import WorkerRuntime, handling, set_current

#: (compatibility date, flags) of each era
ERAS = [
    ("2024-11-10", ()),
    ("2024-11-11", ()),
    ("2025-08-06", ()),
    ("2025-08-06", ("cache_no_cache_enabled",)),
    ("2025-08-07", ()),
    ("2025-08-07", ("cache_no_cache_disabled",)),
    ("2026-09-28", ("cache_option_disabled",)),
    ("2026-09-28", ("cache_reload_enabled",)),
]

#: a property missing from the JS object reads ``undefined`` in JavaScript; through Pyodide it
#: is an ``AttributeError`` naming it (workers-env's ``{"$missing": ...}``)
class _Request:
    """The request the cases run in: ``fetch`` is I/O, refused at a Worker's top level."""


ABSENT = "before cache_option_enabled Request has no cache property: JavaScript reads undefined, Pyodide raises AttributeError"


def cases(origin: str) -> list:
    url = "https://e.com/"
    made = [
        ["do", new("Request", url), "cache", "integrity"],
        *(["do", new("Request", url, {"cache": mode}), "cache"] for mode in ("no-store", "no-cache", "reload")),
        ["new", "Request", url, {"cache": "default"}], ["new", "Request", url, {"cache": "NO-STORE"}],
        ["new", "Request", url, {"cache": NULL}], ["new", "Request", url, {"cache": {"$undefined": True}}],
        ["new", "Request", url, {"cache": "no-store", "cf": {"cacheControl": "max-age=5"}}],
        ["new", "Request", url, {"cache": "no-store", "cf": {"cacheTtl": 5}}],
        ["new", "Request", url, {"cf": {"cacheControl": "max-age=5", "cacheTtl": 5}}],
        ["new", "Request", url, {"cache": "bogus", "integrity": "sha256-x"}],
        ["new", "Request", "not a url", {"cache": "bogus"}],
        ["new", "Request", url, {"integrity": "sha256-x"}], ["new", "Request", url, {"integrity": ""}],
        ["new", "Request", url, {"integrity": NULL}], ["new", "Request", url, {"integrity": "", "method": "bad method"}],
        ["new", "Request", url, {"integrity": "x", "method": "bad method"}],
        ["new", "Request", url, {"integrity": "x", "redirect": "bogus"}],
        ["do", new("Request", url, {"cache": "no-store"}), ["@c", "clone"], "@c.cache"],
        ["do", new("Request", new("Request", url, {"cache": "no-store"})), "cache"],
        ["do", new("Request", "https://f.com/", new("Request", url, {"cache": "no-store"})), "cache"],
        ["do", new("Request", new("Request", url, {"cache": "no-store"}), {"method": "POST"}), "cache"],
        ["call", "fetch", origin],
        ["call", "fetch", origin, {"cache": "no-store"}],
        ["call", "fetch", origin, {"cache": "no-cache"}],
        ["call", "fetch", origin, {"cache": "reload", "cf": {"cacheTtl": 300}}],
        ["call", "fetch", origin, {"cache": "no-store", "headers": {"cache-control": "max-age=5", "pragma": "x"}}],
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": 300}}],
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": -1}}],
        ["call", "fetch", origin, {"cache": "no-cache", "cf": {"cacheTtl": 300}}],
        ["call", "fetch", new("Request", origin, {"cache": "no-store"})],
        ["call", "fetch", origin, {"integrity": "sha256-x"}],
        # interplay: an input Request's mode under an init that names, omits or replaces it
        ["do", new("Request", new("Request", url, {"cache": "no-store"}), {"cache": UNDEF}), "cache"],
        ["do", new("Request", new("Request", url, {"cache": "no-store"}), {"cache": "no-cache"}), "cache"],
        ["do", new("Request", new("Request", url, {"cache": "no-store"}), new("Request", url)), "cache"],
        ["do", new("Request", new("Request", url), new("Request", url, {"cache": "no-store"})), "cache"],
        ["new", "Request", new("Request", url, {"cache": "no-store"}), {"cache": NULL}],
        ["do", new("Request", new("Request", url, {"cache": "no-store"}), {}), "cache", "integrity"],
        ["new", "Request", new("Request", url, {"cache": "no-store"}), {"integrity": "x"}],
        ["new", "Request", new("Request", url, {"cache": "no-store"}), {"integrity": NULL}],
        ["do", new("Request", new("Request", url, {"cache": "no-store"}), {"cf": {"cacheControl": "max-age=5"}}),
         "cache", "cf.cacheControl"],
        ["new", "Request", url, {"cache": UNDEF, "cf": {"cacheControl": "max-age=5"}}],
        ["new", "Request", url, {"cf": {"cacheControl": UNDEF, "cacheTtl": 5}}],
        ["new", "Request", url, {"cf": {"cacheControl": NULL, "cacheTtl": 5}}],
        ["new", "Request", url, {"cf": {"cacheControl": "max-age=5", "cacheTtl": UNDEF}}],
        # the Worker's own Cache-Control / Pragma, any case
        ["call", "fetch", origin, {"cache": "no-store", "headers": {"Cache-Control": "max-age=5"}}],
        ["call", "fetch", origin, {"cache": "no-store", "headers": {"PRAGMA": "x"}}],
        ["call", "fetch", origin, {"headers": {"Pragma": "x"}}],
        ["call", "fetch", new("Request", origin, {"cache": "no-store", "headers": {"cache-control": "max-age=9"}}),
         {"headers": {"x-a": "1"}}],
        ["call", "fetch", new("Request", origin, {"cache": "no-store"}), new("Request", origin)],
        # a redirect followed: the next hop is sent with them too
        ["call", "fetch", origin + "redirect", {"cache": "no-store"}],
        ["call", "fetch", origin + "redirect", {"cache": "no-store", "headers": {"cache-control": "max-age=1"}}],
        # no-store's cacheTtl check: only the number -1 passes
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": "-1"}}],
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": -1.0}}],
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": UNDEF}}],
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": NULL}}],
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": True}}],
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": NAN}}],
        ["call", "fetch", origin, {"cache": "no-store", "cf": {"cacheTtl": 0.5}}],
        ["call", "fetch", new("Request", origin, {"cache": "no-store", "cf": {"cacheTtl": 300}})],
        ["call", "fetch", new("Request", origin, {"cache": "no-store"}), {"cf": {"cacheTtl": 300}}],
        ["call", "fetch", new("Request", origin, {"cf": {"cacheTtl": 300}}), {"cache": "no-store"}],
    ]
    return made


class _Echo(http.server.BaseHTTPRequestHandler):
    """Answers the cache headers it was sent, as JSON."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/redirect":  # a hop to / (which answers what the redirected request had)
            self.send_response(302)
            self.send_header("location", "/")
            self.send_header("content-length", "0")
            self.end_headers()
            return
        seen = {"cache-control": self.headers.get("cache-control"), "pragma": self.headers.get("pragma")}
        body = json.dumps(seen, sort_keys=True).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def version_string(self) -> str:
        return "echo"

    def date_time_string(self, timestamp: float | None = None) -> str:
        return "<date>"

    def log_message(self, *args: object) -> None:
        pass


def main(argv: list[str]) -> int:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    status = 0
    try:
        for date, flags in ERAS:
            print(f"=== compatibility_date {date}, flags {list(flags)}")
            listed = cases(origin)
            config = SimpleNamespace(compatibility_date=date, compatibility_flags=list(flags))
            modes = cache_modes(config)
            marked = [{"call": c, "expected": ABSENT} if modes is None and i == 0 else c for i, c in enumerate(listed)]
            theirs = run_under_wrangler_dev(WORKER_JS, "cache-diff", date, listed, tuple(flags))
            set_current(WorkerRuntime(None, None, cache_modes=modes))
            try:
                with handling(_Request()):
                    mine = ours(listed)
            finally:
                set_current(None)
            status |= report(marked, theirs, mine, label=label, normalise=canonical, width=600,
                             show_all="--all" in argv)
    finally:
        server.shutdown()
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
