import Foundation

/// One answer from history, as readiness needs it (map the store's answer records to this).
public struct AnsweredQuestion: Sendable, Hashable, Codable {
    public let questionID: String
    public let correct: Bool
    public let answeredAt: Date

    public init(questionID: String, correct: Bool, answeredAt: Date) {
        self.questionID = questionID
        self.correct = correct
        self.answeredAt = answeredAt
    }
}

/// How ready the learner looks in one section.
public struct Readiness: Sendable, Hashable, Codable {
    public let sectionID: String
    /// 0...1, nil when there is no data for the section.
    public let score: Double?
    /// Number of distinct questions of the section the score rests on.
    public let basedOn: Int
    /// Recency-weighted share of correct answers (0...1), nil without answers.
    public let accuracy: Double?
    /// Mean retrievability of the section's seen questions (0...1), nil when none was given.
    public let retrievability: Double?
}

public enum ReadinessCalculator {
    /// Per-section readiness from a list of answers, in outline order. Pure function of its inputs;
    /// the same as `readiness(pack:tallies:)` on the tallies of `history`.
    public static func readiness(
        pack: ExamPack, history: [AnsweredQuestion],
        retrievability: [String: Double] = [:],
        halfLifeDays: Double = 14, retrievabilityWeight: Double = 0.5
    ) -> [Readiness] {
        var tallies: [String: AnswerTally] = [:]
        for answer in history {
            tallies.add(
                answer.questionID, correct: answer.correct, at: answer.answeredAt, halfLife: halfLifeDays * 86_400)
        }
        return readiness(
            pack: pack, tallies: tallies, retrievability: retrievability, retrievabilityWeight: retrievabilityWeight)
    }

    /// Per-section readiness, in outline order. Pure function of its inputs.
    ///
    /// - accuracy = Σ wᵢ·correctᵢ / Σ wᵢ over the section's answers, with wᵢ = 0.5^(ageᵢ / halfLife)
    ///   and ages measured from the section's newest answer (decay is shift-invariant, so any
    ///   reference gives the same ratio, and a clock set back changes nothing);
    /// - retrievability = mean of `retrievability[id]` (clamped to 0...1) over the section's questions
    ///   that have a value;
    /// - score = (1 − retrievabilityWeight)·accuracy + retrievabilityWeight·retrievability when both
    ///   exist, else whichever exists, else nil.
    /// Tallies and retrievabilities for ids not in the pack are ignored.
    public static func readiness(
        pack: ExamPack, tallies: [String: AnswerTally], retrievability: [String: Double] = [:],
        retrievabilityWeight: Double = 0.5
    ) -> [Readiness] {
        let rw = min(max(retrievabilityWeight, 0), 1)
        var talliesBySection = [String: [AnswerTally]]()
        var questionsBySection = [String: Set<String>]()
        for (qid, tally) in tallies where tally.answered > 0 {
            guard let sid = pack.sectionID(ofQuestion: qid) else { continue }
            talliesBySection[sid, default: []].append(tally)
            questionsBySection[sid, default: []].insert(qid)
        }
        var retr = [String: (sum: Double, n: Int)]()
        for (qid, value) in retrievability where value.isFinite {
            guard let sid = pack.sectionID(ofQuestion: qid) else { continue }
            retr[sid, default: (0, 0)].sum += min(max(value, 0), 1)
            retr[sid, default: (0, 0)].n += 1
            questionsBySection[sid, default: []].insert(qid)
        }
        return pack.sections.map { s in
            let accuracy = talliesBySection[s.id].map(weightedAccuracy)
            let meanR = retr[s.id].flatMap { $0.n > 0 ? $0.sum / Double($0.n) : nil }
            let score: Double?
            switch (accuracy, meanR) {
            case let (a?, r?): score = (1 - rw) * a + rw * r
            case let (a?, nil): score = a
            case let (nil, r?): score = r
            case (nil, nil): score = nil
            }
            return Readiness(
                sectionID: s.id, score: score.map { min(max($0, 0), 1) },
                basedOn: questionsBySection[s.id]?.count ?? 0,
                accuracy: accuracy, retrievability: meanR)
        }
    }

    /// Recency-weighted share of correct answers over tallies, relative to their newest answer
    /// (whose weight is 1, so the sum never underflows).
    private static func weightedAccuracy(_ tallies: [AnswerTally]) -> Double {
        let reference = tallies.map(\.newest).max() ?? Date(timeIntervalSince1970: 0)
        var correct = 0.0, total = 0.0
        for tally in tallies {
            let sums = tally.decayed(to: reference)
            correct += sums.correct
            total += sums.answered
        }
        return total > 0 ? correct / total : 0
    }

    /// Exam-wide readiness: section scores weighted by section weight, sections without data
    /// counting as 0. Nil when no section has data.
    public static func overall(_ readiness: [Readiness], pack: ExamPack) -> Double? {
        guard readiness.contains(where: { $0.score != nil }) else { return nil }
        let scores = Dictionary(readiness.map { ($0.sectionID, $0.score ?? 0) }, uniquingKeysWith: { a, _ in a })
        let totalWeight = pack.sections.reduce(0) { $0 + $1.weight }
        guard totalWeight > 0 else { return nil }
        let sum = pack.sections.reduce(0.0) { $0 + Double($1.weight) * (scores[$1.id] ?? 0) }
        return sum / Double(totalWeight)
    }
}
