/// A table column: header title, width constraint and alignment.
public struct TableColumn: Equatable, Sendable {
    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint = .fill, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Rows of cells under a header. Column widths come from `Layout` with one space
/// between columns; cell text is truncated with "…". An optional selected row is
/// highlighted and scrolled into view (offset kept in `ListState`).
public struct Table: StatefulWidget, Widget {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var showHeader: Bool
    public var style: Style
    public var headerStyle: Style
    public var selectedStyle: Style
    public var columnSpacing: Int

    public init(
        columns: [TableColumn], rows: [[String]], showHeader: Bool = true, style: Style = Style(),
        headerStyle: Style = Style(attributes: [.bold, .underline]),
        selectedStyle: Style = Style(attributes: .reverse), columnSpacing: Int = 1
    ) {
        self.columns = columns
        self.rows = rows
        self.showHeader = showHeader
        self.style = style
        self.headerStyle = headerStyle
        self.selectedStyle = selectedStyle
        self.columnSpacing = columnSpacing
    }

    public init(columns: [TableColumn], rows: [[String]], showHeader: Bool = true, theme: Theme) {
        self.init(
            columns: columns, rows: rows, showHeader: showHeader, style: theme.normal,
            headerStyle: theme.title.adding(.underline), selectedStyle: theme.selected)
    }

    /// Renders without a selection.
    public func render(in area: Rect, on canvas: inout Canvas) {
        var state = ListState(selected: nil)
        render(in: area, on: &canvas, state: &state)
    }

    public func render(in area: Rect, on canvas: inout Canvas, state: inout ListState) {
        let hadSelection = state.selected != nil
        let bodyHeight = max(0, area.height - (showHeader ? 1 : 0))
        if hadSelection {
            state.scrollToSelection(viewHeight: bodyHeight, count: rows.count)
        } else {
            state.offset = max(0, min(state.offset, rows.count - bodyHeight))
        }
        guard !area.isEmpty else { return }
        let cols = Layout.split(area, .horizontal, columns.map(\.width), spacing: columnSpacing)
        canvas.withClip(area) { c in
            var y = area.y
            if showHeader {
                for (i, col) in columns.enumerated() where cols[i].width > 0 {
                    c.write(
                        col.title, x: cols[i].x, y: y, width: cols[i].width, alignment: col.alignment,
                        style: headerStyle)
                }
                y += 1
            }
            for r in 0..<bodyHeight {
                let idx = state.offset + r
                guard idx < rows.count else { break }
                let selected = hadSelection && idx == state.selected
                let rowStyle = selected ? selectedStyle : style
                if selected { c.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle) }
                for (i, col) in columns.enumerated() where cols[i].width > 0 {
                    let text = i < rows[idx].count ? rows[idx][i] : ""
                    c.write(text, x: cols[i].x, y: y, width: cols[i].width, alignment: col.alignment, style: rowStyle)
                }
                y += 1
            }
        }
    }
}
