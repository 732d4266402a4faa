import Foundation

// MARK: - Exam pack model
//
// Immutable value types describing one exam pack (an outline in `exam.yaml` plus the
// question bank in `questions/*.yaml`). Nothing here knows about a particular exam:
// section count, titles and ids all come from the pack files.

/// Facts about the real exam (length, pass mark) as stated in `exam.yaml`.
public struct ExamFacts: Sendable, Hashable, Codable {
    /// Time allowed for the real exam, in minutes.
    public let minutes: Int
    /// Typical number of questions on the real exam (also the default mock-exam length).
    public let questionCount: Int
    /// Maximum number of questions the real exam may have (>= questionCount).
    public let maxQuestions: Int
    /// Percentage needed to pass (0...100).
    public let passingPercent: Double
    /// True when the vendor does not publish the pass mark and `passingPercent` is our estimate.
    public let passingIsEstimate: Bool

    public init(
        minutes: Int, questionCount: Int, maxQuestions: Int? = nil,
        passingPercent: Double, passingIsEstimate: Bool = false
    ) {
        self.minutes = minutes
        self.questionCount = questionCount
        self.maxQuestions = max(maxQuestions ?? questionCount, questionCount)
        self.passingPercent = passingPercent
        self.passingIsEstimate = passingIsEstimate
    }

    /// Time allowed, in seconds.
    public var duration: TimeInterval { TimeInterval(minutes) * 60 }
}

/// One topic of a subsection ("consideration" in the exam guide), referenced by slug from questions.
public struct Consideration: Sendable, Hashable, Codable, Identifiable {
    /// Stable slug, unique across the pack (e.g. `bqml-model-choice`).
    public let id: String
    public let text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

public struct Subsection: Sendable, Hashable, Codable, Identifiable {
    /// Unique across the pack (e.g. `"1.1"`).
    public let id: String
    public let title: String
    public let considerations: [Consideration]
    /// Study notes (may be empty).
    public let notes: String

    public init(id: String, title: String, considerations: [Consideration], notes: String = "") {
        self.id = id
        self.title = title
        self.considerations = considerations
        self.notes = notes
    }

    public func consideration(id: String) -> Consideration? {
        considerations.first { $0.id == id }
    }
}

public struct Section: Sendable, Hashable, Codable, Identifiable {
    public let id: String
    public let title: String
    /// Share of the exam in percent; the weights of a pack sum to 100.
    public let weight: Int
    public let subsections: [Subsection]

    public init(id: String, title: String, weight: Int, subsections: [Subsection]) {
        self.id = id
        self.title = title
        self.weight = weight
        self.subsections = subsections
    }
}

public enum QuestionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Exactly one correct choice.
    case single
    /// Two or more correct choices (never all); scored all-or-nothing.
    case multiple
}

public struct Choice: Sendable, Hashable, Codable {
    public let text: String
    public let isCorrect: Bool
    /// Why this choice is right or wrong in the question's scenario.
    public let why: String

    public init(text: String, isCorrect: Bool, why: String) {
        self.text = text
        self.isCorrect = isCorrect
        self.why = why
    }
}

public struct Question: Sendable, Hashable, Identifiable {
    /// Unique across the pack and stable forever (progress is keyed by it).
    public let id: String
    /// The subsection in the pack's current edition (the one holding its first consideration there).
    public let subsectionID: String
    /// Consideration slugs this question covers; the first one the edition has places it.
    public let covers: [String]
    public let kind: QuestionKind
    /// 1 (easy) ... 3 (hard).
    public let difficulty: Int
    /// Stem, choices, explanation and references, decoded on first use when read from the cache.
    private let content: QuestionContent
    public var body: QuestionBody { content.body }
    public var stem: String { content.body.stem }
    public var choices: [Choice] { content.body.choices }
    public var explanation: String { content.body.explanation }
    public var refs: [String] { content.body.refs }
    /// `YYYY-MM` after which a fact the question rests on should be checked again (Preview,
    /// deprecated), or nil.
    public let reviewBy: String?
    /// Where the question is defined, relative to the pack directory (e.g. `questions/1.1-bqml.yaml`).
    public let sourceFile: String
    /// 1-based line of the question in `sourceFile` (0 when built in code).
    public let sourceLine: Int

