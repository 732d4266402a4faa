import ArgumentParser
import Foundation
import ProctorApp
import StudyCore
import TermUI

@main
struct Proctor: ParsableCommand {
    static let version = "0.1.0"

    static func main() {
        StartupTrace.mark("main")
        main(nil)
    }

    static let configuration = CommandConfiguration(
        commandName: "proctor",
        abstract: "A keyboard-driven terminal study app for certification exams.",
        discussion: """
            With no subcommand, opens the home screen. Progress is stored in
            $XDG_DATA_HOME/proctor/progress.sqlite (or ~/.local/share/proctor/).
            """,
        version: version,
        subcommands: [
            HomeCommand.self, OutlineCommand.self, PracticeCommand.self, ExamCommand.self, ReviewCommand.self,
            StatsCommand.self, SearchCommand.self, ExportCommand.self, BackupCommand.self, ValidateCommand.self,
        ],
        defaultSubcommand: HomeCommand.self
    )

    /// Global options given before the subcommand (`proctor --data-dir D exam`).
    @OptionGroup var global: GlobalOptions
}

/// Options every interactive subcommand accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Exam pack folder (default: the shipped PMLE pack).", completion: .directory)
    var content: String?

    @Option(name: .long, help: "Folder for the progress database.", completion: .directory)
    var dataDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Edition of the exam guide to study (default: the pack's current guide).",
            discussion: "The shipped pack has 2026-06 (the guide in force since June 1, 2026) and v3.",
            valueName: "id"))
    var guide: String?

    @Flag(name: .long, help: "Use no colours (also when NO_COLOR is set).")
    var noColor = false

    /// These options as given after the subcommand, else the ones given before it.
    func over(_ outer: GlobalOptions) -> GlobalOptions {
        var merged = self
        merged.content = content ?? outer.content
        merged.dataDir = dataDir ?? outer.dataDir
        merged.guide = guide ?? outer.guide
        merged.noColor = noColor || outer.noColor
        return merged
    }
}

/// A subcommand that takes the global options before or after its name.
protocol GlobalOptionsCommand: ParsableCommand {
    var root: Proctor { get }
    var global: GlobalOptions { get }
}

extension GlobalOptionsCommand {
    var options: GlobalOptions { global.over(root.global) }
}

struct HomeCommand: GlobalOptionsCommand {
    static let configuration = CommandConfiguration(commandName: "home", abstract: "Open the home screen.")
    @ParentCommand var root: Proctor
    @OptionGroup var global: GlobalOptions
    func run() throws { try Launcher(options).run(start: nil) }
}

struct OutlineCommand: GlobalOptionsCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline", abstract: "Browse the exam guide with its study notes.")
    @ParentCommand var root: Proctor
    @OptionGroup var global: GlobalOptions
    func run() throws { try Launcher(options).run(start: .outline) }
}

struct PracticeCommand: GlobalOptionsCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice", abstract: "Answer questions one at a time with feedback.")
    @ParentCommand var root: Proctor
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this section (e.g. 3).") var section: String?
    @Option(help: "Only this subsection (e.g. 3.2).") var subsection: String?
    @Option(help: "How many questions.") var count: Int = 20
    @Flag(help: "Cram the questions you last got wrong, without changing the review schedule.") var missed = false

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        if section != nil && subsection != nil {
            throw ValidationError("give --section or --subsection, not both")
        }
    }

    func run() throws {
        try Launcher(options).run(
            start: .practice(section: section, subsection: subsection, count: count, missed: missed))
    }
}

struct ExamCommand: GlobalOptionsCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam", abstract: "Sit a timed mock exam, or resume the one in progress.")
    @ParentCommand var root: Proctor
    @OptionGroup var global: GlobalOptions
    @Option(help: "Number of questions (default: the pack's exam length).") var count: Int?
    @Option(help: "Time allowed in minutes (default: the pack's exam time).") var minutes: Int?
    @Option(help: "Seed for choosing and ordering questions, to repeat an exam.") var seed: UInt64?

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let minutes, minutes < 1 { throw ValidationError("--minutes must be at least 1") }
    }

    func run() throws {
        try Launcher(options).run(start: .exam(count: count, minutes: minutes, seed: seed))
    }
}

