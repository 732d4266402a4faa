import Foundation
import StudyCore
import TermUI

/// Score, per-section bars, and every question with the learner's answer; Enter
/// opens a question with its full explanation.
public struct ResultsScreen: AppScreen {
    var title: String { "Results" }

    public let result: ExamResult
    let questions: [QuestionPresentation]
    var list = ListState()
    /// The question opened with Enter, shown revealed.
    var detail: QuestionPresentation?
    /// Opened from the exam history: q goes back to the list rather than Home.
    let fromHistory: Bool

    init(result: ExamResult, session: ExamSession, fromHistory: Bool = false) {
        self.result = result
        self.fromHistory = fromHistory
        questions = session.questions.map {
            var p = $0
            p.revealed = true
            p.scroll = 0
            return p
        }
    }

    enum Input: Sendable { case move, open, reviewMissed, back, scroll(Int), next, previous, close }

    /// The list of questions.
    var listKeys: KeyMap<Input> {
        KeyMap([
            KeyBinding(
                ListState.navigationKeys, .move, bar: ("↑↓", "move"),
                help: ("↑/↓  PgUp/PgDn", "move through the questions")),
            KeyBinding(
                [.enter], .open, bar: ("Enter", "explanation"),
                help: ("Enter", "open the question with every choice explained")),
            KeyBinding(
                [.char("r")], .reviewMissed, bar: ("r", "review missed"), help: ("r", "review the questions you missed")
            ),
            KeyBinding(
                [.escape, .char("q")], .back, bar: ("q", fromHistory ? "back" : "home"),
                help: ("Esc  q", fromHistory ? "back to the exam history" : "back to Home")),
        ])
    }

    /// One question, opened with its explanation.
    static let detailKeys = KeyMap<Input>([
        KeyBinding(
            [.down, .char("j")], .scroll(1), bar: ("↑↓", "scroll"),
            help: ("↑/↓  PgUp/PgDn  Space", "scroll the open question")),
        KeyBinding([.up, .char("k")], .scroll(-1)),
        KeyBinding([.pageDown, .char(" ")], .scroll(10)),
        KeyBinding([.pageUp], .scroll(-10)),
        KeyBinding(
            [.char("n"), .right], .next, bar: ("n/p", "next/prev"),
            help: ("n/p  →/←", "next / previous question while one is open")),
        KeyBinding([.char("p"), .left], .previous),
        KeyBinding(
            [.escape, .char("q")], .close, bar: ("q", "list"), help: ("Esc  q", "close the question, back to the list")),
    ])

