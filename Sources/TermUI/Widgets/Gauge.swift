/// A horizontal progress bar: `████████░░░░ 66% label`. Filled cells use a full block
/// and empty cells a light shade, so progress reads without colour. The percentage and
/// label follow the bar; the bar keeps at least `minBarWidth` cells and the label is
/// truncated first.
public struct Gauge: Widget {
    public var ratio: Double
    public var label: String?
    public var showPercent: Bool
    public var filledStyle: Style
    public var emptyStyle: Style
    public var labelStyle: Style
    public var filledSymbol: Character
    public var emptySymbol: Character
    public var minBarWidth: Int

    public init(
        ratio: Double, label: String? = nil, showPercent: Bool = true,
        filledStyle: Style = Style(attributes: .bold), emptyStyle: Style = Style(attributes: .dim),
        labelStyle: Style = Style(), filledSymbol: Character = "█", emptySymbol: Character = "░",
        minBarWidth: Int = 4
    ) {
        self.ratio = ratio
        self.label = label
        self.showPercent = showPercent
        self.filledStyle = filledStyle
        self.emptyStyle = emptyStyle
        self.labelStyle = labelStyle
        self.filledSymbol = filledSymbol
        self.emptySymbol = emptySymbol
        self.minBarWidth = minBarWidth
    }

    public init(ratio: Double, label: String? = nil, showPercent: Bool = true, theme: Theme) {
        self.init(
            ratio: ratio, label: label, showPercent: showPercent, filledStyle: theme.gaugeFilled,
            emptyStyle: theme.gaugeEmpty, labelStyle: theme.normal)
    }

    /// The ratio clamped to 0...1 (NaN counts as 0).
    public var clampedRatio: Double { ratio.isNaN ? 0 : min(1, max(0, ratio)) }

    /// Number of filled cells in a bar of `width` cells (rounded down, full only at 1.0).
    public static func filledCells(ratio: Double, width: Int) -> Int {
        let r = ratio.isNaN ? 0 : min(1, max(0, ratio))
        return min(width, max(0, Int((r * Double(width)).rounded(.down))))
    }

    public func render(in area: Rect, on canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        var suffix = ""
        if showPercent { suffix = "\(Int((clampedRatio * 100).rounded(.down)))%" }
        if let label, !label.isEmpty { suffix += (suffix.isEmpty ? "" : " ") + label }
        let y = area.y
        var barWidth = area.width
        var text = ""
        if !suffix.isEmpty {
            let room = area.width - minBarWidth - 1
            if room > 0 {
                text = Text.truncate(suffix, width: room)
                barWidth = area.width - Text.width(text) - 1
            }
        }
        let filled = Gauge.filledCells(ratio: clampedRatio, width: barWidth)
        canvas.withClip(Rect(x: area.x, y: y, width: area.width, height: 1)) { c in
            c.fill(Rect(x: area.x, y: y, width: filled, height: 1), with: filledSymbol, style: filledStyle)
            c.fill(
                Rect(x: area.x + filled, y: y, width: barWidth - filled, height: 1), with: emptySymbol,
                style: emptyStyle)
            if !text.isEmpty { c.write(text, x: area.x + barWidth + 1, y: y, style: labelStyle) }
        }
    }
}

/// Alias: a progress bar is a gauge.
public typealias ProgressBar = Gauge
