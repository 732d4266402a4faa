import Foundation

/// Start-up phase marks for `make bench`. With `PROCTOR_TRACE_STARTUP=FILE` set, each mark appends
/// "<CLOCK_MONOTONIC seconds> <phase>" to FILE, on the clock the bench harness reads too, so it
/// can split the time to the first frame into measured phases. Unset, a mark is a nil check.
enum StartupTrace {
    private static let path: String? = getenv("PROCTOR_TRACE_STARTUP").map { String(cString: $0) }

    static func mark(_ phase: String) {
        guard let path, !path.isEmpty, let file = fopen(path, "a") else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        fputs("\(Double(now.tv_sec) + Double(now.tv_nsec) / 1e9) \(phase)\n", file)
        fclose(file)
    }
}
