/// A node of a tree: a stable id, a label, optional right-aligned detail (e.g. "12/20"),
/// an optional style, and children.
public struct TreeNode: Equatable, Sendable, Identifiable {
    public var id: String
    public var label: String
    public var detail: String?
    public var style: Style?
    public var children: [TreeNode]

    public init(id: String, label: String, detail: String? = nil, style: Style? = nil, children: [TreeNode] = []) {
        self.id = id
        self.label = label
        self.detail = detail
        self.style = style
        self.children = children
    }

    public var hasChildren: Bool { !children.isEmpty }
}

/// One visible row of a flattened tree.
public struct TreeRow: Equatable, Sendable {
    public var id: String
    public var label: String
    public var detail: String?
    public var style: Style?
    public var depth: Int
    public var hasChildren: Bool
    public var isExpanded: Bool
    /// Id of the parent node (nil for roots).
    public var parentID: String?
    /// Indent guides drawn before the label, e.g. "  │   ├── ".
    public var prefix: String
}

/// Expansion, selection and scroll of a tree, owned by the app. Node ids are used,
/// not row indexes, so the selection survives expanding and collapsing.
public struct TreeState: Equatable, Sendable {
    public var expanded: Set<String>
    public var selectedID: String?
    /// Index of the first visible row.
    public var offset: Int

    public init(expanded: Set<String> = [], selectedID: String? = nil, offset: Int = 0) {
        self.expanded = expanded
        self.selectedID = selectedID
        self.offset = offset
    }

    public func isExpanded(_ id: String) -> Bool { expanded.contains(id) }
    public mutating func toggle(_ id: String) {
        if expanded.contains(id) { expanded.remove(id) } else { expanded.insert(id) }
    }

    /// Expands every node that has children.
    public mutating func expandAll(_ nodes: [TreeNode]) {
        for n in nodes where n.hasChildren {
            expanded.insert(n.id)
            expandAll(n.children)
        }
    }

    /// The visible rows for this state.
    public func visibleRows(_ nodes: [TreeNode]) -> [TreeRow] { TreeView.flatten(nodes, expanded: expanded) }

    /// Index of the selected row among `rows` (nil if the selection is not visible).
    public func selectedIndex(in rows: [TreeRow]) -> Int? {
        guard let sel = selectedID else { return nil }
        return rows.firstIndex { $0.id == sel }
    }

    /// Makes the selection valid for `rows`: an invisible or missing selection moves to
    /// its nearest visible ancestor, else to the first row.
    public mutating func clamp(rows: [TreeRow], nodes: [TreeNode]) {
        guard !rows.isEmpty else { selectedID = nil; offset = 0; return }
        if selectedIndex(in: rows) != nil { return }
        if let sel = selectedID, let path = TreeView.path(to: sel, in: nodes) {
            for ancestor in path.dropLast().reversed() where rows.contains(where: { $0.id == ancestor }) {
                selectedID = ancestor
                return
            }
        }
        selectedID = rows[0].id
    }

    /// Moves the selection by `delta` visible rows, stopping at the ends.
    public mutating func move(by delta: Int, in nodes: [TreeNode]) {
        let rows = visibleRows(nodes)
        clamp(rows: rows, nodes: nodes)
        guard let i = selectedIndex(in: rows) else { return }
        selectedID = rows[min(max(0, i + delta), rows.count - 1)].id
    }

    public mutating func selectNext(in nodes: [TreeNode]) { move(by: 1, in: nodes) }
    public mutating func selectPrevious(in nodes: [TreeNode]) { move(by: -1, in: nodes) }
    public mutating func selectFirst(in nodes: [TreeNode]) { selectedID = visibleRows(nodes).first?.id }
    public mutating func selectLast(in nodes: [TreeNode]) { selectedID = visibleRows(nodes).last?.id }

    /// Right/→: expands a collapsed node; on an expanded node moves to its first child.
    public mutating func expandOrEnter(in nodes: [TreeNode]) {
        let rows = visibleRows(nodes)
        clamp(rows: rows, nodes: nodes)
        guard let i = selectedIndex(in: rows) else { return }
        let row = rows[i]
        guard row.hasChildren else { return }
        if !row.isExpanded { expanded.insert(row.id) } else if i + 1 < rows.count { selectedID = rows[i + 1].id }
    }

    /// Left/←: collapses an expanded node; otherwise moves to the parent.
    public mutating func collapseOrLeave(in nodes: [TreeNode]) {
        let rows = visibleRows(nodes)
        clamp(rows: rows, nodes: nodes)
        guard let i = selectedIndex(in: rows) else { return }
        let row = rows[i]
        if row.hasChildren && row.isExpanded { expanded.remove(row.id) } else if let p = row.parentID { selectedID = p }
    }

    /// The keys `handle` uses, for a screen's key map.
    public static let navigationKeys: [Key] = ListState.navigationKeys + [.right, .char("l"), .left, .char("h")]

