"""Probe: more config edits while dev runs, under wrangler dev (a JavaScript twin) and workers-env dev
-- ``dev_config_edit_differential.py``'s method (an edit saved as an editor saves it; after each
step the lines both print of its kinds, and what the Worker answers on each port) over edits it
lacks (review72): a ``[[routes]]`` table's pattern alone, ``[dev]`` removed whole, the sections an
``--env`` selects, and a syntactically broken edit then a fixed one. Each scenario is one dev
process per side; a step waits for its reload (or an ``[ERROR]``), at most 10 s.
Run: PATH=$(cat /tmp/wrangler/node-bin-path):$PATH WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler
PYTHONPATH=/abs/tree python3 tools/wrangler/dev_config_edit_more_probe.py [scenario ...]"""
import json, os, re, subprocess, sys, time

from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from dev_config_edit_differential import JS, KINDS, PY, Reader, answer, end  # noqa: E402
from dev_section_differential import free_port, twin_project  # noqa: E402


def scenarios(p1, p2):
    """name -> (dev's extra arguments, [(step, config after the name, date and main)])."""
    dev = f'[dev]\nport = {p1}\nip = "127.0.0.1"\n'
    route = '[[routes]]\npattern = "%s"\nzone_name = "%s"\n'
    staging = '[env.staging]\n[env.staging.vars]\nA = "%s"\n'
    return {
        "routes pattern": ([], [
            ("start", dev + '[vars]\nA = "one"\n' + route % ("shop.example.net/*", "example.net")),
            ("pattern only", dev + '[vars]\nA = "one"\n' + route % ("api.example.org/*", "example.net")),
            ("zone only", dev + '[vars]\nA = "one"\n' + route % ("api.example.org/*", "example.org")),
            ("custom domain", dev + '[vars]\nA = "one"\n[[routes]]\npattern = "app.example.com"\n'
                                    'custom_domain = true\n'),
        ]),
        "[dev] removed": ([], [
            ("start", dev + 'host = "example.com"\n[vars]\nA = "one"\n'),
            ("[dev] gone", '[vars]\nA = "two"\n'),
            ("[dev] back", f'[dev]\nport = {p2}\nip = "127.0.0.1"\n[vars]\nA = "three"\n'),
        ]),
        "--env": (["--env", "staging"], [
            ("start", dev + '[vars]\nA = "top"\n' + staging % "s1"),
            ("top-level var", dev + '[vars]\nA = "top2"\n' + staging % "s1"),
            ("env var", dev + '[vars]\nA = "top2"\n' + staging % "s2"),
            ("env routes", dev + '[vars]\nA = "top2"\n[env.staging]\nroutes = ["st.example.net/*"]\n'
                                 '[env.staging.vars]\nA = "s2"\n'),
            ("top routes, env none", dev + 'routes = ["top.example.net/*"]\n[vars]\nA = "top2"\n'
                                           + staging % "s3"),
            ("env gone", dev + '[vars]\nA = "top3"\n'),
        ]),
        "broken then fixed": ([], [
            ("start", dev + '[vars]\nA = "one"\n'),
            ("broken", dev + '[vars]\nA = "two\n'),
            ("fixed", dev + '[vars]\nA = "three"\n'),
            ("duplicate key", dev + '[vars]\nA = "four"\nA = "five"\n'),
            ("fixed again", dev + '[vars]\nA = "six"\n'),
            ("[dev] vars", dev + 'vars = 5\n'),
            ("emptied", ''),
            ("fixed last", dev + '[vars]\nA = "seven"\n'),
            # wrangler exits; workers-env refuses the edit and serves on, its last Worker kept (README
            # "Where we had to choose": an edit wrangler dev would refuse at start)
            ("vars not a table (known difference)", 'vars = 5\n' + dev),
        ]),
    }


