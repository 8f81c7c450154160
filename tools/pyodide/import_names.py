"""Print ``workers_env/runtime/importnames.py``'s table from Pyodide's lock files, or check it.

Each ``pyodide-lock.json`` lists, per package, the top-level modules it provides (``imports``).
The table keeps the packages whose modules are not named as the distribution is (PEP 503's form
of both), and the set the others, over the lock files of :data:`LOCKS` installed in
``$WORKERS_ENV_PYODIDE_DIR`` (/tmp/pyodide; ``bash tools/pyodide/install.sh VERSION``), whatever
else is installed beside them.

    python3 tools/pyodide/import_names.py          # the table as Python source
    python3 tools/pyodide/import_names.py --check  # exit 1 when the module's table differs
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from workers_env.runtime.eras import canonical_name
from workers_env.runtime.importnames import PYODIDE_IMPORT_NAMES, PYODIDE_SAME_NAMED

#: the Pyodide releases whose lock files the table is read from: production's runtimes (0.26.0a4
#: for workerd's 0.26.0a2, which npm lacks; 0.28.2; 314.0.6) and the indexes pywrangler resolves a
#: Worker's packages against (``get_pyodide_index``, workers-py 1.17.3 to 1.17.9): 0.27.7 for 3.12
#: (it adds arro3-core/-compute/-io, osqp and three test packages), 314.0.7 for 3.14. Its 3.13
#: index, 0.28.3, names the same 343 packages with the same modules as 0.28.2's lock, so is not
#: read. A lock alone does (``npm pack pyodide@0.27.7``, its ``package/pyodide-lock.json`` put in
#: ``0.27.7/node_modules/pyodide/``). npm's 314.0.8 is left out: its lock is 314.0.7's byte for byte
#: (sha256 5dc2fc11..., pyodide69) and no pywrangler resolves against it.
LOCKS = ("0.26.0a4", "0.27.7", "0.28.2", "314.0.6", "314.0.7")


def from_lock_files(folder: Path) -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Distribution (canonical) -> its modules, where they are not the distribution's own name;
    and the distributions whose one module is."""
    table: dict[str, set[str]] = {}
    same: set[str] = set()
    locks = [folder / version / "node_modules" / "pyodide" / "pyodide-lock.json" for version in LOCKS]
    absent = [version for version, lock in zip(LOCKS, locks) if not lock.is_file()]
    if absent:
        raise SystemExit(f"no pyodide-lock.json of Pyodide {', '.join(absent)} under {folder}: "
                         f"bash tools/pyodide/install.sh {' '.join(absent)}")
    for lock in locks:
        for package in json.loads(lock.read_text())["packages"].values():
            imports = sorted({name.split(".")[0] for name in package.get("imports") or []})  # arro3.core: arro3
            if package.get("package_type", "package") != "package" or not imports:
                continue
            if {canonical_name(name) for name in imports} != {canonical_name(package["name"])}:
                table.setdefault(canonical_name(package["name"]), set()).update(imports)
            else:
                same.add(canonical_name(package["name"]))
    return {name: tuple(sorted(modules)) for name, modules in sorted(table.items())}, frozenset(same - set(table))


def main() -> int:
    table, same = from_lock_files(Path(os.environ.get("WORKERS_ENV_PYODIDE_DIR", "/tmp/pyodide")))
    if "--check" in sys.argv[1:]:
        if same != PYODIDE_SAME_NAMED:
            print(f"PYODIDE_SAME_NAMED differs: lock only {sorted(same - PYODIDE_SAME_NAMED)}, "
                  f"module only {sorted(PYODIDE_SAME_NAMED - same)}", file=sys.stderr)
            return 1
        if table != PYODIDE_IMPORT_NAMES:
            print("importnames.py differs from the lock files:", file=sys.stderr)
            for name in sorted(set(table) | set(PYODIDE_IMPORT_NAMES)):
                if table.get(name) != PYODIDE_IMPORT_NAMES.get(name):
                    print(f"  {name}: lock {table.get(name)}, module {PYODIDE_IMPORT_NAMES.get(name)}", file=sys.stderr)
            return 1
        print(f"importnames.py holds the lock files' {len(table)} + {len(same)} packages")
        return 0
    for name, modules in table.items():
        print(f"    {name!r}: {modules!r},")
    print(" ".join(sorted(same)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
