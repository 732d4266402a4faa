import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Restoring the terminal on every exit path

/// Signals after which the terminal is restored before the process goes away.
/// Termination signals end with the default action (exit status 128 + signo);
/// crash signals are passed on to whatever handler was installed before us (e.g. the
/// Swift runtime's backtracer) once the screen is back to normal.
private let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

nonisolated(unsafe) private var savedHandlers = [sighandler_t?](repeating: nil, count: 65)
nonisolated(unsafe) private var screenActive = false
nonisolated(unsafe) private var atexitInstalled = false
/// The thread that set up the screen; every ncurses call happens on it.
nonisolated(unsafe) private var screenThread: pthread_t?
/// The terminal's "cursor normal" sequence, copied at set-up so a signal handler can write it
/// without allocating: a backstop for endwin, which skips it when the signal lands inside
/// ncurses' own cursor bookkeeping.
nonisolated(unsafe) private var cursorNormal: (bytes: UnsafeMutablePointer<UInt8>, count: Int)?

private func isTermination(_ signo: Int32) -> Bool {
    signo == SIGINT || signo == SIGTERM || signo == SIGHUP || signo == SIGQUIT
}

private func restoreScreen() {
    if screenActive {
        screenActive = false
        endwin()
        if let cursorNormal { _ = write(STDOUT_FILENO, cursorNormal.bytes, cursorNormal.count) }
    }
}

private func termuiSignalHandler(_ signo: Int32) {
    // A termination signal that lands on another thread is handed to the screen's thread, so
    // ncurses is never torn down while that thread is still drawing with it. The screen thread
    // blocks these signals while it is inside ncurses; the handover waits there until it is out.
    if isTermination(signo), let owner = screenThread, pthread_equal(pthread_self(), owner) == 0 {
        pthread_kill(owner, signo)
        return
    }
    restoreScreen()
    let previous = signo >= 0 && signo < 65 ? savedHandlers[Int(signo)] : nil
    signal(signo, previous ?? SIG_DFL)
    raise(signo)
    // Only reached if the previous handler returned or the signal was ignored.
    if isTermination(signo) { _exit(128 + signo) }
}

private func termuiAtExit() { restoreScreen() }

/// Holds back the termination signals on this thread, so their handler never interrupts ncurses
/// half-way through a change of its state (set-up, a frame); pass the result to
/// `releaseTerminationSignals`, after which a signal that arrived meanwhile is handled at once.
private func holdTerminationSignals() -> sigset_t {
    var held = sigset_t(), previous = sigset_t()
    sigemptyset(&held)
    for s in terminationSignals { sigaddset(&held, s) }
    pthread_sigmask(SIG_BLOCK, &held, &previous)
    return previous
}

private func releaseTerminationSignals(_ previous: sigset_t) {
    var previous = previous
    pthread_sigmask(SIG_SETMASK, &previous, nil)
}

/// Copies the terminfo string `name` of the current terminal (nil when it has none).
private func copyCapability(_ name: String) -> (bytes: UnsafeMutablePointer<UInt8>, count: Int)? {
    guard let raw = cn_tigetstr(name) else { return nil }
    let count = strlen(raw)
    guard count > 0 else { return nil }
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
    raw.withMemoryRebound(to: UInt8.self, capacity: count) { bytes.initialize(from: $0, count: count) }
    return (bytes, count)
}

// MARK: - Backend

/// The real terminal, drawn with ncursesw.
///
/// - Sets the locale from the environment, `newterm` on stdin/stdout, cbreak (or raw,
///   see `captureInterrupt`), noecho, keypad, nonl, invisible cursor, ESCDELAY 25 ms,
///   and colours with the terminal's default colours when available.
/// - `draw` writes only cells that differ from the previous frame, skipping the
///   continuation cells of wide glyphs, and nothing when the frame is unchanged.
/// - The terminal is restored by `shutdown()`, `deinit`, an `atexit` hook, and signal
///   handlers for SIGINT/SIGTERM/SIGHUP/SIGQUIT (exit status 128 + signo) and crash signals.
///   Prefer `NcursesTerminal.run { term in ... }`, which also restores it when `body` throws.
public final class NcursesTerminal: Terminal {
    public private(set) var size: Size
    public let supportsColor: Bool
    private var previous: Canvas?
    private var pairs: [PairKey: Int32] = [:]
    private var nextPair: Int32 = 1
    private let maxPairs: Int32
    private let colorCount: Int
    private var isOpen = true
    /// Raw mode: Ctrl-C, Ctrl-Z and Ctrl-\ arrive as keys, so job control is done here.
    private let rawMode: Bool

    private struct PairKey: Hashable { let fg: Int; let bg: Int }