def _error_block(text):
    """The lines of the first ``[ERROR]`` block in ``text`` (up to a blank line after its body)."""
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if "[ERROR]" in line), None)
    if start is None:
        return []
    block = []
    for line in lines[start + 1:start + 12]:
        if not line.strip() and block:
            break
        if line.strip():
            block.append(line.strip())
    return block


def run(kind, extra, all_steps, p1, p2):
    name = {"js": "index.js", "py": "entry.py"}[kind]
    base, cmd, env = twin_project(f"dev_edit_more_{kind}", kind, JS % "MAIN", PY % "MAIN", "")
    config = base / "wrangler.toml"
    head = f'name = "t"\ncompatibility_date = "2025-11-02"\nmain = "src/{name}"\n' + (
        "# (a line, as the Python Worker's flags take one)\n" if kind == "js" else 'compatibility_flags = ["python_workers"]\n')
    config.write_text(head + all_steps[0][1])
    proc = subprocess.Popen(cmd + extra, cwd=base, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    reader, seen, done, reloads = Reader(proc), [], 0, 0
    try:
        for index, (step, text) in enumerate(all_steps):
            if index:  # (written aside, then renamed over the config)
                staged = base / ".wrangler.toml.edit"
                staged.write_text(head + text)
                os.replace(staged, config)
            deadline = time.monotonic() + (30 if not index else 10)
            while time.monotonic() < deadline and proc.poll() is None:
                out = reader.read()
                if (not index and "Ready on" in out) or (index and out.count("updated and ready") > reloads) \
                        or (index and "[ERROR]" in out[done:]):
                    break
                time.sleep(0.2)
            time.sleep(1.5)
            out = reader.read()
            reloads = out.count("updated and ready")
            lines = [line.strip() for line in out[done:].splitlines()
                     if line.startswith(KINDS) or any(k in line for k in (*KINDS[2:], "[WARNING]"))
                     or line.strip().startswith("- ")]  # (and the warnings' items)
            errors = [line.replace(str(base), "PROJECT") for line in _error_block(out[done:])]
            if os.environ.get("PROBE_RAW"):
                print(f"--- {kind} {step}\n{out[done:]}", flush=True)
            done = len(out)
            answers = [json.loads(json.dumps(answer(p)).replace(str(p1), "P1").replace(str(p2), "P2"))
                       for p in (p1, p2, 8787)]
            seen.append((step, [re.sub(rf"\b{p1}\b", "P1", re.sub(rf"\b{p2}\b", "P2", line)) for line in lines
                                if "Ready on" not in line or "Updated" in line], answers, errors,
                         proc.poll()))
    finally:
        end(proc)
    return seen


def main():
    chosen = sys.argv[1:]
    same = total = 0
    for scenario in scenarios(0, 0):
        if chosen and scenario not in chosen:
            continue
        p1, p2 = free_port(), free_port()  # (fresh: the last scenario's workerd may hold its ports a while)
        extra, all_steps = scenarios(p1, p2)[scenario]
        js, py = run("js", extra, all_steps, p1, p2), run("py", extra, all_steps, p1, p2)
        print(f"=== {scenario} {' '.join(extra)}")
        for (step, js_lines, js_answers, js_err, js_rc), (_, py_lines, py_answers, py_err, py_rc) in zip(js, py):
            alike = (js_lines, js_answers, js_rc is None, js_err) == (py_lines, py_answers, py_rc is None, py_err)
            same, total = same + alike, total + 1
            print(f"{'same' if alike else 'DIFF'}  {step}\n  wrangler:    {js_lines} {json.dumps(js_answers)}"
                  f"{'' if js_rc is None else f' EXITED {js_rc}'} {js_err}\n"
                  f"  workers-env: {py_lines} {json.dumps(py_answers)}"
                  f"{'' if py_rc is None else f' EXITED {py_rc}'} {py_err}", flush=True)
    print(f"{same}/{total} the same")


if __name__ == "__main__":
    main()
