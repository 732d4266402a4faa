import XCTest

@testable import StudyCore

final class PackLoaderTests: XCTestCase {
    func testValidFixtureLoads() throws {
        let report = PackValidator.validate(directory: PackFixtures.pack("valid"))
        XCTAssertTrue(report.diagnostics.isEmpty, report.lines.joined(separator: "\n"))
        let pack = try PackLoader.load(directory: PackFixtures.pack("valid"))
        XCTAssertEqual(pack.id, "demo")
        XCTAssertEqual(pack.title, "Demo Cloud Associate")
        XCTAssertEqual(pack.vendor, "Example Corp")
        XCTAssertEqual(pack.edition.id, "1")
        XCTAssertEqual(pack.edition.title, "exam guide v1")
        XCTAssertEqual(
            pack.exam,
            ExamFacts(
                minutes: 60, questionCount: 10, maxQuestions: 12,
                passingPercent: 70, passingIsEstimate: true))
        XCTAssertEqual(pack.exam.duration, 3600)
        XCTAssertEqual(pack.sections.map(\.id), ["1", "2", "3"])
        XCTAssertEqual(pack.sections.map(\.weight), [50, 30, 20])
        XCTAssertEqual(pack.sections[0].subsections.map(\.id), ["1.1", "1.2"])
        XCTAssertEqual(pack.subsection(id: "1.1")?.considerations.map(\.id), ["buckets", "lifecycle"])
        XCTAssertEqual(pack.subsection(id: "1.1")?.notes, "Buckets hold objects.")
        XCTAssertEqual(pack.subsection(id: "1.2")?.notes, "")
        // notes/3.1.md fills the empty notes of 3.1
        XCTAssertEqual(
            pack.subsection(id: "3.1")?.notes, "# Networks\n\nA network spans regions; subnets are regional.")

        // Files sorted by name (.yaml and .yml), README.txt ignored, file order kept.
        XCTAssertEqual(
            pack.questions.map(\.id), ["st-001", "st-002", "st-003", "st-004", "cp-001", "cp-002", "nw-001"])
        let q2 = try XCTUnwrap(pack.question(id: "st-002"))
        XCTAssertEqual(q2.kind, .multiple)
        XCTAssertEqual(q2.correctCount, 2)
        XCTAssertEqual(q2.correctIndexes, [0, 1])
        XCTAssertEqual(q2.covers, ["lifecycle", "buckets"])
        XCTAssertEqual(q2.refs, [])
        XCTAssertEqual(q2.explanation, "Lifecycle rules change class or delete objects by age.")
        XCTAssertEqual(q2.sourceFile, "questions/1-storage.yaml")
        XCTAssertEqual(q2.sourceLine, 16)
        XCTAssertTrue(q2.isCorrect(picked: [0, 1]))
        XCTAssertFalse(q2.isCorrect(picked: [0]))
        let q1 = try XCTUnwrap(pack.question(id: "st-001"))
        XCTAssertEqual(q1.stem, "A team must keep objects private by default. What should they do?")
        XCTAssertEqual(q1.choices.count, 3)
        XCTAssertEqual(
            q1.choices[0],
            Choice(
                text: "Enable uniform bucket-level access and grant roles to groups.",
                isCorrect: true, why: "Access is managed in one place."))
        XCTAssertEqual(q1.refs, ["Storage: Uniform bucket-level access"])
    }

    func testLookups() throws {
        let pack = try PackLoader.load(directory: PackFixtures.pack("valid"))
        XCTAssertEqual(pack.section(ofSubsection: "1.2")?.id, "1")
        XCTAssertEqual(pack.section(ofSubsection: "3.1")?.title, "Networking")
        XCTAssertNil(pack.section(ofSubsection: "9.9"))
        XCTAssertEqual(pack.questions(inSubsection: "1.2").map(\.id), ["st-003", "st-004"])
        XCTAssertEqual(pack.questions(inSection: "1").map(\.id), ["st-001", "st-002", "st-003", "st-004"])
        XCTAssertEqual(pack.questions(inSection: "2").count, 2)
        XCTAssertEqual(pack.questions(inSection: "nope").count, 0)
        XCTAssertNil(pack.question(id: "nope"))
        XCTAssertEqual(pack.sectionID(ofQuestion: "nw-001"), "3")
        XCTAssertEqual(pack.subsectionID(ofConsideration: "vm-images"), "2.1")
        XCTAssertEqual(pack.consideration(id: "vpc")?.text, "Networks and subnets")
        XCTAssertEqual(pack.allSubsections.count, 4)
        XCTAssertEqual(pack.section(of: pack.questions[0])?.id, "1")
    }

