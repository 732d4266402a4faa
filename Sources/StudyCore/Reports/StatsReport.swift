import Foundation

/// `proctor stats`: the same figures as the Stats screen, as text or JSON.
public struct StatsReport: Sendable {
    struct JSONSection: Codable {
        let id: String
        let title: String
        let weight: Int
        let questions: Int
        let seen: Int
        let answered: Int
        let correct: Int
        let readiness: Double?
        let readiness_based_on: Int
    }
    struct JSONExam: Codable {
        let started_at: String
        let submitted_at: String?
        let score_percent: Double?
        let passed: Bool?
        let passing_percent: Double
        let passing_is_estimate: Bool
    }
    struct JSONReport: Codable {
        let pack: String
        /// The edition of the exam guide the figures follow, and its title.
        let guide: String
        let guide_title: String
        let answered: Int
        let correct: Int
        let seen: Int
        let question_count: Int
        let due_today: Int
        let due_next_7_days: [Int]
        let missed: Int
        let days_studied: Int
        let sections: [JSONSection]
        let exams: [JSONExam]
    }

    public let pack: ExamPack
    public let summary: StudySummary

    public init(pack: ExamPack, progress: ProgressSnapshot, now: Date) {
        self.pack = pack
        summary = StudySummary(pack: pack, progress: progress, now: now)
    }

    public func json() -> String {
        let iso = ISO8601DateFormatter()
        let report = JSONReport(
            pack: pack.id, guide: pack.edition.id, guide_title: pack.edition.title, answered: summary.answered,
            correct: summary.correct, seen: summary.seen,
            question_count: summary.questionCount, due_today: summary.dueToday, due_next_7_days: summary.dueNext7Days,
            missed: summary.missed, days_studied: summary.daysStudied,
            sections: summary.sections.map {
                JSONSection(
                    id: $0.id, title: $0.title, weight: $0.weight, questions: $0.questions, seen: $0.seen,
                    answered: $0.answered, correct: $0.correct, readiness: $0.readiness,
                    readiness_based_on: $0.readinessBasis)
            },
            exams: summary.exams.map {
                JSONExam(
                    started_at: iso.string(from: $0.startedAt), submitted_at: $0.submittedAt.map(iso.string(from:)),
                    score_percent: $0.scorePercent, passed: $0.passed, passing_percent: pack.exam.passingPercent,
                    passing_is_estimate: pack.exam.passingIsEstimate)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(report)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    public func text() -> String {
        func percent(_ correct: Int, _ total: Int) -> String { Figures.percent(correct, of: total) }
        var lines = [
            "\(pack.title) (\(pack.vendor))" + (pack.edition.title.isEmpty ? "" : " · \(pack.edition.title)"),
            "Answers \(summary.answered), right \(percent(summary.correct, summary.answered)), "
                + "seen \(summary.seen)/\(summary.questionCount), days studied \(summary.daysStudied)",
            "Due today \(summary.dueToday); next 7 days \(summary.dueNext7Days.map(String.init).joined(separator: " "))",
            "",
            "Section                                                 weight  answers  right  readiness",
        ]
        for s in summary.sections {
            let title = "\(s.id) \(s.title)"
            let padded =
                title.count > 54
                ? String(title.prefix(53)) + "…" : title.padding(toLength: 54, withPad: " ", startingAt: 0)
            let readiness = s.readiness.map { "\(Figures.percent($0)) (\(s.readinessBasis) q)" } ?? "–"
            lines.append(
                "\(padded)  \(String(format: "%5d%%", s.weight))  \(String(format: "%7d", s.answered))  "
                    + "\(percent(s.correct, s.answered).padding(toLength: 5, withPad: " ", startingAt: 0))  \(readiness)"
            )
        }
        lines.append("")
        if summary.exams.isEmpty {
            lines.append("No mock exams yet.")
        } else {
            lines.append("Mock exams (\(Figures.passMark(pack.exam))):")
            for exam in summary.exams {
                let score = exam.scorePercent.map { "\(Int($0.rounded()))%" } ?? "–"
                lines.append(
                    "  \(Figures.minute(exam.startedAt))  \(score)  \((exam.passed ?? false) ? "pass" : "below pass")"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
