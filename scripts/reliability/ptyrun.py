#!/usr/bin/env python3
"""Runs a command with stdin and/or stdout on a pseudo-terminal and records what it writes.

  ptyrun.py [--cols 100] [--rows 30] [--stdin tty|null] [--stdout tty|pipe]
            [--keys 'wait:1.0 a enter wait:0.5 q q'] [--raw FILE] [--timeout 15] -- CMD ARGS...

Prints one JSON object: rc, pty_bytes (bytes the command wrote to the terminal), stdout (what
it wrote to a pipe), stderr, timed_out. With --raw the terminal bytes are saved to FILE.
With --raw, FILE.marks lists [key, byte offset in FILE when the key was sent].
Keys: a word is sent as typed; `enter`, `esc`, `ctrl-c` are the keys; `wait:S` sleeps S seconds.
"""

import argparse
import fcntl
import json
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time

KEYS = {"enter": b"\r", "esc": b"\x1b", "ctrl-c": b"\x03", "space": b" ", "tab": b"\t"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cols", type=int, default=100)
    ap.add_argument("--rows", type=int, default=30)
    ap.add_argument("--stdin", choices=["tty", "null"], default="tty")
    ap.add_argument("--stdout", choices=["tty", "pipe"], default="tty")
    ap.add_argument("--keys", default="")
    ap.add_argument("--raw", default=None)
    ap.add_argument("--timeout", type=float, default=15)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
    env = dict(os.environ, TERM=os.environ.get("TERM", "xterm-256color"))

    def child_setup():
        os.setsid()
        if args.stdin == "tty" or args.stdout == "tty":
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    p = subprocess.Popen(
        cmd,
        stdin=slave if args.stdin == "tty" else subprocess.DEVNULL,
        stdout=slave if args.stdout == "tty" else subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=child_setup,
        close_fds=True,
    )
    os.close(slave)
    raw = bytearray()
    out = bytearray()
    err = bytearray()
    fds = {master: raw}
    if p.stdout:
        fds[p.stdout.fileno()] = out
    fds[p.stderr.fileno()] = err

    def read_ready(timeout):
        """Reads whatever the open fds have within timeout; returns the fds that were ready."""
        r, _, _ = select.select(list(fds), [], [], timeout)
        for fd in r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                chunk = b""
            if chunk:
                fds[fd].extend(chunk)
            else:
                del fds[fd]
        return r

    def pump(seconds):
        end = time.monotonic() + seconds
        while fds:
            left = end - time.monotonic()
            if left <= 0:
                return
            r = read_ready(min(left, 0.05))
            if p.poll() is not None and not r:
                return

    start = time.monotonic()
    marks = []
    for word in args.keys.split():
        if p.poll() is not None:
            break
        if word.startswith("wait:"):
            pump(float(word[5:]))
            continue
        data = KEYS.get(word, word.encode())
        marks.append([word, len(raw)])
        try:
            os.write(master, data)
        except OSError:
            break
        pump(0.15)
    timed_out = False
    while p.poll() is None:
        if time.monotonic() - start > args.timeout:
            timed_out = True
            p.kill()
            break
        pump(0.1)
    p.wait()
    # Drain what is left (the terminal restore written on exit).
    end = time.monotonic() + 0.3
    while fds and time.monotonic() < end and read_ready(0.05):
        pass
    os.close(master)
    if args.raw:
        with open(args.raw, "wb") as fh:
            fh.write(raw)
        with open(args.raw + ".marks", "w") as fh:
            json.dump(marks, fh)
    print(json.dumps({
        "rc": p.returncode,
        "pty_bytes": len(raw) if (args.stdin == "tty" or args.stdout == "tty") else 0,
        "stdout": out.decode("utf-8", "replace"),
        "stderr": err.decode("utf-8", "replace"),
        "timed_out": timed_out,
        "escapes_on_pty": raw.count(b"\x1b"),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
