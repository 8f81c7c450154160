// Runs readonly_folder_ops.py in one real Pyodide with a read-only FS built as workerd's createReadonlyFS (src/pyodide/internal/readOnlyFS.ts + metadatafs.ts), mounted at
// /session/metadata holding entry.py, data.txt and db.sqlite (bytes of a file made in memory first); Python ops on it
import fs from "fs"; import path from "path"; import { pathToFileURL } from "url";
const [dir, pyfile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(dir, "node_modules", "pyodide", "pyodide.mjs")).href);
const py = await loadPyodide();
const FS = py.FS;
// the files' bytes: db.sqlite is made by the Python below in /tmp first when sqlite3 imports
let files = { "entry.py": new TextEncoder().encode("x = 1\n"), "data.txt": new TextEncoder().encode("data") };
try { py.runPython("import sqlite3\nc = sqlite3.connect('/tmp/db.sqlite'); c.execute('create table t(a)'); c.commit(); c.close()");
      files["db.sqlite"] = FS.readFile("/tmp/db.sqlite"); } catch (e) { console.error("no sqlite3:", String(e).split("\n").slice(-2)[0]); }
const names = Object.keys(files);
const tree = new Map(names.map((n, i) => [n, i]));
const TIMESTAMP = Date.now();
const ReadOnlyFS = {
  mount(mount) { return ReadOnlyFS.createNode(null, "/", tree); },
  createNode(parent, name, info) {
    const isDir = typeof info !== "number";
    let mode = 0o555 | (isDir ? 1 << 14 : 1 << 15);
    const node = FS.createNode(parent, name, mode);
    node.node_ops = ReadOnlyFS.node_ops; node.stream_ops = ReadOnlyFS.stream_ops;
    node.modtime = TIMESTAMP; node.usedBytes = 0;
    if (isDir) node.tree = info; else { node.index = info; node.usedBytes = files[names[info]].length; }
    return node;
  },
  node_ops: {
    getattr(node) { const t = new Date(node.modtime); return { dev: 1, ino: node.id, mode: node.mode, nlink: 1, uid: 0, gid: 0, rdev: 0,
      size: node.usedBytes, atime: t, mtime: t, ctime: t, blksize: 4096, blocks: ((node.usedBytes + 4095) / 4096) | 0 }; },
    readdir(node) { return Array.from(node.tree.keys()); },
    lookup(parent, name) { if (!parent.tree) throw new FS.ErrnoError(44); const c = parent.tree.get(name);
      if (c === undefined) throw FS.genericErrors?.[44] ?? new FS.ErrnoError(44); return ReadOnlyFS.createNode(parent, name, c); },
  },
  stream_ops: {
    llseek(stream, offset, whence) { let p = offset; if (whence === 1) p += stream.position; else if (whence === 2 && FS.isFile(stream.node.mode)) p += stream.node.usedBytes; return p; },
    read(stream, buffer, offset, length, position) { const data = files[names[stream.node.index]];
      if (position >= data.length) return 0; const size = Math.min(data.length - position, length);
      buffer.set(data.subarray(position, position + size), offset); return size; },
  },
};
FS.mkdirTree("/session/metadata");
FS.mount(ReadOnlyFS, {}, "/session/metadata");
console.log(py.version);
console.log(py.runPython(fs.readFileSync(pyfile, "utf8")));
// PATH=$(cat /tmp/wrangler/node-bin-path):$PATH node tools/pyodide/readonly_folder.mjs /tmp/pyodide/314.0.6 tools/pyodide/readonly_folder_ops.py
// (0.26.0a4: SKIP_OPS="touch existing,utime" first: its os.utime there is a fatal error; unset elsewhere)
