"""What ``wrangler dev`` does with Queue messages beyond what a producer alone sees: the
service's limits Miniflare's broker checks when a local consumer takes the queue (and not
without one), delays out of range, which refusal comes first, bodies V8 cannot clone, what the
consumer's ``message.body`` is for each content type, a producer's ``delivery_delay`` and
consumer options Miniflare refuses at start, and messages waiting when the Worker is edited.
Not collected by pytest.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler python3 tools/wrangler/queue_probe.py [limits|config|reload|sizes]

A JavaScript Worker with two producers: ``Q`` to a queue it consumes itself, ``P`` to one nobody
consumes; each case runs once with each. Prints one JSON line per case.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from casediff import wrangler_dev  # noqa: E402

CONFIG = """
[[queues.producers]]
binding = "Q"
queue = "q"

[[queues.producers]]
binding = "P"
queue = "p"

[[queues.consumers]]
queue = "q"
max_batch_timeout = 0
max_retries = 0
"""

#: Each case: its name and a JavaScript function of the producer binding ``B``.
CASES = {
    "json 128000": 'B => B.send("a".repeat(127998))',
    "json 128001": 'B => B.send("a".repeat(127999))',
    "text 128000": 'B => B.send("a".repeat(128000), {contentType: "text"})',
    "text 128001": 'B => B.send("a".repeat(128001), {contentType: "text"})',
    "bytes 128001": 'B => B.send(new Uint8Array(128001), {contentType: "bytes"})',
    "v8 127990 chars": 'B => B.send("a".repeat(127990), {contentType: "v8"})',
    "v8 128000 chars": 'B => B.send("a".repeat(128000), {contentType: "v8"})',
    "batch 100": "B => B.sendBatch(Array.from({length: 100}, () => ({body: 1})))",
    "batch 101": "B => B.sendBatch(Array.from({length: 101}, () => ({body: 1})))",
    "batch one of 128001": 'B => B.sendBatch([{body: "a".repeat(128001), contentType: "text"}])',
    "batch 288000": 'B => B.sendBatch([96000, 96000, 96000].map(n => ({body: "a".repeat(n), contentType: "text"})))',
    "batch 288001": 'B => B.sendBatch([96000, 96000, 96001].map(n => ({body: "a".repeat(n), contentType: "text"})))',
    "batch 101 with one of 128001": 'B => B.sendBatch([{body: "a".repeat(128001), contentType: "text"}, '
                                    "...Array.from({length: 100}, () => ({body: 1}))])",
    "batch 3 of 128001": 'B => B.sendBatch([1, 2, 3].map(() => ({body: "a".repeat(128001), contentType: "text"})))',
    "delay 86400": "B => B.send(1, {delaySeconds: 86400})",
    "delay 86401": "B => B.send(1, {delaySeconds: 86401})",
    "delay -1": "B => B.send(1, {delaySeconds: -1})",
    "delay 1.5": "B => B.send(1, {delaySeconds: 1.5})",
    "batch option delay 86401": "B => B.sendBatch([{body: 1}], {delaySeconds: 86401})",
    "batch option delay -1": "B => B.sendBatch([{body: 1}], {delaySeconds: -1})",
    "batch message delay 86401": "B => B.sendBatch([{body: 1, delaySeconds: 86401}])",
    "batch message delay -1": "B => B.sendBatch([{body: 1, delaySeconds: -1}])",
    "undefined, delay 2**31": "B => B.send(undefined, {delaySeconds: 2 ** 31})",
    "undefined, type nope": 'B => B.send(undefined, {contentType: "nope"})',
    "big json, delay 86401": 'B => B.send("a".repeat(127999), {delaySeconds: 86401})',
    "v8 function": 'B => B.send(() => 1, {contentType: "v8"})',
    "v8 named function": 'B => B.send(function named() { return 1; }, {contentType: "v8"})',
    "v8 symbol": 'B => B.send(Symbol("s"), {contentType: "v8"})',
    "v8 object holding a function": 'B => B.send({f: () => 1}, {contentType: "v8"})',
    "v8 batch function": 'B => B.sendBatch([{body: () => 1, contentType: "v8"}])',
    "json function": "B => B.send(() => 1)",
    "json symbol": 'B => B.send(Symbol("s"))',
    "json object holding a function": "B => B.send({f: () => 1, n: 1})",
    "bytes Uint8Array": 'B => B.send(new Uint8Array([1, 2, 3]), {contentType: "bytes"})',
    "json Uint8Array": "B => B.send(new Uint8Array([1, 2, 3]))",
    "v8 Uint8Array": 'B => B.send(new Uint8Array([1, 2, 3]), {contentType: "v8"})',
    "v8 ArrayBuffer": 'B => B.send(new Uint8Array([1, 2, 3]).buffer, {contentType: "v8"})',
    "v8 Map": 'B => B.send(new Map([["a", 1]]), {contentType: "v8"})',
    # leftovers44: a Map at depth, JavaScript's own functions, and json bodies JSON.stringify throws on
    "v8 Map nested": 'B => B.send(new Map([["a", {b: new Map([[1, [2]]])}], [2, "c"]]), {contentType: "v8"})',
    "v8 fetch": 'B => B.send(fetch, {contentType: "v8"})',
    "v8 console.log": 'B => B.send(console.log, {contentType: "v8"})',
    "v8 Response.json": 'B => B.send(Response.json, {contentType: "v8"})',
    "v8 bound function": 'B => B.send((() => 1).bind(null), {contentType: "v8"})',
    "v8 async function": 'B => B.send(async function later() { return 1; }, {contentType: "v8"})',
    "v8 class": 'B => B.send(class K {}, {contentType: "v8"})',
    "v8 method": 'B => B.send({m() { return 1; }}.m, {contentType: "v8"})',
    "v8 Map holding a function": 'B => B.send(new Map([["f", () => 1]]), {contentType: "v8"})',
    "json BigInt": "B => B.send(1n)",
    "json object holding a BigInt": "B => B.send({a: 1n})",
    "json cycle": "B => { const o = {a: 1}; o.self = o; return B.send(o); }",
    "json toJSON throws": 'B => B.send({toJSON() { throw new RangeError("no"); }})',
    "batch json BigInt": "B => B.sendBatch([{body: 1}, {body: 1n}])",
    "batch json cycle": "B => { const o = {a: 1}; o.self = o; return B.sendBatch([{body: o}]); }",
    "batch json function": "B => B.sendBatch([{body: () => 1}])",
    "batch json symbol": 'B => B.sendBatch([{body: Symbol("s")}])',
    "batch json BigInt then v8 function": 'B => B.sendBatch([{body: 1n}, {body: () => 1, contentType: "v8"}])',
    "batch v8 function then json BigInt": 'B => B.sendBatch([{body: () => 1, contentType: "v8"}, {body: 1n}])',
    "batch text number then json BigInt": 'B => B.sendBatch([{body: 1, contentType: "text"}, {body: 1n}])',
    "batch json BigInt then text number": 'B => B.sendBatch([{body: 1n}, {body: 1, contentType: "text"}])',
}

WORKER_JS = """
const CASES = {%s};
let got = [];
function describe(body) {
  const kind = Object.prototype.toString.call(body);
  let shown;
  try { shown = JSON.stringify(body instanceof Map ? [...body] : ArrayBuffer.isView(body) ? [...body] :
                               body instanceof ArrayBuffer ? [...new Uint8Array(body)] : body); }
  catch (e) { shown = String(e); }
  return kind + " " + (shown && shown.length > 60 ? shown.slice(0, 20) + "...(" + shown.length + ")" : shown);
}
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method === "GET") return url.pathname === "/got" ? Response.json(got) : new Response("ready");
    const out = [];
    for (const [name, binding] of await request.json()) {
      try { out.push([name, binding, "ok", JSON.stringify(await CASES[name](env[binding]))]); }
      catch (e) { out.push([name, binding, "error", `${e.name}: ${e.message}`]); }
    }
    return Response.json(out);
  },
  async queue(batch) {
    for (const m of batch.messages) got.push([batch.queue, describe(m.body)]);
  },
};
""" % ",\n".join(f"{json.dumps(name)}: {code}" for name, code in CASES.items())


def limits(date: str) -> None:
    with wrangler_dev(WORKER_JS, "queue-probe", date, extra_config=CONFIG) as dev:
        for row in dev.post([[name, b] for name in CASES for b in ("Q", "P")]):
            print(date, json.dumps(row))
        time.sleep(3)
        for row in json.loads(urlopen_text(dev.url + "got")):
            print(date, "delivered", json.dumps(row))
        print(date, "log", json.dumps([line for line in dev.log.read_text().splitlines() if "QUEUE" in line
                                       or "rror" in line]))


def urlopen_text(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read().decode()


#: Configs wrangler dev may refuse at start: a producer's ``delivery_delay``, a consumer's ``retry_delay``.
BAD_CONFIGS = {
    "delivery_delay 86401": '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\ndelivery_delay = 86401\n',
    "delivery_delay -1": '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\ndelivery_delay = -1\n',
    "delivery_delay 1.5": '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\ndelivery_delay = 1.5\n',
    "delivery_delay 86400": '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\ndelivery_delay = 86400\n',
    "retry_delay 86401": '[[queues.consumers]]\nqueue = "q"\nretry_delay = 86401\n',
    "retry_delay -1": '[[queues.consumers]]\nqueue = "q"\nretry_delay = -1\n',
}


def config() -> None:
    for name, extra in BAD_CONFIGS.items():
        with wrangler_dev(WORKER_JS, "queue-config", "2026-11-01", extra_config=extra, wait=False) as dev:
            deadline = time.monotonic() + 60
            text = ""
            while time.monotonic() < deadline:
                text = dev.log.read_text()
                if "Ready on" in text or "ERROR" in text or "rror" in text:
                    time.sleep(3)
                    text = dev.log.read_text()
                    break
                time.sleep(0.5)
            print(name, json.dumps([line for line in text.splitlines() if line.strip()][-12:]))


RELOAD_JS = """
export default {
  async fetch(request, env) {
    if (request.method === "GET") return new Response("ready");
    await env.Q.send("delayed", {delaySeconds: 4});
    await env.Q.sendBatch([{body: "waiting 1"}, {body: "waiting 2"}]);
    return new Response("sent");
  },
  async queue(batch) {
    console.log("VERSION", batch.queue, JSON.stringify(batch.messages.map(m => m.body)));
  },
};
"""


def reload() -> None:
    """Messages waiting (a batch timeout of 3 s, a delay of 4 s) when the Worker is edited."""
    extra = ('[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n\n'
             '[[queues.consumers]]\nqueue = "q"\nmax_batch_timeout = 3\n')
    with wrangler_dev(RELOAD_JS.replace("VERSION", "first"), "queue-reload", "2026-11-01", extra_config=extra) as dev:
        print("sent", urlopen_post(dev.url))
        time.sleep(1)
        (dev.app / "src" / "index.js").write_text(RELOAD_JS.replace("VERSION", "second"))
        time.sleep(10)
        print("reload log", json.dumps([line for line in dev.log.read_text().splitlines() if line.strip()][-15:]))


#: ``v8`` bodies whose serialised size ``backlogBytes`` shows (a consumer that waits 60 s, so none leaves).
V8_BODIES = {
    "10 a": '"a".repeat(10)', "3 e-acute": '"\\u00e9".repeat(3)', "euro": '"\\u20ac"', "euro x2": '"\\u20ac\\u20ac"',
    "1": "1", "-1": "-1", "2**30": "2 ** 30", "2**30-1": "2 ** 30 - 1", "-(2**30)": "-(2 ** 30)",
    "-(2**30)-1": "-(2 ** 30) - 1", "1.5": "1.5", "true": "true", "null": "null",
    "[1,2,3]": "[1, 2, 3]", "{a:1}": "({a: 1})", "{1:1}": '({"1": 1})', "{a:[\"\\u20ac\"]}": '({a: ["\\u20ac"]})',
    "Uint8Array(3)": "new Uint8Array([1, 2, 3])", "Float64Array(2)": "new Float64Array([1, 2])",
    "ArrayBuffer(3)": "new Uint8Array([1, 2, 3]).buffer", "Date": "new Date(0)", "Map": 'new Map([["a", 1]])',
    "2n**64n": "2n ** 64n",
    # review52: the shapes the first 21 left open
    "Set": 'new Set(["a", 1])', "-0": "-0", "[1,1.5]": "[1, 1.5]", "[1,1.5,\"a\"]": '[1, 1.5, "a"]',
    "[1.5,1]": "[1.5, 1]", "[o,o]": "(o => [o, o])({a: 1})", "sparse": "(a => (a[5] = 1, a))([])",
    "{a:1,\"\u20ac\":1}": '({a: 1, "\\u20ac": 1})', "[\"a\",\"\u20ac\"]": '["a", "\\u20ac"]',
    "{\"2\":1,b:1,\"1\":1}": '({"2": 1, b: 1, "1": 1})', "{\"4294967294\":1}": '({"4294967294": 1})',
    "Uint8Array sub": "new Uint8Array([1, 2, 3, 4]).subarray(1, 3)", "Int32Array(2)": "new Int32Array([1, 2])",
    "DataView(2)": "new DataView(new ArrayBuffer(2))", "[{a:1.5},{a:1}]": "[{a: 1.5}, {a: 1}]",
    "128 a": '"a".repeat(128)', "ref id 129": "(x => [...Array.from({length: 128}, () => ({})), x, x])({})", "Date NaN": "new Date(NaN)", "[]": "[]", "{}": "({})", "[[]]": "[[]]",
    # leftovers44: Maps as Pyodide 0.26's to_js(dict) makes them
    "Map()": "new Map()", "Map 2": 'new Map([["a", 1], [2, {b: 2}]])', "{m:Map}": '({m: new Map([["a", 1]])})',
    "Map of Map": 'new Map([["a", new Map([["b", "\\u20ac"]])]])', "[m,m] Map": '(m => [m, m])(new Map([["a", 1]]))',
    "Map key 1.5": "new Map([[1.5, null]])",
}

SIZES_JS = """
export default {
  async fetch(request, env) {
    if (request.method === "GET") return new Response("ready");
    const out = {};
    let before = (await env.Q.metrics()).backlogBytes;
    for (const [name, body] of [%s]) {
      await env.Q.send(body, {contentType: "v8"});
      const after = (await env.Q.metrics()).backlogBytes;
      out[name] = after - before;
      before = after;
    }
    return Response.json(out);
  },
  async queue(batch) {},
};
""" % ", ".join(f"[{json.dumps(name)}, {code}]" for name, code in V8_BODIES.items())


def sizes() -> None:
    extra = ('[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n\n[[queues.consumers]]\nqueue = "q"\n'
             "max_batch_timeout = 60\nmax_batch_size = 100\n")
    with wrangler_dev(SIZES_JS, "queue-sizes", "2026-11-01", extra_config=extra) as dev:
        print(json.dumps(json.loads(urlopen_post(dev.url)), indent=1))


def urlopen_post(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(urllib.request.Request(url, data=b"", method="POST"), timeout=30) as r:
        return r.read().decode()


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "limits"
    if what == "limits":
        for day in sys.argv[2:] or ["2026-11-01", "2026-03-11"]:
            limits(day)
    elif what == "config":
        config()
    elif what == "sizes":
        sizes()
    else:
        reload()
