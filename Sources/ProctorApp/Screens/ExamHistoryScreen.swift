import Foundation
import StudyCore
import TermUI

/// Every submitted mock exam, newest first; Enter opens its results again, with every
/// question and its explanation.
public struct ExamHistoryScreen: AppScreen {
    var title: String { "Exam history" }
    var hints: [(String, String)] { Self.keys.barHints }
    var helpKeys: [(String, String)] { Self.keys.helpHints }

    var list = ListState()

    public init() {}

    enum Input: Sendable { case move, open, back }

    static let keys = KeyMap<Input>([
        KeyBinding(
            ListState.navigationKeys, .move, bar: ("↑↓", "move"),
            help: ("↑/↓  PgUp/PgDn", "move through the exams, newest first")),
        KeyBinding(
            [.enter], .open, bar: ("Enter", "results"),
            help: ("Enter", "open the exam's results: sections, every question, explanations")),
        KeyBinding([.escape, .char("q")], .back, bar: ("q", "back"), help: ("Esc  q", "back")),
    ])

    static func attempts(_ context: AppContext) -> [ExamAttemptRecord] { context.progress.exams.reversed() }

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        let attempts = Self.attempts(context)
        switch Self.keys.action(for: key) {
        case .move?:
            list.handle(key, count: attempts.count, viewHeight: Self.listHeight(context))
            return .none
        case .back?: return .pop
        case .open?:
            guard let i = list.selected, attempts.indices.contains(i), let id = attempts[i].id else { return .none }
            return Outcome(commands: [.openExamResults(attemptID: id)])
        case nil: return .none
        }
    }

    mutating func syncLayout(context: AppContext) {
        list.scrollToSelection(viewHeight: Self.listHeight(context), count: Self.attempts(context).count)
    }

    /// Rows left for the list under the summary line.
    static func listHeight(_ context: AppContext) -> Int { max(1, context.bodyRect.height - 4) }

    /// "72%  pass        50 q  1:52:10 of 2:00:00"
    static func row(_ attempt: ExamAttemptRecord, passMark: Int) -> (lead: String, detail: String) {
        let score = attempt.scorePercent.map { Figures.percent($0 / 100) } ?? "–"
        let verdict = (attempt.passed ?? false) ? "pass" : "below \(passMark)%"
        let used = max(0, (attempt.submittedAt ?? attempt.deadline).timeIntervalSince(attempt.startedAt))
        let limit = attempt.deadline.timeIntervalSince(attempt.startedAt)
        let time = "\(Countdown.format(seconds: min(used, limit))) of \(Countdown.format(seconds: limit))"
        let lead = "\(Figures.minute(attempt.startedAt))  \(Text.pad(score, width: 4, alignment: .right))"
        return (lead, "\(Text.pad(verdict, width: 10))  \(attempt.items.count) q  \(time)")
    }

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let inner = area.inset(horizontal: 2, vertical: 1)
        let attempts = Self.attempts(context)
        let passMark = Int(context.pack.exam.passingPercent)
        guard !attempts.isEmpty else {
            _ = canvas.write(
                "No mock exams yet. Press q, then e on Home to sit one.", x: inner.x, y: inner.y,
                style: theme.dim, maxWidth: inner.width)
            return
        }
        let scores = attempts.compactMap(\.scorePercent)
        let best = scores.max().map { Figures.percent($0 / 100) } ?? "–"
        let summary =
            "\(attempts.count) mock exam\(attempts.count == 1 ? "" : "s") · best \(best) · "
            + Figures.passMark(context.pack.exam)
        _ = canvas.write(summary, x: inner.x, y: inner.y, style: theme.dim, maxWidth: inner.width)
        let items = attempts.map { attempt in
            let (lead, detail) = Self.row(attempt, passMark: passMark)
            return ListItem(detail, lead: lead, style: (attempt.passed ?? false) ? theme.success : nil)
        }
        var state = list
        ListView(items: items, theme: theme, highlight: .lead).render(
            in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2)), on: &canvas,
            state: &state)
    }
}
