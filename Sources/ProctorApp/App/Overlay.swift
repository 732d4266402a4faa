import StudyCore
import TermUI

public enum ConfirmAction: Equatable, Sendable {
    case quitApp
    case submitExam
    case leaveExam
    case startNewExam(ExamRequest)
    case resumeExam(Int64)
}

/// A yes/no question drawn over the screen; it gets every key until answered.
public struct ConfirmDialog: Equatable, Sendable {
    public var title: String
    public var body: String
    public var yesLabel: String
    public var noLabel: String
    public var onYes: ConfirmAction
    /// What `n` does; nil just closes the dialog.
    public var onNo: ConfirmAction?

    public init(
        title: String, body: String, yesLabel: String = "yes", noLabel: String = "no", onYes: ConfirmAction,
        onNo: ConfirmAction? = nil
    ) {
        self.title = title
        self.body = body
        self.yesLabel = yesLabel
        self.noLabel = noLabel
        self.onYes = onYes
        self.onNo = onNo
    }
}

public enum Overlay: Equatable, Sendable {
    case help(HelpOverlay)
    case confirm(ConfirmDialog)
    case message(title: String, body: String)

    /// Returns the overlay to keep (nil closes it) and what to do.
    func handle(_ key: Key) -> (Overlay?, Outcome) {
        switch self {
        case .help(var help):
            switch key {
            case .down, .char("j"): help.scroll += 1
            case .up, .char("k"): help.scroll = max(0, help.scroll - 1)
            case .pageDown, .char(" "): help.scroll += 10
            case .pageUp: help.scroll = max(0, help.scroll - 10)
            default: return (nil, .none)
            }
            return (.help(help), .none)
        case .confirm(let dialog):
            switch key {
            case .char("y"), .char("Y"), .enter:
                return (nil, Outcome(confirmed: dialog.onYes))
            case .char("n"), .char("N"):
                return (nil, Outcome(confirmed: dialog.onNo))
            case .escape, .char("q"):
                return (nil, .none)
            default:
                return (self, .none)
            }
        case .message:
            return (nil, .none)
        }
    }

    var hints: [(String, String)] {
        switch self {
        case .help: [("↑↓", "scroll"), ("any key", "close")]
        case .confirm(let d): [("y/Enter", d.yesLabel), ("n", d.noLabel), ("Esc", "cancel")]
        case .message: [("any key", "close")]
        }
    }

    func render(on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        switch self {
        case .help(let help):
            help.render(on: &canvas, theme: theme)
        case .confirm(let d):
            let body = d.body + "\n\n" + "y/Enter \(d.yesLabel)  ·  n \(d.noLabel)  ·  Esc cancel"
            Modal(title: d.title, body: body, theme: theme).render(in: canvas.bounds, on: &canvas)
        case .message(let title, let body):
            Modal(title: title, body: body + "\n\nPress any key.", theme: theme).render(in: canvas.bounds, on: &canvas)
        }
    }
}
