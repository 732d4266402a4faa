import Foundation

/// Runs a throwing closure on its own thread from the moment it is created; `value()` waits for
/// it. The one helper for background work: start-up opens the progress database while the pack
/// loads, and YAML parsing runs on big-stack threads (composition recurses once per nesting
/// level, which could overflow a small secondary-thread stack on hostile input).
public final class BackgroundTask<T>: @unchecked Sendable {
    /// Stack for threads that parse YAML.
    public static var parsingStackSize: Int { 64 * 1024 * 1024 }

    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    /// - Parameter stackSize: the thread's stack in bytes (nil: the system default).
    public init(name: String? = nil, stackSize: Int? = nil, _ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result(catching: body)
            done.signal()
        }
        if let name { thread.name = name }
        if let stackSize { thread.stackSize = stackSize }
        thread.start()
    }

    /// The closure's value, or the error it threw. Call it once.
    public func value() throws -> T {
        done.wait()
        return try result!.get()
    }
}

extension BackgroundTask where T: Sendable {
    /// The value of a closure that cannot throw.
    public func value() -> T {
        done.wait()
        return try! result!.get()
    }
}
