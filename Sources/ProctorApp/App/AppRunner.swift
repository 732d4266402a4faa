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

    /// Carries out commands in order; commands they produce run too.
    @discardableResult
    public func execute(_ commands: [Command]) -> LoopAction {
        var queue = commands
        while !queue.isEmpty {
            let command = queue.removeFirst()
            do {
                switch command {
                case .quit:
                    return .quit
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
                case .finishExam(let id):
                    // Unreadable saved answers must not stop the submit: score what is on screen.
                    let stored = (try? store.examAnswers(attemptID: id)) ?? []
                    queue += model.submitExam(merging: stored)
                case .resumeExam(let id):
                    guard let attempt = try store.exam(id: id), attempt.status == .inProgress else { continue }
                    queue += model.open(exam: attempt, answers: try store.examAnswers(attemptID: id))
                case .openExamResults(let id):
                    guard let attempt = try store.exam(id: id), attempt.status == .submitted else { continue }
                    model.openResults(of: attempt, answers: try store.examAnswers(attemptID: id))
                case .startExam(let request):
                    queue += try startExam(request)
                }
            } catch {
                model.banner = command.failureBanner(error)
            }
        }
        return .continue
    }

    private func startExam(_ request: ExamRequest) throws -> [Command] {
        let pack = model.context.pack
        let time = now()
        model.context.now = time
        if let open = try store.inProgressExam(packID: pack.id) {
            if !request.replacesInProgress {
                let remaining = Countdown.format(seconds: max(0, open.deadline.timeIntervalSince(time)))
                model.show(
                    .confirm(
                        ConfirmDialog(
                            title: "Exam in progress",
                            body: "You have a mock exam in progress with \(remaining) left on its clock.\n"
                                + "Resume it, or submit it as it stands and start a new one?",
                            yesLabel: "resume", noLabel: "new exam", onYes: .resumeExam(open.id ?? 0),
                            onNo: .startNewExam(request))))
                return []
            }
            let closing = model.close(abandoned: open, answers: try store.examAnswers(attemptID: open.id ?? 0))
            if execute(closing) == .quit { return [.quit] }
        }
        let seed = request.seed ?? Figures.seed(at: time)
        let items = ExamAssembler.assemble(
            pack: pack, count: request.count, seed: seed, lastSeen: model.context.progress.lastSeen, now: time)
        guard !items.isEmpty else {
            model.show(.message(title: "No questions", body: "This exam pack has no questions to build an exam from."))
            return []
        }
        let attempt = try store.startExam(
            ExamAttemptRecord(
                packID: pack.id, seed: seed,
                items: items.map { StoredExamItem(questionID: $0.questionID, choiceOrder: $0.choiceOrder) },
                startedAt: time, deadline: time.addingTimeInterval(TimeInterval(request.minutes) * 60)))
        return model.open(exam: attempt, answers: [])
    }
}
