import Foundation
import Yams

/// Checks a pack directory and reports every problem it finds (it never stops at the first one).
public enum PackValidator {
    /// Name of the outline file inside a pack directory.
    public static let outlineFileName = "exam.yaml"
    /// Name of the folder holding question files (`*.yaml`, `*.yml`).
    public static let questionsFolderName = "questions"
    /// Optional folder with study notes, one `<subsection id>.md` per subsection (the default
    /// edition's), and a subfolder per further edition (`notes/v3/1.1.md`).
    public static let notesFolderName = "notes"
    /// Optional folder of further editions of the outline, one `<edition id>.yaml` each.
    public static let editionsFolderName = "editions"
    /// Optional table of renamed products.
    public static let namesFileName = "names.yaml"

    /// Validates the pack at `directory`. The report carries the loaded pack when there are no errors.
    ///
    /// Runs on a private thread with a large stack (YAML composition recurses once per nesting level,
    /// which could overflow a small secondary-thread stack on hostile input) and waits for it.
    public static func validate(directory: URL) -> ValidationReport {
        BackgroundTask(name: "PackValidator", stackSize: parsingStackSize) {
            PackBuilder(directory: directory).run()
        }.value()
    }
}

// MARK: - Implementation

final class PackBuilder {
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

        let outlines = OutlineParser(sink: sink)
        var outline = ParsedOutline()
        let outlineURL = directory.appendingPathComponent(PackValidator.outlineFileName)
        if fm.fileExists(atPath: outlineURL.path) {
            outline = outlines.parsePackOutline(outlineURL)
        } else {
            sink.add(
                PackValidator.outlineFileName, nil,
                "\(PackValidator.outlineFileName) not found: expected the pack outline at \(outlineURL.path)")
        }
        let others = parseEditionFiles(outlines, defaultID: outline.edition.id)
        let names = readNames()

        var questions: [Question] = []
        let questionsURL = directory.appendingPathComponent(PackValidator.questionsFolderName)
        if fm.fileExists(atPath: questionsURL.path, isDirectory: &isDir), isDir.boolValue {
            questions = parseQuestionFiles(
                in: questionsURL, context: questionContext(outline, others, names))
        } else {
            sink.add(
                PackValidator.questionsFolderName, nil,
                "questions directory not found: expected a folder of question files at \(questionsURL.path)")
        }

        let notes = PackValidator.notesFolderName
        checkNoteFolders(editionIDs: Set(others.map(\.edition.id)))
        let editions =
            [attachNotes(to: outline.edition, folder: notes, outlineFile: PackValidator.outlineFileName)]
            + others.map {
                attachNotes(to: $0.edition, folder: notes + "/" + $0.edition.id, outlineFile: $0.file)
            }

        let hasErrors = sink.items.contains { $0.severity == .error }
        let pack =
            hasErrors || !outline.parsed
            ? nil
            : ExamPack(
                id: outline.id, title: outline.title, vendor: outline.vendor, exam: outline.facts,
                editions: editions, bank: questions, productNames: names, directory: directory)
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

    /// `editions/*.yaml`, in name order; an id used twice (or the default's) is an error.
    func parseEditionFiles(_ parser: OutlineParser, defaultID: String) -> [ParsedOutline] {
        let folder = directory.appendingPathComponent(PackValidator.editionsFolderName)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var seen = [defaultID: PackValidator.outlineFileName]
        var out: [ParsedOutline] = []
        for name in names.sorted() where !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) {
            let display = PackValidator.editionsFolderName + "/" + name
            guard var parsed = parser.parseEditionFile(folder.appendingPathComponent(name), display: display) else {
                continue
            }
            if let first = seen[parsed.edition.id] {
                sink.add(display, nil, "edition id '\(parsed.edition.id)' is already used by \(first)")
                continue
            }
            seen[parsed.edition.id] = display
            parsed.file = display
            out.append(parsed)
        }
        return out
    }

    func readNames() -> [ProductName] {
        let url = directory.appendingPathComponent(PackValidator.namesFileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return ProductNamesParser(sink: sink).parse(url)
    }

    func questionContext(_ outline: ParsedOutline, _ others: [ParsedOutline], _ names: [ProductName])
        -> QuestionContext
    {
        var subsections = [String: Set<String>]()
        for s in outline.edition.sections {
            for u in s.subsections { subsections[u.id] = Set(u.considerations.map(\.id)) }
        }
        var known = Set<String>()
        for edition in [outline.edition] + others.map(\.edition) { known.formUnion(edition.considerationOwners().keys) }
        return QuestionContext(
            subsections: subsections, considerationOwner: outline.edition.considerationOwners(),
            knownConsiderations: known, incomplete: outline.incompleteSubsections,
            anyIncomplete: ([outline] + others).contains { !$0.incompleteSubsections.isEmpty },
            outlineParsed: outline.parsed && !outline.edition.sections.isEmpty,
            knownList: outline.edition.sections.flatMap { $0.subsections.map(\.id) },
            names: ProductNameScanner(names), linkHosts: outline.linkHosts ?? Reference.defaultHosts)
    }

    /// A folder inside `notes/` that names no edition is a warning, like a stray notes file.
    func checkNoteFolders(editionIDs: Set<String>) {
        let folder = directory.appendingPathComponent(PackValidator.notesFolderName)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") && !editionIDs.contains(name) {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir),
                isDir.boolValue
            {
                sink.add(
                    PackValidator.notesFolderName + "/" + name, nil, "notes folder names no edition ('\(name)')",
                    .warning)
            }
        }
    }
}
