#!/usr/bin/env python3
"""`make bench`: Proctor's performance figures next to a C floor and a peer app (quizmd).

Run through scripts/bench.sh, which builds what this needs. Everything interactive runs under a
pseudo-terminal of 100x30 (TERM=xterm-256color, LANG=C.UTF-8). Prints numbers; asserts nothing.

Figures (min / median / max over several runs or key presses):
  1. time to first frame (process start until a known string of the first screen arrived)
  2. bytes written per move, per timer tick, and when idle
  3. key-to-screen latency (write a key; time until its output arrived and went quiet)
  4. pack load and validation (`proctor validate`), minus process start (`proctor --version`)
  5. peak memory (max RSS of the child, from wait4)
  6. store: durable commits per second (Python sqlite3, same pragmas) and `stats` on 100k answers
"""
import argparse
import datetime
import fcntl
import os
import platform
import pty
import random
import re
import select
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

COLS, ROWS = 100, 30
ANSI = re.compile(rb"\x1b\[[0-9;?<=>!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][0-9A-Za-z]|\x1b[=>78DEHMc]")
QUIET = 0.015  # a burst of output is over after this long without bytes
KEYS = {"DOWN": b"\x1b[B", "UP": b"\x1b[A", "ENTER": b"\r"}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# MARK: - Pseudo-terminal sessions


class Session:
    """One program under a pty. Times are seconds from just before the fork."""

    def __init__(self, argv, env, cwd=None):
        self.t0 = time.monotonic()
        pid, fd = pty.fork()
        if pid == 0:  # child: the pty is stdin/stdout/stderr
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.raw = bytearray()
        self.last = self.t0  # arrival time of the latest bytes
        self.rusage = None

    def _read(self, timeout):
        """Reads what arrives within timeout; returns the number of bytes (0 on timeout/EOF)."""
        r, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not r:
            return 0
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return 0
        if data:
            self.last = time.monotonic()
            self.raw += data
        return len(data)

    def wait_for(self, needle, timeout=10.0, since=0):
        """Reads until needle shows in the output after byte `since` (escape sequences removed),
        then until the burst is over. Returns the arrival time of that burst's last byte."""
        needle = needle.encode()
        end = time.monotonic() + timeout
        while needle not in ANSI.sub(b"", bytes(self.raw[since:])):
            left = end - time.monotonic()
            if left <= 0:
                plain = ANSI.sub(b" ", bytes(self.raw[since:])).decode(errors="replace")
                raise TimeoutError(f"no {needle.decode()!r} after {timeout}s; screen text: {plain[-400:]!r}")
            self._read(min(left, 0.5))
        self.settle()
        return self.last

    def first_frame(self, needle, timeout=10.0):
        """Seconds from start until the first screen (holding needle) has arrived."""
        return self.wait_for(needle, timeout) - self.t0

    def settle(self, quiet=QUIET, limit=5.0):
        """Reads until no bytes came for `quiet` seconds; returns how many arrived."""
        n = 0
        end = time.monotonic() + limit
        while time.monotonic() < end:
            got = self._read(quiet)
            if not got:
                break
            n += got
        return n

    def count(self, seconds):
        """Bytes that arrive within `seconds`, as [(time, size)] chunks."""
        out = []
        end = time.monotonic() + seconds
        mark = len(self.raw)
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return out
            if self._read(left):
                out.append((self.last, len(self.raw) - mark))
                mark = len(self.raw)

    def key(self, key, wait=2.0, quiet=QUIET):
        """Writes a key; returns (bytes, latency): latency is from the write to the last byte
        of the output burst it caused (None when nothing came within `wait`)."""
        self.settle(quiet)
        before = len(self.raw)
        t = time.monotonic()
        os.write(self.fd, KEYS.get(key, key.encode() if isinstance(key, str) else key))
        if not self._read(wait):
            return 0, None
        self.settle(quiet)
        return len(self.raw) - before, self.last - t

    def key_until(self, key, needle, timeout=5.0, quiet=QUIET):
        """Writes a key; returns ms from the write until needle has shown and output went quiet."""
        self.settle(quiet)
        mark = len(self.raw)
        t = time.monotonic()
        self.send(key)
        return (self.wait_for(needle, timeout, since=mark) - t) * 1000

    def hwm_mb(self):
        """Peak resident memory of the program so far (VmHWM), in MB; None if unknown."""
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024.0
        except OSError:
            pass
        return None

    def send(self, key):
        os.write(self.fd, KEYS.get(key, key.encode()))

    def close(self):
        """Ends the program (SIGTERM, then SIGKILL) and collects its rusage."""
        if self.rusage is not None:
            return self.rusage
        for sig, grace in ((signal.SIGTERM, 1.0), (signal.SIGKILL, 5.0)):
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            end = time.monotonic() + grace
            while time.monotonic() < end:
                self._read(0.02)
                pid, _, ru = os.wait4(self.pid, os.WNOHANG)
                if pid:
                    self.rusage = ru
                    os.close(self.fd)
                    return ru
        raise RuntimeError(f"process {self.pid} did not end")



