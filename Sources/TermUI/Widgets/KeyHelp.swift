/// A centred box listing key bindings, drawn last like `Modal` (an overlay: it clears its rect):
/// ```
/// ╔═══════ Keys ════════╗
/// ║ ↑/↓    move         ║
/// ║ enter  answer       ║
/// ║ q      quit         ║
/// ╚═════════════════════╝
/// ```
/// Rows that do not fit are cut; `scroll` skips rows from the top.
public struct KeyHelp: Widget {
    public var title: String
    public var hints: [KeyHint]
    public var footer: String?
    public var scroll: Int
    public var style: Style
    public var keyStyle: Style
    public var borderStyle: Style
    public var titleStyle: Style
    public var footerStyle: Style

    public init(
        title: String = "Keys", hints: [KeyHint], footer: String? = nil, scroll: Int = 0,
        style: Style = Style(), keyStyle: Style = Style(attributes: .bold),
        borderStyle: Style = Style(attributes: .bold), titleStyle: Style = Style(attributes: .bold),
        footerStyle: Style = Style(attributes: .dim)
    ) {
        self.title = title
        self.hints = hints
        self.footer = footer
        self.scroll = scroll
        self.style = style
        self.keyStyle = keyStyle
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.footerStyle = footerStyle
    }

    public init(title: String = "Keys", hints: [KeyHint], footer: String? = nil, scroll: Int = 0, theme: Theme) {
        self.init(
            title: title, hints: hints, footer: footer, scroll: scroll, style: theme.normal, keyStyle: theme.accent,
            borderStyle: theme.accent, titleStyle: theme.title, footerStyle: theme.dim)
    }

    var keyColumnWidth: Int { hints.map { Text.width($0.key) }.max() ?? 0 }

    /// The outer rect inside `area`.
    public func frame(in area: Rect) -> Rect {
        let labelW = hints.map { Text.width($0.label) }.max() ?? 0
        let contentW = max(keyColumnWidth + 2 + labelW, Text.width(footer ?? ""), Text.width(title) + 4)
        let w = min(contentW + 4, max(0, area.width))
        let h = min(hints.count + 2 + (footer == nil ? 0 : 2), max(0, area.height))
        return area.centered(width: w, height: h)
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        OverlayBox(
            title: title, border: .double, style: style, borderStyle: borderStyle, titleStyle: titleStyle,
            footer: footer, footerStyle: footerStyle
        )
        .render(in: frame(in: area), on: &canvas) { listArea, c in
            let keyW = min(keyColumnWidth, listArea.width)
            let start = min(max(0, scroll), max(0, hints.count - listArea.height))
            for row in 0..<listArea.height {
                let i = start + row
                guard i < hints.count else { break }
                let y = listArea.y + row
                c.write(hints[i].key, x: listArea.x, y: y, width: keyW, alignment: .left, style: keyStyle)
                let lx = listArea.x + keyW + 2
                c.write(
                    hints[i].label, x: lx, y: y, width: max(0, listArea.maxX - lx), alignment: .left,
                    style: style)
            }
        }
    }
}
