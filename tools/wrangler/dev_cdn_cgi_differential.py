"""Differential: what wrangler dev (a JavaScript twin) and workers-env dev answer for ``/cdn-cgi/`` paths.

Each case is a config (none, ``[assets]``, a route, an upstream) and options (``--test-scheduled``
or not); both run, and for each path (``/cdn-cgi/``, ``/cdn-cgi/trace``, the trigger paths old and
new, ``/cdn-cgi/mf/...``, ``/cdn-cgi/image/...``, wrangler's own ``/cdn-cgi/live-reload``, ...) and
each ``Host``/``Origin`` sent, what comes back: the status, the ``Content-Type`` and the body's
start (a Worker's own answer is the URL it saw), and whether the request was logged. The twin is
unbundled (``no_bundle``), as wrangler serves every Python Worker. The port is written ``PORT``.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_cdn_cgi_differential.py [--only NAME-PART] [--js-only]"""
import http.client, json, re, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dev_section_differential import free_port, run_dev, twin_project  # noqa: E402 - the same way of running dev

JS = '''export default {
  async fetch(r) {
    if (new URL(r.url).pathname === "/say") console.log("W-says /cdn-cgi/ here");
    return new Response("W " + r.method + " " + r.url + " host=" + r.headers.get("host")); },
  async scheduled(e) { console.log("W-scheduled " + e.cron); },
  async email(m) { console.log("W-email " + m.from); },
};
'''
PY = '''from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/say"):
            print("W-says /cdn-cgi/ here")
        return Response("W " + request.method + " " + request.url + " host=" + str(request.headers.get("host")))

    async def scheduled(self, controller, env, ctx):
        print("W-scheduled " + controller.cron)

    async def email(self, message, env, ctx):
        print("W-email " + getattr(message, "from"))
'''
MAIL = (b"From: a@example.com\r\nTo: b@example.com\r\nMessage-ID: <1@example.com>\r\nSubject: s\r\n"
        b"Date: Mon, 01 Jan 2024 00:00:00 +0000\r\n\r\nhi\r\n")
PATHS = ["/cdn-cgi", "/cdn-cgi/", "/cdn-cgi/trace", "/cdn-cgi/handler/scheduled", "/cdn-cgi/handler/scheduled?cron=1+2+3+4+5",
         "/cdn-cgi/handler/email", "/cdn-cgi/handler", "/cdn-cgi/handler/x", "/cdn-cgi/local/scheduled",
         "/cdn-cgi/local/x", "/cdn-cgi/mf/scheduled", "/cdn-cgi/mf/x", "/cdn-cgi/mf/stream/x",
         "/cdn-cgi/mf/imagedelivery/x", "/cdn-cgi/image/width=100/a.png", "/cdn-cgi/live-reload",
         "/cdn-cgi/explorer", "/cdn-cgi/local/explorer", "/cdn-cgi/local/platform-proxy", "/cdn-cgi/local/r2/public/x",
         "/cdn-cgi/challenge-platform/x", "/__cf_local/stream/x", "/__cf_local/imagedelivery/x", "/CDN-CGI/trace",
         "/a.txt", "/__scheduled", "/cdn-cgi/a.txt", "/cdn-cgi/x/../trace", "/cdn-cgi%2Ftrace", "/cdn-cgi/%74race",
         "/cdn-cgi/handler/scheduled/", "/cdn-cgi/local/scheduled/x", "/cdn-cgi/local/explorer/api/x",
         "/cdn-cgi/handler/platform-proxy", "/say"]
#: (method, path, headers, body) beyond PATHS' plain GETs
EXTRA = [
    ("POST", "/cdn-cgi/handler/email?from=a@example.com&to=b@example.com", {}, MAIL),
    ("POST", "/cdn-cgi/local/email?from=a@example.com&to=b@example.com", {}, MAIL),
    ("GET", "/cdn-cgi/trace", {"Host": "foo.test"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "localhost:1"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "[::1]"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "shop.example.com"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "x.shop.example.com"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "up.test"}, None),
    ("GET", "/cdn-cgi/trace", {"Origin": "http://foo.test"}, None),
    ("GET", "/cdn-cgi/trace", {"Origin": "null"}, None),
    ("GET", "/cdn-cgi/trace", {"Origin": "http://localhost:5"}, None),
    ("GET", "/other", {"Host": "foo.test"}, None),
    ("GET", "/cdn-cgi/handler/scheduled", {"Host": "foo.test"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "LOCALHOST:5"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "127.1"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "localhost."}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "app.localhost:8787"}, None),  # wrangler 4.168.0 takes *.localhost
    ("GET", "/cdn-cgi/trace", {"Origin": "http://app.localhost:5173"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "localhost.evil.com"}, None),
    ("GET", "/cdn-cgi/trace", {"Host": "[0:0::1]:7"}, None),
    ("GET", "/cdn-cgi/trace", {"Origin": "http://127.0.0.1:PORT"}, None),
    ("GET", "/cdn-cgi/trace", {"Origin": "https://[::1]"}, None),
    ("GET", "/cdn-cgi/trace", {"Origin": ""}, None),
    ("GET", "/cdn-cgi/mf/stream/x", {"Host": "foo.test"}, None),
    ("GET", "/cdn-cgi/explorer", {"Host": "foo.test"}, None),
    ("GET", "/cdn-cgi/local/platform-proxy", {"MF-Op": "GET"}, None),
    ("POST", "/cdn-cgi/trace", {"Host": "foo.test"}, b"x"),
    ("HEAD", "/cdn-cgi/trace", {"Host": "foo.test"}, None),
]


