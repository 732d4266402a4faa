import Foundation
import GRDB
import XCTest

@testable import StudyCore

final class ProgressStoreTests: XCTestCase {
    private var directory: URL!
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("proctor-store-\(UUID().uuidString)")
            .appendingPathComponent("data")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    private func answer(_ id: String, correct: Bool, at offset: TimeInterval = 0, mode: StudyMode = .practice)
        -> AnswerRecord
    {
        AnswerRecord(
            packID: "pmle", questionID: id, picked: [1, 3], correct: correct, secondsTaken: 12.5,
            mode: mode, answeredAt: t0.addingTimeInterval(offset))
    }

    func testAnswerAndCardRoundTrip() throws {
        let store = try ProgressStore(directory: directory)
        let card = FSRSScheduler().review(.new(at: t0), rating: .good, at: t0)
        let saved = try store.record(answer("q1", correct: true), card: card)
        XCTAssertNotNil(saved.id)

        let reopened = try ProgressStore(directory: directory)
        let answers = try reopened.answers(packID: "pmle")
        XCTAssertEqual(answers.count, 1)
        XCTAssertEqual(answers.first?.picked, [1, 3])
        XCTAssertEqual(answers.first?.mode, .practice)
        XCTAssertEqual(answers.first?.answeredAt, t0)
        XCTAssertEqual(try reopened.card(packID: "pmle", questionID: "q1"), card)
        XCTAssertTrue(try reopened.answers(packID: "other").isEmpty)
    }

    func testLatestAnswerWinsPerQuestion() throws {
        let store = try ProgressStore(directory: directory)
        try store.record(answer("q1", correct: false, at: 0))
        try store.record(answer("q1", correct: true, at: 60))
        try store.record(answer("q2", correct: false, at: 30))
        let latest = try store.latestAnswers(packID: "pmle")
        XCTAssertEqual(latest["q1"]?.correct, true)
        XCTAssertEqual(latest["q2"]?.correct, false)
        XCTAssertEqual(try store.answers(packID: "pmle").count, 3)
    }

    func testBackupIsAPrivateCompleteCopyAndNeverReplacesAFile() throws {
        let store = try ProgressStore(directory: directory)
        let card = FSRSScheduler().review(.new(at: t0), rating: .good, at: t0)
        try store.record(answer("q1", correct: true), card: card)
        try store.record(answer("q2", correct: false, at: 60))
        let copy = directory.deletingLastPathComponent().appendingPathComponent("backup.sqlite").path
        try store.backup(to: copy)
        let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)

        let restored = try ProgressStore(path: copy)
        XCTAssertEqual(try restored.answers(packID: "pmle").map(\.questionID), ["q1", "q2"])
        XCTAssertEqual(try restored.card(packID: "pmle", questionID: "q1"), card)
        XCTAssertEqual(try restored.integrityCheck(), "ok")

