import Foundation
import Yams

/// Parsing of `questions/*.yaml`: every question is checked on its own, then ids across files.
extension PackBuilder {

    func parseQuestionFiles(in folder: URL, context: QuestionContext) -> [Question] {
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

    /// What a question is checked against: the default edition (for the `subsection` field of
    /// older packs), every edition's considerations, and the renamed products.
    struct QuestionContext: Sendable {
        /// Default edition: subsection id -> its consideration ids.
        let subsections: [String: Set<String>]
        /// Default edition: consideration id -> subsection id.
        let considerationOwner: [String: String]
        /// Consideration ids of every edition.
        let knownConsiderations: Set<String>
        /// Default-edition subsections whose considerations could not all be read.
        let incomplete: Set<String>
        /// True when some edition's considerations could not all be read: unknown ids are not reported.
        let anyIncomplete: Bool
        let outlineParsed: Bool
        let knownList: [String]
        let names: ProductNameScanner
        /// Hosts a reference may link to.
        let linkHosts: Set<String>
    }

    static let questionRequired = ["id", "covers", "kind", "difficulty", "stem", "choices", "explanation"]
    static let questionFields = NodeReader.FieldNames(
        required: questionRequired, optional: ["subsection", "refs", "review_by"])
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

        // `subsection` is optional: the edition's outline places a question by its first consideration.
        let subsection = f["subsection"].map { r.text($0, field: "subsection", what: what, kind: .line) }
        var subsectionKnown = false
        if case let .some(.some(subsection)) = subsection {
            if ctx.subsections[subsection] != nil {
                subsectionKnown = true
            } else if ctx.outlineParsed {
                let known = ctx.knownList.prefix(12).joined(separator: ", ") + (ctx.knownList.count > 12 ? ", …" : "")
                r.error(f["subsection"], "unknown subsection '\(subsection)' in \(what) (known: \(known))")
                ok = false
            }
        } else if subsection != nil {
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
                guard case let .some(.some(subsection)) = subsection else {
                    if ctx.outlineParsed, !ctx.anyIncomplete, !ctx.knownConsiderations.contains(slug) {
                        r.error(c, "unknown consideration '\(slug)' in \(what): no edition of the guide has it")
                        ok = false
                    }
                    continue
                }
                guard subsectionKnown, !ctx.incomplete.contains(subsection) else { continue }
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
        if let stem { ctx.names.warn(in: stem, at: f["stem"], what: "the stem of \(what)", r) }

        var reviewBy: String?
        if let node = f["review_by"], let text = r.text(node, field: "review_by", what: what, kind: .line) {
            if ReviewDate.isValid(text) {
                reviewBy = text
            } else {
                r.error(
                    node, "field 'review_by' of \(what) must be a month as YYYY-MM, found '\(NodeReader.clip(text))'")
                ok = false
            }
        }

        var refs: [String] = []
        if let refsNode = f["refs"], let items = r.list(refsNode, field: "refs", what: what) {
            for item in items {
                guard let text = r.text(item, field: "refs", what: what, kind: .line) else { ok = false; continue }
                if let problem = Reference(parsing: text).problem(allowedHosts: ctx.linkHosts) {
                    r.error(item, "\(problem) (\(what))")
                    ok = false
                }
                refs.append(text)
            }
        } else if f["refs"] != nil {
            ok = false
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
                ctx.names.warn(in: text, at: cf["text"], what: "choice \(k + 1) of \(what)", r)
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

        guard ok, let id, let kind, let difficulty, let stem, let explanation else { return nil }
        let placed = (subsection ?? nil) ?? covers.lazy.compactMap { ctx.considerationOwner[$0] }.first ?? ""
        return Question(
            id: id, subsectionID: placed, covers: covers, kind: kind, difficulty: difficulty,
            stem: stem, choices: choices, explanation: explanation, refs: refs, reviewBy: reviewBy,
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

}

/// Reads, composes and parses question files on two big-stack threads, each taking the next
/// file when it is free (YAML parsing is most of a pack's load time, and freeing a file's node
/// tree happens on its worker too); each file keeps its own diagnostics, merged in file order.
enum ParallelQuestionFiles {
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
        let helpers = (1..<workers).map { _ in BackgroundTask(stackSize: parsingStackSize, work) }
        work()
        for helper in helpers { helper.value() }
        return files
    }
}
