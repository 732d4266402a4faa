/// A value that draws itself into a rect of a canvas. Widgets are rebuilt every frame;
/// anything that must outlive a frame (selection, scroll) lives in app-owned state.
public protocol Widget {
    func render(in area: Rect, on canvas: inout Canvas)
}

/// A widget whose persistent state (selection, scroll offset) is passed in and
/// adjusted at render time (clamped to the item count, scrolled to keep the selection visible).
public protocol StatefulWidget {
    associatedtype State
    func render(in area: Rect, on canvas: inout Canvas, state: inout State)
}

extension Canvas {
    /// Renders a widget clipped to `area`.
    public mutating func render<W: Widget>(_ widget: W, in area: Rect) {
        withClip(area) { widget.render(in: area, on: &$0) }
    }

    /// Renders a stateful widget clipped to `area`, updating `state`.
    public mutating func render<W: StatefulWidget>(_ widget: W, in area: Rect, state: inout W.State) {
        let saved = clip
        clip = clip.intersection(area)
        widget.render(in: area, on: &self, state: &state)
        clip = saved
    }
}

/// Blanks its area. Draw it before an overlay so nothing underneath shows through.
public struct Clear: Widget {
    public var style: Style
    public init(style: Style = Style()) { self.style = style }
    public func render(in area: Rect, on canvas: inout Canvas) {
        canvas.clear(area, style: style)
    }
}
