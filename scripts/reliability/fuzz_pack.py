#!/usr/bin/env python3
"""Seeded fuzzer for `proctor validate`: random mutations of copies of an exam pack.

Every case is built from a private copy of the pack (unchanged files are hard links to that
copy, mutated files are written fresh), then `timeout 10 proctor validate CASE_DIR` runs on it.
A case passes when the validator
  - exits 0 (the pack is still valid), or
  - exits 1 and every line on stderr is a diagnostic: `file:line:column: message` or
    `file: message`, with `file` inside the case directory;
and it fails on a crash (exit >= 128, "Fatal error", a stack dump), a hang (timeout 10 s),
any other exit code, or a stray line on stderr.

Reproducible: case N of seed S is always the same mutation. Replay one case with
    fuzz_pack.py --bin BIN --src Content/pmle --seed S --case N --keep /tmp/case
which leaves the mutated pack in /tmp/case.

Usage: fuzz_pack.py --bin BIN --src PACK [--cases 1000] [--seed S] [--jobs 2] [--work DIR]
       fuzz_pack.py --bin BIN --src PACK --seed S --emit N --out DIR   (write case N, no run)
"""

import argparse
import concurrent.futures
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

FULL_PACK_EVERY = 50  # every 50th case keeps all question files; the others keep 2 (faster)
BIG_FILE_EVERY = 250  # every 250th case gets one file just over the 16 MiB limit

# ---------------------------------------------------------------------------------------------
# Mutations. Each takes (rng, data: bytes) and returns (new bytes, short description).


def m_truncate(rng, data):
    cut = rng.randrange(0, max(1, len(data)))
    return data[:cut], f"truncate at byte {cut}"


def m_byte_flips(rng, data):
    if not data:
        return b"\x00", "flip on empty file -> NUL"
    b = bytearray(data)
    n = rng.randint(1, 12)
    spots = []
    for _ in range(n):
        i = rng.randrange(len(b))
        bit = 1 << rng.randrange(8)
        b[i] ^= bit
        spots.append(f"{i}^{bit:#x}")
    return bytes(b), "byte flips " + ",".join(spots)


def m_random_bytes(rng, data):
    i = rng.randrange(len(data) + 1)
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return data[:i] + junk + data[i:], f"insert {len(junk)} random bytes at {i}"


