"""Read a workerd binary's own compatibility-flag table from the capnp schema compiled into it.

    python3 tools/workerd/embedded_flags.py WORKERD [--compare | --cut OUT.gz]

workerd compiles ``compatibility-date.capnp`` into its binary (``capnp::Schema::from<CompatibilityFlags>``,
the node ``0x8f8c1b68151b6cef``); that node's fields, in the order ``getFields()`` walks them, and
their annotations are what ``compileCompatibilityFlags`` reads. This reads them without capnp:
each row is (field name, enable flag, disable flag, enable date, on for every date, experimental,
neededByFl, pythonSnapshotRelease, ((enable flag of a field that implies it, from date), ...)).
``--compare`` holds them to :data:`workers_env.config.compat._ALL_WORKERD_FLAGS`,
:data:`~workers_env.config.compat.WORKERD_EXPERIMENTAL_FLAGS` and
:data:`workers_env.config.compat.PYTHON_RELEASES` (the releases' flags, and the Pyodide each release's
bundle record names), printing each difference (exit 1 on any).
``--cut`` writes the node's segment alone, gzipped (WORKERD may be such a cut too): the test's
fixture, so the reader is tested without a workerd binary.

The Pyodide a release runs is not in the schema (``pythonSnapshotRelease`` is a Void annotation): it is in
the bundle records workerd compiles from ``build/python_metadata.bzl``, capnp texts in a row -- Pyodide
version, its date, packages date, snapshot hash, the flag's field name (:func:`read_releases`; a cut of
the schema alone has none, and then only the flags are compared).
"""

from __future__ import annotations

import gzip
import re
import struct
import sys
from typing import Any, NamedTuple

NODE_ID = 0x8F8C1B68151B6CEF  # struct CompatibilityFlags
ENABLE, DISABLE, DATE, ALL_DATES = 0xB6DABBC87CD1B03E, 0xD145CF1ADC42577C, 0x91A5D5D7244CF6D0, 0x9A1D37C8030D9418
NEEDED_BY_FL, EXPERIMENTAL, IMPLIED, SNAPSHOT = (0xBD23AFF9DEEFC308, 0xE3E5A63E76284D88, 0xE3E5A63E76284D89,
                                                 0xEF74C0CC5D18CC0C)


class Row(NamedTuple):
    field: str
    enable: str | None
    disable: str | None
    date: str | None
    all_dates: bool
    experimental: bool
    needed_by_fl: bool
    snapshot_release: bool
    implied_by: tuple[tuple[str, str], ...]


def _offset(ptr: int) -> int:
    """A pointer's signed 30-bit word offset (bits 2-31)."""
    offset = (ptr >> 2) & 0x3FFFFFFF
    return offset - 0x40000000 if offset & 0x20000000 else offset


class Segment:
    """A capnp segment (the schema node's words) read in place: structs, lists and texts."""

    def __init__(self, data: bytes, start: int) -> None:
        self.data, self.start = data, start

    def word(self, at: int) -> int:
        return int(struct.unpack_from("<Q", self.data, at)[0])

    def struct_at(self, at: int) -> tuple[int, int, int] | None:
        """(data start, data words, pointer count) of the struct the pointer at ``at`` points to."""
        ptr = self.word(at)
        if ptr == 0:
            return None
        assert ptr & 3 == 0, f"not a struct pointer at {at:#x}"
        return at + 8 + _offset(ptr) * 8, (ptr >> 32) & 0xFFFF, ptr >> 48

    def list_at(self, at: int) -> tuple[int, int, int, int, int]:
        """(first element, element size code, count, data words, pointers) of the list at ``at``."""
        ptr = self.word(at)
        if ptr == 0:
            return at, 0, 0, 0, 0
        assert ptr & 3 == 1, f"not a list pointer at {at:#x}"
        first, size, count = at + 8 + _offset(ptr) * 8, (ptr >> 32) & 7, ptr >> 35
        if size != 7:
            return first, size, count, 0, 0
        tag = self.word(first)
        return first + 8, size, (tag >> 2) & 0x3FFFFFFF, (tag >> 32) & 0xFFFF, tag >> 48

    def text_at(self, at: int) -> str:
        first, _size, count, _dw, _pc = self.list_at(at)
        return self.data[first:first + count - 1].decode()

    def elements(self, at: int) -> list[tuple[int, int, int]]:
        """The structs of the composite list at ``at``: (data start, data words, pointer count)."""
        first, size, count, words, pointers = self.list_at(at)
        assert size == 7 or count == 0, "not a list of structs"
        step = (words + pointers) * 8
        return [(first + i * step, words, pointers) for i in range(count)]


