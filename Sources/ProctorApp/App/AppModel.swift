import Foundation
import StudyCore
import TermUI

/// Everything a screen may read while handling a key or drawing.
public struct AppContext: Sendable {
    public let pack: ExamPack
    public var progress: ProgressSnapshot
    public let scheduler: FSRSScheduler
    public var theme: Theme
    public var size: Size
    public var now: Date
    public var examDefaults: ExamRequest
    /// Home and Stats figures, recomputed only when progress changes or a minute passes.
    public private(set) var summary: StudySummary
    private var summaryStamp: (revision: Int, at: Date)

    public init(
        pack: ExamPack, progress: ProgressSnapshot, scheduler: FSRSScheduler = FSRSScheduler(),
        theme: Theme = .color, size: Size, now: Date, examDefaults: ExamRequest? = nil
    ) {
        self.pack = pack
        self.progress = progress
        self.scheduler = scheduler
        self.theme = theme
        self.size = size
        self.now = now
        self.examDefaults =
            examDefaults ?? ExamRequest(count: pack.exam.questionCount, minutes: pack.exam.minutes)
        summary = StudySummary(pack: pack, progress: progress, now: now, scheduler: scheduler)
        summaryStamp = (progress.revision, now)
    }

    mutating func refreshSummary() {
        guard
            progress.revision != summaryStamp.revision || now.timeIntervalSince(summaryStamp.at) >= 60
                || now < summaryStamp.at
        else { return }
        summary = StudySummary(pack: pack, progress: progress, now: now, scheduler: scheduler)
        summaryStamp = (progress.revision, now)
    }

    /// The content area between the header and the status bar.
    public var bodyRect: Rect { Rect(x: 0, y: 1, width: size.width, height: max(0, size.height - 2)) }

    /// Records an answer in memory and returns the command that stores it.
    mutating func record(_ answer: AnswerRecord, rating: Rating?) -> Command {
        .record(answer, card: remember(answer, rating: rating))
    }

    /// Adds an answer to the in-memory progress, rescheduling its question when rated
    /// (nil: cramming, the schedule stays); returns the question's new card.
    mutating func remember(_ answer: AnswerRecord, rating: Rating?) -> Card? {
        let card = rating.map { rating in
            scheduler.review(
                progress.cards[answer.questionID] ?? .new(at: answer.answeredAt), rating: rating, at: answer.answeredAt)
        }
        progress.apply(answer, card: card)
        return card
    }
}

/// What a screen asks the app to do after a key.
public struct Outcome: Equatable, Sendable {
    public enum Navigation: Equatable, Sendable {
        case push(Screen), pop, replace(Screen), popToRoot
    }
    public var navigation: Navigation?
    public var overlay: Overlay?
    public var commands: [Command] = []
    /// A dialog answer for the app to carry out.
    public var confirmed: ConfirmAction?

    public init(
        navigation: Navigation? = nil, overlay: Overlay? = nil, commands: [Command] = [],
        confirmed: ConfirmAction? = nil
    ) {
        self.navigation = navigation
        self.overlay = overlay
        self.commands = commands
        self.confirmed = confirmed
    }

    public static let none = Outcome()
    public static func push(_ s: Screen) -> Outcome { Outcome(navigation: .push(s)) }
    public static let pop = Outcome(navigation: .pop)
}

/// The whole app as a value: a stack of screens, an optional overlay on top,
/// and the context they share. `handle` is the update function, `render` the view.
public struct AppModel: Sendable {
    public static let minimumSize = Size(width: 60, height: 15)

    public var context: AppContext
    public private(set) var stack: [Screen]
    public private(set) var overlay: Overlay?
    /// A store failure to show until the next key; the answer stays in memory.
    public var banner: String?

    public init(context: AppContext, start: Screen? = nil, overlay: Overlay? = nil) {
        self.context = context
        stack = [.home(HomeScreen())]
        if let start, start != stack[0] { stack.append(start) }
        self.overlay = overlay
        syncLayout()
    }

    /// Opens the screen (or message) an outcome asks for, as the command line does at start.
    public init(context: AppContext, opening outcome: Outcome) {
        var start: Screen?
        if case .push(let screen)? = outcome.navigation { start = screen }
        self.init(context: context, start: start, overlay: outcome.overlay)
    }

    public var top: Screen { stack[stack.count - 1] }
    public var isTooSmall: Bool {
        context.size.width < Self.minimumSize.width || context.size.height < Self.minimumSize.height
    }

    /// Seconds between ticks the current screen needs (nil: no ticks).
    public var tickInterval: Double? { top.model.tickInterval }

    // MARK: - Update

