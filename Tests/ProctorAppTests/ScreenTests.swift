import Foundation
import StudyCore
import TermUI
import XCTest

@testable import ProctorApp

final class HomeAndOutlineTests: XCTestCase {
    func testHomeShowsTitleReadinessAndActions() throws {
        let app = try AppHarness()
        try app.run()
        XCTAssertScreen(app, contains: "Kitchen Hygiene Certificate")
        XCTAssertScreen(app, contains: "Readiness by section")
        XCTAssertScreen(app, contains: "food Food handling")
        XCTAssertScreen(app, contains: "Mock exam: 5 questions, 20 minutes")
        XCTAssertScreen(app, contains: "Seen 0/12")
    }

    /// The last exam's verdict shortens to fit an 80-column terminal instead of being cut off.
    func testHomeShortensTheLastExamVerdictToFit() throws {
        let wide = try AppHarness(width: 120, height: 30)
        wide.keys(.char("S"), .char("y"), .char("q"))
        try wide.run(initial: [.startExam(ExamRequest(count: 2, minutes: 20, seed: 1))])
        XCTAssertScreen(wide, contains: "Last exam 0% (below pass, est. mark 60%)")

        let narrow = try AppHarness(width: 60, height: 24, directory: wide.directory)
        try narrow.run()
        XCTAssertScreen(narrow, contains: "Last exam 0%")
        XCTAssertScreen(narrow, lacks: "(below")
    }

    func testOutlineShowsTreeNotesAndFilters() throws {
        let app = try AppHarness()
        app.keys(.char("o"), .down)
        try app.run()
        XCTAssertScreen(app, contains: "Exam guide")
        XCTAssertScreen(app, contains: "food-storage Storing food")
        XCTAssertScreen(app, contains: "8 questions · 0 seen")

        let filtered = try AppHarness()
        filtered.keys(.char("o"), .char("/"))
        filtered.type("board")
        filtered.keys(.enter)
        try filtered.run()
        XCTAssertScreen(filtered, contains: "Chopping boards")
        XCTAssertScreen(filtered, lacks: "Storing food")
        XCTAssertScreen(filtered, contains: "filter: board")
    }

    func testHelpOverlayListsKeysAndCloses() throws {
        let app = try AppHarness()
        app.keys(.char("?"))
        try app.run()
        XCTAssertScreen(app, contains: "Keys")
        XCTAssertScreen(app, contains: "Ctrl-C")

        let closed = try AppHarness()
        closed.keys(.char("?"), .escape)
        try closed.run()
        XCTAssertScreen(closed, lacks: "Ctrl-C")
    }

    func testTooSmallTerminalRecoversOnResize() throws {
        let app = try AppHarness(width: 40, height: 10)
        try app.run()
        XCTAssertScreen(app, contains: "too small")

        let recovered = try AppHarness(width: 40, height: 10)
        recovered.terminal.resize(width: 80, height: 24)
        try recovered.run()
        XCTAssertScreen(recovered, contains: "Readiness by section")
    }

    /// Every size draws inside the terminal: below 60x15 a notice, from 60x15 the screens.
    func testTinyTerminalsNeverCrash() throws {
        for (w, h) in [(1, 1), (2, 1), (20, 5), (59, 15), (60, 15), (300, 100)] {
            let app = try AppHarness(width: w, height: h)
            app.keys(.char("o"), .down, .enter, .char("a"), .enter)
            try app.run()
            let rows = app.terminal.text(trimTrailing: false)
            XCTAssertEqual(rows.count, h, "\(w)x\(h)")
            XCTAssertTrue(rows.allSatisfy { Text.width($0) == w }, "\(w)x\(h): \(rows)")
            if w >= 20 && h >= 5 {
                XCTAssertScreen(app, contains: w < 60 || h < 15 ? "small" : "Enter next")
            }
        }
    }
}

final class PracticeTests: XCTestCase {
    private func practiceScreen(_ app: AppHarness, ids: [String]) throws -> Screen {
        let context = AppContext(
            pack: app.pack, progress: ProgressSnapshot(packID: app.pack.id), size: app.terminal.size, now: app.clock.now
        )
        let outcome = PracticeScreen.start(title: "Test run", ids: ids, mode: .practice, context: context, seed: 7)
        guard case .push(let screen)? = outcome.navigation else { throw NoScreen(outcome: "\(outcome)") }
        return screen
    }