    public init(
        id: String, subsectionID: String, covers: [String], kind: QuestionKind,
        difficulty: Int, stem: String, choices: [Choice], explanation: String,
        refs: [String], reviewBy: String? = nil, sourceFile: String = "", sourceLine: Int = 0
    ) {
        self.init(
            id: id, subsectionID: subsectionID, covers: covers, kind: kind, difficulty: difficulty,
            content: QuestionContent(QuestionBody(stem: stem, choices: choices, explanation: explanation, refs: refs)),
            reviewBy: reviewBy, sourceFile: sourceFile, sourceLine: sourceLine)
    }

    init(
        id: String, subsectionID: String, covers: [String], kind: QuestionKind, difficulty: Int,
        content: QuestionContent, reviewBy: String?, sourceFile: String, sourceLine: Int
    ) {
        self.id = id
        self.subsectionID = subsectionID
        self.covers = covers
        self.kind = kind
        self.difficulty = difficulty
        self.content = content
        self.reviewBy = reviewBy
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }

    /// The same question in another edition's subsection (the body is shared, not decoded).
    func placed(in subsectionID: String) -> Question {
        Question(
            id: id, subsectionID: subsectionID, covers: covers, kind: kind, difficulty: difficulty, content: content,
            reviewBy: reviewBy, sourceFile: sourceFile, sourceLine: sourceLine)
    }

    public static func == (a: Question, b: Question) -> Bool {
        a.id == b.id && a.subsectionID == b.subsectionID && a.covers == b.covers && a.kind == b.kind
            && a.difficulty == b.difficulty && a.reviewBy == b.reviewBy && a.sourceFile == b.sourceFile
            && a.sourceLine == b.sourceLine && (a.content === b.content || a.body == b.body)
    }

    /// Ids are unique in a pack, so the id and placement are enough to spread questions.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(subsectionID)
    }

    /// Number of correct choices (1 for `.single`; the app prints "Choose N" for `.multiple`).
    public var correctCount: Int { choices.reduce(0) { $0 + ($1.isCorrect ? 1 : 0) } }

    /// Indexes (into `choices`) of the correct choices.
    public var correctIndexes: Set<Int> {
        Set(choices.indices.filter { choices[$0].isCorrect })
    }

    /// All-or-nothing check of a set of picked choice indexes (original order).
    public func isCorrect(picked: Set<Int>) -> Bool {
        !picked.isEmpty && picked == correctIndexes
    }
}

/// A loaded, validated exam pack, seen through one edition of its guide: `sections` and
/// `questions` are that edition's. Lookups are O(1) (indexes are built once in `init`).
public struct ExamPack: Sendable {
    public let id: String
    public let title: String
    public let vendor: String
    public let exam: ExamFacts
    /// Every edition of the guide, the default first.
    public let editions: [Edition]
    /// The edition this pack is seen through.
    public let edition: Edition
    /// Every question of the bank, placed in the default edition where it belongs to it.
    public let bank: [Question]
    /// Renamed products (`names.yaml`), oldest first as listed.
    public let productNames: [ProductName]
    /// The current edition's sections.
    public var sections: [Section] { edition.sections }
    /// The current edition's questions, in a stable order: question files sorted by name, then file order.
    public let questions: [Question]
    /// Directory the pack was loaded from (nil when built in code).
    public let directory: URL?

    private let questionIndex: [String: Int]
    private let sectionIndex: [String: Int]
    /// subsection id -> (section index, subsection index)
    private let subsectionIndex: [String: (Int, Int)]
    private let questionsBySubsection: [String: [Int]]
    private let considerationIndex: [String: String]

    /// A pack with one edition (`guideVersion`, or "default"), every question in the subsection it names.
    public init(
        id: String, title: String, vendor: String = "", guideVersion: String = "",
        exam: ExamFacts, sections: [Section], questions: [Question], directory: URL? = nil
    ) {
        let only = Edition(id: guideVersion.isEmpty ? "default" : guideVersion, title: "", sections: sections)
        self.init(
            id: id, title: title, vendor: vendor, exam: exam, editions: [only], bank: questions, productNames: [],
            directory: directory, placed: questions, edition: only, owners: only.considerationOwners())
    }

