import ArgumentParser
import Foundation
import ProctorApp
import StudyCore
import TermUI

/// Wires a subcommand to the pack, the store and the terminal, and maps failures to exit codes.
struct Launcher {
    enum Start {
        case outline
        case practice(section: String?, subsection: String?, count: Int, missed: Bool)
        case exam(count: Int?, minutes: Int?, seed: UInt64?)
        case review(missed: Bool)
    }

    let options: GlobalOptions
    init(_ options: GlobalOptions) { self.options = options }

    /// The pack, seen through the edition `--guide` names (else its default).
    func loadPack() throws -> ExamPack {
        let url = try options.content.map { URL(fileURLWithPath: $0) } ?? ContentLocator.defaultPack()
        let pack: ExamPack
        do {
            if ProcessInfo.processInfo.environment["PROCTOR_NO_CACHE"] != nil {
                pack = try PackLoader.load(directory: url)
            } else {
                pack = try PackCache.load(
                    directory: url, cacheDirectory: PackCache.defaultDirectory(), mark: StartupTrace.mark)
            }
        } catch let error as PackLoadError {
            for diagnostic in error.errors { printError(diagnostic.formatted(directoryPrefix: url.path)) }
            printError(
                "proctor: the exam pack in \(url.path) has problems (\(error.summary)); fix them or pass --content")
            throw ExitCode(1)
        }
        return try Self.edition(options.guide, of: pack)
    }

    /// `pack` seen through edition `id`; an unknown id ends the run with the list of editions.
    static func edition(_ id: String?, of pack: ExamPack) throws -> ExamPack {
        guard let id else { return pack }
        if let chosen = pack.edition(id) { return chosen }
        let known = pack.editions.map { $0.title.isEmpty ? $0.id : "\($0.id) (\($0.title))" }
        printError(
            "proctor: unknown guide '\(id)' in \(pack.title); editions are \(known.joined(separator: ", "))")
        throw ExitCode(1)
    }

    /// The pack, the store and the progress in it. The database is opened on a second thread
    /// while the pack loads (each is a few milliseconds of every start); a pack that fails to
    /// load is reported first, as it would be if the two ran one after the other.
    func open(checking start: Start? = nil) throws -> (ExamPack, ProgressStore, ProgressSnapshot) {
        let directory = options.dataDir.map { URL(fileURLWithPath: $0) } ?? ProgressStore.defaultDirectory()
        let opening = BackgroundTask { try ProgressStore(directory: directory) }
        let pack: ExamPack
        do {
            pack = try loadPack()
            StartupTrace.mark("pack")
            try Self.checkIDs(start, in: pack)
        } catch {
            _ = try? opening.value()  // never exit while the store may be mid-migration
            throw error
        }
        do {
            let store = try opening.value()
            StartupTrace.mark("store")
            let progress = try ProgressSnapshot.load(from: store, packID: pack.id)
            StartupTrace.mark("progress")
            return (pack, store, progress)
        } catch {
            printError("proctor: \(error)")
            throw ExitCode(1)
        }
    }

    func run(start: Start?) throws {
        StartupTrace.mark("arguments")
        guard isInteractiveTerminal() else {
            printError("proctor needs an interactive terminal; try `proctor stats` or `proctor validate`")
            throw ExitCode(2)
        }
        let (pack, store, progress) = try open(checking: start)
        let environment = ProcessInfo.processInfo.environment
        do {
            try NcursesTerminal.run(captureInterrupt: true) { terminal in
                StartupTrace.mark("terminal")
                var theme = Theme.select(environment: environment, colorsAvailable: terminal.supportsColor)
                if options.noColor { theme = .monochrome }
                var context = AppContext(pack: pack, progress: progress, theme: theme, size: terminal.size, now: Date())
                let (opening, initial) = Self.entry(start, context: &context)
                let runner = AppRunner(model: AppModel(context: context, opening: opening), store: store)
                StartupTrace.mark("model")
                runner.run(on: terminal, initial: initial)
            }
        } catch let error as TerminalError {
            printError("proctor: \(error)")
            throw ExitCode(2)
        }
    }

    /// Unknown section or subsection ids end the run with the list of valid ones.
    static func checkIDs(_ start: Start?, in pack: ExamPack) throws {
        guard case .practice(let section, let subsection, _, _)? = start else { return }
        if let section, pack.section(id: section) == nil {
            let known = pack.sections.map(\.id).joined(separator: ", ")
            printError("proctor: unknown section '\(section)' in \(pack.title); sections are \(known)")
            throw ExitCode(1)
        }
        if let subsection, pack.subsection(id: subsection) == nil {
            let known = pack.allSubsections.map(\.id).joined(separator: ", ")
            printError("proctor: unknown subsection '\(subsection)' in \(pack.title); subsections are \(known)")
            throw ExitCode(1)
        }
    }

    /// The first screen (or message) and commands for a subcommand.
    static func entry(_ start: Start?, context: inout AppContext) -> (Outcome, [Command]) {
        switch start {
        case nil: return (.none, [])
        case .outline?: return (.push(AppModel.outlineScreen(context: context)), [])
        case .practice(let section, let subsection, let count, let missed)?:
            return (
                AppModel.practiceScreen(
                    section: section, subsection: subsection, count: count, missed: missed,
                    context: context), []
            )
        case .exam(let count, let minutes, let seed)?:
            context.examDefaults = ExamRequest(
                count: count ?? context.examDefaults.count, minutes: minutes ?? context.examDefaults.minutes, seed: seed
            )
            return (.none, [.startExam(context.examDefaults)])
        case .review(let missed)?:
            return (AppModel.reviewScreen(missed: missed, context: context), [])
        }
    }
}
