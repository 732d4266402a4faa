// StudyCore: content, scoring, scheduling, progress. Never imports TermUI.
