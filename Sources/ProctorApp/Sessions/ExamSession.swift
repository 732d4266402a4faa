import Foundation
import StudyCore

/// A timed mock exam in progress: no feedback, free navigation, flags.
public struct ExamSession: Equatable, Sendable {
    public let attemptID: Int64
    public let seed: UInt64
    public let startedAt: Date
    public let deadline: Date
    public private(set) var questions: [QuestionPresentation]
    public private(set) var flagged: Set<String>
    public private(set) var index: Int = 0

    /// Rebuilds the session from a stored attempt and its saved answers (for resume too).
    public init(attempt: ExamAttemptRecord, answers: [ExamAnswerRecord], pack: ExamPack) {
        attemptID = attempt.id ?? 0
        seed = attempt.assemblySeed
        startedAt = attempt.startedAt
        deadline = attempt.deadline
        let saved = Dictionary(answers.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        questions = attempt.items.compactMap { item in
            pack.question(id: item.questionID).map {
                QuestionPresentation(
                    question: $0, order: item.choiceOrder, picked: Set(saved[item.questionID]?.picked ?? []))
            }
        }
        flagged = Set(answers.filter(\.flagged).map(\.questionID))
        if let firstBlank = questions.firstIndex(where: { !$0.isAnswered }) { index = firstBlank }
    }

    public var current: QuestionPresentation { questions[index] }
    public var count: Int { questions.count }
    public var answeredCount: Int { questions.filter(\.isAnswered).count }
    public var blankCount: Int { count - answeredCount }
    public var wrongPickCount: Int { questions.filter(\.hasWrongPickCount).count }
    public var flaggedCount: Int { flagged.count }
    public var isCurrentFlagged: Bool { flagged.contains(current.question.id) }

    public func remaining(at now: Date) -> TimeInterval { max(0, deadline.timeIntervalSince(now)) }
    public func isExpired(at now: Date) -> Bool { now >= deadline }

    /// Seconds ahead of (positive) or behind (negative) an even pace through the exam; zero
    /// while the question in hand is within its share of the time. So the exam opens "on pace",
    /// answering quickly banks time, and lingering shows only once that share is used up. With
    /// every question answered, being ahead means the time that is left.
    public func pace(at now: Date) -> TimeInterval {
        let total = deadline.timeIntervalSince(startedAt)
        guard total > 0, count > 0 else { return 0 }
        let perQuestion = total / Double(count)
        let elapsed = now.timeIntervalSince(startedAt)
        let banked = Double(answeredCount) * perQuestion - elapsed
        if banked > 0 { return banked }
        let overrun = elapsed - Double(min(answeredCount + 1, count)) * perQuestion
        return overrun > 0 ? -overrun : 0
    }

    public var picks: [String: Set<Int>] {
        Dictionary(questions.map { ($0.question.id, $0.picked) }, uniquingKeysWith: { $1 })
    }

    /// Picks a choice and returns the record to save.
    public mutating func pick(position: Int, now: Date) -> ExamAnswerRecord {
        questions[index].pick(position: position)
        return record(now: now)
    }

    public mutating func toggleHighlighted(now: Date) -> ExamAnswerRecord {
        questions[index].toggleHighlighted()
        return record(now: now)
    }

    public mutating func toggleFlag(now: Date) -> ExamAnswerRecord {
        let id = current.question.id
        if flagged.contains(id) { flagged.remove(id) } else { flagged.insert(id) }
        return record(now: now)
    }

    public mutating func moveHighlight(by delta: Int) { questions[index].moveHighlight(by: delta) }

    /// Fills questions left blank here with answers saved by another window on the same
    /// attempt; where both answered, this window's pick stands.
    public mutating func adopt(_ stored: [ExamAnswerRecord]) {
        let byID = Dictionary(stored.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 })
        for i in questions.indices where !questions[i].isAnswered {
            if let saved = byID[questions[i].question.id], !saved.picked.isEmpty {
                questions[i].adopt(picked: Set(saved.picked))
            }
        }
        for answer in stored where answer.flagged { flagged.insert(answer.questionID) }
    }

    public mutating func scroll(by delta: Int) {
        questions[index].scroll = max(0, questions[index].scroll + delta)
    }

    public mutating func go(to newIndex: Int) {
        index = min(max(newIndex, 0), max(count - 1, 0))
    }

    private func record(now: Date) -> ExamAnswerRecord {
        ExamAnswerRecord(
            attemptID: attemptID, questionID: current.question.id, picked: current.picked.sorted(),
            flagged: isCurrentFlagged, updatedAt: now)
    }

    // MARK: Records of a submitted attempt

    /// What to record of a scored attempt: the answered questions only. A blank one scores as
    /// wrong in the result, as on the real exam, but may never have been read, so it is neither
    /// "seen" nor a memory lapse.
    public func answerRecords(_ result: ExamResult, packID: String, at finishedAt: Date) -> [AnswerRecord] {
        result.outcomes.filter { !$0.picked.isEmpty }.map {
            AnswerRecord(
                packID: packID, questionID: $0.questionID, picked: $0.picked.sorted(), correct: $0.isCorrect,
                secondsTaken: 0, mode: .exam, answeredAt: finishedAt, attemptID: attemptID)
        }
    }

    /// The attempt as submitted, with its items in their shown order and choice orders.
    public func submittedRecord(_ result: ExamResult, packID: String, at finishedAt: Date) -> ExamAttemptRecord {
        ExamAttemptRecord(
            id: attemptID, packID: packID, seed: seed,
            items: questions.map { StoredExamItem(questionID: $0.question.id, choiceOrder: $0.order) },
            startedAt: startedAt, deadline: deadline, status: .submitted, submittedAt: finishedAt,
            scorePercent: result.percent, passed: result.passed)
    }
}
