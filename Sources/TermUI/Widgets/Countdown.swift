import Foundation

/// Urgency of a countdown.
public enum CountdownLevel: Equatable, Sendable {
    case normal, warning, alert
}

/// A timer display computed from the remaining time (derive it from a deadline and
/// an injected clock, never by counting ticks). Shows `m:ss` under an hour and
/// `h:mm:ss` from an hour up; styled normal, warning (remaining < `warningThreshold`)
/// or alert (remaining < `alertThreshold`). Monochrome themes mark warning/alert
/// with underline/reverse.
public struct Countdown: Widget {
    /// Seconds left; negative counts as zero.
    public var remaining: Double
    public var warningThreshold: Double
    public var alertThreshold: Double
    /// Optional text before the time, e.g. "Time left".
    public var label: String?
    public var alignment: Alignment
    public var normalStyle: Style
    public var warningStyle: Style
    public var alertStyle: Style

    public init(
        remaining: Double, warningThreshold: Double = 300, alertThreshold: Double = 60, label: String? = nil,
        alignment: Alignment = .left, normalStyle: Style = Style(),
        warningStyle: Style = Style(attributes: [.bold, .underline]),
        alertStyle: Style = Style(attributes: [.bold, .reverse])
    ) {
        self.remaining = remaining
        self.warningThreshold = warningThreshold
        self.alertThreshold = alertThreshold
        self.label = label
        self.alignment = alignment
        self.normalStyle = normalStyle
        self.warningStyle = warningStyle
        self.alertStyle = alertStyle
    }

    public init(
        remaining: Double, warningThreshold: Double = 300, alertThreshold: Double = 60, label: String? = nil,
        alignment: Alignment = .left, theme: Theme
    ) {
        self.init(
            remaining: remaining, warningThreshold: warningThreshold, alertThreshold: alertThreshold,
            label: label, alignment: alignment, normalStyle: theme.normal, warningStyle: theme.warning,
            alertStyle: theme.alert)
    }

    /// A countdown to `deadline` as seen at `now`.
    public init(
        deadline: Date, now: Date, warningThreshold: Double = 300, alertThreshold: Double = 60,
        label: String? = nil, alignment: Alignment = .left, theme: Theme
    ) {
        self.init(
            remaining: deadline.timeIntervalSince(now), warningThreshold: warningThreshold,
            alertThreshold: alertThreshold, label: label, alignment: alignment, theme: theme)
    }

    /// "59:59", "1:00:00", "0:00". Negative input shows "0:00".
    public static func format(seconds: Int) -> String {
        let s = max(0, seconds)
        let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(sec))" : "\(m):\(two(sec))"
    }

    /// Fractional seconds are rounded up, so the display reaches 0:00 exactly at the deadline.
    public static func format(seconds: Double) -> String {
        guard seconds.isFinite else { return format(seconds: 0) }
        return format(seconds: Int(min(Double(Int.max / 2), max(0, seconds.rounded(.up)))))
    }

    /// The level for `remaining` seconds (alert takes precedence over warning).
    public static func level(remaining: Double, warningThreshold: Double, alertThreshold: Double) -> CountdownLevel {
        if remaining < alertThreshold { return .alert }
        if remaining < warningThreshold { return .warning }
        return .normal
    }

    public var level: CountdownLevel {
        Countdown.level(remaining: remaining, warningThreshold: warningThreshold, alertThreshold: alertThreshold)
    }

    public var style: Style {
        switch level {
        case .normal: return normalStyle
        case .warning: return warningStyle
        case .alert: return alertStyle
        }
    }

    /// The text shown: "label 12:34" or just "12:34".
    public var text: String {
        let t = Countdown.format(seconds: remaining)
        if let label, !label.isEmpty { return label + " " + t }
        return t
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        canvas.withClip(area) { c in
            c.write(text, x: area.x, y: area.y, width: area.width, alignment: alignment, style: style)
        }
    }
}
