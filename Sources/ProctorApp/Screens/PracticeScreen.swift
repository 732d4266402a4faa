import Foundation
import StudyCore
import TermUI

/// One question at a time, with the verdict and explanation after each answer.
public struct PracticeScreen: Equatable, Sendable {
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

    var hints: [(String, String)] {
        guard let current = session.current else { return [("Enter", "done"), ("q", "back")] }
        if !current.revealed {
            return [("a-f", "pick"), ("Space", "toggle"), ("Enter", "submit"), ("PgDn", "scroll"), ("q", "back")]
        }
        if current.isCorrect && session.updatesSchedule {
            return [("Enter", "next"), ("2", "hard"), ("3", "good"), ("4", "easy"), ("↑↓", "scroll"), ("q", "back")]
        }
        return [("Enter", "next"), ("↑↓", "scroll"), ("q", "back")]
    }

    static let helpKeys: [(String, String)] = [
        ("a-f  1-6", "pick a choice (toggles on multiple select)"),
        ("↑/↓  Space", "move between choices, toggle the highlighted one"),
        ("Enter", "submit (single choice: the highlighted one if none is picked)"),
        ("after submit: 2 3 4", "rate a right answer Hard, Good (default) or Easy"),
        ("Enter  n", "next question"),
        ("PgUp/PgDn", "scroll a long question"),
        ("Esc  q", "back; every answer is already saved"),
    ]

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        guard let current = session.current else {
            return key == .enter || key == .escape || key == .char("q") ? .pop : .none
        }
        switch key {
        case .escape, .char("q"): return .pop
        case .pageDown: session.scroll(by: 10)
        case .pageUp: session.scroll(by: -10)
        default: break
        }
        if !current.revealed {
            switch key {
            case .up, .char("k"): session.moveHighlight(by: -1)
            case .down, .char("j"): session.moveHighlight(by: 1)
            case .char(" "): session.toggleHighlighted()
            case .enter:
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
            case .char(let c):
                if let position = QuestionPresentation.position(for: c), position < current.order.count {
                    session.pick(position: position)
                }
            default: break
            }
            return .none
        }
        switch key {
        case .up, .char("k"): session.scroll(by: -1)
        case .down, .char("j"): session.scroll(by: 1)
        case .char("2"), .char("3"), .char("4"):
            guard session.updatesSchedule, case .char(let c) = key, let value = c.wholeNumberValue,
                let rating = Rating(rawValue: value), session.rate(rating),
                let answer = context.progress.latest[current.question.id]
            else { return .none }
            let before = cardBeforeAnswer ?? .new(at: answer.answeredAt)
            let card = context.scheduler.review(before, rating: rating, at: answer.answeredAt)
            context.progress.apply(card: card, questionID: current.question.id)
            return Outcome(commands: [.saveCard(card, questionID: current.question.id)])
        case .enter, .char("n"), .char(" "):
            session.next(pack: context.pack, now: context.now)
        default: break
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
