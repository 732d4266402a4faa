import Foundation

/// Runs a throwing closure on its own thread from the moment it is created; `value()` waits for
/// it. Start-up uses it to open the progress database while the pack loads.
final class BackgroundTask<T>: @unchecked Sendable {
    private var result: Result<T, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> T) {
        let thread = Thread { [self] in
            result = Result(catching: body)
            done.signal()
        }
        thread.start()
    }

    /// The closure's value, or the error it threw. Call it once.
    func value() throws -> T {
        done.wait()
        return try result!.get()
    }
}
