import Foundation

/// Runs a closure on its own thread from the moment it is created; `value()` waits for it. The
/// one helper for background work: start-up opens the progress database while the pack loads,
/// and YAML parsing runs on big-stack threads. A closure that cannot throw (`Failure == Never`)
/// gives a `value()` that cannot either.
public final class BackgroundTask<T, Failure: Error>: @unchecked Sendable {
    private var result: Result<T, Failure>?
    private let done = DispatchSemaphore(value: 0)

    /// - Parameter stackSize: the thread's stack in bytes (nil: the system default).
    public init(
        name: String? = nil, stackSize: Int? = nil, _ body: @escaping @Sendable () throws(Failure) -> T
    ) {
        let thread = Thread { [self] in
            result = Result(catching: body)
            done.signal()
        }
        if let name { thread.name = name }
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
    }

    /// The closure's value, or the error it threw. Call it once.
    public func value() throws(Failure) -> T {
        done.wait()
        return try result!.get()
    }
}

/// Stack for threads that parse YAML: composition recurses once per nesting level, which could
/// overflow a small secondary-thread stack on hostile input.
public let parsingStackSize = 64 * 1024 * 1024
