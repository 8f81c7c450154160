"""Every emulated JavaScript method's parameters against JavaScript's own (review70).

A js method drops positional arguments past those its Python stand-in reads, as JavaScript drops
those past the ones a function reads (runtime/jsbase.py ``folded``; hunt39) -- so a stand-in that
reads fewer than the real method would drop a real argument silently. This lists, for every
constructor and method of the JS value classes (each ``folded`` wrapper) and every function on
``js`` and its statics, the Python parameters against JavaScript's, as TypeScript's
lib.es*.d.ts and @cloudflare/workers-types declare them (``js_parameters.json``, made by
``--extract`` from typescript 5.9.3 and @cloudflare/workers-types 5.20261117.1). A stand-in
reads a parameter when it names it; ``*_ignored``-style varargs (a leading underscore) read
none. The methods in :data:`READ_ENOUGH` read fewer on purpose, each with the reason.

    python3 tools/audit/js_parameters.py            # the table; exit 1 on a method reading fewer
    python3 tools/audit/js_parameters.py --extract TYPESCRIPT_PACKAGE WORKERS_TYPES_PACKAGE
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
TABLE = HERE / "js_parameters.json"

#: a stand-in's class (qualified name's first part) whose methods are another JS class's
_CLASS_OF = {"_Body": "Response", "JsTypedArray": "Uint8Array", "JsEntryList": "FormData"}

#: methods reading fewer parameters than JavaScript's on purpose, and why
READ_ENOUGH = {
    "Date#toJSON": "ECMAScript's Date.prototype.toJSON ignores its key",
    "WebSocket.new": "new WebSocket(url) is refused whole (NotEmulatedError), whatever its arguments",
    "WebSocket#serializeAttachment": "refused whole: the Durable Object hibernation API is not emulated",
    **{f"Reflect.{name}": "refused whole (NotEmulatedError)" for name in (
        "defineProperty", "deleteProperty", "getOwnPropertyDescriptor", "getPrototypeOf", "isExtensible",
        "preventExtensions", "set", "setPrototypeOf")},
}


def _python_params(func: Any) -> list[str] | None:
    """``func``'s positional parameters, ``*name`` for varargs, without the instance."""
    try:
        params = inspect.signature(func).parameters.values()
    except Exception:  # noqa: BLE001 - no signature (a not-emulated global refuses every read)
        return None
    out = []
    for p in params:
        if p.name in ("self", "cls") and not out:
            continue
        if p.kind is p.VAR_POSITIONAL:
            out.append("*" + p.name)
        elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            out.append(p.name)
    return out


def _folded_code() -> Any:
    from workers_env.runtime import jsbase

    return jsbase.folded(lambda a: a, 1, "").__code__


def _unwrapped(value: Any) -> Any:
    """The Python function under the JS function objects of ``js`` (``_target``, ``_func``...)
    and under a ``folded`` wrapper."""
    code = _folded_code()
    for _ in range(8):
        if inspect.isfunction(value) and value.__code__ is code:
            value = dict(zip(code.co_freevars, (c.cell_contents for c in value.__closure__ or ())))["func"]
            continue
        for slot in ("_target", "_func", "_called", "_origin", "__wrapped__"):
            try:
                inner = object.__getattribute__(value, slot)
            except AttributeError:
                continue
            if inner is not None and inner is not value:
                value = inner
                break
        else:
            return value
    return value


def _subclasses(cls: type) -> list[type]:
    found, todo = [], [cls]
    while todo:
        kind = todo.pop()
        found.append(kind)
        todo.extend(kind.__subclasses__())
    return found


def stand_ins() -> dict[str, list[str] | None]:
    """``Class#method`` (an instance's), ``Class.name`` (a static or ``new``) or ``name`` (a
    global function) -> the stand-in's parameters: each JS value class's folded methods (its
    JS name's), and what ``js`` holds."""
    import workers_env.runtime as runtime
    from workers_env._jsvalues import JsSet  # a JS Set: a list underneath, no JsProxy class
    from workers_env.runtime.jsbase import JsProxy
    from workers_env.runtime.standins import standin_modules

    for module in pkgutil.walk_packages(runtime.__path__, "workers_env.runtime."):
        importlib.import_module(module.name)
    js = standin_modules()["js"]
    code = _folded_code()
    found: dict[str, list[str] | None] = {}
    for kind in _subclasses(JsProxy):
        for value in vars(kind).values():
            value = getattr(value, "__func__", value)  # a staticmethod's or classmethod's
            if not (inspect.isfunction(value) and value.__code__ is code):
                continue
            cells = dict(zip(code.co_freevars, (c.cell_contents for c in value.__closure__ or ())))
            func, where = cells["func"], cells["where"]
            if not getattr(func, "__module__", "").startswith("workers_env."):
                continue  # (a class a test or a Worker made is none of workers-env's stand-ins)
            cls, _, name = where[:-2].rpartition(".")
            cls = _CLASS_OF.get(func.__qualname__.split(".")[0], cls) if cls == "Object" else cls
            first = next(iter(inspect.signature(func).parameters), "")
            key = f"{cls}#{name}" if first == "self" else f"{cls}.{name}" if cls else name
            found[key] = _python_params(func)
    for name, method in vars(JsSet).items():
        if inspect.isfunction(method) and not name.startswith("_"):
            found[f"Set#{name}"] = _python_params(method)
    for name in dir(js):
        if name.startswith("_") or name in ("globalThis", "self"):
            continue
        try:
            value = getattr(js, name, None)
        except Exception:  # noqa: BLE001 - a not-emulated global refuses the read
            continue
        if callable(value) and name not in found:
            found[name] = _python_params(_unwrapped(value))
        for static in dir(value):
            try:
                member = getattr(value, static, None) if not static.startswith("_") else None
            except Exception:  # noqa: BLE001 - a not-emulated member refuses the read
                continue
            if callable(member) and f"{name}.{static}" not in found:
                found[f"{name}.{static}"] = _python_params(_unwrapped(member))
    return found


