import XCTest

@testable import TermUI

/// Every widget drawn into 0x0, 1x1, 2x2, 20x5 (and odd offsets) must not crash and must
/// leave the canvas consistent.
final class TinySizeTests: XCTestCase {
    let treeNodes = [TreeNode(id: "a", label: "Alpha 日本", detail: "1/2", children: [TreeNode(id: "b", label: "Beta")])]

    func widgets() -> [any Widget] {
        [
            Block(title: "A long block title"),
            Paragraph("Some text that wraps 日本語 😀 and a veryveryverylongword\nsecond line", scroll: 3),
            ListView(items: ["one", ListItem("two 日本", detail: "9/9"), "three"]),
            TreeView(nodes: treeNodes),
            StatusBar(hints: [KeyHint("q", "quit"), KeyHint("?", "help")], right: "right"),
            Gauge(ratio: 0.7, label: "progress"),
            Countdown(remaining: 4000, label: "Time"),
            Modal(title: "Modal", body: "Body text 日本語", footer: "esc close"),
            Table(
                columns: [TableColumn("A"), TableColumn("B", width: .fixed(3), alignment: .right)],
                rows: [["x", "1"], ["日本語", "22"]]),
            SizeGuard(minWidth: 80, minHeight: 24),
            KeyHelp(hints: [KeyHint("q", "quit"), KeyHint("日本", "wide key")], footer: "esc close"),
            Clear(),
        ]
    }

    func testEveryWidgetAtTinySizes() {
        let sizes = [(0, 0), (1, 1), (2, 2), (3, 1), (1, 3), (20, 5)]
        for (w, h) in sizes {
            for widget in widgets() {
                var c = Canvas(width: w, height: h)
                c.write("日本語日本語日本語日本語", x: 0, y: 0)  // something underneath to overwrite
                renderAny(widget, in: c.bounds, on: &c)
                assertCellsConsistent(c)
                XCTAssertEqual(c.cells.count, w * h)
                // Areas outside or partly outside the canvas.
                var d = Canvas(width: w, height: h)
                renderAny(widget, in: Rect(x: w - 1, y: h - 1, width: 5, height: 3), on: &d)
                renderAny(widget, in: Rect(x: -3, y: -2, width: 4, height: 3), on: &d)
                renderAny(widget, in: Rect(x: 0, y: 0, width: 0, height: 0), on: &d)
                assertCellsConsistent(d)
            }
            // Stateful renders with out-of-range state.
            var c = Canvas(width: w, height: h)
            var ls = ListState(selected: 99, offset: 99)
            c.render(ListView(items: ["a", "b"]), in: c.bounds, state: &ls)
            var ts = TreeState(expanded: ["a"], selectedID: "zzz", offset: -4)
            c.render(TreeView(nodes: treeNodes), in: c.bounds, state: &ts)
            var tbl = ListState(selected: 5)
            c.render(Table(columns: [TableColumn("A")], rows: [["x"]]), in: c.bounds, state: &tbl)
            assertCellsConsistent(c)
        }
    }

    func testTwentyByFiveScreenComposition() {
        var c = Canvas(width: 20, height: 5)
        let rows = c.bounds.rows(.fixed(1), .fill, .fixed(1))
        c.render(Countdown(remaining: 59, label: "T", alignment: .right), in: rows[0])
        c.render(Block(title: "Q"), in: rows[1])
        c.render(Paragraph("What is 2+2?"), in: Block().inner(rows[1]))
        c.render(StatusBar(hints: [KeyHint("q", "quit")]), in: rows[2])
        assertLines(
            c,
            [
                "              T 0:59",
                "┌─ Q ──────────────┐",
                "│What is 2+2?      │",
                "└──────────────────┘",
                "q quit",
            ])
    }

    private func renderAny(_ w: any Widget, in area: Rect, on canvas: inout Canvas) {
        func open<W: Widget>(_ w: W) { canvas.render(w, in: area) }
        open(w)
    }
}
