// What a Python Worker's limit() call hands wrangler dev's rate-limit binding through the built-in SDK (ratelimit49):
// Miniflare 4.164.0's limit() checks (ratelimit.worker.js, copied) called from Python in one real Pyodide under Node,
// with a dict (its PyProxy), keywords, to_js objects and bad values; prints each call's options as the binding
// reads them (OK {...}) or its error.
//   node tools/pyodide/ratelimit_options_probe.mjs /tmp/pyodide/<version>
import path from "path"; import { pathToFileURL } from "url";
const dir = process.argv[2];
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
var RatelimitOptionKeys = ["key", "limit", "period", "delta"], RatelimitPeriodValues = [10, 60], MAX_UINT32 = 4294967295;
function validate(test, message) { if (!test) throw new Error(message); }
function toDelta(delta) {
  let value = +delta;
  if (!Number.isFinite(value)) throw new TypeError("The value cannot be converted because it is not an integer.");
  if (value < 0) throw new TypeError("The value cannot be converted because it is negative and this API expects a positive number.");
  if (value > MAX_UINT32) throw new TypeError(`Value out of range. Must be less than or equal to ${MAX_UINT32}.`);
  let truncated = Math.trunc(value);
  if (truncated === 0) throw new RangeError("delta must be non-zero");
  return truncated;
}
globalThis.limit = function (options) {
  try {
    validate(typeof options == "object" && options !== null, "invalid rate limit options");
    let invalidProps = Object.keys(options ?? {}).filter((key2) => !RatelimitOptionKeys.includes(key2));
    validate(invalidProps.length == 0, `bad rate limit options: [${invalidProps.join(",")}]`);
    let { key = "", limit = 5, period = 60, delta = 1 } = options;
    validate(typeof key == "string", `invalid key: ${key}`), validate(typeof limit == "number", `limit must be a number: ${limit}`), validate(typeof period == "number", `period must be a number: ${period}`), validate(RatelimitPeriodValues.includes(period), `unsupported period: ${period}`);
    let weight = toDelta(delta);
    return "OK " + JSON.stringify({ key, limit, period, delta: weight });
  } catch (e) { return `${e.name}: ${e.message}`; }
};
py.runPython(`
import js
from pyodide.ffi import to_js
from js import Object
import collections, types
cases = [
 ("dict", lambda: js.limit({"key": "a"})),
 ("kw", lambda: js.limit(key="a")),
 ("dict extra", lambda: js.limit({"key": "a", "x": 1})),
 ("empty dict", lambda: js.limit({})),
 ("dict get", lambda: js.limit({"get": 1})),
 ("dict int key", lambda: js.limit({"key": 5})),
 ("to_js dict", lambda: js.limit(to_js({"key": "a"}, dict_converter=Object.fromEntries))),
 ("none", lambda: js.limit(None)),
 ("noarg", lambda: js.limit()),
 ("str", lambda: js.limit("a")),
 ("list", lambda: js.limit(["a"])),
 ("int", lambda: js.limit(5)),
 ("kw int key", lambda: js.limit(key=5)),
 ("kw None key", lambda: js.limit(key=None)),
 ("kw float key", lambda: js.limit(key=1.5)),
 ("kw bool key", lambda: js.limit(key=True)),
 ("kw big key", lambda: js.limit(key=2**60)),
 ("kw list key", lambda: js.limit(key=["a", 1])),
 ("kw dict key", lambda: js.limit(key={"a": 1})),
 ("kw extra", lambda: js.limit(key="a", x=1, y=2)),
 ("kw limit str", lambda: js.limit(key="a", limit="3")),
 ("kw period 30", lambda: js.limit(key="a", period=30)),
 ("kw period 10.0", lambda: js.limit(key="a", period=10.0)),
 ("kw delta 0", lambda: js.limit(key="a", delta=0)),
 ("kw delta 2.7", lambda: js.limit(key="a", delta=2.7)),
 ("kw delta -1", lambda: js.limit(key="a", delta=-1)),
 ("kw delta str", lambda: js.limit(key="a", delta="3")),
 ("kw delta None", lambda: js.limit(key="a", delta=None)),
 ("kw delta big", lambda: js.limit(key="a", delta=2**40)),
 ("kw delta 2**53", lambda: js.limit(key="a", delta=2**53)),
 ("kw delta True", lambda: js.limit(key="a", delta=True)),
 ("kw delta list", lambda: js.limit(key="a", delta=[3])),
 ("kw delta nan", lambda: js.limit(key="a", delta=float("nan"))),
 ("kw limit nan", lambda: js.limit(key="a", limit=float("nan"))),
 ("ordered", lambda: js.limit(collections.OrderedDict(key="a"))),
 ("ns", lambda: js.limit(types.SimpleNamespace(key="a"))),
 ("dict+kw", lambda: js.limit({"key": "a"}, key="b")),
 ("dict None key", lambda: js.limit({"key": None})),
 ("dict None limit", lambda: js.limit({"key": "a", "limit": None})),
 ("kw key jsnull", lambda: js.limit(key=js.JSON.parse("null"))),
]
out = []
for name, f in cases:
    try:
        out.append((name, f()))
    except Exception as e:
        out.append((name, "RAISED " + type(e).__name__ + ": " + str(e)[:200]))
`);
for (const [n, r] of py.globals.get("out").toJs()) console.log(JSON.stringify([n, r]));