    /// Standard tree navigation: ↑/↓ (k/j), Home/End (g/G), PageUp/PageDown (`viewHeight` rows),
    /// → (l) expand or enter, ← (h) collapse or go to parent. Enter and space are left to the
    /// app. Returns true when the key was used.
    @discardableResult
    public mutating func handle(_ key: Key, nodes: [TreeNode], viewHeight: Int = 10) -> Bool {
        switch key {
        case .up, .char("k"): selectPrevious(in: nodes)
        case .down, .char("j"): selectNext(in: nodes)
        case .home, .char("g"): selectFirst(in: nodes)
        case .end, .char("G"): selectLast(in: nodes)
        case .pageUp: move(by: -max(1, viewHeight), in: nodes)
        case .pageDown: move(by: max(1, viewHeight), in: nodes)
        case .right, .char("l"): expandOrEnter(in: nodes)
        case .left, .char("h"): collapseOrLeave(in: nodes)
        default: return false
        }
        return true
    }

    /// Keeps the selected row within a viewport of `viewHeight` rows.
    public mutating func scrollToSelection(rows: [TreeRow], viewHeight: Int) {
        offset = RowLayout.offset(offset, keeping: selectedIndex(in: rows), viewHeight: viewHeight, count: rows.count)
    }
}

/// A tree with indent guides:
/// ```
/// ▾ Domain 1            3/10
///   ├── 1.1 Framing
///   └─▾ 1.2 Data
///       └── 1.2.1 Leakage
/// ▸ Domain 2
/// ```
/// Roots have an expand marker (▸ collapsed, ▾ expanded, blank for leaves); children
/// hang off `├─`/`└─` with `│` continuing the line of ancestors that have more siblings.
public struct TreeView: StatefulWidget, Widget {
    public var nodes: [TreeNode]
    public var style: Style
    public var selectedStyle: Style
    public var guideStyle: Style
    public var detailStyle: Style

    public init(
        nodes: [TreeNode], style: Style = Style(), selectedStyle: Style = Style(attributes: .reverse),
        guideStyle: Style = Style(attributes: .dim), detailStyle: Style = Style(attributes: .dim)
    ) {
        self.nodes = nodes
        self.style = style
        self.selectedStyle = selectedStyle
        self.guideStyle = guideStyle
        self.detailStyle = detailStyle
    }

    public init(nodes: [TreeNode], theme: Theme) {
        self.init(
            nodes: nodes, style: theme.normal, selectedStyle: theme.selected, guideStyle: theme.dim,
            detailStyle: theme.dim)
    }

    /// The rows visible when the nodes in `expanded` are open, in display order.
    public static func flatten(_ nodes: [TreeNode], expanded: Set<String>) -> [TreeRow] {
        var rows: [TreeRow] = []
        func visit(_ list: [TreeNode], depth: Int, parent: String?, guides: String) {
            for (i, n) in list.enumerated() {
                let last = i == list.count - 1
                let open = n.hasChildren && expanded.contains(n.id)
                let marker = n.hasChildren ? (open ? "▾ " : "▸ ") : "  "
                let prefix: String
                if depth == 0 {
                    prefix = marker
                } else {
                    let branch = last ? "└─" : "├─"
                    prefix = guides + branch + (n.hasChildren ? (open ? "▾ " : "▸ ") : "─ ")
                }
                rows.append(
                    TreeRow(
                        id: n.id, label: n.label, detail: n.detail, style: n.style, depth: depth,
                        hasChildren: n.hasChildren, isExpanded: open, parentID: parent, prefix: prefix))
                if open {
                    let childGuides = depth == 0 ? "  " : guides + (last ? "    " : "│   ")
                    visit(n.children, depth: depth + 1, parent: n.id, guides: childGuides)
                }
            }
        }
        visit(nodes, depth: 0, parent: nil, guides: "")
        return rows
    }

    /// Ids from a root to the node with `id` (inclusive), or nil if absent.
    public static func path(to id: String, in nodes: [TreeNode]) -> [String]? {
        for n in nodes {
            if n.id == id { return [n.id] }
            if let p = path(to: id, in: n.children) { return [n.id] + p }
        }
        return nil
    }

    /// Finds a node by id anywhere in the tree.
    public static func node(_ id: String, in nodes: [TreeNode]) -> TreeNode? {
        for n in nodes {
            if n.id == id { return n }
            if let m = node(id, in: n.children) { return m }
        }
        return nil
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        var state = TreeState()
        render(in: area, on: &canvas, state: &state)
    }

    public func render(in area: Rect, on canvas: inout Canvas, state: inout TreeState) {
        let rows = TreeView.flatten(nodes, expanded: state.expanded)
        state.clamp(rows: rows, nodes: nodes)
        state.scrollToSelection(rows: rows, viewHeight: area.height)
        guard !area.isEmpty else { return }
        canvas.withClip(area) { c in
            for r in 0..<area.height {
                let i = state.offset + r
                guard i < rows.count else { break }
                let row = rows[i]
                let y = area.y + r
                let selected = row.id == state.selectedID
                let base = row.style.map { $0.patched(over: style) } ?? style
                let labelStyle = selected ? selectedStyle : base
                if selected { c.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: selectedStyle) }
                let x = c.write(
                    row.prefix, x: area.x, y: y, style: selected ? selectedStyle : guideStyle, maxWidth: area.width)
                c.writeRow(
                    row.label, detail: row.detail, x: x, y: y, maxX: area.maxX, style: labelStyle,
                    detailStyle: selected ? selectedStyle : detailStyle)
            }
        }
    }
}
