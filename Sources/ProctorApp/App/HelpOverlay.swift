import TermUI

/// Every key, with the ones of the current screen first.
public struct HelpOverlay: Equatable, Sendable {
    public var scroll = 0
    let screenName: String
    let screenKeys: [(String, String)]

    init(screen: Screen) {
        switch screen {
        case .home: screenName = "Home"; screenKeys = HomeScreen.helpKeys
        case .outline: screenName = "Exam guide"; screenKeys = OutlineScreen.helpKeys
        case .practice: screenName = "Practice"; screenKeys = PracticeScreen.helpKeys
        case .exam: screenName = "Mock exam"; screenKeys = ExamScreen.helpKeys
        case .results: screenName = "Results"; screenKeys = ResultsScreen.helpKeys
        case .review: screenName = "Review"; screenKeys = ReviewScreen.helpKeys
        case .stats: screenName = "Stats"; screenKeys = StatsScreen.helpKeys
        }
    }

    public static func == (a: HelpOverlay, b: HelpOverlay) -> Bool {
        a.scroll == b.scroll && a.screenName == b.screenName
    }

    static let commonKeys: [(String, String)] = [
        ("↑/↓  k/j", "move"),
        ("PgUp/PgDn  g/G", "page, first, last"),
        ("Enter", "open or submit"),
        ("Esc  q", "back (q on Home quits)"),
        ("?  F1", "this help"),
        ("Ctrl-C", "quit from anywhere; answers are already saved"),
    ]

    var text: String {
        func block(_ rows: [(String, String)]) -> String {
            let keyWidth = rows.map { Text.width($0.0) }.max() ?? 0
            return rows.map { "  " + Text.pad($0.0, width: keyWidth) + "   " + $0.1 }.joined(separator: "\n")
        }
        return "\(screenName)\n" + block(screenKeys) + "\n\nEverywhere\n" + block(Self.commonKeys)
    }

    func render(on canvas: inout Canvas, theme: Theme) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let width = min(canvas.width - 4, max(50, (lines.map { Text.width($0) }.max() ?? 0) + 4))
        let height = min(canvas.height - 2, lines.count + 4)
        let visible = max(1, height - 4)
        let start = min(scroll, max(0, lines.count - visible))
        let body = lines.dropFirst(start).prefix(visible).joined(separator: "\n")
        Modal(title: "Keys", body: body, footer: "any key closes", width: width, height: height, theme: theme)
            .render(in: canvas.bounds, on: &canvas)
    }
}
