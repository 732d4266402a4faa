import Foundation
import StudyCore
import TermUI

/// The timed mock exam: no feedback until the end, free navigation, flags, overview.
public struct ExamScreen: AppScreen {
    var title: String { "Mock exam" }
    func status(now: Date) -> Chrome.Status? { .countdown(session, now: now) }
    var tickInterval: Double? { 1 }

    public var session: ExamSession
    /// The overview list (answered / flagged / blank) is showing.
    public var showingOverview = false
    var overviewList = ListState()

    public init(session: ExamSession) { self.session = session }

    /// From Home: resume an attempt in progress or start a new one.
    static func requestStart(context: AppContext) -> Outcome {
        Outcome(commands: [.startExam(context.examDefaults)])
    }

    enum Input: Sendable {
        case leave, submit, next, previous, first, last, overview, flag, highlight(Int), scroll(Int), toggle, pick
        case move, goTo, closeOverview
    }

    /// Answering: f flags, so choice F is picked with 6.
    static let questionKeys = KeyMap<Input>(
        [
            KeyBinding(
                KeyBinding<Input>.chars("abcde123456"), .pick, bar: ("a-e 1-6", "pick"),
                help: ("a-e  1-6", "pick a choice (f is flag here: use 6 for choice F)"))
        ] + QuestionPresentation.highlightBindings(up: .highlight(-1), down: .highlight(1), toggle: .toggle) + [
            KeyBinding(
                [.char("n"), .right, .tab], .next, bar: ("n/p", "next/prev"),
                help: ("n/→/Tab  p/←/Shift-Tab", "next / previous question")),
            KeyBinding([.char("p"), .left, .backTab], .previous),
            KeyBinding([.home, .char("g")], .first, help: ("g/G", "first / last question")),
            KeyBinding([.end, .char("G")], .last),
            KeyBinding([.char("f")], .flag, bar: ("f", "flag"), help: ("f", "flag the question for review")),
            KeyBinding(
                [.char("o")], .overview, bar: ("o", "overview"),
                help: ("o", "overview of every question: answered, flagged, blank")),
            KeyBinding(
                [.char("S")], .submit, bar: ("S", "submit"),
                help: ("S", "submit the exam (asks first, counting blanks and flags)")),
            KeyBinding([.pageDown], .scroll(10), help: ("PgUp/PgDn", "scroll a long question")),
            KeyBinding([.pageUp], .scroll(-10)),
            KeyBinding(
                [.escape, .char("q")], .leave, bar: ("q", "leave"),
                help: ("q  Esc", "leave; the attempt is kept and the clock keeps running")),
        ])

    /// The overview of every question.
    static let overviewKeys = KeyMap<Input>([
        KeyBinding(
            ListState.navigationKeys, .move, bar: ("↑↓", "move"), help: ("overview: ↑/↓", "move through the questions")),
        KeyBinding(
            [.enter], .goTo, bar: ("Enter", "go to"), help: ("overview: Enter", "go to the highlighted question")),
        KeyBinding(
            [.escape, .char("o"), .char("q")], .closeOverview, bar: ("o/Esc", "close"),
            help: ("overview: o  Esc", "close the overview")),
        KeyBinding([.char("S")], .submit, bar: ("S", "submit")),
    ])

