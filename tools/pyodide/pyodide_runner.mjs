// Runs the differential's snippets in one real Pyodide (one Node process for all cases):
//   node pyodide_runner.mjs <folder with node_modules/pyodide> <snippet_runner.py> <cases.json> <out.json>
// No network: the npm package holds the wasm build and the standard library.
// A case answered with SystemError (Pyodide 0.26 once left "error return without exception set"
// behind a JavaScript exception in a long run, not reproducibly) is run again alone in a fresh
// Pyodide of the same Node process; its first answer is kept as "first_try".
import fs from "fs";
import path from "path";
import { pathToFileURL } from "url";

const [dir, runnerPath, casesPath, outPath] = process.argv.slice(2);
const entry = path.join(dir, "node_modules", "pyodide", "pyodide.mjs");
const { loadPyodide } = await import(pathToFileURL(entry).href);
const runner = fs.readFileSync(runnerPath, "utf8");

async function fresh() {
  const py = await loadPyodide();
  py.runPython(runner);
  return py;
}

const py = await fresh();
const codes = JSON.parse(fs.readFileSync(casesPath, "utf8"));
const results = JSON.parse(py.globals.get("run_json")(JSON.stringify(codes)));
for (let i = 0; i < results.length; i++) {
  if (results[i].error === "SystemError") {
    const again = await fresh();
    const [result] = JSON.parse(again.globals.get("run_json")(JSON.stringify([codes[i]])));
    results[i] = { ...result, first_try: `${results[i].error}: ${results[i].message}` };
  }
}
fs.writeFileSync(outPath, JSON.stringify({ version: py.version, results }));
