import Foundation
import StudyCore
import TermUI

/// Due and missed questions per section; Enter reviews them, `c` crams missed ones.
public struct ReviewScreen: AppScreen {
    var title: String { "Review" }
    var hints: [(String, String)] { Self.keys.barHints }
    var helpKeys: [(String, String)] { Self.keys.helpHints }

    var list = ListState()

    public init() {}

    enum Input: Sendable { case move, review, cram, back }

    static let keys = KeyMap<Input>([
        KeyBinding(
            ListState.navigationKeys, .move, bar: ("↑↓", "move"), help: ("↑/↓", "choose all sections or one section")),
        KeyBinding(
            [.enter], .review, bar: ("Enter", "review"),
            help: ("Enter", "review: due questions first, then missed ones; updates the schedule")),
        KeyBinding(
            [.char("c")], .cram, bar: ("c", "cram missed"),
            help: ("c", "cram: re-ask missed questions without touching the schedule")),
        KeyBinding([.escape, .char("q")], .back, bar: ("q", "back"), help: ("Esc  q", "back")),
    ])

    struct Row {
        let sectionID: String?
        let title: String
        let due: Int
        let missed: Int
    }

    static func rows(context: AppContext) -> [Row] {
        let pack = context.pack
        let progress = context.progress
        func row(_ sectionID: String?, _ title: String) -> Row {
            let ids = sectionID.map { pack.questions(inSection: $0).map(\.id) } ?? pack.questions.map(\.id)
            return Row(
                sectionID: sectionID, title: title, due: progress.due(at: context.now, among: ids).count,
                missed: progress.missed(among: ids).count)
        }
        return [row(nil, "All sections")] + pack.sections.map { row($0.id, "\($0.id) \($0.title)") }
    }

    mutating func handle(_ key: Key, context: inout AppContext) -> Outcome {
        let rows = Self.rows(context: context)
        let input = Self.keys.action(for: key)
        switch input {
        case .move?:
            list.handle(key, count: rows.count, viewHeight: Self.listHeight(context))
            return .none
        case .back?: return .pop
        case .review?, .cram?:
            let row = rows[list.selected ?? 0]
            let seed = Figures.seed(at: context.now)
            if input == .review {
                let ids = PracticeSelector.review(
                    pack: context.pack, progress: context.progress, now: context.now, sectionID: row.sectionID)
                return PracticeScreen.start(
                    title: "Review: \(row.title)", ids: ids, mode: .review, context: context,
                    seed: seed)
            }
            let all =
                row.sectionID.map { context.pack.questions(inSection: $0).map(\.id) }
                ?? context.pack.questions.map(\.id)
            return PracticeScreen.start(
                title: "Cram: \(row.title)", ids: context.progress.missed(among: all),
                mode: .cram, context: context, seed: seed)
        case nil: break
        }
        return .none
    }

    mutating func syncLayout(context: AppContext) {
        list.scrollToSelection(viewHeight: Self.listHeight(context), count: Self.rows(context: context).count)
    }

    /// Rows left for the list under the two-line introduction.
    static func listHeight(_ context: AppContext) -> Int {
        max(1, context.bodyRect.height - 5)
    }

    func render(in area: Rect, on canvas: inout Canvas, context: AppContext) {
        let theme = context.theme
        let inner = area.inset(horizontal: 2, vertical: 1)
        let intro =
            "Due questions are those the scheduler (FSRS) expects you to be about to forget. "
            + "Missed ones are those whose latest answer was wrong."
        let introLines = Paragraph.wrap(intro, width: inner.width)
        for (i, line) in introLines.prefix(2).enumerated() {
            _ = canvas.write(line, x: inner.x, y: inner.y + i, style: theme.dim, maxWidth: inner.width)
        }
        let rows = Self.rows(context: context)
        let items = rows.map { row in
            ListItem(
                row.title, detail: "\(row.due) due now · \(row.missed) missed",
                style: row.due + row.missed == 0 ? theme.dim : nil)
        }
        var state = list
        ListView(items: items, theme: theme).render(
            in: Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: max(0, inner.height - 3)), on: &canvas,
            state: &state)
    }
}
