#!/usr/bin/env bash
# Reliability suite: crashes, signals, terminal sizes, no terminal, hostile content, database faults.
# Runs the real binary in tmux (its own socket; no TTY needed on the host) and Python helpers
# in scripts/reliability/. Usage: scripts/reliability.sh [path/to/proctor]
#
# Environment:
#   RELIABILITY_SEED=N      replay a run (the seed is printed at the start; it drives the kill -9
#                           timings and the content fuzzer)
#   RELIABILITY_FUZZ_CASES  number of fuzzer cases (default 1000)
#   RELIABILITY_ONLY="a b"  run only these sections: notty kill9 signals sizes content inject db perms
set -uo pipefail
if [ ! -x "${1:-.build/debug/proctor}" ]; then
    echo "reliability: no executable at ${1:-.build/debug/proctor}; run swift build first"
    echo "reliability: 0 passed, 1 failed"
    exit 1
fi
SRC_BIN=$(realpath "${1:-.build/debug/proctor}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HELPERS="$ROOT/scripts/reliability"
PACK="$ROOT/Content/pmle"
WORK=$(mktemp -d /tmp/proctor-rel.XXXXXX)
chmod 755 "$WORK"   # the permission cases run proctor as nobody, who must reach the binary
SOCK="$WORK/tmux.sock"
SEED=${RELIABILITY_SEED:-$(( $(od -An -N4 -tu4 /dev/urandom | tr -d ' ') % 1000000000 ))}
FUZZ_CASES=${RELIABILITY_FUZZ_CASES:-1000}
ONLY=${RELIABILITY_ONLY:-}
export TERM=xterm-256color
unset NO_COLOR
RANDOM=$SEED
passed=0
failed=0
skipped=0
T0=$(date +%s)
MOUNTS=()

# A private copy of the binary: a rebuild during the run cannot swap it out ("text file busy").
cp "$SRC_BIN" "$WORK/proctor"
chmod 755 "$WORK/proctor"
BIN="$WORK/proctor"
"$BIN" --version >/dev/null 2>&1 || BIN=$SRC_BIN   # e.g. /tmp mounted noexec

tm() { tmux -S "$SOCK" "$@"; }
cleanup() {
    [ -n "${FUZZ_PID:-}" ] && kill "$FUZZ_PID" 2>/dev/null
    tm kill-server >/dev/null 2>&1
    local m
    for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
    chmod -R u+rwX "$WORK" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

want() { [ -z "$ONLY" ] || [[ " $ONLY " == *" $1 "* ]]; }
section() { echo "== $1"; }

# ---------------------------------------------------------------------------------------------
# Reporting

CUR=""   # the tmux session a failure dumps
ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() {
    failed=$((failed + 1))
    echo "FAIL $1"
    shift
    local line
    for line in "$@"; do echo "     $line"; done
    if [ -n "$CUR" ] && tm has-session -t "$CUR" 2>/dev/null; then
        echo "---- screen ($CUR) ----"
        tm capture-pane -p -t "$CUR" | awk '{ a[NR] = $0 } NF { last = NR } END { for (i = 1; i <= last; i++) print a[i] }'
        echo "-----------------------"
    fi
}
skip() { skipped=$((skipped + 1)); echo "skip $1"; }
check() {
    local name=$1
    shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}

# ---------------------------------------------------------------------------------------------
# Dependencies: sqlite3 (the CLI) for reading the store, strace for counting syncs (optional),
# pyte for the raw-output checks (optional, in a virtualenv).

missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
command -v strace >/dev/null 2>&1 || missing+=(strace)
if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} for the reliability checks" >&2
    apt-get update -qq >/dev/null 2>&1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "reliability: the sqlite3 CLI is missing; install it with: sudo apt-get install -y sqlite3" >&2
    echo "reliability: 0 passed, 1 failed"
    exit 1
fi
command -v tmux >/dev/null 2>&1 || { echo "reliability: tmux is missing (scripts/ensure-deps.sh test)"; echo "reliability: 0 passed, 1 failed"; exit 1; }

VENV="$ROOT/.build/reliability-venv"
setup_pyte() {
    if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import pyte' 2>/dev/null; then return 0; fi
    rm -rf "$VENV"
    python3 -m venv "$VENV" >/dev/null 2>&1 &&
        timeout 90 "$VENV/bin/pip" install -q --disable-pip-version-check --timeout 10 --retries 1 pyte &&
        "$VENV/bin/python" -c 'import pyte' 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# tmux panes. `start TAG W H CMD...` runs CMD in session TAG (cwd: the repo); when it ends its exit
# code lands in $WORK/TAG.exit and `stty -a` of the pane in $WORK/TAG.stty; the pane stays open.
# The command's pid is in $WORK/TAG.pid (the subshell execs it, so it is the real process).

cat >"$WORK/pane.sh" <<'EOF'
#!/usr/bin/env bash
[ "${PANE_IGNORE_HUP:-}" = 1 ] && trap "" HUP
tag=$1 work=$2 root=$3
shift 3
echo $$ > "$work/$tag.shpid"
cd "$root"
( echo "$BASHPID" > "$work/$tag.pid.tmp" && mv "$work/$tag.pid.tmp" "$work/$tag.pid"; exec "$@" )
echo $? > "$work/$tag.exit.tmp"
stty -a > "$work/$tag.stty" 2>&1
mv "$work/$tag.exit.tmp" "$work/$tag.exit"
exec sleep 600
EOF
chmod 755 "$WORK/pane.sh"

start() {
    local tag=$1 w=$2 h=$3
    shift 3
    tm kill-session -t "$tag" >/dev/null 2>&1
    rm -f "$WORK/$tag.exit" "$WORK/$tag.pid" "$WORK/$tag.stty"
    local cmd="" a
    for a in "$WORK/pane.sh" "$tag" "$WORK" "$ROOT" "$@"; do cmd+=" $(printf '%q' "$a")"; done
    tm new-session -d -s "$tag" -x "$w" -y "$h" "${START_ENV:-}$cmd"
    tm set-option -t "$tag" remain-on-exit on >/dev/null 2>&1
    CUR=$tag
    local i
    for ((i = 0; i < 50; i++)); do [ -s "$WORK/$tag.pid" ] && break; sleep 0.05; done
}
pid_of() { cat "$WORK/$1.pid" 2>/dev/null; }
screen() { tm capture-pane -p -t "$1" 2>/dev/null; }
history() { tm capture-pane -p -J -S -2000 -t "$1" 2>/dev/null; }

# wait_for TAG TEXT [seconds]
wait_for() {
    local tag=$1 text=$2 limit=${3:-8} i
    for ((i = 0; i < limit * 20; i++)); do
        screen "$tag" | grep -qF -- "$text" && return 0
        sleep 0.05
    done
    return 1
}
# wait_exit TAG [seconds]: waits for the command to end; prints its exit code.
wait_exit() {
    local tag=$1 limit=${2:-8} i
    for ((i = 0; i < limit * 20; i++)); do
        [ -f "$WORK/$tag.exit" ] && { cat "$WORK/$tag.exit"; return 0; }
        sleep 0.05
    done
    echo timeout
    return 1
}
keys() { local tag=$1; shift; tm send-keys -t "$tag" "$@"; sleep 0.12; }

# terminal_state TAG: after the command ended, "" when the terminal is restored, else what is wrong.
terminal_state() {
    local tag=$1 problems=() st
    st=$(cat "$WORK/$tag.stty" 2>/dev/null)
    grep -qE '(^|[ ;])echo([ ;]|$)' <<<"$st" || problems+=("echo is off")
    grep -qE '(^|[ ;])icanon([ ;]|$)' <<<"$st" || problems+=("icanon is off")
    [ "$(tm display -p -t "$tag" '#{cursor_flag}')" = 1 ] || problems+=("cursor hidden")
    [ "$(tm display -p -t "$tag" '#{alternate_on}')" = 0 ] || problems+=("alternate screen still on")
    echo "${problems[*]}"
}
# crash_text TAG: prints crash markers found in the pane (with scrollback).
crash_text() {
    history "$1" | grep -E 'Fatal error|Stack dump|Backtrace|Program crashed|Segmentation fault|Illegal instruction|Thread [0-9]+ crashed|💣|Current stack trace|Aborted \(core' | head -3
}

sql() { sqlite3 -batch -noheader "$1" "$2" 2>&1; }
# tally_mismatches DB: how many questions' trigger-kept totals (answerTally, answerQuarter) differ
# from the answer rows themselves; 0 when they agree.
tally_mismatches() {
    sql "$1" "SELECT (SELECT count(*) FROM (
          SELECT packID, questionID, count(*) AS n, sum(correct) AS c,
            (SELECT b.id FROM answer b WHERE b.packID = a.packID AND b.questionID = a.questionID
              ORDER BY b.answeredAt DESC, b.id DESC LIMIT 1) AS newest
          FROM answer a GROUP BY packID, questionID) r
        FULL OUTER JOIN answerTally t USING (packID, questionID)
        WHERE r.n IS NOT t.answered OR r.c IS NOT t.correct OR r.newest IS NOT t.newestID)
      + ((SELECT count(*) FROM answer) IS NOT (SELECT coalesce(sum(answers), 0) FROM answerQuarter))"
}
# practice_answer TAG: answers the practice question on screen (as many picks as "Choose N" asks)
# and waits for the verdict.
practice_answer() {
    local tag=$1 n i letters=(a b c d e f)
    n=$(screen "$tag" | grep -oE 'Choose [0-9]' | head -n 1 | cut -d' ' -f2)
    for ((i = 0; i < ${n:-1}; i++)); do keys "$tag" "${letters[i]}"; done
    keys "$tag" Enter
    wait_for "$tag" "Enter next" 3
}
answered() { sql "$1/progress.sqlite" "SELECT count(*) FROM answer"; }

