// Run wrangler's own config reader on each case and print what it says, as JSON.
// Usage: tools/wrangler/node tools/wrangler/read_configs.js cases.json
// cases.json: [{"dir": "/abs/case", "config": "wrangler.toml" | null, "env": "staging" | null}]
// Output: [{"ok": bool, "warnings": "<text>", "error": "<text>" | null}]
"use strict";
process.env.FORCE_COLOR = "0";
process.env.WRANGLER_LOG = "warn";
process.env.WRANGLER_SEND_METRICS = "false";
const fs = require("node:fs");
const wrangler = require("wrangler");

const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, "");
const cases = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = [];
const captured = [];
for (const name of ["log", "warn", "error", "info", "debug"]) {
  console[name] = (...args) => captured.push(strip(args.map(String).join(" ")));
}
for (const c of cases) {
  captured.length = 0;
  process.chdir(c.dir);
  let ok = true;
  let error = null;
  try {
    const args = { env: c.env ?? undefined };
    if (c.config) args.config = c.config;
    wrangler.unstable_readConfig(args, { hideWarnings: false });
  } catch (e) {
    ok = false;
    error = strip(String(e && e.message !== undefined ? e.message : e));
    if (e && e.location) {
      const l = e.location;
      error += `\n${require("node:path").relative(c.dir, l.file ?? "")}:${l.line}:${l.column}:`;
    }
  }
  results.push({ ok, warnings: captured.join("\n"), error });
}
process.stdout.write(JSON.stringify(results));
