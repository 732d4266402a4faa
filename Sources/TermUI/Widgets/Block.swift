/// A bordered box with an optional title in the top border. `inner(_:)` gives the
/// rect left for content.
public struct Block: Widget {
    public var title: String?
    public var titleAlignment: Alignment
    public var border: BorderSet
    public var borderStyle: Style
    public var titleStyle: Style
    /// Style used to fill the whole area first (nil: leave the content untouched).
    public var background: Style?

    public init(
        title: String? = nil, titleAlignment: Alignment = .left, border: BorderSet = .plain,
        borderStyle: Style = Style(), titleStyle: Style = Style(attributes: .bold), background: Style? = nil
    ) {
        self.title = title
        self.titleAlignment = titleAlignment
        self.border = border
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.background = background
    }

    /// A block styled from a theme's `border` and `title` roles.
    public init(title: String? = nil, theme: Theme, border: BorderSet = .plain) {
        self.init(title: title, border: border, borderStyle: theme.border, titleStyle: theme.title)
    }

    /// The content rect inside the border (the whole area if it is too small for one).
    public func inner(_ area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return area.inset(by: 1)
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        canvas.withClip(area) { c in
            if let bg = background { c.clear(area, style: bg) }
            c.drawBox(area, border: border, style: borderStyle)
            guard let title, !title.isEmpty, area.width > 4, area.height >= 1 else { return }
            // " title " inside the top border, leaving the corners and one dash each side.
            let room = area.width - 4
            let text = " " + Text.truncate(title, width: max(0, room - 2)) + " "
            c.write(text, x: area.x + 2, y: area.y, width: room, alignment: titleAlignment, style: titleStyle)
        }
    }
}
