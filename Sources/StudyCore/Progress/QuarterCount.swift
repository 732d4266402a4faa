import Foundation

/// Answers given in one UTC quarter hour. Every time zone's midnight falls on a quarter hour,
/// so local days, in whatever zone the learner is in today, are unions of quarters.
public struct QuarterCount: Sendable, Equatable {
    public static let seconds: Double = 900

    /// Unix seconds / 900, rounded toward zero (as the store's `CAST(answeredAt / 900 AS INTEGER)`).
    public let quarter: Int64
    public var answers: Int

    public init(quarter: Int64, answers: Int) {
        self.quarter = quarter
        self.answers = answers
    }

    public static func quarter(of date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970 / seconds)
    }

    public var start: Date { Date(timeIntervalSince1970: Double(quarter) * Self.seconds) }
}

extension Array where Element == QuarterCount {
    /// Counts one answer at `date`, keeping the array sorted by quarter (new answers usually
    /// land in the last quarter, which is checked first).
    mutating func count(answerAt date: Date) {
        let q = QuarterCount.quarter(of: date)
        if let last = self.last, last.quarter == q {
            self[endIndex - 1].answers += 1
            return
        }
        var low = startIndex, high = endIndex
        while low < high {
            let mid = (low + high) / 2
            if self[mid].quarter < q { low = mid + 1 } else { high = mid }
        }
        if low < endIndex, self[low].quarter == q {
            self[low].answers += 1
        } else {
            insert(QuarterCount(quarter: q, answers: 1), at: low)
        }
    }
}
