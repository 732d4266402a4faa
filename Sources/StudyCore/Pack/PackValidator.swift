import Foundation
import Yams

/// Checks a pack directory and reports every problem it finds (it never stops at the first one).
public enum PackValidator {
    /// Name of the outline file inside a pack directory.
    public static let outlineFileName = "exam.yaml"
    /// Name of the folder holding question files (`*.yaml`, `*.yml`).
    public static let questionsFolderName = "questions"
    /// Optional folder with study notes, one `<subsection id>.md` per subsection.
    public static let notesFolderName = "notes"

    /// Validates the pack at `directory`. The report carries the loaded pack when there are no errors.
    ///
    /// Runs on a private thread with a large stack (YAML composition recurses once per nesting level,
    /// which could overflow a small secondary-thread stack on hostile input) and waits for it.
    public static func validate(directory: URL) -> ValidationReport {
        let box = ReportBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.report = PackBuilder(directory: directory).run()
            done.signal()
        }
        thread.name = "PackValidator"
        thread.stackSize = 64 * 1024 * 1024
        thread.start()
        done.wait()
        return box.report!
    }
}

private final class ReportBox: @unchecked Sendable {
    var report: ValidationReport?
}

/// Loads a pack, refusing it when it has any error.
public enum PackLoader {
    /// Loads and validates the pack at `directory`.
    /// - Throws: `PackLoadError` carrying every diagnostic when the pack has errors.
    public static func load(directory: URL) throws -> ExamPack {
        let report = PackValidator.validate(directory: directory)
        if let pack = report.pack, report.isValid { return pack }
        throw PackLoadError(directory: directory, diagnostics: report.diagnostics, summary: report.summary)
    }
}

// MARK: - Implementation

private struct ParsedOutline {
    var id = ""
    var title = ""
    var vendor = ""
    var guideVersion = ""
    var facts = ExamFacts(minutes: 0, questionCount: 0, passingPercent: 0)
    var sections: [Section] = []
    /// Subsections whose considerations could not all be read: covers are not checked against them.
    var incompleteSubsections: Set<String> = []
    var parsed = false
}

private final class PackBuilder {
    let directory: URL
    let sink = DiagnosticCollector()
    var questionFileCount = 0
    var questionCount = 0

    init(directory: URL) {
        self.directory = directory.standardizedFileURL
    }

    func run() -> ValidationReport {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDir), isDir.boolValue else {
            sink.add(directory.path, nil, "pack directory not found: \(directory.path)")
            return report(pack: nil)
        }

        var outline = ParsedOutline()
        let outlineURL = directory.appendingPathComponent(PackValidator.outlineFileName)
        if fm.fileExists(atPath: outlineURL.path) {
            outline = parseOutline(outlineURL)
        } else {
            sink.add(
                PackValidator.outlineFileName, nil,
                "\(PackValidator.outlineFileName) not found: expected the pack outline at \(outlineURL.path)")
        }

        var questions: [Question] = []
        let questionsURL = directory.appendingPathComponent(PackValidator.questionsFolderName)
        if fm.fileExists(atPath: questionsURL.path, isDirectory: &isDir), isDir.boolValue {
            questions = parseQuestionFiles(in: questionsURL, outline: outline)
        } else {
            sink.add(
                PackValidator.questionsFolderName, nil,
                "questions directory not found: expected a folder of question files at \(questionsURL.path)")
        }

        let sections = attachNotes(to: outline.sections)

