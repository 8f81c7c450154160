// audit24: what Pyodide's create_proxy(obj).getBuffer(kind) gives for buffers with a shape, steps or
// a misaligned span -- tests/getbuffer_cases.py, the cases tests/test_runtime_create_proxy_get_buffer.py's
// Worker runs too, here run by real Pyodide.
//   node tools/pyodide/getbuffer_probe.mjs /tmp/pyodide/<version>
// Measured 2026-12-05 on 0.26.0a4, 0.28.2 and 314.0.6: the same 18 answers on all three (the test's SHAPED).
import fs from "fs"; import path from "path"; import { fileURLToPath, pathToFileURL } from "url";
const dir = process.argv[2];
const cases = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "getbuffer_cases.py"), "utf8");
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
console.log(await py.runPythonAsync(cases + "\nanswers()"));
