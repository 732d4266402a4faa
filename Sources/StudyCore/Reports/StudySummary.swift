import Foundation

/// Figures shown on Home and Stats and printed by `proctor stats --json`.
public struct StudySummary: Equatable, Sendable {
    public struct SectionFigures: Equatable, Sendable {
        public let id: String
        public let title: String
        public let weight: Int
        public let questions: Int
        public let seen: Int
        public let answered: Int
        public let correct: Int
        public let readiness: Double?
        public let readinessBasis: Int
    }

    public let answered: Int
    public let correct: Int
    public let questionCount: Int
    public let seen: Int
    public let dueToday: Int
    public let missed: Int
    /// Questions a review session would ask now: due or last answered wrong.
    public let reviewCount: Int
    public let daysStudied: Int
    public let sections: [SectionFigures]
    /// Cards falling due on each of the next 7 days (index 0 = today, overdue included).
    public let dueNext7Days: [Int]
    public let exams: [ExamAttemptRecord]

    public init(
        pack: ExamPack, progress: ProgressSnapshot, now: Date, scheduler: FSRSScheduler = FSRSScheduler(),
        calendar: Calendar = .current
    ) {
        let inPack = Set(pack.questions.map(\.id))
        let tallies = progress.tallies.filter { inPack.contains($0.key) }
        answered = tallies.values.reduce(0) { $0 + $1.answered }
        correct = tallies.values.reduce(0) { $0 + $1.correct }
        questionCount = pack.questions.count
        seen = progress.latest.keys.filter { inPack.contains($0) }.count
        missed = progress.latest.values.filter { inPack.contains($0.questionID) && !$0.correct }.count
        // Days with any answer in the pack, also to questions it no longer has.
        daysStudied = progress.answersPerDay(calendar: calendar).count
        let startOfToday = calendar.startOfDay(for: now)
        var dueByDay = Array(repeating: 0, count: 7)
        for (id, card) in progress.cards where inPack.contains(id) {
            let day =
                calendar.dateComponents([.day], from: startOfToday, to: calendar.startOfDay(for: card.due)).day ?? 0
            if day < 7 { dueByDay[max(0, day)] += 1 }
        }
        dueNext7Days = dueByDay
        dueToday = dueByDay[0]
        exams = progress.exams
        reviewCount = PracticeSelector.review(pack: pack, progress: progress, now: now).count

        // A question last answered wrong is not "remembered" however recently it was seen.
        var retrievability: [String: Double] = [:]
        for (id, card) in progress.cards {
            retrievability[id] = progress.latest[id]?.correct == false ? 0 : scheduler.retrievability(of: card, at: now)
        }
        let readiness = ReadinessCalculator.readiness(
            pack: pack, tallies: tallies, retrievability: retrievability)
        let readinessByID = Dictionary(readiness.map { ($0.sectionID, $0) }, uniquingKeysWith: { $1 })
        var answeredBySection: [String: (Int, Int)] = [:]
        for (id, tally) in tallies {
            guard let section = pack.sectionID(ofQuestion: id) else { continue }
            let current = answeredBySection[section] ?? (0, 0)
            answeredBySection[section] = (current.0 + tally.answered, current.1 + tally.correct)
        }
        sections = pack.sections.map { section in
            let ids = pack.questions(inSection: section.id).map(\.id)
            let figures = answeredBySection[section.id] ?? (0, 0)
            return SectionFigures(
                id: section.id, title: section.title, weight: section.weight, questions: ids.count,
                seen: ids.filter { progress.latest[$0] != nil }.count, answered: figures.0, correct: figures.1,
                readiness: readinessByID[section.id]?.score, readinessBasis: readinessByID[section.id]?.basedOn ?? 0)
        }
    }

    public var lastExam: ExamAttemptRecord? { exams.last }
}
