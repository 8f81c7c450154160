function d(f) { try { return ["ok", f()]; } catch (e) { return ["throw", String(e && e.name), String(e && e.message)]; } }
function props(e) { const o = {}; for (const k of ["type","bubbles","cancelable","composed","defaultPrevented","returnValue","eventPhase","timeStamp","isTrusted","cancelBubble"]) o[k] = e[k]; o.target = String(e.target); o.currentTarget = String(e.currentTarget); o.srcElement = String(e.srcElement); o.path = e.composedPath().length; return o; }
const cases = {
  types: () => Object.fromEntries(["Event","EventTarget","CustomEvent","ErrorEvent","MessageEvent","CloseEvent","PromiseRejectionEvent","ExtendableEvent","FetchEvent","ScheduledEvent"].map(n => [n, typeof globalThis[n]])),
  ctor_each: () => Object.fromEntries(["Event","EventTarget","CustomEvent","ErrorEvent","MessageEvent","CloseEvent","PromiseRejectionEvent","ExtendableEvent"].map(n => [n, d(() => String(new globalThis[n]("x")))])),
  call_without_new: () => [d(() => Event("x")), d(() => EventTarget())],
  event_noarg: () => d(() => new Event()),
  event_default: () => props(new Event("x")),
  event_init: () => props(new Event("x", {bubbles: 1, cancelable: "y", composed: true})),
  event_init_bad: () => [d(() => props(new Event("x", 5))), d(() => props(new Event("x", null))), d(() => props(new Event("x", "s")))],
  event_type_conv: () => [new Event(5).type, new Event(null).type, new Event(undefined).type, d(() => new Event(Symbol()).type)],
  event_prevent_not_cancelable: () => { const e = new Event("x"); e.preventDefault(); return [e.defaultPrevented, e.returnValue]; },
  event_prevent_cancelable: () => { const e = new Event("x", {cancelable: true}); e.preventDefault(); return [e.defaultPrevented, e.returnValue]; },
  event_string: () => [String(new Event("x")), String(new CustomEvent("x")), String(new EventTarget()), Object.prototype.toString.call(new Event("x")), Object.keys(new Event("x"))],
  event_consts: () => [Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE, new Event("x").AT_TARGET],
  event_cancelbubble: () => { const e = new Event("x"); e.cancelBubble = true; const a = e.cancelBubble; const f = new Event("y"); f.stopPropagation(); return [a, f.cancelBubble]; },
  custom_default: () => { const e = new CustomEvent("x"); return [e.detail === undefined, e.detail === null, props(e)]; },
  custom_detail: () => { const e = new CustomEvent("x", {detail: {a: 1}, cancelable: true}); return [e.detail, e.cancelable]; },
  dispatch_basic: () => { const t = new EventTarget(); const seen = []; t.addEventListener("x", function (e) { seen.push([props(e), this === t, String(this)]); }); const e = new Event("x"); const r = t.dispatchEvent(e); return [r, seen, props(e)]; },
  dispatch_prevent: () => { const t = new EventTarget(); t.addEventListener("x", e => e.preventDefault()); return [t.dispatchEvent(new Event("x")), t.dispatchEvent(new Event("x", {cancelable: true}))]; },
  dispatch_return_true: () => { const t = new EventTarget(); t.addEventListener("x", e => true); const a = new Event("x", {cancelable: true}); const b = new Event("x"); return [t.dispatchEvent(a), a.defaultPrevented, t.dispatchEvent(b), b.defaultPrevented]; },
  dispatch_return_values: () => { const t = new EventTarget(); let n = 0; t.addEventListener("x", e => { n++; return 5; }); t.addEventListener("x", async e => { n++; }); return [t.dispatchEvent(new Event("x")), t.dispatchEvent(new Event("x")), n]; },
  dispatch_prevent_reset: () => { const t = new EventTarget(); const e = new Event("x", {cancelable: true}); e.preventDefault(); const before = e.defaultPrevented; const r = t.dispatchEvent(e); return [before, r, e.defaultPrevented]; },
  stop_immediate: () => { const t = new EventTarget(); const seen = []; t.addEventListener("x", e => { seen.push(1); e.stopImmediatePropagation(); }); t.addEventListener("x", e => seen.push(2)); const e = new Event("x"); t.dispatchEvent(e); const again = t.dispatchEvent(e); seen.push("again"); return [seen, again]; },
  stop_propagation: () => { const t = new EventTarget(); const seen = []; t.addEventListener("x", e => { seen.push(1); e.stopPropagation(); }); t.addEventListener("x", e => seen.push(2)); t.dispatchEvent(new Event("x")); return seen; },
  once: () => { const t = new EventTarget(); let n = 0; t.addEventListener("x", () => n++, {once: true}); t.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("x")); return n; },
  once_then_readd: () => { const t = new EventTarget(); let n = 0; const f = () => { n++; }; t.addEventListener("x", f, {once: true}); t.addEventListener("x", f); t.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("x")); return n; },
  dup: () => { const t = new EventTarget(); let n = 0; const f = () => n++; t.addEventListener("x", f); t.addEventListener("x", f); t.addEventListener("y", f); t.dispatchEvent(new Event("x")); t.dispatchEvent(new Event("y")); return n; },
  signal_opt: () => { const t = new EventTarget(); const c = new AbortController(); let n = 0; t.addEventListener("x", () => n++, {signal: c.signal}); t.dispatchEvent(new Event("x")); c.abort(); t.dispatchEvent(new Event("x")); const c2 = new AbortController(); c2.abort(); t.addEventListener("x", () => n += 10, {signal: c2.signal}); t.dispatchEvent(new Event("x")); return n; },
  signal_bad: () => [d(() => new EventTarget().addEventListener("x", () => 0, {signal: 5})), d(() => new EventTarget().addEventListener("x", () => 0, {signal: null}))],
  capture: () => [d(() => new EventTarget().addEventListener("x", () => 0, true)), d(() => new EventTarget().addEventListener("x", () => 0, {capture: true})), d(() => new EventTarget().addEventListener("x", () => 0, {passive: true})), d(() => new EventTarget().removeEventListener("x", () => 0, true)), d(() => new EventTarget().addEventListener("x", null, true))],
  handler_object: () => { const t = new EventTarget(); const seen = []; const o = {handleEvent(e) { seen.push([e.type, this === o]); }}; t.addEventListener("x", o); t.dispatchEvent(new Event("x")); t.removeEventListener("x", o); t.dispatchEvent(new Event("x")); return seen; },
  handler_bad: () => [d(() => new EventTarget().addEventListener("x", 5)), d(() => new EventTarget().addEventListener("x", {})), d(() => new EventTarget().addEventListener("x")), d(() => new EventTarget().addEventListener()), d(() => new EventTarget().addEventListener("x", null)), d(() => new EventTarget().addEventListener("x", undefined)), d(() => new EventTarget().removeEventListener("x", 5)), d(() => new EventTarget().removeEventListener("x"))],
  handler_object_late: () => { const t = new EventTarget(); const seen = []; const o = {handleEvent(e) { seen.push(1); }}; t.addEventListener("x", o); o.handleEvent = () => seen.push(2); t.dispatchEvent(new Event("x")); return seen; },
  dispatch_bad: () => [d(() => new EventTarget().dispatchEvent()), d(() => new EventTarget().dispatchEvent(5)), d(() => new EventTarget().dispatchEvent({type: "x"})), d(() => new EventTarget().dispatchEvent(null))],
  dispatch_nested: () => { const t = new EventTarget(); const e = new Event("x"); let inner; t.addEventListener("x", () => { inner = d(() => t.dispatchEvent(e)); }); t.dispatchEvent(e); return inner; },
  add_during: () => { const t = new EventTarget(); const seen = []; t.addEventListener("x", () => { seen.push(1); t.addEventListener("x", () => seen.push(3)); }); t.addEventListener("x", () => seen.push(2)); t.dispatchEvent(new Event("x")); return seen; },
  remove_during: () => { const t = new EventTarget(); const seen = []; const g = () => seen.push(2); t.addEventListener("x", () => { seen.push(1); t.removeEventListener("x", g); }); t.addEventListener("x", g); t.dispatchEvent(new Event("x")); return seen; },
  throw_listener: () => { const t = new EventTarget(); const seen = []; t.addEventListener("x", () => { seen.push(1); throw new Error("boom"); }); t.addEventListener("x", () => seen.push(2)); const e = new Event("x", {cancelable: true}); const r = d(() => t.dispatchEvent(e)); return [r, seen, e.eventPhase, String(e.currentTarget)]; },
  throw_listener_prevent: () => { const t = new EventTarget(); t.addEventListener("x", (e) => { e.preventDefault(); throw new Error("boom2"); }); return d(() => t.dispatchEvent(new Event("x", {cancelable: true}))); },
  throw_string: () => { const t = new EventTarget(); t.addEventListener("x", () => { throw "str"; }); return d(() => t.dispatchEvent(new Event("x"))); },
  error_event: () => { const e = new ErrorEvent("error", {message: "m", error: 5, filename: "f", lineno: 3, colno: 4}); return [e.type, e.message, e.error, e.filename, e.lineno, e.colno, String(e)]; },
  error_event_default: () => { const e = new ErrorEvent("error"); return [e.message, e.error, e.filename, e.lineno, e.colno]; },
  message_event: () => { const e = new MessageEvent("message", {data: "d"}); return [e.type, e.data, String(e)]; },
  message_event_default: () => d(() => { const e = new MessageEvent("message"); return [e.data === undefined, e.data === null]; }),
  close_event: () => { const e = new CloseEvent("close", {code: 1000, reason: "r", wasClean: true}); return [e.type, e.code, e.reason, e.wasClean, String(e)]; },
  close_event_default: () => { const e = new CloseEvent("close"); return [e.code, e.reason, e.wasClean]; },
  custom_dispatch: () => { const t = new EventTarget(); let got; t.addEventListener("x", e => { got = [e.detail, e instanceof CustomEvent, e instanceof Event]; }); t.dispatchEvent(new CustomEvent("x", {detail: 7})); return got; },
  abort_event: () => { const c = new AbortController(); let got; c.signal.addEventListener("abort", e => { got = [String(e), e.constructor.name, e.isTrusted, e.cancelable, e.bubbles, String(e.target)]; }); c.abort(); return got; },
  signal_dispatch: () => { const c = new AbortController(); let n = 0; c.signal.addEventListener("foo", () => n++); c.signal.addEventListener("abort", () => n += 10); const r = c.signal.dispatchEvent(new Event("foo")); c.signal.dispatchEvent(new Event("abort")); return [r, n, c.signal.aborted, c.signal instanceof EventTarget]; },
  global_is_target: () => [globalThis instanceof EventTarget, typeof addEventListener, typeof dispatchEvent],
  global_dispatch: () => { let n = 0; const f = () => n++; addEventListener("custom", f); const r = dispatchEvent(new Event("custom")); removeEventListener("custom", f); return [r, n]; },
  global_fetch_listener: () => d(() => { addEventListener("fetch", () => 0); return "added"; }),
  subclass: () => { class T extends EventTarget { constructor() { super(); this.z = 1; } } const t = new T(); let n = 0; t.addEventListener("x", () => n++); t.dispatchEvent(new Event("x")); return [n, t instanceof EventTarget]; },
  ctor_names: () => [Event.name, EventTarget.name, CustomEvent.name, Event.length, CustomEvent.length, EventTarget.length, Object.getPrototypeOf(CustomEvent) === Event, Object.getPrototypeOf(ErrorEvent) === Event],
  init_bad_each: () => Object.fromEntries(["CustomEvent","ErrorEvent","MessageEvent","CloseEvent"].map(n => [n, [d(() => String(new globalThis[n]("x", 5))), d(() => new globalThis[n]("x", {cancelable: true}).cancelable)]])),
  init_ints: () => [d(() => new ErrorEvent("e", {lineno: 3.7, colno: -2}).lineno), d(() => new ErrorEvent("e", {colno: -2}).colno), d(() => new CloseEvent("c", {code: 2 ** 31}).code), d(() => new ErrorEvent("e", {lineno: 2 ** 32}).lineno)],
  timestamp_trusted: () => { const c = new AbortController(); let ts; c.signal.onabort = e => { ts = [e.timeStamp, e.isTrusted]; }; c.abort(); return ts; },
  // leftovers44: what console.log prints of each event (the lines start "LOG>"), which members are
  // own properties (Object.keys, JSON.stringify), and the constructors of the runtime's own events
  log_events: () => { const t = new EventTarget(); const m = new MessageEvent("message", {data: {a: [1]}}); t.dispatchEvent(m);
    for (const [name, e] of [["Event", new Event("x")], ["MessageEvent", m], ["CustomEvent", new CustomEvent("x", {detail: 7})],
                             ["ErrorEvent", new ErrorEvent("error", {message: "m"})], ["CloseEvent", new CloseEvent("close", {code: 1000})],
                             ["EventTarget", t]]) console.log("LOG>", name, e);
    console.log("LOG> String", String(m)); return "logged"; },
  own_members: () => Object.fromEntries([["Event", new Event("x")], ["MessageEvent", new MessageEvent("message", {data: 1})],
    ["MessageEvent default", new MessageEvent("message")], ["CustomEvent", new CustomEvent("x", {detail: 7})],
    ["ErrorEvent", new ErrorEvent("error", {message: "m"})], ["CloseEvent", new CloseEvent("close", {code: 1000})]].map(([n, e]) =>
    [n, [Object.keys(e), Object.getOwnPropertyNames(e), JSON.stringify(e), Object.hasOwn(e, "data"), Object.hasOwn(e, "type"),
         Object.keys(Object.getPrototypeOf(e)).length, { ...e }, Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(e))).map(([k, d]) => k + (d.get ? ":get" : "") + (d.set ? ":set" : "") + (d.enumerable ? ":enum" : "")).join(" ")]])),
  data_descriptor: () => { const e = new MessageEvent("message", {data: 1}); const own = Object.getOwnPropertyDescriptor(e, "data"); const proto = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data");
    return [own ? Object.keys(own).join(",") + ":" + own.enumerable + ":" + own.writable : null, proto ? Object.keys(proto).join(",") + ":" + proto.enumerable : null, d(() => { e.data = 2; return e.data; })]; },
  runtime_event_ctors: () => [d(() => String(new ExtendableEvent("x"))), d(() => ExtendableEvent("x")), d(() => String(new PromiseRejectionEvent("unhandledrejection", {promise: Promise.resolve(), reason: 1}))),
    d(() => String(new PromiseRejectionEvent())), d(() => String(new FetchEvent("fetch"))), d(() => String(new ScheduledEvent("scheduled"))),
    typeof ExtendableEvent, typeof PromiseRejectionEvent, d(() => [ExtendableEvent.name, ExtendableEvent.length, Object.getPrototypeOf(ExtendableEvent) === Event, typeof ExtendableEvent.prototype.waitUntil]),
    d(() => [PromiseRejectionEvent.name, PromiseRejectionEvent.length, Object.getPrototypeOf(PromiseRejectionEvent) === Event, Object.getOwnPropertyNames(PromiseRejectionEvent.prototype).sort()])],
  runtime_event_log: () => { let got = "none"; return d(() => { new ExtendableEvent("x"); return got; }); },
};
const calls = Object.keys(cases);
export default {
  async fetch(request) {
    if (request.method === "GET") return new Response("ready");
    const out = {};
    for (const k of calls) { try { out[k] = cases[k](); } catch (e) { out[k] = ["OUTER", String(e)]; } }
    return Response.json(out);
  },
};
