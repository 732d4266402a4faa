import Foundation

/// Finds questions by the words of a query in their stem, choices and explanation (and their
/// ids and consideration ids), ranked: every word must appear somewhere; a word in the stem
/// counts most, then in a choice, then in the explanation. Case- and accent-insensitive.
public enum QuestionSearch {
    public struct Hit: Sendable, Equatable {
        public let questionID: String
        public let subsectionID: String
        public let score: Int
        /// The stem's first line, for a one-line listing.
        public let firstLine: String
    }

    /// The query's words: lower-cased, accents folded, split on anything but letters and digits.
    public static func terms(_ query: String) -> [String] {
        fold(query).split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { !$0.isEmpty }
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// A pack's questions folded once, so that each keystroke of a search only compares.
    public final class Index: @unchecked Sendable {
        struct Entry {
            let id: String
            let subsectionID: String
            let firstLine: String
            let stem: String
            let choices: String
            let rest: String
        }
        let entries: [Entry]

        public init(_ pack: ExamPack) {
            entries = pack.questions.map { q in
                Entry(
                    id: q.id, subsectionID: q.subsectionID,
                    firstLine: q.stem.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? q.stem,
                    stem: fold(q.stem), choices: fold(q.choices.map(\.text).joined(separator: " ")),
                    rest: fold(([q.explanation, q.id] + q.covers + q.choices.map(\.why)).joined(separator: " ")))
            }
        }
    }

    /// Up to `limit` hits, best first (ties by id); an empty query finds nothing.
    public static func search(_ query: String, in pack: ExamPack, limit: Int = 50) -> [Hit] {
        search(query, in: Index(pack), limit: limit)
    }

    public static func search(_ query: String, in index: Index, limit: Int = 50) -> [Hit] {
        let words = terms(query)
        guard !words.isEmpty, limit > 0 else { return [] }
        var hits: [Hit] = []
        for e in index.entries {
            var score = 0
            var all = true
            for word in words {
                let s = count(word, in: e.stem), c = count(word, in: e.choices), r = count(word, in: e.rest)
                if s + c + r == 0 {
                    all = false
                    break
                }
                score += 3 * s + 2 * c + r
            }
            guard all else { continue }
            hits.append(Hit(questionID: e.id, subsectionID: e.subsectionID, score: score, firstLine: e.firstLine))
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : $0.questionID < $1.questionID }
        return Array(hits.prefix(limit))
    }

    /// Occurrences of `word` in `text` that start a word ("store" finds "Feature Store", "stores").
    static func count(_ word: String, in text: String) -> Int {
        var n = 0
        var range = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: range) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            if before.map({ !$0.isLetter && !$0.isNumber }) ?? true { n += 1 }
            range = found.upperBound..<text.endIndex
        }
        return n
    }
}
