#!/usr/bin/env bash
# `make bench`: builds a release proctor, the C floor (Benchmarks/floor.c) and the peer (quizmd
# from PyPI, in .build/bench-venv), generates a 10,000-question pack, then runs
# Benchmarks/bench.py, which prints min / median / max per figure and a table; the table is also
# written to .build/bench-results.md. Prints numbers, asserts nothing.
#
# Usage: scripts/bench.sh [--update-readme]     (also rewrite README.md's "## Performance")
#        make bench BENCH_UPDATE_README=1        (the same through make)
# Environment: BENCH_RUNS (default 7), BENCH_PRESSES (default 20), QUIZMD_VERSION (default 2.4.4),
#              PYTHON (default python3)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON=${PYTHON:-python3}
QUIZMD_VERSION=${QUIZMD_VERSION:-2.4.4}
VENV=.build/bench-venv
PACKS=.build/bench-packs
SECONDS=0
extra=()
[ "${BENCH_UPDATE_README:-0}" = 1 ] && extra+=(--update-readme)
for arg in "$@"; do
    case $arg in
        --update-readme) extra+=(--update-readme) ;;
        *) echo "usage: scripts/bench.sh [--update-readme]" >&2; exit 2 ;;
    esac
done

command -v "$PYTHON" >/dev/null 2>&1 || { echo "bench: $PYTHON not found (install python3)" >&2; exit 1; }
command -v cc >/dev/null 2>&1 || { echo "bench: no C compiler 'cc' (install gcc)" >&2; exit 1; }

# Peak memory is measured with GNU time (Debian package `time`).
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing the time package (for max RSS)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null || true
fi

# The same build `make install` ships: release, with the Swift runtime linked in statically
# (about 6 ms less process start than loading it from shared libraries).
echo "== release build of proctor (static Swift runtime)"
mkdir -p .build
if ! swift build -c release --static-swift-stdlib >.build/bench-build.log 2>&1; then
    tail -n 30 .build/bench-build.log >&2
    echo "bench: swift build -c release --static-swift-stdlib failed (log: .build/bench-build.log)" >&2
    exit 1
fi
tail -n 1 .build/bench-build.log
BIN=.build/release/proctor

echo "== floor: Benchmarks/floor.c"
mkdir -p .build/bench "$PACKS"
# shellcheck disable=SC2046
cc -O2 -o .build/bench/floor Benchmarks/floor.c $(pkg-config --cflags ncursesw 2>/dev/null) -lncursesw

echo "== peer: quizmd $QUIZMD_VERSION from PyPI in $VENV"
peer_reason=""
if ! "$VENV/bin/python" -c 'import yaml' >/dev/null 2>&1 ||
    [ "$("$VENV/bin/quizmd" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n 1)" != "$QUIZMD_VERSION" ]; then
    if ! "$PYTHON" -m venv "$VENV" >.build/bench-venv.log 2>&1; then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
            echo "installing python3-venv" >&2
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
        fi
        "$PYTHON" -m venv "$VENV" >.build/bench-venv.log 2>&1 || peer_reason="cannot create a virtualenv: $(tail -n 1 .build/bench-venv.log)"
    fi
    if [ -z "$peer_reason" ] &&
        ! "$VENV/bin/pip" install -q --disable-pip-version-check --timeout 30 --retries 2 \
            "quizmd==$QUIZMD_VERSION" pyyaml >>.build/bench-venv.log 2>&1; then
        peer_reason="pip install quizmd failed: $({ grep -m 1 -E 'ERROR|error' .build/bench-venv.log || tail -n 1 .build/bench-venv.log; } | cut -c 1-200)"
    fi
fi
peer_args=()
if [ -z "$peer_reason" ]; then
    peer_version=$("$VENV/bin/quizmd" --version 2>&1 | grep -o '[0-9][0-9.]*' | head -n 1 || true)
    if "$VENV/bin/python" Benchmarks/to_quizmd.py Content/pmle "$PACKS/pmle-quizmd.md" &&
        "$VENV/bin/quizmd" --validate "$PACKS/pmle-quizmd.md" >/dev/null; then
        peer_args=(--quizmd "$VENV/bin/quizmd" --peer-version "$peer_version" --quiz "$PACKS/pmle-quizmd.md")
    else
        peer_reason="quizmd does not accept the converted quiz ($PACKS/pmle-quizmd.md)"
    fi
fi
[ -n "$peer_reason" ] && echo "peer unavailable: $peer_reason"

echo "== generated pack: 10,000 questions"
big_quiz=()
if [ ${#peer_args[@]} -gt 0 ]; then
    "$PYTHON" Benchmarks/gen_pack.py --out "$PACKS/big" --count 10000 --quizmd "$PACKS/big-quizmd.md"
    big_quiz=(--big-quiz "$PACKS/big-quizmd.md")
else
    "$PYTHON" Benchmarks/gen_pack.py --out "$PACKS/big" --count 10000
fi
"$BIN" validate "$PACKS/big" >/dev/null

echo "== benchmarks ($((SECONDS))s so far)"
"$PYTHON" Benchmarks/bench.py --root "$ROOT" --proctor "$BIN" \
    --proctor-version "$("$BIN" --version)" --floor .build/bench/floor \
    --big-pack "$PACKS/big" --out .build/bench-results.md \
    ${peer_args[@]+"${peer_args[@]}"} ${big_quiz[@]+"${big_quiz[@]}"} \
    --peer-reason "${peer_reason:-none}" ${extra[@]+"${extra[@]}"}
echo "== done in ${SECONDS}s"
