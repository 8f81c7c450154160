#!/usr/bin/env bash
# The test suite under every CPython >= 3.11 found (pyenv's), one after the other, and a line of
# figures per version at the end: the README's `python3 -m pytest` checks one interpreter only.
#
# Usage, from anywhere:  tools/pythons/run_suite.sh [--embed] [pytest arguments ...]
#   --embed    also compare the offline embedder's vectors across the interpreters
#              (tools/pythons/embed_digests.py; they must be identical)
#   PYTHONS="3.12 /path/to/python3.13 python3.14"  the interpreters to use instead of every
#              pyenv one: pyenv versions (3.12: its newest 3.12.x), paths or commands on PATH
#              (a CPython pyenv lacks, 3.14: PYTHONS="$(tools/pythons/debian_python.sh) 3.11")
#   PYTHON_VENVS=DIR   where each interpreter's venv is kept (default /tmp/workers-env-venvs)
#   PIP_CONSTRAINT=FILE  pins the packages installed (pip reads it), e.g. the output of
#              `python3 -m pip freeze` where the suite already passes
#
# Each interpreter gets a venv holding pyproject.toml's dependencies and `test` extra, and the
# project itself installed with --no-deps from a copy (for its `workers-env` console script,
# its pytest11 entry point and its version metadata; never editable, nothing is built in the
# checkout). The tests then run with PYTHONPATH set to the checkout, so they import its code,
# and so do the `workers-env` processes they start. Extra arguments go to pytest (`-x`,
# `tests/test_ai_*.py`, `-n 0` ...); by default the whole suite runs on every core, as usual.
set -uo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
venvs="${PYTHON_VENVS:-/tmp/workers-env-venvs}"
embed=0
if [[ "${1:-}" == "--embed" ]]; then
    embed=1
    shift
fi

pyenv_root="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"

# One PYTHONS entry as an interpreter's path: a path, a command on PATH (python3.13), or a pyenv
# version, whole (3.13.0) or its prefix (3.13: the newest 3.13.x pyenv has).
resolve() {
    local name="$1" found=""
    if [[ "$name" == */* ]]; then
        [[ -x "$name" && ! -d "$name" ]] && found="$name"
    elif [[ "$name" =~ ^[0-9]+(\.[0-9]+)*$ ]]; then
        found="$(printf '%s\n' "$pyenv_root/versions/$name" "$pyenv_root/versions/$name".* \
            | while read -r dir; do [[ -x "$dir/bin/python3" ]] && echo "$dir/bin/python3"; done \
            | sort -V | tail -1)"
    else
        found="$(command -v "$name" 2>/dev/null)"
    fi
    [[ -n "$found" ]] && echo "$found"
}

if [[ -n "${PYTHONS:-}" ]]; then
    read -r -a names <<< "$PYTHONS"
    pythons=()
    for name in "${names[@]}"; do
        if ! python="$(resolve "$name")"; then
            echo "run_suite.sh: PYTHONS names '$name', which is no interpreter: give its path, a command" \
                "on PATH (python3.13) or a pyenv version (3.13, 3.13.0; pyenv has:" \
                "$(ls "$pyenv_root/versions" 2>/dev/null | tr '\n' ' ' | sed 's/ $//'))" >&2
            exit 2
        fi
        if [[ "$("$python" -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null)" != True ]]; then
            echo "run_suite.sh: PYTHONS names '$name' ($python), which does not run as a Python >= 3.11" >&2
            exit 2
        fi
        pythons+=("$python")
    done
else
    pythons=()
    for candidate in "$pyenv_root"/versions/*/bin/python3; do
        [[ -x "$candidate" ]] || continue
        "$candidate" -c 'import sys; sys.exit(sys.implementation.name != "cpython" or sys.version_info < (3, 11))' \
            2>/dev/null && pythons+=("$candidate")
    done
fi
if [[ ${#pythons[@]} -eq 0 ]]; then
    echo "run_suite.sh: no Python >= 3.11 found; install some with pyenv or name them in PYTHONS=" >&2
    exit 2
fi

copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
cp -r "$root/pyproject.toml" "$root/README.md" "$root/workers_env" "$copy/"
find "$copy" -name __pycache__ -prune -exec rm -rf {} +

summary=()
digests=()
status=0
for python in "${pythons[@]}"; do
    version="$("$python" -c 'import platform; print(platform.python_version())')"
    venv="$venvs/$version"
    echo "=== Python $version ($python) -> $venv"
    if [[ ! -x "$venv/bin/python" ]]; then
        "$python" -m venv "$venv" || { summary+=("$version  could not make a venv"); status=1; continue; }
    fi
    mapfile -t requirements < <("$venv/bin/python" - "$root/pyproject.toml" <<'EOF'
import sys, tomllib
project = tomllib.load(open(sys.argv[1], "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["test"]))
EOF
)
    if ! "$venv/bin/python" -m pip install -q "${requirements[@]}" \
            || ! "$venv/bin/python" -m pip install -q --no-deps --force-reinstall "$copy"; then
        summary+=("$version  could not install the test dependencies")
        status=1
        continue
    fi
    rm -rf "$copy/build" "$copy"/*.egg-info
    start=$(date +%s)
    log="$venv/last-run.log"
    (cd "$root" && PYTHONPATH="$root" "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@") 2>&1 | tee "$log"
    code=${PIPESTATUS[0]}
    [[ $code -eq 0 ]] || status=1
    line="$(grep -E '^(=+ )?[0-9]+ (passed|failed|error)|no tests ran' "$log" | tail -1 | sed 's/=//g; s/^ *//; s/ *$//')"
    summary+=("$version  ${line:-exit status $code}  (wall $(( $(date +%s) - start )) s)")
    if [[ $embed -eq 1 ]]; then
        digest="$(cd "$root" && PYTHONPATH="$root" "$venv/bin/python" tools/pythons/embed_digests.py)" || status=1
        digests+=("$version"$'\t'"$(sha256sum <<< "$digest" | cut -c1-16)")
        echo "$digest" > "$venv/embed-digests.txt"
    fi
done

echo
echo "=== workers-env test suite, per Python"
printf '%s\n' "${summary[@]}"
if [[ $embed -eq 1 ]]; then
    echo "=== offline embedder digests (tools/pythons/embed_digests.py; must be one value)"
    printf '%s\n' "${digests[@]}"
    if [[ $(printf '%s\n' "${digests[@]}" | cut -f2 | sort -u | wc -l) -ne 1 ]]; then
        echo "the embedder's vectors differ between interpreters: compare $venvs/*/embed-digests.txt" >&2
        status=1
    fi
fi
exit $status
