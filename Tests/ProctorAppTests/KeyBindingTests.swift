import Foundation
import StudyCore
import TermUI
import XCTest

@testable import ProctorApp

/// Every screen's status bar, help and handler come from one key map, so a key the bar shows
/// is explained in help, and keys the handler takes (outline p, exam Tab) are not missing there.
final class KeyBindingTests: XCTestCase {
    /// Each binding shown in the bar shares a key with a binding that has a help line.
    func assertBarKeysAreExplained<A>(
        _ bar: KeyMap<A>, help: KeyMap<A>, _ name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let explained = Set(help.bindings.filter { $0.help != nil }.flatMap(\.keys))
        for binding in bar.bindings where binding.bar != nil {
            XCTAssertFalse(
                explained.isDisjoint(with: binding.keys), "\(name): bar hint \(binding.bar!.key) has no help line",
                file: file, line: line)
        }
    }

    func testEveryBarHintHasAHelpLine() throws {
        assertBarKeysAreExplained(HomeScreen.keys, help: HomeScreen.keys, "home")
        assertBarKeysAreExplained(OutlineScreen.keys, help: OutlineScreen.keys, "outline")
        let exam = ExamScreen.questionKeys.merged(with: ExamScreen.overviewKeys)
        assertBarKeysAreExplained(ExamScreen.questionKeys, help: exam, "exam")
        assertBarKeysAreExplained(ExamScreen.overviewKeys, help: exam, "exam overview")
        let practice = PracticeScreen.answerKeys.merged(with: PracticeScreen.revealedKeys(rating: true))
        assertBarKeysAreExplained(PracticeScreen.answerKeys, help: practice, "practice")
        assertBarKeysAreExplained(PracticeScreen.revealedKeys(rating: true), help: practice, "practice, answered")
        assertBarKeysAreExplained(ReviewScreen.keys, help: ReviewScreen.keys, "review")
        assertBarKeysAreExplained(StatsScreen.keys, help: StatsScreen.keys, "stats")
        assertBarKeysAreExplained(ExamHistoryScreen.keys, help: ExamHistoryScreen.keys, "history")
        assertBarKeysAreExplained(
            ResultsScreen.detailKeys, help: ResultsScreen.detailKeys, "results, one question")
    }

    /// The keys the review found missing from help: outline p, exam Tab and Shift-Tab.
    func testKeysTheHandlersTakeAreInHelp() {
        XCTAssertTrue(OutlineScreen.allHelpKeys.contains { $0.0.contains("p") && $0.1.contains("practise") })
        XCTAssertTrue(ExamScreen.allHelpKeys.contains { $0.0.contains("Tab") && $0.0.contains("Shift-Tab") })
        XCTAssertEqual(ExamScreen.questionKeys.action(for: .tab).map { "\($0)" }, "next")
        XCTAssertEqual(ExamScreen.questionKeys.action(for: .backTab).map { "\($0)" }, "previous")
        XCTAssertEqual(OutlineScreen.keys.action(for: .char("p")).map { "\($0)" }, "practise")
    }

    /// The help overlay of the outline shows the p key end to end.
    func testTheOutlineHelpOverlayShowsItsKeys() throws {
        let app = try AppHarness()
        app.keys(.char("o"), .char("?"))
        try app.run()
        XCTAssertScreen(app, contains: "Keys: Exam guide")
        XCTAssertScreen(app, contains: "Enter  p")
    }
}
