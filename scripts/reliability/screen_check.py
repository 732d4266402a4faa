#!/usr/bin/env python3
"""Compares the raw terminal output of two identical practice runs: one on a plain pack, one on
a pack whose stems carry bidi overrides, zero-width and combining characters.

  screen_check.py [--no-pyte] PLAIN.bin HOSTILE.bin COLS ROWS

Byte checks (always): the hostile run writes no OSC (title), DCS/APC/PM/SOS strings, resets,
terminal queries or C1 controls, passes no bidi override/isolate character through, and clears
the screen no more often than the plain run. (Other sequence kinds only one run uses are listed as
info: ncurses picks cursor and scrolling optimisations from the content.)
pyte checks (unless --no-pyte): on the frame just before the first `q` key (a practice question),
the title is unset, the header and status rows end in the same column as the plain run's, and the
stem text stays inside the body rows with nothing after its end marker. Prints problems (one a line) and `info` lines; exit 1 on problems.
"""

import json
import re
import sys

CSI = re.compile(rb"\x1b\[([0-?]*)([ -/]*)([@-~])")
OSC = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
ESC_OTHER = re.compile(rb"\x1b([^\[\]])")
C1 = re.compile(rb"\xc2[\x80-\x9f]")


def kinds(data):
    out = {}
    for m in CSI.finditer(data):
        params = m.group(1)
        private = params[:1] if params[:1] in (b"?", b">", b"<", b"=") else b""
        # modes are told apart by their number (?1049h vs ?25h); others by their final byte
        key = (private + (params if private else b"") + m.group(3)).decode("latin-1")
        out[key] = out.get(key, 0) + 1
    for m in ESC_OTHER.finditer(data):
        key = "ESC " + m.group(1).decode("latin-1")
        out[key] = out.get(key, 0) + 1
    return out


def first_q_offset(path):
    try:
        marks = json.load(open(path + ".marks"))
    except OSError:
        return None
    for key, offset in marks:
        if key == "q":
            return offset
    return None


def main():
    args = sys.argv[1:]
    use_pyte = True
    if args and args[0] == "--no-pyte":
        use_pyte = False
        args = args[1:]
    plain_path, hostile_path, cols, rows = args[0], args[1], int(args[2]), int(args[3])
    plain = open(plain_path, "rb").read()
    hostile = open(hostile_path, "rb").read()
    problems = []
    if len(plain) < 200 or len(hostile) < 200:
        problems.append(f"too little output captured (plain {len(plain)} bytes, hostile {len(hostile)} bytes)")
    kp, kh = kinds(plain), kinds(hostile)
    extra = sorted(set(kh) - set(kp))
    if extra:
        print(f"info: sequence kinds only in the hostile run (ncurses optimisations): {extra}")
    forbidden = {"ESC P": "DCS", "ESC _": "APC", "ESC ^": "PM", "ESC X": "SOS", "ESC c": "full reset",
                 "t": "window operation", "n": "status query", "c": "device attributes query",
                 ">c": "device attributes query", "ESC Z": "identify query"}
    for key, what in forbidden.items():
        if kh.get(key, 0) > kp.get(key, 0):
            problems.append(f"{what} sequence written ({key}) in the hostile run")
    bidi = [cp for cp in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A)) if chr(cp).encode() in hostile]
    if bidi:
        problems.append("bidi override/isolate characters passed through to the terminal: "
                        + ", ".join(f"U+{cp:04X}" for cp in bidi))
    if OSC.search(hostile):
        problems.append(f"OSC sequence (title etc.) written: {OSC.search(hostile).group(0)!r}")
    if C1.search(hostile):
        problems.append(f"C1 control written as text: {C1.search(hostile).group(0)!r}")
    clears = lambda d: d.count(b"\x1b[2J") + d.count(b"\x1b[3J")
    if clears(hostile) > clears(plain):
        problems.append(f"screen cleared {clears(hostile)} times, the plain run {clears(plain)} times")
    print(f"info: {len(hostile)} bytes, {sum(kh.values())} sequences of {len(kh)} kinds "
          f"(plain run: {len(plain)} bytes, {len(kp)} kinds), {clears(hostile)} full clears")

    if use_pyte:
        import pyte

        def frame(data, upto):
            screen = pyte.Screen(cols, rows)
            stream = pyte.ByteStream(screen)
            stream.feed(data[:upto] if upto is not None else data)
            return screen

        sp = frame(plain, first_q_offset(plain_path))
        sh = frame(hostile, first_q_offset(hostile_path))
        full = frame(hostile, None)
        for label, s in (("at the question", sh), ("at the end", full)):
            if getattr(s, "title", ""):
                problems.append(f"window title set {label}: {s.title!r}")
            if getattr(s, "icon_name", ""):
                problems.append(f"icon name set {label}: {s.icon_name!r}")
        dp, dh = sp.display, sh.display
        if not dh[0].startswith(" Proctor"):
            problems.append(f"header row not intact: {dh[0]!r}")
        # Question order and verdicts differ between runs, so compare where the rows end.
        if len(dh[0].rstrip()) != len(dp[0].rstrip()):
            problems.append(f"header row ends elsewhere than in the plain run:\n  {dh[0]!r}\n  {dp[0]!r}")
        if len(dh[-1].rstrip()) != len(dp[-1].rstrip()) or not dh[-1].rstrip().endswith("? help"):
            problems.append(f"status row ends elsewhere than in the plain run:\n  {dh[-1]!r}\n  {dp[-1]!r}")
        stem_rows = [i for i, line in enumerate(dh) if "STEM-" in line]
        if not stem_rows:
            problems.append("no stem visible on the question frame:\n" + "\n".join(dh))
        elif min(stem_rows) < 1 or max(stem_rows) > rows - 2:
            problems.append(f"stem text outside the body rows: rows {stem_rows}")
        for i, line in enumerate(dh):
            if "STEM-END" in line:
                # the text ends where it should: what follows the marker on its row is blank
                tail = line.split("STEM-END", 1)[1]
                if tail.strip():
                    problems.append(f"row {i}: text after the stem's end: {tail!r}")
        print(f"info: pyte {getattr(pyte, '__version__', '')} frame, rows with stem text: {stem_rows}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
