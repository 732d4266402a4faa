import Foundation

/// Question counts per section, subsection and consideration, and the considerations that are
/// covered by too few questions. Used by `proctor validate --coverage`.
public struct CoverageReport: Sendable {
    public struct Counts: Sendable, Hashable {
        public var total = 0
        public var byKind: [QuestionKind: Int] = [:]
        /// difficulty (1...3) -> count
        public var byDifficulty: [Int: Int] = [:]

        public init() {}

        mutating func add(_ q: Question) {
            total += 1
            byKind[q.kind, default: 0] += 1
            byDifficulty[q.difficulty, default: 0] += 1
        }

        public var single: Int { byKind[.single] ?? 0 }
        public var multiple: Int { byKind[.multiple] ?? 0 }
    }

    public struct ConsiderationCoverage: Sendable, Hashable {
        public let id: String
        public let text: String
        public let subsectionID: String
        public let sectionID: String
        /// Number of questions listing this consideration in `covers`.
        public let questionCount: Int
    }

    public struct SubsectionCoverage: Sendable, Hashable {
        public let id: String
        public let title: String
        public let counts: Counts
        public let considerations: [ConsiderationCoverage]
    }

    public struct SectionCoverage: Sendable, Hashable {
        public let id: String
        public let title: String
        public let weight: Int
        public let counts: Counts
        public let subsections: [SubsectionCoverage]
    }

    public let packID: String
    public let threshold: Int
    public let total: Counts
    public let sections: [SectionCoverage]
    /// Considerations covered by fewer than `threshold` questions, in outline order.
    public let gaps: [ConsiderationCoverage]

    /// - Parameter threshold: a consideration with fewer questions than this is a gap (default 2).
    public init(pack: ExamPack, threshold: Int = 2) {
        var perSubsection = [String: Counts]()
        var perConsideration = [String: Int]()
        var total = Counts()
        for q in pack.questions {
            total.add(q)
            perSubsection[q.subsectionID, default: Counts()].add(q)
            for c in q.covers { perConsideration[c, default: 0] += 1 }
        }
        var gaps: [ConsiderationCoverage] = []
        var sections: [SectionCoverage] = []
        for s in pack.sections {
            var sectionCounts = Counts()
            var subs: [SubsectionCoverage] = []
            for u in s.subsections {
                let counts = perSubsection[u.id] ?? Counts()
                sectionCounts.total += counts.total
                for (k, v) in counts.byKind { sectionCounts.byKind[k, default: 0] += v }
                for (k, v) in counts.byDifficulty { sectionCounts.byDifficulty[k, default: 0] += v }
                let cons = u.considerations.map {
                    ConsiderationCoverage(
                        id: $0.id, text: $0.text, subsectionID: u.id, sectionID: s.id,
                        questionCount: perConsideration[$0.id] ?? 0)
                }
                gaps += cons.filter { $0.questionCount < threshold }
                subs.append(SubsectionCoverage(id: u.id, title: u.title, counts: counts, considerations: cons))
            }
            sections.append(
                SectionCoverage(
                    id: s.id, title: s.title, weight: s.weight, counts: sectionCounts,
                    subsections: subs))
        }
        self.packID = pack.id
        self.threshold = threshold
        self.total = total
        self.sections = sections
        self.gaps = gaps
    }

    /// The report as plain text lines (no colours), e.g.
    /// ```
    /// Section 1  Architecting low-code ML solutions  weight 12%  bank 10.4%  48 questions (single 40, multiple 8; d1 12, d2 24, d3 12)
    ///   1.1  Developing ML models by using BigQuery ML  16 questions (single 13, multiple 3; d1 4, d2 8, d3 4)
    /// ```
    public func lines() -> [String] {
        var out: [String] = []
        out.append("\(total.total) questions: " + Self.breakdown(total))
        for s in sections {
            let share = total.total > 0 ? Double(s.counts.total) * 100 / Double(total.total) : 0
            out.append("")
            out.append(
                "Section \(s.id)  \(s.title)  weight \(s.weight)%  bank \(Self.format(share))%  "
                    + "\(s.counts.total) question\(s.counts.total == 1 ? "" : "s") (\(Self.breakdown(s.counts)))")
            for u in s.subsections {
                out.append(
                    "  \(u.id)  \(u.title)  \(u.counts.total) question\(u.counts.total == 1 ? "" : "s") "
                        + "(\(Self.breakdown(u.counts)))")
                for c in u.considerations {
                    let flag = c.questionCount < threshold ? "  <- fewer than \(threshold)" : ""
                    out.append(
                        "      \(String(repeating: " ", count: max(0, 3 - String(c.questionCount).count)))"
                            + "\(c.questionCount)  \(c.id)\(flag)")
                }
            }
        }
        out.append("")
        if gaps.isEmpty {
            out.append("Every consideration is covered by at least \(threshold) question\(threshold == 1 ? "" : "s").")
        } else {
            out.append(
                "\(gaps.count) consideration\(gaps.count == 1 ? "" : "s") covered by fewer than \(threshold) question\(threshold == 1 ? "" : "s"):"
            )
            for g in gaps {
                out.append("  \(g.subsectionID)  \(g.id): \(g.questionCount)")
            }
        }
        return out
    }

    static func breakdown(_ c: Counts) -> String {
        let diffs = c.byDifficulty.keys.sorted().map { "d\($0) \(c.byDifficulty[$0] ?? 0)" }.joined(separator: ", ")
        return "single \(c.single), multiple \(c.multiple)" + (diffs.isEmpty ? "" : "; " + diffs)
    }

    static func format(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
