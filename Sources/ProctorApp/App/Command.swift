import Foundation
import StudyCore

/// Side effects requested by `AppModel.handle`; the runner carries them out
/// against the store, so the model itself stays a pure value.
public enum Command: Equatable, Sendable {
    /// Save an answer and, unless cramming, the question's new card.
    case record(AnswerRecord, card: Card?)
    /// Replace a card (the learner changed the rating after answering).
    case saveCard(Card, questionID: String)
    case saveExamAnswer(ExamAnswerRecord)
    /// Assemble and store a new attempt; the runner then calls `AppModel.open(exam:answers:)`.
    case startExam(ExamRequest)
    /// Reopen the stored in-progress attempt.
    case resumeExam(attemptID: Int64)
    /// Read the attempt's saved answers (another window may have added some), then
    /// score it; the runner calls `AppModel.submitExam(merging:)`.
    case finishExam(attemptID: Int64)
    /// Read a submitted attempt's answers and show its results again (exam history).
    case openExamResults(attemptID: Int64)
    /// Store a finished attempt with its answers and cards.
    case submitExam(ExamSubmission)
    case quit
}

public struct ExamRequest: Equatable, Sendable {
    public var count: Int
    public var minutes: Int
    public var seed: UInt64?
    /// Start afresh even when an attempt is in progress (that attempt is submitted as it stands).
    public var replacesInProgress: Bool

    public init(count: Int, minutes: Int, seed: UInt64? = nil, replacesInProgress: Bool = false) {
        self.count = count
        self.minutes = minutes
        self.seed = seed
        self.replacesInProgress = replacesInProgress
    }
}

public struct ExamSubmission: Equatable, Sendable {
    public var attemptID: Int64
    public var submittedAt: Date
    public var scorePercent: Double
    public var passed: Bool
    public var answers: [AnswerRecord]
    public var cards: [String: Card]
}

extension Command {
    /// The banner shown when carrying out this command fails: a failed read saved nothing and
    /// lost nothing, so it must not say "Not saved".
    func failureBanner(_ error: Error) -> String {
        switch self {
        case .resumeExam, .openExamResults, .finishExam:
            return "Could not read your progress: \(error)"
        case .startExam:
            return "Could not start the exam: \(error)"
        case .record, .saveCard, .saveExamAnswer, .submitExam, .quit:
            return "Not saved: \(error)"
        }
    }
}
