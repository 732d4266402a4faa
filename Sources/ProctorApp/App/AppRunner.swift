import Foundation
import StudyCore
import TermUI

/// Runs an `AppModel` on a terminal: feeds it events and carries out its commands
/// against the progress store. The only place where the app touches the store.
public final class AppRunner {
    public private(set) var model: AppModel
    private let store: ProgressStore
    private let now: () -> Date

    public init(model: AppModel, store: ProgressStore, now: @escaping () -> Date = { Date() }) {
        self.model = model
        self.store = store
        self.now = now
    }

    /// Runs until the learner quits. `initial` commands run first (e.g. start an exam from the CLI).
    public func run(on terminal: Terminal, initial: [Command] = []) {
        model.context.size = terminal.size
        if execute(initial) == .quit { return }
        runLoop(
            terminal: terminal, tickInterval: { [self] in model.tickInterval }, now: now,
            handle: { [self] event in execute(model.handle(event, now: now())) },
            render: { [self] canvas in model.render(into: &canvas) })
    }

    /// Carries out commands in order; what they read goes back to the model, and the commands
    /// it answers with run too.
    @discardableResult
    public func execute(_ commands: [Command]) -> LoopAction {
        var queue = commands
        while !queue.isEmpty {
            let command = queue.removeFirst()
            if command == .quit { return .quit }
            let message: AppMessage?
            do {
                message = try perform(command)
            } catch {
                message = .storeFailed(command.failureBanner(error))
            }
            if let message { queue += model.receive(message, now: now()) }
        }
        return .continue
    }

    /// Reads or writes the store for one command; returns what was read.
    private func perform(_ command: Command) throws -> AppMessage? {
        switch command {
        case .quit:
            return nil
        case .record(let answer, let card):
            try store.record(answer, card: card)
        case .saveCard(let card, let questionID):
            try store.saveCard(card, packID: model.context.pack.id, questionID: questionID)
        case .saveExamAnswer(let answer):
            try store.saveExamAnswer(answer)
        case .submitExam(let s):
            try store.submitExam(
                attemptID: s.attemptID, submittedAt: s.submittedAt, scorePercent: s.scorePercent,
                passed: s.passed, answers: s.answers, cards: s.cards)
        case .startExam(let request):
            let open = try store.inProgressExam(packID: model.context.pack.id)
            let answers = try open.map { try store.examAnswers(attemptID: $0.id ?? 0) } ?? []
            return .inProgressExam(open, answers: answers, request: request)
        case .storeExam(let attempt):
            return .examStored(try store.startExam(attempt))
        case .resumeExam(let id):
            return .examToResume(try store.exam(id: id), answers: try store.examAnswers(attemptID: id))
        case .openExamResults(let id):
            return .examToReopen(try store.exam(id: id), answers: try store.examAnswers(attemptID: id))
        case .finishExam(let id):
            // Unreadable saved answers must not stop the submit: score what is on screen.
            return .savedAnswers((try? store.examAnswers(attemptID: id)) ?? [])
        }
        return nil
    }
}
