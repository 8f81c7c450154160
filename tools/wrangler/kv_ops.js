// Runs a list of KV operations against Miniflare's KV binding (workerd, as `wrangler dev`
// runs it) and prints one JSON result per operation. Used by kv_differential.py.
// usage: node kv_ops.js OPS.json PERSIST_ROOT NAMESPACE_ID
const fs = require("node:fs");
const { Miniflare, convertV4MiniflareOptions } = require("miniflare");

function decode(v) {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    if ("$repeat" in v) return v.$repeat[0].repeat(v.$repeat[1]);
    if ("$bytes" in v) return Buffer.from(v.$bytes, "hex");
    if ("$now_plus" in v) return Math.floor(Date.now() / 1000) + v.$now_plus;
    if ("$bigint" in v) return BigInt(v.$bigint);
    if ("$undefined" in v) return undefined;  // JSON has no undefined (null stays null)
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
  }
  if (Array.isArray(v)) return v.map(decode);
  return v;
}

async function shape(v) {
  if (v instanceof Map) return { $map: Object.fromEntries([...v].map(([k, x]) => [k, x])) };
  if (v instanceof ArrayBuffer) return { $bytes: Buffer.from(v).toString("hex") };
  if (v instanceof ReadableStream) return { $stream: Buffer.from(await new Response(v).arrayBuffer()).toString("hex") };
  if (v && typeof v === "object" && !Array.isArray(v)) {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = await shape(x);
    return out;
  }
  return v === undefined ? { $undefined: true } : v;
}

(async () => {
  const [opsPath, persistRoot, namespaceId] = process.argv.slice(2);
  const ops = JSON.parse(fs.readFileSync(opsPath, "utf8"));
  const mf = new Miniflare(convertV4MiniflareOptions({
    script: 'addEventListener("fetch", (e) => e.respondWith(new Response(null, { status: 404 })))',
    resourcePersistencePath: persistRoot,
    kvNamespaces: { KV: namespaceId },
  }));
  const kv = await mf.getKVNamespace("KV");
  const results = [];
  for (const [method, ...args] of ops) {
    try {
      results.push({ ok: await shape(await kv[method](...decode(args))) });
    } catch (e) {
      results.push({ error: `${e.constructor.name}: ${e.message}` });
    }
  }
  await mf.dispose();
  process.stdout.write(JSON.stringify(results));
})();
