#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A place to draw frames and read events from. `NcursesTerminal` is the real one,
/// `TestTerminal` an in-memory one for tests.
public protocol Terminal: AnyObject {
    /// Current size in cells.
    var size: Size { get }
    /// Whether colours can be shown (used to pick a theme).
    var supportsColor: Bool { get }
    /// Shows a whole frame. Implementations write only cells that changed and
    /// nothing at all when the frame equals the previous one.
    func draw(_ canvas: Canvas)
    /// Waits up to `timeout` seconds (nil: forever) for an event; nil on timeout.
    func nextEvent(timeout: Double?) -> Event?
    /// Restores the terminal. Safe to call more than once.
    func shutdown()
}

extension Terminal {
    public var supportsColor: Bool { false }
}

public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (piped, redirected, no TTY).
    case notInteractive
    /// ncurses could not set up the terminal (e.g. unknown TERM).
    case initializationFailed(String)
    /// The terminal type cannot move the cursor (e.g. TERM=dumb), so no screen can be drawn.
    case cannotAddressCursor(term: String)

    public var description: String {
        switch self {
        case .notInteractive:
            return "an interactive terminal is required: stdin and stdout must both be a TTY"
        case .initializationFailed(let why):
            return "could not initialise the terminal: \(why)"
        case .cannotAddressCursor(let term):
            return "the terminal type TERM=\(term) cannot move the cursor, so Proctor cannot draw its screens; "
                + "run it in a full-screen terminal (for example TERM=xterm-256color). "
                + "`proctor stats` and `proctor validate` work without one"
        }
    }
}

/// True when both stdin (fd 0) and stdout (fd 1) are terminals.
public func isInteractiveTerminal() -> Bool {
    isatty(0) == 1 && isatty(1) == 1
}
