import XCTest

@testable import TermUI

/// Asserts the rows of a canvas (trailing spaces trimmed) equal `expected`, listing every
/// differing row and the first differing column, so a failure reads like a screen diff.
func assertLines(_ canvas: Canvas, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    if let report = canvas.mismatches(expected) { XCTFail(report, file: file, line: line) }
}

/// Renders a widget into a fresh canvas of the given size (area = whole canvas).
func draw<W: Widget>(_ widget: W, width: Int, height: Int) -> Canvas {
    var c = Canvas(width: width, height: height)
    c.render(widget, in: c.bounds)
    return c
}

/// Every cell of the canvas is well formed: continuation cells follow a wide glyph and
/// nothing unsafe is stored.
func assertCellsConsistent(_ canvas: Canvas, file: StaticString = #filePath, line: UInt = #line) {
    for y in 0..<canvas.height {
        for x in 0..<canvas.width {
            let c = canvas[x, y]!
            if c.isContinuation {
                XCTAssert(
                    x > 0 && canvas[x - 1, y]!.width == 2, "orphan continuation at \(x),\(y)", file: file, line: line)
            } else if c.width == 2 {
                XCTAssert(
                    x + 1 < canvas.width && canvas[x + 1, y]!.isContinuation,
                    "wide glyph without continuation at \(x),\(y)", file: file, line: line)
            }
            for s in c.symbol.unicodeScalars {
                XCTAssertFalse(
                    s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0),
                    "control U+\(String(s.value, radix: 16)) in cell \(x),\(y)", file: file, line: line)
            }
        }
    }
}
