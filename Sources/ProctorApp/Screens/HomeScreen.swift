import Foundation
import StudyCore
import TermUI

/// The start screen: where the learner stands, and the ways in.
public struct HomeScreen: AppScreen {
    var title: String { "Home" }
    var hints: [(String, String)] { Self.keys.barHints }
    var helpKeys: [(String, String)] { Self.keys.helpHints }

    /// The ways in, in menu order; each is also a one-key shortcut.
    enum Action: CaseIterable, Sendable {
        case outline, practice, exam, history, review, search, stats, quit
        var key: Character {
            switch self {
            case .search: "/"
            case .outline: "o"
            case .practice: "p"
            case .exam: "e"
            case .history: "h"
            case .review: "r"
            case .stats: "s"
            case .quit: "q"
            }
        }
        var barText: String {
            switch self {
            case .outline: "outline"
            case .practice: "practice"
            case .exam: "exam"
            case .history: "history"
            case .review: "review"
            case .search: "search"
            case .stats: "stats"
            case .quit: "quit"
            }
        }
        var helpText: String {
            switch self {
            case .outline: "browse the exam guide and its study notes"
            case .practice: "practise \(HomeScreen.practiceCount) questions, unseen and missed first"
            case .exam: "sit a timed mock exam (resumes one in progress)"
            case .history: "past mock exams; Enter opens one's results again"
            case .review: "review due and missed questions"
            case .search: "find questions by words (a product, a service) and practise them"
            case .stats: "stats: activity, accuracy, readiness"
            case .quit: "quit"
            }
        }
    }

    /// The menu's entries; search is a key (/) without a row, so the menu fits 60x15.
    static let menu: [Action] = Action.allCases.filter { $0 != .search }

    enum Input: Sendable {
        case up, down, first, last, open, go(Action)
    }

    public var selected = 0
    public static let practiceCount = 20

    public init() {}

