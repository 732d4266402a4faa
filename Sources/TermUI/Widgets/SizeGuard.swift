/// Guards a screen against terminals that are too small: when the size is below the
/// minimum, render this instead of the real screen. It shows
/// "terminal too small: need at least WxH" centred and wrapped to fit.
public struct SizeGuard: Widget {
    public var minWidth: Int
    public var minHeight: Int
    public var style: Style

    public init(minWidth: Int, minHeight: Int, style: Style = Style(attributes: .bold)) {
        self.minWidth = minWidth
        self.minHeight = minHeight
        self.style = style
    }

    public func isSatisfied(by size: Size) -> Bool { size.width >= minWidth && size.height >= minHeight }

    public var message: String {
        "terminal too small: need at least \(minWidth)x\(minHeight)"
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        let lines = Paragraph.wrap(message, width: area.width)
        let shown = min(lines.count, area.height)
        let top = area.y + (area.height - shown) / 2
        canvas.withClip(area) { c in
            c.clear(area)
            for i in 0..<shown {
                c.write(lines[i], x: area.x, y: top + i, width: area.width, alignment: .center, style: style)
            }
        }
    }

    /// Renders the guard message into the whole canvas and returns false when the canvas
    /// is smaller than the minimum; returns true (drawing nothing) when the real screen fits.
    @discardableResult
    public func check(_ canvas: inout Canvas) -> Bool {
        if isSatisfied(by: canvas.size) { return true }
        render(in: canvas.bounds, on: &canvas)
        return false
    }
}
