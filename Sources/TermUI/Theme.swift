import Foundation

/// Named style roles. Widgets take their styles from a theme so the app never
/// hard-codes colours, and a monochrome theme keeps every role distinguishable
/// with attributes alone.
public struct Theme: Equatable, Sendable {
    public var normal: Style
    public var dim: Style
    public var title: Style
    public var border: Style
    public var selected: Style
    public var accent: Style
    public var success: Style
    public var warning: Style
    public var alert: Style
    /// The key part of a key hint ("q" in "q quit").
    public var keyHint: Style
    /// The label part of a key hint ("quit" in "q quit").
    public var keyLabel: Style
    /// Filled part of a gauge.
    public var gaugeFilled: Style
    /// Empty part of a gauge.
    public var gaugeEmpty: Style
    /// True for the monochrome theme (no colours at all).
    public var isMonochrome: Bool

    public init(
        normal: Style, dim: Style, title: Style, border: Style, selected: Style, accent: Style,
        success: Style, warning: Style, alert: Style, keyHint: Style, keyLabel: Style,
        gaugeFilled: Style, gaugeEmpty: Style, isMonochrome: Bool = false
    ) {
        self.normal = normal
        self.dim = dim
        self.title = title
        self.border = border
        self.selected = selected
        self.accent = accent
        self.success = success
        self.warning = warning
        self.alert = alert
        self.keyHint = keyHint
        self.keyLabel = keyLabel
        self.gaugeFilled = gaugeFilled
        self.gaugeEmpty = gaugeEmpty
        self.isMonochrome = isMonochrome
    }

    /// Colour theme. Attributes are chosen so it still reads if colours are dropped.
    public static let color = Theme(
        normal: Style(),
        dim: Style(fg: .brightBlack, attributes: .dim),
        title: Style(fg: .cyan, attributes: .bold),
        border: Style(fg: .blue),
        selected: Style(fg: .black, bg: .cyan, attributes: .bold),
        accent: Style(fg: .cyan, attributes: .bold),
        success: Style(fg: .green, attributes: .bold),
        warning: Style(fg: .yellow, attributes: .bold),
        alert: Style(fg: .brightWhite, bg: .red, attributes: .bold),
        keyHint: Style(fg: .black, bg: .cyan, attributes: .bold),
        keyLabel: Style(),
        gaugeFilled: Style(fg: .cyan),
        gaugeEmpty: Style(fg: .brightBlack),
        isMonochrome: false)

    /// Attribute-only theme for `NO_COLOR` and terminals without colours.
    public static let monochrome = Theme(
        normal: Style(),
        dim: Style(attributes: .dim),
        title: Style(attributes: .bold),
        border: Style(),
        selected: Style(attributes: [.reverse, .bold]),
        accent: Style(attributes: [.bold, .underline]),
        success: Style(attributes: .bold),
        warning: Style(attributes: [.bold, .underline]),
        alert: Style(attributes: [.bold, .reverse]),
        keyHint: Style(attributes: [.bold, .reverse]),
        keyLabel: Style(),
        gaugeFilled: Style(attributes: .bold),
        gaugeEmpty: Style(attributes: .dim),
        isMonochrome: true)

    /// Picks the monochrome theme when `NO_COLOR` is set to a non-empty value
    /// (https://no-color.org) or the terminal has no colours, else the colour theme.
    public static func select(environment: [String: String], colorsAvailable: Bool) -> Theme {
        if let v = environment["NO_COLOR"], !v.isEmpty { return .monochrome }
        return colorsAvailable ? .color : .monochrome
    }

    /// `select(environment:colorsAvailable:)` for a terminal and this process's environment.
    public static func select(for terminal: Terminal) -> Theme {
        select(environment: ProcessInfo.processInfo.environment, colorsAvailable: terminal.supportsColor)
    }

    /// The theme with every colour removed (attributes kept).
    public var withoutColors: Theme {
        Theme(
            normal: normal.monochrome, dim: dim.monochrome, title: title.monochrome, border: border.monochrome,
            selected: selected.monochrome, accent: accent.monochrome, success: success.monochrome,
            warning: warning.monochrome, alert: alert.monochrome, keyHint: keyHint.monochrome,
            keyLabel: keyLabel.monochrome, gaugeFilled: gaugeFilled.monochrome,
            gaugeEmpty: gaugeEmpty.monochrome, isMonochrome: true)
    }
}
