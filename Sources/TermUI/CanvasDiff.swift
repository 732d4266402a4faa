/// What a terminal must write to turn the frame it shows into a new one: the diff that the
/// ncurses backend applies and the test terminal records, so "a list move repaints two short
/// spans" can be a test.
public struct CanvasDiff: Equatable, Sendable {
    /// One cell to write at (x, y).
    public struct Change: Equatable, Sendable {
        public let x: Int
        public let y: Int
        public let symbol: String
        public let style: Style
    }

    /// True when the screen is erased first (first frame, or a new size).
    public let full: Bool
    public let changes: [Change]

    /// The cells of `new` that differ from `old`, within the visible `rows` x `cols`.
    ///
    /// A cell is rewritten when it changed, or when the cell to its right changed (a wide glyph
    /// must be redrawn when its right half was overwritten). Continuation cells are never
    /// written; a wide glyph that would hang over the right edge is drawn as a space.
    public static func between(_ old: Canvas?, _ new: Canvas, rows: Int, cols: Int) -> CanvasDiff {
        let full = old == nil || old!.size != new.size
        let rows = min(rows, new.height), cols = min(cols, new.width)
        var changes: [Change] = []
        for y in 0..<max(0, rows) {
            for x in 0..<max(0, cols) {
                guard let cell = new[x, y], !cell.isContinuation else { continue }
                if !full, let old, old[x, y] == cell, x + 1 >= cols || old[x + 1, y] == new[x + 1, y] {
                    continue
                }
                let symbol = cell.width == 2 && x + 1 >= cols ? " " : cell.symbol
                changes.append(Change(x: x, y: y, symbol: symbol, style: cell.style))
            }
        }
        return CanvasDiff(full: full, changes: changes)
    }

    /// Runs of changed cells as (y, first x, last x), for tests and measurements.
    public var spans: [(y: Int, from: Int, to: Int)] {
        var out: [(y: Int, from: Int, to: Int)] = []
        for c in changes {
            if let last = out.last, last.y == c.y, c.x <= last.to + 2 {
                out[out.count - 1].to = c.x
            } else {
                out.append((c.y, c.x, c.x))
            }
        }
        return out
    }
}