def timed_run(argv, env, cwd=None):
    """Runs a command to completion; returns (seconds, exit code, stdout)."""
    t = time.monotonic()
    p = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL)
    return time.monotonic() - t, p.returncode, p.stdout


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


GNU_TIME = "/usr/bin/time"


def peak_rss_mb(argv, env):
    """Max RSS of a command in MB, measured by GNU time (a small parent: a child forked from this
    Python process would report Python's own RSS as its peak). None without /usr/bin/time."""
    if not os.access(GNU_TIME, os.X_OK):
        return None
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as f:
        p = subprocess.run([GNU_TIME, "-f", "%M", "-o", f.name, *argv], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        if p.returncode != 0:
            return None
        text = f.read().strip().splitlines()
    return int(text[-1]) / 1024.0 if text and text[-1].isdigit() else None


# MARK: - Results


class Row:
    def __init__(self, figure, unit, proctor, floor=None, peer=None, target=None, better="lower",
                 note="", fmt=None):
        self.figure, self.unit, self.better, self.note = figure, unit, better, note
        self.proctor, self.floor, self.peer = proctor, floor, peer
        self.target = target  # (description, predicate on proctor median, floor median) or None
        self.fmt = fmt or ("{:.1f}" if unit in ("ms", "MB") else "{:.0f}")


def stats(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return min(values), statistics.median(values), max(values)


class Results:
    def __init__(self):
        self.rows = []
        self.notes = []

    def add(self, *args, **kw):
        row = Row(*args, **kw)
        self.rows.append(row)
        p = stats(row.proctor) if isinstance(row.proctor, list) else row.proctor
        log(f"  {row.figure}: proctor {self.triple(row, p)}"
            + (f" | floor {self.one(row, row.floor)}" if row.floor is not None else "")
            + (f" | peer {self.one(row, row.peer)}" if row.peer is not None else ""))
        return row

    @staticmethod
    def triple(row, s):
        if s is None:
            return "n/a"
        lo, med, hi = s
        f = row.fmt
        return f"{f.format(lo)} / {f.format(med)} / {f.format(hi)} {row.unit}"

    @staticmethod
    def one(row, values):
        if values is None:
            return "—"
        if isinstance(values, str):
            return values
        s = stats(values)
        if s is None:
            return "n/a"
        return f"{row.fmt.format(s[1])} {row.unit}"

    @staticmethod
    def ratio(a, b):
        if a is None or b is None or isinstance(b, str):
            return "—"
        sa, sb = stats(a), stats(b)
        if sa is None or sb is None:
            return "—"
        if sb[1] == 0:
            return "=" if sa[1] == 0 else "—"
        r = sa[1] / sb[1]
        return f"{r:.2f}×" if r >= 0.1 else f"{r:.3f}×"

    def table(self):
        head = ["figure", "proctor min / median / max", "floor (median)", "peer (median)", "× floor",
                "× peer", "target", "meets"]
        lines = []
        for r in sorted(self.rows, key=lambda r: int(r.figure.split(".")[0])):
            s = stats(r.proctor)
            if r.target is None or s is None:
                target, meets = (r.target[0] if r.target else "—"), "—" if r.target is None else "n/a"
            else:
                fs = stats(r.floor) if isinstance(r.floor, list) else None
                ok = r.target[1](s[1], fs[1] if fs else None)
                target, meets = r.target[0], "yes" if ok else "**no**"
            lines.append([r.figure, self.triple(r, s), self.one(r, r.floor), self.one(r, r.peer),
                          self.ratio(r.proctor, r.floor if isinstance(r.floor, list) else None),
                          self.ratio(r.proctor, r.peer if isinstance(r.peer, list) else None), target, meets])
        md = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
        md += ["| " + " | ".join(cells) + " |" for cells in lines]
        return md, head, lines

    def missed(self):
        """Rows whose median misses their target, in table order."""
        out = []
        for r in sorted(self.rows, key=lambda r: int(r.figure.split(".")[0])):
            s = stats(r.proctor)
            if r.target is None or s is None:
                continue
            fs = stats(r.floor) if isinstance(r.floor, list) else None
            if not r.target[1](s[1], fs[1] if fs else None):
                out.append((r, s[1]))
        return out

    def plain_table(self):
        _, head, lines = self.table()
        cells = [head] + [[c.replace("**", "") for c in row] for row in lines]
        widths = [max(len(row[i]) for row in cells) for i in range(len(head))]
        out = []
        for i, row in enumerate(cells):
            out.append("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
            if i == 0:
                out.append("  ".join("-" * w for w in widths))
        return out


# MARK: - The benchmark


class Bench:
    def __init__(self, args):
        self.a = args
        self.root = os.path.abspath(args.root)
        self.proctor = os.path.abspath(args.proctor)
        self.floor = os.path.abspath(args.floor)
        self.quizmd = os.path.abspath(args.quizmd) if args.quizmd else None
        self.peer_reason = args.peer_reason
        self.pack = os.path.join(self.root, "Content", "pmle")
        self.big = os.path.abspath(args.big_pack)
        self.quiz = args.quiz and os.path.abspath(args.quiz)
        self.big_quiz = args.big_quiz and os.path.abspath(args.big_quiz)
        self.runs = args.runs
        self.tmp = tempfile.mkdtemp(prefix="bench-", dir=os.path.join(self.root, ".build"))
        home = os.path.join(self.tmp, "home")
        os.makedirs(home)
        self.env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
        self.env.update(TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8", HOME=home,
                        XDG_DATA_HOME=os.path.join(home, "data"))
        self.r = Results()
        self.counter = 0

    def data_dir(self, template=None):
        self.counter += 1
        d = os.path.join(self.tmp, f"data{self.counter}")
        if template:
            shutil.copytree(template, d)
        else:
            os.makedirs(d)
        return d

    def p(self, *args, data=None, content=None):
        argv = [self.proctor, *args]
        if content:
            argv += ["--content", content]
        if data:
            argv += ["--data-dir", data]
        return argv

    def peer_ok(self):
        return self.quizmd is not None and self.quiz is not None

    # Figure 1 and 5: first frame and memory --------------------------------------------

    def first_frames(self, argv_fn, needle, runs, after=None, trace=None):
        """Starts a program `runs` times (+1 warm-up); returns (first-frame ms list, RSS MB list).
        With `trace` (a list), Proctor's start-up marks (PROCTOR_TRACE_STARTUP) of each run are
        appended to it as {phase: ms since the fork}, with the first frame as "frame"."""
        times, rss = [], []
        for i in range(runs + 1):
            env = self.env
            marks = os.path.join(self.tmp, "startup-trace")
            if trace is not None:
                env = dict(self.env, PROCTOR_TRACE_STARTUP=marks)
                if os.path.exists(marks):
                    os.remove(marks)
            s = Session(argv_fn(), env)
            try:
                t = s.first_frame(needle)
                if after:
                    after(s)
                mb = s.hwm_mb()
            finally:
                s.close()
            if i:  # the first run warms the page cache and creates the database
                times.append(t * 1000)
                rss.append(mb)
                if trace is not None:
                    trace.append(self.read_marks(marks, s.t0, frame=t))
        return times, rss

    @staticmethod
    def read_marks(path, t0, frame):
        """{phase: ms since t0} from a PROCTOR_TRACE_STARTUP file (same monotonic clock)."""
        out = {}
        try:
            with open(path) as f:
                for line in f:
                    parts = line.split()
                    if len(parts) == 2:
                        out.setdefault(parts[1], (float(parts[0]) - t0) * 1000)
        except OSError:
            pass
        out["frame"] = frame * 1000
        return out

    # Start-up phases, in order: (mark that ends the phase, what happens in it).
    PHASES = [
        ("main", "fork and exec under the pty, dynamic linking, Swift runtime set-up"),
        ("arguments", "argument parsing (ArgumentParser)"),
        ("pack-key", "the pack files listed and their stat identity taken (contents hashed only when it moved)"),
        ("pack-read", "the cached pack mapped from its file"),
        ("pack", "the cached pack checked and its metadata decoded (question bodies wait for first use)"),
        ("store", "waiting for the progress database, opened on a second thread meanwhile"),
        ("progress", "the progress summary read from the database"),
        ("terminal", "ncurses set-up"),
        ("model", "the home screen's model"),
        ("frame", "the first frame drawn and written"),
    ]

    def phases(self, trace):
        """[(phase, ms per run)] for the start-up phases every run marked; [] without marks."""
        out = []
        for k, (mark, what) in enumerate(self.PHASES):
            before = self.PHASES[k - 1][0] if k else None
            values = [run[mark] - (run[before] if before else 0.0) for run in trace
                      if mark in run and (before is None or before in run)]
            if not values:
                return []
            out.append((what, values))
        return out

    def figure1_and_5(self):
        log("1. time to first frame / 5. peak memory")
        n = self.runs
        home = self.data_dir()
        trace = []
        pt, prss = self.first_frames(lambda: self.p(data=home), "Readiness by section", n, trace=trace)
        ft, frss = self.first_frames(lambda: [self.floor], "Readiness by section", n)
        qt = qrss = None
        if self.peer_ok():
            qt, qrss = self.first_frames(lambda: [self.quizmd, self.quiz], "Are you ready to start?", max(3, n - 2))
        both = lambda m, f: m < 60 and (f is None or m <= 2 * f)  # noqa: E731
        floor_ms = statistics.median(ft)
        phases = self.phases(trace)
        why = ""
        if phases:
            start = statistics.median(phases[0][1])
            named = "; ".join(f"{what} {statistics.median(values):.1f} ms" for what, values in phases)
            why = (f"Measured phases (medians; the phase rows): {named}. The floor draws its whole first frame in "
                   f"{floor_ms:.1f} ms; Proctor reaches its first line of Swift at {start:.1f} ms (the fork under "
                   "the pty, then loading and relocating a large static binary with the Swift runtime and "
                   f"Foundation), so 2× the floor would leave {2 * floor_ms - start:.1f} ms for everything Proctor "
                   "itself does.")
        self.r.add("1. first frame: home screen, shipped pack", "ms", pt, ft, qt,
                   ("< 60 ms and ≤ 2× floor", both), note=why)
        for k, (what, values) in enumerate(phases):
            self.r.add(f"1. first frame, phase {k + 1}: {what}", "ms", values, None, None, None)
        bt, brss = self.first_frames(lambda: self.p(data=home, content=self.big), "Readiness by section",
                                     max(3, n - 4))
        bq = bqrss = None
        if self.peer_ok() and self.big_quiz:
            bq, bqrss = self.first_frames(lambda: [self.quizmd, self.big_quiz], "Are you ready to start?",
                                          max(3, n - 4))
        self.r.add("1. first frame: home screen, 10,000 questions", "ms", bt, ft, bq, None)
        self.rss = (prss, frss, qrss, brss, bqrss)

    def figure5(self):
        log("5. peak memory (from the first-frame runs)")
        prss, frss, qrss, brss, bqrss = self.rss
        self.r.add("5. max RSS: home screen, shipped pack", "MB", prss, frss, qrss, ("< 40 MB", lambda m, f: m < 40))
        self.r.add("5. max RSS: home screen, 10,000 questions", "MB", brss, frss, bqrss,
                   ("< 150 MB", lambda m, f: m < 150))
        if self.validate_rss:
            v, vb = self.validate_rss
            self.r.add("5. max RSS: validate, shipped pack", "MB", v, None, self.validate_peer_rss[0], None)
            self.r.add("5. max RSS: validate, 10,000 questions", "MB", vb, None, self.validate_peer_rss[1],
                       ("< 150 MB", lambda m, f: m < 150))

    # Figures 2 and 3: bytes and latency per key ----------------------------------------

    def presses(self, s, keys, repeat):
        """Presses the keys in turn `repeat` times; returns (bytes list, latency ms list)."""
        sizes, lat = [], []
        for i in range(repeat):
            k = keys[i % len(keys)]
            n, t = s.key(k)
            sizes.append(n)
            lat.append(t * 1000 if t is not None else None)
        return sizes, lat

    def sessions(self, start, keys, repeat, sessions, prepare=None):
        sizes, lat = [], []
        for _ in range(sessions):
            s = start()
            try:
                if prepare:
                    prepare(s)
                a, b = self.presses(s, keys, repeat)
                sizes += a
                lat += b
            finally:
                s.close()
        return sizes, lat

    def figure2_and_3(self):
        log("2. bytes per key, tick and idle / 3. key-to-screen latency")
        reps, sess = self.a.presses, max(2, self.runs // 3)
        home = self.data_dir()
        timed_run(self.p("stats", data=home), self.env)  # creates the database

        def outline():
            s = Session(self.p("outline", data=home), self.env)
            s.wait_for("% of the exam")
            return s

        # Down through the outline tree: the notes pane follows the selection.
        o_b, o_l = self.sessions(outline, ["j"] * 10 + ["k"] * 10, reps, sess)

        def overview():
            s = Session(self.p("exam", "--count", "50", "--minutes", "120", "--seed", "7",
                               data=self.data_dir()), self.env)
            s.wait_for("Question 1 of 50")
            s.key("o")
            s.settle(0.2)
            return s

        # The exam overview: a plain list of 50 rows, longer than the screen.
        v_b, v_l = self.sessions(overview, ["j"] * 10 + ["k"] * 10, reps, sess)

        def floor():
            s = Session([self.floor], self.env)
            s.wait_for("Readiness by section")
            return s

        f_b, f_l = self.sessions(floor, ["j"] * 15 + ["k"] * 15, reps, sess)

        q_b = q_l = None
        if self.peer_ok():
            def peer():
                s = Session([self.quizmd, self.quiz], self.env)
                s.wait_for("Are you ready to start?")
                s.send("ENTER")
                s.wait_for("Question 1/")
                s.settle(1.5)  # its first timer tick repaints the whole question
                return s

            q_b, q_l = self.sessions(peer, ["DOWN", "UP"], reps, sess)

        # The list target applies to a list; the outline's notes pane shows the notes of the node
        # under the selection, so a move there repaints a paragraph by design.
        self.r.add("2. bytes per move: exam overview, a 50-row list (j/k)", "B", v_b, f_b, q_b,
                   ("< 200 B", lambda m, f: m < 200))
        self.r.add("2. bytes per move: outline tree + its notes pane (j/k)", "B", o_b, f_b, q_b, None)
        lat_t = ("< 5 ms", lambda m, f: m < 5)
        self.r.add("3. key-to-screen: move, outline tree", "ms", o_l, f_l, q_l, lat_t)
        self.r.add("3. key-to-screen: move, exam overview", "ms", v_l, f_l, q_l, lat_t)

        # Opening a question: n (next question) on the exam screen; floor: Enter swaps the paragraph;
        # peer: Enter on "Press Enter for the next question".
        def exam():
            s = Session(self.p("exam", "--count", "50", "--minutes", "120", "--seed", "7",
                               data=self.data_dir()), self.env)
            s.wait_for("Question 1 of 50")
            return s

        n_b, n_l = self.sessions(exam, ["n"], min(reps, 45), sess)
        fe_b, fe_l = self.sessions(floor, ["ENTER"], reps, sess)
        qn_l = None
        if self.peer_ok():
            qn_l = []
            s = Session([self.quizmd, self.quiz], self.env)
            try:
                s.wait_for("Are you ready to start?")
                s.send("ENTER")
                s.wait_for("Question 1/")
                for i in range(min(reps, 10)):
                    # Submit (nothing picked); quizmd shows its feedback about 0.8 s later.
                    s.key_until("ENTER", "Press Enter for the next question")
                    qn_l.append(s.key_until("ENTER", f"Question {i + 2}/"))
            finally:
                s.close()
        self.r.add("3. key-to-screen: open next question (exam n)", "ms", n_l, fe_l, qn_l, lat_t)

        # Picking a choice in the exam commits the answer (WAL, synchronous=FULL) before redrawing.
        pk_b, pk_l = self.sessions(exam, ["a", "b"], min(reps, 20), 1)
        self.r.add("3. key-to-screen: pick a choice (exam, durable commit)", "ms", pk_l, None, None, None)

        # Timer ticks on the exam screen; the floor's --tick countdown; the peer's per-question timer.
        secs = self.a.tick_seconds

        def ticks(s):
            s.settle(0.3)
            time.sleep(max(0.0, 1.2 - (time.monotonic() - s.t0)))
            s.settle(0.05)
            chunks = s.count(secs)
            # One tick is one burst: group chunks closer than 200 ms.
            bursts, last = [], None
            for t, n in chunks:
                if last is not None and t - last < 0.2:
                    bursts[-1] += n
                else:
                    bursts.append(n)
                last = t
            return bursts, sum(n for _, n in chunks) / secs

        s = exam()
        try:
            p_ticks, p_rate = ticks(s)
        finally:
            s.close()
        s = Session([self.floor, "--tick"], self.env)
        try:
            s.wait_for("Readiness by section")
            f_ticks, f_rate = ticks(s)
        finally:
            s.close()
        q_ticks = q_rate = None
        if self.peer_ok():
            s = Session([self.quizmd, self.quiz], self.env)
            try:
                s.wait_for("Are you ready to start?")
                s.send("ENTER")
                s.wait_for("Question 1/")
                s.settle(1.5)
                q_ticks, q_rate = ticks(s)
            finally:
                s.close()
        self.r.add("2. bytes per timer tick: exam countdown", "B", p_ticks, f_ticks, q_ticks,
                   ("< 60 B", lambda m, f: m < 60))
        self.r.add(f"2. bytes per second on the exam screen ({secs:.0f} s, no input)", "B/s", [p_rate], [f_rate],
                   [q_rate] if q_rate is not None else None, None)
        self.tick_notes = (p_rate, f_rate, q_rate)

        # Idle: nothing changes, nothing may be written.
        idle = self.a.idle_seconds

        def idle_bytes(s):
            s.settle(0.3)
            return [sum(n for _, n in s.count(idle))]

        s = Session(self.p(data=home), self.env)
        try:
            s.wait_for("Readiness by section")
            p_idle = idle_bytes(s)
        finally:
            s.close()
        s = floor()
        try:
            f_idle = idle_bytes(s)
        finally:
            s.close()
        q_idle = None
        if self.peer_ok():
            s = Session([self.quizmd, self.quiz], self.env)
            try:
                s.wait_for("Are you ready to start?")
                q_idle = idle_bytes(s)
            finally:
                s.close()
        self.r.add(f"2. bytes when idle: home screen, {idle:.0f} s", "B", p_idle, f_idle, q_idle,
                   ("0 B", lambda m, f: m == 0))

    # Figure 4: validation ----------------------------------------------------------------

    def timed(self, argv, runs, rss_runs=0):
        """Wall-clock ms of `runs` runs (after a warm-up), and max RSS MB of `rss_runs` more."""
        secs = []
        for i in range(runs + 1):
            t, rc, _ = timed_run(argv, self.env)
            if rc != 0:
                raise RuntimeError(f"{' '.join(argv)} exited with {rc}")
            if i:
                secs.append(t * 1000)
        rss = [peak_rss_mb(argv, self.env) for _ in range(rss_runs)]
        rss = [x for x in rss if x is not None] or None
        if rss_runs and rss is None:
            self.r.notes.append(f"no {GNU_TIME}: max RSS of `{os.path.basename(argv[0])} {argv[1]}` not measured.")
        return secs, rss

    def figure4(self):
        log("4. pack load and validation")
        n = self.runs
        start, _ = self.timed([self.proctor, "--version"], n)
        v, v_rss = self.timed([self.proctor, "validate", self.pack], n, 3)
        vb, vb_rss = self.timed([self.proctor, "validate", self.big], max(3, n - 2), 3)
        q = qb = q_rss = qb_rss = None
        if self.peer_ok():
            q, q_rss = self.timed([self.quizmd, "--validate", self.quiz], n, 3)
            if self.big_quiz:
                qb, qb_rss = self.timed([self.quizmd, "--validate", self.big_quiz], max(3, n - 2), 3)
        pstart = None
        if self.peer_ok():
            pstart, _ = self.timed([self.quizmd, "--version"], n)
        self.r.add("4. process start (`--version`)", "ms", start, None, pstart, None)
        cold = ("Validation always parses the YAML; composing it (Yams over libyaml, on two threads) is "
                "most of that time. The app itself reads the pack from its content-keyed cache "
                "(the app-load rows).")
        shipped = len(self.question_ids(self.pack))
        self.r.add(f"4. validate: shipped pack ({shipped:,} q)", "ms", v, None, q, ("< 50 ms", lambda m, f: m < 50),
                   note=cold)
        self.r.add("4. validate: 10,000 questions", "ms", vb, None, qb, ("< 500 ms", lambda m, f: m < 500),
                   note=cold)
        ms = statistics.median(start)
        self.r.add("4. in-process load+validate: shipped (validate − start)", "ms", [x - ms for x in v], None,
                   [x - statistics.median(pstart) for x in q] if q and pstart else None,
                   ("< 50 ms", lambda m, f: m < 50), note=cold)
        self.r.add("4. in-process load+validate: 10,000 q (validate − start)", "ms", [x - ms for x in vb], None,
                   [x - statistics.median(pstart) for x in qb] if qb and pstart else None,
                   ("< 500 ms", lambda m, f: m < 500), note=cold)
        # The app's own load: the pack through its content-keyed cache (warmed by the first run),
        # the store opened and the summary computed, as `stats --json` on an empty history does.
        empty = self.data_dir()
        lc, _ = self.timed(self.p("stats", "--json", data=empty), n)
        lcb, _ = self.timed(self.p("stats", "--json", data=empty, content=self.big), max(3, n - 2))
        self.r.add("4. app load, cached pack: shipped (`stats --json`, empty history − start)", "ms",
                   [x - ms for x in lc], None, None, ("< 50 ms", lambda m, f: m < 50))
        self.r.add("4. app load, cached pack: 10,000 q (`stats --json`, empty history − start)", "ms",
                   [x - ms for x in lcb], None, None, ("< 500 ms", lambda m, f: m < 500))
        self.validate_rss = (v_rss, vb_rss)
        self.validate_peer_rss = (q_rss, qb_rss)

    # Figure 6: the store -----------------------------------------------------------------

    def question_ids(self, pack):
        ids = []
        folder = os.path.join(pack, "questions")
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8-sig") as f:
                ids += re.findall(r"^- id:\s*\"?([A-Za-z0-9._-]+)", f.read(), re.M)
        return ids

    def figure6(self):
        log("6. store")
        # Commits per second: one INSERT per transaction, WAL, synchronous=FULL, as ProgressStore does.
        rates = []
        for _ in range(3):
            path = os.path.join(self.tmp, f"commits-{random.randrange(1 << 30)}.sqlite")
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("CREATE TABLE answer (id INTEGER PRIMARY KEY AUTOINCREMENT, packID TEXT NOT NULL, "
                       "questionID TEXT NOT NULL, picked TEXT NOT NULL, correct BOOLEAN NOT NULL, "
                       "secondsTaken DOUBLE NOT NULL, mode TEXT NOT NULL, answeredAt DOUBLE NOT NULL, "
                       "attemptID INTEGER)")
            n, t0 = 0, time.monotonic()
            while time.monotonic() - t0 < self.a.commit_seconds:
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT INTO answer (packID, questionID, picked, correct, secondsTaken, mode, answeredAt)"
                           " VALUES ('pmle', ?, '[1]', 1, 12.5, 'practice', ?)", (f"q{n}", time.time()))
                db.execute("COMMIT")
                n += 1
            rates.append(n / (time.monotonic() - t0))
            db.close()
        self.r.add("6. durable commits/s (Python sqlite3, WAL, synchronous=FULL)", "/s", rates, None, None, None,
                   better="higher")

        # stats with 100,000 answers, against the same command on an empty history.
        empty = self.data_dir()
        timed_run(self.p("stats", data=empty), self.env)
        full = self.data_dir(empty)
        ids = self.question_ids(self.pack)
        db = sqlite3.connect(os.path.join(full, "progress.sqlite"))
        cols = {r[1] for r in db.execute("PRAGMA table_info(answer)")}
        want = {"packID", "questionID", "picked", "correct", "secondsTaken", "mode", "answeredAt", "attemptID"}
        if not want <= cols:
            raise RuntimeError(f"answer table has columns {sorted(cols)}, expected {sorted(want)}")
        rnd = random.Random(42)
        now = time.time()
        rows = []
        for i in range(self.a.answers):
            rows.append(("pmle", ids[i % len(ids)], f"[{rnd.randrange(4)}]", rnd.random() < 0.7,
                         rnd.uniform(5, 120), rnd.choice(["practice", "review", "cram"]),
                         now - rnd.uniform(0, 365 * 86400), None))
        with db:
            db.executemany("INSERT INTO answer (packID, questionID, picked, correct, secondsTaken, mode, answeredAt,"
                           " attemptID) VALUES (?,?,?,?,?,?,?,?)", rows)
        db.close()
        base, _ = self.timed(self.p("stats", "--json", data=empty), self.runs)
        big, big_rss = self.timed(self.p("stats", "--json", data=full), self.runs, 3)
        out = timed_run(self.p("stats", "--json", data=full), self.env)[2]
        answered = re.search(rb'"answered"\s*:\s*(\d+)', out)
        self.r.add("6. `stats --json`, empty history", "ms", base, None, None, None)
        self.r.add(f"6. `stats --json`, {self.a.answers:,} answers", "ms", big, None, None, None)
        mb = statistics.median(base)
        self.r.add(f"6. stats query time ({self.a.answers:,} answers − empty)", "ms", [x - mb for x in big], None,
                   None, None)
        self.r.add(f"5. max RSS: `stats --json`, {self.a.answers:,} answers", "MB", big_rss, None, None, None)
        home_t, _ = self.first_frames(lambda: self.p(data=full), "Readiness by section", max(3, self.runs - 4))
        self.r.add(f"1. first frame: home screen, {self.a.answers:,} answers", "ms", home_t, None, None, None)
        if not answered or int(answered.group(1)) == 0:
            self.r.notes.append("`stats --json` did not report the generated answers; check the answer schema.")

    # Report ------------------------------------------------------------------------------

    def machine(self):
        cpu = "unknown CPU"
        try:
            with open("/proc/cpuinfo") as f:
                for line in f:
                    if line.startswith("model name"):
                        cpu = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        return cpu, os.cpu_count(), os.sysconf("SC_NPROCESSORS_ONLN")

    def report(self):
        cpu, _, online = self.machine()
        load = f"load average {self.load_start} at the start, {loadavg()} at the end"
        date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        kernel = platform.release()
        if self.peer_ok():
            peer = f"peer quizmd {self.a.peer_version} on the same questions converted to its markdown"
        else:
            reason = self.peer_reason if len(self.peer_reason) < 160 else self.peer_reason[:157] + "..."
            peer = f"peer unavailable: {reason}"
        md, _, _ = self.r.table()
        header = [
            f"Machine: {online} CPUs (`nproc`), {cpu}, Linux {kernel}; run {date}; {load}.",
            f"Proctor {self.a.proctor_version} release build (static Swift runtime); floor `Benchmarks/floor.c` (ncursesw); {peer}.",
            f"Runs per figure: {self.runs} (after one warm-up), key presses per figure: {self.a.presses}; "
            "min / median / max. Ratios and targets use the median.",
        ]
        legend = [
            "- **first frame**: fork under a 100x30 pty until the first screen's text (\"Readiness by section\"; "
            "the peer's \"Are you ready to start?\") has arrived and output paused 15 ms; the time of its last byte.",
            "- **first frame, phase N**: the same runs split by marks Proctor writes when `PROCTOR_TRACE_STARTUP` "
            "names a file (`Sources/proctor/StartupTrace.swift`), on the monotonic clock the harness reads; each "
            "row is the time from the previous mark (phase 1: from the fork) to its own.",
            "- **bytes**: what the app wrote to the pty. A move is one `j` or `k` (peer: ↓/↑ in its choice list); "
            "a tick is one burst of output with no input (exam countdown; floor `--tick`; the peer's per-question "
            "countdown); idle is the total over the window (peer: its start screen).",
            "- **10,000 questions**: `Benchmarks/gen_pack.py` (PMLE outline, synthetic questions); "
            "**100,000 answers**: rows inserted with sqlite3 into a database `proctor stats` created.",
            "- **key-to-screen**: from writing the key to the last byte of the output it caused "
            "(output paused 15 ms). The peer's \"open\" is Enter on \"Press Enter for the next question\"; "
            "the floor's is Enter swapping its paragraph.",
            "- **validate − start**: `proctor validate` minus `proctor --version` (process start, argument "
            "parsing): an estimate of in-process load + validation.",
            "- **app load, cached pack**: `proctor stats --json` on an empty history minus `proctor --version`: "
            "the pack read through its content-keyed cache (warmed by the first run), the database opened and "
            "the summary computed, as at every start of the app.",
            "- **outline tree + its notes pane**: the pane shows the notes of the node under the selection, "
            "so each move repaints a paragraph; the per-move list target is measured on the exam overview.",
            "- **commits/s** is Python's sqlite3 with Proctor's pragmas, not Proctor itself; "
            "\"pick a choice\" is the real app committing an answer and redrawing.",
        ]
        notes = [f"- {n}" for n in self.r.notes]
        missed = self.r.missed()
        if missed:
            notes.append("- Targets missed in this run (rows that share a reason are listed together):")
            reasons = []  # [(note, [text of each row])], in table order
            for row, median in missed:
                text = f"{row.figure}: {row.fmt.format(median)} {row.unit} against {row.target[0]}"
                for note, texts in reasons:
                    if note == row.note:
                        texts.append(text)
                        break
                else:
                    reasons.append((row.note, [text]))
            for note, texts in reasons:
                notes.append(f"  - {'; '.join(texts)}." + (f" {note}" if note else ""))
        return header, md, legend, notes

    def run(self):
        self.load_start = loadavg()
        self.validate_rss = None
        try:
            self.figure4()
            self.figure1_and_5()
            self.figure5()
            self.figure2_and_3()
            self.figure6()
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)
        header, md, legend, notes = self.report()
        print()
        print("\n".join(header))
        print()
        print("\n".join(self.r.plain_table()))
        if notes:
            print("\n".join(notes))
        doc = ["# Proctor benchmark results", ""] + header + [""] + md + [""] + legend + ([""] + notes if notes else [])
        with open(self.a.out, "w") as f:
            f.write("\n".join(doc) + "\n")
        print(f"\nwritten to {os.path.relpath(self.a.out, self.root)}")
        if self.a.update_readme:
            self.update_readme(header, md, legend, notes)

    def update_readme(self, header, md, legend, notes):
        path = os.path.join(self.root, "README.md")
        with open(path) as f:
            text = f.read()
        section = ["## Performance", "",
                   "Numbers from one `make bench` run (`scripts/bench.sh --update-readme` rewrites this section). "
                   "Wall-clock figures depend on the machine and its load; the ratios to the C floor and to "
                   "the peer on the same machine and run are the comparable part.", ""]
        section += header + [""] + md + [""] + legend + ([""] + notes if notes else []) + [""]
        new = "\n".join(section)
        m = re.search(r"^## Performance\n.*?(?=^## |\Z)", text, re.M | re.S)
        if m:
            text = text[:m.start()] + new + ("\n" if text[m.end():] else "") + text[m.end():]
        else:
            text = text.rstrip("\n") + "\n\n" + new
        with open(path, "w") as f:
            f.write(text.rstrip("\n") + "\n")
        log("README.md: ## Performance updated")


def main():
    ap = argparse.ArgumentParser(description="Proctor benchmarks (see scripts/bench.sh)")
    ap.add_argument("--root", default=".")
    ap.add_argument("--proctor", required=True)
    ap.add_argument("--proctor-version", default="?")
    ap.add_argument("--floor", required=True)
    ap.add_argument("--quizmd")
    ap.add_argument("--peer-version", default="?")
    ap.add_argument("--peer-reason", default="not installed")
    ap.add_argument("--quiz")
    ap.add_argument("--big-quiz")
    ap.add_argument("--big-pack", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "7")))
    ap.add_argument("--presses", type=int, default=int(os.environ.get("BENCH_PRESSES", "20")))
    ap.add_argument("--tick-seconds", type=float, default=6.0)
    ap.add_argument("--idle-seconds", type=float, default=3.0)
    ap.add_argument("--commit-seconds", type=float, default=1.5)
    ap.add_argument("--answers", type=int, default=100_000)
    ap.add_argument("--update-readme", action="store_true")
    Bench(ap.parse_args()).run()


if __name__ == "__main__":
    main()
