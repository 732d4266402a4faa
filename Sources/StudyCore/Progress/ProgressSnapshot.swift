import Foundation

/// What the learner has done in one pack, read once from the store and kept current in
/// memory as answers are given (the store stays the source of truth).
///
/// It holds totals, not the answer rows: per-question tallies, the newest answer of each
/// question and answers per quarter hour, so loading it costs the same for ten answers as for
/// a hundred thousand.
public struct ProgressSnapshot: Sendable {
    public let packID: String
    /// Answer totals per question id.
    public private(set) var tallies: [String: AnswerTally]
    /// The newest answer per question id.
    public private(set) var latest: [String: AnswerRecord]
    /// Answers per UTC quarter hour, oldest first.
    public private(set) var answersPerQuarter: [QuarterCount]
    public private(set) var cards: [String: Card]
    /// Submitted exams, oldest first.
    public private(set) var exams: [ExamAttemptRecord]
    /// Bumped by every change, so derived figures know when to recompute.
    public private(set) var revision = 0

    public init(
        packID: String, tallies: [String: AnswerTally], latest: [String: AnswerRecord],
        answersPerQuarter: [QuarterCount], cards: [String: Card] = [:], exams: [ExamAttemptRecord] = []
    ) {
        self.packID = packID
        self.tallies = tallies
        self.latest = latest
        self.answersPerQuarter = answersPerQuarter
        self.cards = cards
        self.exams = exams
    }

    /// A snapshot of the given answers, in any order (ties on time go to the later one given).
    public init(
        packID: String, answers: [AnswerRecord] = [], cards: [String: Card] = [:], exams: [ExamAttemptRecord] = []
    ) {
        self.init(packID: packID, tallies: [:], latest: [:], answersPerQuarter: [], cards: cards, exams: exams)
        for answer in answers { add(answer) }
    }

    public static func load(from store: ProgressStore, packID: String) throws -> ProgressSnapshot {
        ProgressSnapshot(
            packID: packID, tallies: try store.tallies(packID: packID), latest: try store.latestAnswers(packID: packID),
            answersPerQuarter: try store.answersPerQuarter(packID: packID), cards: try store.cards(packID: packID),
            exams: try store.submittedExams(packID: packID))
    }

    public mutating func apply(_ answer: AnswerRecord, card: Card?) {
        revision += 1
        add(answer)
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

    private mutating func add(_ answer: AnswerRecord) {
        let id = answer.questionID
        tallies.add(id, correct: answer.correct, at: answer.answeredAt)
        if latest[id].map({ $0.answeredAt <= answer.answeredAt }) ?? true { latest[id] = answer }
        answersPerQuarter.count(answerAt: answer.answeredAt)
    }

    /// Number of answers on each local day (keyed by the day's start in `calendar`), counting
    /// only answers at or after `start` when given.
    public func answersPerDay(since start: Date? = nil, calendar: Calendar = .current) -> [Date: Int] {
        var grouping = DayGrouping(calendar: calendar)
        var counts: [Date: Int] = [:]
        let first = start.map(QuarterCount.quarter(of:)) ?? .min
        for bucket in answersPerQuarter where bucket.quarter >= first {
            counts[grouping.startOfDay(for: bucket.start), default: 0] += bucket.answers
        }
        return counts
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
