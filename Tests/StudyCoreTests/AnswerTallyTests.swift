import Foundation
import GRDB
import XCTest

@testable import StudyCore

/// The store's trigger-kept tallies against the same answers folded in Swift, and both against
/// the plain per-answer definitions they replace.
final class AnswerTallyTests: XCTestCase {
    private var directory: URL!
    private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func answer(_ id: String, _ correct: Bool, _ offset: TimeInterval) -> AnswerRecord {
        AnswerRecord(
            packID: "p", questionID: id, picked: [0], correct: correct, secondsTaken: 3, mode: .practice,
            answeredAt: t0.addingTimeInterval(offset))
    }

    /// Answers in a shuffled time order, with ties, over two months.
    private func randomAnswers(count: Int, seed: UInt64) -> [AnswerRecord] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let question = "q0-\(rng.next() % 7)"
            let offset = Double(rng.next() % 60) * 86_400 + Double(rng.next() % 4) * 900
            return answer(question, rng.next() % 3 != 0, offset)
        }
    }

    private func assertSame(
        _ a: [String: AnswerTally], _ b: [String: AnswerTally], file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(Set(a.keys), Set(b.keys), file: file, line: line)
        for (id, x) in a {
            guard let y = b[id] else { continue }
            XCTAssertEqual(x.answered, y.answered, id, file: file, line: line)
            XCTAssertEqual(x.correct, y.correct, id, file: file, line: line)
            XCTAssertEqual(x.newest, y.newest, id, file: file, line: line)
            XCTAssertEqual(x.decayedAnswered, y.decayedAnswered, accuracy: 1e-9, id, file: file, line: line)
            XCTAssertEqual(x.decayedCorrect, y.decayedCorrect, accuracy: 1e-9, id, file: file, line: line)
        }
    }

    func testDecayedSumsMatchTheirDefinition() {
        let halfLife = AnswerTally.storedHalfLife
        let answers = randomAnswers(count: 200, seed: 3).filter { $0.questionID == "q0-1" }
        var tally = AnswerTally(correct: answers[0].correct, at: answers[0].answeredAt)
        for a in answers.dropFirst() { tally.add(correct: a.correct, at: a.answeredAt) }
        let newest = answers.map(\.answeredAt).max()!
        let weights = answers.map { pow(0.5, newest.timeIntervalSince($0.answeredAt) / halfLife) }
        XCTAssertEqual(tally.newest, newest)
        XCTAssertEqual(tally.answered, answers.count)
        XCTAssertEqual(tally.correct, answers.filter(\.correct).count)
        XCTAssertEqual(tally.decayedAnswered, weights.reduce(0, +), accuracy: 1e-9)
        XCTAssertEqual(
            tally.decayedCorrect, zip(answers, weights).filter { $0.0.correct }.map(\.1).reduce(0, +), accuracy: 1e-9)
        let later = newest.addingTimeInterval(halfLife)
        XCTAssertEqual(tally.decayed(to: later).answered, tally.decayedAnswered / 2, accuracy: 1e-9)
    }

    func testTriggersKeepTalliesAsSwiftFoldsThem() throws {
        let store = try ProgressStore(directory: directory)
        let answers = randomAnswers(count: 300, seed: 11)
        for a in answers { try store.record(a) }
        let expected = ProgressSnapshot(packID: "p", answers: answers)
        let loaded = try ProgressSnapshot.load(from: store, packID: "p")
        assertSame(try store.tallies(packID: "p"), expected.tallies)
        XCTAssertEqual(loaded.answersPerQuarter, expected.answersPerQuarter)
        XCTAssertEqual(loaded.latest.mapValues(\.answeredAt), expected.latest.mapValues(\.answeredAt))
        XCTAssertEqual(loaded.latest.mapValues(\.correct), expected.latest.mapValues(\.correct))
        XCTAssertTrue(try store.tallies(packID: "other").isEmpty)
    }

    func testTiesOnTimeGoToTheLaterAnswer() throws {
        let store = try ProgressStore(directory: directory)
        try store.record(answer("q", true, 0))
        try store.record(answer("q", false, 0))
        XCTAssertEqual(try store.latestAnswers(packID: "p")["q"]?.correct, false)
        XCTAssertEqual(
            ProgressSnapshot(packID: "p", answers: [answer("q", true, 0), answer("q", false, 0)])
                .latest["q"]?.correct, false)
    }

    /// Rows changed or deleted behind the app's back (a repair by hand, another tool) still
    /// leave the tallies equal to the answers.
    func testDeletesAndUpdatesRebuildTheTallies() throws {
        let store = try ProgressStore(directory: directory)
        let answers = randomAnswers(count: 120, seed: 5)
        for a in answers { try store.record(a) }
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM answer WHERE id % 4 = 0")
            try db.execute(
                sql: "UPDATE answer SET correct = 1 - correct, answeredAt = answeredAt + 3600 WHERE id % 5 = 0")
            try db.execute(sql: "UPDATE answer SET questionID = 'moved' WHERE id % 7 = 0")
        }
        let remaining = try store.answers(packID: "p")
        assertSame(try store.tallies(packID: "p"), ProgressSnapshot(packID: "p", answers: remaining).tallies)
        XCTAssertEqual(
            try store.answersPerQuarter(packID: "p"),
            ProgressSnapshot(packID: "p", answers: remaining).answersPerQuarter)
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    /// A database written before the tallies existed gets them from its answers when opened.
    func testMigrationFillsTalliesFromExistingAnswers() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(ProgressStore.fileName).path
        let answers = randomAnswers(count: 150, seed: 9)
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            for var a in answers { try a.insert(db) }
        }
        try queue.close()
        let store = try ProgressStore(path: path)
        assertSame(try store.tallies(packID: "p"), ProgressSnapshot(packID: "p", answers: answers).tallies)
        XCTAssertEqual(
            try store.answersPerQuarter(packID: "p"), ProgressSnapshot(packID: "p", answers: answers).answersPerQuarter)
        try store.record(answer("q1", true, 90 * 86_400))
        XCTAssertEqual(try store.tallies(packID: "p")["q1"]?.newest, t0.addingTimeInterval(90 * 86_400))
    }

    /// Quarter hours add up to the same local days as the answers themselves, also in zones a
    /// quarter or half hour off UTC.
    func testDaysFromQuartersMatchDaysFromAnswers() throws {
        let answers = (0..<400).map { i in answer("q", true, Double(i) * 1_337 + 0.5) }
        let snapshot = ProgressSnapshot(packID: "p", answers: answers)
        for zone in ["UTC", "Asia/Kathmandu", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham"] {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = try XCTUnwrap(TimeZone(identifier: zone))
            var direct: [Date: Int] = [:]
            for a in answers { direct[calendar.startOfDay(for: a.answeredAt), default: 0] += 1 }
            XCTAssertEqual(snapshot.answersPerDay(calendar: calendar), direct, zone)
            let since = calendar.startOfDay(for: t0.addingTimeInterval(2 * 86_400))
            XCTAssertEqual(
                snapshot.answersPerDay(since: since, calendar: calendar), direct.filter { $0.key >= since }, zone)
        }
    }

    /// Readiness from tallies equals the weighted mean written out over the answers.
    func testReadinessFromTalliesIsTheWeightedMean() throws {
        let pack = makePack(weights: [100], perSection: [7])
        let answers = randomAnswers(count: 250, seed: 21)
        let snapshot = ProgressSnapshot(packID: "p", answers: answers)
        let readiness = ReadinessCalculator.readiness(pack: pack, tallies: snapshot.tallies)
        let newest = answers.map(\.answeredAt).max()!
        let weights = answers.map { pow(0.5, newest.timeIntervalSince($0.answeredAt) / AnswerTally.storedHalfLife) }
        let expected =
            zip(answers, weights).filter { $0.0.correct }.map(\.1).reduce(0, +) / weights.reduce(0, +)
        XCTAssertEqual(try XCTUnwrap(readiness.first?.score), expected, accuracy: 1e-12)
        XCTAssertEqual(readiness.first?.basedOn, 7)
    }
}