    /// Sets up the screen.
    /// - Parameter captureInterrupt: when true the terminal is put in raw mode so Ctrl-C
    ///   arrives as `.key(.ctrl("c"))` (and Ctrl-\ as a key too) instead of a signal; Ctrl-Z
    ///   still suspends the program, as it does in cooked mode.
    /// - Throws: `TerminalError.notInteractive` without a TTY; `.initializationFailed`
    ///   when ncurses cannot start (unknown TERM, or a screen is already active).
    public init(captureInterrupt: Bool = false, escapeDelayMilliseconds: Int32 = 25) throws {
        guard isInteractiveTerminal() else { throw TerminalError.notInteractive }
        guard !screenActive else { throw TerminalError.initializationFailed("a terminal screen is already active") }
        let signalMask = holdTerminationSignals()
        defer { releaseTerminationSignals(signalMask) }
        setlocale(LC_ALL, "")
        NcursesTerminal.ensureUTF8Locale()
        // ESCDELAY from the environment is read by newterm; set_escdelay below wins anyway.
        setenv("ESCDELAY", "\(escapeDelayMilliseconds)", 0)
        let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
        // A terminal that cannot place the cursor (TERM=dumb, a printing terminal) would show a blank screen.
        if cn_term_addresses_cursor() == 0 { throw TerminalError.cannotAddressCursor(term: term) }
        guard cn_newterm() != nil else {
            throw TerminalError.initializationFailed("ncurses does not know the terminal type TERM=\(term)")
        }
        screenThread = pthread_self()
        if cursorNormal == nil { cursorNormal = copyCapability("cnorm") }
        screenActive = true
        if !atexitInstalled {
            atexitInstalled = true
            atexit(termuiAtExit)
        }
        for s in terminationSignals + crashSignals {
            let old = signal(s, termuiSignalHandler)
            savedHandlers[Int(s)] = old
        }
        _ = cn_set_escdelay(escapeDelayMilliseconds)
        rawMode = captureInterrupt
        if captureInterrupt { raw() } else { cbreak() }
        noecho()
        nonl()
        _ = cn_keypad(1)
        _ = cn_intrflush(0)
        _ = cn_leaveok(1)
        curs_set(0)
        if cn_has_colors() == 1 {
            start_color()
            use_default_colors()
            supportsColor = true
            colorCount = Int(cn_colors())
            maxPairs = min(cn_color_pairs(), 32767)
        } else {
            supportsColor = false
            colorCount = 0
            maxPairs = 0
        }
        var h: Int32 = 0, w: Int32 = 0
        cn_getmaxyx(cn_stdscr(), &h, &w)
        size = Size(width: Int(w), height: Int(h))
    }

    deinit { shutdown() }

    /// Whether the C library's character set (after `setlocale`) is UTF-8.
    public static var localeIsUTF8: Bool {
        guard let cs = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: cs).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Containers often run with no LANG at all (the "C" locale), which would make ncurses
    /// print every non-ASCII character as an escape like `M-~`. Text is always UTF-8 here,
    /// so fall back to a UTF-8 character type when the environment does not give one.
    static func ensureUTF8Locale() {
        guard !localeIsUTF8 else { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if localeIsUTF8 { return }
        }
    }

    /// Runs `body` with a terminal and restores the screen afterwards, also when `body` throws.
    public static func run<T>(captureInterrupt: Bool = false, _ body: (NcursesTerminal) throws -> T) throws -> T {
        let term = try NcursesTerminal(captureInterrupt: captureInterrupt)
        defer { term.shutdown() }
        return try body(term)
    }

    public func shutdown() {
        guard isOpen else { return }
        isOpen = false
        let signalMask = holdTerminationSignals()
        defer { releaseTerminationSignals(signalMask) }
        restoreScreen()
        for s in terminationSignals + crashSignals {
            signal(s, savedHandlers[Int(s)] ?? SIG_DFL)
            savedHandlers[Int(s)] = nil
        }
    }

    // MARK: Drawing

    public func draw(_ canvas: Canvas) {
        guard isOpen else { return }
        if let previous, previous == canvas { return }
        let signalMask = holdTerminationSignals()
        defer { releaseTerminationSignals(signalMask) }
        let diff = CanvasDiff.between(previous, canvas, rows: size.height, cols: size.width)
        if diff.full { _ = cn_erase() }
        var codepoints: [UInt32] = []
        codepoints.reserveCapacity(6)
        for change in diff.changes {
            codepoints.removeAll(keepingCapacity: true)
            for s in change.symbol.unicodeScalars { codepoints.append(s.value) }
            let attrs = attributes(for: change.style)
            let pair = colorPair(for: change.style)
            _ = codepoints.withUnsafeBufferPointer { buf in
                cn_put_cell_u32(Int32(change.y), Int32(change.x), buf.baseAddress, Int32(buf.count), attrs, pair)
            }
        }
        _ = cn_refresh()
        previous = canvas
    }

    private func attributes(for style: Style) -> attr_t {
        var a = cn_a_normal()
        let s = style.attributes
        if s.contains(.bold) { a |= cn_a_bold() }
        if s.contains(.dim) { a |= cn_a_dim() }
        if s.contains(.italic) { a |= cn_a_italic() }
        if s.contains(.underline) { a |= cn_a_underline() }
        if s.contains(.reverse) { a |= cn_a_reverse() }
        return a
    }

