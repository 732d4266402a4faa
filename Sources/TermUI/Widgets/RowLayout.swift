/// What lists and trees share: scrolling to the selected row, and a row's text with a
/// right-aligned detail.
enum RowLayout {
    /// The first visible row that keeps row `selected` inside a viewport of `viewHeight` rows,
    /// moving `offset` as little as possible and never scrolling past the last of `count` rows.
    static func offset(_ offset: Int, keeping selected: Int?, viewHeight: Int, count: Int) -> Int {
        guard viewHeight > 0, count > 0 else { return 0 }
        var o = offset
        if let s = selected {
            if s < o { o = s }
            if s >= o + viewHeight { o = s - viewHeight + 1 }
        }
        return max(0, min(o, count - viewHeight))
    }
}

extension Canvas {
    /// Writes `text` from `x` on row `y`, with `detail` right-aligned against `maxX` and one
    /// space between them; the text is truncated to the room the detail leaves.
    mutating func writeRow(
        _ text: String, detail: String?, x: Int, y: Int, maxX: Int, style: Style, detailStyle: Style
    ) {
        var room = maxX - x
        if let d = detail, !d.isEmpty {
            let dw = min(Text.width(d), max(0, room - 1))
            if dw > 0 {
                write(d, x: maxX - dw, y: y, width: dw, alignment: .right, style: detailStyle)
                room = max(0, room - dw - 1)
            }
        }
        write(Text.truncate(text, width: room), x: x, y: y, style: style, maxWidth: room)
    }
}
