#!/usr/bin/env python3
"""Writes a tiny exam pack whose question text carries terminal-hostile characters.

  make_pack.py controls DIR   stems with ESC sequences and C0/C1 controls (the validator must reject them)
  make_pack.py harmless DIR   stems with bidi overrides, zero-width and other non-control oddities
                              (valid: the app must show them as plain text)
  make_pack.py plain DIR      the same pack with plain ASCII stems (the baseline)
  make_pack.py fields DIR     plain stems, but a control sequence in each other kind of text field
                              (title, consideration, choice text, why, explanation, refs, notes file)

Prints the number of questions that carry an injected string (one per line of INJECT).
"""

import os
import sys

EXAM = """id: inject
title: Injection test pack
vendor: Reliability
guide_version: "1"
exam:
  minutes: 10
  questions: 3
  passing_percent: 70
sections:
  - id: "1"
    title: Only section
    weight: 100
    subsections:
      - id: "1.1"
        title: Only subsection
        considerations:
          - { id: c1, text: "The only consideration" }
        notes: |
          Notes with nothing special.
"""

# Strings the validator must reject (control characters), as YAML double-quoted escapes.
CONTROLS = [
    r"\e[2J\e[H clear screen",                 # ESC [ 2 J
    r"\e]0;pwned\a title",                      # OSC 0 set title, BEL
    r"\e]2;pwned\e\\ title ST",                 # OSC 2 with ST
    r"\e[31m red \e[0m",                        # SGR
    r"\e[?1049l leave alt screen",              # alternate screen off
    r"\e[?25h cursor on",                       # cursor visible
    r"bell \a backspace \b vertical tab \v form feed \f",
    r"NUL \0 here",
    r"DEL \x7F here",
    r"C1 CSI \x9B2J here",                      # U+009B
    r"C1 OSC \x9D0;pwned\x9C here",             # U+009D ... U+009C
    r"NEL \N and line separator \L",            # U+0085, U+2028
]

# Characters that are not controls and may pass validation; they must render as text.
HARMLESS = [
    "RIGHT-TO-LEFT OVERRIDE \u202edesrever si siht\u202c end",
    "LEFT-TO-RIGHT OVERRIDE \u202dforced\u202c and isolates \u2066a\u2069 \u2067b\u2069 \u2068c\u2069",
    "zero\u200bwidth\u200cjoiners\u200dhere and word\u2060joiner",
    "marks \u200e LRM \u200f RLM \u061c ALM",
    "combining e\u0301 a\u0308 and Hangul \u1100\u1161 and wide \u4e2d\u6587 and emoji \U0001F600",
    "ZWNBSP in the middle \ufeff of text",
]


def yaml_dq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def question(i, stem_yaml):
    return f"""- id: q-{i:03d}
  subsection: "1.1"
  covers: [c1]
  kind: single
  difficulty: 1
  stem: {stem_yaml}
  choices:
    - {{ text: "Choice one MARKER-{i}", correct: true, why: "Right." }}
    - {{ text: "Choice two", why: "Wrong." }}
    - {{ text: "Choice three", why: "Wrong." }}
  explanation: "Plain explanation."
"""


def main():
    variant, out = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out, "questions"), exist_ok=True)
    with open(os.path.join(out, "exam.yaml"), "w", encoding="utf-8") as fh:
        fh.write(EXAM)
    qs = []
    if variant == "controls":
        # escapes spelled the YAML way inside double quotes: the parser turns them into controls
        for i, s in enumerate(CONTROLS, 1):
            qs.append(question(i, '"STEM-%d %s"' % (i, s)))
    elif variant == "harmless":
        for i, s in enumerate(HARMLESS, 1):
            qs.append(question(i, yaml_dq(f"STEM-{i} {s} STEM-END")))
    elif variant == "fields":
        for i, s in enumerate(HARMLESS, 1):
            q = question(i, yaml_dq(f"STEM-{i} plain text only STEM-END"))
            if i == 1:
                q = q.replace('"Choice two"', r'"Choice \e[31mtwo"', 1)
                q = q.replace('why: "Wrong." }', r'why: "W\x9Brong." }', 1)
                q = q.replace('"Plain explanation."', r'"Plain \e]2;pwned\a explanation."')
                q += '  refs: ["A ref \\e[2J here"]\n'
            qs.append(q)
        exam = EXAM.replace("title: Injection test pack", r'title: "Injection \e[2J pack"')
        exam = exam.replace('"The only consideration"', r'"The only \e[?1049l consideration"')
        exam = exam.replace("        notes: |\n          Notes with nothing special.\n", "")
        with open(os.path.join(out, "exam.yaml"), "w", encoding="utf-8") as fh:
            fh.write(exam)
        os.makedirs(os.path.join(out, "notes"), exist_ok=True)
        with open(os.path.join(out, "notes", "1.1.md"), "wb") as fh:
            fh.write(b"Notes \x1b]0;pwned\x07 here\n")
        with open(os.path.join(out, "questions", "q.yaml"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(qs))
        print(7)
        return
    elif variant == "plain":
        for i, s in enumerate(HARMLESS, 1):
            qs.append(question(i, yaml_dq(f"STEM-{i} plain text only STEM-END")))
    else:
        raise SystemExit(f"unknown variant {variant}")
    with open(os.path.join(out, "questions", "q.yaml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(qs))
    print(len(qs))


if __name__ == "__main__":
    main()