struct ReviewCommand: GlobalOptionsCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Review due questions first, then missed ones.")
    @ParentCommand var root: Proctor
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Cram missed questions without changing the review schedule.") var missed = false
    func run() throws { try Launcher(options).run(start: .review(missed: missed)) }
}

struct StatsCommand: GlobalOptionsCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Show study statistics (works without a terminal).")
    @ParentCommand var root: Proctor
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print the statistics as JSON.") var json = false

    func run() throws {
        let (pack, _, progress) = try Launcher(options).open()
        let report = StatsReport(pack: pack, progress: progress, now: Date())
        print(json ? report.json() : report.text())
    }
}

struct SearchCommand: GlobalOptionsCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find questions by words in their stem, choices and explanation (works without a terminal).",
        discussion: "Every word must appear; a word in the stem counts most. Prints id, subsection and the stem's "
            + "first line, best first; on Home, / searches the same way and opens a hit in practice.")
    @ParentCommand var root: Proctor
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The words to find (e.g. model armor).") var words: [String]
    @Option(help: "At most this many results.") var limit: Int = 20
    @Flag(help: "Print the results as JSON.") var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard !QuestionSearch.terms(words.joined(separator: " ")).isEmpty else {
            throw ValidationError("give at least one word to search for")
        }
    }

    func run() throws {
        let pack = try Launcher(options).loadPack()
        let hits = QuestionSearch.search(words.joined(separator: " "), in: pack, limit: limit)
        if json {
            struct Row: Encodable {
                let id: String
                let subsection: String
                let score: Int
                let stem: String
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let rows = hits.map {
                Row(id: $0.questionID, subsection: $0.subsectionID, score: $0.score, stem: $0.firstLine)
            }
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            return
        }
        guard !hits.isEmpty else {
            print("No question mentions \(words.joined(separator: " ")).")
            throw ExitCode(1)
        }
        let idWidth = hits.map(\.questionID.count).max() ?? 0
        for hit in hits {
            let line = hit.firstLine.count > 90 ? String(hit.firstLine.prefix(89)) + "…" : hit.firstLine
            print(
                hit.questionID.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  "
                    + hit.subsectionID.padding(toLength: 5, withPad: " ", startingAt: 0) + "  " + line)
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export questions for other study tools.",
        subcommands: [AnkiExportCommand.self])
}

struct AnkiExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anki",
        abstract: "Write questions as an Anki text file (File > Import in Anki; no settings needed).",
        discussion: "One Basic note per question: stem and choices on the front; the answer, every choice's why, "
            + "the explanation and the references on the back; tags for the pack, guide edition, section, "
            + "subsection and topics.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The file to write (.txt).", completion: .file()) var file: String
    @Flag(help: "Only the questions you last answered wrong.") var missed = false
    @Option(help: "Only this section of the guide edition (e.g. 3).") var section: String?
    @Flag(help: "Replace the file if it exists.") var force = false

    func run() throws {
        let launcher = Launcher(global)
        let pack: ExamPack
        var ids: [String]
        if missed {
            let (opened, _, progress) = try launcher.open()
            pack = opened
            ids = progress.missed(among: pack.questions.map(\.id))
        } else {
            pack = try launcher.loadPack()
            ids = pack.questions.map(\.id)
        }
        if let section {
            guard pack.section(id: section) != nil else {
                printError(
                    "proctor: unknown section '\(section)' in \(pack.title); sections are "
                        + pack.sections.map(\.id).joined(separator: ", "))
                throw ExitCode(1)
            }
            let inSection = Set(pack.questions(inSection: section).map(\.id))
            ids = ids.filter { inSection.contains($0) }
        }
        let questions = ids.compactMap { pack.question(id: $0) }
        let text = AnkiExport.file(AnkiExport.notes(questions, in: pack), deck: pack.title)
        do {
            try Data(text.utf8).write(
                to: URL(fileURLWithPath: file), options: force ? [.atomic] : [.withoutOverwriting])
        } catch {
            let exists = FileManager.default.fileExists(atPath: file)
            printError(
                "proctor: "
                    + (exists && !force
                        ? "\(file) exists; pass --force to replace it"
                        : "cannot write \(file): \(error.localizedDescription)"))
            throw ExitCode(1)
        }
        print(
            "Wrote \(questions.count) note\(questions.count == 1 ? "" : "s") to \(file). In Anki: File > Import, choose the file."
        )
    }
}

