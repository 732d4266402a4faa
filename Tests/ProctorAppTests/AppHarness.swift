import Foundation
import StudyCore
import TermUI
import XCTest

@testable import ProctorApp

/// A whole app on an in-memory terminal with a manual clock and a throwaway store.
final class AppHarness {
    static let packURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/packs/app-kitchen")

    /// The pack the app runs on; a test may swap it (as a changed pack or another guide edition would).
    var pack: ExamPack
    let directory: URL
    let clock: ManualClock
    let terminal: TestTerminal
    let store: ProgressStore
    private(set) var runner: AppRunner?

    private let ownsDirectory: Bool

    init(
        width: Int = 100, height: Int = 30, start: Date = Date(timeIntervalSince1970: 1_800_000_000),
        directory: URL? = nil
    ) throws {
        pack = try PackLoader.load(directory: Self.packURL)
        ownsDirectory = directory == nil
        self.directory =
            directory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("proctor-app-\(UUID().uuidString)")
        clock = ManualClock(start)
        terminal = TestTerminal(width: width, height: height, clock: clock)
        store = try ProgressStore(directory: self.directory)
    }

    deinit { if ownsDirectory { try? FileManager.default.removeItem(at: directory) } }

    /// Runs the app over the scripted input; the script must end by quitting (Ctrl-C is appended).
    func run(
        start: Screen? = nil, initial: [Command] = [], theme: Theme = .color,
        examDefaults: ExamRequest? = nil
    ) throws {
        terminal.enqueue(keys: .ctrl("c"))
        let progress = try ProgressSnapshot.load(from: store, packID: pack.id)
        let context = AppContext(
            pack: pack, progress: progress, theme: theme, size: terminal.size, now: clock.now,
            examDefaults: examDefaults)
        // The clock, not self: a closure holding the harness would keep it (and its temporary
        // directory) alive after the test.
        let clock = self.clock
        let runner = AppRunner(model: AppModel(context: context, start: start), store: store, now: { clock.now })
        self.runner = runner
        runner.run(on: terminal, initial: initial)
    }

    /// A new process on the same data directory, `after` seconds later (as after a restart).
    func restarted(after seconds: Double = 0) throws -> AppHarness {
        try AppHarness(
            width: terminal.size.width, height: terminal.size.height, start: clock.now.addingTimeInterval(seconds),
            directory: directory)
    }

    var screen: String { terminal.text().joined(separator: "\n") }

    func keys(_ keys: Key...) { terminal.enqueue(keys: keys.map { $0 }) }
    func type(_ text: String) { terminal.type(text) }
}

extension TestTerminal {
    func enqueue(keys: [Key]) { script += keys.map { .event(.key($0)) } }
}

func XCTAssertScreen(
    _ harness: AppHarness, contains text: String, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertTrue(harness.screen.contains(text), "screen lacks “\(text)”:\n\(harness.screen)", file: file, line: line)
}

func XCTAssertScreen(
    _ harness: AppHarness, lacks text: String, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertFalse(harness.screen.contains(text), "screen shows “\(text)”:\n\(harness.screen)", file: file, line: line)
}
