"""A shell's ``python ARGS`` for a test: ``python -I -S forkshim.py SOCKET ARGS...`` (a shim on the
shell's ``PATH`` execs it) has a ``python -m MODULE ...`` start forked by the fork server behind
``SOCKET`` (``forkserver.shell``), with this process's folder, environment and fds 1 and 2, and
ends as that start ends (its exit status, or the signal that ended it); a signal this process gets
meanwhile (a test's terminate, a ^C) is passed on to it. Any other ``python`` start -- one
asking for other start-up settings than the server's, or whose output is not two pipes (a file, a
terminal: the server's ``sys.stdout`` was made for pipes) -- is the interpreter's own (exec'd).
A forked start reads the server's stdin (``/dev/null``), not this process's.

Only what ``python -I -S`` has without importing (~20 ms of CPU where a cold ``python -m pytest``
of the README's takes ~1.5 s): its own few lines of socket and signal handling.
"""

import array
import os
import sys

import _signal
import _socket

_PASSED_ON = (_signal.SIGTERM, _signal.SIGINT, _signal.SIGHUP, _signal.SIGQUIT, _signal.SIGUSR1, _signal.SIGUSR2)


def _recv_exactly(sock: "_socket.socket", size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise SystemExit(f"forkshim: the fork server ended before the start of {sys.argv[2:]} did")
        data += chunk
    return data


def main() -> None:
    path, args = sys.argv[1], sys.argv[2:]
    # (the server's sys.stdout and sys.stderr are of pipes: output to a file or a terminal is a full start's)
    if args[:1] != ["-m"] or len(args) < 2 or not all(os.fstat(fd).st_mode & 0o170000 == 0o010000 for fd in (1, 2)):
        os.execv(sys.executable, [sys.executable, *args])
    pid = [0]
    pending: list[int] = []

    def pass_on(sig: int, frame: object) -> None:
        if pid[0]:
            os.kill(pid[0], sig)
        else:
            pending.append(sig)

    for sig in _PASSED_ON:
        if _signal.getsignal(sig) != _signal.SIG_IGN:  # (ignored here: ignored by the start too, as exec'd)
            _signal.signal(sig, pass_on)
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    sock.connect(path)
    body = "\0".join([os.getcwd(), str(len(args)), *args, *(f"{name}={value}" for name, value in os.environ.items())])
    data = body.encode("utf-8", "surrogateescape")
    sock.sendmsg([len(data).to_bytes(4, "little"), data],
                 [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, array.array("i", [1, 2]).tobytes())])
    pid[0] = int.from_bytes(_recv_exactly(sock, 4), "little")
    if pid[0] == 0:  # (other start-up settings than the server's)
        for sig in pending:
            _signal.signal(sig, _signal.SIG_DFL)
            os.kill(os.getpid(), sig)
        os.execv(sys.executable, [sys.executable, *args])
    for sig in pending:
        os.kill(pid[0], sig)
    code = os.waitstatus_to_exitcode(int.from_bytes(_recv_exactly(sock, 4), "little"))
    if code < 0:  # (ended by a signal: so is this process)
        _signal.signal(-code, _signal.SIG_DFL)
        os.kill(os.getpid(), -code)
        code = 128 - code
    os._exit(code)


if __name__ == "__main__":
    main()
