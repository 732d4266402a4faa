"""Writes questions in quizmd's markdown format (the peer in `make bench`).

The format, read from quizmd 2.4's parser: `# Title`, then per question a `## ...` heading,
the question text, an `Options:` line (so a stem line starting with "-" is not taken for a
choice), one `- choice` line per choice, then `Answer: 1,3` (1-based), `Type: single|multiple`,
`Time: N` (seconds, capped at 120 by quizmd) and `Explanation: ...`. Options and fields are
single lines, so all text is folded onto one line here.
"""


def one_line(text):
    return " ".join(str(text).split())


def write_quiz(path, title, questions, seconds=120):
    """questions: iterable of dicts with stem, choices [(text, correct)], kind, explanation."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(f"# {one_line(title)}\n\n")
        for n, q in enumerate(questions, 1):
            out.write(f"## Question {n}\n{one_line(q['stem'])}\n\nOptions:\n")
            answer = []
            for i, (text, correct) in enumerate(q["choices"], 1):
                out.write(f"- {one_line(text)}\n")
                if correct:
                    answer.append(str(i))
            out.write(f"\nAnswer: {','.join(answer)}\n")
            out.write(f"Type: {'multiple' if q['kind'] == 'multiple' else 'single'}\n")
            out.write(f"Time: {seconds}\n")
            out.write(f"Explanation: {one_line(q['explanation'])}\n\n")