    /// Thrown (failing the test, never skipping it) when practice does not open.
    struct NoScreen: Error, CustomStringConvertible {
        let outcome: String
        var description: String { "PracticeScreen.start pushed no screen: \(outcome)" }
    }

    func testAnsweringRevealsVerdictAndStoresAnswerAndCard() throws {
        let app = try AppHarness()
        let screen = try practiceScreen(app, ids: ["fd-001"])
        // Pick every letter in turn on a single-choice question: the last pick wins; then submit.
        app.keys(.char("a"), .enter)
        try app.run(start: screen)
        XCTAssertScreen(app, contains: "Why")
        XCTAssertScreen(app, contains: "Explanation for fd-001.")
        let answers = try app.store.answers(packID: app.pack.id)
        XCTAssertEqual(answers.count, 1)
        XCTAssertEqual(answers.first?.mode, .practice)
        XCTAssertNotNil(try app.store.card(packID: app.pack.id, questionID: "fd-001"))
    }

    func testEnterWithNothingPickedAnswersWithTheHighlightedChoice() throws {
        let app = try AppHarness()
        let screen = try practiceScreen(app, ids: ["fd-001"])
        app.keys(.char("j"), .enter)
        try app.run(start: screen)
        XCTAssertScreen(app, contains: "(•) B")
        XCTAssertEqual(try app.store.answers(packID: app.pack.id).first?.picked.count, 1)
    }

    func testMultipleSelectNeedsExactlyTheStatedNumber() throws {
        let app = try AppHarness()
        let screen = try practiceScreen(app, ids: ["fd-004"])
        app.keys(.char("a"), .enter)
        try app.run(start: screen)
        XCTAssertScreen(app, contains: "Choose 2")
        XCTAssertScreen(app, contains: "Pick exactly 2 choices")
        XCTAssertTrue(try app.store.answers(packID: app.pack.id).isEmpty, "nothing stored before a valid submit")
    }

    func testRatingARightAnswerEasyLengthensTheInterval() throws {
        let good = try AppHarness()
        let q = good.pack.question(id: "fd-001")!
        let screen = try practiceScreen(good, ids: ["fd-001"])
        // Find the letter of the right answer in this shuffle.
        guard let p = screen.as(PracticeScreen.self), let position = p.session.current?.order.firstIndex(of: 0) else {
            return XCTFail("no practice screen")
        }
        XCTAssertTrue(q.choices[0].isCorrect)
        let letter = QuestionPresentation.letters[position]
        good.keys(.char(letter), .enter)
        try good.run(start: screen)
        let easy = try good.restarted()
        let easyScreen = try practiceScreen(easy, ids: ["fd-002"])
        guard let p2 = easyScreen.as(PracticeScreen.self), let pos2 = p2.session.current?.order.firstIndex(of: 0) else {
            return XCTFail("no practice screen")
        }
        easy.keys(.char(QuestionPresentation.letters[pos2]), .enter, .char("4"))
        try easy.run(start: easyScreen)
        let goodCard = try XCTUnwrap(try good.store.card(packID: good.pack.id, questionID: "fd-001"))
        let easyCard = try XCTUnwrap(try easy.store.card(packID: easy.pack.id, questionID: "fd-002"))
        XCTAssertGreaterThan(
            easyCard.due.timeIntervalSince(easyCard.lastReview!), goodCard.due.timeIntervalSince(goodCard.lastReview!))
    }

    func testCramDoesNotTouchTheSchedule() throws {
        let app = try AppHarness()
        let context = AppContext(
            pack: app.pack, progress: ProgressSnapshot(packID: app.pack.id), size: app.terminal.size, now: app.clock.now
        )
        guard
            case .push(let screen)? = PracticeScreen.start(
                title: "Cram", ids: ["fd-003"], mode: .cram, context: context, seed: 1
            ).navigation
        else { return XCTFail("no screen") }
        app.keys(.char("b"), .enter)
        try app.run(start: screen)
        XCTAssertEqual(try app.store.answers(packID: app.pack.id).first?.mode, .cram)
        XCTAssertNil(try app.store.card(packID: app.pack.id, questionID: "fd-003"))
    }
}

