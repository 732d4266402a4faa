/// One terminal cell: a glyph (one spacing character plus joined marks) and its style.
/// The cell to the right of a wide glyph is a *continuation*: it has an empty symbol,
/// is never written to the terminal, and belongs to the glyph on its left.
public struct Cell: Equatable, Hashable, Sendable {
    public var symbol: String
    public var style: Style
    public var isContinuation: Bool

    public init(_ symbol: String = " ", style: Style = Style(), isContinuation: Bool = false) {
        self.symbol = symbol
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()

    /// Cells this cell's glyph covers: 0 for a continuation, else 1 or 2.
    public var width: Int {
        if isContinuation { return 0 }
        var w = 0
        for s in symbol.unicodeScalars { w += Text.width(of: s) }
        return max(1, min(2, w))
    }
}

/// A grid of cells that widgets draw into; backends receive whole canvases.
/// All drawing is clipped to the canvas and to the current `clip` rect.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Drawing outside this rect is ignored. Defaults to the whole canvas.
    public var clip: Rect

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
        self.clip = Rect(x: 0, y: 0, width: self.width, height: self.height)
    }

    public init(size: Size) { self.init(width: size.width, height: size.height) }

    public var size: Size { Size(width: width, height: height) }
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public static func == (a: Canvas, b: Canvas) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
    }

    /// The cell at (x, y), or nil outside the canvas.
    public subscript(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return cells[y * width + x]
    }

    /// Runs `body` with drawing restricted to `rect` (intersected with the current clip).
    public mutating func withClip(_ rect: Rect, _ body: (inout Canvas) -> Void) {
        let saved = clip
        clip = clip.intersection(rect)
        body(&self)
        clip = saved
    }

    func writable(_ x: Int, _ y: Int) -> Bool {
        clip.contains(x: x, y: y) && x >= 0 && y >= 0 && x < width && y < height
    }

    /// Breaks up any wide glyph that overlaps column x of row y so x can be rewritten
    /// on its own: the other half becomes a blank cell with the same style.
    mutating func detach(_ x: Int, _ y: Int) {
        let i = y * width + x
        if cells[i].isContinuation, x > 0 {
            cells[i - 1] = Cell(" ", style: cells[i - 1].style)
            cells[i] = Cell(" ", style: cells[i].style)
        } else if cells[i].width == 2, x + 1 < width {
            cells[i + 1] = Cell(" ", style: cells[i + 1].style)
        }
    }

    /// Puts one glyph at (x, y) if it fits entirely inside the clip; returns whether it did.
    /// A wide glyph also claims the cell to its right as a continuation.
    @discardableResult
    mutating func put(_ g: Glyph, x: Int, y: Int, style: Style) -> Bool {
        guard writable(x, y), g.width == 1 || writable(x + 1, y) else { return false }
        detach(x, y)
        if g.width == 2 { detach(x + 1, y) }
        cells[y * width + x] = Cell(g.text, style: style)
        if g.width == 2 { cells[y * width + x + 1] = Cell("", style: style, isContinuation: true) }
        return true
    }

    /// Writes a single line of text starting at column `x` of row `y`, at most
    /// `maxWidth` cells wide, clipped to the canvas and `clip`. This is the only
    /// function that turns strings into cells: text is sanitised by `Text.glyphs`
    /// (no control characters, escape sequences, bidi overrides or zero-width
    /// characters reach a cell), wide glyphs take two cells, and a wide glyph that
    /// would be cut by the right edge is replaced by a space.
    /// Returns the column after the last cell written (x + width used).
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = Style(), maxWidth: Int = Int.max) -> Int {
        var col = x
        let (sum, overflow) = x.addingReportingOverflow(max(0, maxWidth))
        let limit = overflow ? Int.max : sum
        guard y >= 0, y < height else { return x }
        for g in Text.glyphs(text) {
            if col + g.width > limit {
                if g.width == 2, col < limit { put(Glyph(text: " ", width: 1), x: col, y: y, style: style); col += 1 }
                break
            }
            if col >= clip.maxX || col >= width { break }
            if !put(g, x: col, y: y, style: style), g.width == 2 {
                // Half of a wide glyph is outside the clip: show the visible half as a space.
                if writable(col, y) { put(Glyph(text: " ", width: 1), x: col, y: y, style: style) }
                if writable(col + 1, y) { put(Glyph(text: " ", width: 1), x: col + 1, y: y, style: style) }
            }
            col += g.width
        }
        return col
    }

    /// Writes text aligned inside `width` cells starting at `x` (truncated with "…" if too long).
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, width: Int, alignment: Alignment, style: Style = Style())
        -> Int
    {
        guard width > 0 else { return x }
        let t = Text.truncate(text, width: width)
        let w = Text.width(t)
        let start: Int
        switch alignment {
        case .left: start = x
        case .right: start = x + width - w
        case .center: start = x + (width - w) / 2
        }
        return write(t, x: start, y: y, style: style, maxWidth: x + width - start)
    }

    /// Fills a rect with a character (a single-cell glyph; anything else is drawn as a space).
    public mutating func fill(_ rect: Rect, with symbol: Character = " ", style: Style = Style()) {
        let gs = Text.glyphs(String(symbol))
        let g = (gs.count == 1 && gs[0].width == 1) ? gs[0] : Glyph(text: " ", width: 1)
        let r = rect.intersection(clip).intersection(bounds)
        guard !r.isEmpty else { return }
        for yy in r.y..<r.maxY {
            for xx in r.x..<r.maxX { put(g, x: xx, y: yy, style: style) }
        }
    }

    /// Blanks a rect (spaces in `style`): what an overlay does before drawing itself.
    public mutating func clear(_ rect: Rect, style: Style = Style()) {
        fill(rect, with: " ", style: style)
    }

    /// Adds attributes/colours to the cells of a rect (e.g. reverse for a selected row).
    public mutating func patchStyle(_ rect: Rect, with style: Style) {
        let r = rect.intersection(clip).intersection(bounds)
        guard !r.isEmpty else { return }
        for yy in r.y..<r.maxY {
            for xx in r.x..<r.maxX {
                let i = yy * width + xx
                cells[i].style = style.patched(over: cells[i].style)
            }
        }
    }

    /// Draws a border around `rect` (clipped). Rects smaller than 2x2 get no border.
    public mutating func drawBox(_ rect: Rect, border: BorderSet = .plain, style: Style = Style()) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        if rect.width > 2 {
            for xx in (left + 1)..<right {
                write(border.horizontal, x: xx, y: top, style: style, maxWidth: 1)
                write(border.horizontal, x: xx, y: bottom, style: style, maxWidth: 1)
            }
        }
        if rect.height > 2 {
            for yy in (top + 1)..<bottom {
                write(border.vertical, x: left, y: yy, style: style, maxWidth: 1)
                write(border.vertical, x: right, y: yy, style: style, maxWidth: 1)
            }
        }
        write(border.topLeft, x: left, y: top, style: style, maxWidth: 1)
        write(border.topRight, x: right, y: top, style: style, maxWidth: 1)
        write(border.bottomLeft, x: left, y: bottom, style: style, maxWidth: 1)
        write(border.bottomRight, x: right, y: bottom, style: style, maxWidth: 1)
    }

    /// Rows as strings. Wide glyphs appear once (continuations are skipped), so a row's
    /// display width, not its character count, equals the canvas width.
    /// Trailing spaces are trimmed when `trimTrailing` is true (the default).
    public func lines(trimTrailing: Bool = true) -> [String] {
        (0..<height).map { y in
            var s = ""
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { s += c.symbol }
            }
            if trimTrailing {
                while s.hasSuffix(" ") { s.removeLast() }
            }
            return s
        }
    }

    /// Compares the rows (trailing spaces trimmed on both sides) with `expected`.
    /// Returns nil when they match, else a report listing each differing row and the
    /// first differing cell as (x, y, expected, actual), for use in test assertions:
    /// `XCTAssertNil(canvas.mismatches(["..."]))`.
    public func mismatches(_ expected: [String]) -> String? {
        func trim(_ s: String) -> String {
            var t = s
            while t.hasSuffix(" ") { t.removeLast() }
            return t
        }
        let actual = lines()
        let exp = expected.map(trim)
        guard actual != exp else { return nil }
        var report = "canvas \(width)x\(height) differs from the expected rows:\n"
        for y in 0..<max(actual.count, exp.count) {
            let a = y < actual.count ? actual[y] : "<no row>"
            let e = y < exp.count ? exp[y] : "<no row>"
            if a == e {
                report += "  \(y): |\(a)|\n"
                continue
            }
            report += "≠ \(y): expected |\(e)|\n         actual |\(a)|\n"
            // First differing cell, counted in columns.
            let eg = Text.glyphs(e), ag = Text.glyphs(a)
            var x = 0, i = 0
            while i < max(eg.count, ag.count) {
                let ec = i < eg.count ? eg[i].text : "∅", ac = i < ag.count ? ag[i].text : "∅"
                if ec != ac {
                    report += "         first difference at (x: \(x), y: \(y)): expected '\(ec)', actual '\(ac)'\n"
                    break
                }
                x += i < eg.count ? eg[i].width : 1
                i += 1
            }
        }
        return report
    }

    /// The rows joined with newlines (trailing spaces trimmed), handy in test failures.
    public var text: String { lines().joined(separator: "\n") }
}

/// Characters used for borders.
public struct BorderSet: Equatable, Sendable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String

    public init(
        topLeft: String, topRight: String, bottomLeft: String, bottomRight: String,
        horizontal: String, vertical: String
    ) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let plain = BorderSet(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│")
    public static let rounded = BorderSet(
        topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
    public static let double = BorderSet(
        topLeft: "╔", topRight: "╗", bottomLeft: "╚", bottomRight: "╝", horizontal: "═", vertical: "║")
    public static let heavy = BorderSet(
        topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
    public static let ascii = BorderSet(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
}
