import XCTest

@testable import TermUI

final class ListViewTests: XCTestCase {
    let items: [ListItem] = (1...10).map { ListItem("item \($0)") }

    func testSelectionMarkerAndStyle() {
        var state = ListState(selected: 1)
        var c = Canvas(width: 10, height: 3)
        c.render(ListView(items: items), in: c.bounds, state: &state)
        assertLines(c, ["  item 1", "> item 2", "  item 3"])
        XCTAssertEqual(c[0, 1]?.style.attributes, .reverse)
        XCTAssertEqual(c[9, 1]?.style.attributes, .reverse)  // whole row highlighted
        XCTAssertEqual(c[0, 0]?.style.attributes, [])
    }

    func testLeadHighlightPaintsOnlyMarkerAndLead() {
        var state = ListState(selected: 0)
        var c = Canvas(width: 24, height: 2)
        let items = [ListItem("first text", lead: "1 ok", detail: "⚑"), ListItem("second", lead: "2 no")]
        c.render(ListView(items: items, highlight: .lead), in: c.bounds, state: &state)
        assertLines(c, ["> 1 ok  first text     ⚑", "  2 no  second"])
        for x in 0..<6 { XCTAssertEqual(c[x, 0]?.style.attributes, .reverse, "column \(x)") }
        for x in 6..<24 { XCTAssertEqual(c[x, 0]?.style.attributes.contains(.reverse), false, "column \(x)") }
        XCTAssertEqual(c[23, 0]?.style.attributes, .dim)
        // The whole-row default paints every column, lead and detail included.
        var row = Canvas(width: 24, height: 2)
        row.render(ListView(items: items), in: row.bounds, state: &state)
        assertLines(row, ["> 1 ok  first text     ⚑", "  2 no  second"])
        for x in 0..<24 { XCTAssertEqual(row[x, 0]?.style.attributes, .reverse, "column \(x)") }
    }

    func testScrollKeepsSelectionVisible() {
        var state = ListState(selected: 0)
        var c = Canvas(width: 10, height: 3)
        for _ in 0..<5 { state.selectNext(count: items.count) }
        c.render(ListView(items: items), in: c.bounds, state: &state)
        XCTAssertEqual(state.selected, 5)
        XCTAssertEqual(state.offset, 3)
        assertLines(c, ["  item 4", "  item 5", "> item 6"])
        // Moving back up scrolls only once the selection leaves the top.
        state.move(by: -2, count: items.count)
        c = Canvas(width: 10, height: 3)
        c.render(ListView(items: items), in: c.bounds, state: &state)
        assertLines(c, ["> item 4", "  item 5", "  item 6"])
        state.selectLast(count: items.count)
        c = Canvas(width: 10, height: 3)
        c.render(ListView(items: items), in: c.bounds, state: &state)
        assertLines(c, ["  item 8", "  item 9", "> item 10"])
    }

    func testSelectionClampedAtRenderTime() {
        var state = ListState(selected: 42, offset: 40)
        var c = Canvas(width: 10, height: 4)
        c.render(ListView(items: ["a", "b", "c"]), in: c.bounds, state: &state)
        XCTAssertEqual(state.selected, 2)
        XCTAssertEqual(state.offset, 0)
        assertLines(c, ["  a", "  b", "> c", ""])
        var empty = ListState(selected: 3)
        c.render(ListView(items: []), in: c.bounds, state: &empty)
        XCTAssertNil(empty.selected)
    }

    func testSelectionAlwaysValidProperty() {
        // Any sequence of moves keeps the selection inside the list and visible.
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let count = Int.random(in: 0...20, using: &rng)
            let height = Int.random(in: 1...6, using: &rng)
            var s = ListState(
                selected: Int.random(in: -3...25, using: &rng), offset: Int.random(in: -3...25, using: &rng))
            for _ in 0..<10 {
                switch Int.random(in: 0...4, using: &rng) {
                case 0: s.selectNext(count: count)
                case 1: s.selectPrevious(count: count)
                case 2: s.page(by: 1, viewHeight: height, count: count)
                case 3: s.page(by: -1, viewHeight: height, count: count)
                default: s.selectLast(count: count)
                }
                s.scrollToSelection(viewHeight: height, count: count)
                if count == 0 {
                    XCTAssertNil(s.selected)
                } else {
                    let sel = try! XCTUnwrap(s.selected)
                    XCTAssert((0..<count).contains(sel))
                    XCTAssert(sel >= s.offset && sel < s.offset + height, "sel \(sel) offset \(s.offset) h \(height)")
                }
            }
        }
    }

    func testDetailIsRightAligned() {
        let c = draw(ListView(items: [ListItem("Domain one", detail: "3/10")]), width: 20, height: 1)
        assertLines(c, ["> Domain one    3/10"])
        let narrow = draw(ListView(items: [ListItem("Domain one", detail: "3/10")]), width: 12, height: 1)
        assertLines(narrow, ["> Doma… 3/10"])
    }
}

final class TreeViewTests: XCTestCase {
    let nodes: [TreeNode] = [
        TreeNode(
            id: "d1", label: "Domain 1", detail: "3/10",
            children: [
                TreeNode(id: "d1.1", label: "Framing"),
                TreeNode(
                    id: "d1.2", label: "Data",
                    children: [
                        TreeNode(id: "d1.2.1", label: "Leakage"),
                        TreeNode(id: "d1.2.2", label: "Skew"),
                    ]),
            ]),
        TreeNode(
            id: "d2", label: "Domain 2",
            children: [
                TreeNode(id: "d2.1", label: "Serving", children: [TreeNode(id: "d2.1.1", label: "Latency")]),
                TreeNode(id: "d2.2", label: "Monitoring"),
            ]),
    ]

