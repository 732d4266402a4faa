/// A key binding as a value, as bubbles' `key.Binding`: the keys that trigger an action, the
/// short form the status bar shows and the line the help overlay shows. A screen keeps one
/// `KeyMap`; its handler, its status bar and its help all read it, so they cannot drift apart.
public struct KeyBinding<Action: Sendable>: Sendable {
    public let keys: [Key]
    public let action: Action
    /// The status bar's key label and text, or nil to keep the binding out of the bar.
    public let bar: KeyHint?
    /// How the help overlay names the keys ("↑/↓  k/j") and what they do; nil when another
    /// binding's line already covers these keys (↓ beside ↑).
    public let help: KeyHint?

    public init(_ keys: [Key], _ action: Action, bar: (String, String)? = nil, help: (String, String)? = nil) {
        self.keys = keys
        self.action = action
        self.bar = bar.map { KeyHint($0.0, $0.1) }
        self.help = help.map { KeyHint($0.0, $0.1) }
    }

    /// The keys "a"... as characters.
    public static func chars(_ characters: String) -> [Key] { characters.map { .char($0) } }
}

public struct KeyMap<Action: Sendable>: Sendable {
    public let bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) { self.bindings = bindings }

    /// The binding a key triggers, first match first.
    public func binding(for key: Key) -> KeyBinding<Action>? { bindings.first { $0.keys.contains(key) } }

    public func action(for key: Key) -> Action? { binding(for: key)?.action }

    /// The status bar's hints, in order, as (key, text).
    public var barHints: [(String, String)] { bindings.compactMap(\.bar).map { ($0.key, $0.label) } }

    /// The help overlay's lines, in order, as (keys, what they do).
    public var helpHints: [(String, String)] { bindings.compactMap(\.help).map { ($0.key, $0.label) } }
}

extension KeyMap {
    /// Both maps' bindings, this one's first: a screen with several states lists all of them in help.
    public func merged(with other: KeyMap) -> KeyMap {
        func line(_ b: KeyBinding<Action>) -> String { b.help.map { $0.key + "\u{0}" + $0.label } ?? "" }
        var seen = Set(bindings.map(line))
        var all = bindings
        for b in other.bindings where b.help == nil || seen.insert(line(b)).inserted { all.append(b) }
        return KeyMap(all)
    }
}
