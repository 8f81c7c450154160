"""Probe (review73): workers-env dev's exit on SIGINT/SIGTERM at each phase of a Python Worker -- its
import (time.sleep, a nested run_sync), a request (asyncio.sleep, time.sleep, a nested run_sync, a busy
loop), a response mid-stream, waitUntil work after the response (asyncio.sleep, time.sleep, a write nobody reads, an ASGI
stream nobody reads: hunt50) -- as
wrangler dev answers a JS twin (tools/wrangler/dev_stop_signal_probe.py: 130/143, nothing printed).
Measured 2026-12-05 at 2026-05-01, 2026-09-08 (and, with argv[2] 2025-09-01, the 0.26 era, where
pyodide.ffi has no run_sync: its nested cases fail to load): 130/143 in 0.06-1.7 s, nothing printed.
Run: PYTHONPATH=/abs/tree python3 tools/wrangler/dev_stop_signal_python_probe.py /abs/tree [dates] [phase filter]"""
import http.client, signal, sys, threading, time, json, tempfile
from pathlib import Path
sys.path[:0] = [sys.argv[1] + "/tests"]
from dev_reload_helpers import DevServer, python_project

HEAD = "import asyncio, time\nfrom workers import Response, WorkerEntrypoint\nfrom pyodide.ffi import run_sync\n"
def nested():
    return "async def inner():\n    time.sleep(60)\ndef hang():\n    run_sync(inner())\n"
PHASES = {
 "import time.sleep": HEAD + "print('importing', flush=True)\ntime.sleep(60)\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response('x')\n",
 "import nested run_sync": HEAD + nested() + "print('importing', flush=True)\nhang()\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response('x')\n",
 "request asyncio.sleep": HEAD + "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        print('answering', flush=True)\n        await asyncio.sleep(60)\n        return Response('x')\n",
 "request time.sleep": HEAD + "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        print('answering', flush=True)\n        time.sleep(60)\n        return Response('x')\n",
 "request nested run_sync": HEAD + nested() + "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        print('answering', flush=True)\n        hang()\n        return Response('x')\n",
 "request microtask loop": HEAD + "from js import queueMicrotask\nfrom pyodide.ffi import create_proxy\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        print('answering', flush=True)\n        spin = create_proxy(lambda: queueMicrotask(spin))\n        spin()\n        return Response('x')\n",
 "request promise chain": HEAD + "from js import Promise\nfrom pyodide.ffi import create_proxy\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        print('answering', flush=True)\n        step = create_proxy(lambda _=None: Promise.resolve().then(step))\n        step()\n        return Response('x')\n",
 "request task loop": HEAD + "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        print('answering', flush=True)\n        async def spin():\n            while True:\n                await asyncio.sleep(0)\n        asyncio.ensure_future(spin())\n        return Response('x')\n",
 "request call_soon loop": HEAD + "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        print('answering', flush=True)\n        loop = asyncio.get_running_loop()\n        def spin():\n            loop.call_soon(spin)\n        spin()\n        return Response('x')\n",
 "request busy loop": HEAD + "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        print('answering', flush=True)\n        while True:\n            pass\n",
 "mid-stream": HEAD + "from js import TransformStream, TextEncoder\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        s = TransformStream.new()\n        async def w():\n            wr = s.writable.getWriter()\n            await wr.write(TextEncoder.new().encode('part'))\n            print('answering', flush=True)\n            await asyncio.sleep(60)\n            await wr.close()\n        self.ctx.waitUntil(asyncio.ensure_future(w()))\n        return Response(s.readable)\n",
 "waitUntil after response": HEAD + "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        async def w():\n            await asyncio.sleep(0.2)\n            print('answering', flush=True)\n            await asyncio.sleep(60)\n        self.ctx.waitUntil(asyncio.ensure_future(w()))\n        return Response('x')\n",
 "waitUntil time.sleep": HEAD + "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        async def w():\n            await asyncio.sleep(0.2)\n            print('answering', flush=True)\n            time.sleep(60)\n        self.ctx.waitUntil(asyncio.ensure_future(w()))\n        return Response('x')\n",
 "waitUntil on an unread write": HEAD + "from js import TransformStream, Uint8Array\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        s = TransformStream.new()\n        wr = s.writable.getWriter()\n        async def w():\n            print('answering', flush=True)\n            await wr.write(Uint8Array.new(3))\n            await wr.write(Uint8Array.new(3))\n        self.ctx.waitUntil(asyncio.ensure_future(w()))\n        return Response('x')\n",
 # (hunt50) the SDK's asgi.fetch of a StreamingResponse nobody reads: its waitUntil'd finalize_request
 # waits on the app, then (cancelled at the stop) on the lifespan's shutdown -- which dev had abandoned
 "waitUntil ASGI stream unread": HEAD + "import asgi\nfrom fastapi import FastAPI\nfrom fastapi.responses import StreamingResponse\nfrom workers import Request\napp = FastAPI()\nasync def chunks():\n    for i in range(3):\n        yield f'{i}'\n@app.get('/s')\nasync def s():\n    return StreamingResponse(chunks())\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        inner = await asgi.fetch(app, Request('http://in/s'), {})\n        print('answering', flush=True)\n        return Response(str(inner.status))\n",
}
DATES = sys.argv[2].split(",") if len(sys.argv) > 2 else ["2026-05-01"]
only = sys.argv[3] if len(sys.argv) > 3 else None
for date in DATES:
  for phase, entry in PHASES.items():
    if only and only not in phase:
        continue
    for sig, name in ((signal.SIGINT, "SIGINT"), (signal.SIGTERM, "SIGTERM")):
        with tempfile.TemporaryDirectory() as tmp:
            project = python_project(Path(tmp) / "app", entry)
            (project / "wrangler.toml").write_text((project / "wrangler.toml").read_text().replace("2026-05-01", date))
            (project / "pyproject.toml").write_text('[tool.workers-env]\npython-sdk = "1.9.5"\n')
            dev = DevServer(project)
            try:
                if phase.startswith("import"):
                    dev.wait_for("importing")
                else:
                    dev.wait_for("Ready on")
                    def ask():
                        try:
                            c = http.client.HTTPConnection("127.0.0.1", dev.port, timeout=90); c.request("GET", "/"); c.getresponse().read()
                        except Exception:
                            pass
                    threading.Thread(target=ask, daemon=True).start()
                    dev.wait_for("answering")
                time.sleep(0.3)
                mark = len(dev.lines)
                t = time.monotonic()
                dev.proc.send_signal(sig)
                try:
                    code = dev.proc.wait(20)
                except Exception:
                    code = "HUNG"
                took = time.monotonic() - t
                time.sleep(0.2)
                print(json.dumps([date, phase, name, code, round(took, 2), dev.lines[mark:][:4]]), flush=True)
            finally:
                try:
                    dev.proc.kill()
                except Exception:
                    pass
                dev.__exit__(None, None, None)
