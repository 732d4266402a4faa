/// A key hint shown in a status bar: "q quit".
public struct KeyHint: Equatable, Sendable {
    public var key: String
    public var label: String
    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// A one-row bar of key hints ("key label" pairs separated by two spaces) with optional
/// right-aligned text. Hints that do not fit are dropped whole, from the end; if not even
/// the first fits, it is truncated with "…". The right text gives way to hints.
public struct StatusBar: Widget {
    public var hints: [KeyHint]
    public var right: String?
    public var style: Style
    public var keyStyle: Style
    public var labelStyle: Style

    public init(
        hints: [KeyHint], right: String? = nil, style: Style = Style(),
        keyStyle: Style = Style(attributes: [.bold, .reverse]), labelStyle: Style = Style()
    ) {
        self.hints = hints
        self.right = right
        self.style = style
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
    }

    public init(_ hints: [(key: String, label: String)], right: String? = nil, theme: Theme) {
        self.init(
            hints: hints.map { KeyHint($0.key, $0.label) }, right: right, style: theme.normal,
            keyStyle: theme.keyHint, labelStyle: theme.keyLabel)
    }

    static let separator = 2

    /// How many hints fit in `width` cells (whole pairs only).
    public static func fittingCount(_ hints: [KeyHint], width: Int) -> Int {
        var used = 0, n = 0
        for (i, h) in hints.enumerated() {
            let w = Text.width(h.key) + (h.label.isEmpty ? 0 : 1 + Text.width(h.label)) + (i > 0 ? separator : 0)
            if used + w > width { break }
            used += w
            n += 1
        }
        return n
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        let y = area.y
        canvas.withClip(Rect(x: area.x, y: y, width: area.width, height: 1)) { c in
            c.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
            // The right text keeps its place (it is usually "? help", the way to every key)
            // while at least one hint still fits beside it; otherwise it gives way.
            let rightWidth = right.map { Text.width($0) + StatusBar.separator } ?? 0
            var n = StatusBar.fittingCount(hints, width: area.width - rightWidth)
            if n == 0 { n = StatusBar.fittingCount(hints, width: area.width) }
            var x = area.x
            if n == 0, let first = hints.first {
                // Not even one pair fits: show what we can of it.
                let text = Text.truncate(first.key + " " + first.label, width: area.width)
                c.write(text, x: x, y: y, style: keyStyle, maxWidth: area.width)
                return
            }
            for (i, h) in hints.prefix(n).enumerated() {
                if i > 0 { x += StatusBar.separator }
                x = c.write(h.key, x: x, y: y, style: keyStyle)
                if !h.label.isEmpty {
                    x = c.write(" ", x: x, y: y, style: style)
                    x = c.write(h.label, x: x, y: y, style: labelStyle)
                }
            }
            if let right, !right.isEmpty {
                let room = area.maxX - x - StatusBar.separator
                guard room > 0 else { return }
                let t = Text.truncate(right, width: room)
                let w = Text.width(t)
                c.write(t, x: area.maxX - w, y: y, style: style)
            }
        }
    }
}