    public mutating func handle(_ event: Event, now: Date) -> [Command] {
        context.now = now
        var commands: [Command] = []
        switch event {
        case .resize(let width, let height):
            context.size = Size(width: width, height: height)
        case .tick:
            commands += dispatchTick()
        case .key(let key):
            banner = nil
            commands += handleKey(key)
        }
        context.refreshSummary()
        syncLayout()
        return commands
    }

    private mutating func handleKey(_ key: Key) -> [Command] {
        if key == .ctrl("c") { return [.quit] }
        if let current = overlay {
            let (next, outcome) = current.handle(key)
            overlay = next
            return apply(outcome)
        }
        if isTooSmall {
            return key == .char("q") || key == .ctrl("q") ? [.quit] : []
        }
        if key == .char("?") || key == .function(1) {
            overlay = .help(HelpOverlay(screen: top))
            return []
        }
        let outcome = dispatchKey(key)
        return apply(outcome)
    }

    private mutating func dispatchKey(_ key: Key) -> Outcome {
        var shared = context
        let outcome = stack[stack.count - 1].update { $0.handle(key, context: &shared) }
        context = shared
        return outcome
    }

    private mutating func dispatchTick() -> [Command] {
        var shared = context
        let outcome = stack[stack.count - 1].update { $0.tick(context: &shared) }
        context = shared
        return apply(outcome)
    }

    /// Applies navigation and overlay changes; returns the commands for the runner.
    private mutating func apply(_ outcome: Outcome) -> [Command] {
        var commands = outcome.commands
        if let overlay = outcome.overlay { self.overlay = overlay }
        if let confirmed = outcome.confirmed { commands += perform(confirmed) }
        switch outcome.navigation {
        case .push(let screen)?: stack.append(screen)
        case .replace(let screen)?: stack[stack.count - 1] = screen
        case .popToRoot?: stack = [stack[0]]
        case .pop?:
            if stack.count > 1 { stack.removeLast() } else { commands.append(.quit) }
        case nil: break
        }
        return commands
    }

    /// Carries out a confirmed dialog action against the current screen.
    private mutating func perform(_ action: ConfirmAction) -> [Command] {
        switch action {
        case .quitApp:
            return [.quit]
        case .submitExam:
            guard let s = top.as(ExamScreen.self) else { return [] }
            return apply(s.finish)
        case .leaveExam:
            guard top.as(ExamScreen.self) != nil else { return [] }
            return apply(.pop)
        case .startNewExam(var request):
            request.replacesInProgress = true
            return [.startExam(request)]
        case .resumeExam(let id):
            return [.resumeExam(attemptID: id)]
        }
    }

    // MARK: - Messages from the runner

    /// Takes in what the runner read for a command and decides what to show; returns the
    /// commands that follow (store a new attempt, submit an abandoned one). The steps that change
    /// the screen or the progress (open, openResults, submitExam, close) refresh them themselves.
    public mutating func receive(_ message: AppMessage, now: Date) -> [Command] {
        context.now = now
        switch message {
        case .inProgressExam(let open?, let answers, let request):
            if !request.replacesInProgress {
                let remaining = Countdown.format(seconds: max(0, open.deadline.timeIntervalSince(now)))
                overlay = .confirm(
                    ConfirmDialog(
                        title: "Exam in progress",
                        body: "You have a mock exam in progress with \(remaining) left on its clock.\n"
                            + "Resume it, or submit it as it stands and start a new one?",
                        yesLabel: "resume", noLabel: "new exam", onYes: .resumeExam(open.id ?? 0),
                        onNo: .startNewExam(request)))
                return []
            }
            return close(abandoned: open, answers: answers) + assembleExam(request)
        case .inProgressExam(nil, _, let request):
            return assembleExam(request)
        case .examStored(let attempt):
            return open(exam: attempt, answers: [])
        case .examToResume(let attempt?, let answers) where attempt.status == .inProgress:
            return open(exam: attempt, answers: answers)
        case .examToReopen(let attempt?, let answers) where attempt.status == .submitted:
            openResults(of: attempt, answers: answers)
            return []
        case .examToResume, .examToReopen:
            return []
        case .savedAnswers(let stored):
            return submitExam(merging: stored)
        case .storeFailed(let text):
            banner = text
            return []
        }
    }