echo "reliability: seed $SEED (replay with RELIABILITY_SEED=$SEED), binary $SRC_BIN"

# ---------------------------------------------------------------------------------------------
# The fuzzer runs in the background (one worker) while the tmux scenarios run.

FUZZ_PID=""
if want content; then
    python3 "$HELPERS/fuzz_pack.py" --bin "$BIN" --src "$PACK" --cases "$FUZZ_CASES" --seed "$SEED" \
        --jobs 1 --work "$WORK/fuzz" --replay-bin "$SRC_BIN" >"$WORK/fuzz.log" 2>&1 &
    FUZZ_PID=$!
fi
PYTE_OK=""
if want inject; then
    setup_pyte >"$WORK/pyte.log" 2>&1 &
    PYTE_JOB=$!
fi

# ---------------------------------------------------------------------------------------------
# 1. Not a terminal: stdin or stdout redirected -> exit 2, the message, nothing drawn.

if want notty; then
    section "not a terminal"
    for sub in "" outline practice exam review; do
        for mode in "--stdin null" "--stdout pipe" "--stdin null --stdout pipe"; do
            # shellcheck disable=SC2086
            out=$(python3 "$HELPERS/ptyrun.py" $mode --timeout 10 -- "$BIN" $sub --data-dir "$WORK/notty-data")
            verdict=$(python3 -c '
import json, sys
r = json.loads(sys.argv[1])
p = []
if r["rc"] != 2: p.append("exit %s, expected 2" % r["rc"])
if "proctor needs an interactive terminal" not in r["stderr"]: p.append("message missing: %r" % r["stderr"][:200])
if r["pty_bytes"]: p.append("%d bytes drawn on the terminal" % r["pty_bytes"])
if r["stdout"]: p.append("stdout not empty: %r" % r["stdout"][:100])
print("; ".join(p))' "$out")
            name="no terminal (${mode//--/}): proctor ${sub:-home} exits 2 with the message, draws nothing"
            if [ -z "$verdict" ]; then ok "$name"; else CUR="" bad "$name" "$verdict"; fi
        done
    done
    # Terminal types: an unknown TERM is refused cleanly; poor terminals still work.
    for t in nosuchterm "" dumb vt100 linux xterm-mono; do
        # A terminal Proctor refuses gets no keys: under load it may start after a fixed wait,
        # and the pty would echo a typed q back, which would count as drawn.
        keys="wait:0.8 q"
        case $t in nosuchterm | "" | dumb) keys="wait:6" ;; esac
        out=$(python3 "$HELPERS/ptyrun.py" --keys "$keys" --timeout 8 -- env TERM="$t" "$BIN" --data-dir "$WORK/term-data")
        verdict=$(python3 -c '
import json, sys
r, t = json.loads(sys.argv[1]), sys.argv[2]
p = []
if t in ("nosuchterm", ""):
    if r["rc"] != 2: p.append("exit %s, expected 2" % r["rc"])
    if "does not know the terminal type" not in r["stderr"]: p.append("message: %r" % r["stderr"][:200])
    if r["pty_bytes"]: p.append("%d bytes drawn" % r["pty_bytes"])
elif t == "dumb":
    if r["rc"] != 2: p.append("exit %s, expected 2" % r["rc"])
    if "TERM=dumb cannot move the cursor" not in r["stderr"] or "proctor stats" not in r["stderr"]:
        p.append("message: %r" % r["stderr"][:300])
    if r["pty_bytes"]: p.append("%d bytes drawn" % r["pty_bytes"])
else:
    if r["rc"] != 0: p.append("exit %s after q, stderr %r" % (r["rc"], r["stderr"][:200]))
    if r["pty_bytes"] < 200: p.append("only %d bytes drawn" % r["pty_bytes"])
if r["timed_out"]: p.append("did not exit")
if "Fatal error" in r["stderr"]: p.append("crash: %r" % r["stderr"][:300])
print("; ".join(p))' "$out" "$t")
        case $t in
            nosuchterm | "") name="TERM='$t': exit 2 with 'does not know the terminal type', nothing drawn" ;;
            dumb) name="TERM=dumb: exit 2 naming the terminal type and the commands that need none, nothing drawn" ;;
            *) name="TERM=$t: starts and q exits 0" ;;
        esac
        if [ -z "$verdict" ]; then ok "$name"; else CUR="" bad "$name" "$verdict"; fi
    done
    # stats and validate keep working without a terminal
    out=$("$BIN" stats --json --data-dir "$WORK/notty-data2" </dev/null 2>&1)
    check "no terminal: stats --json still works" test $? = 0
    "$BIN" validate "$PACK" </dev/null >/dev/null 2>&1
    check "no terminal: validate still works" test $? = 0
fi

# ---------------------------------------------------------------------------------------------
# 2. kill -9 at random points of an exam, 20 runs on one attempt.

