import XCTest

@testable import StudyCore

final class PackValidatorTests: XCTestCase {
    // MARK: exam.yaml problems

    func testOutlineErrorsCarryLineNumbers() {
        let r = PackValidator.validate(directory: PackFixtures.pack("broken-outline"))
        XCTAssertFalse(r.isValid)
        XCTAssertNil(r.pack)
        let f = "exam.yaml"
        assertDiagnostic(r, f, line: 2, "missing field 'title'")
        assertDiagnostic(r, f, line: 4, "unknown field 'colour'")
        assertDiagnostic(r, f, line: 6, "'minutes' of exam must be a whole number")
        assertDiagnostic(r, f, line: 10, "section weights sum to 80; they must sum to 100")
        assertDiagnostic(r, f, line: 15, "field 'title' of subsection 'a.1' is empty")
        assertDiagnostic(r, f, line: 18, "control character U+0007")
        assertDiagnostic(r, f, line: 19, "duplicate section id 'a' (first defined at line 10)")
        assertDiagnostic(r, f, line: 23, "duplicate subsection id 'a.1' (first defined at line 14)")
        assertDiagnostic(r, f, line: 26, "duplicate consideration id 'alpha'")
        assertDiagnostic(r, "questions/empty.yaml", line: 1, "file has no questions", severity: .warning)
        XCTAssertEqual(r.errors.count, 9, r.lines.joined(separator: "\n"))
    }

    func testExamFactsAndEmptyLists() throws {
        let exam = """
            id: x
            title: X
            exam:
              minutes: 0
              questions: 10
              max_questions: 5
              passing_percent: 120
              passing_is_estimate: maybe
            sections:
              - id: a
                title: A
                weight: 100
                subsections: []
              - id: b
                title: B
                weight: "0"
                subsections:
                  - id: b.1
                    title: B1
                    considerations: {}

            """
        let dir = try PackFixtures.tempPack(examText: exam, questions: [:])
        defer { PackFixtures.remove(dir) }
        let r = PackValidator.validate(directory: dir)
        let f = "exam.yaml"
        assertDiagnostic(r, f, line: 4, "'minutes' of exam must be between 1 and 100000, found 0")
        assertDiagnostic(r, f, line: 6, "'max_questions' of exam (5) is smaller than 'questions' (10)")
        assertDiagnostic(r, f, line: 7, "'passing_percent' of exam must be above 0 and at most 100, found 120")
        assertDiagnostic(r, f, line: 8, "'passing_is_estimate' of exam must be true or false, found text 'maybe'")
        assertDiagnostic(r, f, line: 13, "section 'a' lists no subsections")
        assertDiagnostic(r, f, line: 16, "'weight' of section 'b' must be a whole number, found text '0'")
        assertDiagnostic(r, f, line: 20, "'considerations' of subsection 'b.1' must be a list, found a mapping")
        // A weight that could not be read skips the sum check instead of adding noise.
        XCTAssertNil(r.find(f, "sum to"))
        XCTAssertEqual(r.errors.count, 7, r.lines.joined(separator: "\n"))
    }

    func testDiagnosticFormatting() {
        let e = Diagnostic(file: "questions/a.yaml", line: 3, column: 7, message: "boom")
        XCTAssertEqual(e.description, "questions/a.yaml:3:7: boom")
        let w = Diagnostic(file: "questions/a.yaml", line: 3, column: 7, message: "hmm", severity: .warning)
        XCTAssertEqual(w.description, "questions/a.yaml:3:7: warning: hmm")
        XCTAssertEqual(
            Diagnostic(file: "exam.yaml", line: 0, column: 0, message: "missing").description,
            "exam.yaml: missing")
        XCTAssertEqual(e.formatted(directoryPrefix: "Content/pmle"), "Content/pmle/questions/a.yaml:3:7: boom")
    }

    // MARK: question file problems

    func testQuestionFieldErrors() {
        let r = PackValidator.validate(directory: PackFixtures.pack("broken-questions"))
        let f = "questions/01-fields.yaml"
        assertDiagnostic(r, f, line: 12, "question 'f-001' is missing field 'explanation'")
        assertDiagnostic(r, f, line: 22, "unknown field 'hint'")
        assertDiagnostic(r, f, line: 24, "unknown subsection '9.9'")
        assertDiagnostic(r, f, line: 26, "unknown kind 'truefalse'")
        assertDiagnostic(r, f, line: 27, "'difficulty' of question 'f-002' must be a whole number, found text 'two'")
        assertDiagnostic(r, f, line: 36, "unknown consideration 'nosuch'")
        assertDiagnostic(r, f, line: 36, "consideration 'sql' belongs to subsection '1.2', not '1.1'")
        assertDiagnostic(r, f, line: 38, "'difficulty' of question 'f-003' must be between 1 and 3, found 5")
        assertDiagnostic(r, f, line: 39, "'stem' of question 'f-003' must be text, found a list")
        assertDiagnostic(r, f, line: 41, "'correct' of choice 1 of question 'f-003' must be true or false")
        assertDiagnostic(r, f, line: 45, "question 5 must be a mapping")
        // The valid first question produces nothing.
        XCTAssertTrue(r.diagnostics(in: f).allSatisfy { $0.line >= 12 })
    }

