// TermUI: terminal widget layer. Knows nothing about exams.
//
// Layers, bottom up:
//   Text (sanitising + display width)  ->  Canvas of Cells  ->  Widgets rendered into Rects
//   Terminal backends (NcursesTerminal, TestTerminal) receive whole Canvas frames.
//   runLoop(...) ties a Terminal, a clock, an event handler and a render function together.
