// Runs a list of KV operations against Miniflare's KV binding inside workerd (as `wrangler dev`
// runs it) and prints one JSON result per operation. Used by kv_differential.py.
// The operations run in the Worker itself, so an argument reaches the binding as Worker code
// builds it (a lone surrogate, a stream, a Blob) and a call that throws before its promise
// throws its own error, not Miniflare's Node-side proxy's.
// usage: node kv_ops.js OPS.json PERSIST_ROOT NAMESPACE_ID
const fs = require("node:fs");
const { Miniflare, convertV4MiniflareOptions } = require("miniflare");

// The Worker: decodes kv_edge_cases.py's markers, runs each operation, shapes each result.
const WORKER = String.raw`
let lastCursor;  // the cursor the latest list() returned ({"$last_cursor": true})

function fromHex(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
function toHex(bytes) {
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}
function bytesOf(chunk) {
  return typeof chunk === "string" ? new TextEncoder().encode(chunk) : new Uint8Array(decode(chunk));
}

function decode(v) {
  if (v && typeof v === "object" && !Array.isArray(v)) {
    if ("$repeat" in v) return v.$repeat[0].repeat(v.$repeat[1]);
    if ("$repeat_bytes" in v) return new Uint8Array(v.$repeat_bytes[1]).fill(parseInt(v.$repeat_bytes[0], 16));
    if ("$bytes" in v) return fromHex(v.$bytes);
    if ("$now_plus" in v) return Math.floor(Date.now() / 1000) + v.$now_plus;
    if ("$bigint" in v) return BigInt(v.$bigint);
    if ("$undefined" in v) return undefined;  // JSON has no undefined (null stays null)
    if ("$num" in v) return Number(v.$num);
    if ("$typed" in v) {
      const [name, items] = v.$typed;
      return new globalThis[name](name.startsWith("Big") ? items.map(BigInt) : items);
    }
    if ("$arraybuffer" in v) return fromHex(v.$arraybuffer).buffer;
    if ("$dataview" in v) return new DataView(fromHex(v.$dataview).buffer);
    if ("$u8view" in v) {
      const [hex, offset, length] = v.$u8view;
      return new Uint8Array(fromHex(hex).buffer, offset, length);
    }
    if ("$stream" in v) {
      const chunks = v.$stream.map(bytesOf);
      return new ReadableStream({ start(c) { for (const chunk of chunks) c.enqueue(chunk); c.close(); } });
    }
    if ("$response" in v) return new Response(fromHex(v.$response)).body;
    if ("$blob" in v) return new Blob([v.$blob]);
    const out = {};
    for (const [k, x] of Object.entries(v)) {
      if (x && typeof x === "object" && "$last_cursor" in x) {
        if (lastCursor !== undefined) out[k] = lastCursor;
        continue;
      }
      out[k] = decode(x);
    }
    return out;
  }
  if (Array.isArray(v)) return v.map(decode);
  return v;
}

const LONG = 4096;  // kv_differential.py's long_form
async function longForm(bytes, length) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return { $long: [length, toHex(digest).slice(0, 16)] };
}

async function shape(v) {
  if (v instanceof Map) {
    const out = {};
    for (const [k, x] of v) out[k] = await shape(x);
    return { $map: out };
  }
  if (v instanceof ArrayBuffer) {
    const b = new Uint8Array(v);
    return b.length >= LONG ? longForm(b, b.length) : { $bytes: toHex(b) };
  }
  if (v instanceof ReadableStream) {
    const b = new Uint8Array(await new Response(v).arrayBuffer());
    return b.length >= LONG ? longForm(b, b.length) : { $stream: toHex(b) };
  }
  if (typeof v === "string" && v.length >= LONG) return longForm(new TextEncoder().encode(v), v.length);
  if (Array.isArray(v)) {
    const out = [];
    for (const x of v) out.push(await shape(x));
    return out;
  }
  if (v && typeof v === "object") {
    const out = {};
    for (const [k, x] of Object.entries(v)) out[k] = await shape(x);
    return out;
  }
  return v === undefined ? { $undefined: true } : v;
}

export default {
  async fetch(request, env) {
    const ops = await request.json();
    const results = [];
    for (const [method, ...args] of ops) {
      try {
        const value = await env.KV[method](...decode(args));
        if (method === "list" && value && typeof value === "object") lastCursor = value.cursor;
        results.push({ ok: await shape(value) });
      } catch (e) {
        results.push({ error: e.constructor.name + ": " + e.message });
      }
    }
    return Response.json(results);
  },
};
`;

(async () => {
  const [opsPath, persistRoot, namespaceId] = process.argv.slice(2);
  const mf = new Miniflare(convertV4MiniflareOptions({
    modules: true,
    script: WORKER,
    compatibilityDate: "2025-11-01",
    resourcePersistencePath: persistRoot,
    kvNamespaces: { KV: namespaceId },
  }));
  const response = await mf.dispatchFetch("http://localhost/", { method: "POST", body: fs.readFileSync(opsPath, "utf8") });
  const text = await response.text();
  await mf.dispose();
  if (response.status !== 200) throw new Error(`the Worker answered ${response.status}: ${text.slice(0, 2000)}`);
  process.stdout.write(text);
})();