    func testChoiceErrors() {
        let r = PackValidator.validate(directory: PackFixtures.pack("broken-questions"))
        let f = "questions/02-choices.yaml"
        assertDiagnostic(r, f, line: 8, "single-answer question 'c-001' has 2 correct choices; it needs exactly 1")
        assertDiagnostic(r, f, line: 19, "multiple-answer question 'c-002' has 1 correct choice; it needs at least 2")
        assertDiagnostic(r, f, line: 30, "marks all 3 choices correct")
        assertDiagnostic(r, f, line: 41, "question 'c-004' has 2 choices; it needs 3 to 6")
        assertDiagnostic(r, f, line: 51, "question 'c-005' has 7 choices; it needs 3 to 6")
        assertDiagnostic(r, f, line: 67, "choice 2 of question 'c-006' repeats the text of choice 1")
        assertDiagnostic(r, f, line: 68, "choice 3 of question 'c-006' is missing field 'why'")
        assertDiagnostic(r, f, line: 69, "field 'why' of choice 4 of question 'c-006' is empty")
        assertDiagnostic(r, f, line: 76, "'stem' of question 'c-007' contains control character U+0007")
        assertDiagnostic(r, f, line: 81, "'explanation' of question 'c-007' is empty")
    }

    func testFileLevelErrors() {
        let r = PackValidator.validate(directory: PackFixtures.pack("broken-questions"))
        assertDiagnostic(r, "questions/03-syntax.yaml", line: 5, "YAML syntax error")
        XCTAssertTrue(r.find("questions/03-syntax.yaml", "YAML syntax error")?.message.contains("line 3") == true)
        assertDiagnostic(r, "questions/04-mapping.yaml", line: 1, "must be a list of questions")
        assertDiagnostic(
            r, "questions/05-dupkey.yaml", line: 5, "duplicate key 'kind' in the same mapping (first at line 4)")
        assertDiagnostic(
            r, "questions/06-dupid.yaml", line: 1,
            "duplicate question id 'ok-001' (first defined at questions/01-fields.yaml:1)")
        assertDiagnostic(r, "questions/07-latin1.yaml", line: 2, "invalid UTF-8")
        XCTAssertEqual(r.find("questions/07-latin1.yaml", "invalid UTF-8")?.column, 13)
        assertDiagnostic(r, "questions/08-empty.yaml", line: 0, "file has no questions", severity: .warning)
        XCTAssertEqual(r.questionFileCount, 8)
        XCTAssertThrowsError(try PackLoader.load(directory: PackFixtures.pack("broken-questions"))) { error in
            guard let e = error as? PackLoadError else { return XCTFail("wrong error \(error)") }
            XCTAssertEqual(e.errors.count, r.errors.count)
            XCTAssertTrue(e.description.contains("questions/02-choices.yaml:8:5: single-answer"))
        }
    }

    func testMissingQuestionsDirectoryAndOutline() {
        let noQuestions = PackValidator.validate(directory: PackFixtures.pack("no-questions"))
        XCTAssertEqual(noQuestions.errors.count, 1)
        XCTAssertEqual(noQuestions.errors.first?.file, "questions")
        XCTAssertTrue(noQuestions.errors.first?.message.contains("no-questions/questions") == true)

        let noExam = PackValidator.validate(directory: PackFixtures.pack("no-exam"))
        XCTAssertEqual(noExam.errors.count, 1, noExam.lines.joined(separator: "\n"))
        XCTAssertEqual(noExam.errors.first?.file, "exam.yaml")
        XCTAssertTrue(noExam.errors.first?.message.contains("no-exam/exam.yaml") == true)

        let missing = PackFixtures.pack("does-not-exist")
        let none = PackValidator.validate(directory: missing)
        XCTAssertEqual(none.errors.count, 1)
        XCTAssertTrue(none.errors[0].message.contains("pack directory not found"))
        XCTAssertTrue(none.errors[0].description.contains("does-not-exist"))
        XCTAssertThrowsError(try PackLoader.load(directory: missing))
    }

