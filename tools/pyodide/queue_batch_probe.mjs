// What a raw Queue's sendBatch gets of a Python list, tuple or generator in the built-in SDK era (queue58):
//   PATH=$(cat /tmp/wrangler/node-bin-path):$PATH node tools/pyodide/queue_batch_probe.mjs /tmp/pyodide/<version>
// Python hands the batch to a JavaScript stand-in of jsg's Sequence<MessageSendRequest> unwrapping (workerd
// jsg/iterator.h SequenceWrapper through GeneratorWrapper: any object with a Symbol.iterator, items pulled to
// the end; jsg/struct.h: each item's body, contentType, delaySeconds read as it is pulled), then queue.c++
// sendBatch's body check and JSON.stringify of each body; prints one JSON line per batch form. The stand-in's
// refusal texts for a non-object item or a batch that is no sequence are its own (jsg's are in queues/limits.py
// and runtime/queuebatch.py).
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
function unwrapStruct(v) {
  if (v === undefined || v === null) throw new TypeError("Cannot initialize MessageSendRequest with required members from an undefined or null value.");
  if (!(typeof v === "object" || typeof v === "function")) return null;
  const body = v.body; const ct = v.contentType; const ds = v.delaySeconds;
  return { body, contentType: ct === undefined ? undefined : String(ct), delaySeconds: ds };
}
function sendBatch(batch) {
  if (typeof batch === "string") throw new TypeError("not Sequence (string)");
  if (!(batch !== null && (typeof batch === "object" || typeof batch === "function"))) throw new TypeError("not Sequence");
  const itf = batch[Symbol.iterator];
  if (typeof itf !== "function") throw new TypeError("not Sequence (no iterator)");
  const it = itf.call(batch);
  const items = [];
  while (true) {
    const r = it.next(); const done = Boolean(r.done); const value = r.value;
    if (done) break;
    const s = unwrapStruct(value);
    if (s === null) throw new TypeError("item not MessageSendRequest: " + typeof value);
    items.push(s);
  }
  if (items.length === 0) throw new TypeError("sendBatch() requires at least one message");
  const out = [];
  for (const m of items) {
    if (m.body === undefined) throw new TypeError("Message body cannot be undefined");
    out.push([m.contentType ?? null, m.delaySeconds ?? null, JSON.stringify(m.body)]);
  }
  return JSON.stringify(out);
}
globalThis.sendBatch = sendBatch;
py.runPython(`
import js
from js import Object
from pyodide.ffi import to_js
def gen():
    yield {"body": "g1"}
    yield {"body": {"n": 2}}
def tj(d):
    return to_js(d, dict_converter=Object.fromEntries)
import collections, types
cases = {
  "OrderedDict item": lambda: [collections.OrderedDict(body="o")],
  "MappingProxyType item": lambda: [types.MappingProxyType({"body": "m"})],
  "SimpleNamespace item dict body": lambda: [types.SimpleNamespace(body={"n": 1}, contentType="json")],
  "SimpleNamespace item str body": lambda: [types.SimpleNamespace(body="s")],
  "bytes item": lambda: [b"ab"],
  "list of to_js objects": lambda: [tj({"body": {"a": 1}}), tj({"body": "s", "contentType": "text"})],
  "list of to_js Map (no dict_converter)": lambda: [to_js({"body": {"a": 1}})],
  "list of dicts str body": lambda: [{"body": "x"}, {"body": 2, "contentType": "json", "delaySeconds": 3}],
  "list of dicts dict body": lambda: [{"body": {"n": 1}}],
  "list of dicts list body": lambda: [{"body": [1, 2]}],
  "list of dicts list-of-dict body": lambda: [{"body": [{"a": 1}]}],
  "tuple of dicts": lambda: ({"body": "t"},),
  "tuple of to_js": lambda: (tj({"body": "t"}),),
  "generator": gen,
  "generator of to_js": lambda: (tj({"body": i}) for i in range(2)),
  "list with None": lambda: [None],
  "list with number": lambda: [1],
  "list with str": lambda: ["abc"],
  "empty list": lambda: [],
  "dict as batch": lambda: {"body": 1},
  "to_js list of dicts": lambda: tj([{"body": "x"}]),
  "mixed": lambda: [tj({"body": 1}), {"body": "x"}],
  "list of dicts key values": lambda: [{"body": "x", "values": 1}],
  "list of dicts body named keys": lambda: [{"keys": 1, "body": "y"}],
  "dict values of to_js (review89)": lambda: {"a": tj({"body": 1})}.values(),
  "range (review89)": lambda: range(2),
  "bytes (review89)": lambda: b"ab",
}
def run(name):
    try:
        return js.sendBatch(cases[name]())
    except Exception as e:
        return "ERR " + type(e).__name__ + ": " + str(e).splitlines()[0][:200]
`);
const run = py.globals.get("run");
const names = py.runPython("list(cases)").toJs();
for (const n of names) console.log(JSON.stringify([n, run(n)]));
