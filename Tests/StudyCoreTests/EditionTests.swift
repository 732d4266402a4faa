import Foundation
import XCTest

@testable import StudyCore

/// One bank, two outlines: placement, notes, names, quality figures, assembly and readiness per edition.
final class EditionTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11

    func load() throws -> ExamPack { try PackLoader.load(directory: PackFixtures.pack("editions")) }

    func placement(_ pack: ExamPack) -> [String: String] {
        Dictionary(uniqueKeysWithValues: pack.questions.map { ($0.id, $0.subsectionID) })
    }

    func testEachEditionPlacesTheBankByItsOwnOutline() throws {
        let pack = try load()
        XCTAssertEqual(pack.editions.map(\.id), ["new", "old"])
        XCTAssertEqual(pack.edition.id, "new")
        XCTAssertTrue(pack.isDefaultEdition)
        XCTAssertEqual(pack.edition.weightSum, 101)
        XCTAssertEqual(pack.bank.count, 6)
        XCTAssertEqual(
            placement(pack), ["q-soil": "1.1", "q-seeds": "1.1", "q-robots": "1.2", "q-pick": "2.1", "q-mixed": "1.1"])

        let old = try XCTUnwrap(pack.edition("old"))
        XCTAssertFalse(old.isDefaultEdition)
        XCTAssertEqual(old.sections.map(\.title), ["Everything", "Ground work"])
        XCTAssertEqual(
            placement(old), ["q-soil": "2.1", "q-seeds": "1.1", "q-pick": "1.1", "q-compost": "2.1", "q-mixed": "2.1"])
        XCTAssertNil(old.question(id: "q-robots"))
        XCTAssertEqual(old.sectionID(ofQuestion: "q-pick"), "1")
        XCTAssertEqual(pack.sectionID(ofQuestion: "q-pick"), "2")
        XCTAssertNil(pack.edition("missing"))
        XCTAssertEqual(old.edition("new")?.questions.map(\.id), pack.questions.map(\.id))
    }

    func testNotesBelongToTheirEdition() throws {
        let pack = try load()
        XCTAssertEqual(
            pack.subsection(id: "1.1")?.notes, "Notes on soil and seeds, new edition.\n\nA second page, on seeds.")
        XCTAssertEqual(pack.subsection(id: "2.1")?.notes, "")
        let old = try XCTUnwrap(pack.edition("old"))
        XCTAssertEqual(old.subsection(id: "2.1")?.notes, "Notes on soil, old edition.")
        XCTAssertEqual(old.subsection(id: "1.1")?.notes, "")
    }

    func testFormerNamesWarnWithTheirLine() throws {
        let report = PackValidator.validate(directory: PackFixtures.pack("editions"))
        XCTAssertTrue(report.isValid, report.lines.joined(separator: "\n"))
        let warnings = report.warnings.map(\.description)
        XCTAssertEqual(
            warnings,
            [
                "questions/garden.yaml:32:9: warning: the stem of question 'q-robots' uses the former product name "
                    + "'Garden Bot Studio'; the current name is 'Yard Studio'",
                "questions/garden.yaml:32:9: warning: the stem of question 'q-robots' uses the former product name "
                    + "'Garden Bot'; the current name is 'Yard Agent'",
                "questions/garden.yaml:36:15: warning: choice 2 of question 'q-robots' uses the former product name "
                    + "'Garden Bot'; the current name is 'Yard Agent'",
            ])
        XCTAssertEqual(report.pack?.productNames.map(\.current), ["Yard Agent", "Yard Studio"])
    }

    func testScannerMatchesWholeWordsAndPrefersTheLongerName() {
        let names = [
            ProductName(former: "Vertex AI", current: "Agent Platform", changed: "2026-04", source: ""),
            ProductName(
                former: "Vertex AI Pipelines", current: "Agent Platform Pipelines", changed: "2026-04", source: ""),
        ]
        let scanner = ProductNameScanner(names)
        XCTAssertEqual(
            scanner.formerNames(in: "Run Vertex AI Pipelines nightly.").map(\.former), ["Vertex AI Pipelines"])
        XCTAssertEqual(
            scanner.formerNames(in: "Vertex AI Pipelines on Vertex AI").map(\.former),
            ["Vertex AI Pipelines", "Vertex AI"])
        XCTAssertEqual(scanner.formerNames(in: "MyVertex AIs are fine").count, 0)
    }

    func testQualityReportCountsNamesReviewDatesAndRanks() throws {
        let pack = try load()
        let report = QualityReport(pack: pack, now: now)
        XCTAssertEqual(report.total.questions, 5)
        XCTAssertEqual(report.total.formerNames, ["q-robots"])
        XCTAssertEqual(report.total.pastReview, ["q-robots"])
        XCTAssertEqual(report.total.unmarkedMultiple, [])
        XCTAssertEqual(report.total.multipleShare, 0.2, accuracy: 1e-9)
        // "Water the bed well" is the longest choice of every single-answer question.
        XCTAssertEqual(report.total.correctRank, ["longest": 4])
        XCTAssertEqual(report.sections.map(\.figures.questions), [4, 1])
        let lines = report.lines()
        XCTAssertTrue(
            lines.contains("    former product names in 1 questions; past review_by: 1"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("    due for review: q-robots"))
        XCTAssertFalse(ReviewDate.isPast("2026-11", now: now))
        XCTAssertTrue(ReviewDate.isPast("2026-10", now: now))
    }

    func testAssemblyAndReadinessFollowTheEdition() throws {
        let pack = try load()
        let old = try XCTUnwrap(pack.edition("old"))
        let newExam = ExamAssembler.assemble(pack: pack, count: 10, seed: 1)
        let oldExam = ExamAssembler.assemble(pack: old, count: 10, seed: 1)
        XCTAssertEqual(Set(newExam.map(\.questionID)), Set(pack.questions.map(\.id)))
        XCTAssertEqual(Set(oldExam.map(\.questionID)), Set(old.questions.map(\.id)))
        XCTAssertFalse(oldExam.contains { $0.questionID == "q-robots" })
        // Published weights 51/50 are proportions: 4 questions split 2/2 as 50.5/49.5 would.
        XCTAssertEqual(ExamAssembler.allocate(count: 4, weights: [51, 50], available: [9, 9]), [2, 2])

        let answers = [AnsweredQuestion(questionID: "q-pick", correct: true, answeredAt: now)]
        let newReadiness = ReadinessCalculator.readiness(pack: pack, history: answers)
        let oldReadiness = ReadinessCalculator.readiness(pack: old, history: answers)
        XCTAssertEqual(newReadiness.map(\.basedOn), [0, 1])
        XCTAssertEqual(oldReadiness.map(\.basedOn), [1, 0])
    }

    func testCacheKeepsEveryEdition() throws {
        let pack = try load()
        let bytes = PackCacheCodec.encode(pack, key: "k")
        let back = try XCTUnwrap(PackCacheCodec.decode(bytes, key: "k", directory: PackFixtures.pack("editions")))
        XCTAssertEqual(back.editions, pack.editions)
        XCTAssertEqual(back.questions, pack.questions)
        XCTAssertEqual(back.bank.map(\.reviewBy), pack.bank.map(\.reviewBy))
        XCTAssertEqual(back.edition("old")?.questions, pack.edition("old")?.questions)
        XCTAssertEqual(back.productNames, pack.productNames)
    }

    func testBrokenEditionsAreReportedWithTheirPlace() throws {
        let dir = try PackFixtures.tempPack(
            examText: """
                id: p
                title: P
                edition: { id: a, title: A }
                guide_version: "2"
                exam: { minutes: 1, questions: 1, passing_percent: 50 }
                sections:
                  - id: "1"
                    title: One
                    weight: 98
                    subsections:
                      - id: "1.1"
                        title: T
                        considerations: [{ id: c1, text: C }]
                """,
            questions: [
                "q.yaml": """
                - id: q1
                  covers: [nowhere]
                  kind: single
                  difficulty: 1
                  review_by: 2026-13
                  stem: S
                  choices: [{ text: a, correct: true, why: w }, { text: b, why: w }, { text: c, why: w }]
                  explanation: E
                """
            ])
        defer { PackFixtures.remove(dir) }
        let editions = dir.appendingPathComponent("editions")
        try FileManager.default.createDirectory(at: editions, withIntermediateDirectories: true)
        try Data("edition: { id: a, title: Again }\nsections: []\n".utf8)
            .write(to: editions.appendingPathComponent("again.yaml"))
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("notes/stray"), withIntermediateDirectories: true)
        let report = PackValidator.validate(directory: dir)
        let lines = report.diagnostics.map(\.description)
        XCTAssertEqual(
            lines,
            [
                "editions/again.yaml: edition id 'a' is already used by exam.yaml",
                "editions/again.yaml:2:11: field 'sections' of editions/again.yaml lists no sections",
                "exam.yaml:4:16: exam.yaml has both 'edition' and 'guide_version'; keep 'edition'",
                "exam.yaml:7:3: section weights sum to 98; they must sum to 100 (99 or 101 is accepted for a guide's rounding)",
                "notes/stray: warning: notes folder names no edition ('stray')",
                "questions/q.yaml:2:12: unknown consideration 'nowhere' in question 'q1': no edition of the guide has it",
                "questions/q.yaml:5:14: field 'review_by' of question 'q1' must be a month as YYYY-MM, found '2026-13'",
            ], lines.joined(separator: "\n"))
    }
}
