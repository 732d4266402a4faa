import Foundation

/// What the learner has done in one pack, read once from the store and kept
/// current in memory as answers are given (the store stays the source of truth).
public struct ProgressSnapshot: Sendable {
    public let packID: String
    /// Every answer, oldest first (read without the picked choices; see `ProgressStore.answerHistory`).
    public private(set) var answers: [AnswerRecord]
    /// The newest answer per question id.
    public private(set) var latest: [String: AnswerRecord]
    public private(set) var cards: [String: Card]
    /// Submitted exams, oldest first.
    public private(set) var exams: [ExamAttemptRecord]
    /// Bumped by every change, so derived figures know when to recompute.
    public private(set) var revision = 0

    public init(
        packID: String, answers: [AnswerRecord] = [], cards: [String: Card] = [:], exams: [ExamAttemptRecord] = []
    ) {
        self.packID = packID
        self.answers = answers.sorted { ($0.answeredAt, $0.id ?? 0) < ($1.answeredAt, $1.id ?? 0) }
        var latest: [String: AnswerRecord] = [:]
        for answer in self.answers { latest[answer.questionID] = answer }
        self.latest = latest
        self.cards = cards
        self.exams = exams
    }

    public static func load(from store: ProgressStore, packID: String) throws -> ProgressSnapshot {
        ProgressSnapshot(
            packID: packID, answers: try store.answerHistory(packID: packID), cards: try store.cards(packID: packID),
            exams: try store.submittedExams(packID: packID))
    }

    public mutating func apply(_ answer: AnswerRecord, card: Card?) {
        revision += 1
        answers.append(answer)
        latest[answer.questionID] = answer
        if let card { cards[answer.questionID] = card }
    }

    public mutating func apply(card: Card, questionID: String) {
        revision += 1
        cards[questionID] = card
    }

    public mutating func apply(exam: ExamAttemptRecord) {
        revision += 1
        exams.removeAll { $0.id == exam.id }
        exams.append(exam)
    }

    /// Questions whose most recent answer was wrong, in the order given.
    public func missed(among questionIDs: [String]) -> [String] {
        questionIDs.filter { latest[$0]?.correct == false }
    }

    /// Questions with a card due at or before `date`, most overdue first.
    public func due(at date: Date, among questionIDs: [String]) -> [String] {
        questionIDs.compactMap { id in cards[id].flatMap { $0.due <= date ? (id, $0.due) : nil } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// When each question was last answered; used to prefer fresh questions in exams.
    public var lastSeen: [String: Date] { latest.mapValues(\.answeredAt) }
}
