#!/usr/bin/env python3
"""Converts an exam pack's questions/*.yaml to one quizmd markdown quiz (needs PyYAML).

Usage: to_quizmd.py PACK_DIR OUT.md
"""
import os
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quizmd_format import write_quiz  # noqa: E402


def main():
    pack, out = sys.argv[1], sys.argv[2]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(os.path.join(pack, "exam.yaml"), encoding="utf-8") as f:
        title = yaml.load(f, Loader=loader)["title"]
    folder = os.path.join(pack, "questions")
    questions = []
    for name in sorted(os.listdir(folder)):
        if name.startswith(".") or not name.endswith((".yaml", ".yml")):
            continue
        with open(os.path.join(folder, name), encoding="utf-8-sig") as f:
            for q in yaml.load(f, Loader=loader) or []:
                questions.append({
                    "stem": q["stem"],
                    "choices": [(c["text"], bool(c.get("correct", False))) for c in q["choices"]],
                    "kind": q["kind"],
                    "explanation": q["explanation"],
                })
    write_quiz(out, title, questions)
    print(f"{len(questions)} questions -> {out}")


if __name__ == "__main__":
    main()
