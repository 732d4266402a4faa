import Foundation
import StudyCore

/// The one effect type, as bubbletea's `Cmd`: what the model asks the runner to do against the
/// store. The runner only reads and writes; what it reads comes back to `AppModel.receive` as
/// an `AppMessage`, and the model alone decides what to show.
public enum Command: Equatable, Sendable {
    /// Save an answer and, unless cramming, the question's new card.
    case record(AnswerRecord, card: Card?)
    /// Replace a card (the learner changed the rating after answering).
    case saveCard(Card, questionID: String)
    case saveExamAnswer(ExamAnswerRecord)
    /// Look for an attempt in progress before starting one: answers `.inProgressExam`.
    case startExam(ExamRequest)
    /// Store a new attempt the model assembled: answers `.examStored`.
    case storeExam(ExamAttemptRecord)
    /// Read an attempt to resume it: answers `.examToResume`.
    case resumeExam(attemptID: Int64)
    /// Read the answers saved for the attempt on screen (another window may have added some):
    /// answers `.savedAnswers`, even when they cannot be read.
    case finishExam(attemptID: Int64)
    /// Read a submitted attempt to show its results again: answers `.examToReopen`.
    case openExamResults(attemptID: Int64)
    /// Store a finished attempt with its answers and cards.
    case submitExam(ExamSubmission)
    case quit
}

/// What the runner read for a command, fed back to `AppModel.receive`, as bubbletea's `Msg`.
public enum AppMessage: Equatable, Sendable {
    /// The attempt in progress (nil: none) and its answers, for a requested start.
    case inProgressExam(ExamAttemptRecord?, answers: [ExamAnswerRecord], request: ExamRequest)
    case examStored(ExamAttemptRecord)
    case examToResume(ExamAttemptRecord?, answers: [ExamAnswerRecord])
    case examToReopen(ExamAttemptRecord?, answers: [ExamAnswerRecord])
    case savedAnswers([ExamAnswerRecord])
    /// A command failed; the text says what the learner should know.
    case storeFailed(String)
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
        case .startExam, .storeExam:
            return "Could not start the exam: \(error)"
        case .record, .saveCard, .saveExamAnswer, .submitExam, .quit:
            return "Not saved: \(error)"
        }
    }
}
