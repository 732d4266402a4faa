#!/usr/bin/env python3
"""A model of the mock-exam screen for the kill -9 scenario.

Given the stored attempt before a run (read from progress.sqlite) and the keys sent to the
exam screen (a-f pick a display position, n goes to the next question), computes the stored
answers after every prefix of the keys, and checks that the database after a kill -9 equals
one of them, no shorter than the prefix the screen had acknowledged.

  exam_model.py snapshot DB OUT.json          the in-progress attempt and its answers
  exam_model.py expect PACK BEFORE.json KEYS  the status line after KEYS: "Question I of N · answered A"
  exam_model.py check PACK BEFORE.json DB KEYS ACKED   exit 0 when the DB matches a prefix >= ACKED
"""

import glob
import json
import os
import re
import sqlite3
import sys


def kinds(pack):
    out = {}
    for path in sorted(glob.glob(os.path.join(pack, "questions", "*.y*ml"))):
        qid = None
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                m = re.match(r'^- id:\s*"?([^"\s]+)"?', line)
                if m:
                    qid = m.group(1)
                    continue
                m = re.match(r"^  kind:\s*(\w+)", line)
                if m and qid:
                    out[qid] = m.group(1)
    return out


def snapshot(db):
    con = sqlite3.connect(db)
    try:
        row = con.execute(
            "SELECT id, deadline, items, status FROM examAttempt WHERE status = 'in_progress' "
            "ORDER BY startedAt DESC, id DESC LIMIT 1").fetchone()
        if row is None:
            return None
        attempt, deadline, items, status = row
        answers = {q: sorted(json.loads(p)) for q, p in con.execute(
            "SELECT questionID, picked FROM examAnswer WHERE attemptID = ?", (attempt,))}
        return {"attempt": attempt, "deadline": deadline, "status": status,
                "items": json.loads(items), "answers": answers}
    finally:
        con.close()


def states(pack, before, keys):
    """The stored answers after each prefix of keys, and the status line after each prefix."""
    kind = kinds(pack)
    items = before["items"]
    answers = {q: list(p) for q, p in before["answers"].items()}
    blank = [i for i, it in enumerate(items) if not answers.get(it["questionID"])]
    index = blank[0] if blank else 0

    def status():
        answered = sum(1 for it in items if answers.get(it["questionID"]))
        return f"Question {index + 1} of {len(items)} · answered {answered}"

    out = [(json.dumps(answers, sort_keys=True), status())]
    for k in keys:
        if k == "n":
            index = min(index + 1, len(items) - 1)
        else:
            pos = "abcdef".index(k)
            item = items[index]
            order = item["choiceOrder"]
            if pos < len(order):
                original = order[pos]
                picked = set(answers.get(item["questionID"], []))
                if item["questionID"] not in kind:
                    raise SystemExit(f"exam_model: no `kind:` found for question {item['questionID']} in {pack}")
                if kind[item["questionID"]] == "single":
                    picked = {original}
                elif original in picked:
                    picked.remove(original)
                else:
                    picked.add(original)
                answers[item["questionID"]] = sorted(picked)
        out.append((json.dumps(answers, sort_keys=True), status()))
    return out


def main():
    cmd = sys.argv[1]
    if cmd == "snapshot":
        snap = snapshot(sys.argv[2])
        with open(sys.argv[3], "w") as fh:
            json.dump(snap, fh)
        if snap is None:
            print("no exam in progress")
            return 1
        answered = sum(1 for p in snap["answers"].values() if p)
        print(f"{snap['deadline']!r} {answered}")
        return 0
    if cmd == "expect":
        pack, before, keys = sys.argv[2], json.load(open(sys.argv[3])), sys.argv[4]
        print(states(pack, before, keys)[-1][1])
        return 0
    if cmd == "check":
        pack, before, db, keys, acked = sys.argv[2], json.load(open(sys.argv[3])), sys.argv[4], sys.argv[5], int(
            sys.argv[6])
        after = snapshot(db)
        if after is None:
            print("the attempt is no longer in progress after the kill")
            return 1
        if after["attempt"] != before["attempt"]:
            print(f"a different attempt is in progress: {after['attempt']} (was {before['attempt']})")
            return 1
        got = json.dumps(after["answers"], sort_keys=True)
        seq = states(pack, before, keys)
        matches = [k for k, (s, _) in enumerate(seq) if s == got]
        if any(k >= acked for k in matches):
            print(f"{max(matches)}/{len(keys)}")
            return 0
        print(f"keys {keys!r}, {acked} acknowledged on screen before the kill")
        print(f"stored after the kill: {got}")
        print(f"expected (after the acknowledged keys or more): {seq[acked][0]}")
        if matches:
            print(f"the store matches only prefixes {matches}: acknowledged answers were lost")
        return 1
    raise SystemExit(f"unknown command {cmd}")


if __name__ == "__main__":
    sys.exit(main())
