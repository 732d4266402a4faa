/// A centred dialog box drawn last over everything else: it clears its rect, draws a
/// border with a title, the body text wrapped inside, and an optional footer (e.g. key
/// hints) on the last inner row. Its size is clamped to the area it is drawn in.
public struct Modal: Widget {
    public var title: String
    public var body: String
    public var footer: String?
    /// Preferred outer width (nil: fit the text, at most 60 cells or the screen minus 4).
    public var width: Int?
    /// Preferred outer height (nil: fit the wrapped body).
    public var height: Int?
    public var style: Style
    public var borderStyle: Style
    public var titleStyle: Style
    public var footerStyle: Style
    public var border: BorderSet

    public init(
        title: String, body: String, footer: String? = nil, width: Int? = nil, height: Int? = nil,
        style: Style = Style(), borderStyle: Style = Style(attributes: .bold),
        titleStyle: Style = Style(attributes: .bold), footerStyle: Style = Style(attributes: .dim),
        border: BorderSet = .double
    ) {
        self.title = title
        self.body = body
        self.footer = footer
        self.width = width
        self.height = height
        self.style = style
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.footerStyle = footerStyle
        self.border = border
    }

    public init(title: String, body: String, footer: String? = nil, width: Int? = nil, height: Int? = nil, theme: Theme)
    {
        self.init(
            title: title, body: body, footer: footer, width: width, height: height, style: theme.normal,
            borderStyle: theme.accent, titleStyle: theme.title, footerStyle: theme.dim)
    }

    /// The outer rect the modal occupies inside `area`.
    public func frame(in area: Rect) -> Rect {
        let maxW = max(0, area.width - 2)
        let textW = max(
            Text.width(title) + 6,
            (body.split(whereSeparator: \.isNewline).map { Text.width(String($0)) }.max() ?? 0) + 4,
            Text.width(footer ?? "") + 4)
        var w = width ?? min(textW, 60, max(20, area.width - 4))
        w = min(max(w, 0), maxW > 0 ? maxW : area.width)
        let innerW = max(1, w - 4)
        let bodyRows = Paragraph.wrap(body, width: innerW).count
        var h = height ?? (bodyRows + 2 + (footer == nil ? 0 : 2))
        h = min(max(h, 0), area.height)
        return area.centered(width: w, height: h)
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        OverlayBox(
            title: title, border: border, style: style, borderStyle: borderStyle, titleStyle: titleStyle,
            footer: footer, footerStyle: footerStyle
        )
        .render(in: frame(in: area), on: &canvas) { bodyArea, c in
            c.render(Paragraph(body, style: style), in: bodyArea)
        }
    }
}
