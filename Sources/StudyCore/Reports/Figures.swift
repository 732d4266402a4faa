import Foundation

/// How Proctor prints shares, pass marks and times and draws seeds, in one place.
public enum Figures {
    /// "68%"; "–" when there is nothing to divide.
    public static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : percent(Double(part) / Double(whole))
    }

    /// A ratio in 0...1 as a rounded percentage, "68%".
    public static func percent(_ ratio: Double) -> String { "\(Int((ratio * 100).rounded()))%" }

    /// "estimated pass mark 70%" (or "pass mark 70%" for a pack whose mark is published).
    public static func passMark(_ exam: ExamFacts) -> String {
        (exam.passingIsEstimate ? "estimated pass mark " : "pass mark ") + "\(Int(exam.passingPercent))%"
    }

    /// "2026-12-06 19:45" in the local time zone: when an exam was taken.
    public static func minute(_ date: Date) -> String { minuteFormatter.string(from: date) }

    private static let minuteFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter
    }()

    /// A seed that differs per run (milliseconds of the clock), for shuffles nobody must repeat.
    public static func seed(at date: Date) -> UInt64 { UInt64(bitPattern: Int64(date.timeIntervalSince1970 * 1000)) }
}
