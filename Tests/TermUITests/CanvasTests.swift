import XCTest

@testable import TermUI

final class CanvasTests: XCTestCase {
    func testTextIsClippedAtAllEdges() {
        var c = Canvas(width: 5, height: 2)
        c.write("abcdefgh", x: 2, y: 0)
        c.write("12345", x: -2, y: 1)
        c.write("never", x: 0, y: 2)
        c.write("never", x: 0, y: -1)
        assertLines(c, ["  abc", "345"])
    }

    func testWideGlyphHalfOffTheLeftEdgeIsBlank() {
        var c = Canvas(width: 4, height: 1)
        c.write("日本", x: -1, y: 0)
        assertLines(c, [" 本"])
        assertCellsConsistent(c)
    }

    func testClipRectLimitsDrawing() {
        var c = Canvas(width: 6, height: 3)
        c.withClip(Rect(x: 1, y: 1, width: 3, height: 1)) { c in
            c.write("abcdef", x: 0, y: 1)
            c.fill(Rect(x: 0, y: 0, width: 6, height: 3), with: "#")
        }
        assertLines(c, ["", " ###", ""])
        XCTAssertEqual(c.clip, c.bounds)
    }

    func testBoxDrawing() {
        var c = Canvas(width: 6, height: 4)
        c.drawBox(Rect(x: 0, y: 0, width: 6, height: 4))
        assertLines(c, ["┌────┐", "│    │", "│    │", "└────┘"])
    }

    func testBoxClippedAtCanvasEdges() {
        var c = Canvas(width: 5, height: 3)
        c.drawBox(Rect(x: 2, y: 1, width: 6, height: 4))
        assertLines(c, ["", "  ┌──", "  │"])
        var d = Canvas(width: 4, height: 3)
        d.drawBox(Rect(x: -2, y: -1, width: 5, height: 3))
        assertLines(d, ["  │", "──┘", ""])
    }

    func testBlockWithTitleAndInner() {
        let b = Block(title: "Questions")
        let c = draw(b, width: 15, height: 3)
        assertLines(c, ["┌─ Questions ─┐", "│             │", "└─────────────┘"])
        XCTAssertEqual(b.inner(Rect(x: 0, y: 0, width: 15, height: 3)), Rect(x: 1, y: 1, width: 13, height: 1))
        let narrow = draw(Block(title: "Questions"), width: 9, height: 3)
        assertLines(narrow, ["┌─ Qu… ─┐", "│       │", "└───────┘"])
    }

    func testStylesAreStoredPerCell() {
        var c = Canvas(width: 4, height: 1)
        c.write("ab", x: 0, y: 0, style: Style(fg: .red, attributes: .bold))
        XCTAssertEqual(c[0, 0]?.style, Style(fg: .red, attributes: .bold))
        XCTAssertEqual(c[2, 0]?.style, Style())
        c.patchStyle(Rect(x: 0, y: 0, width: 4, height: 1), with: Style(attributes: .reverse))
        XCTAssertEqual(c[0, 0]?.style, Style(fg: .red, attributes: [.bold, .reverse]))
        XCTAssertEqual(c[3, 0]?.style.attributes, .reverse)
    }

    func testAlignedWrite() {
        var c = Canvas(width: 10, height: 3)
        c.write("ab", x: 0, y: 0, width: 10, alignment: .right)
        c.write("ab", x: 0, y: 1, width: 10, alignment: .center)
        c.write("abcdefghijkl", x: 0, y: 2, width: 10, alignment: .right)
        assertLines(c, ["        ab", "    ab", "abcdefghi…"])
    }
}

final class CanvasPropertyTests: XCTestCase {
    /// Random writes, fills and boxes with wide, combining and control characters at
    /// random (also negative) positions always leave a well-formed grid.
    func testRandomDrawingKeepsCellsConsistent() {
        let pieces = ["a", "日", "😀", "e\u{301}", "\u{1B}[1m", "\u{202E}", "\t", "本語", "\u{9B}", " ", "ｘ", "\u{301}"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let w = Int.random(in: 0...9, using: &rng), h = Int.random(in: 0...4, using: &rng)
            var c = Canvas(width: w, height: h)
            for _ in 0..<8 {
                let x = Int.random(in: -3...10, using: &rng), y = Int.random(in: -1...4, using: &rng)
                let text = (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                    .joined()
                switch Int.random(in: 0...3, using: &rng) {
                case 0: c.write(text, x: x, y: y, maxWidth: Int.random(in: 0...12, using: &rng))
                case 1: c.fill(Rect(x: x, y: y, width: Int.random(in: 0...5, using: &rng), height: 2), with: "#")
                case 2:
                    c.drawBox(
                        Rect(
                            x: x, y: y, width: Int.random(in: 0...8, using: &rng),
                            height: Int.random(in: 0...5, using: &rng)))
                default:
                    c.withClip(Rect(x: x, y: y, width: 3, height: 2)) { $0.write(text, x: x - 1, y: y) }
                }
                assertCellsConsistent(c)
                for row in c.lines(trimTrailing: false) { XCTAssertEqual(Text.width(row), w, row) }
            }
        }
    }
}
