import Foundation

/// One question of an assembled exam and the order its choices are shown in.
public struct ExamItem: Sendable, Hashable, Codable {
    public let questionID: String
    /// `choiceOrder[displayed] == original` index into `Question.choices`.
    public let choiceOrder: [Int]

    public init(questionID: String, choiceOrder: [Int]) {
        self.questionID = questionID
        self.choiceOrder = choiceOrder
    }

    /// Original choice index of a displayed position (nil when out of range).
    public func originalIndex(ofDisplayed displayed: Int) -> Int? {
        choiceOrder.indices.contains(displayed) ? choiceOrder[displayed] : nil
    }

    /// Displayed position of an original choice index.
    public func displayedIndex(ofOriginal original: Int) -> Int? {
        choiceOrder.firstIndex(of: original)
    }

    /// Converts displayed positions to original indexes (unknown positions are dropped).
    public func originalIndexes(ofDisplayed displayed: Set<Int>) -> Set<Int> {
        Set(displayed.compactMap { originalIndex(ofDisplayed: $0) })
    }
}

/// Builds mock exams: section counts proportional to the pack's weights, fresh questions first,
/// everything deterministic for a seed.
public enum ExamAssembler {
    /// Assembles an exam of `count` questions (fewer when the bank is smaller).
    ///
    /// - Per-section counts follow the section weights (largest-remainder rounding); when a section
    ///   has fewer questions than its share, the shortfall goes to the other sections by weight.
    /// - Within a section, never-seen questions come first, then questions by how many whole days
    ///   ago they were last seen (oldest first); ties are broken randomly from the seed.
    /// - The final question order and each question's choice order are shuffled from the seed.
    /// - Parameters:
    ///   - count: number of questions wanted (usually `pack.exam.questionCount`).
    ///   - seed: the same seed with the same inputs gives the same exam.
    ///   - lastSeen: question id -> when it was last answered.
    ///   - now: reference time for "days since seen".
    ///   - sections: restrict to these section ids (nil: all sections).
    public static func assemble(
        pack: ExamPack, count: Int, seed: UInt64, lastSeen: [String: Date] = [:],
        now: Date = Date(), sections: Set<String>? = nil
    ) -> [ExamItem] {
        var rng = SplitMix64(seed: seed)
        let chosenSections = pack.sections.filter { sections?.contains($0.id) ?? true }
        let pools = chosenSections.map { pack.questions(inSection: $0.id) }
        let quotas = allocate(count: count, weights: chosenSections.map(\.weight), available: pools.map(\.count))

        var picked: [Question] = []
        picked.reserveCapacity(quotas.reduce(0, +))
        for (pool, quota) in zip(pools, quotas) {
            // Random tiebreak keys are drawn for every question in pack order, so the draw does not
            // depend on lastSeen.
            var keyed: [(bucket: Int, key: UInt64, index: Int)] = []
            keyed.reserveCapacity(pool.count)
            for (i, q) in pool.enumerated() {
                keyed.append((freshness(of: q.id, lastSeen: lastSeen, now: now), rng.next(), i))
            }
            guard quota > 0 else { continue }
            keyed.sort { a, b in
                if a.bucket != b.bucket { return a.bucket > b.bucket }
                if a.key != b.key { return a.key < b.key }
                return a.index < b.index
            }
            picked += keyed.prefix(quota).map { pool[$0.index] }
        }

        rng.shuffle(&picked)
        return picked.map { q in
            ExamItem(questionID: q.id, choiceOrder: rng.shuffled(Array(q.choices.indices)))
        }
    }

    /// Higher is fresher: never seen is `Int.max`, otherwise whole days since last seen (>= 0).
    static func freshness(of id: String, lastSeen: [String: Date], now: Date) -> Int {
        guard let seen = lastSeen[id] else { return Int.max }
        let days = now.timeIntervalSince(seen) / 86_400
        guard days.isFinite, days > 0 else { return 0 }
        return days >= Double(Int.max / 2) ? Int.max / 2 : Int(days)
    }

    /// Splits `count` over sections in proportion to `weights` with largest-remainder rounding,
    /// never giving a section more than `available[i]`; shortfalls are redistributed by weight.
    /// Ties in remainders go to the larger weight, then the earlier section. When every weighted
    /// section is full, sections with weight 0 share the rest equally.
    /// The result sums to `min(count, available.sum)`.
    public static func allocate(count: Int, weights: [Int], available: [Int]) -> [Int] {
        let n = min(weights.count, available.count)
        var result = Array(repeating: 0, count: n)
        var remaining = min(max(count, 0), available.prefix(n).reduce(0) { $0 + max($1, 0) })
        while remaining > 0 {
            var active = (0..<n).filter { result[$0] < available[$0] && weights[$0] > 0 }
            var w = active.map { weights[$0] }
            if active.isEmpty {
                active = (0..<n).filter { result[$0] < available[$0] }
                w = Array(repeating: 1, count: active.count)
            }
            if active.isEmpty { break }
            let wsum = w.reduce(0, +)
            var share = w.map { remaining * $0 / wsum }
            let rem = w.map { remaining * $0 % wsum }
            var leftover = remaining - share.reduce(0, +)
            let order = active.indices.sorted { a, b in
                if rem[a] != rem[b] { return rem[a] > rem[b] }
                if w[a] != w[b] { return w[a] > w[b] }
                return a < b
            }
            var k = 0
            while leftover > 0 {
                share[order[k % order.count]] += 1
                leftover -= 1
                k += 1
            }
            for (slot, i) in active.enumerated() {
                let add = min(share[slot], available[i] - result[i])
                result[i] += add
                remaining -= add
            }
        }
        return result
    }
}