def _u16(seg: Segment, start: int, index: int) -> int:
    return int(struct.unpack_from("<H", seg.data, start + index * 2)[0])


def _annotation_value(seg: Segment, annotation: tuple[int, int, int]) -> tuple[int, Any]:
    """(annotation id, its value: text, an ImpliedByAfterDate as ((names...), date), or None)."""
    start, words, _pointers = annotation
    ident = seg.word(start)
    value = seg.struct_at(start + words * 8)  # Annotation.value, pointer 0
    if value is None:
        return ident, None
    vstart, vwords, _vp = value
    kind = _u16(seg, vstart, 0)
    if kind == 12:  # text
        return ident, seg.text_at(vstart + vwords * 8)
    if kind == 16:  # struct: ImpliedByAfterDate { union { name @0; names @2 }; date @1 }
        inner = seg.struct_at(vstart + vwords * 8)
        assert inner is not None
        istart, iwords, _ip = inner
        pointers = istart + iwords * 8
        names = ((seg.text_at(pointers),) if _u16(seg, istart, 0) == 0 else
                 tuple(seg.text_at(first) for first in _pointer_list(seg, pointers)))
        return ident, (names, seg.text_at(pointers + 8))
    return ident, None


def _pointer_list(seg: Segment, at: int) -> list[int]:
    first, size, count, _dw, _pc = seg.list_at(at)
    assert size == 6, "not a list of pointers"
    return [first + i * 8 for i in range(count)]


def node_segment(data: bytes) -> Segment:
    """The segment whose root is the embedded ``CompatibilityFlags`` node, read in place in ``data``."""
    needle = struct.pack("<Q", NODE_ID)
    at = data.find(needle)
    while at >= 0 and (at % 8 or struct.unpack_from("<Q", data, at - 8)[0] & 0xFFFFFFFF != 0):
        at = data.find(needle, at + 1)  # the node's root pointer comes just before its id
    if at < 0:
        raise SystemExit("no CompatibilityFlags schema node found")
    return Segment(data, at - 8)


