// Runs the differential's snippets in one real Pyodide (one Node process for all cases):
//   node pyodide_runner.mjs <folder with node_modules/pyodide> <snippet_runner.py> <cases.json> <out.json>
// No network: the npm package holds the wasm build and the standard library.
// A case answered with SystemError (Pyodide 0.26 once left "error return without exception set"
// in long runs, not reproducibly) is run again alone in a fresh Pyodide of the same Node process,
// up to three times; its first answer is kept as "first_try".
import fs from "fs";
import path from "path";
import { pathToFileURL } from "url";

const [dir, runnerPath, casesPath, outPath] = process.argv.slice(2);
// a case's promise rejection nobody handles (a failing async callback JavaScript drops): Node
// would exit on it; workerd logs none (README), so it is left unreported here too
process.on("unhandledRejection", () => {});
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
// the "# async" snippets (run_json leaves them null): awaited one by one in Pyodide's WebLoop
if (codes.some((code) => code.startsWith("# async"))) {
  py.globals.set("async_cases", JSON.stringify(codes));
  const later = JSON.parse(await py.runPythonAsync("await run_json_async(async_cases)"));
  later.forEach((result, i) => { if (result !== null) results[i] = result; });
}
for (let i = 0; i < results.length; i++) {
  const first = results[i];
  for (let attempt = 0; attempt < 3 && results[i].error === "SystemError"; attempt++) {
    const again = await fresh();
    const [result] = JSON.parse(again.globals.get("run_json")(JSON.stringify([codes[i]])));
    results[i] = { ...result, first_try: `${first.error}: ${first.message}`, attempts: attempt + 1 };
  }
}
fs.writeFileSync(outPath, JSON.stringify({ version: py.version, results }));