def cases():
    """(name, config after the base lines, extra arguments)."""
    assets = '[assets]\ndirectory = "public"\n'
    return [
        ("plain", "", []),
        ("--test-scheduled", "", ["--test-scheduled"]),
        ("assets", assets, []),
        ("assets, --test-scheduled", assets, ["--test-scheduled"]),
        ("assets binding, run_worker_first", '[assets]\ndirectory = "public"\nbinding = "ASSETS"\n'
         'run_worker_first = true\n', []),
        ("route", 'routes = [{ pattern = "shop.example.com/*", zone_name = "example.com" }]\n', []),
        ("wildcard route", 'routes = ["*.shop.example.com/*"]\n', []),
        ("--local-upstream", "", ["--local-upstream", "up.test"]),
        ("--log-level debug", "", ["--log-level", "debug"]),
    ]


def _request(port, method, path, headers, body):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        text = resp.read().decode("utf-8", "replace")
        return [resp.status, resp.getheader("Content-Type"), text[:90]]
    except OSError as exc:
        return f"no answer ({type(exc).__name__})"
    finally:
        conn.close()


def probe(port):
    asked = [("GET", p, {}, None) for p in PATHS] + EXTRA
    return {f"{m} {p} {json.dumps(h) if h else ''}".strip():
            _request(port, m, p, {k: v.replace("PORT", str(port)) for k, v in h.items()}, b) for m, p, h, b in asked}


def _logged(out):
    """The request-log lines (``GET /path 200 OK``) and the Worker's own lines, in order."""
    return [re.sub(r" \(\d+ms\)", "", line.strip()) for line in out.splitlines()
            if re.match(r"\s*\[wrangler:info\] |\s*(GET|POST|HEAD) /|\s*W-|.*Invalid", line)]


def run(kind, config, extra):
    base, cmd, env = twin_project(f"dev_cdn_cgi_{kind}", kind, JS, PY, 'no_bundle = true\n' * (kind == "js") + config)
    (base / "public").mkdir()
    (base / "public/a.txt").write_text("asset a\n")
    port = free_port()
    out, seen, returncode = run_dev(cmd + ["--port", str(port), "--ip", "127.0.0.1"] + extra, base, env,
                                    lambda: probe(port))
    if seen is None:
        return {"exit": returncode, "out": out[-400:]}
    lines = [re.sub(r"^\[wrangler:info\] ", "", line) for line in _logged(out)]
    # the request lines in order; the Worker's own lines (another pipe under wrangler: their order
    # against the request lines is a race there) sorted
    logged = [line for line in lines if not line.startswith("W-")] + sorted(l for l in lines if l.startswith("W-"))
    return json.loads(json.dumps({"answers": seen, "logged": logged}).replace(str(port), "PORT"))


def main():
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    js_only = "--js-only" in sys.argv
    same = total = known = 0
    for name, config, extra in cases():
        if only and only not in name:
            continue
        js = run("js", config, extra)
        if js_only:
            print(f"== {name}")
            for k, v in js.get("answers", js).items():
                print(f"  {k}: {json.dumps(v)}")
            print("  logged:", json.dumps(js.get("logged")))
            continue
        py = run("py", config, extra)
        for key in js.get("answers", {}):
            total += 1
            a, b = js["answers"][key], py.get("answers", {}).get(key)
            same += a == b
            known += a != b and _known(a, b)
            print(f"{'same' if a == b else 'known' if _known(a, b) else 'DIFF'}  {name}: {key}" + ("" if a == b else
                  f"\n  wrangler:    {json.dumps(a)}\n  workers-env: {json.dumps(b)}"), flush=True)
        total += 1
        alike = js.get("logged") == py.get("logged")
        same += alike
        known += not alike and "debug" in name
        print(f"{'same' if alike else 'known' if 'debug' in name else 'DIFF'}  {name}: the log\n"
              f"  wrangler:    {json.dumps(js.get('logged'))}\n  workers-env: {json.dumps(py.get('logged'))}")
    if not js_only:
        print(f"{same}/{total} the same, {known} known differences")


def _known(theirs, ours):
    """The differences on purpose: wrangler's local explorer (its UI, its API's 404) where
    workers-env answers 501 (README: "Where we had to choose"); at ``--log-level debug`` wrangler
    prints its ProxyWorker's request lines instead (dev_log_level_differential's known difference)."""
    return isinstance(ours, list) and ours[0] == 501 and "local explorer" in ours[2] and theirs[0] in (200, 404)


if __name__ == "__main__":
    main()
