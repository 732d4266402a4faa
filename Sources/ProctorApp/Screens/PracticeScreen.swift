import Foundation
import StudyCore
import TermUI

/// One question at a time, with the verdict and explanation after each answer.
public struct PracticeScreen: AppScreen {
    var title: String { session.title }
    var helpName: String { "Practice" }
    func status(now: Date) -> Chrome.Status? { .text(progressText) }

    public var session: PracticeSession
    /// The current question's card before this answer, so a new rating can be re-applied to it.
    var cardBeforeAnswer: Card?

    public init(session: PracticeSession) { self.session = session }

    /// Starts a run over `scope`, or explains why there is nothing to practise.
    static func start(scope: PracticeScope, count: Int, mode: StudyMode, context: AppContext) -> Outcome {
        let seed = Figures.seed(at: context.now)
        let ids = PracticeSelector.select(
            scope: scope, pack: context.pack, progress: context.progress, count: count, seed: seed)
        return start(title: scope.title(in: context.pack), ids: ids, mode: mode, context: context, seed: seed)
    }

    static func start(title: String, ids: [String], mode: StudyMode, context: AppContext, seed: UInt64) -> Outcome {
        guard !ids.isEmpty else {
            return Outcome(overlay: .message(title: "Nothing to practise", body: "No questions match this choice yet."))
        }
        let session = PracticeSession(
            title: title, mode: mode, questionIDs: ids, pack: context.pack, now: context.now, seed: seed)
        return .push(.practice(PracticeScreen(session: session)))
    }

    var progressText: String {
        var text = "\(session.position)/\(session.questionIDs.count)"
        if let accuracy = session.accuracy { text += " · \(Figures.percent(accuracy)) right" }
        if session.mode == .cram { text += " · cram" }
        return text
    }

    enum Input: Sendable { case back, scroll(Int), pick, highlight(Int), toggle, submit, rate, next, done }

    /// The run is over.
    static let doneKeys = KeyMap<Input>([
        KeyBinding([.enter], .done, bar: ("Enter", "done")),
        KeyBinding([.escape, .char("q")], .back, bar: ("q", "back")),
    ])

    /// Before the answer: picks, the highlight, submit.
    static let answerKeys = KeyMap<Input>(
        [
            KeyBinding(
                KeyBinding<Input>.chars("abcdef123456"), .pick, bar: ("a-f", "pick"),
                help: ("a-f  1-6", "pick a choice (toggles on multiple select)"))
        ]
            + QuestionPresentation.highlightBindings(
                up: .highlight(-1), down: .highlight(1), toggle: .toggle, toggleBar: ("Space", "toggle")) + [
                KeyBinding(
                    [.enter], .submit, bar: ("Enter", "submit"),
                    help: ("Enter", "submit (single choice: the highlighted one if none is picked)")),
                KeyBinding(
                    [.pageDown], .scroll(10), bar: ("PgDn", "scroll"), help: ("PgUp/PgDn", "scroll a long question")),
                KeyBinding([.pageUp], .scroll(-10)),
                KeyBinding(
                    [.escape, .char("q")], .back, bar: ("q", "back"),
                    help: ("Esc  q", "back; every answer is already saved")),
            ])

    /// After the answer; `rating` adds 2/3/4 when a right answer may be rated.
    static func revealedKeys(rating: Bool) -> KeyMap<Input> {
        KeyMap(
            [
                KeyBinding(
                    [.enter, .char("n"), .char(" ")], .next, bar: ("Enter", "next"), help: ("Enter  n", "next question")
                )
            ]
                + (rating
                    ? [
                        KeyBinding(
                            KeyBinding<Input>.chars("234"), .rate, bar: ("2/3/4", "hard/good/easy"),
                            help: ("after submit: 2 3 4", "rate a right answer Hard, Good (default) or Easy"))
                    ] : [])
                + [
                    KeyBinding(
                        [.down, .char("j")], .scroll(1), bar: ("↑↓", "scroll"),
                        help: ("after submit: ↑/↓", "scroll the verdicts and the explanation")),
                    KeyBinding([.up, .char("k")], .scroll(-1)),
                    KeyBinding([.pageDown], .scroll(10)),
                    KeyBinding([.pageUp], .scroll(-10)),
                    KeyBinding([.escape, .char("q")], .back, bar: ("q", "back")),
                ])
    }