if want kill9; then
    section "kill -9 during an exam (20 runs)"
    D="$WORK/kill9"
    deadline0=""
    deadline0_cli=""
    for run in $(seq 1 20); do
        start k9 100 30 "$BIN" exam --count 5 --minutes 30 --data-dir "$D"
        problems=()
        if [ "$run" = 1 ]; then
            wait_for k9 "Question 1 of 5" || problems+=("the exam did not start")
        else
            if ! wait_for k9 "Exam in progress"; then
                problems+=("no 'Exam in progress' prompt on restart")
            else
                keys k9 y
            fi
        fi
        snap=$(python3 "$HELPERS/exam_model.py" snapshot "$D/progress.sqlite" "$WORK/before.json")
        if [ $? != 0 ]; then
            bad "kill -9 run $run" "no exam in progress in the store: $snap"
            continue
        fi
        deadline=${snap%% *}
        [ -z "$deadline0" ] && deadline0=$deadline
        # the deadline as first stored, read with the sqlite3 CLI (to the microsecond)
        [ -z "$deadline0_cli" ] && deadline0_cli=$(sql "$D/progress.sqlite" \
            "SELECT printf('%.6f', deadline) FROM examAttempt WHERE status='in_progress' ORDER BY id DESC LIMIT 1")
        [ "$deadline" = "$deadline0" ] || problems+=("deadline changed: $deadline0 -> $deadline")
        # The resumed screen shows the stored answered count.
        expect=$(python3 "$HELPERS/exam_model.py" expect "$PACK" "$WORK/before.json" "")
        wait_for k9 "$expect" || problems+=("resumed screen does not show '$expect'")
        # The countdown on screen runs to the stored deadline (within 3 s).
        clock=$(screen k9 | head -n 1 | grep -oE '[0-9]+:[0-9]{2}( *)$' | tr -d ' ')
        drift=$(python3 -c "import time,sys; m,s=sys.argv[2].split(':'); print(abs((float(sys.argv[1])-time.time())-(int(m)*60+int(s))) <= 3)" "$deadline" "${clock:-0:00}" 2>/dev/null)
        [ "$drift" = True ] || problems+=("the clock shows '${clock:-nothing}', the stored deadline is $(python3 -c "import time; print(round($deadline-time.time()))") s away")
        # Phase 1: keys that are acknowledged on screen before the kill.
        k1="" k2=""
        n1=$((RANDOM % 6))
        for ((i = 0; i < n1; i++)); do k1+=$(echo "a b c d e n" | tr ' ' '\n' | sed -n "$((RANDOM % 6 + 1))p"); done
        for ((i = 0; i < ${#k1}; i++)); do tm send-keys -t k9 "${k1:i:1}"; sleep 0.03; done
        expect=$(python3 "$HELPERS/exam_model.py" expect "$PACK" "$WORK/before.json" "$k1")
        wait_for k9 "$expect" 4 || problems+=("after keys '$k1' the screen does not show '$expect'")
        sleep 0.15
        # Phase 2: a burst of keys, killed at a random moment (possibly mid-burst).
        n2=$((RANDOM % 9))
        for ((i = 0; i < n2; i++)); do k2+=$(echo "a b c d e n" | tr ' ' '\n' | sed -n "$((RANDOM % 6 + 1))p"); done
        delay_ms=$((RANDOM % 4 == 0 ? 0 : RANDOM % 60))
        pid=$(pid_of k9)
        if [ -n "$k2" ]; then
            # shellcheck disable=SC2046
            tm send-keys -t k9 $(echo "$k2" | fold -w1)
        fi
        [ "$delay_ms" = 0 ] || sleep "$(printf '0.%03d' "$delay_ms")"
        kill -9 "$pid" 2>/dev/null
        code=$(wait_exit k9 5)
        [ "$code" = 137 ] || problems+=("exit code after kill -9: $code")
        verdict=$(python3 "$HELPERS/exam_model.py" check "$PACK" "$WORK/before.json" "$D/progress.sqlite" "$k1$k2" "${#k1}")
        [ $? = 0 ] || problems+=("store after the kill: $verdict")
        kept=${verdict%%$'\n'*}
        integrity=$(sql "$D/progress.sqlite" "PRAGMA integrity_check")
        [ "$integrity" = ok ] || problems+=("integrity_check: $integrity")
        d_after=$(sql "$D/progress.sqlite" "SELECT printf('%.6f', deadline) FROM examAttempt WHERE status='in_progress' ORDER BY id DESC LIMIT 1")
        [ -n "$d_after" ] && [ "$d_after" = "$deadline0_cli" ] ||
            problems+=("deadline in the store is '$d_after', was $deadline0_cli")
        name="kill -9 run $run: keys '$k1'+'$k2', killed ${delay_ms} ms after the burst; store = state after $kept keys, deadline unchanged, integrity ok"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    done
    # Finally the attempt still resumes and can be left cleanly.
    start k9 100 30 "$BIN" exam --data-dir "$D"
    if wait_for k9 "Exam in progress"; then
        keys k9 y
        keys k9 q
        keys k9 y
        keys k9 q
    fi
    code=$(wait_exit k9 5)
    check "after 20 kills the exam resumes and the app quits with 0" test "$code" = 0
    # The clock ran out while Proctor was closed: resuming submits the attempt at its deadline.
    sql "$D/progress.sqlite" "UPDATE examAttempt SET startedAt = strftime('%s','now') - 1805, deadline = strftime('%s','now') - 5 WHERE status = 'in_progress'" >/dev/null
    kept=$(sql "$D/progress.sqlite" "SELECT count(*) FROM examAnswer WHERE picked != '[]'")
    start k9 100 30 "$BIN" exam --data-dir "$D"
    problems=()
    if wait_for k9 "Exam in progress"; then keys k9 y; else problems+=("no resume prompt"); fi
    wait_for k9 "Score" || problems+=("no results screen after resuming an expired attempt")
    wait_for k9 "Time used 30:00 of 30:00" 1 || problems+=("results do not say 'Time used 30:00 of 30:00'")
    keys k9 q
    keys k9 q
    code=$(wait_exit k9 5)
    [ "$code" = 0 ] || problems+=("exit code $code")
    row=$(sql "$D/progress.sqlite" "SELECT status, submittedAt = deadline FROM examAttempt ORDER BY id DESC LIMIT 1")
    [ "$row" = "submitted|1" ] || problems+=("attempt after resuming: '$row' (expected submitted at its deadline)")
    n=$(sql "$D/progress.sqlite" "SELECT count(*) FROM answer WHERE mode = 'exam' AND picked != '[]'")
    [ "$n" = "$kept" ] || problems+=("$n answered questions recorded, $kept were saved in the attempt")
    name="deadline passed while closed: resuming submits at the deadline with the $kept saved answers"
    if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
fi

# ---------------------------------------------------------------------------------------------
# 3. Signals on every screen: exit without a traceback, terminal restored, progress saved.

# goto_screen TAG SCREEN DATA: starts proctor and navigates to SCREEN, answering a question on the
# way (in practice, or in the exam); saved_after SCREEN DATA then checks that answer is stored.
goto_screen() {
    local tag=$1 scr=$2 d=$3
    case $scr in
        exam)
            start "$tag" 100 30 "$BIN" exam --count 3 --minutes 30 --data-dir "$d"
            wait_for "$tag" "Question 1 of 3" || return 1
            keys "$tag" a
            wait_for "$tag" "answered 1" || return 1
            ;;
        results)
            start "$tag" 100 30 "$BIN" exam --count 2 --minutes 30 --data-dir "$d"
            wait_for "$tag" "Question 1 of 2" || return 1
            keys "$tag" a
            keys "$tag" n
            keys "$tag" b
            wait_for "$tag" "answered 2" || return 1
            keys "$tag" S
            wait_for "$tag" "Submit the exam?" || return 1
            keys "$tag" y
            wait_for "$tag" "Score" || return 1
            ;;
        *)
            start "$tag" 100 30 "$BIN" practice --count 3 --data-dir "$d"
            wait_for "$tag" "a-f pick" || return 1
            practice_answer "$tag" || return 1
            case $scr in
                practice) ;;
                home) keys "$tag" q; wait_for "$tag" "Readiness by section" || return 1 ;;
                outline) keys "$tag" q; keys "$tag" o; wait_for "$tag" "Exam guide" || return 1 ;;
                stats) keys "$tag" q; keys "$tag" s; wait_for "$tag" "· Stats" || return 1 ;;
                review) keys "$tag" q; keys "$tag" r; wait_for "$tag" "All sections" || return 1 ;;
                history) keys "$tag" q; keys "$tag" h; wait_for "$tag" "Exam history" || return 1 ;;
            esac
            ;;
    esac
    return 0
}
saved_after() {
    local scr=$1 d=$2
    case $scr in
        exam) [ "$(sql "$d/progress.sqlite" "SELECT count(*) FROM examAnswer WHERE picked != '[]'")" -ge 1 ] ;;
        results) [ "$(sql "$d/progress.sqlite" "SELECT count(*) FROM examAttempt WHERE status='submitted'")" = 1 ] &&
            [ "$(sql "$d/progress.sqlite" "SELECT count(*) FROM answer WHERE mode='exam'")" = 2 ] ;;
        *) [ "$(answered "$d")" -ge 1 ] ;;
    esac
}