final class ExamFlowTests: XCTestCase {
    func testCountdownWarnsAndExamAutoSubmitsAtZero() throws {
        let app = try AppHarness()
        app.terminal.wait(11 * 60)
        try app.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 42))])
        // 9 minutes left: the countdown is in the warning style.
        XCTAssertScreen(app, contains: "9:00")
        let position = try XCTUnwrap(app.terminal.find("9:00"))
        XCTAssertEqual(app.terminal.style(x: position.x, y: position.y), Theme.color.warning)

        let later = try AppHarness()
        later.terminal.wait(20 * 60 + 2)
        try later.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 42))])
        XCTAssertScreen(later, contains: "Score 0%")
        XCTAssertScreen(later, contains: "(mark 60%)")
        XCTAssertScreen(later, contains: "Time used 20:00 of 20:00")
        XCTAssertNil(try later.store.inProgressExam(packID: later.pack.id))
        XCTAssertEqual(try later.store.submittedExams(packID: later.pack.id).count, 1)
        XCTAssertEqual(
            try later.store.answers(packID: later.pack.id).count, 0, "blanks score 0 but are not recorded as answers")
    }

    func testSubmitConfirmCountsBlanksAndFlags() throws {
        let app = try AppHarness()
        app.keys(.char("a"), .char("f"), .char("n"), .char("S"))
        try app.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 1))])
        XCTAssertScreen(app, contains: "Submit the exam?")
        XCTAssertScreen(app, contains: "1 of 3 answered.")
        XCTAssertScreen(app, contains: "2 blank (scored as wrong).")
        XCTAssertScreen(app, contains: "1 flagged")
    }

    /// Multiple select is all-or-nothing, so too few (or too many) picks are pointed out
    /// where the candidate looks before submitting.
    func testWrongNumberOfPicksIsShownInTheQuestionOverviewAndSubmitDialog() throws {
        let app = try AppHarness()
        let start = app.clock.now
        _ = try app.store.startExam(
            ExamAttemptRecord(
                packID: app.pack.id, seed: 1,
                items: ["fd-004", "fd-001"].map { StoredExamItem(questionID: $0, choiceOrder: [0, 1, 2, 3]) },
                startedAt: start, deadline: start.addingTimeInterval(1200)))
        app.keys(.char("y"), .char("a"))
        try app.run(initial: [.startExam(ExamRequest(count: 2, minutes: 20))])
        XCTAssertScreen(app, contains: "Choose 2 · 1 picked")

        let overview = try app.restarted()
        overview.keys(.char("y"), .char("o"))
        try overview.run(initial: [.startExam(ExamRequest(count: 2, minutes: 20))])
        XCTAssertScreen(overview, contains: "A · choose 2")
        let position = try XCTUnwrap(overview.terminal.find("A · choose 2"))
        XCTAssertEqual(overview.terminal.style(x: position.x, y: position.y), Theme.color.warning)

        let submit = try app.restarted()
        submit.keys(.char("y"), .char("S"))
        try submit.run(initial: [.startExam(ExamRequest(count: 2, minutes: 20))])
        XCTAssertScreen(submit, contains: "1 multiple-select question has too few or too many picks")
        XCTAssertScreen(submit, contains: "1 blank (scored as wrong).")
    }

    func testExamResumesWithTheSameDeadlineAfterARestart() throws {
        let first = try AppHarness()
        first.keys(.char("a"), .char("n"), .char("b"))
        try first.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 5))])
        let attempt = try XCTUnwrap(try first.store.inProgressExam(packID: first.pack.id))
        XCTAssertEqual(try first.store.examAnswers(attemptID: attempt.id!).count, 2)

        // Five minutes later a new process offers to resume; the clock kept running.
        let second = try first.restarted(after: 300)
        second.keys(.char("y"))
        try second.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20))])
        XCTAssertScreen(second, contains: "answered 2")
        XCTAssertScreen(second, contains: "15:00")
        XCTAssertEqual(try second.store.inProgressExam(packID: second.pack.id)?.deadline, attempt.deadline)
    }

    /// An attempt none of whose questions the pack (or the chosen guide edition) still has is not
    /// opened (it used to crash): the learner keeps it or starts a new exam, which submits it.
    func testAnExamWhoseQuestionsLeftThePackIsKeptOrReplacedNotOpened() throws {
        let first = try AppHarness()
        first.keys(.char("a"))
        try first.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 5))])
        let attempt = try XCTUnwrap(try first.store.inProgressExam(packID: first.pack.id))
        let others = first.pack.questions.filter { q in !attempt.items.contains { $0.questionID == q.id } }
        let emptied = ExamPack(
            id: first.pack.id, title: first.pack.title, exam: first.pack.exam, sections: first.pack.sections,
            questions: others)

        let shown = try first.restarted(after: 60)
        shown.pack = emptied
        shown.keys(.char("y"))
        try shown.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20))])
        XCTAssertScreen(shown, contains: "None of the 3 questions of the mock exam in progress are")
        XCTAssertScreen(shown, contains: "in this exam pack.")

        let kept = try shown.restarted(after: 60)
        kept.pack = emptied
        kept.keys(.char("y"), .char("n"))
        try kept.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20))])
        XCTAssertScreen(kept, contains: "Readiness by section")
        XCTAssertEqual(try kept.store.inProgressExam(packID: kept.pack.id)?.id, attempt.id)

        let replaced = try kept.restarted(after: 60)
        replaced.pack = emptied
        replaced.keys(.char("y"), .char("y"))
        try replaced.run(
            initial: [.startExam(ExamRequest(count: 2, minutes: 20))], examDefaults: ExamRequest(count: 2, minutes: 20))
        XCTAssertEqual(try replaced.store.submittedExams(packID: replaced.pack.id).map(\.id), [attempt.id])
        XCTAssertScreen(replaced, contains: "Question 1 of 2")
    }

    /// Blanks score as wrong in the exam but are not recorded as answers or scheduled as lapses.
    func testBlankExamQuestionsAreScoredWrongButNeitherSeenNorScheduled() throws {
        let harness = try AppHarness()
        harness.keys(.char("a"), .char("S"), .char("y"))
        try harness.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 5))])
        let attempt = try XCTUnwrap(try harness.store.submittedExams(packID: harness.pack.id).first)
        XCTAssertEqual(attempt.items.count, 3)
        let answered = try harness.store.answers(packID: harness.pack.id)
        XCTAssertEqual(answered.map(\.questionID), [attempt.items[0].questionID])
        XCTAssertEqual(Set(try harness.store.cards(packID: harness.pack.id).keys), [attempt.items[0].questionID])
        XCTAssertLessThanOrEqual(try XCTUnwrap(attempt.scorePercent), 100.0 / 3 + 0.01)
    }

    func testStartingANewExamClosesTheOldOne() throws {
        let first = try AppHarness()
        first.keys(.char("a"))
        try first.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 5))])
        let second = try first.restarted(after: 60)
        second.keys(.char("n"))
        try second.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20))])
        XCTAssertEqual(try second.store.submittedExams(packID: second.pack.id).count, 1)
        XCTAssertScreen(second, contains: "Question 1 of 3 · answered 0")
    }

    /// A submitted exam stays reachable: Home → History → Enter shows its results again, and q
    /// goes back to the list, not Home.
    func testExamHistoryReopensASubmittedExamsResults() throws {
        let first = try AppHarness()
        first.keys(.char("a"), .char("S"), .char("y"))
        try first.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 4))])
        let attempt = try XCTUnwrap(try first.store.submittedExams(packID: first.pack.id).first)

        let later = try first.restarted(after: 3600)
        later.keys(.char("h"))
        try later.run()
        XCTAssertScreen(later, contains: "Exam history")
        XCTAssertScreen(later, contains: "1 mock exam · best")
        XCTAssertScreen(later, contains: "3 q")

        let reopened = try first.restarted(after: 3600)
        reopened.keys(.char("h"), .enter)
        try reopened.run()
        XCTAssertScreen(reopened, contains: "Score \(Int((attempt.scorePercent ?? 0).rounded()))%")
        XCTAssertScreen(reopened, contains: "q back")

        let back = try first.restarted(after: 3600)
        back.keys(.char("h"), .enter, .char("q"))
        try back.run()
        XCTAssertScreen(back, contains: "Exam history")
    }

    func testExamHistoryWithoutExamsSaysHowToSitOne() throws {
        let app = try AppHarness()
        app.keys(.char("h"))
        try app.run()
        XCTAssertScreen(app, contains: "No mock exams yet")
    }

    func testResultsListEveryQuestionAndOpenExplanation() throws {
        let app = try AppHarness()
        app.keys(.char("a"), .char("S"), .char("y"), .enter)
        try app.run(initial: [.startExam(ExamRequest(count: 2, minutes: 20, seed: 9))])
        XCTAssertScreen(app, contains: "Question 1 of 2")
        XCTAssertScreen(app, contains: "Why")
    }
}