    var keys: KeyMap<Input> {
        guard let current = session.current else { return Self.doneKeys }
        if !current.revealed { return Self.answerKeys }
        return Self.revealedKeys(rating: current.isCorrect && session.updatesSchedule)
    }

    var hints: [(String, String)] { keys.barHints }
    var helpKeys: [(String, String)] { Self.allHelpKeys }
    static var allHelpKeys: [(String, String)] { answerKeys.merged(with: revealedKeys(rating: true)).helpHints }

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        let input = keys.action(for: key)
        guard let current = session.current else { return input == nil ? .none : .pop }
        switch input {
        case .back?, .done?: return .pop
        case .scroll(let rows)?: session.scroll(by: rows)
        case .highlight(let step)?: session.moveHighlight(by: step)
        case .toggle?: session.toggleHighlighted()
        case .pick?:
            if case .char(let c) = key, let position = QuestionPresentation.position(for: c),
                position < current.order.count
            {
                session.pick(position: position)
            }
        case .submit?:
            // With one answer to give and none picked yet, Enter answers with the highlighted choice.
            if current.required == 1 && current.picked.isEmpty { session.toggleHighlighted() }
            guard let answer = session.submit(now: context.now, packID: context.pack.id) else {
                return current.required > 1
                    ? Outcome(
                        overlay: .message(
                            title: "Choose \(current.required)",
                            body:
                                "Pick exactly \(current.required) choices before submitting (\(current.picked.count) picked)."
                        ))
                    : .none
            }
            let rating: Rating? = session.updatesSchedule ? session.rating : nil
            cardBeforeAnswer = context.progress.cards[answer.questionID] ?? .new(at: answer.answeredAt)
            return Outcome(commands: [context.record(answer, rating: rating)])
        case .rate?:
            guard case .char(let c) = key, let value = c.wholeNumberValue,
                let rating = Rating(rawValue: value), session.rate(rating),
                let answer = context.progress.latest[current.question.id]
            else { return .none }
            let before = cardBeforeAnswer ?? .new(at: answer.answeredAt)
            let card = context.scheduler.review(before, rating: rating, at: answer.answeredAt)
            context.progress.apply(card: card, questionID: current.question.id)
            return Outcome(commands: [.saveCard(card, questionID: current.question.id)])
        case .next?:
            session.next(pack: context.pack, now: context.now)
        case nil: break
        }
        return .none
    }

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let inner = area.inset(horizontal: 2, vertical: 1)
        guard let current = session.current else {
            let accuracy = Figures.percent(session.correct, of: session.answered)
            let text =
                "Run complete.\n\n\(session.answered) answered, \(session.correct) right (\(accuracy)).\n\n"
                + "Missed questions come back in Review. Press Enter to go back."
            Paragraph(text, style: theme.normal).render(in: inner, on: &canvas)
            return
        }
        let subsection = context.pack.subsection(id: current.question.subsectionID)
        let heading = "\(current.question.subsectionID) \(subsection?.title ?? "") · \(current.question.id)"
        QuestionView(presentation: current, theme: theme, heading: heading).render(in: inner, on: &canvas)
        if current.revealed && current.isCorrect && session.updatesSchedule {
            let note = "rated \(session.rating.label) · 2 Hard  3 Good  4 Easy"
            _ = canvas.write(note, x: area.maxX - Text.width(note) - 2, y: area.y, style: theme.dim)
        }
    }
}