    /// Maps a palette index to one the terminal has (bright colours fall back to normal ones).
    private func fit(_ color: Color) -> Int {
        let i = color.index
        if i < 0 || i < colorCount { return i }
        if i < 16 { return i - 8 }
        return 7
    }

    private func colorPair(for style: Style) -> Int32 {
        guard supportsColor, style.fg != .default || style.bg != .default else { return 0 }
        let key = PairKey(fg: fit(style.fg), bg: fit(style.bg))
        if let p = pairs[key] { return p }
        guard nextPair < maxPairs else { return 0 }
        let p = nextPair
        nextPair += 1
        _ = cn_init_pair(p, Int32(key.fg), Int32(key.bg))
        pairs[key] = p
        return p
    }

    // MARK: Input

    public func nextEvent(timeout: Double?) -> Event? {
        guard isOpen else { return nil }
        let deadline = timeout.map { monotonicNow() + max(0, $0) }
        while true {
            let ms: Int32
            if let deadline {
                let left = deadline - monotonicNow()
                if left <= 0 { ms = 0 } else { ms = Int32(min(Double(Int32.max), (left * 1000).rounded(.up))) }
            } else {
                ms = -1
            }
            _ = cn_timeout(ms)
            var ch: wint_t = 0
            let rc = cn_get_wch(&ch)
            if rc == cn_err() {
                // The terminal hung up and no SIGHUP reached us (e.g. SIGHUP ignored): end as a
                // hangup would, instead of spinning on the dead input.
                if Self.inputHungUp() {
                    raise(SIGHUP)
                    _exit(128 + SIGHUP)
                }
                // Timeout (or an interrupted read): report a timeout once the time is up.
                if let deadline, monotonicNow() >= deadline { return nil }
                if deadline == nil { continue }
                continue
            }
            if let event = NcursesTerminal.decode(isKeyCode: rc == cn_key_code_yes(), code: UInt32(ch)) {
                if rawMode, case .key(.ctrl("z")) = event {
                    return suspend()
                }
                if case .resize = event { return takeCurrentSize() }
                return event
            }
            // Unknown key: keep waiting for the rest of the timeout.
            if let deadline, monotonicNow() >= deadline { return nil }
        }
    }

    /// Ctrl-Z in raw mode: stops the job as the terminal driver would have. SIGTSTP goes to
    /// ncurses' own handler (installed by newterm), which restores the terminal, stops the
    /// process group and, on `fg`, puts the screen back. A shell without job control ignores
    /// SIGTSTP, and then nothing happens. Returns a resize event so the app lays itself out
    /// again for whatever size the terminal has after the pause.
    private func suspend() -> Event {
        raise(SIGTSTP)
        return takeCurrentSize()
    }

    /// Reads the screen size ncurses now has and arranges a full repaint at that size.
    private func takeCurrentSize() -> Event {
        var h: Int32 = 0, w: Int32 = 0
        cn_getmaxyx(cn_stdscr(), &h, &w)
        size = Size(width: Int(w), height: Int(h))
        previous = nil
        _ = cn_clearok(1)
        return .resize(width: size.width, height: size.height)
    }

    /// Whether the terminal input is gone (hang-up, error or closed descriptor).
    static func inputHungUp() -> Bool {
        var p = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) > 0 else { return false }
        return p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Turns a `get_wch` result into an event: `isKeyCode` is true for KEY_CODE_YES
    /// (a curses key code), false for a character. Nil for keys we do not model.
    static func decode(isKeyCode: Bool, code: UInt32) -> Event? {
        guard isKeyCode else { return Key.fromCodePoint(code).map { .key($0) } }
        let c = Int32(bitPattern: code)
        switch c {
        case cn_key_resize(): return .resize(width: 0, height: 0)
        case cn_key_up(), cn_key_sr(): return .key(.up)
        case cn_key_down(), cn_key_sf(): return .key(.down)
        case cn_key_left(), cn_key_sleft(): return .key(.left)
        case cn_key_right(), cn_key_sright(): return .key(.right)
        case cn_key_home(), cn_key_a1(), cn_key_beg(), cn_key_shome(): return .key(.home)
        case cn_key_end(), cn_key_c1(), cn_key_ll(), cn_key_send(): return .key(.end)
        case cn_key_ppage(), cn_key_a3(): return .key(.pageUp)
        case cn_key_npage(), cn_key_c3(): return .key(.pageDown)
        case cn_key_enter(): return .key(.enter)
        case cn_key_backspace(): return .key(.backspace)
        case cn_key_dc(): return .key(.delete)
        case cn_key_ic(): return .key(.insert)
        case cn_key_btab(): return .key(.backTab)
        case cn_key_f(1)...cn_key_f(63): return .key(.function(Int(c - cn_key_f0())))
        default: return nil
        }
    }
}

private func monotonicNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
