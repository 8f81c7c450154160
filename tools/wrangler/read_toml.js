// Parse each file with wrangler's own TOML reader (smol-toml 1.9.0 inside wrangler 4.168.0's
// experimental_readRawConfig) and print what it gives, as JSON.
// Usage: tools/wrangler/node tools/wrangler/read_toml.js files.json
// files.json: ["/abs/case/wrangler.toml", ...]
// Output: [{"ok": true, "value": <tagged>} | {"ok": false, "error": "<text>", "where": "line:column"}]
// Tagged (cut at 50 levels: {"$deep": true}): a date is {"$date": toISOString()}, NaN/Infinity/-0 are {"$number": String(x)}.
"use strict";
process.env.FORCE_COLOR = "0";
process.env.WRANGLER_LOG = "warn";
process.env.WRANGLER_SEND_METRICS = "false";
const fs = require("node:fs");
const wrangler = require("wrangler");

function tagged(value, depth = 0) {
  if (depth > 50 && value !== null && typeof value === "object" && !(value instanceof Date)) return { $deep: true };
  if (value instanceof Date) return { $date: isNaN(value) ? "Invalid Date" : value.toISOString() };
  if (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0))) return { $number: Object.is(value, -0) ? "-0" : String(value) };
  if (Array.isArray(value)) return value.map((item) => tagged(item, depth + 1));
  if (value !== null && typeof value === "object") {
    const out = Object.create(null);  // (a key __proto__ stays a key)
    for (const key of Object.keys(value)) out[key] = tagged(value[key], depth + 1);
    return out;
  }
  return value;
}

const results = [];
for (const file of JSON.parse(fs.readFileSync(process.argv[2], "utf8"))) {
  try {
    const { rawConfig } = wrangler.experimental_readRawConfig({ config: file }, { useRedirectIfAvailable: false });
    results.push({ ok: true, value: tagged(rawConfig) });
  } catch (e) {
    const where = e && e.location ? `${e.location.line}:${e.location.column}` : null;
    results.push({ ok: false, error: String(e && e.text !== undefined ? e.text : e && e.message), where });
  }
}
process.stdout.write(JSON.stringify(results));
