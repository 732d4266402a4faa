/// A line of a paragraph with its own style (a heading, a dimmed note...).
public struct StyledLine: Equatable, Sendable {
    public var text: String
    public var style: Style
    public init(_ text: String, style: Style = Style()) {
        self.text = text
        self.style = style
    }
}

/// Wrapped, scrollable text. Hard line breaks ("\n") are kept; each line is wrapped
/// at spaces, and words longer than the width are broken wherever they must be.
public struct Paragraph: Widget {
    public var lines: [StyledLine]
    /// Number of wrapped lines skipped at the top (clamped at render time so the last
    /// line never scrolls above the bottom of the area).
    public var scroll: Int
    public var alignment: Alignment
    /// When false, lines are cut at the right edge instead of wrapped.
    public var wrap: Bool

    public init(
        _ text: String, style: Style = Style(), scroll: Int = 0, alignment: Alignment = .left, wrap: Bool = true
    ) {
        self.init(
            lines: text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
                StyledLine(String($0), style: style)
            },
            scroll: scroll, alignment: alignment, wrap: wrap)
    }

    public init(lines: [StyledLine], scroll: Int = 0, alignment: Alignment = .left, wrap: Bool = true) {
        // Lines given directly may still contain newlines; split them so every line is one row.
        var flat: [StyledLine] = []
        flat.reserveCapacity(lines.count)
        for l in lines {
            guard Text.mayContainLineBreak(l.text) else {
                flat.append(l)
                continue
            }
            for part in l.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
                flat.append(StyledLine(String(part), style: l.style))
            }
        }
        self.lines = flat
        self.scroll = scroll
        self.alignment = alignment
        self.wrap = wrap
    }

    /// The rows this paragraph shows at `width`, each with its style.
    public func wrappedLines(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        var out: [StyledLine] = []
        for l in lines {
            if wrap {
                for row in Paragraph.wrap(l.text, width: width) { out.append(StyledLine(row, style: l.style)) }
            } else {
                out.append(StyledLine(Text.sanitize(l.text), style: l.style))
            }
        }
        return out
    }

    /// How many rows the text takes at `width` (for clamping the scroll offset).
    public func lineCount(width: Int) -> Int { wrappedLines(width: width).count }

    /// The largest useful scroll offset for a viewport of `height` rows.
    public func maxScroll(width: Int, height: Int) -> Int { max(0, lineCount(width: width) - max(0, height)) }

    /// Word-wraps text (sanitised, newlines honoured) to rows of at most `width` cells.
    /// Breaks at spaces; a word wider than `width` is hard-broken. Leading spaces of a
    /// line are kept (indentation); spaces at a break are dropped. An empty line stays one empty row.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var rows: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            // Printable ASCII that fits is its own row (less the trailing spaces a break drops).
            if Text.isPlainASCII(line), line.utf8.count <= width {
                var row = line
                while row.last == " " { row.removeLast() }
                rows.append(String(row))
                continue
            }
            wrapLine(Text.glyphs(String(line)), width: width, into: &rows)
        }
        return rows
    }

    static func wrapLine(_ glyphs: [Glyph], width: Int, into rows: inout [String]) {
        if glyphs.isEmpty { rows.append(""); return }
        // Tokens: runs of spaces and runs of non-spaces.
        var tokens: [(glyphs: [Glyph], isSpace: Bool)] = []
        for g in glyphs {
            let sp = g.text == " "
            if let last = tokens.last, last.isSpace == sp {
                tokens[tokens.count - 1].glyphs.append(g)
            } else {
                tokens.append(([g], sp))
            }
        }
        var row: [Glyph] = []
        var rowWidth = 0
        var atLineStart = true  // still on the first row, before any word
        func emit() {
            // Drop trailing spaces of a row.
            while let last = row.last, last.text == " " { row.removeLast(); rowWidth -= 1 }
            rows.append(row.map(\.text).joined())
            row = []
            rowWidth = 0
        }
        for tok in tokens {
            let w = tok.glyphs.reduce(0) { $0 + $1.width }
            if tok.isSpace {
                if row.isEmpty && !atLineStart { continue }  // no leading spaces after a break
                // Keep spaces only while they fit; they are dropped at a break anyway.
                for g in tok.glyphs where rowWidth + 1 <= width { row.append(g); rowWidth += 1 }
                continue
            }
            atLineStart = false
            if rowWidth + w <= width {
                row += tok.glyphs
                rowWidth += w
                continue
            }
            if w <= width {
                // Word fits on a fresh row.
                if row.contains(where: { $0.text != " " }) { emit() }
                row = tok.glyphs
                rowWidth = w
                continue
            }
            // Overlong word: start it on a fresh row (unless the row holds only
            // indentation), then hard-break it wherever the width runs out.
            if row.contains(where: { $0.text != " " }) { emit() }
            for g in tok.glyphs {
                if rowWidth + g.width > width, !row.isEmpty { emit() }
                row.append(g)
                rowWidth += g.width
            }
        }
        emit()
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        // Unwrapped lines go straight to `Canvas.write`, which sanitises what it draws.
        let rows = wrap ? wrappedLines(width: area.width) : lines
        let start = min(max(0, scroll), max(0, rows.count - area.height))
        canvas.withClip(area) { c in
            for i in 0..<area.height {
                let idx = start + i
                guard idx < rows.count else { break }
                let r = rows[idx]
                c.write(r.text, x: area.x, y: area.y + i, width: area.width, alignment: alignment, style: r.style)
            }
        }
    }
}
