import Foundation

/// `proctor validate --quality`: figures that say how close a pack's items come to the real
/// exam's (reading load, choice length, multiple select and its marking, where the correct
/// choice ranks by length, former product names, facts due for review), per section of one
/// edition. It informs; it never fails a pack.
public struct QualityReport: Sendable {
    public struct Figures: Sendable, Hashable {
        public var questions = 0
        /// Median words in the stem plus all choices.
        public var medianLoad = 0.0
        /// Share of questions whose reading load is under 120 words.
        public var shortShare = 0.0
        public var medianChoiceWords = 0.0
        public var multipleShare = 0.0
        /// Multiple-select questions whose stem does not say how many to choose.
        public var unmarkedMultiple: [String] = []
        /// Single-answer questions by the correct choice's length rank: [longest, 2nd, ..., shortest].
        public var correctRank: [String: Int] = [:]
        /// Questions with a former product name in the stem or a choice.
        public var formerNames: [String] = []
        /// Questions whose `review_by` month has passed.
        public var pastReview: [String] = []
    }

    public struct SectionFigures: Sendable, Hashable {
        public let id: String
        public let title: String
        public let figures: Figures
    }

    public let editionID: String
    public let sections: [SectionFigures]
    public let total: Figures

    /// Rank labels in order: the correct choice is the longest, the second longest, ..., the shortest.
    public static let rankLabels = ["longest", "2nd", "3rd", "4th", "5th", "shortest"]

    public init(pack: ExamPack, now: Date) {
        let scanner = ProductNameScanner(pack.productNames)
        editionID = pack.edition.id
        sections = pack.sections.map { s in
            SectionFigures(
                id: s.id, title: s.title, figures: Self.figures(pack.questions(inSection: s.id), scanner, now))
        }
        total = Self.figures(pack.questions, scanner, now)
    }

    static func words(_ s: String) -> Int {
        var count = 0
        var inWord = false
        for u in s.unicodeScalars {
            let space = u == " " || u == "\n" || u == "\t" || u == "\r"
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    static func median(_ xs: [Int]) -> Double {
        guard !xs.isEmpty else { return 0 }
        let s = xs.sorted()
        return s.count % 2 == 1 ? Double(s[s.count / 2]) : Double(s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// "(Choose two.)", "(Choose 3)" and the like, in any case.
    static func saysHowMany(_ stem: String) -> Bool {
        let lower = stem.lowercased()
        return ["two", "three", "four", "2", "3", "4"].contains { lower.contains("(choose \($0)") }
    }

    /// The correct choice's place when choices are ordered longest first; the last place is "shortest".
    static func rankLabel(_ q: Question) -> String? {
        guard q.kind == .single, let correct = q.choices.first(where: \.isCorrect) else { return nil }
        let length = correct.text.count
        let rank = q.choices.filter { $0.text.count > length }.count
        if rank >= q.choices.count - 1 { return "shortest" }
        return rankLabels[min(rank, rankLabels.count - 2)]
    }

    static func figures(_ qs: [Question], _ scanner: ProductNameScanner, _ now: Date) -> Figures {
        var f = Figures()
        f.questions = qs.count
        guard !qs.isEmpty else { return f }
        var loads: [Int] = []
        var choiceWords: [Int] = []
        var multiple = 0
        for q in qs {
            let lengths = q.choices.map { words($0.text) }
            loads.append(words(q.stem) + lengths.reduce(0, +))
            choiceWords += lengths
            if q.kind == .multiple {
                multiple += 1
                if !saysHowMany(q.stem) { f.unmarkedMultiple.append(q.id) }
            }
            if let label = rankLabel(q) { f.correctRank[label, default: 0] += 1 }
            if ([q.stem] + q.choices.map(\.text)).contains(where: { !scanner.formerNames(in: $0).isEmpty }) {
                f.formerNames.append(q.id)
            }
            if let due = q.reviewBy, ReviewDate.isPast(due, now: now) { f.pastReview.append(q.id) }
        }
        f.medianLoad = median(loads)
        f.shortShare = Double(loads.filter { $0 < 120 }.count) / Double(qs.count)
        f.medianChoiceWords = median(choiceWords)
        f.multipleShare = Double(multiple) / Double(qs.count)
        return f
    }

    /// The report as plain text lines.
    public func lines() -> [String] {
        func pct(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
        func row(_ name: String, _ f: Figures) -> [String] {
            let single = f.correctRank.values.reduce(0, +)
            let ranks = Self.rankLabels.compactMap { label -> String? in
                guard let n = f.correctRank[label], single > 0 else { return nil }
                return "\(label) \(pct(Double(n) / Double(single)))"
            }
            var out = [
                "\(name): \(f.questions) questions; reading load median \(Int(f.medianLoad)) words "
                    + "(\(pct(f.shortShare)) under 120); choice median \(Int(f.medianChoiceWords)) words",
                "    multiple select \(pct(f.multipleShare)) (\(f.unmarkedMultiple.count) without \"(Choose N.)\"); "
                    + "correct choice by length: \(ranks.isEmpty ? "–" : ranks.joined(separator: ", "))",
                "    former product names in \(f.formerNames.count) questions; past review_by: \(f.pastReview.count)",
            ]
            if !f.pastReview.isEmpty { out.append("    due for review: " + f.pastReview.joined(separator: ", ")) }
            return out
        }
        var out = [
            "Item quality (edition \(editionID)); targets: reading load median >= 170, under 120 <= 10%, "
                + "choice median >= 22, multiple select <= 20% and marked, correct choice spread over lengths"
        ]
        for s in sections { out += row("Section \(s.id) \(s.title)", s.figures) }
        out += row("All sections", total)
        return out
    }
}
