"""What Python's file calls do on a folder built as workerd's read-only /session/metadata, in real
Pyodide (run by readonly_folder.mjs; 0.26.0a4 dies of a fatal error at os.utime, its read-only FS
has no setattr, so run it there with SKIP_OPS="touch existing,utime" in the environment).
The answers pinned by tests/test_runtime_worker_folder_is_read_only.py."""
import os, tempfile, shutil, pathlib
R = "/session/metadata"
def attempt(f):
    try:
        r = f()
        return "ok" if r is None else f"ok {r!r}"[:80]
    except BaseException as e:
        return f"{type(e).__name__} {getattr(e, 'errno', '')} {e}"[:160]
def in_folder(call, *a, **k):
    fd = os.open(R, os.O_RDONLY)
    try:
        return call(*a, dir_fd=fd, **k)
    finally:
        os.close(fd)
def ren(name, src, dst):
    fd = os.open(R, os.O_RDONLY)
    try:
        return getattr(os, name)(src, dst, src_dir_fd=fd, dst_dir_fd=fd)
    finally:
        os.close(fd)
out = [f"supports_dir_fd: {sorted(f.__name__ for f in os.supports_dir_fd)}", f"has mkfifo {hasattr(os, 'mkfifo')} mknod {hasattr(os, 'mknod')} link {hasattr(os, 'link')} chown {hasattr(os, 'chown')} setxattr {hasattr(os, 'setxattr')}"]
ops = {
 "os.open O_CREAT dir_fd": lambda: os.close(in_folder(os.open, "n.txt", os.O_CREAT | os.O_WRONLY)),
 "os.open O_WRONLY existing dir_fd": lambda: os.close(in_folder(os.open, "data.txt", os.O_WRONLY)),
 "os.open O_RDONLY existing dir_fd": lambda: os.close(in_folder(os.open, "data.txt", os.O_RDONLY)),
 "os.open O_WRONLY existing": lambda: os.close(os.open(R + "/data.txt", os.O_WRONLY)),
 "os.open O_RDWR existing": lambda: os.close(os.open(R + "/data.txt", os.O_RDWR)),
 "os.open O_CREAT|O_RDONLY existing": lambda: os.close(os.open(R + "/data.txt", os.O_CREAT | os.O_RDONLY)),
 "os.open O_CREAT|O_RDONLY new": lambda: os.close(os.open(R + "/new.txt", os.O_CREAT | os.O_RDONLY)),
 "mkdir dir_fd": lambda: in_folder(os.mkdir, "sub"),
 "makedirs": lambda: os.makedirs(R + "/a/b"),
 "makedirs exist_ok root": lambda: os.makedirs(R, exist_ok=True),
 "rename dir_fd": lambda: ren("rename", "data.txt", "d2.txt"),
 "replace dir_fd": lambda: ren("replace", "data.txt", "d2.txt"),
 "link": lambda: os.link(R + "/data.txt", R + "/l"),
 "link out": lambda: os.link(R + "/data.txt", "/tmp/l"),
 "mkfifo": lambda: os.mkfifo(R + "/fifo"),
 "mkfifo existing": lambda: os.mkfifo(R + "/data.txt"),
 "mknod": lambda: os.mknod(R + "/node"),
 "chown": lambda: os.chown(R + "/data.txt", 0, 0),
 "open x": lambda: open(R + "/x.txt", "x").close(),
 "open x existing": lambda: open(R + "/data.txt", "x").close(),
 "open a existing": lambda: open(R + "/data.txt", "a").close(),
 "open w+ new": lambda: open(R + "/w.txt", "w+").close(),
 "open r+": lambda: open(R + "/data.txt", "r+").close(),
 "write_text": lambda: pathlib.Path(R + "/wt.txt").write_text("x"),
 "touch new": lambda: pathlib.Path(R + "/t.txt").touch(),
 "touch existing": lambda: pathlib.Path(R + "/data.txt").touch(),
 "touch existing exist_ok=False": lambda: pathlib.Path(R + "/data.txt").touch(exist_ok=False),
 "shutil.copy in": lambda: (open("/tmp/src.txt", "w").write("s"), shutil.copy("/tmp/src.txt", R + "/cp.txt"))[1],
 "shutil.copy out": lambda: shutil.copy(R + "/data.txt", "/tmp/cp.txt"),
 "shutil.copytree in": lambda: (os.makedirs("/tmp/tree/x", exist_ok=True), shutil.copytree("/tmp/tree", R + "/tree"))[1],
 "mkstemp": lambda: tempfile.mkstemp(dir=R),
 "mkdtemp": lambda: tempfile.mkdtemp(dir=R),
 "NamedTemporaryFile": lambda: tempfile.NamedTemporaryFile(dir=R),
 "TemporaryFile": lambda: tempfile.TemporaryFile(dir=R),
 "sqlite write": lambda: __import__("sqlite3").connect(R + "/db.sqlite").execute("insert into t values (1)"),
 "sqlite read": lambda: __import__("sqlite3").connect(R + "/db.sqlite").execute("select count(*) from t").fetchall(),
 "utime": lambda: os.utime(R + "/data.txt"),
 "unlink": lambda: os.unlink(R + "/data.txt"),
 "listdir": lambda: sorted(os.listdir(R)),
"mkdir root": lambda: os.mkdir(R), "mkdir existing file": lambda: os.mkdir(R + "/data.txt"),
             "open dir w": lambda: open(R, "w"), "os.open dir O_WRONLY": lambda: os.open(R, os.O_WRONLY),
             "O_CREAT|O_EXCL existing": lambda: os.open(R + "/data.txt", os.O_CREAT | os.O_EXCL | os.O_WRONLY),
             "O_RDONLY|O_TRUNC existing": lambda: os.open(R + "/data.txt", os.O_RDONLY | os.O_TRUNC),
             "O_CREAT|O_RDONLY|O_TRUNC new": lambda: os.open(R + "/zz", os.O_RDONLY | os.O_TRUNC | os.O_CREAT),
             "chown dir_fd": lambda: os.chown("data.txt", 0, 0, dir_fd=os.open(R, os.O_RDONLY)),
             "open missing r": lambda: open(R + "/missing.txt"),
}
# no SKIP_OPS: 0.28 and 314 raise AttributeError for a property that is undefined
SKIP = set(filter(None, (getattr(__import__("js").process.env, "SKIP_OPS", None) or "").split(",")))
for k, f in ops.items():
    if k in SKIP:
        continue
    out.append(f"{k}: {attempt(f)}")
"\n".join(out)
