import Foundation

/// What the event handler wants the loop to do next.
public enum LoopAction: Equatable, Sendable {
    case `continue`
    case quit
}

/// Runs the app loop on `terminal` until `handle` returns `.quit`:
///
/// 1. renders a frame (a fresh canvas of the terminal's size) and draws it;
/// 2. waits for input, with a timeout until the next tick when `tickInterval` is set;
/// 3. delivers the input event (if any), then `.tick` if the tick time has passed
///    according to `now()`;
/// 4. redraws after anything was delivered, and goes back to 2.
///
/// Ticks are scheduled from the clock, not counted: the next tick is the first multiple
/// of `tickInterval` after the start that lies in the future, so a late wake-up neither
/// drifts nor floods the app with missed ticks. A `.resize` event is delivered like any
/// other; the next frame is rendered at the new size.
public func runLoop(
    terminal: Terminal,
    tickInterval: Double? = nil,
    now: () -> Date = { Date() },
    handle: (Event) -> LoopAction,
    render: (inout Canvas) -> Void
) {
    runLoop(terminal: terminal, tickInterval: { tickInterval }, now: now, handle: handle, render: render)
}

/// The same loop for apps whose need for ticks changes (a countdown on one screen only):
/// `tickInterval` is asked again after every event; nil stops ticks, so an idle screen
/// without a timer costs nothing.
public func runLoop(
    terminal: Terminal,
    tickInterval: () -> Double?,
    now: () -> Date = { Date() },
    handle: (Event) -> LoopAction,
    render: (inout Canvas) -> Void
) {
    func currentInterval() -> Double? { tickInterval().flatMap { $0 > 0 ? $0 : nil } }
    var interval = currentInterval()
    var nextTick = interval.map { now().addingTimeInterval($0) }
    var needsDraw = true
    func refreshSchedule() {
        let wanted = currentInterval()
        guard wanted != interval else { return }
        interval = wanted
        nextTick = wanted.map { now().addingTimeInterval($0) }
    }
    while true {
        if needsDraw {
            var canvas = Canvas(size: terminal.size)
            render(&canvas)
            terminal.draw(canvas)
            needsDraw = false
        }
        let timeout = nextTick.map { max(0, $0.timeIntervalSince(now())) }
        if let event = terminal.nextEvent(timeout: timeout) {
            needsDraw = true
            if handle(event) == .quit { return }
            refreshSchedule()
        }
        if let step = interval, let due = nextTick {
            let t = now()
            if t >= due {
                let missed = (t.timeIntervalSince(due) / step).rounded(.down)
                nextTick = due.addingTimeInterval((missed + 1) * step)
                needsDraw = true
                if handle(.tick) == .quit { return }
                refreshSchedule()
            }
        }
    }
}
