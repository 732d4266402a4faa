import Foundation
import XCTest

@testable import StudyCore

final class ProgressSnapshotTests: XCTestCase {
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    private func answer(_ id: String, _ correct: Bool, _ offset: TimeInterval) -> AnswerRecord {
        AnswerRecord(
            packID: "p", questionID: id, picked: [0], correct: correct, secondsTaken: 1, mode: .practice,
            answeredAt: t0.addingTimeInterval(offset))
    }

    func testLatestMissedAndDueFollowTheNewestAnswer() {
        let scheduler = FSRSScheduler()
        var snapshot = ProgressSnapshot(
            packID: "p",
            answers: [answer("a", false, 0), answer("b", true, 10), answer("a", true, 20), answer("c", false, 30)])
        XCTAssertEqual(snapshot.missed(among: ["a", "b", "c", "d"]), ["c"])
        XCTAssertEqual(snapshot.lastSeen["a"], t0.addingTimeInterval(20))

        let due = scheduler.review(.new(at: t0), rating: .again, at: t0)
        let later = scheduler.review(.new(at: t0), rating: .easy, at: t0)
        let revision = snapshot.revision
        snapshot.apply(card: due, questionID: "c")
        snapshot.apply(card: later, questionID: "b")
        XCTAssertGreaterThan(snapshot.revision, revision)
        XCTAssertEqual(snapshot.due(at: t0.addingTimeInterval(3600), among: ["a", "b", "c"]), ["c"])
    }

    /// Ids that leave the pack keep their history, and pick it up again if they come back.
    func testHistoryOfRemovedQuestionsIsKept() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("snap-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ProgressStore(directory: directory)
        try store.record(answer("gone-001", false, 0))
        try store.record(answer("kept-001", true, 5))
        let snapshot = try ProgressSnapshot.load(from: store, packID: "p")
        XCTAssertEqual(snapshot.latest["gone-001"]?.correct, false)
        XCTAssertEqual(snapshot.missed(among: ["kept-001"]), [])
        XCTAssertEqual(snapshot.missed(among: ["kept-001", "gone-001"]), ["gone-001"])
    }
}