    // MARK: encodings and garbage

    func testBOMAndCRLFAccepted() throws {
        let exam = try Data(contentsOf: PackFixtures.pack("valid").appendingPathComponent("exam.yaml"))
        let crlfExam =
            Data([0xEF, 0xBB, 0xBF])
            + Data(
                String(decoding: exam, as: UTF8.self)
                    .replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let q = PackFixtures.question(id: "crlf-001").replacingOccurrences(of: "\n", with: "\r\n")
        let qBlock = """
            - id: crlf-002
              subsection: "1.1"
              covers: [buckets]
              kind: single
              difficulty: 1
              stem: |
                Line one
                Line two
              choices:
                - { text: "One", correct: true, why: "Right." }
                - { text: "Two", why: "Wrong." }
                - { text: "Three", why: "Wrong." }
              explanation: Fine.

            """.replacingOccurrences(of: "\n", with: "\r\n")
        let dir = try PackFixtures.tempPack(
            exam: crlfExam,
            questions: [
                "a.yaml": Data([0xEF, 0xBB, 0xBF]) + Data((q + qBlock).utf8)
            ])
        defer { PackFixtures.remove(dir) }
        let pack = try PackLoader.load(directory: dir)
        XCTAssertEqual(pack.id, "demo")
        XCTAssertEqual(pack.questions.map(\.id), ["crlf-001", "crlf-002"])
        XCTAssertEqual(pack.question(id: "crlf-002")?.stem, "Line one\nLine two")
        XCTAssertEqual(pack.questions.first?.sourceLine, 1)
        XCTAssertEqual(pack.question(id: "crlf-002")?.sourceLine, 12)
    }

    func testUTF16IsRejectedClearly() throws {
        let text = "- id: x\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        let dir = try PackFixtures.tempPack(
            exam: Data(
                contentsOf: PackFixtures.pack("valid")
                    .appendingPathComponent("exam.yaml")), questions: ["a.yaml": data])
        defer { PackFixtures.remove(dir) }
        let r = PackValidator.validate(directory: dir)
        assertDiagnostic(r, "questions/a.yaml", line: 1, "UTF-16")
    }