        let hasErrors = sink.items.contains { $0.severity == .error }
        let pack =
            hasErrors || !outline.parsed
            ? nil
            : ExamPack(
                id: outline.id, title: outline.title, vendor: outline.vendor, guideVersion: outline.guideVersion,
                exam: outline.facts, sections: sections, questions: questions, directory: directory)
        return report(pack: pack)
    }

    func report(pack: ExamPack?) -> ValidationReport {
        let sorted = sink.items.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.file != y.file { return x.file < y.file }
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
        return ValidationReport(
            directory: directory, diagnostics: sorted, questionFileCount: questionFileCount,
            questionCount: questionCount, pack: pack)
    }

    // MARK: exam.yaml

    func parseOutline(_ url: URL) -> ParsedOutline {
        var out = ParsedOutline()
        let file = PackValidator.outlineFileName
        guard let text = PackText.read(url, display: file, into: sink),
            case let .success(rootOrNil) = PackYAML.compose(text, display: file, into: sink)
        else { return out }
        let r = NodeReader(file: file, sink: sink)
        guard let root = rootOrNil else {
            sink.add(file, nil, "\(file) is empty")
            return out
        }
        guard let map = r.mapping(root, file) else { return out }
        let f = r.fields(
            root, map, what: file, required: ["id", "title", "exam", "sections"],
            optional: ["vendor", "guide_version"])
        out.id = r.identifier(f["id"], field: "id", what: file) ?? ""
        out.title = r.text(f["title"], field: "title", what: file, kind: .line) ?? ""
        out.vendor =
            f["vendor"].flatMap { r.text($0, field: "vendor", what: file, kind: .line, allowEmpty: true) } ?? ""
        out.guideVersion =
            f["guide_version"].flatMap {
                r.text($0, field: "guide_version", what: file, kind: .line, allowEmpty: true)
            } ?? ""
        if let examNode = f["exam"] { out.facts = parseFacts(examNode, r) }
        if let sectionsNode = f["sections"] { parseSections(sectionsNode, r, into: &out) }
        out.parsed = true
        return out
    }

    func parseFacts(_ node: Node, _ r: NodeReader) -> ExamFacts {
        let what = "exam"
        guard let map = r.mapping(node, what) else { return ExamFacts(minutes: 0, questionCount: 0, passingPercent: 0) }
        let f = r.fields(
            node, map, what: what, required: ["minutes", "questions", "passing_percent"],
            optional: ["max_questions", "passing_is_estimate"])
        let minutes = r.int(f["minutes"], field: "minutes", what: what, range: 1...100_000)
        let count = r.int(f["questions"], field: "questions", what: what, range: 1...100_000)
        let maxCount = f["max_questions"].flatMap { r.int($0, field: "max_questions", what: what, range: 1...100_000) }
        if let count, let maxCount, maxCount < count {
            r.error(
                f["max_questions"], "field 'max_questions' of exam (\(maxCount)) is smaller than 'questions' (\(count))"
            )
        }
        var percent = r.number(f["passing_percent"], field: "passing_percent", what: what)
        if let p = percent, !(p > 0 && p <= 100) {
            r.error(f["passing_percent"], "field 'passing_percent' of exam must be above 0 and at most 100, found \(p)")
            percent = nil
        }
        let estimate = f["passing_is_estimate"].flatMap { r.bool($0, field: "passing_is_estimate", what: what) }
        return ExamFacts(
            minutes: minutes ?? 0, questionCount: count ?? 0, maxQuestions: maxCount,
            passingPercent: percent ?? 0, passingIsEstimate: estimate ?? false)
    }

    func parseSections(_ node: Node, _ r: NodeReader, into out: inout ParsedOutline) {
        guard let items = r.list(node, field: "sections", what: PackValidator.outlineFileName) else { return }
        if items.isEmpty { r.error(node, "field 'sections' of \(PackValidator.outlineFileName) lists no sections") }
        var sectionLines = [String: Int]()
        var subsectionLines = [String: Int]()
        var considerationLines = [String: (Int, String)]()
        var weightSum = 0
        var weightsComplete = true

        for (i, item) in items.enumerated() {
            var what = "section \(i + 1)"
            guard let map = r.mapping(item, what) else { weightsComplete = false; continue }
            let f = r.fields(item, map, what: what, required: ["id", "title", "weight", "subsections"], optional: [])
            let id = r.identifier(f["id"], field: "id", what: what)
            if let id {
                what = "section '\(id)'"
                if let first = sectionLines[id] {
                    r.error(f["id"], "duplicate section id '\(id)' (first defined at line \(first))")
                } else {
                    sectionLines[id] = f["id"]?.mark?.line ?? 0
                }
            }
            let title = r.text(f["title"], field: "title", what: what, kind: .line)
            if let w = r.int(f["weight"], field: "weight", what: what, range: 0...100) {
                weightSum += w
            } else {
                weightsComplete = false
            }
            var subsections: [Subsection] = []
            if let subNodes = r.list(f["subsections"], field: "subsections", what: what) {
                if subNodes.isEmpty { r.error(f["subsections"], "\(what) lists no subsections") }
                for (j, subNode) in subNodes.enumerated() {
                    if let sub = parseSubsection(
                        subNode, index: j, sectionWhat: what, r,
                        subsectionLines: &subsectionLines,
                        considerationLines: &considerationLines,
                        incomplete: &out.incompleteSubsections)
                    {
                        subsections.append(sub)
                    }
                }
            }
            let weight =
                f["weight"].flatMap { node -> Int? in
                    if case let .scalar(s) = node { return Int(s.string) }
                    return nil
                } ?? 0
            out.sections.append(Section(id: id ?? "", title: title ?? "", weight: weight, subsections: subsections))
        }
        if weightsComplete && !items.isEmpty && weightSum != 100 {
            r.error(node, "section weights sum to \(weightSum); they must sum to 100")
        }
    }

    func parseSubsection(
        _ node: Node, index: Int, sectionWhat: String, _ r: NodeReader,
        subsectionLines: inout [String: Int],
        considerationLines: inout [String: (Int, String)],
        incomplete: inout Set<String>
    ) -> Subsection? {
        var what = "subsection \(index + 1) of \(sectionWhat)"
        guard let map = r.mapping(node, what) else { return nil }
        let f = r.fields(node, map, what: what, required: ["id", "title", "considerations"], optional: ["notes"])
        guard let id = r.identifier(f["id"], field: "id", what: what) else { return nil }
        what = "subsection '\(id)'"
        if let first = subsectionLines[id] {
            r.error(f["id"], "duplicate subsection id '\(id)' (first defined at line \(first))")
        } else {
            subsectionLines[id] = f["id"]?.mark?.line ?? 0
        }
        let title = r.text(f["title"], field: "title", what: what, kind: .line) ?? ""
        let notes = f["notes"].flatMap { r.text($0, field: "notes", what: what, kind: .block, allowEmpty: true) } ?? ""
        var considerations: [Consideration] = []
        var complete = true
        if let cNodes = r.list(f["considerations"], field: "considerations", what: what) {
            if cNodes.isEmpty { r.error(f["considerations"], "\(what) lists no considerations") }
            for (k, cNode) in cNodes.enumerated() {
                var cWhat = "consideration \(k + 1) of \(what)"
                guard let cMap = r.mapping(cNode, cWhat) else { complete = false; continue }
                let cf = r.fields(cNode, cMap, what: cWhat, required: ["id", "text"], optional: [])
                guard let slug = r.identifier(cf["id"], field: "id", what: cWhat) else { complete = false; continue }
                cWhat = "consideration '\(slug)'"
                let text = r.text(cf["text"], field: "text", what: cWhat, kind: .line)
                if let (line, owner) = considerationLines[slug] {
                    r.error(
                        cf["id"],
                        "duplicate consideration id '\(slug)' (first defined at line \(line) in subsection '\(owner)')")
                    continue
                }
                considerationLines[slug] = (cf["id"]?.mark?.line ?? 0, id)
                considerations.append(Consideration(id: slug, text: text ?? ""))
            }
        } else {
            complete = false
        }
        if !complete { incomplete.insert(id) }
        return Subsection(id: id, title: title, considerations: considerations, notes: notes)
    }

    // MARK: questions/*.yaml

    func parseQuestionFiles(in folder: URL, outline: ParsedOutline) -> [Question] {
        let fm = FileManager.default
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: folder.path)
        } catch {
            sink.add(
                PackValidator.questionsFolderName, nil, "cannot list \(folder.path): \(error.localizedDescription)")
            return []
        }
        let files = names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()

        var subsections = [String: Set<String>]()
        var considerationOwner = [String: String]()
        for s in outline.sections {
            for u in s.subsections {
                subsections[u.id] = Set(u.considerations.map(\.id))
                for c in u.considerations { considerationOwner[c.id] = u.id }
            }
        }
        let context = QuestionContext(
            subsections: subsections, considerationOwner: considerationOwner,
            incomplete: outline.incompleteSubsections,
            outlineParsed: outline.parsed && !outline.sections.isEmpty,
            knownList: outline.sections.flatMap { $0.subsections.map(\.id) })
        var seen = [String: (String, Int)]()
        var questions: [Question] = []
        let regularFiles = files.filter { name in
            var isDir: ObjCBool = false
            let path = folder.appendingPathComponent(name).path
            return !(fm.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue)
        }
        let displays = regularFiles.map { PackValidator.questionsFolderName + "/" + $0 }
        let parsed = ParallelQuestionFiles.run(
            urls: regularFiles.map { folder.appendingPathComponent($0) }, displays: displays, context: context)
        for (display, file) in zip(displays, parsed) {
            questionFileCount += 1
            sink.items += file.diagnostics.items
            for item in file.items {
                questionCount += 1
                guard let q = item.question else { continue }
                if let (file, line) = seen[q.id] {
                    sink.add(
                        display, item.idMark, "duplicate question id '\(q.id)' (first defined at \(file):\(line))")
                    continue
                }
                seen[q.id] = (display, q.sourceLine)
                questions.append(q)
            }
        }
        return questions
    }

    /// The questions of one composed file, reported into the file's own reader.
    static func parseQuestions(root: Node??, _ r: NodeReader, _ context: QuestionContext) -> [ParsedQuestion] {
        guard case let .some(rootOrNil) = root else { return [] }
        guard let root = rootOrNil else {
            r.warning(nil, "file has no questions")
            return []
        }
        guard case let .sequence(items) = root else {
            r.error(
                root,
                "a question file must be a list of questions (each starting with '- '), found \(NodeReader.describe(root))"
            )
            return []
        }
        if items.isEmpty { r.warning(root, "file has no questions") }
        return items.enumerated().map { i, item in
            ParsedQuestion(
                question: parseQuestion(item, index: i, r, context),
                idMark: (item.mapping.flatMap { NodeReader.value(of: "id", in: $0) } ?? item).mark)
        }
    }

    struct ParsedQuestion {
        /// nil when the item had errors (already reported).
        let question: Question?
        /// Where a duplicate id is reported.
        let idMark: Mark?
    }

    struct QuestionContext: Sendable {
        let subsections: [String: Set<String>]
        let considerationOwner: [String: String]
        let incomplete: Set<String>
        let outlineParsed: Bool
        let knownList: [String]
    }

    static let questionRequired = [
        "id", "subsection", "covers", "kind", "difficulty", "stem", "choices", "explanation",
    ]
    static let questionFields = NodeReader.FieldNames(required: questionRequired, optional: ["refs"])
    static let choiceFields = NodeReader.FieldNames(required: ["text", "why"], optional: ["correct"])

    static func parseQuestion(_ node: Node, index: Int, _ r: NodeReader, _ ctx: QuestionContext) -> Question? {
        var what = "question \(index + 1)"
        guard let map = r.mapping(node, what) else { return nil }
        if case let .scalar(rawID)? = NodeReader.value(of: "id", in: map), NodeReader.isIdentifier(rawID.string) {
            what = "question '\(rawID.string)'"
        }
        let f = r.fields(node, map, what: what, Self.questionFields)
        var ok = f.count == map.count && f.count >= Self.questionRequired.count

        let id = r.identifier(f["id"], field: "id", what: what)
        if let id { what = "question '\(id)'" } else { ok = false }

        let subsection = r.text(f["subsection"], field: "subsection", what: what, kind: .line)
        var subsectionKnown = false
        if let subsection {
            if ctx.subsections[subsection] != nil {
                subsectionKnown = true
            } else if ctx.outlineParsed {
                let known = ctx.knownList.prefix(12).joined(separator: ", ") + (ctx.knownList.count > 12 ? ", …" : "")
                r.error(f["subsection"], "unknown subsection '\(subsection)' in \(what) (known: \(known))")
                ok = false
            }
        } else {
            ok = false
        }

        var covers: [String] = []
        if let coverNodes = r.list(f["covers"], field: "covers", what: what) {
            if coverNodes.isEmpty {
                r.error(f["covers"], "field 'covers' of \(what) must list at least one consideration")
                ok = false
            }
            for c in coverNodes {
                guard let slug = r.text(c, field: "covers", what: what, kind: .line) else { ok = false; continue }
                if covers.contains(slug) {
                    r.warning(c, "\(what) lists consideration '\(slug)' twice")
                    continue
                }
                covers.append(slug)
                guard let subsection, subsectionKnown, !ctx.incomplete.contains(subsection) else { continue }
                if ctx.subsections[subsection]?.contains(slug) != true {
                    if let owner = ctx.considerationOwner[slug] {
                        r.error(
                            c, "consideration '\(slug)' belongs to subsection '\(owner)', not '\(subsection)' (\(what))"
                        )
                    } else {
                        r.error(c, "unknown consideration '\(slug)' for subsection '\(subsection)' (\(what))")
                    }
                    ok = false
                }
            }
        } else if f["covers"] != nil {
            ok = false
        }

        var kind: QuestionKind?
        if let k = r.text(f["kind"], field: "kind", what: what, kind: .line) {
            kind = QuestionKind(rawValue: k)
            if kind == nil {
                r.error(f["kind"], "unknown kind '\(NodeReader.clip(k))' in \(what) (expected single or multiple)")
            }
        }
        if kind == nil { ok = false }

        let difficulty = r.int(f["difficulty"], field: "difficulty", what: what, range: 1...3)
        if difficulty == nil { ok = false }
        let stem = r.text(f["stem"], field: "stem", what: what, kind: .block)
        let explanation = r.text(f["explanation"], field: "explanation", what: what, kind: .block)
        if stem == nil || explanation == nil { ok = false }

        var refs: [String] = []
        if let refsNode = f["refs"] {
            if let list = r.textList(refsNode, field: "refs", what: what, ok: &ok) { refs = list }
        }

        var choices: [Choice] = []
        if let choiceNodes = r.list(f["choices"], field: "choices", what: what) {
            if choiceNodes.count < 3 || choiceNodes.count > 6 {
                r.error(
                    f["choices"],
                    "\(what) has \(choiceNodes.count) choice\(choiceNodes.count == 1 ? "" : "s"); it needs 3 to 6")
                ok = false
            }
            var seenText = [String: Int]()
            for (k, cNode) in choiceNodes.enumerated() {
                let cWhat = "choice \(k + 1) of \(what)"
                guard let cMap = r.mapping(cNode, cWhat) else { ok = false; continue }
                let cf = r.fields(cNode, cMap, what: cWhat, Self.choiceFields)
                if cf.count != cMap.count { ok = false }
                let text = r.text(cf["text"], field: "text", what: cWhat, kind: .block)
                let why = r.text(cf["why"], field: "why", what: cWhat, kind: .block)
                var correct = false
                if let cNode = cf["correct"] {
                    if let b = r.bool(cNode, field: "correct", what: cWhat) { correct = b } else { ok = false }
                }
                guard let text, let why else { ok = false; continue }
                let key = Self.normalizedChoice(text)
                if let first = seenText[key] {
                    r.error(cf["text"], "choice \(k + 1) of \(what) repeats the text of choice \(first)")
                    ok = false
                } else {
                    seenText[key] = k + 1
                }
                choices.append(Choice(text: text, isCorrect: correct, why: why))
            }
            if choices.count == choiceNodes.count, let kind {
                let correctCount = choices.filter(\.isCorrect).count
                switch kind {
                case .single where correctCount != 1:
                    r.error(
                        f["choices"], "single-answer \(what) has \(correctCount) correct choices; it needs exactly 1")
                    ok = false
                case .multiple where correctCount < 2:
                    r.error(
                        f["choices"],
                        "multiple-answer \(what) has \(correctCount) correct choice\(correctCount == 1 ? "" : "s"); it needs at least 2"
                    )
                    ok = false
                case .multiple where correctCount == choices.count:
                    r.error(
                        f["choices"],
                        "multiple-answer \(what) marks all \(correctCount) choices correct; at least one must be wrong")
                    ok = false
                default:
                    break
                }
            }
        } else {
            ok = false
        }

        guard ok, let id, let subsection, let kind, let difficulty, let stem, let explanation else { return nil }
        return Question(
            id: id, subsectionID: subsection, covers: covers, kind: kind, difficulty: difficulty,
            stem: stem, choices: choices, explanation: explanation, refs: refs,
            sourceFile: r.file, sourceLine: node.mark?.line ?? 0)
    }

    /// Choice text for duplicate detection: ASCII-lowercased, runs of spaces/tabs/line breaks collapsed.
    static func normalizedChoice(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for c in s.utf8 {
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(c >= 0x41 && c <= 0x5A ? c + 0x20 : c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: notes/*.md

    func attachNotes(to sections: [Section]) -> [Section] {
        let folder = directory.appendingPathComponent(PackValidator.notesFolderName)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return sections }
        let known = Set(sections.flatMap { $0.subsections.map(\.id) })
        var notes = [String: String]()
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let id = String(name.dropLast(3))
            let display = PackValidator.notesFolderName + "/" + name
            guard known.contains(id) else {
                sink.add(display, nil, "notes file names no known subsection ('\(id)')", .warning)
                continue
            }
            guard let text = PackText.read(folder.appendingPathComponent(name), display: display, into: sink) else {
                continue
            }
            if let bad = NodeReader.firstControlCharacter(text, allowBreaks: true) {
                sink.add(display, nil, "notes contain control character \(NodeReader.codePoint(bad))")
                continue
            }
            notes[id] = NodeReader.trimmed(text)
        }
        guard !notes.isEmpty else { return sections }
        return sections.map { s in
            Section(
                id: s.id, title: s.title, weight: s.weight,
                subsections: s.subsections.map { u in
                    guard let text = notes[u.id] else { return u }
                    if !u.notes.isEmpty {
                        sink.add(
                            PackValidator.notesFolderName + "/" + u.id + ".md", nil,
                            "subsection '\(u.id)' also has notes in \(PackValidator.outlineFileName); using \(PackValidator.outlineFileName)",
                            .warning)
                        return u
                    }
                    return Subsection(id: u.id, title: u.title, considerations: u.considerations, notes: text)
                })
        }
    }
}

/// Reads, composes and parses question files on two big-stack threads, each taking the next
/// file when it is free (YAML parsing is most of a pack's load time, and freeing a file's node
/// tree happens on its worker too); each file keeps its own diagnostics, merged in file order.
private enum ParallelQuestionFiles {
    final class File: @unchecked Sendable {
        let diagnostics = DiagnosticCollector()
        var items: [PackBuilder.ParsedQuestion] = []
    }

    /// Hands out file indexes to the workers, largest file first, so that no worker is left
    /// with a big file when the others are done.
    final class Queue: @unchecked Sendable {
        private let lock = NSLock()
        private var order: [Int]
        init(urls: [URL]) {
            let sizes = urls.map { url -> Int in
                var info = stat()
                return stat(url.path, &info) == 0 ? Int(info.st_size) : 0
            }
            order = urls.indices.sorted { sizes[$0] < sizes[$1] }
        }
        func take() -> Int? { lock.withLock { order.popLast() } }
    }

    static func run(urls: [URL], displays: [String], context: PackBuilder.QuestionContext) -> [File] {
        let files = urls.map { _ in File() }
        let queue = Queue(urls: urls)
        @Sendable func work() {
            while let index = queue.take() {
                let file = files[index]
                let r = NodeReader(file: displays[index], sink: file.diagnostics)
                var root: Node?? = nil
                if let text = PackText.read(urls[index], display: displays[index], into: file.diagnostics),
                    case let .success(composed) = PackYAML.compose(
                        text, display: displays[index], into: file.diagnostics)
                {
                    root = .some(composed)
                }
                file.items = PackBuilder.parseQuestions(root: root, r, context)
            }
        }
        let workers = min(2, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard workers > 1, urls.count > 1 else {
            work()
            return files
        }
        let group = DispatchGroup()
        for _ in 1..<workers {
            group.enter()
            let thread = Thread {
                work()
                group.leave()
            }
            thread.stackSize = 64 * 1024 * 1024
            thread.start()
        }
        work()
        group.wait()
        return files
    }
}