final class ReviewAndStatsTests: XCTestCase {
    func testMissedQuestionsShowUpInReviewAndStats() throws {
        let app = try AppHarness()
        let t = app.clock.now
        try app.store.record(
            AnswerRecord(
                packID: app.pack.id, questionID: "fd-001", picked: [1], correct: false, secondsTaken: 3,
                mode: .practice, answeredAt: t.addingTimeInterval(-3600)),
            card: FSRSScheduler().review(.new(at: t), rating: .again, at: t.addingTimeInterval(-3600)))
        app.keys(.char("r"))
        try app.run()
        XCTAssertScreen(app, contains: "All sections")
        XCTAssertScreen(app, contains: "1 due now · 1 missed")

        let stats = try app.restarted()
        stats.keys(.char("s"))
        try stats.run()
        XCTAssertScreen(stats, contains: "1 answer · 0% right")
        XCTAssertScreen(stats, contains: "Readiness")

        let report = StatsReport(
            pack: app.pack, progress: try ProgressSnapshot.load(from: app.store, packID: app.pack.id), now: t)
        let json = try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any]
        XCTAssertEqual(json?["answered"] as? Int, 1)
        XCTAssertEqual(json?["correct"] as? Int, 0)
        XCTAssertEqual(json?["due_today"] as? Int, 1)
        let sections = json?["sections"] as? [[String: Any]]
        XCTAssertEqual(sections?.map { $0["id"] as? String }, ["food", "tools"])
        XCTAssertNotNil(json?["exams"] as? [Any])
    }
}

