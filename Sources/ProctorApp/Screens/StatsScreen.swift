import Foundation
import StudyCore
import TermUI

/// Activity heatmap, exam scores over time, accuracy and readiness per section, upcoming reviews.
public struct StatsScreen: AppScreen {
    var title: String { "Stats" }
    var hints: [(String, String)] { Self.keys.barHints }
    var helpKeys: [(String, String)] { Self.keys.helpHints }

    public init() {}

    static let weeks = 16
    enum Input: Sendable { case back }

    static let keys = KeyMap<Input>([
        KeyBinding([.escape, .char("q")], .back, bar: ("q", "back"), help: ("Esc  q", "back"))
    ])

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        Self.keys.action(for: key) == .back ? .pop : .none
    }

    /// Answers per day for the last `weeks` weeks, as columns of Monday...Sunday.
    static func heatmap(progress: ProgressSnapshot, now: Date, calendar: Calendar = .current) -> [[Int?]] {
        var calendar = calendar
        calendar.firstWeekday = 2
        let today = calendar.startOfDay(for: now)
        let weekStart = calendar.dateInterval(of: .weekOfYear, for: today)?.start ?? today
        guard let first = calendar.date(byAdding: .weekOfYear, value: -(weeks - 1), to: weekStart) else { return [] }
        let counts = progress.answersPerDay(since: first, calendar: calendar)
        return (0..<weeks).map { week in
            (0..<7).map { day -> Int? in
                guard let date = calendar.date(byAdding: .day, value: week * 7 + day, to: first) else { return nil }
                return date > today ? nil : counts[date] ?? 0
            }
        }
    }

    static func shade(_ count: Int?) -> String {
        guard let count else { return " " }
        switch count {
        case 0: return "·"
        case 1...4: return "░"
        case 5...14: return "▒"
        case 15...29: return "▓"
        default: return "█"
        }
    }

    static func sparkline(_ values: [Double]) -> String {
        let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(values.map { bars[min(7, max(0, Int(($0 / 100 * 7).rounded())))] })
    }

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let inner = area.inset(horizontal: 2, vertical: 1)
        let summary = context.summary
        var y = inner.y
        let accuracy =
            Figures.percent(summary.correct, of: summary.answered)
        _ = canvas.write(
            "\(summary.answered) answer\(summary.answered == 1 ? "" : "s") · \(accuracy) right · seen \(summary.seen)/\(summary.questionCount) · \(summary.daysStudied) day\(summary.daysStudied == 1 ? "" : "s") studied",
            x: inner.x, y: y, style: theme.title, maxWidth: inner.width)
        y += 2

        // Heatmap on the left, exams and due counts on the right.
        let map = Self.heatmap(progress: context.progress, now: context.now)
        _ = canvas.write("Last \(Self.weeks) weeks", x: inner.x, y: y, style: theme.dim)
        let dayNames = ["Mon", "", "Wed", "", "Fri", "", "Sun"]
        for day in 0..<7 {
            _ = canvas.write(dayNames[day], x: inner.x, y: y + 1 + day, style: theme.dim)
            for (week, column) in map.enumerated() {
                let style = column[day].map { $0 > 0 ? theme.accent : theme.dim } ?? theme.dim
                _ = canvas.write(Self.shade(column[day]), x: inner.x + 4 + week * 2, y: y + 1 + day, style: style)
            }
        }
        let rightX = inner.x + 4 + Self.weeks * 2 + 3
        let rightWidth = max(0, inner.maxX - rightX)
        let scores = summary.exams.compactMap(\.scorePercent)
        _ = canvas.write("Mock exams", x: rightX, y: y, style: theme.dim, maxWidth: rightWidth)
        if scores.isEmpty {
            _ = canvas.write("none yet", x: rightX, y: y + 1, style: theme.normal, maxWidth: rightWidth)
        } else {
            _ = canvas.write(
                Self.sparkline(Array(scores.suffix(max(1, rightWidth - 12))))
                    + "  last \(Int(scores.last!.rounded()))%",
                x: rightX, y: y + 1, style: theme.accent, maxWidth: rightWidth)
        }
        _ = canvas.write("Due, next 7 days", x: rightX, y: y + 3, style: theme.dim, maxWidth: rightWidth)
        _ = canvas.write(
            summary.dueNext7Days.map(String.init).joined(separator: " "), x: rightX, y: y + 4,
            style: theme.normal, maxWidth: rightWidth)
        _ = canvas.write(
            "· none  ░ 1-4  ▒ 5-14  ▓ 15-29  █ 30+ answers a day", x: inner.x + 4, y: y + 8,
            style: theme.dim, maxWidth: max(0, inner.width - 4))
        y += 10

        guard y < inner.maxY else { return }
        let rows = summary.sections.map { s -> [String] in
            let accuracy = Figures.percent(s.correct, of: s.answered)
            let readiness = s.readiness.map { "\(Figures.percent($0)) (\(s.readinessBasis) q)" } ?? "–"
            return [
                "\(s.id) \(s.title)", "\(s.weight)%", "\(s.seen)/\(s.questions)", "\(s.answered)", accuracy,
                readiness,
            ]
        }
        var state = ListState(selected: nil)
        Table(
            columns: [
                TableColumn("Section", width: .fill), TableColumn("Weight", width: .fixed(6), alignment: .right),
                TableColumn("Seen", width: .fixed(8), alignment: .right),
                TableColumn("Answers", width: .fixed(7), alignment: .right),
                TableColumn("Right", width: .fixed(5), alignment: .right),
                TableColumn("Readiness", width: .fixed(14), alignment: .right),
            ], rows: rows, theme: theme
        ).render(in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), on: &canvas, state: &state)
    }
}
