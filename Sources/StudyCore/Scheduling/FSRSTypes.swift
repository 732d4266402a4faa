import Foundation

/// How well the learner recalled a question, on FSRS's four-point scale.
public enum Rating: Int, Sendable, Codable, CaseIterable, Comparable {
    case again = 1, hard = 2, good = 3, easy = 4

    public static func < (lhs: Rating, rhs: Rating) -> Bool { lhs.rawValue < rhs.rawValue }

    public var label: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }
}

/// The phase a card is in. Raw values match the reference implementation.
public enum CardState: Int, Sendable, Codable {
    case learning = 1, review = 2, relearning = 3
}

/// Memory state of one question for the scheduler.
public struct Card: Sendable, Equatable, Codable {
    public var state: CardState
    /// Index into the learning or relearning steps; nil in the review state.
    public var step: Int?
    /// nil until the first review.
    public var stability: Double?
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

    public init(
        due: Date, state: CardState = .learning, step: Int? = 0, stability: Double? = nil,
        difficulty: Double? = nil, lastReview: Date? = nil
    ) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// A card for a question never reviewed, due immediately.
    public static func new(at date: Date) -> Card { Card(due: date) }
}

/// The scheduler's settings: FSRS-6 weights plus the learning policy.
public struct SchedulerSettings: Sendable, Equatable, Codable {
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    public var parameters: [Double]
    public var desiredRetention: Double
    public var learningSteps: [TimeInterval]
    public var relearningSteps: [TimeInterval]
    public var maximumIntervalDays: Int

    public init(
        parameters: [Double] = SchedulerSettings.defaultParameters,
        desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600],
        relearningSteps: [TimeInterval] = [600],
        maximumIntervalDays: Int = 36500
    ) {
        precondition(parameters.count == 21, "FSRS-6 takes 21 parameters")
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumIntervalDays = maximumIntervalDays
    }
}
