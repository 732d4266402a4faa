import XCTest

@testable import TermUI

final class CanvasDiffTests: XCTestCase {
    func testFirstFrameAndNewSizeRepaintEverything() {
        var c = Canvas(width: 3, height: 2)
        _ = c.write("ab", x: 0, y: 0)
        let first = CanvasDiff.between(nil, c, rows: 2, cols: 3)
        XCTAssertTrue(first.full)
        XCTAssertEqual(first.changes.count, 6)
        let resized = CanvasDiff.between(Canvas(width: 4, height: 2), c, rows: 2, cols: 3)
        XCTAssertTrue(resized.full)
        XCTAssertEqual(CanvasDiff.between(c, c, rows: 2, cols: 3), CanvasDiff(full: false, changes: []))
    }

    /// Moving a list's selection by one row rewrites those two rows and nothing else.
    func testAListMoveRepaintsTwoShortSpans() {
        let items = (1...8).map { ListItem("item \($0)") }
        var state = ListState(selected: 2)
        var before = Canvas(width: 12, height: 8)
        before.render(ListView(items: items), in: before.bounds, state: &state)
        state.selected = 3
        var after = Canvas(width: 12, height: 8)
        after.render(ListView(items: items), in: after.bounds, state: &state)
        let diff = CanvasDiff.between(before, after, rows: 8, cols: 12)
        XCTAssertFalse(diff.full)
        XCTAssertEqual(diff.spans.map(\.y), [2, 3])
        XCTAssertTrue(diff.changes.allSatisfy { $0.y == 2 || $0.y == 3 })
        XCTAssertEqual(diff.changes.first { $0.y == 3 && $0.x == 0 }?.symbol, ">")
    }

    func testWideGlyphsAreWrittenOnceAndNeverHangOverTheEdge() {
        var old = Canvas(width: 3, height: 1)
        _ = old.write("a日", x: 0, y: 0)
        var new = old
        _ = new.write("b", x: 0, y: 0)
        // Only 'b' changed; the wide glyph at x=1 is not rewritten and its right half never is.
        XCTAssertEqual(CanvasDiff.between(old, new, rows: 1, cols: 3).changes.map(\.x), [0])
        // Shown on a 2-column terminal, the wide glyph at the edge becomes a space.
        let clipped = CanvasDiff.between(nil, old, rows: 1, cols: 2)
        XCTAssertEqual(clipped.changes.map(\.symbol), ["a", " "])
    }

    func testACellWhoseRightNeighbourChangedIsRewritten() {
        var old = Canvas(width: 4, height: 1)
        _ = old.write("日x", x: 0, y: 0)
        var new = Canvas(width: 4, height: 1)
        _ = new.write("日y", x: 0, y: 0)
        // x=2 changed; x=1 is the glyph's right half (never written); x=0 is untouched on its right.
        XCTAssertEqual(CanvasDiff.between(old, new, rows: 1, cols: 4).changes.map(\.x), [2])
        var overwritten = old
        _ = overwritten.write("z", x: 1, y: 0)
        XCTAssertEqual(CanvasDiff.between(old, overwritten, rows: 1, cols: 4).changes.map(\.x).first, 0)
    }

    func testTheTestTerminalRecordsWhatARealOneWouldWrite() {
        let terminal = TestTerminal(width: 12, height: 8)
        let items = (1...8).map { ListItem("item \($0)") }
        var state = ListState(selected: 0)
        for selected in [0, 1] {
            state.selected = selected
            var c = Canvas(width: 12, height: 8)
            c.render(ListView(items: items), in: c.bounds, state: &state)
            terminal.draw(c)
        }
        XCTAssertEqual(terminal.writes.count, 2)
        XCTAssertTrue(terminal.writes[0].full)
        XCTAssertEqual(terminal.writes[1].spans.map(\.y), [0, 1])
    }
}