INVALID_UTF8 = [b"\xff", b"\xfe\xff", b"\xc3\x28", b"\x80", b"\xc0\xaf", b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80", b"\xe2\x82", b"\xf0\x9f\x98"]


def m_invalid_utf8(rng, data):
    i = rng.randrange(len(data) + 1)
    bad = rng.choice(INVALID_UTF8)
    return data[:i] + bad + data[i:], f"invalid UTF-8 {bad!r} at {i}"


def m_bom(rng, data):
    kind = rng.choice(["utf8", "utf8-twice", "utf16le", "utf16be", "utf16-reencode", "utf32", "bom-mid"])
    if kind == "utf8":
        return b"\xef\xbb\xbf" + data, "UTF-8 BOM"
    if kind == "utf8-twice":
        return b"\xef\xbb\xbf\xef\xbb\xbf" + data, "two UTF-8 BOMs"
    if kind == "utf16le":
        return b"\xff\xfe" + data, "UTF-16 LE BOM on UTF-8 bytes"
    if kind == "utf16be":
        return b"\xfe\xff" + data, "UTF-16 BE BOM on UTF-8 bytes"
    if kind == "utf16-reencode":
        return data.decode("utf-8", "replace").encode("utf-16"), "re-encoded as UTF-16"
    if kind == "utf32":
        return data.decode("utf-8", "replace").encode("utf-32"), "re-encoded as UTF-32"
    i = rng.randrange(len(data) + 1)
    return data[:i] + b"\xef\xbb\xbf" + data[i:], f"UTF-8 BOM in the middle at {i}"


def m_line_ends(rng, data):
    kind = rng.choice(["crlf", "cr", "mixed", "lone-cr"])
    if kind == "crlf":
        return data.replace(b"\n", b"\r\n"), "CRLF line ends"
    if kind == "cr":
        return data.replace(b"\n", b"\r"), "CR line ends"
    if kind == "mixed":
        out = bytearray()
        for ch in data:
            if ch == 0x0A:
                out += rng.choice([b"\n", b"\r\n", b"\r"])
            else:
                out.append(ch)
        return bytes(out), "mixed LF/CRLF/CR line ends"
    i = rng.randrange(len(data) + 1)
    return data[:i] + b"\r" + data[i:], f"lone CR at {i}"


def lines_of(data):
    return data.split(b"\n")


def value_lines(lines):
    """Indexes of lines that look like `key: value`."""
    return [i for i, l in enumerate(lines) if re.match(rb"^\s*-?\s*[A-Za-z_]+:", l)]


def m_huge_string(rng, data):
    lines = lines_of(data)
    size = rng.choice([10_000, 100_000, 1_000_000, 3_000_000])
    ch = rng.choice([b"x", "\u00e9".encode(), "\u4e2d".encode(), "\U0001F600".encode(), b" ", b"\\"])
    blob = ch * (size // len(ch))
    cands = value_lines(lines)
    if cands and rng.random() < 0.8:
        i = rng.choice(cands)
        m = re.match(rb"^(\s*-?\s*[A-Za-z_]+:)", lines[i])
        quote = rng.choice([b'"', b"'", b""])
        lines[i] = m.group(1) + b" " + quote + blob + quote
        return b"\n".join(lines), f"line {i + 1}: value replaced by {size} x {ch!r}"
    i = rng.randrange(len(lines) + 1)
    lines.insert(i, blob)
    return b"\n".join(lines), f"line {i + 1}: {size}-byte line inserted"


WRONG_VALUES = [b"[]", b"{}", b"[1, 2, 3]", b"{a: 1}", b"null", b"~", b"true", b"no", b"0", b"-1",
                b"99999999999999999999999999", b"1e309", b".nan", b"-.inf", b"0x10", b"0o17", b"1_000",
                b'"12"', b"''", b'""', b"!!binary aGVsbG8=", b"!!int 3", b"!custom x", b"*nope", b"&a x",
                b"|", b">-", b"? x", b"- x", b"[", b"{", b"]", b"}", b"'unterminated", b'"unterminated',
                b"@x", b"`x", b"%x", b"2.5", b"-0", b"+3", b"3.0"]


def m_wrong_type(rng, data):
    lines = lines_of(data)
    cands = value_lines(lines)
    if not cands:
        return data + b"\n" + rng.choice(WRONG_VALUES), "wrong value appended"
    i = rng.choice(cands)
    m = re.match(rb"^(\s*-?\s*[A-Za-z_]+:)", lines[i])
    v = rng.choice(WRONG_VALUES)
    lines[i] = m.group(1) + b" " + v
    return b"\n".join(lines), f"line {i + 1}: value -> {v.decode()}"


def m_deep_nesting(rng, data):
    depth = rng.choice([50, 999, 1000, 1001, 5000, 100_000])
    kind = rng.choice(["flow-seq", "flow-map", "block", "unclosed"])
    if kind == "flow-seq":
        blob = b"[" * depth + b"x" + b"]" * depth
    elif kind == "flow-map":
        blob = b"{a: " * depth + b"x" + b"}" * depth
    elif kind == "unclosed":
        blob = b"[" * depth
    else:
        depth = min(depth, 3000)  # block nesting costs depth^2 bytes of indentation
        blob = b"\n".join(b"  " * (k + 2) + b"k:" for k in range(depth)) + b" x"
    lines = lines_of(data)
    cands = value_lines(lines)
    if cands and kind != "block":
        i = rng.choice(cands)
        m = re.match(rb"^(\s*-?\s*[A-Za-z_]+:)", lines[i])
        lines[i] = m.group(1) + b" " + blob
    else:
        i = rng.choice(cands) if cands else 0
        m = re.match(rb"^(\s*-?\s*[A-Za-z_]+:)", lines[i]) if cands else None
        head = m.group(1) if m else b"deep:"
        lines[i] = head + b"\n" + blob
    return b"\n".join(lines), f"line {i + 1}: {kind} nesting depth {depth}"


def m_duplicate_key(rng, data):
    lines = lines_of(data)
    cands = value_lines(lines)
    if not cands:
        return data + b"\nid: a\nid: b\n", "duplicate key appended"
    i = rng.choice(cands)
    dup = lines[i]
    if dup.lstrip().startswith(b"- "):  # the same key again inside the same mapping
        indent = len(dup) - len(dup.lstrip())
        dup = b" " * (indent + 2) + dup.lstrip()[2:]
    lines.insert(i + 1, dup)
    return b"\n".join(lines), f"line {i + 1}: key duplicated"


def m_lines(rng, data):
    lines = lines_of(data)
    if len(lines) < 2:
        return data + data, "file doubled"
    kind = rng.choice(["delete", "duplicate", "swap", "dedent", "indent", "tabs", "shuffle-block"])
    i = rng.randrange(len(lines))
    if kind == "delete":
        n = rng.randint(1, 20)
        del lines[i:i + n]
        return b"\n".join(lines), f"delete lines {i + 1}..{i + n}"
    if kind == "duplicate":
        n = rng.randint(1, 30)
        lines[i:i] = lines[i:i + n]
        return b"\n".join(lines), f"duplicate lines {i + 1}..{i + n}"
    if kind == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines), f"swap lines {i + 1} and {j + 1}"
    if kind == "dedent":
        lines[i] = lines[i].lstrip()
        return b"\n".join(lines), f"dedent line {i + 1}"
    if kind == "indent":
        lines[i] = b" " * rng.randint(1, 9) + lines[i]
        return b"\n".join(lines), f"indent line {i + 1}"
    if kind == "tabs":
        lines[i] = re.sub(rb"^( +)", lambda m: b"\t" * (len(m.group(1)) // 2), lines[i])
        return b"\n".join(lines), f"tabs for indentation on line {i + 1}"
    n = rng.randint(2, 40)
    block = lines[i:i + n]
    rng.shuffle(block)
    lines[i:i + n] = block
    return b"\n".join(lines), f"shuffle lines {i + 1}..{i + n}"


YAML_SPECIALS = [b"---", b"...", b"--- !!map", b"%YAML 1.2", b"%TAG ! tag:x,2000:", b"%YAML 9.9",
                 b"- &anchor {id: x}", b"- *undefined", b"? [complex, key]\n: v", b"!!python/object:os.system",
                 b"<<: *base", b"<<: {id: merged}", b"key: &loop [*loop]", b"# comment \x00 NUL", b"\x00",
                 b"\x1b[2J\x1b]0;pwned\x07", "\u202e\u200b".encode(), b"\t", b"'", b'"', b"|", b">", b"*", b"&",
                 b"!", b"%", b"@", b"`", b"{{", b"}}", b"[[", b"]]", b":", b"- :", b"-", b"? ", b"#"]


def m_yaml_special(rng, data):
    lines = lines_of(data)
    i = rng.randrange(len(lines) + 1)
    s = rng.choice(YAML_SPECIALS)
    if rng.random() < 0.5 or i == len(lines):
        lines.insert(i, s)
        return b"\n".join(lines), f"line {i + 1}: inserted {s!r}"
    j = rng.randrange(len(lines[i]) + 1)
    lines[i] = lines[i][:j] + s + lines[i][j:]
    return b"\n".join(lines), f"line {i + 1} col {j + 1}: inserted {s!r}"


def m_alias_bomb(rng, data):
    levels = rng.randint(3, 9)
    out = [b'  lol0: &b0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for k in range(1, levels):
        out.append(b"  lol%d: &b%d [" % (k, k) + b",".join([b"*b%d" % (k - 1)] * 9) + b"]")
    lines = lines_of(data)
    cands = value_lines(lines)
    if cands:
        i = rng.choice(cands)
        m = re.match(rb"^(\s*-?\s*[A-Za-z_]+:)", lines[i])
        indent = len(lines[i]) - len(lines[i].lstrip())
        holder = [b" " * indent + b"bombholder:"] + [b" " * indent + o for o in out]
        lines[i] = m.group(1) + b" *b%d" % (levels - 1)
        lines[i:i] = holder
        return b"\n".join(lines), f"line {i + 1}: alias bomb with {levels} levels of 9"
    return data + b"\n" + b"\n".join(out), "alias bomb appended"


def m_control_chars(rng, data):
    i = rng.randrange(len(data) + 1)
    s = rng.choice([b"\x00", b"\x01", b"\x07", b"\x08", b"\x0b", b"\x0c", b"\x1b", b"\x7f",
                    "\u0085".encode(), "\u009b".encode(), "\u2028".encode(), "\u2029".encode(),
                    "\ufeff".encode(), "\ufffe".encode(), "\U0010ffff".encode()])
    return data[:i] + s + data[i:], f"control char {s!r} at {i}"


def m_empty(rng, data):
    return rng.choice([(b"", "emptied"), (b"\n", "just a newline"), (b"[]", "empty list"),
                       (b"{}", "empty mapping"), (b"~", "null document"), (b"---\n---\n", "two empty documents"),
                       (data + b"\n---\n" + data, "two documents"), (b"- 1\n- 2\n", "list of numbers"),
                       (b"x", "plain scalar")])


MUTATIONS = [
    (m_truncate, 10), (m_byte_flips, 14), (m_random_bytes, 6), (m_invalid_utf8, 8), (m_bom, 6),
    (m_line_ends, 6), (m_huge_string, 4), (m_wrong_type, 14), (m_deep_nesting, 5), (m_duplicate_key, 8),
    (m_lines, 10), (m_yaml_special, 8), (m_alias_bomb, 3), (m_control_chars, 6), (m_empty, 3),
]

# ---------------------------------------------------------------------------------------------


def pack_files(base):
    out = []
    for dirpath, _, files in os.walk(base):
        for f in files:
            out.append(os.path.relpath(os.path.join(dirpath, f), base))
    return sorted(out)


def build_case(base, all_files, seed, n, dest):
    """Writes case n of `seed` into dest (a fresh directory). Returns the mutation log."""
    rng = random.Random(f"{seed}:{n}")
    questions = [f for f in all_files if f.startswith("questions/")]
    others = [f for f in all_files if not f.startswith("questions/")]
    if n % FULL_PACK_EVERY == 0:
        keep = questions
    else:
        keep = sorted(rng.sample(questions, min(2, len(questions))))
    files = others + keep
    log = [f"pack: {'all' if keep == questions else ', '.join(keep)} question files"]
    contents = {}  # relpath -> bytes (mutated) or None (deleted)

    def current(f):
        if f in contents:
            return contents[f]
        with open(os.path.join(base, f), "rb") as fh:
            return fh.read()

    if n % BIG_FILE_EVERY == BIG_FILE_EVERY - 1:
        target = rng.choice(files)
        big = current(target)
        big = big + b"\n#" + b"x" * (16 * 1024 * 1024 + 1 - len(big))
        contents[target] = big
        log.append(f"{target}: padded to {len(big)} bytes (over the 16 MiB limit)")
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        r = rng.random()
        if r < 0.05:
            target = rng.choice(files + ["questions"])
            if target == "questions":
                for f in keep:
                    contents[f] = None
                log.append("questions/: every file deleted")
            else:
                contents[target] = None
                log.append(f"{target}: deleted")
            continue
        if r < 0.30:
            target = "exam.yaml"
        elif r < 0.85:
            target = rng.choice(keep) if keep else "exam.yaml"
        else:
            target = rng.choice([f for f in others if f != "exam.yaml"] or ["exam.yaml"])
        data = current(target)
        if data is None:
            continue
        fn = rng.choices([m for m, _ in MUTATIONS], weights=[w for _, w in MUTATIONS])[0]
        new, what = fn(rng, data)
        contents[target] = new
        log.append(f"{target}: {fn.__name__[2:]}: {what}")

    os.makedirs(dest, exist_ok=True)
    for f in files:
        out = os.path.join(dest, f)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if f in contents:
            if contents[f] is not None:
                with open(out, "wb") as fh:
                    fh.write(contents[f])
        else:
            try:
                os.link(os.path.join(base, f), out)
            except OSError:
                shutil.copyfile(os.path.join(base, f), out)
    return log


DIAG = None


def judge(case_dir, rc, out, err):
    """Returns None when the run is acceptable, else the reason."""
    text = out + err
    if rc == 124:
        return "hang: validate did not finish within 10 s"
    if rc >= 128 or rc < 0:
        return f"crash: exit code {rc}"
    for marker in ("Fatal error", "Stack dump", "Backtrace", "Segmentation fault", "Illegal instruction",
                   "Current stack trace", "terminate called"):
        if marker in text:
            return f"crash: output contains {marker!r}"
    if rc not in (0, 1):
        return f"unexpected exit code {rc}"
    prefix = re.escape(case_dir.rstrip("/"))
    diag = re.compile(rf"^{prefix}(/[^\n]*?)?(:\d+:\d+)?: \S")
    lines = [l for l in err.split("\n") if l.strip()]
    for l in lines:
        if not diag.match(l):
            return f"stderr line is not a diagnostic: {l[:200]!r}"
    if rc == 1 and not lines:
        return "exit 1 without any diagnostic on stderr"
    if rc == 1 and not any(": warning: " not in l for l in lines):
        return "exit 1 but only warnings were printed"
    return None


def run_case(args, base, all_files, n):
    case_dir = os.path.join(args.work, f"case-{n}")
    shutil.rmtree(case_dir, ignore_errors=True)
    log = build_case(base, all_files, args.seed, n, case_dir)
    t0 = time.monotonic()
    try:
        p = subprocess.run(["timeout", "-k", "2", "10", args.bin, "validate", case_dir],
                           stdin=subprocess.DEVNULL, capture_output=True)
        rc, out, err = p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except OSError as e:
        rc, out, err = 255, "", str(e)
    elapsed = time.monotonic() - t0
    problem = judge(case_dir, rc, out, err)
    if problem is None and not args.keep:
        shutil.rmtree(case_dir, ignore_errors=True)
    return n, rc, problem, log, (out + err)[-600:], elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--src", required=True)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--work", default=None)
    ap.add_argument("--case", type=int, default=None, help="run only this case")
    ap.add_argument("--keep", default=None, help="with --case: leave the case directory here")
    ap.add_argument("--emit", type=int, default=None, help="write case N to --out without running it")
    ap.add_argument("--out", default=None)
    ap.add_argument("--replay-bin", default=None, help="binary to name in the replay command")
    args = ap.parse_args()
    if args.seed is None:
        args.seed = int.from_bytes(os.urandom(4), "big")
    args.bin = os.path.abspath(args.bin)
    own_work = args.work is None
    if own_work:
        args.work = tempfile.mkdtemp(prefix="proctor-fuzz.")
    os.makedirs(args.work, exist_ok=True)
    try:
        base = os.path.join(args.work, "base")
        shutil.rmtree(base, ignore_errors=True)
        shutil.copytree(args.src, base)
        all_files = pack_files(base)

        if args.emit is not None:
            log = build_case(base, all_files, args.seed, args.emit, args.out)
            for l in log:
                print(l)
            return 0

        if args.case is not None:
            if args.keep:
                args.work_keep = args.keep
            n, rc, problem, log, tail, elapsed = run_case(args, base, all_files, args.case)
            case_dir = os.path.join(args.work, f"case-{n}")
            if args.keep:
                shutil.rmtree(args.keep, ignore_errors=True)
                shutil.move(case_dir, args.keep)
            print(f"case {n} (seed {args.seed}): exit {rc}, {elapsed:.2f}s: {problem or 'ok'}")
            for l in log:
                print("  " + l)
            print(tail)
            return 1 if problem else 0

        print(f"fuzz: seed {args.seed}, {args.cases} cases, {args.jobs} jobs "
              f"(replay: {sys.argv[0]} --bin {args.replay_bin or args.bin} --src {args.src} --seed {args.seed} --case N --keep DIR)",
              flush=True)
        t0 = time.monotonic()
        failures = []
        codes = {}
        slowest = (0.0, None)
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
            futs = [ex.submit(run_case, args, base, all_files, n) for n in range(args.cases)]
            for f in concurrent.futures.as_completed(futs):
                n, rc, problem, log, tail, elapsed = f.result()
                codes[rc] = codes.get(rc, 0) + 1
                if elapsed > slowest[0]:
                    slowest = (elapsed, n)
                if problem:
                    failures.append((n, rc, problem, log, tail))
        failures.sort()
        for n, rc, problem, log, tail in failures[:20]:
            print(f"FAIL fuzz case {n} (seed {args.seed}): {problem}")
            for l in log:
                print(f"       mutation: {l}")
            print("       output tail: " + tail.replace("\n", "\n                    ")[:800])
        if len(failures) > 20:
            print(f"... and {len(failures) - 20} more failing cases")
        summary = ", ".join(f"exit {k}: {v}" for k, v in sorted(codes.items()))
        print(f"fuzz: {args.cases} cases in {time.monotonic() - t0:.1f}s ({summary}); "
              f"slowest case {slowest[1]} took {slowest[0]:.2f}s; {len(failures)} failed; seed {args.seed}")
        return 1 if failures else 0
    finally:
        if own_work:
            shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
