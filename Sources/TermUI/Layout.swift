/// How much of the available length a segment of a split takes.
public enum Constraint: Equatable, Hashable, Sendable {
    /// Exactly `n` cells (less if the space runs out).
    case fixed(Int)
    /// `p` percent of the available length (rounded down).
    case percent(Int)
    /// At least `n` cells; shares leftover space like `.fill`.
    case min(Int)
    /// An equal share of whatever is left after the other constraints.
    case fill
}

/// Split direction: `.vertical` stacks rows top to bottom, `.horizontal` lays columns left to right.
public enum Direction: Sendable, Equatable {
    case vertical, horizontal
}

public enum Layout {
    /// Sizes for `constraints` in a length of `total` cells (with `spacing` cells between
    /// segments). Fixed, percent and min sizes are granted in order while space lasts;
    /// the remainder is shared equally by `.fill` and `.min` segments (earlier ones get
    /// the odd cells). Sizes are never negative and never sum to more than `total`.
    public static func sizes(_ constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let gaps = max(0, spacing) * (constraints.count - 1)
        let avail = max(0, total - gaps)
        var sizes = [Int](repeating: 0, count: constraints.count)
        var remaining = avail
        for (i, c) in constraints.enumerated() {
            let want: Int
            switch c {
            case .fixed(let n): want = max(0, n)
            case .percent(let p): want = avail * Swift.min(100, Swift.max(0, p)) / 100
            case .min(let n): want = max(0, n)
            case .fill: want = 0
            }
            let got = Swift.min(want, remaining)
            sizes[i] = got
            remaining -= got
        }
        let growers = constraints.indices.filter {
            if case .fill = constraints[$0] { return true }
            if case .min = constraints[$0] { return true }
            return false
        }
        if !growers.isEmpty, remaining > 0 {
            let share = remaining / growers.count
            var extra = remaining % growers.count
            for i in growers {
                sizes[i] += share + (extra > 0 ? 1 : 0)
                if extra > 0 { extra -= 1 }
            }
        }
        return sizes
    }

    /// Splits `rect` into consecutive rects along `direction`.
    public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint], spacing: Int = 0)
        -> [Rect]
    {
        let total = direction == .vertical ? rect.height : rect.width
        let sizes = sizes(constraints, total: total, spacing: spacing)
        var pos = direction == .vertical ? rect.y : rect.x
        var out: [Rect] = []
        for s in sizes {
            switch direction {
            case .vertical: out.append(Rect(x: rect.x, y: pos, width: rect.width, height: s))
            case .horizontal: out.append(Rect(x: pos, y: rect.y, width: s, height: rect.height))
            }
            pos += s + max(0, spacing)
        }
        return out
    }
}

extension Rect {
    /// Splits into rows (top to bottom) by constraints.
    public func rows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, .vertical, constraints, spacing: spacing)
    }

    public func rows(_ constraints: Constraint..., spacing: Int = 0) -> [Rect] {
        rows(constraints, spacing: spacing)
    }

    /// Splits into columns (left to right) by constraints.
    public func columns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, .horizontal, constraints, spacing: spacing)
    }

    public func columns(_ constraints: Constraint..., spacing: Int = 0) -> [Rect] {
        columns(constraints, spacing: spacing)
    }
}
