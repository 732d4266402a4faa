import Foundation
import StudyCore
import XCTest

@testable import ProctorApp

final class CommandTests: XCTestCase {
    struct Broken: Error, CustomStringConvertible { var description: String { "disk I/O error" } }

    /// Only a failed write may say "Not saved"; a failed read lost nothing.
    func testFailureBannersSayWhetherAReadOrAWriteFailed() {
        let answer = AnswerRecord(
            packID: "p", questionID: "q", picked: [0], correct: true, secondsTaken: 1, mode: .practice,
            answeredAt: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(
            Command.resumeExam(attemptID: 1).failureBanner(Broken()), "Could not read your progress: disk I/O error")
        XCTAssertEqual(
            Command.openExamResults(attemptID: 1).failureBanner(Broken()),
            "Could not read your progress: disk I/O error")
        XCTAssertEqual(
            Command.startExam(ExamRequest(count: 1, minutes: 1)).failureBanner(Broken()),
            "Could not start the exam: disk I/O error")
        XCTAssertEqual(Command.record(answer, card: nil).failureBanner(Broken()), "Not saved: disk I/O error")
    }
}