    func testGenericTwoSectionPack() throws {
        let pack = try PackLoader.load(directory: PackFixtures.pack("generic"))
        XCTAssertEqual(pack.id, "kitchen")
        XCTAssertEqual(pack.sections.map(\.id), ["food", "tools"])
        XCTAssertEqual(pack.edition.id, "default")
        XCTAssertEqual(pack.editions.count, 1)
        XCTAssertEqual(pack.exam.maxQuestions, 5)
        XCTAssertFalse(pack.exam.passingIsEstimate)
        XCTAssertEqual(pack.questions.count, 12)
        XCTAssertEqual(pack.questions(inSection: "food").count, 8)
        XCTAssertEqual(pack.questions(inSection: "tools").count, 4)

        let items = ExamAssembler.assemble(pack: pack, count: 5, seed: 1, lastSeen: [:], now: Date())
        XCTAssertEqual(items.count, 5)
        let perSection = Dictionary(grouping: items) { pack.sectionID(ofQuestion: $0.questionID)! }.mapValues(\.count)
        XCTAssertEqual(perSection, ["food": 3, "tools": 2])

        let answers = Dictionary(
            uniqueKeysWithValues: items.map { ($0.questionID, pack.question(id: $0.questionID)!.correctIndexes) })
        let result = ExamScorer.score(
            pack: pack, items: items, answers: answers, startedAt: Date(timeIntervalSince1970: 0),
            finishedAt: Date(timeIntervalSince1970: 600))
        XCTAssertEqual(result.percent, 100)
        XCTAssertTrue(result.passed)
        XCTAssertEqual(result.sections.map(\.sectionID), ["food", "tools"])
        XCTAssertEqual(result.timeLimit, 1200)

        let coverage = CoverageReport(pack: pack)
        XCTAssertEqual(coverage.sections.count, 2)
        XCTAssertEqual(coverage.total.total, 12)
    }