    /// A new attempt drawn from the pack (never-seen questions first), or a message when the
    /// pack has none; the runner stores it and answers `.examStored`.
    private mutating func assembleExam(_ request: ExamRequest) -> [Command] {
        let seed = request.seed ?? Figures.seed(at: context.now)
        let items = ExamAssembler.assemble(
            pack: context.pack, count: request.count, seed: seed, lastSeen: context.progress.lastSeen,
            now: context.now)
        guard !items.isEmpty else {
            overlay = .message(title: "No questions", body: "This exam pack has no questions to build an exam from.")
            return []
        }
        return [
            .storeExam(
                ExamAttemptRecord(
                    packID: context.pack.id, seed: seed,
                    items: items.map { StoredExamItem(questionID: $0.questionID, choiceOrder: $0.choiceOrder) },
                    startedAt: context.now,
                    deadline: context.now.addingTimeInterval(TimeInterval(request.minutes) * 60)))
        ]
    }

    // MARK: - Exams the runner read

    /// Shows a stored attempt (new or resumed) as the exam screen.
    mutating func open(exam attempt: ExamAttemptRecord, answers: [ExamAnswerRecord]) -> [Command] {
        let session = ExamSession(attempt: attempt, answers: answers, pack: context.pack)
        // Its questions may have left the pack, or belong to another edition of the guide.
        guard session.count > 0 else {
            let guide = context.pack.edition.title.isEmpty ? "this exam pack" : context.pack.edition.title
            overlay = .confirm(
                ConfirmDialog(
                    title: "Exam in progress not available",
                    body: "None of the \(attempt.items.count) questions of the mock exam in progress are in \(guide).\n"
                        + "Keep it to resume with the guide edition it was started on (--guide), or start a new exam:\n"
                        + "the old one is then submitted as it stands.",
                    yesLabel: "new exam", noLabel: "keep it", onYes: .startNewExam(context.examDefaults)))
            return []
        }
        var screen = ExamScreen(session: session)
        if top.as(ExamScreen.self) != nil { stack.removeLast() }
        // An attempt whose deadline passed while Proctor was closed is submitted at once.
        if session.isExpired(at: context.now) {
            let outcome = screen.submit(context: &context)
            stack.append(.exam(screen))
            let commands = apply(outcome)
            context.refreshSummary()
            syncLayout()
            return commands
        }
        stack.append(.exam(screen))
        syncLayout()
        return []
    }

    /// Shows a submitted attempt's results again, scored against the pack as it is now.
    mutating func openResults(of attempt: ExamAttemptRecord, answers: [ExamAnswerRecord]) {
        let session = ExamSession(attempt: attempt, answers: answers, pack: context.pack)
        let result = ExamScreen.score(session, finishedAt: attempt.submittedAt ?? attempt.deadline, pack: context.pack)
        stack.append(.results(ResultsScreen(result: result, session: session, fromHistory: true)))
        syncLayout()
    }

    /// Scores the exam on screen, after taking in answers another window saved to the
    /// same attempt, and shows the results. A dialog about the exam no longer applies.
    mutating func submitExam(merging stored: [ExamAnswerRecord]) -> [Command] {
        guard var s = top.as(ExamScreen.self) else { return [] }
        s.session.adopt(stored)
        let outcome = s.submit(context: &context)
        stack[stack.count - 1] = .exam(s)
        overlay = nil
        let commands = apply(outcome)
        context.refreshSummary()
        syncLayout()
        return commands
    }

    /// Scores an attempt left unfinished and returns the command that stores it,
    /// without leaving the current screen.
    mutating func close(abandoned attempt: ExamAttemptRecord, answers: [ExamAnswerRecord]) -> [Command] {
        var screen = ExamScreen(session: ExamSession(attempt: attempt, answers: answers, pack: context.pack))
        let commands = screen.submit(context: &context).commands
        context.refreshSummary()
        return commands
    }

    // MARK: - Layout

    /// Keeps scroll offsets of lists and trees consistent with the terminal size.
    private mutating func syncLayout() {
        let context = self.context
        stack[stack.count - 1].update { $0.syncLayout(context: context) }
    }

    // MARK: - View

    public func render(into canvas: inout Canvas) {
        canvas.clear(canvas.bounds, style: context.theme.normal)
        if isTooSmall {
            SizeGuard(minWidth: Self.minimumSize.width, minHeight: Self.minimumSize.height, style: context.theme.title)
                .render(in: canvas.bounds, on: &canvas)
            return
        }
        let screen = top.model
        let hints = overlay?.hints ?? screen.hints
        Chrome(context: context, title: screen.title, status: screen.status(now: context.now), hints: hints)
            .render(on: &canvas)
        screen.render(in: context.bodyRect, on: &canvas, context: context)
        if let banner {
            let row = Rect(x: 0, y: max(0, context.size.height - 2), width: context.size.width, height: 1)
            canvas.clear(row, style: context.theme.alert)
            _ = canvas.write(" " + banner, x: 0, y: row.y, style: context.theme.alert, maxWidth: row.width)
        }
        overlay?.render(on: &canvas, context: context)
    }
}
