import Foundation

/// A clock for tests: `now` only moves when told to.
public final class ManualClock: @unchecked Sendable {
    public private(set) var now: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_700_000_000)) { now = start }

    public func advance(by seconds: Double) { now = now.addingTimeInterval(seconds) }
    public func set(_ date: Date) { now = date }
    /// Lets the clock be passed where a `() -> Date` is expected: `now: clock.callAsFunction`.
    public func callAsFunction() -> Date { now }
}

/// An in-memory terminal for tests.
///
/// Input is a script of steps: `.event(e)` is returned by the next `nextEvent` call at
/// once; `.wait(seconds)` simulates the user doing nothing for that long: `nextEvent`
/// advances the attached `clock` by at most its timeout and returns nil (the rest of the
/// wait stays in the script). When the script is empty, `nextEvent` advances the clock by
/// the whole timeout (if any) and returns nil, so a loop with ticks keeps running on
/// simulated time; `maxIdlePolls` empty polls in a row stop a loop that never quits with
/// a precondition failure instead of hanging the test run.
///
/// `text()` returns the rows of the last frame: wide glyphs appear once, and trailing
/// spaces are trimmed unless `trimTrailing: false` is passed.
public final class TestTerminal: Terminal {
    public enum Step: Equatable {
        case event(Event)
        case wait(Double)
    }

    public private(set) var size: Size
    public var supportsColor: Bool
    /// The last frame drawn (blank before the first draw).
    public private(set) var canvas: Canvas
    /// Frames actually written (a frame equal to the previous one is not counted).
    public private(set) var framesDrawn = 0
    /// Every call to `draw`, identical frames included.
    public private(set) var drawCalls = 0
    /// What a real terminal would have written for each frame drawn, in order.
    public private(set) var writes: [CanvasDiff] = []
    /// Timeouts passed to `nextEvent`, in order (nil = wait forever).
    public private(set) var requestedTimeouts: [Double?] = []
    public private(set) var isShutDown = false
    public var clock: ManualClock?
    public var script: [Step]
    public var maxIdlePolls = 10_000
    private var idlePolls = 0

    public init(width: Int, height: Int, clock: ManualClock? = nil, events: [Event] = [], supportsColor: Bool = true) {
        size = Size(width: width, height: height)
        canvas = Canvas(width: width, height: height)
        self.clock = clock
        self.script = events.map { .event($0) }
        self.supportsColor = supportsColor
    }

    // MARK: Scripting

    public func enqueue(_ events: Event...) { script += events.map { .event($0) } }
    public func enqueue(keys: Key...) { script += keys.map { .event(.key($0)) } }
    /// Enqueues each character of `text` as a `.char` key.
    public func type(_ text: String) { script += text.map { .event(.key(.char($0))) } }
    /// Enqueues simulated idle time (needs a `clock`).
    public func wait(_ seconds: Double) { script.append(.wait(seconds)) }

    /// Changes the size at once and enqueues the `.resize` event a real terminal would send.
    public func resize(width: Int, height: Int) {
        size = Size(width: width, height: height)
        script.append(.event(.resize(width: size.width, height: size.height)))
    }

    // MARK: Terminal

    public func draw(_ frame: Canvas) {
        drawCalls += 1
        if frame == canvas && framesDrawn > 0 { return }
        writes.append(
            CanvasDiff.between(framesDrawn > 0 ? canvas : nil, frame, rows: size.height, cols: size.width))
        canvas = frame
        framesDrawn += 1
    }

    public func nextEvent(timeout: Double?) -> Event? {
        requestedTimeouts.append(timeout)
        guard let step = script.first else {
            idlePolls += 1
            precondition(idlePolls <= maxIdlePolls, "TestTerminal: script exhausted and the loop never quit")
            if let t = timeout { clock?.advance(by: t) }
            return nil
        }
        idlePolls = 0
        switch step {
        case .event(let e):
            script.removeFirst()
            return e
        case .wait(let d):
            let slice = timeout.map { min($0, d) } ?? d
            clock?.advance(by: slice)
            if slice >= d { script.removeFirst() } else { script[0] = .wait(d - slice) }
            return nil
        }
    }

    public func shutdown() { isShutDown = true }

    // MARK: Inspection

    /// Rows of the last frame as text (see the type's documentation).
    public func text(trimTrailing: Bool = true) -> [String] { canvas.lines(trimTrailing: trimTrailing) }

    /// nil when the last frame shows `expected` (see `Canvas.mismatches`), else a diff report.
    public func mismatches(_ expected: [String]) -> String? { canvas.mismatches(expected) }

    public func cell(x: Int, y: Int) -> Cell? { canvas[x, y] }
    public func style(x: Int, y: Int) -> Style? { canvas[x, y]?.style }

    /// Position of the first occurrence of `text` in the last frame's rows (column counted in cells).
    public func find(_ needle: String) -> (x: Int, y: Int)? {
        for y in 0..<canvas.height {
            let row = text(trimTrailing: false)[y]
            guard let r = row.range(of: needle) else { continue }
            return (Text.width(String(row[..<r.lowerBound])), y)
        }
        return nil
    }
}