    var keys: KeyMap<Input> { showingOverview ? Self.overviewKeys : Self.questionKeys }
    var hints: [(String, String)] { keys.barHints }
    var helpKeys: [(String, String)] { Self.allHelpKeys }
    static var allHelpKeys: [(String, String)] { questionKeys.merged(with: overviewKeys).helpHints }

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        if session.isExpired(at: context.now) { return finish }
        let now = context.now
        switch keys.action(for: key) {
        case .leave?:
            return Outcome(
                overlay: .confirm(
                    ConfirmDialog(
                        title: "Leave the exam?",
                        body: "Your answers are saved. The clock keeps running, as in the real exam: "
                            + "run `proctor exam` or press e on Home to resume before it runs out.",
                        yesLabel: "leave", noLabel: "stay", onYes: .leaveExam)))
        case .submit?:
            return Outcome(overlay: .confirm(submitDialog))
        case .next?: session.go(to: session.index + 1)
        case .previous?: session.go(to: session.index - 1)
        case .first?: session.go(to: 0)
        case .last?: session.go(to: session.count - 1)
        case .overview?:
            showingOverview = true
            overviewList = ListState(selected: session.index)
        case .flag?: return Outcome(commands: [.saveExamAnswer(session.toggleFlag(now: now))])
        case .highlight(let step)?: session.moveHighlight(by: step)
        case .scroll(let rows)?: session.scroll(by: rows)
        case .toggle?: return Outcome(commands: [.saveExamAnswer(session.toggleHighlighted(now: now))])
        case .pick?:
            if case .char(let c) = key, let position = QuestionPresentation.position(for: c),
                position < session.current.order.count
            {
                return Outcome(commands: [.saveExamAnswer(session.pick(position: position, now: now))])
            }
        case .move?: overviewList.handle(key, count: session.count, viewHeight: Self.overviewHeight(context))
        case .goTo?:
            session.go(to: overviewList.selected ?? session.index)
            showingOverview = false
        case .closeOverview?: showingOverview = false
        case nil: break
        }
        return .none
    }

    private var submitDialog: ConfirmDialog {
        var lines = ["\(session.answeredCount) of \(session.count) answered."]
        if session.blankCount > 0 { lines.append("\(session.blankCount) blank (scored as wrong).") }
        let wrongPicks = session.wrongPickCount
        if wrongPicks > 0 {
            lines.append(
                "\(wrongPicks) multiple-select \(wrongPicks == 1 ? "question has" : "questions have")"
                    + " too few or too many picks (scored as wrong).")
        }
        if session.flaggedCount > 0 { lines.append("\(session.flaggedCount) flagged for review.") }
        lines.append("You cannot change answers after submitting.")
        let body = lines.joined(separator: "\n")
        return ConfirmDialog(
            title: "Submit the exam?", body: body, yesLabel: "submit", noLabel: "keep going",
            onYes: .submitExam)
    }

    /// Auto-submits when the clock runs out.
    mutating func tick(context: inout AppContext) -> Outcome {
        session.isExpired(at: context.now) ? finish : .none
    }

    /// Asks the runner to gather saved answers and submit (see `AppModel.submitExam(merging:)`).
    var finish: Outcome { Outcome(commands: [.finishExam(attemptID: session.attemptID)]) }

    /// Scores the attempt and shows the results. A question left blank scores as wrong, as on the
    /// real exam, but only answered questions are recorded and rescheduled: a blank one may never
    /// have been read, so it is neither "seen" nor a memory lapse.
    mutating func submit(context: inout AppContext) -> Outcome {
        let pack = context.pack
        let finishedAt = min(context.now, session.deadline)
        let result = Self.score(session, finishedAt: finishedAt, pack: pack)
        let answers = session.answerRecords(result, packID: pack.id, at: finishedAt)
        var cards: [String: Card] = [:]
        for answer in answers {
            cards[answer.questionID] = context.remember(answer, rating: answer.correct ? .good : .again)
        }
        let submission = ExamSubmission(
            attemptID: session.attemptID, submittedAt: finishedAt, scorePercent: result.percent,
            passed: result.passed, answers: answers, cards: cards)
        let record = session.submittedRecord(result, packID: pack.id, at: finishedAt)
        context.progress.apply(exam: record)
        let results = ResultsScreen(result: result, session: session)
        return Outcome(navigation: .replace(.results(results)), commands: [.submitExam(submission)])
    }

    static func items(of session: ExamSession) -> [ExamItem] {
        session.questions.map { ExamItem(questionID: $0.question.id, choiceOrder: $0.order) }
    }

    /// The attempt's score against its own time limit (all-or-nothing for multiple select).
    static func score(_ session: ExamSession, finishedAt: Date, pack: ExamPack) -> ExamResult {
        ExamScorer.score(
            pack: pack, items: items(of: session), answers: session.picks, startedAt: session.startedAt,
            finishedAt: finishedAt, timeLimit: session.deadline.timeIntervalSince(session.startedAt))
    }

    mutating func syncLayout(context: AppContext) {
        overviewList.scrollToSelection(viewHeight: Self.overviewHeight(context), count: session.count)
    }

    /// Whole minutes, so the line changes once a minute rather than on every tick.
    static func paceText(_ pace: TimeInterval) -> String {
        let minutes = Int((abs(pace) / 60).rounded(.down))
        if minutes == 0 { return "on pace" }
        return (pace > 0 ? "ahead " : "behind ") + "\(minutes) min"
    }

    static func overviewHeight(_ context: AppContext) -> Int { max(1, context.bodyRect.height - 3) }

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let inner = area.inset(horizontal: 2, vertical: 0)
        let now = context.now
        let pace = session.pace(at: now)
        let paceText = Self.paceText(pace)
        let status =
            "Question \(session.index + 1) of \(session.count) · answered \(session.answeredCount)"
            + " · flagged \(session.flaggedCount) · \(paceText)"
        _ = canvas.write(
            status, x: inner.x, y: inner.y, style: pace >= 0 ? theme.dim : theme.warning,
            maxWidth: inner.width)
        if session.isCurrentFlagged {
            _ = canvas.write("⚑ flagged", x: inner.maxX - 9, y: inner.y, style: theme.warning)
        }
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
        if showingOverview {
            renderOverview(in: body, on: &canvas, theme: theme)
            return
        }
        QuestionView(presentation: session.current, theme: theme, examMode: true).render(in: body, on: &canvas)
    }

    private func renderOverview(in area: Rect, on canvas: inout Canvas, theme: Theme) {
        _ = canvas.write("Overview: Enter jumps to a question", x: area.x, y: area.y, style: theme.title)
        let items = session.questions.enumerated().map { i, q -> ListItem in
            let flag = session.flagged.contains(q.question.id) ? "⚑ flagged" : ""
            let state =
                q.hasWrongPickCount
                ? "\(q.lettersOf(q.picked)) · choose \(q.required)"
                : q.isAnswered ? "answered \(q.lettersOf(q.picked))" : "blank"
            let stem = q.question.stem.replacingOccurrences(of: "\n", with: " ")
            return ListItem(
                stem, lead: "\(Text.pad(String(i + 1), width: 3, alignment: .right))  \(Text.pad(state, width: 22))",
                detail: flag, style: q.isAnswered && !q.hasWrongPickCount ? nil : theme.warning)
        }
        var state = overviewList
        ListView(items: items, theme: theme, highlight: .lead).render(
            in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1)), on: &canvas,
            state: &state)
    }
}
