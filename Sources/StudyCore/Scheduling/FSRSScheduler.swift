import Foundation

/// FSRS-6 without fuzz, matching py-fsrs 6.3.2 review for review.
///
/// Elapsed time is counted in whole days (floored), as the reference does, and
/// intervals are rounded half-to-even like Python's `round`.
public struct FSRSScheduler: Sendable {
    public let settings: SchedulerSettings
    private let w: [Double]
    private let decay: Double
    private let factor: Double
    private static let minimumStability = 0.001
    private static let secondsPerDay: Double = 86_400

    public init(settings: SchedulerSettings = SchedulerSettings()) {
        self.settings = settings
        self.w = settings.parameters
        self.decay = -settings.parameters[20]
        self.factor = pow(0.9, 1 / decay) - 1
    }

    /// Probability of recall at `date`; 0 for a card never reviewed.
    public func retrievability(of card: Card, at date: Date) -> Double {
        guard let last = card.lastReview, let stability = card.stability else { return 0 }
        let elapsed = max(0, Self.wholeDays(from: last, to: date))
        return pow(1 + factor * Double(elapsed) / stability, decay)
    }

    public func review(_ card: Card, rating: Rating, at date: Date) -> Card {
        var next = card
        let daysSinceLast = card.lastReview.map { Self.wholeDays(from: $0, to: date) }
        let interval: TimeInterval

        switch card.state {
        case .learning, .relearning:
            let steps = card.state == .learning ? settings.learningSteps : settings.relearningSteps
            updateMemory(&next, rating: rating, daysSinceLast: daysSinceLast, at: date)
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                interval = graduate(&next)
            } else {
                switch rating {
                case .again:
                    next.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0 && steps.count == 1 {
                        interval = steps[0] * 1.5
                    } else if step == 0 {
                        interval = (steps[0] + steps[1]) / 2
                    } else {
                        interval = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        interval = graduate(&next)
                    } else {
                        next.step = step + 1
                        interval = steps[step + 1]
                    }
                case .easy:
                    interval = graduate(&next)
                }
            }
        case .review:
            updateMemory(&next, rating: rating, daysSinceLast: daysSinceLast, at: date)
            if rating == .again && !settings.relearningSteps.isEmpty {
                next.state = .relearning
                next.step = 0
                interval = settings.relearningSteps[0]
            } else {
                interval = days(nextIntervalDays(next.stability!))
            }
        }

        next.due = date.addingTimeInterval(interval)
        next.lastReview = date
        return next
    }

    // MARK: - Memory model

    private func updateMemory(_ card: inout Card, rating: Rating, daysSinceLast: Int?, at date: Date) {
        guard let stability = card.stability, let difficulty = card.difficulty else {
            card.stability = initialStability(rating)
            card.difficulty = initialDifficulty(rating)
            return
        }
        if let days = daysSinceLast, days < 1 {
            card.stability = shortTermStability(stability, rating: rating)
        } else {
            card.stability = nextStability(
                difficulty: difficulty, stability: stability,
                retrievability: retrievability(of: card, at: date), rating: rating)
        }
        card.difficulty = nextDifficulty(difficulty, rating: rating)
    }

    private func graduate(_ card: inout Card) -> TimeInterval {
        card.state = .review
        card.step = nil
        return days(nextIntervalDays(card.stability!))
    }

    private func days(_ n: Int) -> TimeInterval { Double(n) * Self.secondsPerDay }

    private static func wholeDays(from start: Date, to end: Date) -> Int {
        Int((end.timeIntervalSince(start) / secondsPerDay).rounded(.down))
    }

    private func clampStability(_ s: Double) -> Double { max(s, Self.minimumStability) }
    private func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }

    func initialStability(_ rating: Rating) -> Double {
        clampStability(w[rating.rawValue - 1])
    }

    func initialDifficulty(_ rating: Rating, clamped: Bool = true) -> Double {
        let d = w[4] - exp(w[5] * Double(rating.rawValue - 1)) + 1
        return clamped ? clampDifficulty(d) : d
    }

    func nextIntervalDays(_ stability: Double) -> Int {
        let raw = stability / factor * (pow(settings.desiredRetention, 1 / decay) - 1)
        let rounded = Int(raw.rounded(.toNearestOrEven))
        return min(max(rounded, 1), settings.maximumIntervalDays)
    }

    func shortTermStability(_ stability: Double, rating: Rating) -> Double {
        var increase = exp(w[17] * (Double(rating.rawValue) - 3 + w[18])) * pow(stability, -w[19])
        if rating != .again { increase = max(increase, 1) }
        return clampStability(stability * increase)
    }

    func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10 - difficulty) * delta / 9
        let reverted = w[7] * initialDifficulty(.easy, clamped: false) + (1 - w[7]) * damped
        return clampDifficulty(reverted)
    }

    func nextStability(difficulty: Double, stability: Double, retrievability: Double, rating: Rating)
        -> Double
    {
        if rating == .again {
            let longTerm =
                w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1)
                * exp((1 - retrievability) * w[14])
            let shortTerm = stability / exp(w[17] * w[18])
            return clampStability(min(longTerm, shortTerm))
        }
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        let growth =
            exp(w[8]) * (11 - difficulty) * pow(stability, -w[9])
            * (exp((1 - retrievability) * w[10]) - 1) * hardPenalty * easyBonus
        return clampStability(stability * (1 + growth))
    }
}
