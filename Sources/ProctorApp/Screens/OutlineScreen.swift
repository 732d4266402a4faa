import Foundation
import StudyCore
import TermUI

/// The exam guide as a tree, with study notes and counts for the selected node.
public struct OutlineScreen: AppScreen {
    var title: String { "Exam guide" }

    var tree: TreeState
    public var filter = ""
    public var isTypingFilter = false
    var notesScroll = 0
    /// The tree for the current filter and progress, rebuilt only when either changes.
    private var cachedNodes: [TreeNode] = []
    private var cacheKey: NodesKey?

    private struct NodesKey: Equatable, Sendable {
        let filter: String
        let revision: Int
    }

    /// The notes pane for the selection, reflowed only when the selection, the pane width,
    /// the progress or the minute (due counts) changes, not on every frame.
    private var cachedNotes: [StyledLine] = []
    private var notesKey: NotesKey?

    private struct NotesKey: Equatable, Sendable {
        let nodeID: String?
        let width: Int
        let revision: Int
        let minute: Int
    }

    /// Reflowed study notes per subsection id, for `bodyWidth`: moving between nodes of one
    /// subsection (or back to one seen before) does not reflow its notes again.
    private var bodies: [String: [StyledLine]] = [:]
    private var bodyWidth = 0

    private func currentNotesKey(_ context: AppContext, width: Int) -> NotesKey {
        NotesKey(
            nodeID: tree.selectedID, width: width, revision: context.progress.revision,
            minute: Int(context.now.timeIntervalSince1970 / 60))
    }

    init(pack: ExamPack) {
        tree = TreeState(
            expanded: Set(pack.sections.map { "s:\($0.id)" }), selectedID: pack.sections.first.map { "s:\($0.id)" })
    }

    enum Input: Sendable { case back, notes(Int), filter, practise, navigate }

    /// Browsing the guide; typing a filter takes every key (see `handleFilter`).
    static let keys = KeyMap<Input>([
        KeyBinding(
            [.up, .char("k"), .down, .char("j")], .navigate, bar: ("↑↓", "move"),
            help: ("↑/↓  k/j", "move through the guide")),
        KeyBinding(
            [.left, .char("h"), .right, .char("l")], .navigate, bar: ("←→", "fold"),
            help: ("←/→  h/l", "collapse / expand")),
        KeyBinding(
            [.enter, .char("p")], .practise, bar: ("Enter", "practise"),
            help: ("Enter  p", "practise the questions of the selected node")),
        KeyBinding(
            [.char("/")], .filter, bar: ("/", "filter"), help: ("/", "filter by text (Enter keeps it, Esc clears it)")),
        KeyBinding([.pageDown], .notes(10), bar: ("PgDn", "notes"), help: ("PgUp/PgDn", "scroll the study notes")),
        KeyBinding([.pageUp], .notes(-10)),
        KeyBinding([.home, .char("g"), .end, .char("G")], .navigate, help: ("g/G", "first / last node")),
        KeyBinding([.escape, .char("q")], .back, bar: ("q", "back"), help: ("Esc  q", "back (first clears a filter)")),
    ])

    static let filterHints: [(String, String)] = [("type", "filter"), ("Enter", "keep"), ("Esc", "clear")]

    var hints: [(String, String)] { isTypingFilter ? Self.filterHints : Self.keys.barHints }
    var helpKeys: [(String, String)] { Self.allHelpKeys }
    static var allHelpKeys: [(String, String)] { keys.helpHints }

    // MARK: Tree

    /// The row above the guide that lists renamed products (when the pack has `names.yaml`).
    static let namesNodeID = "n:names"

    static func nodes(context: AppContext, filter: String) -> [TreeNode] {
        let pack = context.pack
        let latest = context.progress.latest
        func mastery(_ ids: [String]) -> String {
            let seen = ids.compactMap { latest[$0] }
            return Figures.percent(seen.filter(\.correct).count, of: seen.count)
        }
        let needle = filter.lowercased()
        func matches(_ texts: String...) -> Bool {
            needle.isEmpty || texts.contains { $0.lowercased().contains(needle) }
        }
        let names = pack.productNames.filter { matches($0.former, $0.current) }
        let namesNode =
            names.isEmpty || !(needle.isEmpty || matches("Product names") || !names.isEmpty)
            ? [] : [TreeNode(id: Self.namesNodeID, label: "Product names", detail: "\(names.count) renamed")]
        return namesNode
            + pack.sections.compactMap { section -> TreeNode? in
                let subsections = section.subsections.compactMap { sub -> TreeNode? in
                    let questions = pack.questions(inSubsection: sub.id)
                    let subMatches = matches(sub.id, sub.title, sub.notes)
                    let considerations = sub.considerations.compactMap { c -> TreeNode? in
                        guard subMatches || matches(c.text, c.id) else { return nil }
                        let count = questions.filter { $0.covers.contains(c.id) }.count
                        return TreeNode(id: "c:\(c.id)", label: c.text, detail: "\(count) q")
                    }
                    guard subMatches || !considerations.isEmpty || matches(section.title) else { return nil }
                    let ids = questions.map(\.id)
                    return TreeNode(
                        id: "u:\(sub.id)", label: "\(sub.id) \(sub.title)",
                        detail: "\(ids.count) q · \(mastery(ids))", children: considerations)
                }
                guard matches(section.id, section.title) || !subsections.isEmpty else { return nil }
                let ids = pack.questions(inSection: section.id).map(\.id)
                return TreeNode(
                    id: "s:\(section.id)", label: "\(section.id) \(section.title)",
                    detail: "\(section.weight)% · \(mastery(ids))", children: subsections)
            }
    }