final class NotesTextTests: XCTestCase {
    func testReflowsHardWrappedBulletsAndDropsRepeatedTitle() {
        let text =
            "# 1.1 Storing food\n\n## Cold chain\n- Keep the fridge\n  below 5 °C.\n- Label leftovers.\n\nPlain\nparagraph."
        let lines = NotesText.lines(text, width: 40, theme: .monochrome, title: "Storing food").map(\.text)
        XCTAssertEqual(
            lines, ["Cold chain", "• Keep the fridge below 5 °C.", "• Label leftovers.", "Plain paragraph."])
        let narrow = NotesText.lines("- one two three four", width: 10, theme: .monochrome).map(\.text)
        XCTAssertEqual(narrow, ["• one two", "  three", "  four"])
    }
}

final class ExamDeadlineTests: XCTestCase {
    func testTimeRunningOutClosesAnOpenDialog() throws {
        let app = try AppHarness()
        app.keys(.char("q"))
        app.terminal.wait(61)
        try app.run(initial: [.startExam(ExamRequest(count: 2, minutes: 1, seed: 3))])
        XCTAssertScreen(app, contains: "Score")
        XCTAssertScreen(app, lacks: "Leave the exam?")
    }
}

final class StudyNextTests: XCTestCase {
    func testStudyNextGivesEverySubsectionAShareOfTheLine() {
        let subs = [
            SubsectionScore(
                subsectionID: "4.2", sectionID: "4", title: "Scaling online model serving", correct: 0, total: 3),
            SubsectionScore(
                subsectionID: "5.1", sectionID: "5", title: "Developing end-to-end ML pipelines", correct: 1, total: 4),
        ]
        let line = ResultsScreen.studyNextLine(subs, width: 60)
        XCTAssertLessThanOrEqual(Text.width(line), 60)
        XCTAssertTrue(line.hasPrefix("Study next: 4.2 "), line)
        XCTAssertTrue(line.contains(" 0/3 · 5.1 "), line)
        XCTAssertTrue(line.hasSuffix(" 1/4"), line)
        XCTAssertEqual(
            ResultsScreen.studyNextLine(Array(subs.prefix(1)), width: 80),
            "Study next: 4.2 Scaling online model serving 0/3")
    }

    func testResultsNameTheSubsectionsToStudyNext() throws {
        let app = try AppHarness()
        app.keys(.char("S"), .char("y"))
        try app.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 2))])
        XCTAssertScreen(app, contains: "Study next: ")
    }

    /// At the smallest supported size the question list still shows beside the study line.
    func testStudyNextLeavesTheQuestionListVisibleAtTheMinimumSize() throws {
        let app = try AppHarness(width: 60, height: 15)
        app.keys(.char("S"), .char("y"))
        try app.run(initial: [.startExam(ExamRequest(count: 3, minutes: 20, seed: 2))])
        XCTAssertScreen(app, contains: "Study next: ")
        XCTAssertScreen(app, contains: "1  you blank")
        XCTAssertScreen(app, contains: "3  you blank")
    }
}

