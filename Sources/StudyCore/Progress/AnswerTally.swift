import Foundation

/// Running totals of one question's answers: all that summaries and readiness need, so a
/// long history is never read row by row.
///
/// The recency-weighted sums are kept relative to the newest answer: an answer given at `t`
/// weighs 0.5^((newest − t) / halfLife). Exponential decay is shift-invariant, so comparing or
/// adding tallies only needs them rescaled to a common reference (`decayed(to:)`), and the
/// weights stay within 0...1 however long the history.
public struct AnswerTally: Sendable, Equatable {
    /// The half-life the progress store keeps its tallies with (its triggers hold this value;
    /// changing it needs a new schema migration).
    public static let storedHalfLife: TimeInterval = 14 * 86_400

    public let halfLife: TimeInterval
    public private(set) var answered: Int
    public private(set) var correct: Int
    /// Time of the newest answer; the decayed sums are relative to it.
    public private(set) var newest: Date
    /// Σ 0.5^((newest − tᵢ) / halfLife) over all answers.
    public private(set) var decayedAnswered: Double
    /// The same sum over the correct answers.
    public private(set) var decayedCorrect: Double

    /// The tally of a single answer.
    public init(correct: Bool, at date: Date, halfLife: TimeInterval = AnswerTally.storedHalfLife) {
        self.init(
            answered: 1, correct: correct ? 1 : 0, newest: date, decayedAnswered: 1, decayedCorrect: correct ? 1 : 0,
            halfLife: halfLife)
    }

    /// A tally as the store keeps it.
    public init(
        answered: Int, correct: Int, newest: Date, decayedAnswered: Double, decayedCorrect: Double,
        halfLife: TimeInterval = AnswerTally.storedHalfLife
    ) {
        self.halfLife = max(halfLife, 1e-6)
        self.answered = answered
        self.correct = correct
        self.newest = newest
        self.decayedAnswered = decayedAnswered
        self.decayedCorrect = decayedCorrect
    }

    /// Adds one answer, in any order (the same arithmetic as the store's insert trigger).
    public mutating func add(correct isCorrect: Bool, at date: Date) {
        let hit: Double = isCorrect ? 1 : 0
        answered += 1
        correct += isCorrect ? 1 : 0
        if date >= newest {
            let factor = weight(age: date.timeIntervalSince(newest))
            decayedAnswered = decayedAnswered * factor + 1
            decayedCorrect = decayedCorrect * factor + hit
            newest = date
        } else {
            let factor = weight(age: newest.timeIntervalSince(date))
            decayedAnswered += factor
            decayedCorrect += hit * factor
        }
    }

    /// The decayed sums with weights relative to `reference` instead of the newest answer.
    public func decayed(to reference: Date) -> (correct: Double, answered: Double) {
        let factor = weight(age: reference.timeIntervalSince(newest))
        return (decayedCorrect * factor, decayedAnswered * factor)
    }

    /// 0.5^(age / halfLife), written with exp as SQLite computes it.
    private func weight(age: TimeInterval) -> Double {
        exp(-age * M_LN2 / halfLife)
    }
}

extension Dictionary where Key == String, Value == AnswerTally {
    /// Counts one answer to `questionID`, starting its tally when it has none.
    mutating func add(
        _ questionID: String, correct: Bool, at date: Date, halfLife: TimeInterval = AnswerTally.storedHalfLife
    ) {
        if self[questionID] == nil {
            self[questionID] = AnswerTally(correct: correct, at: date, halfLife: halfLife)
        } else {
            self[questionID]!.add(correct: correct, at: date)
        }
    }
}
