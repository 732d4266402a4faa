import Foundation

/// Local calendar days of many dates, with one calendar lookup per day rather than per
/// date (calendar arithmetic dominates summaries of long histories).
public struct DayGrouping {
    private let calendar: Calendar
    private var current: DateInterval?

    public init(calendar: Calendar = .current) { self.calendar = calendar }

    /// The start of the local day holding `date`. Fastest when dates come in order.
    public mutating func startOfDay(for date: Date) -> Date {
        if let current, current.start <= date, date < current.end { return current.start }
        let interval =
            calendar.dateInterval(of: .day, for: date)
            ?? DateInterval(start: calendar.startOfDay(for: date), duration: 86_400)
        current = interval
        return interval.start
    }
}
