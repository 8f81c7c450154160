// Runs D1 statements through the real D1 binding (workerd's d1-api.ts under Miniflare) and prints
// what Worker code gets, as JSON: one line per case. Used by d1_differential.py; not a test.
// usage: node d1_binding_reference.mjs <persist-dir> [--jsrpc] < cases.json
// (--jsrpc: with the experimental d1_binding_jsrpc compatibility flag, which routes every query
// over JSRPC and makes db.query() callable)
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(process.env.NODE_PATH.split(":")[0] + "/");
const { Miniflare, convertV4MiniflareOptions } = require("miniflare");
const cases = JSON.parse(readFileSync(0, "utf8"));
const persist = process.argv[2];
const mf = new Miniflare(convertV4MiniflareOptions({
  modules: true,
  compatibilityDate: "2025-09-01",
  compatibilityFlags: process.argv[3] === "--jsrpc" ? ["d1_binding_jsrpc"] : [],
  resourcePersistencePath: persist,
  d1Databases: { DB: "reference-db" },
  script: `
  function val(v) {
    if (v && typeof v === "object" && "$bytes" in v) return new Uint8Array(v.$bytes);
    if (v && typeof v === "object" && "$buffer" in v) return new Uint8Array(v.$buffer).buffer;
    if (v && typeof v === "object" && "$bigint" in v) return BigInt(v.$bigint);
    if (v && typeof v === "object" && "$undefined" in v) return undefined;
    if (v && typeof v === "object" && "$number" in v) return Number(v.$number);
    if (v && typeof v === "object" && "$repeat" in v) return v.$repeat[0].repeat(v.$repeat[1]);
    return v;
  }
  function sql(q) { return typeof q === "string" ? q : q.map(val).join(""); }
  function stmt(db, s) { const p = db.prepare(sql(s.sql)); return s.bind ? p.bind(...s.bind.map(val)) : p; }
  const sessions = {};  // "session" cases: one D1DatabaseSession per name, kept across cases
  export default { async fetch(req, env) {
    const c = await req.json();
    const db = c.session === undefined ? env.DB
      : (sessions[c.session] ??= (c.constraint === undefined ? env.DB.withSession() : env.DB.withSession(c.constraint)));
    const withBookmark = (o) => c.session === undefined ? o : { ...o, bookmark: db.getBookmark() };
    try {
      let r;
      if (c.op === "batch") r = await db.batch(c.stmts.map((s) => stmt(db, s)));
      else if (c.op === "exec") r = await db.exec(sql(c.sql));
      else if (c.op === "query") r = await db.query(JSON.parse(JSON.stringify(c.request), (k, v) => val(v)));
      else if (c.op === "first") r = c.column === undefined ? await stmt(db, c).first() : await stmt(db, c).first(c.column);
      else if (c.op === "raw") r = await stmt(db, c).raw(c.options);
      else if (c.op === "bind") { const s = stmt(db, c); r = {statement: s.statement, params: s.params}; }
      else r = await stmt(db, c)[c.op]();
      return Response.json(withBookmark({ ok: r === undefined ? "undefined" : r }));
    } catch (e) { return Response.json(withBookmark({ error: String(e), cause: e.cause ? String(e.cause) : null })); }
  } };`,
}));
for (const c of cases) {
  const res = await mf.dispatchFetch("http://x/", { method: "POST", body: JSON.stringify(c) });
  console.log(JSON.stringify({ case: c, result: await res.json() }));
}
await mf.dispose();
