import Foundation
import XCTest

@testable import StudyCore

/// Fixture and temp-pack helpers shared by the Pack* and Exam* tests.
enum PackFixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let repoRoot = testsDirectory.deletingLastPathComponent()

    static func pack(_ name: String) -> URL {
        testsDirectory.appendingPathComponent("Fixtures/packs/\(name)")
    }

    static var shippedPMLE: URL { repoRoot.appendingPathComponent("Content/pmle") }

    /// Writes a pack into a fresh temp directory. `questions` maps file name -> raw bytes.
    static func tempPack(exam: Data, questions: [String: Data], createQuestionsDir: Bool = true) throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("proctor-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try exam.write(to: dir.appendingPathComponent("exam.yaml"))
        if createQuestionsDir {
            let q = dir.appendingPathComponent("questions")
            try FileManager.default.createDirectory(at: q, withIntermediateDirectories: true)
            for (name, data) in questions { try data.write(to: q.appendingPathComponent(name)) }
        }
        return dir
    }

    static func tempPack(examText: String? = nil, questions: [String: String]) throws -> URL {
        let exam =
            try examText.map { Data($0.utf8) }
            ?? Data(contentsOf: pack("valid").appendingPathComponent("exam.yaml"))
        return try tempPack(exam: exam, questions: questions.mapValues { Data($0.utf8) })
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// One valid question in the `valid` fixture's outline, as YAML text.
    static func question(
        id: String, subsection: String = "1.1", covers: String = "buckets",
        kind: String = "single", extra: String = ""
    ) -> String {
        """
        - id: \(id)
          subsection: "\(subsection)"
          covers: [\(covers)]
          kind: \(kind)
          difficulty: 2
          stem: Stem of \(id).
          choices:
            - { text: "One", correct: true, why: "Right." }
            - { text: "Two", \(kind == "multiple" ? "correct: true, " : "")why: "Wrong." }
            - { text: "Three", why: "Wrong." }
          explanation: Because.\(extra)

        """
    }
}

extension ValidationReport {
    func diagnostics(in file: String) -> [Diagnostic] {
        diagnostics.filter { $0.file == file }
    }

    /// The first diagnostic in `file` whose message contains `text`.
    func find(_ file: String, _ text: String) -> Diagnostic? {
        diagnostics.first { $0.file == file && $0.message.contains(text) }
    }
}

/// Asserts that `report` has an error in `file` at `line` whose message contains `text`.
func assertDiagnostic(
    _ report: ValidationReport, _ file: String, line: Int, _ text: String,
    severity: Diagnostic.Severity = .error,
    sourceFile: StaticString = #filePath, sourceLine: UInt = #line
) {
    let matches = report.diagnostics.filter { $0.file == file && $0.message.contains(text) }
    guard !matches.isEmpty else {
        XCTFail(
            "no diagnostic containing \"\(text)\" in \(file); got:\n"
                + report.diagnostics.map(\.description).joined(separator: "\n"), file: sourceFile, line: sourceLine)
        return
    }
    XCTAssertTrue(
        matches.contains { $0.line == line && $0.severity == severity },
        "\"\(text)\" expected at \(file):\(line) (\(severity)); found at "
            + matches.map { "\($0.line) (\($0.severity))" }.joined(separator: ", "),
        file: sourceFile, line: sourceLine)
}
