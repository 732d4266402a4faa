import TermUI

/// Every key, with the ones of the current screen first.
public struct HelpOverlay: Equatable, Sendable {
    public var scroll = 0
    let screenName: String
    let screenKeys: [(String, String)]

    init(screen: Screen) {
        screenName = screen.model.helpName
        screenKeys = screen.model.helpKeys
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
        ("Ctrl-Z", "suspend to the shell; fg to come back"),
    ]

    var hints: [KeyHint] {
        screenKeys.map { KeyHint($0.0, $0.1) } + [KeyHint("", ""), KeyHint("", "Everywhere")]
            + Self.commonKeys.map { KeyHint($0.0, $0.1) }
    }

    func render(on canvas: inout Canvas, theme: Theme) {
        KeyHelp(
            title: "Keys: \(screenName)", hints: hints, footer: "↑↓ scroll · any other key closes", scroll: scroll,
            theme: theme
        ).render(in: canvas.bounds, on: &canvas)
    }
}
