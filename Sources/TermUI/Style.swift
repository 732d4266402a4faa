/// A terminal colour. `.default` is the terminal's own foreground/background
/// (ncurses `use_default_colors`). `.indexed` addresses the 256-colour palette.
public enum Color: Equatable, Hashable, Sendable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    case indexed(UInt8)

    /// The palette index (−1 for the terminal default).
    public var index: Int {
        switch self {
        case .default: return -1
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .indexed(let i): return Int(i)
        }
    }
}

/// Text attributes that work without colour.
public struct Attributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let italic = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
    public static let reverse = Attributes(rawValue: 1 << 4)

    public var description: String {
        var parts: [String] = []
        if contains(.bold) { parts.append("bold") }
        if contains(.dim) { parts.append("dim") }
        if contains(.italic) { parts.append("italic") }
        if contains(.underline) { parts.append("underline") }
        if contains(.reverse) { parts.append("reverse") }
        return "[" + parts.joined(separator: ",") + "]"
    }
}

/// Foreground, background and attributes of a cell.
public struct Style: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var fg: Color
    public var bg: Color
    public var attributes: Attributes

    public init(fg: Color = .default, bg: Color = .default, attributes: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public static let plain = Style()

    /// The same style with extra attributes.
    public func adding(_ attrs: Attributes) -> Style {
        var s = self
        s.attributes.formUnion(attrs)
        return s
    }

    /// This style drawn over `base`: non-default colours of `self` win, attributes are combined.
    public func patched(over base: Style) -> Style {
        Style(
            fg: fg == .default ? base.fg : fg,
            bg: bg == .default ? base.bg : bg,
            attributes: base.attributes.union(attributes))
    }

    /// The style without colours (what a monochrome terminal shows).
    public var monochrome: Style { Style(attributes: attributes) }

    public var description: String { "Style(fg: \(fg), bg: \(bg), \(attributes))" }
}