    private func currentNodes(_ context: AppContext) -> [TreeNode] {
        cacheKey == NodesKey(filter: filter, revision: context.progress.revision)
            ? cachedNodes : Self.nodes(context: context, filter: filter)
    }

    private mutating func refreshNodes(_ context: AppContext) {
        let key = NodesKey(filter: filter, revision: context.progress.revision)
        guard key != cacheKey else { return }
        cachedNodes = Self.nodes(context: context, filter: filter)
        cacheKey = key
    }

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        if isTypingFilter { return handleFilter(key, context: context) }
        let nodes = currentNodes(context)
        let before = tree.selectedID
        switch Self.keys.action(for: key) {
        case .back?:
            if !filter.isEmpty {
                filter = ""
                return .none
            }
            return .pop
        case .notes(let rows)?: notesScroll = max(0, notesScroll + rows)
        case .filter?:
            isTypingFilter = true
        case .practise?:
            guard let scope = scope(of: tree.selectedID) else { return .none }
            return PracticeScreen.start(scope: scope, count: 20, mode: .practice, context: context)
        case .navigate?:
            tree.handle(key, nodes: nodes, viewHeight: Self.panes(context).tree.height)
        case nil: break
        }
        if tree.selectedID != before { notesScroll = 0 }
        return .none
    }

    private mutating func handleFilter(_ key: Key, context: AppContext) -> Outcome {
        switch key {
        case .enter: isTypingFilter = false
        case .escape:
            isTypingFilter = false
            filter = ""
        case .backspace: if !filter.isEmpty { filter.removeLast() }
        case .char(let c): filter.append(c)
        default: return .none
        }
        let nodes = currentNodes(context)
        if !filter.isEmpty { tree.expandAll(nodes) }
        let rows = tree.visibleRows(nodes)
        if !rows.contains(where: { $0.id == tree.selectedID }) {
            tree.selectedID =
                rows.first(where: { $0.id.hasPrefix("c:") || $0.id.hasPrefix("u:") })?.id ?? rows.first?.id
        }
        return .none
    }

    func scope(of nodeID: String?) -> PracticeScope? {
        guard let nodeID else { return nil }
        let value = String(nodeID.dropFirst(2))
        switch nodeID.prefix(2) {
        case "s:": return .section(value)
        case "u:": return .subsection(value)
        case "c:": return .consideration(value)
        default: return nil
        }
    }

    mutating func syncLayout(context: AppContext) {
        refreshNodes(context)
        let nodes = cachedNodes
        let rows = tree.visibleRows(nodes)
        let panes = Self.panes(context)
        tree.clamp(rows: rows, nodes: nodes)
        tree.scrollToSelection(rows: rows, viewHeight: panes.tree.height)
        let width = panes.notes.width
        let key = currentNotesKey(context, width: width)
        if key != notesKey {
            var bodies = bodyWidth == width ? self.bodies : [:]
            cachedNotes = notes(for: tree.selectedID, context: context, width: width) { sub in
                if let body = bodies[sub.id] { return body }
                let body = Self.body(of: sub, width: width, theme: context.theme)
                bodies[sub.id] = body
                return body
            }
            self.bodies = bodies
            bodyWidth = width
            notesKey = key
        }
    }

    private static func body(of sub: Subsection, width: Int, theme: Theme) -> [StyledLine] {
        NotesText.lines(
            sub.notes.isEmpty ? "No study notes for this part yet." : sub.notes, width: width, theme: theme,
            title: sub.title)
    }

    static func panes(_ context: AppContext) -> (tree: Rect, notes: Rect) {
        let body = context.bodyRect.inset(top: 1, left: 1, bottom: 0, right: 1)
        let columns = body.columns([.percent(56), .fill], spacing: 3)
        return (columns[0].inset(top: 0, left: 0, bottom: 1, right: 0), columns[1])
    }

    // MARK: View

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let (treeRect, notesRect) = Self.panes(context)
        let nodes = currentNodes(context)
        var state = tree
        if nodes.isEmpty {
            _ = canvas.write("Nothing matches “\(filter)”.", x: treeRect.x, y: treeRect.y, style: theme.dim)
        } else {
            TreeView(nodes: nodes, theme: theme).render(in: treeRect, on: &canvas, state: &state)
        }
        let filterLine = isTypingFilter ? "/\(filter)▏" : (filter.isEmpty ? "" : "filter: \(filter)  (Esc clears)")
        _ = canvas.write(filterLine, x: treeRect.x, y: treeRect.maxY, style: theme.accent, maxWidth: treeRect.width)
        for y in notesRect.y..<notesRect.maxY {
            _ = canvas.write("│", x: notesRect.x - 2, y: y, style: theme.border)
        }
        let lines =
            notesKey == currentNotesKey(context, width: notesRect.width)
            ? cachedNotes
            : notes(for: tree.selectedID, context: context, width: notesRect.width) {
                Self.body(of: $0, width: notesRect.width, theme: theme)
            }
        Paragraph(lines: lines, scroll: notesScroll, wrap: false).render(in: notesRect, on: &canvas)
    }

    private func notes(
        for nodeID: String?, context: AppContext, width: Int, body: (Subsection) -> [StyledLine]
    ) -> [StyledLine] {
        let theme = context.theme
        let pack = context.pack
        if nodeID == Self.namesNodeID { return Self.productNames(pack, width: width, theme: theme) }
        guard let nodeID, let scope = scope(of: nodeID) else { return [] }
        let ids = scope.questionIDs(in: pack)
        let seen = ids.compactMap { context.progress.latest[$0] }
        let due = context.progress.due(at: context.now, among: ids).count
        let correct = Figures.percent(seen.filter(\.correct).count, of: seen.count)
        var lines: [StyledLine] = []
        // Rows already wrapped to the pane, so the pane draws them as they are.
        func add(_ text: String, _ style: Style) {
            lines += Paragraph.wrap(text, width: max(1, width)).map { StyledLine($0, style: style) }
        }
        /// A bullet whose wrapped lines hang under its first word.
        func bullet(_ text: String) {
            let rows = Paragraph.wrap(text, width: max(1, width - 4))
            lines += rows.enumerated().map { i, row in StyledLine((i == 0 ? "  · " : "    ") + row) }
        }
        func title(_ text: String) { add(text, theme.title) }
        func counts() {
            add("\(ids.count) questions · \(seen.count) seen · \(correct) right · \(due) due", theme.dim)
            lines.append(StyledLine(""))
        }
        switch scope {
        case .section(let id):
            guard let section = pack.section(id: id) else { break }
            title("Section \(section.id): \(section.title)")
            add("\(section.weight)% of the exam", theme.dim)
            counts()
            for sub in section.subsections {
                add("\(sub.id) \(sub.title)", theme.accent)
                for c in sub.considerations { bullet(c.text) }
            }
        case .subsection(let id):
            guard let sub = pack.subsection(id: id) else { break }
            title("\(sub.id) \(sub.title)")
            counts()
            lines += body(sub)
        case .consideration(let slug):
            guard let c = pack.consideration(id: slug), let subID = pack.subsectionID(ofConsideration: slug),
                let sub = pack.subsection(id: subID)
            else { break }
            title(c.text)
            add("in \(sub.id) \(sub.title)", theme.dim)
            counts()
            lines += body(sub)
        case .all: break
        }
        return lines
    }

    /// The names table: current name, former name, when it changed and where that is recorded.
    static func productNames(_ pack: ExamPack, width: Int, theme: Theme) -> [StyledLine] {
        var lines: [StyledLine] = []
        func add(_ text: String, _ style: Style, indent: String = "") {
            lines += Paragraph.wrap(text, width: max(1, width - indent.count)).map {
                StyledLine(indent + $0, style: style)
            }
        }
        add("Product names", theme.title)
        add("Google renamed these products; the exam and these questions use the current names.", theme.dim)
        lines.append(StyledLine(""))
        for (i, name) in pack.productNames.enumerated() {
            add(name.current, theme.accent)
            add("formerly \(name.former) · changed \(name.changed)", theme.normal, indent: "  ")
            // Consecutive rows from one page name it once, under the last of them.
            let next = pack.productNames.indices.contains(i + 1) ? pack.productNames[i + 1].source : nil
            if next != name.source { add("source: " + name.source, theme.dim, indent: "  ") }
        }
        return lines
    }
}
