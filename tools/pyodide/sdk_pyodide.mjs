// The loader the sdk_*_probe.mjs probes share: one real Pyodide under Node with a real SDK's
// `workers/` folder (a workers-runtime-sdk wheel unpacked or tag's packages/runtime-sdk/src/workers,
// or workerd's src/pyodide/internal/workers-api/src/workers) copied to /sdk/workers and put first on
// sys.path, the two workerd-internal modules it imports (_cloudflare_compat_flags,
// _pyodide_entrypoint_helper) stood in for by modules whose every name is a function answering
// False; prints Pyodide's version. `dir` is /tmp/pyodide/<version>, `sdk` the folder holding workers/.
import fs from "fs"; import path from "path"; import { pathToFileURL } from "url";

export async function sdkPyodide(dir, sdk) {
  const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
  const py = await loadPyodide();
  py.FS.mkdirTree("/sdk/workers");
  for (const name of fs.readdirSync(path.join(sdk, "workers"))) {
    if (name.endsWith(".py")) py.FS.writeFile(`/sdk/workers/${name}`, fs.readFileSync(path.join(sdk, "workers", name)));
  }
  py.runPython(`
import sys, types
sys.path.insert(0, "/sdk")
for name in ("_cloudflare_compat_flags", "_pyodide_entrypoint_helper"):
    mod = types.ModuleType(name)
    mod.__getattr__ = lambda attr: (lambda *a, **k: False)
    sys.modules[name] = mod
`);
  console.log(py.version);
  return py;
}