final class PaceTests: XCTestCase {
    func testPaceIsShownInWholeMinutes() {
        XCTAssertEqual(ExamScreen.paceText(30), "on pace")
        XCTAssertEqual(ExamScreen.paceText(-59), "on pace")
        XCTAssertEqual(ExamScreen.paceText(144), "ahead 2 min")
        XCTAssertEqual(ExamScreen.paceText(-61), "behind 1 min")
    }

    /// Three questions in ten minutes: each has 200 s. Ahead can never exceed the time left.
    func testPaceBanksAnsweredTimeAndGivesTheQuestionInHandItsShare() throws {
        let app = try AppHarness()
        let start = app.clock.now
        let items = ExamAssembler.assemble(pack: app.pack, count: 3, seed: 4, now: start)
        let attempt = ExamAttemptRecord(
            id: 1, packID: app.pack.id, seed: 4,
            items: items.map { StoredExamItem(questionID: $0.questionID, choiceOrder: $0.choiceOrder) },
            startedAt: start, deadline: start.addingTimeInterval(600))
        let answered = { (n: Int) in
            ExamSession(
                attempt: attempt,
                answers: items.prefix(n).map {
                    ExamAnswerRecord(
                        attemptID: 1, questionID: $0.questionID, picked: [0], flagged: false, updatedAt: start)
                }, pack: app.pack)
        }
        let at = { (seconds: TimeInterval) in start.addingTimeInterval(seconds) }
        XCTAssertEqual(answered(0).pace(at: start), 0, "the exam opens on pace")
        XCTAssertEqual(answered(0).pace(at: at(100)), 0, "within the first question's share")
        XCTAssertEqual(answered(0).pace(at: at(250)), -50, "50 s over the first question's share")
        XCTAssertEqual(answered(1).pace(at: at(100)), 100, "one answer banked 200 s, 100 s used")
        XCTAssertEqual(answered(1).pace(at: at(300)), 0, "the second question is within its share")
        let done = answered(3)
        XCTAssertEqual(done.pace(at: at(100)), done.remaining(at: at(100)))
    }
}

final class TwoWindowTests: XCTestCase {
    /// Answers another window saved to the same attempt are scored, not treated as blank.
    func testSubmitTakesInAnswersSavedByAnotherWindow() throws {
        let app = try AppHarness()
        let now = app.clock.now
        let items = ExamAssembler.assemble(pack: app.pack, count: 2, seed: 4, now: now)
        let attempt = ExamAttemptRecord(
            id: 7, packID: app.pack.id, seed: 4,
            items: items.map { StoredExamItem(questionID: $0.questionID, choiceOrder: $0.choiceOrder) },
            startedAt: now, deadline: now.addingTimeInterval(600))
        let mine = ExamAnswerRecord(
            attemptID: 7, questionID: items[0].questionID, picked: [0], flagged: false,
            updatedAt: now)
        let theirs = ExamAnswerRecord(
            attemptID: 7, questionID: items[1].questionID, picked: [1], flagged: true,
            updatedAt: now)
        var model = AppModel(
            context: AppContext(
                pack: app.pack, progress: ProgressSnapshot(packID: app.pack.id), size: app.terminal.size, now: now))
        _ = model.open(exam: attempt, answers: [mine])
        let commands = model.submitExam(merging: [mine, theirs])
        guard case .submitExam(let submission)? = commands.first else { return XCTFail("no submit: \(commands)") }
        XCTAssertEqual(submission.answers.filter { !$0.picked.isEmpty }.count, 2)
        XCTAssertEqual(submission.answers.first { $0.questionID == items[1].questionID }?.picked, [1])
        guard model.top.as(ResultsScreen.self) != nil else { return XCTFail("results not shown") }
    }
}

final class SearchScreenTests: XCTestCase {
    /// Home → / → words → Enter → a move → Enter practises that hit first.
    func testSlashSearchesAndOpensTheChosenHitInPractice() throws {
        let app = try AppHarness()
        app.keys(.char("/"))
        app.type("answer fd")
        app.keys(.enter, .down, .enter)
        try app.run()
        XCTAssertScreen(app, contains: "Search: answer fd")
        XCTAssertScreen(app, contains: "1/")
        let shown = try AppHarness()
        shown.keys(.char("/"))
        shown.type("zzz")
        try shown.run()
        XCTAssertScreen(shown, contains: "Find: zzz")
        XCTAssertScreen(shown, contains: "No question has every one of these words.")
    }
}
