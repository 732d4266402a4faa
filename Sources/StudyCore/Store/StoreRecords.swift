import Foundation
import GRDB

/// Where an answer was given; cram answers never touch the schedule.
public enum StudyMode: String, Codable, Sendable, CaseIterable {
    case practice, exam, review, cram
}

/// One answer, committed the moment it is given.
public struct AnswerRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "answer"
    public var id: Int64?
    public var packID: String
    public var questionID: String
    /// Original (unshuffled) indexes of the picked choices.
    public var picked: [Int]
    public var correct: Bool
    public var secondsTaken: Double
    public var mode: StudyMode
    public var answeredAt: Date
    public var attemptID: Int64?

    public init(
        id: Int64? = nil, packID: String, questionID: String, picked: [Int], correct: Bool,
        secondsTaken: Double, mode: StudyMode, answeredAt: Date, attemptID: Int64? = nil
    ) {
        self.id = id
        self.packID = packID
        self.questionID = questionID
        self.picked = picked
        self.correct = correct
        self.secondsTaken = secondsTaken
        self.mode = mode
        self.answeredAt = answeredAt
        self.attemptID = attemptID
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

public enum ExamStatus: String, Codable, Sendable {
    case inProgress = "in_progress"
    case submitted
}

/// One question of an attempt, with the order its choices are shown in.
public struct StoredExamItem: Codable, Sendable, Equatable {
    public var questionID: String
    public var choiceOrder: [Int]
    public init(questionID: String, choiceOrder: [Int]) {
        self.questionID = questionID
        self.choiceOrder = choiceOrder
    }
}

public struct ExamAttemptRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "examAttempt"
    public var id: Int64?
    public var packID: String
    /// The assembly seed, stored as its bit pattern (SQLite integers are signed).
    public var seed: Int64
    public var items: [StoredExamItem]
    public var startedAt: Date
    public var deadline: Date
    public var status: ExamStatus
    public var submittedAt: Date?
    public var scorePercent: Double?
    public var passed: Bool?

    public init(
        id: Int64? = nil, packID: String, seed: UInt64, items: [StoredExamItem], startedAt: Date,
        deadline: Date, status: ExamStatus = .inProgress, submittedAt: Date? = nil,
        scorePercent: Double? = nil, passed: Bool? = nil
    ) {
        self.id = id
        self.packID = packID
        self.seed = Int64(bitPattern: seed)
        self.items = items
        self.startedAt = startedAt
        self.deadline = deadline
        self.status = status
        self.submittedAt = submittedAt
        self.scorePercent = scorePercent
        self.passed = passed
    }

    public var assemblySeed: UInt64 { UInt64(bitPattern: seed) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The learner's current pick and flag for one question of an attempt.
public struct ExamAnswerRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "examAnswer"
    public var attemptID: Int64
    public var questionID: String
    public var picked: [Int]
    public var flagged: Bool
    public var updatedAt: Date

    public init(attemptID: Int64, questionID: String, picked: [Int], flagged: Bool, updatedAt: Date) {
        self.attemptID = attemptID
        self.questionID = questionID
        self.picked = picked
        self.flagged = flagged
        self.updatedAt = updatedAt
    }
}

/// FSRS memory state of one question, as stored.
struct CardRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "card"
    var packID: String
    var questionID: String
    var state: Int
    var step: Int?
    var stability: Double?
    var difficulty: Double?
    var due: Date
    var lastReview: Date?

    init(packID: String, questionID: String, card: Card) {
        self.packID = packID
        self.questionID = questionID
        state = card.state.rawValue
        step = card.step
        stability = card.stability
        difficulty = card.difficulty
        due = card.due
        lastReview = card.lastReview
    }

    var card: Card {
        Card(
            due: due, state: CardState(rawValue: state) ?? .learning, step: step, stability: stability,
            difficulty: difficulty, lastReview: lastReview)
    }
}

/// Dates are stored as Unix seconds (REAL) so SQL can group and compare them.
protocol UnixTimeRecord: FetchableRecord, EncodableRecord {}

extension UnixTimeRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}

extension AnswerRecord: UnixTimeRecord {}
extension ExamAttemptRecord: UnixTimeRecord {}
extension ExamAnswerRecord: UnixTimeRecord {}
extension CardRecord: UnixTimeRecord {}