if want signals; then
    section "signals on every screen"
    for scr in home outline practice exam results stats review history; do
        for sig in INT TERM HUP; do
            d="$WORK/sig-$scr-$sig"
            problems=()
            if ! goto_screen sg "$scr" "$d"; then
                bad "SIG$sig on $scr" "could not reach the $scr screen"
                continue
            fi
            kill -s "$sig" "$(pid_of sg)"
            code=$(wait_exit sg 5)
            signo=$(kill -l "$sig")
            [ "$code" = $((128 + signo)) ] || [ "$code" = 0 ] || problems+=("exit code $code (expected $((128 + signo)) or 0)")
            sleep 0.1
            crash=$(crash_text sg)
            [ -z "$crash" ] || problems+=("crash output: $crash")
            state=$(terminal_state sg)
            [ -z "$state" ] || problems+=("terminal not restored: $state")
            saved_after "$scr" "$d" || problems+=("the answer given before the signal is not in the store")
            integrity=$(sql "$d/progress.sqlite" "PRAGMA integrity_check")
            [ "$integrity" = ok ] || problems+=("integrity_check: $integrity")
            mismatches=$(tally_mismatches "$d/progress.sqlite")
            [ "$mismatches" = 0 ] || problems+=("answer totals disagree with the answers: $mismatches")
            name="SIG$sig on $scr: exit $code, no traceback, terminal restored, answer saved, totals agree"
            if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
        done
    done
fi

if want signals; then
    # At random moments of start-up (loading the pack, opening the store, starting ncurses, the
    # first frames). Most land in the first 150 ms, where ncurses is set up.
    for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
        sig=$(echo "INT TERM HUP" | cut -d' ' -f$((RANDOM % 3 + 1)))
        if ((i % 3)); then delay_ms=$((RANDOM % 150)); else delay_ms=$((RANDOM % 400)); fi
        start sg 100 30 "$BIN" exam --count 3 --minutes 30 --data-dir "$WORK/sig-start-$i"
        sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
        kill -s "$sig" "$(pid_of sg)" 2>/dev/null
        code=$(wait_exit sg 5)
        problems=()
        signo=$(kill -l "$sig")
        [ "$code" = $((128 + signo)) ] || [ "$code" = 0 ] || problems+=("exit code $code")
        sleep 0.1
        crash=$(crash_text sg)
        [ -z "$crash" ] || problems+=("crash output: $crash")
        state=$(terminal_state sg)
        [ -z "$state" ] || problems+=("terminal not restored: $state")
        if [ -f "$WORK/sig-start-$i/progress.sqlite" ]; then
            integrity=$(sql "$WORK/sig-start-$i/progress.sqlite" "PRAGMA integrity_check")
            [ "$integrity" = ok ] || problems+=("integrity_check: $integrity")
        fi
        name="SIG$sig ${delay_ms} ms after launch: exit $code, no traceback, terminal restored"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    done
    # In the middle of a resize storm (the screen is being redrawn).
    for sig in TERM INT HUP; do
        start sg 100 30 "$BIN" exam --count 3 --minutes 30 --data-dir "$WORK/sig-storm-$sig"
        wait_for sg "Question 1 of 3"
        for ((i = 0; i < 20 + RANDOM % 20; i++)); do tm resize-window -t sg -x $((RANDOM % 250 + 1)) -y $((RANDOM % 80 + 1)); done
        kill -s "$sig" "$(pid_of sg)"
        code=$(wait_exit sg 5)
        tm resize-window -t sg -x 100 -y 30
        problems=()
        signo=$(kill -l "$sig")
        [ "$code" = $((128 + signo)) ] || problems+=("exit code $code")
        sleep 0.1
        crash=$(crash_text sg)
        [ -z "$crash" ] || problems+=("crash output: $crash")
        state=$(terminal_state sg)
        [ -z "$state" ] || problems+=("terminal not restored: $state")
        name="SIG$sig during a resize storm: exit $code, no traceback, terminal restored"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    done
fi

if want signals; then
    # The terminal goes away (the tmux pane is closed) in the middle of an exam.
    # hangup_case NAME IGNORE_HUP: IGNORE_HUP=1 runs proctor with SIGHUP ignored (as under nohup, or
    # when the shell that would forward the hangup ignores it), so only the dead terminal tells.
    hangup_case() {
        local name=$1 ignore=$2 d="$WORK/hangup-$2" pid problems=() i cpu
        # With IGNORE_HUP the pane's shell (the session leader) and proctor ignore SIGHUP, so
        # nobody forwards the hangup: proctor only sees its terminal input end.
        [ "$ignore" = 1 ] && START_ENV="PANE_IGNORE_HUP=1 "
        start hu 100 30 "$BIN" exam --count 3 --minutes 30 --data-dir "$d"
        START_ENV=""
        wait_for hu "Question 1 of 3" || problems+=("the exam did not start")
        keys hu a
        wait_for hu "answered 1" 3 || problems+=("answer not shown")
        pid=$(pid_of hu)
        tm kill-session -t hu
        for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
        if kill -0 "$pid" 2>/dev/null && [ "$(ps -o stat= -p "$pid" | cut -c1)" != Z ]; then
            sleep 1
            cpu=$(ps -o pcpu= -p "$pid" | tr -d ' ')
            problems+=("still running 3 s after its terminal closed (pid $pid, ${cpu}% CPU)")
            kill -9 "$pid" 2>/dev/null
        fi
        # the pane's shell outlives the pane when it ignores SIGHUP: end it
        [ "$ignore" = 1 ] && kill -9 "$(cat "$WORK/hu.shpid" 2>/dev/null)" 2>/dev/null
        [ "$(sql "$d/progress.sqlite" "SELECT count(*) FROM examAnswer WHERE picked != '[]'")" = 1 ] ||
            problems+=("the answer given before the hangup is not stored")
        CUR=""
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    }
    hangup_case "terminal closed mid-exam (tmux kill-session): proctor exits, the answer is stored" 0
    hangup_case "terminal closed mid-exam with SIGHUP ignored: proctor exits instead of spinning" 1
fi

# ---------------------------------------------------------------------------------------------
# 4. Terminal sizes, and a resize storm in the middle of an exam.

