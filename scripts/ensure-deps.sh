#!/usr/bin/env bash
# Makes sure the system packages Proctor builds and tests with are present.
# Installs them with apt-get when running as root; otherwise names the command.
# Usage: scripts/ensure-deps.sh [build|test]
set -euo pipefail
need=()
pkg-config --exists ncursesw 2>/dev/null || need+=(libncurses-dev)
[ -f /usr/include/sqlite3.h ] || need+=(libsqlite3-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ "${1:-build}" = test ]; then
    command -v tmux >/dev/null 2>&1 || need+=(tmux)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing missing system packages: ${need[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    exit 0
fi
echo "missing system packages: ${need[*]}" >&2
echo "install them with:  sudo apt-get install -y ${need[*]}" >&2
exit 1