    func testShippedPMLEPackLoads() throws {
        let dir = PackFixtures.shippedPMLE
        let questionsDir = dir.appendingPathComponent("questions")
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: questionsDir.path))?
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } ?? []
        XCTAssertFalse(files.isEmpty, "Content/pmle has no question files")
        let report = PackValidator.validate(directory: dir)
        XCTAssertTrue(report.isValid, report.lines.joined(separator: "\n"))
        let pack = try XCTUnwrap(report.pack)
        XCTAssertEqual(pack.id, "pmle")
        // The June 2026 guide publishes 13/16/21/20/18/13 (101 through rounding); v3 sums to 100.
        XCTAssertEqual(pack.editions.map(\.id), ["2026-06", "v3"])
        XCTAssertEqual(pack.sections.map(\.weight), [13, 16, 21, 20, 18, 13])
        let v3 = try XCTUnwrap(pack.edition("v3"))
        XCTAssertEqual(v3.sections.map(\.weight), [12, 16, 18, 19, 21, 14])
        XCTAssertEqual(pack.questions.count, pack.bank.count, "every question belongs to the current guide")
        let v3Topics = Set(v3.sections.flatMap(\.subsections).flatMap(\.considerations).map(\.id))
        XCTAssertEqual(
            Set(v3.questions.map(\.id)),
            Set(pack.bank.filter { $0.covers.contains(where: v3Topics.contains) }.map(\.id)))
        XCTAssertFalse(pack.productNames.isEmpty)
        XCTAssertGreaterThan(pack.questions.count, 0)
        XCTAssertEqual(Set(pack.questions.map(\.id)).count, pack.questions.count)
        let coverage = CoverageReport(pack: pack)
        XCTAssertEqual(coverage.total.total, pack.questions.count)
        let items = ExamAssembler.assemble(
            pack: pack, count: pack.exam.questionCount, seed: 42, lastSeen: [:], now: Date())
        XCTAssertEqual(items.count, min(pack.exam.questionCount, pack.questions.count))
    }

    /// 500 questions over 10 files, parsed on the parallel path, all arrive in file order.
    func testManyFilesLoadInOrder() throws {
        var files: [String: String] = [:]
        for f in 0..<10 {
            files["f\(f).yaml"] = (0..<50).map { PackFixtures.question(id: "perf-\(f)-\($0)") }.joined()
        }
        let dir = try PackFixtures.tempPack(questions: files)
        defer { PackFixtures.remove(dir) }
        // Speed is measured by `make bench`; tests check only the result.
        let pack = try PackLoader.load(directory: dir)
        XCTAssertEqual(pack.questions.map(\.id), (0..<10).flatMap { f in (0..<50).map { "perf-\(f)-\($0)" } })
    }

    func testNotesFileWarnings() throws {
        let dir = try PackFixtures.tempPack(questions: ["a.yaml": PackFixtures.question(id: "n-001")])
        defer { PackFixtures.remove(dir) }
        let notes = dir.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try "Notes for 1.1".write(to: notes.appendingPathComponent("1.1.md"), atomically: true, encoding: .utf8)
        try "Notes for 1.2".write(to: notes.appendingPathComponent("1.2.md"), atomically: true, encoding: .utf8)
        try "Orphan".write(to: notes.appendingPathComponent("9.9.md"), atomically: true, encoding: .utf8)
        let r = PackValidator.validate(directory: dir)
        XCTAssertTrue(r.isValid, r.lines.joined(separator: "\n"))
        XCTAssertNotNil(r.find("notes/1.1.md", "also has notes in exam.yaml"))
        XCTAssertNotNil(r.find("notes/9.9.md", "no known subsection"))
        XCTAssertEqual(r.pack?.subsection(id: "1.1")?.notes, "Buckets hold objects.")
        XCTAssertEqual(r.pack?.subsection(id: "1.2")?.notes, "Notes for 1.2")
    }
}

final class PackCoverageTests: XCTestCase {
    func testCountsAndGaps() throws {
        let pack = try PackLoader.load(directory: PackFixtures.pack("valid"))
        let report = CoverageReport(pack: pack)
        XCTAssertEqual(report.threshold, 2)
        XCTAssertEqual(report.total.total, 7)
        XCTAssertEqual(report.total.single, 6)
        XCTAssertEqual(report.total.multiple, 1)
        XCTAssertEqual(report.total.byDifficulty, [1: 2, 2: 4, 3: 1])
        let s1 = report.sections[0]
        XCTAssertEqual(s1.counts.total, 4)
        XCTAssertEqual(s1.subsections.map(\.counts.total), [2, 2])
        XCTAssertEqual(s1.subsections[0].considerations.map(\.questionCount), [2, 1])  // buckets, lifecycle
        XCTAssertEqual(s1.subsections[0].counts.byKind, [.single: 1, .multiple: 1])
        XCTAssertEqual(report.gaps.map(\.id), ["lifecycle", "vm-sizing", "vm-images", "vpc"])
        XCTAssertEqual(CoverageReport(pack: pack, threshold: 1).gaps.map(\.id), [])
        XCTAssertEqual(CoverageReport(pack: pack, threshold: 3).gaps.count, 6)

        let lines = report.lines()
        XCTAssertEqual(lines.first, "7 questions: single 6, multiple 1; d1 2, d2 4, d3 1")
        XCTAssertTrue(
            lines.contains { $0.hasPrefix("Section 1  Storage  weight 50%  bank 57.1%  4 questions") },
            lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("  1.1  Object storage  2 questions (single 1, multiple 1; d1 1, d2 1)"))
        XCTAssertTrue(lines.contains("        1  lifecycle  <- fewer than 2"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("4 considerations covered by fewer than 2 questions:"))
        XCTAssertTrue(lines.contains("  1.1  lifecycle: 1"))
    }
}
