/// The frame shared by overlays (`Modal`, `KeyHelp`): clears its rect, draws a titled
/// border and an optional centred footer, and hands back the area left for content.
struct OverlayBox {
    var title: String
    var border: BorderSet
    var style: Style
    var borderStyle: Style
    var titleStyle: Style
    var footer: String?
    var footerStyle: Style

    /// Draws the frame into `rect`; `content` gets the padded inner area above the footer.
    func render(in rect: Rect, on canvas: inout Canvas, content: (Rect, inout Canvas) -> Void) {
        guard !rect.isEmpty else { return }
        canvas.withClip(rect) { c in
            c.clear(rect, style: style)
            Block(
                title: title, titleAlignment: .center, border: border, borderStyle: borderStyle,
                titleStyle: titleStyle
            ).render(in: rect, on: &c)
            // One column of padding inside the border.
            let inner = rect.width >= 2 && rect.height >= 2 ? rect.inset(top: 1, left: 2, bottom: 1, right: 2) : rect
            guard !inner.isEmpty else { return }
            var area = inner
            if let footer, !footer.isEmpty, inner.height >= 2 {
                c.write(
                    footer, x: inner.x, y: inner.maxY - 1, width: inner.width, alignment: .center, style: footerStyle)
                area = inner.inset(bottom: inner.height >= 3 ? 2 : 1)
            }
            content(area, &c)
        }
    }
}
