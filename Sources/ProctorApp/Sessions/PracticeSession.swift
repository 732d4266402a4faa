import Foundation
import StudyCore

/// A run of questions answered one at a time with immediate feedback.
public struct PracticeSession: Equatable, Sendable {
    public let title: String
    public let mode: StudyMode
    public let questionIDs: [String]
    public private(set) var index: Int = 0
    public private(set) var current: QuestionPresentation?
    public private(set) var answered = 0
    public private(set) var correct = 0
    /// The rating that will be (or was) stored for the current revealed question.
    public private(set) var rating: Rating = .good
    public private(set) var shownAt: Date

    public init(title: String, mode: StudyMode, questionIDs: [String], pack: ExamPack, now: Date, seed: UInt64) {
        self.title = title
        self.mode = mode
        self.questionIDs = questionIDs.filter { pack.question(id: $0) != nil }
        self.shownAt = now
        var rng = SplitMix64(seed: seed)
        current = self.questionIDs.first.flatMap { Self.present($0, pack: pack, rng: &rng) }
        self.seed = seed
    }

    private let seed: UInt64

    public var isFinished: Bool { current == nil }
    public var position: Int { min(index + 1, questionIDs.count) }
    public var accuracy: Double? { answered == 0 ? nil : Double(correct) / Double(answered) }
    /// Cram answers never change the schedule.
    public var updatesSchedule: Bool { mode != .cram }

    public mutating func pick(position: Int) { current?.pick(position: position) }
    public mutating func toggleHighlighted() { current?.toggleHighlighted() }
    public mutating func moveHighlight(by delta: Int) { current?.moveHighlight(by: delta) }
    public mutating func scroll(by delta: Int) {
        if let c = current { current?.scroll = max(0, c.scroll + delta) }
    }

    /// Reveals the answer; returns what to store, or nil when submitting is not allowed yet.
    public mutating func submit(now: Date, packID: String) -> AnswerRecord? {
        guard var presentation = current, !presentation.revealed, presentation.canSubmit else { return nil }
        presentation.revealed = true
        presentation.scroll = 0
        current = presentation
        answered += 1
        if presentation.isCorrect { correct += 1 }
        rating = presentation.isCorrect ? .good : .again
        return AnswerRecord(
            packID: packID, questionID: presentation.question.id, picked: presentation.picked.sorted(),
            correct: presentation.isCorrect, secondsTaken: max(0, now.timeIntervalSince(shownAt)), mode: mode,
            answeredAt: now)
    }

    /// After a right answer the learner may say it was hard or easy; a wrong answer stays Again.
    @discardableResult
    public mutating func rate(_ newRating: Rating) -> Bool {
        guard let presentation = current, presentation.revealed, presentation.isCorrect, newRating != .again,
            newRating != rating
        else { return false }
        rating = newRating
        return true
    }

    public mutating func next(pack: ExamPack, now: Date) {
        guard current?.revealed == true else { return }
        index += 1
        shownAt = now
        rating = .good
        var rng = SplitMix64(seed: seed &+ UInt64(index))
        current = index < questionIDs.count ? Self.present(questionIDs[index], pack: pack, rng: &rng) : nil
    }

    private static func present(_ id: String, pack: ExamPack, rng: inout SplitMix64) -> QuestionPresentation? {
        guard let question = pack.question(id: id) else { return nil }
        var order = Array(question.choices.indices)
        order.shuffle(using: &rng)
        return QuestionPresentation(question: question, order: order)
    }
}