    func testFlattenCollapsed() {
        let rows = TreeView.flatten(nodes, expanded: [])
        XCTAssertEqual(rows.map(\.id), ["d1", "d2"])
        XCTAssertEqual(rows.map(\.prefix), ["▸ ", "▸ "])
    }

    func testFlattenExpandedWithGuides() {
        let rows = TreeView.flatten(nodes, expanded: ["d1", "d1.2", "d2", "d2.1"])
        XCTAssertEqual(rows.map(\.id), ["d1", "d1.1", "d1.2", "d1.2.1", "d1.2.2", "d2", "d2.1", "d2.1.1", "d2.2"])
        XCTAssertEqual(
            rows.map { $0.prefix + $0.label },
            [
                "▾ Domain 1",
                "  ├── Framing",
                "  └─▾ Data",
                "      ├── Leakage",
                "      └── Skew",
                "▾ Domain 2",
                "  ├─▾ Serving",
                "  │   └── Latency",
                "  └── Monitoring",
            ])
        XCTAssertEqual(rows[3].depth, 2)
        XCTAssertEqual(rows[3].parentID, "d1.2")
        XCTAssertNil(rows[0].parentID)
    }

    func testRenderWithDetailAndSelection() {
        var state = TreeState(expanded: ["d1"], selectedID: "d1.1")
        var c = Canvas(width: 22, height: 4)
        c.render(TreeView(nodes: nodes), in: c.bounds, state: &state)
        assertLines(
            c,
            [
                "▾ Domain 1        3/10",
                "  ├── Framing",
                "  └─▸ Data",
                "▸ Domain 2",
            ])
        XCTAssertEqual(c[6, 1]?.style.attributes, .reverse)
        XCTAssertEqual(c[6, 0]?.style.attributes, [])
    }

    func testExpandCollapseAndNavigation() {
        var s = TreeState()
        s.selectFirst(in: nodes)
        XCTAssertEqual(s.selectedID, "d1")
        s.expandOrEnter(in: nodes)  // expands d1
        XCTAssertTrue(s.isExpanded("d1"))
        XCTAssertEqual(s.selectedID, "d1")
        s.expandOrEnter(in: nodes)  // enters first child
        XCTAssertEqual(s.selectedID, "d1.1")
        s.selectNext(in: nodes)
        XCTAssertEqual(s.selectedID, "d1.2")
        s.toggle("d1.2")
        XCTAssertTrue(s.isExpanded("d1.2"))
        s.selectNext(in: nodes)
        XCTAssertEqual(s.selectedID, "d1.2.1")
        s.collapseOrLeave(in: nodes)  // leaf: go to parent
        XCTAssertEqual(s.selectedID, "d1.2")
        s.collapseOrLeave(in: nodes)  // expanded: collapse
        XCTAssertFalse(s.isExpanded("d1.2"))
        s.selectLast(in: nodes)
        XCTAssertEqual(s.selectedID, "d2")
        s.selectNext(in: nodes)  // stops at the end
        XCTAssertEqual(s.selectedID, "d2")
    }

    func testCollapsingAncestorMovesHiddenSelectionUp() {
        var s = TreeState(expanded: ["d1", "d1.2"], selectedID: "d1.2.2")
        s.toggle("d1")
        let rows = s.visibleRows(nodes)
        s.clamp(rows: rows, nodes: nodes)
        XCTAssertEqual(s.selectedID, "d1")
    }

    func testTreeScrollKeepsSelectionVisible() {
        var s = TreeState(expanded: ["d1", "d1.2", "d2", "d2.1"], selectedID: "d2.2")
        var c = Canvas(width: 20, height: 3)
        c.render(TreeView(nodes: nodes), in: c.bounds, state: &s)
        XCTAssertEqual(s.offset, 6)
        assertLines(c, ["  ├─▾ Serving", "  │   └── Latency", "  └── Monitoring"])
    }
}

final class NavigationKeyTests: XCTestCase {
    func testListHandlesNavigationKeys() {
        var s = ListState()
        XCTAssertTrue(s.handle(.down, count: 50, viewHeight: 10))
        XCTAssertEqual(s.selected, 1)
        s.handle(.pageDown, count: 50, viewHeight: 10)
        XCTAssertEqual(s.selected, 11)
        XCTAssertEqual(s.offset, 2)
        s.handle(.end, count: 50, viewHeight: 10)
        XCTAssertEqual(s.selected, 49)
        XCTAssertEqual(s.offset, 40)
        s.handle(.home, count: 50, viewHeight: 10)
        XCTAssertEqual(s.selected, 0)
        XCTAssertEqual(s.offset, 0)
        XCTAssertFalse(s.handle(.char("x"), count: 50, viewHeight: 10))
    }

    func testTreeHandlesNavigationKeys() {
        let nodes = [TreeNode(id: "r", label: "root", children: [TreeNode(id: "c", label: "child")])]
        var s = TreeState(selectedID: "r")
        XCTAssertTrue(s.handle(.right, nodes: nodes))
        XCTAssertTrue(s.isExpanded("r"))
        s.handle(.down, nodes: nodes)
        XCTAssertEqual(s.selectedID, "c")
        s.handle(.left, nodes: nodes)
        XCTAssertEqual(s.selectedID, "r")
        s.handle(.left, nodes: nodes)
        XCTAssertFalse(s.isExpanded("r"))
        XCTAssertFalse(s.handle(.enter, nodes: nodes))
    }
}
