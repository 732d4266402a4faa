import Foundation
import XCTest

@testable import StudyCore

final class ReferenceTests: XCTestCase {
    let hosts = Reference.defaultHosts

    func testTitlesAndLinksParse() {
        let linked = Reference(parsing: "Model Armor overview <https://docs.cloud.google.com/model-armor/overview>")
        XCTAssertEqual(linked.title, "Model Armor overview")
        XCTAssertEqual(linked.url, "https://docs.cloud.google.com/model-armor/overview")
        XCTAssertNil(linked.problem(allowedHosts: hosts))
        let plain = Reference(parsing: "Vertex AI: Get explanations")
        XCTAssertEqual(plain.title, "Vertex AI: Get explanations")
        XCTAssertNil(plain.url)
        XCTAssertNil(plain.problem(allowedHosts: hosts))
    }

    /// Only https addresses on the pack's hosts, with address characters only: nothing can carry
    /// an escape sequence, a quote or a script out of the pack.
    func testUnsafeOrForeignLinksAreRefused() {
        for (text, fragment) in [
            ("Page <http://docs.cloud.google.com/x>", "must start with https://"),
            ("Page <javascript:alert(1)>", "must start with https://"),
            ("Page <https://evil.example.com/x>", "not a documentation host"),
            ("Page <https://docs.cloud.google.com/x\"onmouseover=1>", "character an address cannot have"),
            ("Page <https://docs.cloud.google.com/\u{1B}]8;;>", "character an address cannot have"),
            ("Page <https://docs.cloud.google.com/a b>", "character an address cannot have"),
            (" <https://docs.cloud.google.com/x>", "needs a title"),
        ] {
            let problem = Reference(parsing: text).problem(allowedHosts: hosts)
            XCTAssertTrue(problem?.contains(fragment) ?? false, "\(text): \(problem ?? "accepted")")
        }
        XCTAssertNil(Reference(parsing: "Keras <https://keras.io/api/>").problem(allowedHosts: ["keras.io"]))
    }

    func testTheValidatorReportsABadLinkWithItsPlaceAndAPackMayAllowMoreHosts() throws {
        let question = """
            - id: q1
              covers: [t1]
              kind: single
              difficulty: 1
              stem: S
              choices: [{ text: a, correct: true, why: w }, { text: b, why: w }, { text: c, why: w }]
              explanation: E
              refs: ["Keras <https://keras.io/api/>"]
            """
        let outline = """
            id: p
            title: P
            exam: { minutes: 1, questions: 1, passing_percent: 50 }
            sections:
              - id: "1"
                title: One
                weight: 100
                subsections:
                  - { id: "1.1", title: T, considerations: [{ id: t1, text: C }] }
            """
        let strict = try PackFixtures.tempPack(examText: outline, questions: ["q.yaml": question])
        defer { PackFixtures.remove(strict) }
        XCTAssertEqual(
            PackValidator.validate(directory: strict).errors.map(\.description),
            [
                "questions/q.yaml:8:10: link 'https://keras.io/api/' points at keras.io, which is not a documentation "
                    + "host of this pack (allowed: cloud.google.com, docs.cloud.google.com; add it to link_hosts in "
                    + "exam.yaml) (question 'q1')"
            ])
        let open = try PackFixtures.tempPack(
            examText: outline.replacingOccurrences(of: "title: P\n", with: "title: P\nlink_hosts: [keras.io]\n"),
            questions: ["q.yaml": question])
        defer { PackFixtures.remove(open) }
        XCTAssertTrue(PackValidator.validate(directory: open).isValid)
    }
}
