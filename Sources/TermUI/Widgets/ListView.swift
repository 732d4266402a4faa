/// Selection and scroll position of a list, owned by the app and passed to `ListView`.
/// All operations keep `selected` inside `0..<count` (nil only when the list is empty).
public struct ListState: Equatable, Sendable {
    public var selected: Int?
    /// Index of the first visible item.
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Clamps selection to the item count (nil when empty, first item when unset).
    public mutating func clamp(count: Int) {
        if count <= 0 {
            selected = nil
            offset = 0
            return
        }
        selected = min(max(0, selected ?? 0), count - 1)
        offset = min(max(0, offset), count - 1)
    }

    /// Moves the selection by `delta` items, stopping at the ends.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { selected = nil; return }
        selected = min(max(0, (selected ?? 0) + delta), count - 1)
    }

    public mutating func selectNext(count: Int) { move(by: 1, count: count) }
    public mutating func selectPrevious(count: Int) { move(by: -1, count: count) }
    public mutating func selectFirst(count: Int) { selected = count > 0 ? 0 : nil }
    public mutating func selectLast(count: Int) { selected = count > 0 ? count - 1 : nil }
    /// Page down/up by one viewport height.
    public mutating func page(by pages: Int, viewHeight: Int, count: Int) {
        move(by: pages * max(1, viewHeight), count: count)
    }

    /// The keys `handle` uses, for a screen's key map.
    public static let navigationKeys: [Key] = [
        .up, .char("k"), .down, .char("j"), .home, .char("g"), .end, .char("G"), .pageUp, .pageDown,
    ]

    /// Standard list navigation: ↑/↓, Home/End, PageUp/PageDown (and k/j).
    /// Returns true when the key was used.
    @discardableResult
    public mutating func handle(_ key: Key, count: Int, viewHeight: Int) -> Bool {
        switch key {
        case .up, .char("k"): selectPrevious(count: count)
        case .down, .char("j"): selectNext(count: count)
        case .home, .char("g"): selectFirst(count: count)
        case .end, .char("G"): selectLast(count: count)
        case .pageUp: page(by: -1, viewHeight: viewHeight, count: count)
        case .pageDown: page(by: 1, viewHeight: viewHeight, count: count)
        default: return false
        }
        scrollToSelection(viewHeight: viewHeight, count: count)
        return true
    }

    /// Adjusts `offset` so the selected item lies within a viewport of `viewHeight` rows,
    /// and so the viewport does not scroll past the end of the list.
    public mutating func scrollToSelection(viewHeight: Int, count: Int) {
        clamp(count: count)
        offset = RowLayout.offset(offset, keeping: selected, viewHeight: viewHeight, count: count)
    }
}

/// One list row: an optional lead (a short key column such as a number and a status), the
/// text, an optional detail right-aligned, and an optional own style.
public struct ListItem: Equatable, Sendable, ExpressibleByStringLiteral {
    public var lead: String
    public var text: String
    public var detail: String?
    public var style: Style?

    public init(_ text: String, lead: String = "", detail: String? = nil, style: Style? = nil) {
        self.lead = lead
        self.text = text
        self.detail = detail
        self.style = style
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// How much of the selected row `ListView` paints in its selected style.
public enum ListHighlight: Equatable, Sendable {
    /// The whole width of the row.
    case row
    /// The marker and the item's lead only; text and detail keep their own style. A move
    /// then repaints two short spans instead of two full rows, which matters on long lists
    /// over slow links.
    case lead
}

/// A vertical list with a selected row. The selection marker (`highlightSymbol`) and
/// the `selectedStyle` (reverse in the monochrome theme) both mark the selection, so
/// it stays visible without colour.
public struct ListView: StatefulWidget, Widget {
    public var items: [ListItem]
    public var style: Style
    public var selectedStyle: Style
    public var detailStyle: Style
    public var highlightSymbol: String
    public var highlight: ListHighlight

    public init(
        items: [ListItem], style: Style = Style(), selectedStyle: Style = Style(attributes: .reverse),
        detailStyle: Style = Style(attributes: .dim), highlightSymbol: String = "> ", highlight: ListHighlight = .row
    ) {
        self.items = items
        self.style = style
        self.selectedStyle = selectedStyle
        self.detailStyle = detailStyle
        self.highlightSymbol = highlightSymbol
        self.highlight = highlight
    }

    public init(items: [String], theme: Theme, highlightSymbol: String = "> ") {
        self.init(
            items: items.map { ListItem($0) }, style: theme.normal, selectedStyle: theme.selected,
            detailStyle: theme.dim, highlightSymbol: highlightSymbol)
    }

    public init(items: [ListItem], theme: Theme, highlightSymbol: String = "> ", highlight: ListHighlight = .row) {
        self.init(
            items: items, style: theme.normal, selectedStyle: theme.selected,
            detailStyle: theme.dim, highlightSymbol: highlightSymbol, highlight: highlight)
    }

    /// Renders with a throwaway state (selection shown, scroll not kept).
    public func render(in area: Rect, on canvas: inout Canvas) {
        var state = ListState()
        render(in: area, on: &canvas, state: &state)
    }

    public func render(in area: Rect, on canvas: inout Canvas, state: inout ListState) {
        state.scrollToSelection(viewHeight: area.height, count: items.count)
        guard !area.isEmpty else { return }
        let markWidth = Text.width(highlightSymbol)
        let blankMark = String(repeating: " ", count: markWidth)
        canvas.withClip(area) { c in
            for row in 0..<area.height {
                let i = state.offset + row
                guard i < items.count else { break }
                let item = items[i]
                let y = area.y + row
                let isSelected = i == state.selected
                let base = item.style.map { $0.patched(over: style) } ?? style
                let leadStyle = isSelected ? selectedStyle : base
                let wholeRow = isSelected && highlight == .row
                let rowStyle = wholeRow ? selectedStyle : base
                if wholeRow { c.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle) }
                var x = c.write(
                    isSelected ? highlightSymbol : blankMark, x: area.x, y: y, style: leadStyle, maxWidth: area.width)
                if !item.lead.isEmpty {
                    x = c.write(item.lead, x: x, y: y, style: leadStyle, maxWidth: max(0, area.maxX - x))
                    x = min(area.maxX, x + 2)
                }
                c.writeRow(
                    item.text, detail: item.detail, x: x, y: y, maxX: area.maxX, style: rowStyle,
                    detailStyle: wholeRow ? rowStyle : detailStyle)
            }
        }
    }
}