def reads(params: list[str]) -> tuple[int, bool]:
    """How many parameters a stand-in reads, and whether it reads any number (``*values``)."""
    named = [p for p in params if not p.startswith("*")]
    var = [p for p in params if p.startswith("*")]
    return len(named), bool(var) and not var[0].startswith("*_")


def compare() -> list[tuple[str, list[str] | None, list[str], str]]:
    """Each method both sides have: (key, ours, JavaScript's, ``ok``/``fewer``/``on purpose``)."""
    table = json.loads(TABLE.read_text())
    rows = []
    for key, ours in sorted(stand_ins().items()):
        theirs = table.get(key)
        if theirs is None or ours is None:
            continue
        count, any_number = reads(ours)
        enough = any_number or count >= len([p for p in theirs if not p.startswith("...")]) and (
            count >= len(theirs) or not theirs[-1].startswith("...") or any_number)
        status = "ok" if enough else "on purpose" if key in READ_ENOUGH else "fewer"
        rows.append((key, ours, theirs, status))
    return rows


_EXTRACT = r"""
const [ts, wt, out] = process.argv.slice(1);
const t = require(ts);
const program = t.createProgram([wt], {lib: ['lib.esnext.d.ts'], types: [], noEmit: true});
const checker = program.getTypeChecker();
const params = sigs => sigs.map(s => s.getParameters().map(p => {
  const d = p.valueDeclaration; return (d && d.dotDotDotToken ? '...' : '') + p.getName(); }))
  .reduce((a, b) => b.length > a.length ? b : a, []);
const members = (type, sep, prefix, into) => {
  for (const p of checker.getPropertiesOfType(type)) {
    const d = p.valueDeclaration || (p.declarations || [])[0];
    if (!d) continue;
    const sigs = checker.getTypeOfSymbolAtLocation(p, d).getCallSignatures();
    if (sigs.length) into[prefix + sep + p.getName()] = params(sigs);
  }
};
const table = {};
for (const sym of checker.getSymbolsInScope(program.getSourceFile(wt), t.SymbolFlags.Value)) {
  const d = sym.valueDeclaration || (sym.declarations || [])[0];
  if (!d) continue;
  const name = sym.getName(), type = checker.getTypeOfSymbolAtLocation(sym, d);
  members(type, '.', name, table);
  const made = type.getConstructSignatures();
  if (made.length) { table[name + '.new'] = params(made); members(made[0].getReturnType(), '#', name, table); }
  if (type.getCallSignatures().length) table[name] = params(type.getCallSignatures());
}
require('fs').writeFileSync(out, JSON.stringify(table));
"""


def extract(typescript: Path, workers_types: Path) -> None:
    """Rewrite :data:`TABLE`: JavaScript's parameters of each method workers-env has."""
    full = TABLE.with_suffix(".full.json")
    subprocess.run(["node", "-e", _EXTRACT, str(typescript / "lib" / "typescript.js"),
                    str(workers_types / "index.d.ts"), str(full)], check=True)
    table = json.loads(full.read_text())
    full.unlink()
    ours = stand_ins()
    kept = {key: table[key] for key in sorted(ours) if key in table}
    TABLE.write_text(json.dumps(kept, indent=0, sort_keys=True) + "\n")
    print(f"{len(kept)} of workers-env's {len(ours)} methods and functions have JavaScript's parameters in {TABLE.name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extract", nargs=2, type=Path, metavar=("TYPESCRIPT_PACKAGE", "WORKERS_TYPES_PACKAGE"))
    args = parser.parse_args()
    if args.extract:
        extract(*args.extract)
        return 0
    rows = compare()
    for key, ours, theirs, status in rows:
        note = f"  ({READ_ENOUGH[key]})" if status == "on purpose" else ""
        print(f"{status:10} {key:45} ours {ours}  JavaScript {theirs}{note}")
    fewer = [row for row in rows if row[3] == "fewer"]
    print(f"{len(rows)} compared: {len(rows) - len(fewer)} read every parameter (or on purpose), {len(fewer)} fewer")
    return 1 if fewer else 0


if __name__ == "__main__":
    sys.exit(main())