    var keys: KeyMap<Input> { detail == nil ? listKeys : Self.detailKeys }
    var hints: [(String, String)] { keys.barHints }
    var helpKeys: [(String, String)] { listKeys.merged(with: Self.detailKeys).helpHints }

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        switch keys.action(for: key) {
        case .scroll(let rows)?:
            guard var open = detail else { break }
            open.scroll = max(0, open.scroll + rows)
            detail = open
        case .next?: openQuestion((list.selected ?? 0) + 1)
        case .previous?: openQuestion((list.selected ?? 0) - 1)
        case .close?: detail = nil
        case .move?: list.handle(key, count: questions.count, viewHeight: listHeight(context))
        case .back?: return Outcome(navigation: fromHistory ? .pop : .popToRoot)
        case .open?: openQuestion(list.selected ?? 0)
        case .reviewMissed?:
            let missed = result.outcomes.filter { !$0.isCorrect }.map(\.questionID)
            let seed = Figures.seed(at: context.now)
            return PracticeScreen.start(
                title: "Review: missed in this exam", ids: missed, mode: .review, context: context, seed: seed)
        case nil: break
        }
        return .none
    }

    private mutating func openQuestion(_ index: Int) {
        guard questions.indices.contains(index) else { return }
        list.selected = index
        detail = questions[index]
    }

    mutating func syncLayout(context: AppContext) {
        list.scrollToSelection(viewHeight: listHeight(context), count: questions.count)
    }

    /// Rows above the question list: score, time, a gap, one per section, a gap, and the
    /// subsections to study next with their gap when any question was missed.
    private func listHeight(_ context: AppContext) -> Int {
        max(1, context.bodyRect.height - 5 - result.sections.count - (showsStudyNext(context) ? 2 : 0))
    }

    /// The study-next line only when the question list keeps at least three rows beside it.
    private func showsStudyNext(_ context: AppContext) -> Bool {
        !weakest.isEmpty && context.bodyRect.height - 5 - result.sections.count - 2 >= 3
    }

    /// Up to three subsections with a miss, lowest share right first (more misses first on a tie).
    var weakest: [SubsectionScore] {
        let missed = result.subsections.filter { $0.correct < $0.total }
        return Array(
            missed.sorted {
                ($0.percent ?? 0, $1.total - $1.correct, $0.subsectionID)
                    < ($1.percent ?? 0, $0.total - $0.correct, $1.subsectionID)
            }.prefix(3))
    }

    /// "Study next: 4.2 Scaling online model se… 0/3 · 5.1 Developing end-to-end… 1/4": titles
    /// shortened so that every item gets a share of the width.
    static func studyNextLine(_ subsections: [SubsectionScore], width: Int) -> String {
        let label = "Study next:"
        guard !subsections.isEmpty else { return label }
        let share = (width - Text.width(label)) / subsections.count
        let items = subsections.map { sub in
            let tail = " \(sub.correct)/\(sub.total)"
            let room = max(4, share - 3 - Text.width(sub.subsectionID) - 1 - Text.width(tail))
            return "\(sub.subsectionID) \(Text.truncate(sub.title, width: room))\(tail)"
        }
        return Text.truncate(label + " " + items.joined(separator: " · "), width: width)
    }

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let inner = area.inset(horizontal: 2, vertical: 0)
        if let detail {
            let index = (list.selected ?? 0) + 1
            QuestionView(
                presentation: detail, theme: theme, examMode: true,
                heading: "Question \(index) of \(questions.count) · \(detail.question.id)"
            )
            .render(in: inner.inset(top: 1), on: &canvas)
            return
        }
        var y = inner.y + 1
        let verdict = result.passed ? "PASS" : "BELOW PASS"
        let estimate =
            result.passingIsEstimate
            ? " (estimated mark \(Int(result.passingPercent))%: Google does not publish one)"
            : " (mark \(Int(result.passingPercent))%)"
        _ = canvas.write(
            "Score \(Int(result.percent.rounded()))%  \(result.correct)/\(result.total)  ",
            x: inner.x, y: y, style: theme.title)
        let scoreWidth = Text.width("Score \(Int(result.percent.rounded()))%  \(result.correct)/\(result.total)  ")
        _ = canvas.write(verdict, x: inner.x + scoreWidth, y: y, style: result.passed ? theme.success : theme.alert)
        _ = canvas.write(
            estimate, x: inner.x + scoreWidth + Text.width(verdict), y: y, style: theme.dim,
            maxWidth: max(0, inner.maxX - inner.x - scoreWidth - Text.width(verdict)))
        y += 1
        let used = Countdown.format(seconds: result.timeUsed)
        var timeLine = "Time used \(used) of \(Countdown.format(seconds: result.timeLimit))"
        if result.unanswered > 0 { timeLine += " · \(result.unanswered) left blank" }
        _ = canvas.write(timeLine, x: inner.x, y: y, style: theme.dim, maxWidth: inner.width)
        y += 2
        for section in result.sections {
            let weight = context.pack.section(id: section.sectionID)?.weight ?? 0
            let label = Text.pad(
                Text.truncate("\(section.sectionID) \(section.title)", width: max(10, inner.width - 44)),
                width: max(10, inner.width - 44))
            _ = canvas.write(label, x: inner.x, y: y, style: theme.normal)
            let x = inner.x + max(10, inner.width - 44)
            _ = canvas.write(
                Text.pad("\(section.correct)/\(section.total)", width: 7, alignment: .right), x: x, y: y,
                style: section.total > 0 ? theme.normal : theme.dim)
            if section.total > 0 {
                Gauge(ratio: Double(section.correct) / Double(section.total), theme: theme)
                    .render(in: Rect(x: x + 9, y: y, width: 24, height: 1), on: &canvas)
            } else {
                _ = canvas.write("not in this exam", x: x + 9, y: y, style: theme.dim)
            }
            _ = canvas.write("w \(weight)%", x: x + 35, y: y, style: theme.dim, maxWidth: 8)
            y += 1
        }
        y += 1
        if showsStudyNext(context) {
            _ = canvas.write(
                Self.studyNextLine(weakest, width: inner.width), x: inner.x, y: y, style: theme.accent,
                maxWidth: inner.width)
            y += 2
        }
        let items = zip(result.outcomes, questions).enumerated().map { i, pair -> ListItem in
            let (outcome, q) = pair
            let mark = outcome.isCorrect ? "✓" : (outcome.isUnanswered ? "–" : "✗")
            let yours = outcome.isUnanswered ? "blank" : q.lettersOf(outcome.picked)
            let right = q.lettersOf(outcome.correctChoices)
            let stem = q.question.stem.replacingOccurrences(of: "\n", with: " ")
            return ListItem(
                stem,
                lead:
                    "\(mark) \(Text.pad(String(i + 1), width: 2, alignment: .right))  you \(Text.pad(yours, width: 7)) right \(Text.pad(right, width: 7))",
                style: outcome.isCorrect ? nil : theme.warning)
        }
        var state = list
        ListView(items: items, theme: theme, highlight: .lead).render(
            in: Rect(x: inner.x, y: y, width: inner.width, height: max(0, inner.maxY - y)), on: &canvas, state: &state)
    }
}
