import Foundation
import XCTest

@testable import StudyCore

final class AnkiExportTests: XCTestCase {
    func testTheFileRoundTripsAndCarriesAnkisHeaders() throws {
        let pack = try PackLoader.load(directory: PackFixtures.pack("editions"))
        var questions = pack.questions
        questions.append(
            Question(
                id: "html", subsectionID: "1.1", covers: ["soil"], kind: .multiple, difficulty: 2,
                stem: "Is <b> & \"tab\"\there?\nSecond line.",
                choices: [
                    Choice(text: "A < B", isCorrect: true, why: "Yes & yes."),
                    Choice(text: "C", isCorrect: true, why: "Also."), Choice(text: "D", isCorrect: false, why: "No."),
                ],
                explanation: "Rule.", refs: ["Soil guide <https://docs.cloud.google.com/soil?x=1&y=2>", "Plain title"]))
        let notes = AnkiExport.notes(questions, in: pack)
        let text = AnkiExport.file(notes, deck: pack.title)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(
            Array(lines.prefix(5)),
            ["#separator:tab", "#html:true", "#notetype:Basic", "#deck:Garden Practitioner", "#tags column:3"])
        XCTAssertEqual(lines.count, 5 + questions.count + 1, "one line per note, ending in a newline")
        XCTAssertEqual(AnkiExport.parse(text), notes)

        let html = try XCTUnwrap(notes.last)
        XCTAssertEqual(
            html.front,
            "Is &lt;b&gt; &amp; &quot;tab&quot;\there?<br>Second line.<br>A. A &lt; B<br>B. C<br>C. D"
                .replacingOccurrences(of: "\t", with: " "))
        XCTAssertTrue(html.back.hasPrefix("<b>Answer: A, B</b><br>A (right): Yes &amp; yes."), html.back)
        XCTAssertTrue(
            html.back.hasSuffix(
                "<a href=\"https://docs.cloud.google.com/soil?x=1&amp;y=2\">Soil guide</a><br>Plain title"), html.back)
        XCTAssertEqual(html.tags, ["garden", "edition::new", "section::1", "subsection::1.1", "topic::soil"])
        XCTAssertFalse(notes.contains { $0.front.contains("\t") || $0.back.contains("\t") || $0.back.contains("\n") })
    }
}
