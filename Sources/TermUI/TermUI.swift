// TermUI: terminal widget layer. Knows nothing about exams.