def cut(data: bytes) -> bytes:
    """The node's segment alone: from its root pointer to the last byte any pointer under it reaches."""
    seg = node_segment(data)
    end = seg.start + 8
    pending = [seg.start]
    while pending:
        at = pending.pop()
        ptr = seg.word(at)
        if ptr == 0:
            continue
        if ptr & 3 == 0:
            start, words, pointers = seg.struct_at(at) or (0, 0, 0)
            end = max(end, start + (words + pointers) * 8)
            pending += [start + words * 8 + i * 8 for i in range(pointers)]
            continue
        assert ptr & 3 == 1, f"a far or capability pointer at {at:#x}: not one segment"
        first, size, count, words, pointers = seg.list_at(at)
        if size == 7:
            step = (words + pointers) * 8
            end = max(end, first + count * step)
            pending += [first + i * step + words * 8 + j * 8 for i in range(count) for j in range(pointers)]
        elif size == 6:
            end = max(end, first + count * 8)
            pending += [first + i * 8 for i in range(count)]
        else:
            end = max(end, first + (count * (0, 1, 8, 16, 32, 64)[size] + 63) // 64 * 8)
    return seg.data[seg.start:end]


def read(path: str) -> bytes:
    """A workerd binary's bytes, or a ``--cut``'s (gzipped)."""
    data = open(path, "rb").read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def read_rows(path: str) -> list[Row]:
    """Every field of ``path``'s embedded ``CompatibilityFlags`` node, in ``getFields()`` order."""
    seg = node_segment(read(path))
    node = seg.struct_at(seg.start)
    assert node is not None
    start, words, _pointers = node
    fields = seg.elements(start + words * 8 + 3 * 8)  # Node.struct.fields, pointer 3
    by_field: dict[str, str] = {}
    raw = []
    for field in fields:
        fstart, fwords, _fp = field
        name = seg.text_at(fstart + fwords * 8)
        notes = [_annotation_value(seg, a) for a in seg.elements(fstart + fwords * 8 + 8)]
        raw.append((name, notes))
        for ident, value in notes:
            if ident == ENABLE:
                by_field[name] = value
    rows = []
    for name, notes in raw:
        values = {ident: value for ident, value in notes}
        implied = tuple((by_field.get(other, other), value[1]) for ident, value in notes if ident == IMPLIED
                        for other in value[0])
        rows.append(Row(name, values.get(ENABLE), values.get(DISABLE), values.get(DATE), ALL_DATES in values,
                        EXPERIMENTAL in values, NEEDED_BY_FL in values, SNAPSHOT in values, implied))
    return rows


#: One bundle record's texts, each NUL-ended and padded to a word: Pyodide version, Pyodide date,
#: packages date (empty from 314.0.4 on), baseline snapshot hash, the release flag's field name.
_RELEASE = re.compile(rb"([0-9][0-9a-z.]*)\0+(\d{4}-\d\d-\d\d)\0+(?:[0-9.]+\0+)?[0-9a-f]{64}\0+(pythonWorkers\w*)\0")


def read_releases(path: str) -> dict[str, str]:
    """Release flag field -> the Pyodide version its bundle record in ``path`` names (none in a ``--cut``)."""
    return releases_in(read(path))


def releases_in(data: bytes) -> dict[str, str]:
    """Release flag field -> the Pyodide version its bundle record in ``data`` names."""
    found: dict[str, str] = {}
    for match in _RELEASE.finditer(data):
        field, version = match.group(3).decode(), match.group(1).decode()
        assert found.get(field, version) == version, f"{field}: two Pyodide versions"
        found[field] = version
    return found


def compare(rows: list[Row], releases_by_field: dict[str, str] | None = None) -> list[str]:
    """How ``rows`` differ from workers-env's table (order, names, dates, implications) and releases."""
    from workers_env.config.compat import _ALL_WORKERD_FLAGS, PYTHON_RELEASES, WORKERD_EXPERIMENTAL_FLAGS

    theirs = [(r.enable, r.disable, r.date, r.all_dates, r.implied_by) for r in rows if r.enable is not None]
    ours = [tuple(entry) for entry in _ALL_WORKERD_FLAGS]
    problems = [f"binary: {t}\n  ours:   {o}" for t, o in zip(theirs, ours) if t != o]
    if len(theirs) != len(ours):
        problems.append(f"{len(theirs)} flags in the binary, {len(ours)} in the table: "
                        f"only theirs {sorted({t[0] for t in theirs} - {o[0] for o in ours})}, "
                        f"only ours {sorted({o[0] for o in ours} - {t[0] for t in theirs})}")
    experimental = [r.enable for r in rows if r.enable is not None and r.experimental]
    if experimental != list(WORKERD_EXPERIMENTAL_FLAGS):
        problems.append(f"experimental flags: only the binary's {sorted(set(experimental) - set(WORKERD_EXPERIMENTAL_FLAGS))}, "
                        f"only ours {sorted(set(WORKERD_EXPERIMENTAL_FLAGS) - set(experimental))}"
                        + ("" if set(experimental) != set(WORKERD_EXPERIMENTAL_FLAGS) else ", in another order"))
    releases = [r.enable for r in rows if r.snapshot_release]
    ours_releases = [release.flag.enable if release.flag else "python_workers" for release in reversed(PYTHON_RELEASES)]
    if [name for name in releases if name != "python_workers_development"] != ours_releases:
        problems.append(f"snapshot releases, oldest first: binary {releases}, ours {ours_releases}")
    if releases_by_field:  # a cut of the schema alone has no bundle records
        ours_pyodide = {(r.flag.field if r.flag else "pythonWorkers"): r.pyodide for r in PYTHON_RELEASES}
        theirs_pyodide = {field: version for field, version in releases_by_field.items()
                          if field in ours_pyodide or field in {r.field for r in rows if r.snapshot_release}}
        if theirs_pyodide != ours_pyodide:
            problems.append(f"Pyodide of each release: binary {theirs_pyodide}, ours {ours_pyodide}")
    return problems


def main() -> int:
    args = sys.argv[1:]
    if "--cut" in args:
        with open(args[args.index("--cut") + 1], "wb") as out:
            out.write(gzip.compress(cut(read(args[0])), 9, mtime=0))
        return 0
    rows = read_rows(args[0])
    if "--compare" not in args:
        for row in rows:
            print(row)
        return 0
    pyodides = read_releases(args[0])
    problems = compare(rows, pyodides)
    for problem in problems:
        print(problem)
    flags = [r for r in rows if r.enable]
    named = f" ({', '.join(f'{field} {version}' for field, version in pyodides.items())})" if pyodides else ""
    print(f"{args[0]}: {len(flags)} flags, {sum(r.experimental for r in flags)} experimental, "
          f"{sum(r.snapshot_release for r in flags)} Python releases{named}; {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
