/// One drawable unit: a single spacing character plus any zero-width marks joined
/// to it, already made safe for the terminal, and the number of cells it covers (1 or 2).
public struct Glyph: Equatable, Hashable, Sendable {
    public var text: String
    public var width: Int
}

/// Display width and sanitising of text. Every string that reaches a `Canvas` goes
/// through `Text.glyphs(_:)`; nothing else decides what a terminal gets to see.
public enum Text {
    /// Columns a tab expands to.
    public static let tabWidth = 4

    /// Cells a Unicode scalar takes as the terminal (glibc `wcwidth`) sees it:
    /// 0 for combining marks and format characters, 2 for wide characters, else 1.
    /// Control characters report 0 here; they never reach the screen as-is.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if WidthTable.contains(WidthTable.zero, v) { return 0 }
        if WidthTable.contains(WidthTable.wide, v) { return 2 }
        return 1
    }

    /// True when every byte is printable ASCII (U+0020–U+007E): one glyph of width 1 each,
    /// nothing to sanitise.
    static func isPlainASCII<S: StringProtocol>(_ s: S) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// False when `s` certainly has none of the characters `Character.isNewline` accepts
    /// (LF, VT, FF, CR, NEL, U+2028, U+2029), judged from its UTF-8 bytes.
    static func mayContainLineBreak(_ s: String) -> Bool {
        s.utf8.contains { ($0 >= 0x0A && $0 <= 0x0D) || $0 == 0xC2 || $0 == 0xE2 }
    }

    /// Display width of a string after sanitising (what `Canvas.write` will occupy).
    public static func width(_ s: String) -> Int {
        if isPlainASCII(s) { return s.utf8.count }
        var w = 0
        forEachGlyph(s) { w += $0.width }
        return w
    }

    /// Splits text into safe glyphs:
    /// - tab becomes `tabWidth` spaces; newline, CR, VT, FF become one space
    ///   (multi-line text is split into lines by the widgets before it gets here);
    /// - other C0 controls and DEL become caret forms (`^[`, `^@`, `^?`), so an escape
    ///   sequence shows up as harmless text;
    /// - C1 controls (U+0080–U+009F) and characters the terminal cannot print
    ///   (unassigned, noncharacters) become U+FFFD;
    /// - bidi embeddings/overrides/isolates (U+202A–202E, U+2066–2069), bidi marks
    ///   (U+200E/200F/061C), zero-width characters (U+200B–200D, U+2060–2064, U+FEFF,
    ///   U+180E), variation selectors and other invisible format characters are dropped;
    /// - combining marks stay joined to the preceding character (zero width); a mark
    ///   with nothing before it is shown on a space;
    /// - a grapheme made of several spacing characters (flags, skin-tone modifiers)
    ///   is split into one glyph per spacing character, as ncurses counts them.
    public static func glyphs(_ s: String) -> [Glyph] {
        var out: [Glyph] = []
        forEachGlyph(s) { out.append($0) }
        return out
    }

    /// The sanitised text itself (the concatenation of `glyphs(s)`).
    public static func sanitize(_ s: String) -> String {
        if isPlainASCII(s) { return s }
        var out = ""
        forEachGlyph(s) { out += $0.text }
        return out
    }

    /// Truncates to at most `width` cells, ending with `ellipsis` when something was cut.
    public static func truncate(_ s: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let gs = glyphs(s)
        let total = gs.reduce(0) { $0 + $1.width }
        if total <= width { return gs.map(\.text).joined() }
        let ell = glyphs(ellipsis)
        let ellWidth = ell.reduce(0) { $0 + $1.width }
        let room = ellWidth <= width ? width - ellWidth : width
        var out = "", used = 0
        for g in gs {
            if used + g.width > room { break }
            out += g.text
            used += g.width
        }
        if ellWidth <= width { out += ell.map(\.text).joined() }
        return out
    }

    /// Pads (or truncates) to exactly `width` cells with the given alignment.
    public static func pad(_ s: String, width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let t = truncate(s, width: width)
        let w = Text.width(t)
        let gap = max(0, width - w)
        switch alignment {
        case .left: return t + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + t
        case .center:
            let l = gap / 2
            return String(repeating: " ", count: l) + t + String(repeating: " ", count: gap - l)
        }
    }

    // MARK: - The one sanitising routine

    static func isDropped(_ v: UInt32) -> Bool {
        switch v {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0xFEFF, 0x061C, 0x180E, 0x00AD,
            0xFE00...0xFE0F, 0xE0000...0xE007F, 0xE0100...0xE01EF, 0xFFF9...0xFFFB, 0x034F:
            return true
        default:
            return false
        }
    }

    /// The character after `^` in the caret form of a C0 control or DEL.
    static func caretLetter(_ v: UInt32) -> String {
        if v == 0x7F { return "?" }
        return String(Character(Unicode.Scalar(UInt8(v + 0x40))))
    }

    static func forEachGlyph(_ s: String, _ emit: (Glyph) -> Void) {
        var current = ""  // spacing scalar + joined marks being built
        var currentWidth = 0
        var marks = 0  // zero-width scalars joined to `current`

        func flush() {
            if !current.isEmpty { emit(Glyph(text: current, width: currentWidth)) }
            current = ""
            currentWidth = 0
            marks = 0
        }
        func emitNow(_ text: String, _ width: Int) {
            flush()
            emit(Glyph(text: text, width: width))
        }

        for scalar in s.unicodeScalars {
            let v = scalar.value
            // C0, DEL, C1.
            if v < 0x20 || v == 0x7F {
                switch v {
                case 0x09: for _ in 0..<tabWidth { emitNow(" ", 1) }
                case 0x0A, 0x0B, 0x0C, 0x0D: emitNow(" ", 1)
                default:
                    emitNow("^", 1)
                    emitNow(caretLetter(v), 1)
                }
                continue
            }
            if v >= 0x80 && v < 0xA0 { emitNow("\u{FFFD}", 1); continue }
            if v >= 0xA0 && isDropped(v) { continue }
            if v < 0x300 {
                flush()
                current = String(scalar)
                currentWidth = 1
                continue
            }
            if WidthTable.contains(WidthTable.unprintable, v) { emitNow("\u{FFFD}", 1); continue }
            let w = width(of: scalar)
            if w == 0 {
                if current.isEmpty {
                    current = " "  // a mark with nothing to sit on
                    currentWidth = 1
                }
                // ncurses keeps at most CCHAR_MAX-1 (4) marks per cell; drop the rest.
                if marks < 4 {
                    current.unicodeScalars.append(scalar)
                    marks += 1
                }
                continue
            }
            flush()
            current = String(scalar)
            currentWidth = w
        }
        flush()
    }
}

/// Horizontal alignment of text in a cell range.
public enum Alignment: Sendable, Equatable, Hashable {
    case left, center, right
}