    /// A pack with every edition of its guide, seen through `editionID` (nil: the default, `editions[0]`).
    /// Returns nil when no edition has that id.
    public init?(
        id: String, title: String, vendor: String = "", exam: ExamFacts, editions: [Edition], bank: [Question],
        productNames: [ProductName] = [], directory: URL? = nil, editionID: String? = nil
    ) {
        guard let first = editions.first,
            let edition = editionID.map({ wanted in editions.first { $0.id == wanted } }) ?? first
        else { return nil }
        let owners = edition.considerationOwners()
        self.init(
            id: id, title: title, vendor: vendor, exam: exam, editions: editions, bank: bank,
            productNames: productNames, directory: directory, placed: edition.place(bank, owners: owners),
            edition: edition, owners: owners)
    }

    private init(
        id: String, title: String, vendor: String, exam: ExamFacts, editions: [Edition], bank: [Question],
        productNames: [ProductName], directory: URL?, placed questions: [Question], edition: Edition,
        owners: [String: String]
    ) {
        self.id = id
        self.title = title
        self.vendor = vendor
        self.exam = exam
        self.editions = editions
        self.edition = edition
        self.bank = bank
        self.productNames = productNames
        self.questions = questions
        self.directory = directory

        var qIndex = [String: Int](minimumCapacity: questions.count)
        var bySub = [String: [Int]]()
        for (i, q) in questions.enumerated() {
            if qIndex[q.id] == nil { qIndex[q.id] = i }
            bySub[q.subsectionID, default: []].append(i)
        }
        var sIndex = [String: Int]()
        var subIndex = [String: (Int, Int)]()
        for (si, s) in edition.sections.enumerated() {
            if sIndex[s.id] == nil { sIndex[s.id] = si }
            for (ui, u) in s.subsections.enumerated() {
                if subIndex[u.id] == nil { subIndex[u.id] = (si, ui) }
            }
        }
        questionIndex = qIndex
        sectionIndex = sIndex
        subsectionIndex = subIndex
        questionsBySubsection = bySub
        considerationIndex = owners
    }

    /// The same pack seen through another edition; nil when the pack has no edition `id`.
    public func edition(_ id: String) -> ExamPack? {
        if id == edition.id { return self }
        return ExamPack(
            id: self.id, title: title, vendor: vendor, exam: exam, editions: editions, bank: bank,
            productNames: productNames, directory: directory, editionID: id)
    }

    /// True when this is the pack's default edition.
    public var isDefaultEdition: Bool { edition.id == editions.first?.id }

    // MARK: Lookups

    public func question(id: String) -> Question? {
        questionIndex[id].map { questions[$0] }
    }

    public func section(id: String) -> Section? {
        sectionIndex[id].map { sections[$0] }
    }

    public func subsection(id: String) -> Subsection? {
        subsectionIndex[id].map { sections[$0.0].subsections[$0.1] }
    }

    /// The section a subsection belongs to.
    public func section(ofSubsection subsectionID: String) -> Section? {
        subsectionIndex[subsectionID].map { sections[$0.0] }
    }

    /// The section a question belongs to (through its subsection).
    public func section(of question: Question) -> Section? {
        section(ofSubsection: question.subsectionID)
    }

    /// Section id of a question id (nil for unknown ids).
    public func sectionID(ofQuestion questionID: String) -> String? {
        question(id: questionID).flatMap { section(ofSubsection: $0.subsectionID)?.id }
    }

    public func questions(inSubsection subsectionID: String) -> [Question] {
        (questionsBySubsection[subsectionID] ?? []).map { questions[$0] }
    }

    public func questions(inSection sectionID: String) -> [Question] {
        guard let s = section(id: sectionID) else { return [] }
        return s.subsections.flatMap { questions(inSubsection: $0.id) }
    }

    /// Subsection id that defines a consideration slug.
    public func subsectionID(ofConsideration slug: String) -> String? {
        considerationIndex[slug]
    }

    public func consideration(id slug: String) -> Consideration? {
        considerationIndex[slug].flatMap { subsection(id: $0)?.consideration(id: slug) }
    }

    /// All subsections in outline order.
    public var allSubsections: [Subsection] { sections.flatMap(\.subsections) }
}