    static let keys = KeyMap<Input>(
        Action.allCases.map {
            KeyBinding([.char($0.key)], .go($0), bar: (String($0.key), $0.barText), help: (String($0.key), $0.helpText))
        } + [
            KeyBinding([.up, .char("k")], .up, help: ("↑/↓  k/j", "move through the menu")),
            KeyBinding([.down, .char("j")], .down),
            KeyBinding([.home, .char("g")], .first, help: ("g/G", "first / last entry")),
            KeyBinding([.end, .char("G")], .last),
            KeyBinding([.enter], .open, help: ("Enter", "open the highlighted entry")),
        ])

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        let actions = Self.menu
        switch Self.keys.action(for: key) {
        case .up?: selected = max(0, selected - 1)
        case .down?: selected = min(actions.count - 1, selected + 1)
        case .first?: selected = 0
        case .last?: selected = actions.count - 1
        case .open?: return Self.perform(actions[selected], context: &context)
        case .go(let action)?: return Self.perform(action, context: &context)
        case nil: break
        }
        return .none
    }

    static func perform(_ action: Action, context: inout AppContext) -> Outcome {
        switch action {
        case .outline: return .push(.outline(OutlineScreen(pack: context.pack)))
        case .practice:
            return PracticeScreen.start(scope: .all, count: practiceCount, mode: .practice, context: context)
        case .exam: return ExamScreen.requestStart(context: context)
        case .history: return .push(.history(ExamHistoryScreen()))
        case .review: return .push(.review(ReviewScreen()))
        case .search: return .push(Screen(SearchScreen()))
        case .stats: return .push(.stats(StatsScreen()))
        case .quit: return Outcome(commands: [.quit])
        }
    }

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let pack = context.pack
        let summary = context.summary
        var y = area.y + 1
        let x = area.x + 2
        let width = area.width - 4
        _ = canvas.write(pack.title, x: x, y: y, style: theme.title, maxWidth: width)
        y += 1
        let subtitle = [
            pack.vendor, pack.edition.title,
            "\(pack.exam.minutes) min", "\(pack.exam.questionCount)–\(pack.exam.maxQuestions) questions",
        ]
        .filter { !$0.isEmpty }.joined(separator: " · ")
        _ = canvas.write(subtitle, x: x, y: y, style: theme.dim, maxWidth: width)
        y += 2

        let facts = [
            "Days studied \(summary.daysStudied)",
            "Seen \(summary.seen)/\(summary.questionCount)",
            "Due today \(summary.dueToday)",
        ]
        // The last exam's verdict in the longest form that fits beside the other facts.
        var exam = ["No mock exam yet"]
        if let last = summary.lastExam, let score = last.scorePercent {
            let percent = "Last exam \(Int(score.rounded()))%"
            let verdict = (last.passed ?? false) ? "pass" : "below pass"
            exam = [
                "\(percent) (\(verdict), est. mark \(Int(pack.exam.passingPercent))%)", "\(percent), \(verdict)",
                percent,
            ]
        }
        let line =
            exam.map { (facts + [$0]).joined(separator: "   ") }.first { Text.width($0) <= width }
            ?? (facts + [exam.last!]).joined(separator: "   ")
        _ = canvas.write(line, x: x, y: y, style: theme.normal, maxWidth: width)
        y += 2

        let actionsHeight = Self.menu.count
        let roomForSections = area.maxY - y - actionsHeight - 2
        if roomForSections >= 2 {
            _ = canvas.write("Readiness by section", x: x, y: y, style: theme.title, maxWidth: width)
            y += 1
            for section in summary.sections.prefix(roomForSections - 1) {
                SectionBar(section: section, theme: theme).render(
                    in: Rect(x: x, y: y, width: width, height: 1), on: &canvas)
                y += 1
            }
            y += 1
        }

        let review = summary.reviewCount
        let taken = context.progress.exams.count
        let history = taken == 0 ? "History: no mock exams yet" : "History: \(taken) mock exam\(taken == 1 ? "" : "s")"
        let labels: [String] = [
            "Outline: browse the exam guide and study notes",
            "Practice: \(Self.practiceCount) questions, unseen and missed first",
            "Mock exam: \(context.examDefaults.count) questions, \(context.examDefaults.minutes) minutes",
            history,
            "Review: \(review) due or missed",
            "Stats",
            "Quit",
        ]
        for (i, action) in Self.menu.enumerated() where y < area.maxY {
            let isSelected = i == selected
            let style = isSelected ? theme.selected : theme.normal
            let line = "\(isSelected ? "›" : " ") \(action.key)  \(labels[i])"
            canvas.clear(Rect(x: x, y: y, width: min(width, 60), height: 1), style: style)
            _ = canvas.write(line, x: x, y: y, style: style, maxWidth: min(width, 60))
            y += 1
        }
    }
}

/// One line: section id and title, weight, a readiness bar and what it rests on.
struct SectionBar {
    let section: StudySummary.SectionFigures
    let theme: Theme

    func render(in area: Rect, on canvas: inout Canvas) {
        let titleWidth = max(10, area.width - 42)
        let title = Text.pad(Text.truncate("\(section.id) \(section.title)", width: titleWidth), width: titleWidth)
        _ = canvas.write(title, x: area.x, y: area.y, style: theme.normal, maxWidth: titleWidth)
        let weight = Text.pad("\(section.weight)%", width: 5, alignment: .right)
        _ = canvas.write(weight, x: area.x + titleWidth, y: area.y, style: theme.dim)
        let barX = area.x + titleWidth + 7
        let barWidth = 20
        if let readiness = section.readiness {
            Gauge(ratio: readiness, label: nil, showPercent: true, theme: theme)
                .render(in: Rect(x: barX, y: area.y, width: barWidth + 5, height: 1), on: &canvas)
        } else {
            _ = canvas.write("not started", x: barX, y: area.y, style: theme.dim)
        }
        let basis = section.readinessBasis > 0 ? "\(section.readinessBasis) q" : ""
        _ = canvas.write(basis, x: barX + barWidth + 6, y: area.y, style: theme.dim, maxWidth: 8)
    }
}
