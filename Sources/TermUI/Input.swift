/// A decoded key press. Backends turn raw terminal input into these; the app never
/// sees curses codes.
public enum Key: Equatable, Hashable, Sendable {
    /// A printable character, including non-ASCII ones. Space is `.char(" ")`.
    case char(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, backspace, delete, insert, tab, backTab
    /// Control plus a letter, lower case: Ctrl-C is `.ctrl("c")`. Ctrl-I/Ctrl-M/Ctrl-H/Ctrl-[
    /// arrive as `.tab`, `.enter`, `.backspace` and `.escape` because terminals send the same bytes.
    case ctrl(Character)
    /// F1 is `.function(1)`.
    case function(Int)

    /// Decodes a single byte/code point as a terminal sends it (shared by backends).
    public static func fromCodePoint(_ v: UInt32) -> Key? {
        switch v {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x00: return .ctrl("@")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(UInt8(v + 0x60))))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(UInt8(v + 0x40))))
        case 0x80...0x9F: return nil
        default:
            guard let s = Unicode.Scalar(v) else { return nil }
            return .char(Character(s))
        }
    }
}

/// Everything the event loop delivers.
public enum Event: Equatable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case tick
}
