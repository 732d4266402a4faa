import Foundation

/// How one exam question went. Choice indexes are ORIGINAL indexes into `Question.choices`.
public struct QuestionOutcome: Sendable, Hashable, Codable {
    public let questionID: String
    public let sectionID: String
    public let subsectionID: String
    public let picked: Set<Int>
    public let correctChoices: Set<Int>
    /// All-or-nothing: picked exactly the correct set.
    public let isCorrect: Bool
    /// Nothing picked (counts as wrong).
    public let isUnanswered: Bool
}

public struct SectionScore: Sendable, Hashable, Codable {
    public let sectionID: String
    public let title: String
    public let correct: Int
    public let total: Int
    /// 0...100, nil when the exam had no question from this section.
    public var percent: Double? { total > 0 ? Double(correct) * 100 / Double(total) : nil }
}

public struct SubsectionScore: Sendable, Hashable, Codable {
    public let subsectionID: String
    public let sectionID: String
    public let title: String
    public let correct: Int
    public let total: Int

    public init(subsectionID: String, sectionID: String, title: String, correct: Int, total: Int) {
        self.subsectionID = subsectionID
        self.sectionID = sectionID
        self.title = title
        self.correct = correct
        self.total = total
    }

    public var percent: Double? { total > 0 ? Double(correct) * 100 / Double(total) : nil }
}

public struct ExamResult: Sendable, Hashable, Codable {
    public let correct: Int
    public let total: Int
    /// 0...100 (0 for an empty exam).
    public let percent: Double
    public let passed: Bool
    /// The pass mark used (from `pack.exam.passingPercent`).
    public let passingPercent: Double
    public let passingIsEstimate: Bool
    public let unanswered: Int
    public let startedAt: Date
    public let finishedAt: Date
    /// Seconds between start and finish (never negative).
    public let timeUsed: TimeInterval
    /// The real exam's time limit in seconds.
    public let timeLimit: TimeInterval
    public var overTime: Bool { timeUsed > timeLimit }
    /// Every section of the pack in outline order (total 0 when the exam had none of it).
    public let sections: [SectionScore]
    /// Subsections that had at least one question, in outline order.
    public let subsections: [SubsectionScore]
    /// One per scored item, in exam order.
    public let outcomes: [QuestionOutcome]
}

public enum ExamScorer {
    /// Scores an exam. Multiple-select questions are all-or-nothing.
    /// - Parameters:
    ///   - items: the exam as assembled; items whose question is no longer in the pack are skipped.
    ///   - answers: question id -> picked ORIGINAL choice indexes (out-of-range indexes are ignored;
    ///     missing or empty means unanswered).
    ///   - timeLimit: the time this attempt was given (default: the pack's exam length).
    public static func score(
        pack: ExamPack, items: [ExamItem], answers: [String: Set<Int>],
        startedAt: Date, finishedAt: Date, timeLimit: TimeInterval? = nil
    ) -> ExamResult {
        var outcomes: [QuestionOutcome] = []
        outcomes.reserveCapacity(items.count)
        var bySection = [String: (Int, Int)]()
        var bySubsection = [String: (Int, Int)]()
        var seen = Set<String>()
        for item in items {
            guard let q = pack.question(id: item.questionID), seen.insert(q.id).inserted,
                let section = pack.section(ofSubsection: q.subsectionID)
            else { continue }
            let picked = (answers[q.id] ?? []).filter { q.choices.indices.contains($0) }
            let correctSet = q.correctIndexes
            let ok = !picked.isEmpty && picked == correctSet
            outcomes.append(
                QuestionOutcome(
                    questionID: q.id, sectionID: section.id, subsectionID: q.subsectionID,
                    picked: picked, correctChoices: correctSet, isCorrect: ok,
                    isUnanswered: picked.isEmpty))
            bySection[section.id, default: (0, 0)].0 += ok ? 1 : 0
            bySection[section.id, default: (0, 0)].1 += 1
            bySubsection[q.subsectionID, default: (0, 0)].0 += ok ? 1 : 0
            bySubsection[q.subsectionID, default: (0, 0)].1 += 1
        }
        let correct = outcomes.filter(\.isCorrect).count
        let total = outcomes.count
        let percent = total > 0 ? Double(correct) * 100 / Double(total) : 0
        let sections = pack.sections.map { s in
            let (c, t) = bySection[s.id] ?? (0, 0)
            return SectionScore(sectionID: s.id, title: s.title, correct: c, total: t)
        }
        let subsections = pack.sections.flatMap { s in
            s.subsections.compactMap { u -> SubsectionScore? in
                guard let (c, t) = bySubsection[u.id] else { return nil }
                return SubsectionScore(subsectionID: u.id, sectionID: s.id, title: u.title, correct: c, total: t)
            }
        }
        // Compare with a small tolerance so 35/50 = 70.0 passes a 70 % mark despite rounding.
        let passed = total > 0 && percent + 1e-9 >= pack.exam.passingPercent
        return ExamResult(
            correct: correct, total: total, percent: percent, passed: passed,
            passingPercent: pack.exam.passingPercent, passingIsEstimate: pack.exam.passingIsEstimate,
            unanswered: outcomes.filter(\.isUnanswered).count,
            startedAt: startedAt, finishedAt: finishedAt,
            timeUsed: max(0, finishedAt.timeIntervalSince(startedAt)),
            timeLimit: timeLimit ?? pack.exam.duration, sections: sections, subsections: subsections,
            outcomes: outcomes)
    }
}
