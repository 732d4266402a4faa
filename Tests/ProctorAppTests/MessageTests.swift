import Foundation
import StudyCore
import TermUI
import XCTest

@testable import ProctorApp

/// The runner only reads and writes; what it read comes back as a message, and the model alone
/// decides what to show and what to store next.
final class MessageTests: XCTestCase {
    func model() throws -> AppModel {
        let pack = try PackLoader.load(directory: AppHarness.packURL)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        return AppModel(
            context: AppContext(
                pack: pack, progress: ProgressSnapshot(packID: pack.id), size: Size(width: 100, height: 30), now: now))
    }

    func openAttempt(_ now: Date) -> ExamAttemptRecord {
        ExamAttemptRecord(
            id: 7, packID: "kitchen", seed: 1, items: [StoredExamItem(questionID: "fd-001", choiceOrder: [0, 1, 2])],
            startedAt: now, deadline: now.addingTimeInterval(600))
    }

    func testAnExamInProgressIsOfferedNotReplaced() throws {
        var m = try model()
        let now = m.context.now
        let request = ExamRequest(count: 3, minutes: 20)
        XCTAssertEqual(m.receive(.inProgressExam(openAttempt(now), answers: [], request: request), now: now), [])
        guard case .confirm(let dialog)? = m.overlay else {
            return XCTFail("no dialog: \(String(describing: m.overlay))")
        }
        XCTAssertEqual(dialog.title, "Exam in progress")
        XCTAssertTrue(dialog.body.contains("10:00 left"), dialog.body)
        XCTAssertEqual(dialog.onYes, .resumeExam(7))
    }

    func testReplacingSubmitsTheOldAttemptThenStoresANewOne() throws {
        var m = try model()
        let now = m.context.now
        var request = ExamRequest(count: 3, minutes: 20, seed: 9)
        request.replacesInProgress = true
        let commands = m.receive(.inProgressExam(openAttempt(now), answers: [], request: request), now: now)
        XCTAssertEqual(commands.count, 2)
        guard case .submitExam(let old) = commands[0], case .storeExam(let new) = commands[1] else {
            return XCTFail("\(commands)")
        }
        XCTAssertEqual(old.attemptID, 7)
        XCTAssertEqual(new.items.count, 3)
        XCTAssertEqual(new.deadline, now.addingTimeInterval(1200))
        XCTAssertEqual(m.receive(.examStored(new), now: now), [])
        XCTAssertNotNil(m.top.as(ExamScreen.self))
    }

    func testAStoreFailureIsABannerAndStaleAttemptsAreIgnored() throws {
        var m = try model()
        let now = m.context.now
        XCTAssertEqual(m.receive(.storeFailed("Could not read your progress: disk I/O error"), now: now), [])
        XCTAssertEqual(m.banner, "Could not read your progress: disk I/O error")
        XCTAssertEqual(m.receive(.examToResume(nil, answers: []), now: now), [])
        XCTAssertNotNil(m.top.as(HomeScreen.self))
    }
}
