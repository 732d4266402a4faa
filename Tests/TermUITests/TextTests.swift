import XCTest

@testable import TermUI

final class TextTests: XCTestCase {
    func testWidthOfAsciiCJKEmojiAndMarks() {
        XCTAssertEqual(Text.width("abc"), 3)
        XCTAssertEqual(Text.width("日本語"), 6)
        XCTAssertEqual(Text.width("😀"), 2)
        XCTAssertEqual(Text.width("e\u{301}"), 1)  // e + combining acute
        XCTAssertEqual(Text.width("한국"), 4)
        XCTAssertEqual(Text.width("ＡＢ"), 4)  // fullwidth forms
    }

    func testCombiningMarksJoinPreviousGlyph() {
        let g = Text.glyphs("ae\u{301}\u{302}b")
        XCTAssertEqual(g.map(\.text), ["a", "e\u{301}\u{302}", "b"])
        XCTAssertEqual(g.map(\.width), [1, 1, 1])
        // A mark at the very start has nothing to sit on: it is shown on a space.
        XCTAssertEqual(Text.glyphs("\u{301}x").map(\.text), [" \u{301}", "x"])
    }

    func testWideCharactersTakeTwoCellsWithContinuation() {
        var c = Canvas(width: 8, height: 1)
        let end = c.write("a日b😀", x: 0, y: 0)
        XCTAssertEqual(end, 6)
        XCTAssertEqual(c[1, 0]?.symbol, "日")
        XCTAssertEqual(c[2, 0]?.isContinuation, true)
        XCTAssertEqual(c[3, 0]?.symbol, "b")
        XCTAssertEqual(c[4, 0]?.symbol, "😀")
        XCTAssertEqual(c[5, 0]?.isContinuation, true)
        assertLines(c, ["a日b😀"])
        XCTAssertEqual(c.lines(trimTrailing: false), ["a日b😀  "])
        assertCellsConsistent(c)
    }

    func testCombiningMarksRenderInOneCell() {
        var c = Canvas(width: 5, height: 1)
        c.write("cafe\u{301}!", x: 0, y: 0)
        XCTAssertEqual(c[3, 0]?.symbol, "e\u{301}")
        XCTAssertEqual(c[4, 0]?.symbol, "!")
        assertLines(c, ["cafe\u{301}!"])
    }

    func testWideGlyphCutAtRightEdgeBecomesSpace() {
        var c = Canvas(width: 5, height: 1)
        c.write("ab日本", x: 0, y: 0)  // 本 would need columns 4 and 5
        assertLines(c, ["ab日"])
        XCTAssertEqual(c[4, 0]?.symbol, " ")
        assertCellsConsistent(c)
        var d = Canvas(width: 6, height: 1)
        d.write("日本語", x: 0, y: 0, maxWidth: 3)
        assertLines(d, ["日"])
    }

    func testOverwritingHalfOfAWideGlyphBlanksTheOtherHalf() {
        var c = Canvas(width: 6, height: 1)
        c.write("日本語", x: 0, y: 0)
        c.write("x", x: 3, y: 0)  // lands on the continuation of 本
        assertLines(c, ["日 x語"])
        c.write("y", x: 4, y: 0)  // lands on the head of 語
        assertLines(c, ["日 xy"])
        assertCellsConsistent(c)
    }

    func testEscapeSequencesAndC0BecomeCaretText() {
        let s = Text.sanitize("\u{1B}[31mred\u{1B}[0m\u{07}\u{00}\u{7F}")
        XCTAssertEqual(s, "^[[31mred^[[0m^G^@^?")
        XCTAssertFalse(s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        var c = Canvas(width: 20, height: 1)
        c.write("\u{1B}]0;pwned\u{07}", x: 0, y: 0)
        assertLines(c, ["^[]0;pwned^G"])
        assertCellsConsistent(c)
    }

    func testC1ControlsBecomeReplacementCharacter() {
        XCTAssertEqual(Text.sanitize("a\u{9B}31mb\u{85}c"), "a\u{FFFD}31mb\u{FFFD}c")
    }

    func testBidiOverridesAndZeroWidthCharactersAreDropped() {
        let evil = "abc\u{202E}fed\u{202C}\u{2066}x\u{2069}\u{200B}y\u{200D}z\u{FEFF}\u{2060}"
        XCTAssertEqual(Text.sanitize(evil), "abcfedxyz")
        for v: UInt32 in [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200C, 0x200D, 0x200E,
            0x200F,
        ] {
            let s = Text.sanitize("a" + String(Character(Unicode.Scalar(v)!)) + "b")
            XCTAssertEqual(s, "ab", "U+\(String(v, radix: 16)) not dropped")
        }
        // Emoji joined with ZWJ fall apart into their parts, each two cells.
        XCTAssertEqual(Text.glyphs("👨\u{200D}👩").map(\.width), [2, 2])
    }

    func testTabsAndNewlinesBecomeSpaces() {
        XCTAssertEqual(Text.sanitize("a\tb"), "a    b")
        XCTAssertEqual(Text.sanitize("a\nb\r\nc"), "a b  c")
    }

    func testSanitizeIsIdempotent() {
        let inputs = ["\u{1B}[2J", "日本\u{301}", "\u{9B}x", "a\u{202E}b", "\u{0}\u{1F}"]
        for s in inputs {
            let once = Text.sanitize(s)
            XCTAssertEqual(Text.sanitize(once), once)
            XCTAssertEqual(Text.width(once), Text.width(s))
        }
    }

    func testTruncateAndPad() {
        XCTAssertEqual(Text.truncate("hello world", width: 8), "hello w…")
        XCTAssertEqual(Text.truncate("hello", width: 5), "hello")
        XCTAssertEqual(Text.truncate("日本語", width: 4), "日…")
        XCTAssertEqual(Text.truncate("abc", width: 0), "")
        XCTAssertEqual(Text.pad("ab", width: 5, alignment: .right), "   ab")
        XCTAssertEqual(Text.pad("ab", width: 5, alignment: .center), " ab  ")
    }
}