struct BackupCommand: GlobalOptionsCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy your progress to a new file (safe while Proctor is open in another window).",
        discussion: "To restore a copy, close Proctor, move the data folder aside, and put the copy in a new, "
            + "empty data folder under the name progress.sqlite.")
    @ParentCommand var root: Proctor
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The file to write; an existing file is never replaced.", completion: .file())
    var file: String

    func run() throws {
        let directory = options.dataDir.map { URL(fileURLWithPath: $0) } ?? ProgressStore.defaultDirectory()
        let database = directory.appendingPathComponent(ProgressStore.fileName).path
        guard FileManager.default.fileExists(atPath: database) else {
            printError("proctor: no progress to back up yet: \(database) does not exist")
            throw ExitCode(1)
        }
        do {
            let store = try ProgressStore(directory: directory)
            try store.backup(to: file)
            print("Backed up \(store.path) to \(file).")
        } catch {
            printError("proctor: \(error)")
            throw ExitCode(1)
        }
    }
}

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check an exam pack and print every problem as file:line:column.",
        discussion: """
            Checks exam.yaml, every edition in editions/, names.yaml, the notes and every question. A question \
            whose stem or choice uses a former product name (names.yaml) is a warning. Exits 1 when there are \
            errors; warnings and the reports below never fail the pack.
            """)
    @ParentCommand var root: Proctor
    @Argument(help: "Pack folder (default: --content, else the shipped pack).", completion: .directory)
    var directory: String?
    @Flag(help: "Also print question counts per edition and the considerations with too few questions.")
    var coverage = false
    @Option(help: "With --coverage: a consideration with fewer questions than this is listed.")
    var min: Int = 4
    @Flag(
        help: ArgumentHelp(
            "Also print item-quality figures per section: reading load, choice length, multiple select, "
                + "correct-choice length rank, former product names, questions past review_by.",
            discussion: "For the edition --guide names, else the default."))
    var quality = false

    func validate() throws {
        guard min >= 1 else { throw ValidationError("--min must be at least 1") }
    }

    func run() throws {
        let url =
            try (directory ?? root.global.content).map { URL(fileURLWithPath: $0) } ?? ContentLocator.defaultPack()
        let report = PackValidator.validate(directory: url)
        for diagnostic in report.diagnostics {
            printError(diagnostic.formatted(directoryPrefix: url.path))
        }
        if let pack = report.pack {
            if coverage {
                for edition in pack.editions {
                    guard let seen = pack.edition(edition.id) else { continue }
                    let name = edition.title.isEmpty ? edition.id : "\(edition.id) (\(edition.title))"
                    print("Edition \(name)\(seen.isDefaultEdition ? ", the default" : "")")
                    for line in CoverageReport(pack: seen, threshold: min).lines() { print(line) }
                    print("")
                }
            }
            if quality {
                let seen = try Launcher.edition(root.global.guide, of: pack)
                for line in QualityReport(pack: seen, now: Date()).lines() { print(line) }
            }
        }
        print(report.summary)
        if !report.isValid { throw ExitCode(1) }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