    func testGarbageNeverCrashesOrHangs() throws {
        let deepFlow = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let deepBlock = String(repeating: "- ", count: 3000) + "x\n"
        let deepButLegal = String(repeating: "[", count: 995) + String(repeating: "]", count: 995)
        let deepMap = (0..<900).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v\n"
        let huge = "- id: big-001\n  stem: \"" + String(repeating: "abcdefghij", count: 300_000) + "\"\n"
        let binary = String(
            decoding: (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
                .filter { $0 >= 0x20 && $0 < 0x7F }, as: UTF8.self)
        let anchors = """
            - &a { id: al-001, subsection: "1.1", covers: [buckets], kind: single, difficulty: 1, stem: S,
                   choices: [ { text: A, correct: true, why: W }, { text: B, why: W }, { text: C, why: W } ],
                   explanation: E }
            - *a
            - [*a, *a, *a]
            - *undefined

            """
        let wrongTypes = """
            - id: 7
              subsection: { a: b }
              covers: buckets
              kind: [single]
              difficulty: 2.5
              stem: 12
              choices: "none"
              explanation: true
              refs: "x"
            - 12
            - ~
            - [a, b]

            """
        let files = [
            "1-deepflow.yaml": deepFlow, "2-deepblock.yaml": deepBlock, "3-deepmap.yaml": deepMap,
            "4-huge.yaml": huge, "5-binary.yaml": binary, "6-anchors.yaml": anchors,
            "7-types.yaml": wrongTypes, "8-tabs.yaml": "\t- id: x\n", "9-doc.yaml": "--- a\n--- b\n",
            "10-deeplegal.yaml": deepButLegal,
            "11-deeplegalmap.yaml": String(repeating: "{a: ", count: 995) + "b" + String(repeating: "}", count: 995),
        ]
        let dir = try PackFixtures.tempPack(questions: files)
        defer { PackFixtures.remove(dir) }

        // Run on a thread with a 512 KiB stack (like secondary threads on Apple platforms).
        let exp = expectation(description: "validated")
        nonisolated(unsafe) var report: ValidationReport?
        let thread = Thread {
            report = PackValidator.validate(directory: dir)
            exp.fulfill()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        wait(for: [exp], timeout: 60)
        let r = try XCTUnwrap(report)
        XCTAssertFalse(r.isValid)
        for name in files.keys.sorted() where name != "6-anchors.yaml" {
            XCTAssertFalse(r.diagnostics(in: "questions/" + name).isEmpty, "no diagnostic for \(name)")
        }
        XCTAssertNotNil(r.find("questions/4-huge.yaml", "missing field"))
        XCTAssertNotNil(r.find("questions/7-types.yaml", "'covers' of question '7' must be a list"))
        XCTAssertNotNil(r.find("questions/7-types.yaml", "'subsection' of question '7' must be text, found a mapping"))
        XCTAssertNotNil(
            r.find(
                "questions/7-types.yaml", "'difficulty' of question '7' must be a whole number, found a number '2.5'"))
        XCTAssertNotNil(r.find("questions/7-types.yaml", "'choices' of question '7' must be a list"))
        XCTAssertNotNil(r.find("questions/7-types.yaml", "question 2 must be a mapping"))
        XCTAssertNotNil(r.find("questions/9-doc.yaml", "YAML syntax error"))
        XCTAssertNotNil(r.find("questions/6-anchors.yaml", "undefined alias"))
    }

    func testAliasedQuestionsAreDuplicates() throws {
        let text =
            PackFixtures.question(id: "dup-001").replacingOccurrences(of: "- id:", with: "- &q\n  id:")
            + "- *q\n"
        let dir = try PackFixtures.tempPack(questions: ["a.yaml": text])
        defer { PackFixtures.remove(dir) }
        let r = PackValidator.validate(directory: dir)
        XCTAssertNotNil(r.find("questions/a.yaml", "duplicate question id 'dup-001'"), r.lines.joined(separator: "\n"))
    }

    func testDuplicateKeysInOutlineAndChoices() throws {
        let q = """
            - id: k-001
              subsection: "1.1"
              covers: [buckets]
              kind: single
              difficulty: 1
              stem: S
              choices:
                - { text: "One", correct: true, why: "Right.", why: "Again." }
                - { text: "Two", why: "Wrong." }
                - { text: "Three", why: "Wrong." }
              explanation: E

            """
        let exam = try String(
            contentsOf: PackFixtures.pack("valid").appendingPathComponent("exam.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "title: Demo Cloud Associate\n", with: "title: Demo Cloud Associate\ntitle: Again\n")
        let dir = try PackFixtures.tempPack(examText: exam, questions: ["a.yaml": q])
        defer { PackFixtures.remove(dir) }
        let r = PackValidator.validate(directory: dir)
        assertDiagnostic(r, "exam.yaml", line: 4, "duplicate key 'title' in the same mapping (first at line 3)")
        assertDiagnostic(r, "questions/a.yaml", line: 8, "duplicate key 'why'")
    }

    func testWarningsDoNotBlockLoading() throws {
        let q = PackFixtures.question(id: "w-001", covers: "buckets, buckets")
        let dir = try PackFixtures.tempPack(questions: ["a.yaml": q, "b.yaml": "[]\n"])
        defer { PackFixtures.remove(dir) }
        let r = PackValidator.validate(directory: dir)
        XCTAssertTrue(r.isValid, r.lines.joined(separator: "\n"))
        XCTAssertEqual(r.warnings.count, 2)
        assertDiagnostic(r, "questions/a.yaml", line: 3, "lists consideration 'buckets' twice", severity: .warning)
        XCTAssertEqual(r.pack?.questions.first?.covers, ["buckets"])
        XCTAssertEqual(r.summary, "2 question files, 1 question: 0 errors, 2 warnings")
    }

    func testControlCharactersAreFoundBehindTheByteFastPath() {
        let find = NodeReader.firstControlCharacter
        XCTAssertNil(find("plain – dash, € and é, ‘quotes’", false))
        XCTAssertNil(find("two\nlines\twith a tab", true))
        XCTAssertEqual(find("tab\there", false), "\t")
        XCTAssertEqual(find("del\u{7F}", true), "\u{7F}")
        XCTAssertEqual(find("next line \u{85} (C1)", true), "\u{85}")
        XCTAssertEqual(find("line separator \u{2028}", true), "\u{2028}")
        XCTAssertEqual(find("€ then bell \u{07}", true), "\u{07}")
    }

    func testIdentifiersMustBeSlugs() throws {
        let q = PackFixtures.question(id: "\"has space\"")
        let dir = try PackFixtures.tempPack(questions: ["a.yaml": q])
        defer { PackFixtures.remove(dir) }
        let r = PackValidator.validate(directory: dir)
        assertDiagnostic(r, "questions/a.yaml", line: 1, "must be an id made of letters")
    }
}
