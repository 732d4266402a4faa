#!/usr/bin/env bash
# End-to-end scenarios of the real binary in tmux (no TTY needed on the host).
# Usage: scripts/e2e.sh [path/to/proctor]
set -uo pipefail
BIN=$(realpath "${1:-.build/debug/proctor}")
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/proctor-e2e.XXXXXX)
DATA="$WORK/data"
SOCK="$WORK/tmux.sock"
export TERM=xterm-256color
passed=0
failed=0

tm() { tmux -S "$SOCK" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT

screen() { tm capture-pane -p -t e2e 2>/dev/null; }

# wait_for TEXT [seconds]: polls the pane until TEXT shows.
wait_for() {
    local text=$1 limit=${2:-8} i
    for ((i = 0; i < limit * 10; i++)); do
        screen | grep -qF -- "$text" && return 0
        sleep 0.1
    done
    return 1
}

check() {
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        echo "---- screen ----"
        screen
        echo "----------------"
    fi
}

# start NAME ARGS...: runs proctor in a fresh 100x30 pane; its exit code lands in $WORK/exit.
start() {
    rm -f "$WORK/exit"
    tm kill-server >/dev/null 2>&1
    while tm has-session -t e2e 2>/dev/null; do sleep 0.1; done
    sleep 0.2
    tm new-session -d -s e2e -x 100 -y 30 \
        "cd '$ROOT' && '$BIN' $* --data-dir '$DATA'; echo \$? > '$WORK/exit'; stty -a > '$WORK/stty'; sleep 600"
}

keys() { tm send-keys -t e2e "$@"; sleep 0.15; }

exited_with() {
    local want=$1 i
    for ((i = 0; i < 50; i++)); do
        [ -f "$WORK/exit" ] && [ "$(cat "$WORK/exit")" = "$want" ] && return 0
        sleep 0.1
    done
    return 1
}

terminal_restored() { grep -q -- ' echo ' "$WORK/stty" && grep -q -- ' icanon ' "$WORK/stty"; }

json_answered_at_least() {
    local n
    n=$("$BIN" stats --json --data-dir "$DATA" | python3 -c 'import json,sys; print(json.load(sys.stdin)["answered"])')
    [ "$n" -ge "$1" ]
}

# 1. No terminal: a clear message and exit 2, nothing drawn.
no_tty() {
    local out code
    out=$("$BIN" --data-dir "$DATA" </dev/null 2>&1 >/dev/null)
    code=$?
    [ "$code" = 2 ] && grep -q "needs an interactive terminal" <<<"$out"
}
check "no TTY exits 2 with a message" no_tty
validate_without_tty() { "$BIN" validate "$ROOT/Content/pmle" </dev/null >/dev/null; }
check "validate works without a terminal" validate_without_tty
# The store opens while the pack loads; a broken pack is still what the run reports.
pack_error_first() {
    local bad="$WORK/broken-pack" store="$WORK/broken-store" out code
    mkdir -p "$bad/questions" "$store"
    cp "$ROOT/Content/pmle/exam.yaml" "$bad/"
    printf -- '- id: [unclosed\n' >"$bad/questions/x.yaml"
    printf 'not a database' >"$store/progress.sqlite"
    out=$("$BIN" stats --content "$bad" --data-dir "$store" 2>&1 >/dev/null)
    code=$?
    [ "$code" = 1 ] && grep -q "questions/x.yaml:2:1: YAML syntax error" <<<"$out" &&
        ! grep -q "damaged" <<<"$out" && [ "$(cat "$store/progress.sqlite")" = "not a database" ]
}
check "a broken pack is reported before a broken store, which is left untouched" pack_error_first

# 2. Home, outline, a practice answer, resizes, quit.
start ""
check "home screen shows" wait_for "Readiness by section"
keys o
check "outline opens" wait_for "Exam guide"
keys j
keys Enter
check "practice question opens" wait_for "a-f pick"
# answer_current: picks a, b, c... until the submit is accepted (multiple select asks for N picks).
answer_current() {
    local letter
    for letter in a b c d e; do
        keys "$letter"
        keys Enter
        sleep 0.2
        screen | grep -qF "Pick exactly" || return 0
        keys Escape
    done
    return 1
}
answer_current
check "answer is revealed with its verdicts" wait_for "Enter next"
tm resize-window -t e2e -x 60 -y 15
check "60x15 still draws the practice screen" wait_for "Proctor"
tm resize-window -t e2e -x 50 -y 10
check "below 60x15 says too small" wait_for "too small"
tm resize-window -t e2e -x 100 -y 30
check "recovers after resize" wait_for "Enter next"
keys q
keys q
keys q
check "quits with exit 0" exited_with 0
check "terminal restored (echo, icanon)" terminal_restored
check "answer visible in stats --json" json_answered_at_least 1

# 3. A 3-question exam, submitted, to the results screen.
start exam --count 3 --minutes 1
check "exam starts with a countdown" wait_for "Question 1 of 3"
keys a
keys n
keys b
keys f
keys o
# A multiple-select question answered with one pick shows "B · choose N" instead.
overview_lists_states() { wait_for "3  blank" && screen | grep -qE "1  (answered A|A · choose [0-9])"; }
check "overview lists every question with its state" overview_lists_states
overview_row_flagged() { screen | grep -qE "2  (answered B|B · choose [0-9]) .*⚑ flagged"; }
check "overview marks the flagged question on its row" overview_row_flagged
keys o
keys n
keys S
check "submit asks for confirmation" wait_for "Submit the exam?"
keys y
check "results screen shows the score" wait_for "Score"
check "results say the mark is an estimate" wait_for "estimated mark"
tm resize-window -t e2e -x 60 -y 15
check "results at 60x15 still list the questions" wait_for " 1  you "
tm resize-window -t e2e -x 100 -y 30
keys q
keys h
check "exam history lists the submitted exam" wait_for "1 mock exam · best"
keys Enter
check "exam history reopens its results" wait_for "Time used"
keys q
check "q goes back to the history" wait_for "Exam history"
keys q
keys q
check "quit after results" exited_with 0

# The stats screen counts the practice answer and the exam's, on one day, as stats --json does.
answered=$("$BIN" stats --json --data-dir "$DATA" | python3 -c 'import json,sys; print(json.load(sys.stdin)["answered"])')
# Global options work before the subcommand's name as well as after it.
options_before_subcommand() {
    local n bad="$WORK/broken-pack" out code
    n=$("$BIN" --data-dir "$DATA" stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["answered"])')
    [ "$n" = "$answered" ] || return 1
    out=$("$BIN" --content "$bad" validate 2>&1 >/dev/null)
    code=$?
    [ "$code" = 1 ] && grep -q "questions/x.yaml:2:1: YAML syntax error" <<<"$out"
}
check "global options before the subcommand (--data-dir D stats, --content P validate)" options_before_subcommand
start ""
check "home screen again" wait_for "Readiness by section"
keys s
check "stats screen counts every answer ($answered)" wait_for "$answered answers ·"
check "stats screen counts the day studied" wait_for "1 day studied"
keys q
keys q
check "quit from stats" exited_with 0

# A backup is a private, complete copy; restored as the README says, it shows the same answers.
backup_and_restore() {
    local copy="$WORK/backup.sqlite" restored="$WORK/restored" n out
    "$BIN" backup "$copy" --data-dir "$DATA" >/dev/null || return 1
    [ "$(stat -c %a "$copy")" = 600 ] || return 1
    out=$("$BIN" backup "$copy" --data-dir "$DATA" 2>&1)
    [ $? = 1 ] && grep -q "already exists" <<<"$out" || return 1
    mkdir -p "$restored" && cp "$copy" "$restored/progress.sqlite"
    n=$("$BIN" stats --json --data-dir "$restored" | python3 -c 'import json,sys; print(json.load(sys.stdin)["answered"])')
    [ "$n" = "$answered" ]
}
check "backup writes a private copy that restores every answer ($answered), and never overwrites" backup_and_restore

# 4. kill -9 in the middle of an exam, then resume with the same deadline.
start exam --count 5 --minutes 30
check "second exam starts" wait_for "Question 1 of 5"
keys c
keys n
keys a
sleep 0.3
# The pane's shell runs proctor as its child; the tmux server is never matched.
pid=$(pgrep -P "$(tm display -p -t e2e '#{pane_pid}')" -x proctor | head -n 1)
[ -n "$pid" ] && kill -9 "$pid"
check "killed process ends" exited_with 137
start exam
check "resume is offered" wait_for "Exam in progress"
keys y
check "resumed attempt keeps its answers" wait_for "answered 2"
check "resumed attempt keeps its length" wait_for "of 5"
tm resize-window -t e2e -x 70 -y 20
check "resize during the exam" wait_for "of 5"
keys q
keys y
keys q
check "leaving the exam keeps the app healthy" exited_with 0

# 5. Ctrl-Z stops the app like any job of an interactive shell; fg brings the screen back.
tm kill-server >/dev/null 2>&1
while tm has-session -t e2e 2>/dev/null; do sleep 0.1; done
tm new-session -d -s e2e -x 100 -y 30 "bash --norc --noprofile -i"
sleep 0.3
keys "cd '$ROOT' && '$BIN' --data-dir '$DATA'" Enter
check "home screen in an interactive shell" wait_for "Readiness by section"
keys C-z
check "Ctrl-Z stops the job and gives the shell back" wait_for "Stopped"
shell_echo_on() { keys "stty -a | grep -qw echo && echo ECHO-IS-ON" Enter; wait_for "ECHO-IS-ON"; }
check "the stopped app left the terminal in its normal mode" shell_echo_on
keys "fg" Enter
check "fg redraws the app" wait_for "Readiness by section"
keys q
fg_status_zero() { keys "echo FG-STATUS-\$?" Enter; wait_for "FG-STATUS-0"; }
check "quits after resuming, with status 0" fg_status_zero

# 6. Guide editions: the June 2026 guide by default, v3 on request, the names table in the outline.
start ""
check "home names the current guide" wait_for "Exam guide of June 2026"
keys q
check "quit from home" exited_with 0
start --guide v3 outline
check "--guide v3 outline shows the v3 outline" wait_for "Architecting low-code ML solutions"
v3_lacks_gen_ai() { ! screen | grep -qF "Architecting low-code AI solutions"; }
check "the v3 outline is not the June 2026 one" v3_lacks_gen_ai
keys g
check "the outline lists renamed products first" wait_for "formerly Vertex AI"
keys q
check "q leaves the outline for the v3 home" wait_for "Google Cloud · Exam guide v3"
keys q
check "quit from the v3 home" exited_with 0
unknown_guide() {
    local out code
    out=$("$BIN" --guide v9 stats --data-dir "$DATA" 2>&1 >/dev/null)
    code=$?
    [ "$code" = 1 ] && grep -q "unknown guide 'v9'" <<<"$out" && grep -q "2026-06 (Exam guide of June 2026), v3" <<<"$out"
}
check "an unknown --guide exits 1 and lists the editions" unknown_guide
stats_json_guide() {
    "$BIN" stats --json --data-dir "$DATA" | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r["guide"] == "2026-06", r["guide"]
assert [s["weight"] for s in r["sections"]] == [13, 16, 21, 20, 18, 13], r["sections"]' &&
        "$BIN" --guide v3 stats --json --data-dir "$DATA" | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r["guide"] == "v3" and [s["weight"] for s in r["sections"]] == [12, 16, 18, 19, 21, 14], r'
}
check "stats --json names the guide and each section's weight, per edition" stats_json_guide
quality_report() { "$BIN" validate --quality 2>/dev/null | grep -q "^Item quality (edition 2026-06)"; }
check "validate --quality prints the item-quality report" quality_report

# 7. Search: the command line and / on Home.
search_cli() {
    local out json
    out=$("$BIN" search model armor --data-dir "$DATA" </dev/null) &&
        grep -qE '^gsec-[0-9]+ +6\.1 ' <<<"$out" &&
        json=$("$BIN" search feature store --limit 3 --json --data-dir "$DATA") &&
        python3 -c 'import json,sys; r=json.load(sys.stdin); assert len(r)==3 and all(set(x)=={"id","subsection","score","stem"} for x in r)' <<<"$json" &&
        ! "$BIN" search zzzqqq --data-dir "$DATA" >/dev/null
}
check "proctor search prints ranked hits, --json for scripts, exit 1 on none" search_cli
start ""
check "home before a search" wait_for "Readiness by section"
keys "/"
keys "model armor"
check "/ on Home finds questions as you type" wait_for "questions · best first"
keys Enter
keys Enter
check "Enter practises the highlighted hit" wait_for "Search: model armor"
keys q
keys q
keys q
check "quit after a search" exited_with 0

# 8. Anki export: a file Anki imports with no settings, never overwritten without --force.
anki_export() {
    local f="$WORK/anki.txt"
    "$BIN" export anki "$f" --section 6 --data-dir "$DATA" >/dev/null &&
        [ "$(sed -n 1p "$f")" = "#separator:tab" ] && grep -q '^#tags column:3$' "$f" &&
        python3 -c '
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#")]
assert rows and all(len(r) == 3 and "section::6" in r[2].split() for r in rows), rows[:1]' "$f" &&
        ! "$BIN" export anki "$f" --data-dir "$DATA" 2>/dev/null &&
        "$BIN" export anki "$f" --force --data-dir "$DATA" >/dev/null &&
        [ "$(grep -vc '^#' "$f")" -gt "$(("$("$BIN" export anki "$WORK/anki6.txt" --section 6 --data-dir "$DATA" | grep -o '[0-9]*' | head -1)"))" ]
}
check "export anki writes Anki's text format, refuses to overwrite, --force replaces" anki_export

echo "e2e: $passed passed, $failed failed"
[ "$failed" = 0 ]
