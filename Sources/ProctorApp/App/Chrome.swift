import Foundation
import StudyCore
import TermUI

/// The frame around every screen: a header line and a status line of key hints.
struct Chrome {
    enum Status {
        case text(String)
        case countdown(ExamSession, now: Date)
    }

    let context: AppContext
    let title: String
    let status: Status?
    let hints: [(String, String)]

    func render(on canvas: inout Canvas) {
        let theme = context.theme
        let width = context.size.width
        let header = Rect(x: 0, y: 0, width: width, height: 1)
        canvas.clear(header, style: theme.selected)
        let left = " Proctor · \(context.pack.title) · \(title)"
        var rightWidth = 0
        switch status {
        case .countdown(let session, let now)?:
            let remaining = session.remaining(at: now)
            let countdown = Countdown(
                remaining: remaining, warningThreshold: 600, alertThreshold: 60, label: "⏱",
                alignment: .right, theme: theme)
            let text = " " + countdown.text + " "
            rightWidth = Text.width(text)
            let style = countdown.level == .normal ? theme.selected : countdown.style
            _ = canvas.write(text, x: width - rightWidth, y: 0, style: style, maxWidth: rightWidth)
        case .text(let text)?:
            let padded = text + " "
            rightWidth = Text.width(padded)
            _ = canvas.write(padded, x: max(0, width - rightWidth), y: 0, style: theme.selected, maxWidth: rightWidth)
        case nil:
            break
        }
        _ = canvas.write(
            Text.truncate(left, width: max(0, width - rightWidth - 1)), x: 0, y: 0, style: theme.selected,
            maxWidth: max(0, width - rightWidth))
        let footer = Rect(x: 0, y: context.size.height - 1, width: width, height: 1)
        StatusBar(hints.map { (key: $0.0, label: $0.1) }, right: "? help ", theme: theme)
            .render(in: footer, on: &canvas)
    }
}
