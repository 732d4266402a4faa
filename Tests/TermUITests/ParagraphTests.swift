import XCTest

@testable import TermUI

final class ParagraphTests: XCTestCase {
    func testWrapAtWordBoundaries() {
        XCTAssertEqual(
            Paragraph.wrap("the quick brown fox jumps over the lazy dog", width: 10),
            ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
    }

    func testHardBreakOfOverlongWords() {
        XCTAssertEqual(
            Paragraph.wrap("a supercalifragilistic word", width: 8),
            ["a", "supercal", "ifragili", "stic", "word"])
    }

    func testNewlinesAndEmptyLinesAreKept() {
        XCTAssertEqual(Paragraph.wrap("one\n\ntwo three", width: 5), ["one", "", "two", "three"])
        XCTAssertEqual(Paragraph.wrap("", width: 5), [""])
        XCTAssertEqual(Paragraph.wrap("dos\r\nline\rmac", width: 5), ["dos", "line", "mac"])
        XCTAssertEqual(Paragraph.wrap("abc", width: 0), [])
    }

    func testIndentationKeptAndSpacesAtBreaksDropped() {
        XCTAssertEqual(Paragraph.wrap("  - item one two", width: 9), ["  - item", "one two"])
    }

    func testWrapCountsWideCharacters() {
        XCTAssertEqual(Paragraph.wrap("日本語のテキスト", width: 5), ["日本", "語の", "テキ", "スト"])
        for row in Paragraph.wrap("日本語 and emoji 😀😀😀 mixed", width: 7) {
            XCTAssertLessThanOrEqual(Text.width(row), 7, row)
        }
    }

    func testWrapSanitises() {
        XCTAssertEqual(Paragraph.wrap("a\u{1B}[1mb", width: 20), ["a^[[1mb"])
    }

    func testRenderWithScrollAndLineCount() {
        let p = Paragraph("one two three four five six", scroll: 1)
        XCTAssertEqual(Paragraph.wrap(p.lines[0].text, width: 9), ["one two", "three", "four five", "six"])
        XCTAssertEqual(p.lineCount(width: 9), 4)
        let c = draw(p, width: 9, height: 2)
        assertLines(c, ["three", "four five"])
        XCTAssertEqual(p.maxScroll(width: 9, height: 2), 2)
    }

    func testScrollBeyondEndIsClamped() {
        let c = draw(Paragraph("a b c", scroll: 99), width: 1, height: 2)
        assertLines(c, ["b", "c"])
    }

    func testStyledLines() {
        let p = Paragraph(lines: [StyledLine("Title", style: Style(attributes: .bold)), StyledLine("body text")])
        let c = draw(p, width: 10, height: 2)
        assertLines(c, ["Title", "body text"])
        XCTAssertEqual(c[0, 0]?.style.attributes, .bold)
        XCTAssertEqual(c[0, 1]?.style.attributes, [])
    }
}

final class WrapPropertyTests: XCTestCase {
    func testRowsFitAndKeepEveryNonSpaceCharacter() {
        let words = ["a", "to", "the", "model", "日本語", "😀", "supercalifragilistic", "e\u{301}", "x"]
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in words.randomElement(using: &rng)! }
                .joined(separator: String(repeating: " ", count: Int.random(in: 1...3, using: &rng)))
            let width = Int.random(in: 2...15, using: &rng)
            let rows = Paragraph.wrap(text, width: width)
            XCTAssertFalse(rows.isEmpty)
            for r in rows { XCTAssertLessThanOrEqual(Text.width(r), width, "\(r) in \(rows)") }
            XCTAssertEqual(rows.joined().filter { $0 != " " }, text.filter { $0 != " " }, "\(text) @\(width)")
        }
    }

    /// The printable-ASCII shortcut gives the rows the general wrapper gives.
    func testASCIIFastPathMatchesTheGeneralWrap() {
        var rng = SeededGenerator(seed: 23)
        let pieces = ["a", "bc", "def", " ", "  ", "word", "x-y", "~!", "(q)"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined()
            let width = Int.random(in: 1...40, using: &rng)
            var general: [String] = []
            Paragraph.wrapLine(Text.glyphs(text), width: width, into: &general)
            XCTAssertEqual(Paragraph.wrap(text, width: width), general, "'\(text)' @\(width)")
        }
        XCTAssertEqual(Text.width("plain text"), 10)
        XCTAssertEqual(Text.sanitize("plain text"), "plain text")
        XCTAssertFalse(Text.isPlainASCII("tab\there"))
        XCTAssertEqual(Paragraph(lines: [StyledLine("one\u{2028}two")]).lines.map(\.text), ["one", "two"])
    }

    func testMismatchReportNamesTheCell() {
        var c = Canvas(width: 6, height: 2)
        c.write("日本x", x: 0, y: 1)
        XCTAssertNil(c.mismatches(["", "日本x"]))
        let report = c.mismatches(["", "日本y"])
        XCTAssertNotNil(report)
        XCTAssertTrue(report!.contains("(x: 4, y: 1)"), report!)
    }
}

/// SplitMix64: random tests draw the same cases on every run, so a failure can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
