#!/usr/bin/env python3
"""Generates a large, valid exam pack for `make bench`.

It reuses an existing pack's exam.yaml (outline, weights, consideration ids) and notes/, and
writes N synthetic questions spread evenly over the subsections, one file per subsection.
Every 5th question is multiple-select; texts cycle through a few sentences with the question
number in them, so ids and choices stay unique. Standard library only.

Usage: gen_pack.py [--source Content/pmle] [--out .build/bench-packs/big] [--count 10000]
                   [--quizmd OUT.md]   also write the same questions as a quizmd quiz
"""
import argparse
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quizmd_format import write_quiz  # noqa: E402

SENTENCES = [
    "A retail team keeps two years of sales history in BigQuery and wants a weekly demand forecast per store.",
    "A hospital group trains an image classifier on scans that must never leave its Google Cloud project.",
    "A bank serves a fraud model online and must answer within 50 milliseconds at peak load.",
    "A media company retrains a recommendation model every night from fresh interaction logs.",
    "A logistics firm sees prediction quality drop after a change in how upstream data is collected.",
    "An insurer needs every training run to be reproducible and every model version traceable to its data.",
]
ASKS = [
    "What should they do first?",
    "Which approach needs the least operational effort?",
    "Which option meets the requirement at the lowest cost?",
]
CHOICES = [
    "Use a managed service for step {n} and keep the data where it already lives",
    "Export the data to Cloud Storage and write custom training code for case {n}",
    "Add a scheduled pipeline that validates the inputs of run {n} before training",
    "Move the workload of case {n} to self-managed virtual machines with GPUs",
    "Log the predictions of case {n} and compare them with a baseline every day",
]


def read_outline(exam_yaml):
    """Returns [(subsection id, [consideration ids])] from exam.yaml by indentation."""
    levels = []  # indents seen for "- id:" items: section, subsection, consideration
    subsections = []
    item = re.compile(r'^(\s*)-\s+id:\s*"?([^"\s,}]+)"?')
    flow = re.compile(r'^(\s*)-\s*\{\s*id:\s*"?([^"\s,}]+)"?')
    with open(exam_yaml, encoding="utf-8-sig") as f:
        for line in f:
            m = flow.match(line) or item.match(line)
            if not m:
                continue
            indent, ident = len(m.group(1)), m.group(2)
            if indent not in levels:
                levels.append(indent)
                levels.sort()
            depth = levels.index(indent)
            if depth == 1:
                subsections.append((ident, []))
            elif depth == 2 and subsections:
                subsections[-1][1].append(ident)
    return [(s, c) for s, c in subsections if c]


def question(n, subsection, considerations):
    multiple = n % 5 == 0
    stem = f"{SENTENCES[n % len(SENTENCES)]} (Scenario {n}.) {ASKS[n % len(ASKS)]}"
    count = 4 if n % 3 else 5
    right = {0, 2} if multiple else {n % count}
    choices = [(CHOICES[(n + i) % len(CHOICES)].format(n=n), i in right) for i in range(count)]
    return {
        "id": f"gen-{n:06d}",
        "subsection": subsection,
        "covers": [considerations[n % len(considerations)]],
        "kind": "multiple" if multiple else "single",
        "difficulty": 1 + n % 3,
        "stem": stem,
        "choices": choices,
        "explanation": f"Synthetic explanation for scenario {n}: prefer managed services, keep data in place, "
        "and validate inputs before training.",
    }


def to_yaml(q):
    lines = [
        f"- id: {q['id']}",
        f'  subsection: "{q["subsection"]}"',
        f"  covers: [{', '.join(q['covers'])}]",
        f"  kind: {q['kind']}",
        f"  difficulty: {q['difficulty']}",
        "  stem: |",
        f"    {q['stem']}",
        "  choices:",
    ]
    for text, correct in q["choices"]:
        lines.append(f'    - text: "{text}"')
        if correct:
            lines.append("      correct: true")
        lines.append(f'      why: "Synthetic reason for: {text}."')
    lines += ["  explanation: |", f"    {q['explanation']}", ""]
    return "\n".join(lines)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", default=os.path.join(root, "Content", "pmle"))
    ap.add_argument("--out", default=os.path.join(root, ".build", "bench-packs", "big"))
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--quizmd")
    args = ap.parse_args()

    outline = read_outline(os.path.join(args.source, "exam.yaml"))
    if not outline:
        sys.exit(f"gen_pack: no subsections with considerations in {args.source}/exam.yaml")
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "questions"))
    shutil.copy(os.path.join(args.source, "exam.yaml"), os.path.join(args.out, "exam.yaml"))
    if os.path.isdir(os.path.join(args.source, "notes")):
        shutil.copytree(os.path.join(args.source, "notes"), os.path.join(args.out, "notes"))

    per_file = {sub: [] for sub, _ in outline}
    questions = []
    for n in range(1, args.count + 1):
        sub, considerations = outline[n % len(outline)]
        q = question(n, sub, considerations)
        per_file[sub].append(q)
        questions.append(q)
    for i, (sub, _) in enumerate(outline):
        path = os.path.join(args.out, "questions", f"{i + 1:02d}-{sub}-generated.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(to_yaml(q) for q in per_file[sub]))
    if args.quizmd:
        write_quiz(args.quizmd, "Generated pack", questions)
    print(f"gen_pack: {args.count} questions in {len(outline)} files -> {args.out}")


if __name__ == "__main__":
    main()