        XCTAssertThrowsError(try store.backup(to: copy)) { error in
            XCTAssertEqual(error as? StoreError, .backupExists(path: copy))
        }
        XCTAssertEqual(try restored.answers(packID: "pmle").count, 2, "the existing copy is untouched")
    }

    func testFilePermissionsArePrivate() throws {
        let store = try ProgressStore(directory: directory)
        try store.record(answer("q1", correct: true))
        let fileMode = try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        XCTAssertEqual(fileMode, 0o600)
        XCTAssertEqual(dirMode, 0o700)
    }

    func testMigratesAnEmptyFile() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(ProgressStore.fileName).path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try ProgressStore(path: path)
        XCTAssertEqual(try store.integrityCheck(), "ok")
        XCTAssertEqual(try store.answers(packID: "pmle"), [])
    }

    func testCorruptFileIsReportedAndNeverReplaced() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(ProgressStore.fileName).path
        let garbage = Data(repeating: 0x5A, count: 8192)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: garbage))
        XCTAssertThrowsError(try ProgressStore(path: path)) { error in
            guard case StoreError.corrupt(let reported, _) = error else {
                return XCTFail("expected .corrupt, got \(error)")
            }
            XCTAssertEqual(reported, path)
            XCTAssertTrue("\(error)".contains("mv '\(path)'"))
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), garbage)
    }

    func testNewerSchemaIsRefused() throws {
        let store = try ProgressStore(directory: directory)
        try store.record(answer("q1", correct: true))
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v999-from-the-future')")
        }
        XCTAssertThrowsError(try ProgressStore(directory: directory)) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema(path: store.path))
        }
    }

    func testInProgressExamResumesWithDeadline() throws {
        let store = try ProgressStore(directory: directory)
        let items = [
            StoredExamItem(questionID: "q1", choiceOrder: [2, 0, 1, 3]),
            StoredExamItem(questionID: "q2", choiceOrder: [0, 1, 2]),
        ]
        let deadline = t0.addingTimeInterval(7200)
        let started = try store.startExam(
            ExamAttemptRecord(packID: "pmle", seed: UInt64.max - 5, items: items, startedAt: t0, deadline: deadline))
        let attemptID = try XCTUnwrap(started.id)
        try store.saveExamAnswer(
            ExamAnswerRecord(attemptID: attemptID, questionID: "q1", picked: [0], flagged: false, updatedAt: t0))
        try store.saveExamAnswer(
            ExamAnswerRecord(attemptID: attemptID, questionID: "q1", picked: [2], flagged: true, updatedAt: t0))

        let reopened = try ProgressStore(directory: directory)
        let resumed = try XCTUnwrap(try reopened.inProgressExam(packID: "pmle"))
        XCTAssertEqual(resumed.deadline, deadline)
        XCTAssertEqual(resumed.items, items)
        XCTAssertEqual(resumed.assemblySeed, UInt64.max - 5)
        let saved = try reopened.examAnswers(attemptID: attemptID)
        XCTAssertEqual(saved.count, 1)
        XCTAssertEqual(saved.first?.picked, [2])
        XCTAssertEqual(saved.first?.flagged, true)

        let card = FSRSScheduler().review(.new(at: t0), rating: .again, at: t0)
        try reopened.submitExam(
            attemptID: attemptID, submittedAt: t0.addingTimeInterval(600), scorePercent: 50, passed: false,
            answers: [answer("q1", correct: false, mode: .exam)], cards: ["q1": card])
        XCTAssertNil(try reopened.inProgressExam(packID: "pmle"))
        // A second window can neither change nor resubmit the closed attempt.
        XCTAssertThrowsError(
            try reopened.saveExamAnswer(
                ExamAnswerRecord(attemptID: attemptID, questionID: "q2", picked: [1], flagged: false, updatedAt: t0))
        ) { XCTAssertEqual($0 as? StoreError, .examClosed(path: reopened.path)) }
        XCTAssertThrowsError(
            try reopened.submitExam(
                attemptID: attemptID, submittedAt: t0, scorePercent: 100, passed: true, answers: [], cards: [:]))
        let exams = try reopened.submittedExams(packID: "pmle")
        XCTAssertEqual(exams.map(\.scorePercent), [50])
        XCTAssertEqual(try reopened.answers(packID: "pmle").first?.attemptID, attemptID)
        XCTAssertEqual(try reopened.card(packID: "pmle", questionID: "q1"), card)
    }

    func testTwoStoresOnOneFileLoseNothing() throws {
        let first = try ProgressStore(directory: directory)
        let second = try ProgressStore(directory: directory)
        let perWriter = 200
        let records = (0..<2).map { writer in
            (0..<perWriter).map { answer("w\(writer)-q\($0)", correct: $0 % 2 == 0) }
        }
        let failures = FailureLog()
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            let store = writer == 0 ? first : second
            for record in records[writer] {
                do { try store.record(record) } catch { failures.add("\(error)") }
            }
        }
        XCTAssertEqual(failures.all, [])
        XCTAssertEqual(try first.answers(packID: "pmle").count, 2 * perWriter)
        XCTAssertEqual(try second.integrityCheck(), "ok")
    }

    func testDailyCountsGroupByLocalDay() throws {
        let store = try ProgressStore(directory: directory)
        try store.record(answer("q1", correct: true, at: 0))
        try store.record(answer("q2", correct: true, at: 10))
        try store.record(answer("q3", correct: true, at: 3 * 86_400))
        let counts = try ProgressSnapshot.load(from: store, packID: "pmle").answersPerDay(
            since: t0.addingTimeInterval(-86_400))
        XCTAssertEqual(counts.values.reduce(0, +), 3)
        XCTAssertEqual(counts.count, 2)
        XCTAssertEqual(counts.values.max(), 2)
    }

    func testDefaultDirectoryFollowsXDG() {
        XCTAssertEqual(
            ProgressStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"]).path,
            "/x/data/proctor")
        XCTAssertEqual(
            ProgressStore.defaultDirectory(environment: ["HOME": "/home/u"]).path, "/home/u/.local/share/proctor")
        XCTAssertEqual(
            ProgressStore.defaultDirectory(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]).path,
            "/home/u/.local/share/proctor")
    }
}

private final class FailureLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
