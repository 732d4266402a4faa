import Foundation
import StudyCore
import TermUI

/// Questions found by words in their stem, choices and explanation; Enter practises the
/// highlighted hit first, then the others in rank order.
public struct SearchScreen: AppScreen {
    var title: String { "Search" }
    var hints: [(String, String)] { isTyping ? Self.typingHints : Self.keys.barHints }
    var helpKeys: [(String, String)] { Self.typingHelp + Self.keys.helpHints }

    var query = ""
    var isTyping = true
    var list = ListState()
    /// Hits for `query`, kept so that drawing does not search again.
    private(set) var hits: [QuestionSearch.Hit] = []
    /// The pack folded for searching, built on the first keystroke.
    private var index: QuestionSearch.Index?

    public init() {}

    public static func == (a: SearchScreen, b: SearchScreen) -> Bool {
        a.query == b.query && a.isTyping == b.isTyping && a.list == b.list && a.hits == b.hits
    }

    static let limit = 200
    static let typingHints: [(String, String)] = [("type", "words"), ("Enter", "results"), ("Esc", "back")]
    static let typingHelp: [(String, String)] = [
        ("type", "the words to find: every word must appear; the stem counts most"),
        ("Enter", "from the words to the results"),
        ("Esc", "clear the words, then back"),
    ]

    enum Input: Sendable { case move, practise, edit, back }

    static let keys = KeyMap<Input>([
        KeyBinding(
            ListState.navigationKeys, .move, bar: ("↑↓", "move"), help: ("↑/↓  PgUp/PgDn", "move through the hits")),
        KeyBinding(
            [.enter], .practise, bar: ("Enter", "practise"),
            help: ("Enter", "practise the highlighted question, then the other hits")),
        KeyBinding([.char("/")], .edit, bar: ("/", "edit"), help: ("/", "change the words")),
        KeyBinding([.escape, .char("q")], .back, bar: ("q", "back"), help: ("Esc  q", "back")),
    ])

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        if isTyping { return type(key, context: context) }
        switch Self.keys.action(for: key) {
        case .move?: list.handle(key, count: hits.count, viewHeight: Self.listHeight(context))
        case .practise?:
            guard let i = list.selected, hits.indices.contains(i) else { return .none }
            let ids = [hits[i].questionID] + hits.enumerated().filter { $0.offset != i }.map(\.element.questionID)
            return PracticeScreen.start(
                title: "Search: \(query)", ids: ids, mode: .practice, context: context,
                seed: Figures.seed(at: context.now))
        case .edit?: isTyping = true
        case .back?: return .pop
        case nil: break
        }
        return .none
    }

    private mutating func type(_ key: Key, context: AppContext) -> Outcome {
        switch key {
        case .enter:
            if !hits.isEmpty { isTyping = false }
        case .escape:
            if query.isEmpty { return .pop }
            query = ""
        case .backspace:
            if !query.isEmpty { query.removeLast() }
        case .char(let c):
            query.append(c)
        default:
            return .none
        }
        let index = self.index ?? QuestionSearch.Index(context.pack)
        self.index = index
        hits = QuestionSearch.search(query, in: index, limit: Self.limit)
        list = ListState(selected: hits.isEmpty ? nil : 0)
        return .none
    }

    mutating func syncLayout(context: AppContext) {
        list.scrollToSelection(viewHeight: Self.listHeight(context), count: hits.count)
    }

    /// Under the words and the summary line; one place for the layout and the scrolling.
    static func listRect(_ area: Rect) -> Rect {
        let inner = area.inset(horizontal: 2, vertical: 1)
        return Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: max(0, inner.height - 3))
    }

    static func listHeight(_ context: AppContext) -> Int { max(1, listRect(context.bodyRect).height) }

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let inner = area.inset(horizontal: 2, vertical: 1)
        let field = "Find: " + query + (isTyping ? "▏" : "")
        _ = canvas.write(
            field, x: inner.x, y: inner.y, style: isTyping ? theme.accent : theme.normal, maxWidth: inner.width)
        let summary: String
        if QuestionSearch.terms(query).isEmpty {
            summary = "Type words from a question, such as a product name (model armor, feature store)."
        } else if hits.isEmpty {
            summary = "No question has every one of these words."
        } else {
            summary =
                "\(hits.count == Self.limit ? "the best \(Self.limit)" : "\(hits.count)") question"
                + "\(hits.count == 1 ? "" : "s") · best first" + (isTyping ? " · Enter to browse" : "")
        }
        _ = canvas.write(summary, x: inner.x, y: inner.y + 1, style: theme.dim, maxWidth: inner.width)
        let idWidth = hits.map(\.questionID.count).max() ?? 0
        let items = hits.map {
            ListItem(
                $0.firstLine, lead: $0.questionID.padding(toLength: idWidth, withPad: " ", startingAt: 0),
                detail: $0.subsectionID)
        }
        var state = isTyping ? ListState(selected: nil) : list
        ListView(items: items, theme: theme, highlight: .lead).render(
            in: Self.listRect(area), on: &canvas, state: &state)
    }
}