if want sizes; then
    section "terminal sizes"
    for size in 1x1 2x2 10x3 30x8 59x14 60x14 59x15 60x15 80x24 200x60 300x100; do
        w=${size%x*} h=${size#*x}
        d="$WORK/size-data"
        start sz "$w" "$h" "$BIN" --data-dir "$d"
        problems=()
        sleep 0.6
        pid=$(pid_of sz)
        kill -0 "$pid" 2>/dev/null || problems+=("not running at $size (exit $(cat "$WORK/sz.exit" 2>/dev/null))")
        actual=$(tm display -p -t sz '#{window_width}x#{window_height}')
        [ "$actual" = "$size" ] || problems+=("tmux made the window $actual")
        if [ "$w" -lt 60 ] || [ "$h" -lt 15 ]; then
            if [ "$w" -ge 10 ] && [ "$h" -ge 2 ]; then
                wait_for sz "too small" 3 || problems+=("no 'too small' message")
            fi
            [ "$w" -lt 10 ] || ! screen sz | grep -q "Readiness" || problems+=("draws the home screen below 60x15")
        else
            wait_for sz " Proctor · " 3 || problems+=("home screen not drawn")
            [ "$h" -lt 30 ] || wait_for sz "Readiness by section" 1 || problems+=("no 'Readiness by section' at $size")
            ! screen sz | grep -q "too small" || problems+=("says too small at $size")
        fi
        keys sz q
        code=$(wait_exit sz 5)
        [ "$code" = 0 ] || problems+=("exit code $code after q")
        state=$(terminal_state sz)
        [ -z "$state" ] || problems+=("terminal not restored: $state")
        crash=$(crash_text sz)
        [ -z "$crash" ] || problems+=("crash output: $crash")
        if [ "$w" -ge 60 ] && [ "$h" -ge 15 ]; then what="draws home"; elif [ "$w" -ge 10 ]; then what="says too small"; else what="alive (no room for a message)"; fi
        name="size $size: $what, q exits 0, terminal restored"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    done

    # Resizes every 50 ms for 5 s in the middle of an exam, with answers typed in between.
    d="$WORK/resize-data"
    start rs 100 30 "$BIN" exam --count 5 --minutes 30 --data-dir "$d"
    problems=()
    wait_for rs "Question 1 of 5" || problems+=("exam did not start")
    pid=$(pid_of rs)
    storm_end=$(($(date +%s%N) + 5000000000))
    n=0
    while [ "$(date +%s%N)" -lt "$storm_end" ]; do
        w=$((RANDOM % 300 + 1)) h=$((RANDOM % 100 + 1))
        [ $((n % 7)) = 0 ] && w=$((RANDOM % 60 + 1)) && h=$((RANDOM % 15 + 1))
        tm resize-window -t rs -x "$w" -y "$h"
        [ $((n % 10)) = 5 ] && tm send-keys -t rs a n
        n=$((n + 1))
        sleep 0.05
    done
    kill -0 "$pid" 2>/dev/null || problems+=("the process died during $n resizes (exit $(cat "$WORK/rs.exit" 2>/dev/null))")
    tm resize-window -t rs -x 100 -y 30
    wait_for rs "of 5" 4 || problems+=("the exam is not drawn at 100x30 after the storm")
    tm resize-window -t rs -x 40 -y 10
    wait_for rs "too small" 4 || problems+=("no 'too small' at 40x10")
    tm resize-window -t rs -x 100 -y 30
    wait_for rs "of 5" 4 || problems+=("the exam does not come back at 100x30")
    tm send-keys -t rs C-c
    code=$(wait_exit rs 5)
    [ "$code" = 0 ] || problems+=("exit code $code after Ctrl-C")
    state=$(terminal_state rs)
    [ -z "$state" ] || problems+=("terminal not restored: $state")
    crash=$(crash_text rs)
    [ -z "$crash" ] || problems+=("crash output: $crash")
    stored=$(sql "$d/progress.sqlite" "SELECT count(*) FROM examAnswer")
    [ "${stored:-0}" -ge 1 ] || problems+=("no exam answer stored from the keys typed during the storm")
    name="resize storm: $n resizes in 5 s mid-exam (1x1..300x100), still alive, Ctrl-C exits 0"
    if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi

    # Monkey: random keys of every screen (overlays, dialogs, filters) mixed with resizes.
    monkey_keys=(a b c d e f 1 2 3 4 5 6 n p j k h l g G o r s e f S y n Space Enter Enter Enter
        Escape Escape '?' F1 / x Up Down Left Right PageUp PageDown Home End Tab BTab BSpace DC)
    for start_cmd in "" "exam --count 5" outline; do
        d="$WORK/monkey-data"
        # shellcheck disable=SC2086
        start mk 100 30 "$BIN" $start_cmd --data-dir "$d"
        wait_for mk " Proctor · " 5
        pid=$(pid_of mk)
        steps=0
        for ((steps = 0; steps < 200; steps++)); do
            [ -f "$WORK/mk.exit" ] && break
            if [ $((RANDOM % 10)) = 0 ]; then
                tm resize-window -t mk -x $((RANDOM % 160 + 1)) -y $((RANDOM % 50 + 1))
            else
                # (no q: it quits from Home and would end the run early; Escape goes back)
                tm send-keys -t mk "${monkey_keys[$((RANDOM % ${#monkey_keys[@]}))]}"
            fi
            sleep 0.01
        done
        tm resize-window -t mk -x 100 -y 30
        sleep 0.3
        problems=()
        if [ -f "$WORK/mk.exit" ]; then
            code=$(cat "$WORK/mk.exit")
            [ "$code" = 0 ] || problems+=("exit code $code")
            what="quit by its keys after $steps steps"
        else
            kill -0 "$pid" 2>/dev/null || problems+=("process gone without an exit code")
            tm send-keys -t mk C-c
            code=$(wait_exit mk 5)
            [ "$code" = 0 ] || problems+=("exit code $code after Ctrl-C")
            what="alive after $steps steps"
        fi
        crash=$(crash_text mk)
        [ -z "$crash" ] || problems+=("crash output: $crash")
        state=$(terminal_state mk)
        [ -z "$state" ] || problems+=("terminal not restored: $state")
        name="monkey on proctor ${start_cmd:-home}: random keys and resizes, $what, exit 0, no crash"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    done
fi

# ---------------------------------------------------------------------------------------------
# 5. Hostile text: control characters are rejected; bidi and zero-width text renders as text.

if want inject; then
    section "escape injection"
    P="$WORK/pack-controls"
    n=$(python3 "$HELPERS/make_pack.py" controls "$P")
    out=$("$BIN" validate "$P" 2>&1)
    code=$?
    errs=$(grep -cE "^$P/questions/q.yaml:[0-9]+:[0-9]+: .*control character" <<<"$out")
    name="validator rejects ESC/C0/C1/U+2028 in stems: exit 1, $n file:line:col errors"
    if [ "$code" = 1 ] && [ "$errs" = "$n" ]; then ok "$name"; else CUR="" bad "$name" "exit $code, $errs of $n stems reported" "$(head -5 <<<"$out")"; fi
    P="$WORK/pack-fields"
    n=$(python3 "$HELPERS/make_pack.py" fields "$P")
    out=$("$BIN" validate "$P" 2>&1)
    code=$?
    errs=$(grep -cE "control character" <<<"$out")
    name="validator rejects control characters in title, consideration, choice, why, explanation, refs, notes file"
    if [ "$code" = 1 ] && [ "$errs" = "$n" ]; then ok "$name"; else CUR="" bad "$name" "exit $code, $errs of $n fields reported" "$out"; fi
    start inj 100 30 "$BIN" --content "$P" --data-dir "$WORK/inj-data0"
    code=$(wait_exit inj 5)
    crash=$(crash_text inj)
    if [ "$code" = 1 ] && [ -z "$crash" ] && screen inj | grep -q "has problems"; then
        ok "the app refuses a pack with control characters: exit 1 with the problems"
    else
        bad "the app refuses a pack with control characters: exit 1 with the problems" "exit $code $crash"
    fi

    P="$WORK/pack-harmless"
    python3 "$HELPERS/make_pack.py" harmless "$P" >/dev/null
    python3 "$HELPERS/make_pack.py" plain "$WORK/pack-plain" >/dev/null
    out=$("$BIN" validate "$P" 2>&1)
    check "bidi overrides, zero-width and combining characters pass validation" test $? = 0
    d="$WORK/inj-data"
    start inj 100 30 "$BIN" practice --count 6 --content "$P" --data-dir "$d"
    title0=$(tm display -p -t inj '#{pane_title}')
    problems=()
    wait_for inj "STEM-" || problems+=("the practice question did not show")
    for i in 1 2 3; do
        keys inj a
        keys inj Enter
        wait_for inj "Enter next" 3 || problems+=("question $i: answer not revealed")
        keys inj Enter
    done
    sleep 0.3
    title=$(tm display -p -t inj '#{pane_title}')
    [ "$title" = "$title0" ] || problems+=("pane title changed: '$title0' -> '$title'")
    scr=$(screen inj)
    head -n 1 <<<"$scr" | grep -q "^ Proctor" || problems+=("header row is not intact: $(head -n 1 <<<"$scr")")
    tail -n 1 <<<"$scr" | grep -q "help *$" || problems+=("status row is not intact: $(tail -n 1 <<<"$scr")")
    [ "$(wc -l <<<"$scr")" = 30 ] || problems+=("the pane has $(wc -l <<<"$scr") rows")
    keys inj q
    keys inj q
    code=$(wait_exit inj 5)
    [ "$code" = 0 ] || problems+=("exit code $code")
    state=$(terminal_state inj)
    [ -z "$state" ] || problems+=("terminal not restored: $state")
    name="bidi/zero-width stems render as text in tmux: title unchanged, header and status rows intact"
    if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi

    # The raw bytes proctor writes, through pyte (and a byte-level check that needs no pyte).
    wait "$PYTE_JOB" 2>/dev/null && PYTE_OK=1
    for variant in plain harmless; do
        python3 "$HELPERS/ptyrun.py" --cols 100 --rows 30 --raw "$WORK/raw-$variant.bin" \
            --keys "wait:1.2 a enter wait:0.4 enter wait:0.3 a enter wait:0.4 q wait:0.2 q" -- \
            "$BIN" practice --count 6 --content "$WORK/pack-$variant" --data-dir "$WORK/raw-data-$variant" \
            >"$WORK/raw-$variant.json"
    done
    if [ -n "$PYTE_OK" ]; then
        verdict=$("$VENV/bin/python" "$HELPERS/screen_check.py" "$WORK/raw-plain.bin" "$WORK/raw-harmless.bin" 100 30)
        vcode=$?
    else
        echo "note: pyte is not available (pip could not install it: see below); checking the raw bytes without it"
        sed 's/^/     pip: /' "$WORK/pyte.log" | tail -3
        verdict=$(python3 "$HELPERS/screen_check.py" --no-pyte "$WORK/raw-plain.bin" "$WORK/raw-harmless.bin" 100 30)
        vcode=$?
    fi
    if [ -n "$PYTE_OK" ]; then
        name="raw output through pyte: no title/OSC, C1 or bidi controls written, rows intact, stem text in the body rows"
    else
        name="raw output (bytes only, pyte unavailable): no title/OSC, C1 or bidi controls written, no extra clears"
    fi
    if [ "$vcode" = 0 ] && [ -z "$(grep -v '^info' <<<"$verdict")" ]; then ok "$name"; else CUR="" bad "$name" "$verdict"; fi
    grep '^info' <<<"$verdict" | sed 's/^/     /'
fi

# ---------------------------------------------------------------------------------------------
# 6. Database faults.

# as_nobody CMD...: runs CMD as the unprivileged user nobody when we are root (root ignores
# permission bits); as ourselves otherwise.
as_nobody() {
    if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; else "$@"; fi
}
give_to_nobody() { [ "$(id -u)" != 0 ] || chown -R 65534:65534 "$@"; }
WHO=$([ "$(id -u)" = 0 ] && echo "as nobody" || echo "as $(id -un 2>/dev/null || id -u)")
# expect_refusal NAME EXPECTED_EXIT TEXT FILE CMD...: runs CMD without a terminal and checks the
# exit code, that stderr names FILE and contains TEXT, and that there is no crash.
expect_refusal() {
    local name=$1 want=$2 text=$3 file=$4
    shift 4
    local out code
    out=$("$@" </dev/null 2>&1 >/dev/null)
    code=$?
    if [ "$code" = "$want" ] && grep -qF -- "$file" <<<"$out" && grep -qiF -- "$text" <<<"$out" &&
        ! grep -qE 'Fatal error|Backtrace|Stack dump' <<<"$out"; then
        ok "$name"
        echo "     said: $(head -n 1 <<<"$out" | cut -c1-220)"
    else
        CUR="" bad "$name" "exit $code (expected $want), output: $(head -c 400 <<<"$out")"
    fi
}
# expect_refusal_tui NAME TEXT FILE CMD...: the same, for the interactive app in tmux (exit 1,
# message in the pane, terminal restored).
expect_refusal_tui() {
    local name=$1 text=$2 file=$3
    shift 3
    start db 100 30 "$@"
    local code problems=()
    code=$(wait_exit db 6)
    [ "$code" = 1 ] || problems+=("exit code $code (expected 1)")
    history db | grep -qF -- "$file" || problems+=("the message does not name $file")
    history db | grep -qiF -- "$text" || problems+=("the message does not say '$text'")
    local crash state
    crash=$(crash_text db)
    [ -z "$crash" ] || problems+=("crash output: $crash")
    state=$(terminal_state db)
    [ -z "$state" ] || problems+=("terminal not restored: $state")
    if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
}
fresh_store() {  # fresh_store DIR: a store with one practice answer in it
    local d=$1
    start mk 100 30 "$BIN" practice --count 2 --data-dir "$d"
    wait_for mk "a-f pick" && practice_answer mk
    keys mk q
    keys mk q
    wait_exit mk 5 >/dev/null
}

if want db; then
    section "database faults"
    # Read-only data directory (as nobody: root ignores permission bits).
    if as_nobody true 2>/dev/null; then
        d="$WORK/ro-dir"
        fresh_store "$d"
        before=$(answered "$d")
        give_to_nobody "$d"
        chmod 500 "$d"
        sum0=$(sha256sum "$d/progress.sqlite" | cut -d' ' -f1)
        expect_refusal "read-only data dir (0500, $WHO): stats --json says the file cannot be written or opened, exit 1" \
            1 "progress database" "$d/progress.sqlite" as_nobody "$BIN" stats --json --data-dir "$d"
        expect_refusal_tui "read-only data dir (0500, $WHO): the app exits 1 naming the file" \
            "progress database" "$d/progress.sqlite" bash -c "$(declare -f as_nobody); as_nobody \"\$@\"" - "$BIN" practice --data-dir "$d"
        chmod 700 "$d"
        check "read-only data dir: the database is unchanged ($before answers)" \
            test "$(sha256sum "$d/progress.sqlite" | cut -d' ' -f1)" = "$sum0"

        d="$WORK/ro-file"
        fresh_store "$d"
        give_to_nobody "$d"
        chmod 400 "$d/progress.sqlite"
        expect_refusal "read-only database file (0400, $WHO): exit 1 naming the file" \
            1 "cannot be written" "$d/progress.sqlite" as_nobody "$BIN" stats --json --data-dir "$d"

        mkdir -p "$WORK/ro-parent"
        chmod 555 "$WORK/ro-parent"
        expect_refusal "data dir that cannot be created (parent 0555, $WHO): exit 1 naming it" \
            1 "cannot create the data directory" "$WORK/ro-parent/data" as_nobody "$BIN" stats --json --data-dir "$WORK/ro-parent/data"
    else
        skip "read-only data dir: cannot switch to the user nobody (setpriv failed; permission bits do not stop root)"
    fi

    # Disk full: a small tmpfs (1 MiB: a WAL database needs ~100 KiB with its -wal and -shm files),
    # filled up with a filler file at the chosen moment.
    full="$WORK/full"
    mkdir -p "$full"
    if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1m,mode=0755 tmpfs "$full" 2>/dev/null; then
        MOUNTS+=("$full")
        # a) full before the start: the store cannot even be created
        dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null
        expect_refusal "disk full at start: exit 1 with a message naming the file" 1 "progress" "$full/d" \
            "$BIN" stats --json --data-dir "$full/d"
        rm -f "$full/filler"
        rm -rf "$full/d"
        # b) full while answering: "not saved" banner, the app keeps running, later answers are saved
        start df 100 30 "$BIN" practice --count 5 --data-dir "$full/d"
        problems=()
        wait_for df "a-f pick" || problems+=("practice did not start on the small disk")
        practice_answer df || problems+=("first answer not revealed")
        keys df Enter
        n_ok=$(answered "$full/d")
        dd if=/dev/zero of="$full/filler" bs=1k 2>/dev/null
        practice_answer df
        wait_for df "Not saved" 3 || problems+=("no 'Not saved' banner when the disk is full")
        screen df | grep -q "full" || problems+=("the banner does not say the disk is full")
        pid=$(pid_of df)
        kill -0 "$pid" 2>/dev/null || problems+=("the app died when the disk was full")
        rm -f "$full/filler"
        keys df Enter
        practice_answer df || problems+=("answer after freeing space not revealed")
        sleep 0.3
        keys df q
        keys df q
        code=$(wait_exit df 5)
        [ "$code" = 0 ] || problems+=("exit code $code")
        crash=$(crash_text df)
        [ -z "$crash" ] || problems+=("crash output: $crash")
        n_end=$(answered "$full/d")
        [ "$n_ok" = 1 ] || problems+=("the answer given before the disk filled is not stored ($n_ok)")
        [ "${n_end:-0}" -ge 2 ] || problems+=("the answer given after space was freed is not stored ($n_end answers)")
        integrity=$(sql "$full/d/progress.sqlite" "PRAGMA integrity_check")
        [ "$integrity" = ok ] || problems+=("integrity_check: $integrity")
        name="disk full while answering: 'Not saved' banner, app keeps running, earlier and later answers stored, integrity ok"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    else
        skip "disk full: cannot mount a small tmpfs here (needs root and mount permission)"
    fi

    # A corrupt file: garbage bytes. Never replaced, reported with its path.
    d="$WORK/corrupt"
    mkdir -m 700 -p "$d"
    python3 -c "import random,sys; r=random.Random($SEED); sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(16384)))" >"$d/progress.sqlite"
    chmod 600 "$d/progress.sqlite"
    sum0=$(sha256sum "$d/progress.sqlite" | cut -d' ' -f1)
    expect_refusal "corrupt database (garbage): stats exits 1, names the file, says damaged" 1 "damaged" "$d/progress.sqlite" \
        "$BIN" stats --json --data-dir "$d"
    expect_refusal_tui "corrupt database (garbage): the app exits 1 naming the file" "damaged" "$d/progress.sqlite" \
        "$BIN" --data-dir "$d"
    check "corrupt database: bytes unchanged afterwards" test "$(sha256sum "$d/progress.sqlite" | cut -d' ' -f1)" = "$sum0"

    # A truncated database (a valid file cut after its first pages).
    d="$WORK/truncated"
    fresh_store "$d"
    for i in 1 2 3; do sql "$d/progress.sqlite" "INSERT INTO setting(key, value) VALUES ('pad$i', hex(randomblob(3000)))" >/dev/null; done
    sql "$d/progress.sqlite" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    size=$(stat -c %s "$d/progress.sqlite")
    truncate -s $((size / 2)) "$d/progress.sqlite"
    sum0=$(sha256sum "$d/progress.sqlite" | cut -d' ' -f1)
    out=$("$BIN" stats --json --data-dir "$d" </dev/null 2>&1)
    code=$?
    if { [ "$code" = 0 ] || { [ "$code" = 1 ] && grep -qF "$d/progress.sqlite" <<<"$out"; }; } &&
        ! grep -qE 'Fatal error|Backtrace' <<<"$out" &&
        [ "$(sha256sum "$d/progress.sqlite" | cut -d' ' -f1)" = "$sum0" ]; then
        ok "truncated database ($size -> $((size / 2)) bytes): stats exits $code without a crash, file untouched"
    else
        CUR="" bad "truncated database: stats exits 0 or 1 with the path, no crash, file untouched" "exit $code: $(head -c 300 <<<"$out")"
    fi

    # A database written by a newer Proctor.
    d="$WORK/newer"
    fresh_store "$d"
    sql "$d/progress.sqlite" "INSERT INTO grdb_migrations VALUES ('v999')" >/dev/null
    sum0=$(sha256sum "$d/progress.sqlite" | cut -d' ' -f1)
    dump0=$(sql "$d/progress.sqlite" .dump | sha256sum)
    expect_refusal "newer schema (v999): stats exits 1 naming the file" 1 "newer version" "$d/progress.sqlite" \
        "$BIN" stats --json --data-dir "$d"
    expect_refusal_tui "newer schema (v999): the app exits 1 naming the file" "newer version" "$d/progress.sqlite" \
        "$BIN" exam --data-dir "$d"
    check "newer schema: contents unchanged (same .dump), v999 still recorded" \
        test "$(sql "$d/progress.sqlite" .dump | sha256sum)" = "$dump0" -a \
        "$(sql "$d/progress.sqlite" "SELECT count(*) FROM grdb_migrations WHERE identifier = 'v999'")" = 1
    check "newer schema: file bytes unchanged (proctor wrote nothing to it)" \
        test "$(sha256sum "$d/progress.sqlite" | cut -d' ' -f1)" = "$sum0"

    # Durable commits: every answer is synced to disk before it counts as saved (README: "SQLite
    # WAL, synchronous commits"). Counted with strace when it is installed.
    if command -v strace >/dev/null 2>&1 && strace -f -qq -o /dev/null true 2>/dev/null; then
        d="$WORK/durable"
        start du 100 30 strace -f -qq -e trace=fsync,fdatasync -o "$WORK/durable.trace" "$BIN" exam --count 3 --minutes 30 --data-dir "$d"
        problems=()
        wait_for du "Question 1 of 3" 10 || problems+=("the exam did not start under strace")
        sleep 0.3
        n0=$(grep -cE 'fsync|fdatasync' "$WORK/durable.trace")
        keys du a
        keys du n
        keys du b
        wait_for du "answered 2" 3 || problems+=("answers not shown")
        sleep 0.3
        n1=$(grep -cE 'fsync|fdatasync' "$WORK/durable.trace")
        [ $((n1 - n0)) -ge 2 ] || problems+=("$((n1 - n0)) fsync/fdatasync calls for 2 answers: commits are not synchronous (synchronous=NORMAL?)")
        keys du q
        keys du y
        keys du q
        wait_exit du 5 >/dev/null
        name="durable commits: each exam answer is synced to disk ($((n1 - n0)) syncs for 2 answers, counted with strace)"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    else
        skip "durable commits: strace is not installed or cannot trace here (needs ptrace)"
    fi

    # Odd data dirs: a file in the way, a directory or a dangling symlink where the database goes.
    echo x >"$WORK/a-file"
    expect_refusal "data dir is a file: exit 1, 'a file is in the way'" 1 "a file is in the way" "$WORK/a-file" \
        "$BIN" stats --json --data-dir "$WORK/a-file"
    mkdir -p "$WORK/dir-db/progress.sqlite"
    expect_refusal "progress.sqlite is a directory: exit 1 naming it" 1 "cannot open" "$WORK/dir-db/progress.sqlite" \
        "$BIN" stats --json --data-dir "$WORK/dir-db"
    mkdir -p "$WORK/dangling"
    ln -s /nonexistent/elsewhere.sqlite "$WORK/dangling/progress.sqlite"
    expect_refusal "progress.sqlite is a dangling symlink: exit 1 naming it" 1 "cannot open" "$WORK/dangling/progress.sqlite" \
        "$BIN" stats --json --data-dir "$WORK/dangling"

    # Two instances on the same data dir, both answering.
    d="$WORK/two"
    start a1 100 30 "$BIN" practice --count 5 --data-dir "$d"
    wait_for a1 "a-f pick"
    start a2 100 30 "$BIN" practice --count 5 --data-dir "$d"
    problems=()
    wait_for a2 "a-f pick" || problems+=("the second instance did not start")
    for round in 1 2; do
        for t in a1 a2; do
            practice_answer "$t" || problems+=("$t round $round: answer not revealed")
            ! screen "$t" | grep -q "Not saved" || problems+=("$t round $round: $(screen "$t" | grep "Not saved")")
            keys "$t" Enter
        done
    done
    for t in a1 a2; do keys "$t" q; keys "$t" q; done
    for t in a1 a2; do
        code=$(wait_exit "$t" 5)
        [ "$code" = 0 ] || problems+=("$t exit code $code")
    done
    n=$(answered "$d")
    [ "$n" = 4 ] || problems+=("$n answers stored, expected 4")
    integrity=$(sql "$d/progress.sqlite" "PRAGMA integrity_check")
    [ "$integrity" = ok ] || problems+=("integrity_check: $integrity")
    mismatches=$(tally_mismatches "$d/progress.sqlite")
    [ "$mismatches" = 0 ] || problems+=("answer totals disagree with the answers: $mismatches")
    CUR=a2
    name="two instances on one data dir: both answer twice, all 4 answers stored, integrity ok, totals agree"
    if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
fi

# Two instances on the same exam attempt: a submit from one takes in the other's saved answers,
# and the other can no longer change the submitted attempt.
if want db; then
    d="$WORK/two-exam"
    start e1 100 30 "$BIN" exam --count 3 --minutes 30 --data-dir "$d"
    wait_for e1 "Question 1 of 3"
    start e2 100 30 "$BIN" exam --count 3 --minutes 30 --data-dir "$d"
    problems=()
    wait_for e2 "Exam in progress" && keys e2 y
    wait_for e2 "Question 1 of 3" || problems+=("the second instance did not resume")
    keys e1 a                      # instance 1 answers question 1
    keys e2 n
    keys e2 b                      # instance 2 answers question 2
    keys e2 S
    keys e2 y                      # instance 2 submits
    wait_for e2 "Score" || problems+=("instance 2 shows no results")
    n=$(sql "$d/progress.sqlite" "SELECT count(*) FROM answer WHERE mode = 'exam' AND picked != '[]'")
    [ "$n" = 2 ] || problems+=("the submitted attempt records $n answered questions; both instances answered one (2)")
    before=$(sql "$d/progress.sqlite" "SELECT questionID || picked FROM examAnswer ORDER BY questionID" | tr '\n' ' ')
    keys e1 n
    keys e1 c                      # instance 1 changes an answer after the submit
    after=$(sql "$d/progress.sqlite" "SELECT questionID || picked FROM examAnswer ORDER BY questionID" | tr '\n' ' ')
    [ "$before" = "$after" ] || problems+=("answers of the submitted attempt changed afterwards: $before-> $after")
    for t in e1 e2; do tm send-keys -t "$t" C-c; done
    CUR=e1
    name="two instances on one exam attempt: both answers scored, a submitted attempt cannot change"
    if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi

fi

# ---------------------------------------------------------------------------------------------
# 7. Permissions of what proctor creates.

if want perms; then
    section "permissions"
    for mask in 022 000; do
        d="$WORK/perm-$mask/nested/data"
        start pm 100 30 bash -c "umask $mask; exec $(printf '%q' "$BIN") practice --count 3 --data-dir $(printf '%q' "$d")"
        wait_for pm "a-f pick"
        practice_answer pm
        # while it runs (the WAL and shared-memory files exist now)
        problems=()
        [ "$(stat -c %a "$d")" = 700 ] || problems+=("data dir is $(stat -c %a "$d")")
        [ "$(stat -c %a "$d/progress.sqlite")" = 600 ] || problems+=("database is $(stat -c %a "$d/progress.sqlite")")
        loose=$(find "$d" -mindepth 1 \( -perm -o=r -o -perm -o=w -o -perm -g=w \) -printf '%p %m\n')
        [ -z "$loose" ] || problems+=("group/world accessible: $loose")
        keys pm q
        keys pm q
        wait_exit pm 5 >/dev/null
        loose=$(find "$d" -mindepth 1 \( -perm -o=r -o -perm -o=w -o -perm -g=w \) -printf '%p %m\n')
        [ -z "$loose" ] || problems+=("after exit, group/world accessible: $loose")
        name="umask $mask: data dir 0700, database 0600, no group/world-readable files in it (running and after exit)"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    done
fi

# ---------------------------------------------------------------------------------------------
# 8. Bad content: special files, mutated packs in the app, and the fuzzer's verdict.

if want content; then
    section "bad content"
    base="$WORK/special"
    mkdir -p "$base/questions"
    cp "$PACK/exam.yaml" "$base/"
    cp "$PACK/questions/1.1-bigquery-ml.yaml" "$base/questions/"
    for kind in fifo devzero loop dir unreadable; do
        rm -rf "$base/questions/9.9-special.yaml"
        case $kind in
            fifo) mkfifo "$base/questions/9.9-special.yaml" ;;
            devzero) ln -s /dev/zero "$base/questions/9.9-special.yaml" ;;
            loop) ln -s 9.9-special.yaml "$base/questions/9.9-special.yaml" ;;
            dir) mkdir "$base/questions/9.9-special.yaml" ;;
            unreadable) echo "[]" >"$base/questions/9.9-special.yaml"; chmod 000 "$base/questions/9.9-special.yaml" ;;
        esac
        if [ "$kind" = unreadable ]; then
            chmod 755 "$base" "$base/questions"
            out=$(as_nobody timeout 10 "$BIN" validate "$base" 2>&1)
        else
            out=$(timeout 10 "$BIN" validate "$base" 2>&1)
        fi
        code=$?
        if { [ "$code" = 1 ] && grep -q "^$base/questions/9.9-special.yaml: " <<<"$out"; } || { [ "$kind" = dir ] && [ "$code" = 0 ]; }; then
            ok "special question file ($kind): validate exits $code without hanging$([ "$code" = 1 ] && echo ", names the file")"
        else
            CUR="" bad "special question file ($kind): validate exits 1 naming the file, no hang" "exit $code: $(head -c 300 <<<"$out")"
        fi
    done
    rm -rf "$base/questions/9.9-special.yaml"

    # A handful of mutated packs through the app itself: a clean error and exit 1, or it starts.
    # Picks 4 cases the validator rejects and 2 it accepts (by the seed), then runs the app on them.
    app_cases=()
    n_bad=0 n_good=0
    for c in $(seq 1 40); do
        cdir="$WORK/app-case-$c"
        python3 "$HELPERS/fuzz_pack.py" --bin "$BIN" --src "$PACK" --seed "$SEED" --emit "$c" --out "$cdir" \
            --work "$WORK/emit" >"$cdir.mutation" 2>&1
        if timeout 10 "$BIN" validate "$cdir" >/dev/null 2>&1; then
            [ $n_good -lt 2 ] && app_cases+=("$c") && n_good=$((n_good + 1))
        else
            [ $n_bad -lt 4 ] && app_cases+=("$c") && n_bad=$((n_bad + 1))
        fi
        [ $n_good -ge 2 ] && [ $n_bad -ge 4 ] && break
    done
    for c in "${app_cases[@]}"; do
        cdir="$WORK/app-case-$c"
        mutation=$(tail -n +2 "$cdir.mutation" | tr '\n' ';' | cut -c1-150)
        start ac 100 30 "$BIN" --content "$cdir" --data-dir "$WORK/app-case-data"
        problems=()
        verdict=""
        for ((i = 0; i < 60; i++)); do
            [ -f "$WORK/ac.exit" ] && { verdict=exited; break; }
            screen ac | grep -q "Readiness by section" && { verdict=started; break; }
            sleep 0.05
        done
        case $verdict in
            exited)
                code=$(cat "$WORK/ac.exit")
                [ "$code" = 1 ] || problems+=("exit code $code")
                history ac | grep -q "has problems" || problems+=("no 'has problems' message")
                ;;
            started)
                keys ac q
                code=$(wait_exit ac 5)
                [ "$code" = 0 ] || problems+=("exit code $code after q")
                ;;
            *) problems+=("neither started nor exited within 3 s") ;;
        esac
        crash=$(crash_text ac)
        [ -z "$crash" ] || problems+=("crash output: $crash")
        state=$(terminal_state ac)
        [ -z "$state" ] || problems+=("terminal not restored: $state")
        name="mutated pack $c in the app ($mutation): ${verdict:-?}, exit ${code:-?}, no crash"
        if [ ${#problems[@]} = 0 ]; then ok "$name"; else bad "$name" "${problems[@]}"; fi
    done

    CUR=""
    echo "waiting for the fuzzer ($FUZZ_CASES cases) ..."
    wait "$FUZZ_PID"
    fuzz_code=$?
    FUZZ_PID=""
    sed 's/^/     /' "$WORK/fuzz.log"
    summary=$(grep '^fuzz: .* cases in' "$WORK/fuzz.log")
    name="fuzzer: $FUZZ_CASES mutated packs through validate: exit 0 or file:line:col errors with exit 1; no crash, no hang"
    if [ "$fuzz_code" = 0 ] && [ -n "$summary" ]; then ok "$name"; else bad "$name" "see the log above; replay a case with the command on its first line"; fi
fi

elapsed=$(($(date +%s) - T0))
echo "reliability: seed $SEED, ${elapsed}s, $skipped skipped"
echo "reliability: $passed passed, $failed failed"
[ "$failed" = 0 ]
