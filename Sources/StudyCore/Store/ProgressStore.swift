import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The learner's progress in one SQLite file (WAL mode, durable commits).
///
/// Every write is its own transaction, committed before the call returns, so a
/// crash or `kill -9` loses nothing that was answered.
public final class ProgressStore: Sendable {
    public static let fileName = "progress.sqlite"
    public let path: String
    private let queue: DatabaseQueue

    /// `$XDG_DATA_HOME/proctor`, else `~/.local/share/proctor`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> URL
    {
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("proctor")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/proctor")
    }

    /// Opens (creating if needed) `progress.sqlite` inside `directory`.
    public convenience init(directory: URL) throws {
        try Self.ensureDirectory(directory)
        try self.init(path: directory.appendingPathComponent(Self.fileName).path)
    }

    public init(path: String) throws {
        self.path = path
        do {
            try Self.ensureWritableFile(path)
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                Self.ensureMathFunctions(db)
            }
            // One connection: the app reads and writes from one thread, and every extra
            // connection costs start-up time. The journal mode is left alone until the schema
            // is known not to be newer, so a newer Proctor's database is never written to.
            queue = try DatabaseQueue(path: path, configuration: config)
            let migrator = StoreSchema.migrator
            try queue.writeWithoutTransaction { db in
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode == "wal" else {
                    throw DatabaseError(message: "could not switch to WAL mode (journal mode is \(mode ?? "unknown"))")
                }
            }
            try migrator.migrate(queue)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    // MARK: - Answers and schedule

    /// Saves an answer and, when given, the question's new FSRS card, atomically.
    @discardableResult
    public func record(_ answer: AnswerRecord, card: Card? = nil) throws -> AnswerRecord {
        try write { db in
            var saved = answer
            try saved.insert(db)
            if let card {
                try CardRecord(packID: answer.packID, questionID: answer.questionID, card: card).save(db)
            }
            return saved
        }
    }

    public func answers(packID: String) throws -> [AnswerRecord] {
        try read { db in
            try AnswerRecord.filter(Column("packID") == packID).order(Column("answeredAt"), Column("id"))
                .fetchAll(db)
        }
    }

    public func answers(packID: String, questionID: String) throws -> [AnswerRecord] {
        try read { db in
            try AnswerRecord.filter(Column("packID") == packID && Column("questionID") == questionID)
                .order(Column("answeredAt"), Column("id")).fetchAll(db)
        }
    }

    /// Per-question totals of the pack's answers (kept by triggers; see `AnswerTallySchema`).
    public func tallies(packID: String) throws -> [String: AnswerTally] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT questionID, answered, correct, newestAt, decayedAnswered, decayedCorrect
                    FROM answerTally WHERE packID = ?
                    """, arguments: [packID])
            var result: [String: AnswerTally] = [:]
            while let row = try rows.next() {
                result[row[0]] = AnswerTally(
                    answered: row[1], correct: row[2], newest: Date(timeIntervalSince1970: row[3]),
                    decayedAnswered: row[4], decayedCorrect: row[5])
            }
            return result
        }
    }

    /// The most recent answer of every question ever answered in the pack (ties on time go to
    /// the later insert), without the picked choices: what summaries and schedules need, read
    /// without decoding JSON per row.
    public func latestAnswers(packID: String) throws -> [String: AnswerRecord] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.id, a.questionID, a.correct, a.secondsTaken, a.mode, a.answeredAt, a.attemptID
                    FROM answerTally t JOIN answer a ON a.id = t.newestID WHERE t.packID = ?
                    """, arguments: [packID])
            var result: [String: AnswerRecord] = [:]
            while let row = try rows.next() {
                let answer = AnswerRecord(
                    id: row[0], packID: packID, questionID: row[1], picked: [], correct: row[2],
                    secondsTaken: row[3], mode: StudyMode(rawValue: row[4]) ?? .practice,
                    answeredAt: Date(timeIntervalSince1970: row[5]), attemptID: row[6])
                result[answer.questionID] = answer
            }
            return result
        }
    }

    /// Answers per UTC quarter hour (index = Unix seconds / 900), oldest first; local days are
    /// counted from them in any time zone.
    public func answersPerQuarter(packID: String) throws -> [QuarterCount] {
        try read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT quarter, answers FROM answerQuarter WHERE packID = ? ORDER BY quarter",
                arguments: [packID])
            var result: [QuarterCount] = []
            while let row = try rows.next() { result.append(QuarterCount(quarter: row[0], answers: row[1])) }
            return result
        }
    }

    public func card(packID: String, questionID: String) throws -> Card? {
        try read { db in
            try CardRecord.filter(Column("packID") == packID && Column("questionID") == questionID)
                .fetchOne(db)?.card
        }
    }

    public func cards(packID: String) throws -> [String: Card] {
        try read { db in
            let rows = try CardRecord.filter(Column("packID") == packID).fetchAll(db)
            return Dictionary(rows.map { ($0.questionID, $0.card) }, uniquingKeysWith: { $1 })
        }
    }

    public func saveCard(_ card: Card, packID: String, questionID: String) throws {
        try write { db in try CardRecord(packID: packID, questionID: questionID, card: card).save(db) }
    }

    // MARK: - Exams

    public func startExam(_ attempt: ExamAttemptRecord) throws -> ExamAttemptRecord {
        try write { db in
            var saved = attempt
            try saved.insert(db)
            return saved
        }
    }

    /// Saves the current pick and flag of one exam question (replacing the previous one).
    /// Refused once the attempt is submitted (for example from another Proctor window).
    public func saveExamAnswer(_ answer: ExamAnswerRecord) throws {
        try write { db in
            let status = try String.fetchOne(
                db, sql: "SELECT status FROM examAttempt WHERE id = ?", arguments: [answer.attemptID])
            guard status == ExamStatus.inProgress.rawValue else { throw StoreError.examClosed(path: path) }
            try answer.save(db)
        }
    }

    public func examAnswers(attemptID: Int64) throws -> [ExamAnswerRecord] {
        try read { db in try ExamAnswerRecord.filter(Column("attemptID") == attemptID).fetchAll(db) }
    }

    /// The newest attempt of the pack still in progress, if any.
    public func inProgressExam(packID: String) throws -> ExamAttemptRecord? {
        try read { db in
            try ExamAttemptRecord.filter(
                Column("packID") == packID && Column("status") == ExamStatus.inProgress.rawValue
            ).order(Column("startedAt").desc, Column("id").desc).fetchOne(db)
        }
    }

    public func exam(id: Int64) throws -> ExamAttemptRecord? {
        try read { db in try ExamAttemptRecord.fetchOne(db, key: id) }
    }

    /// Submitted attempts, oldest first.
    public func submittedExams(packID: String) throws -> [ExamAttemptRecord] {
        try read { db in
            try ExamAttemptRecord.filter(
                Column("packID") == packID && Column("status") == ExamStatus.submitted.rawValue
            ).order(Column("startedAt"), Column("id")).fetchAll(db)
        }
    }

    /// Closes an attempt: marks it submitted with its score, and records every
    /// answer in the history together with its new card, in one transaction.
    public func submitExam(
        attemptID: Int64, submittedAt: Date, scorePercent: Double, passed: Bool,
        answers: [AnswerRecord], cards: [String: Card]
    ) throws {
        try write { db in
            guard var attempt = try ExamAttemptRecord.fetchOne(db, key: attemptID), attempt.status == .inProgress
            else { throw StoreError.examClosed(path: path) }
            attempt.status = .submitted
            attempt.submittedAt = submittedAt
            attempt.scorePercent = scorePercent
            attempt.passed = passed
            try attempt.update(db)
            for var answer in answers {
                answer.attemptID = attemptID
                try answer.insert(db)
            }
            for (questionID, card) in cards {
                try CardRecord(packID: attempt.packID, questionID: questionID, card: card).save(db)
            }
        }
    }

    // MARK: - Settings

    // MARK: - Backup

    /// Writes a consistent copy of the whole database to a new file at `path`, with SQLite's
    /// online backup: an answer saved meanwhile by another window is either in the copy or not,
    /// never half. The copy is readable by its owner only and never replaces an existing file;
    /// a failed copy is removed.
    public func backup(to path: String) throws {
        let code = Self.createPrivateFile(path)
        guard code == 0 else {
            if code == EEXIST { throw StoreError.backupExists(path: path) }
            throw StoreError.cannotWriteBackup(path: path, reason: String(cString: strerror(code)))
        }
        do {
            let target = try DatabaseQueue(path: path)
            try queue.backup(to: target)
            try target.close()
        } catch {
            unlink(path)
            throw StoreError.from(error, path: path)
        }
    }

    // MARK: - Health

    /// SQLite's own integrity check; "ok" when the file is sound.
    /// SQLite's own check of the file, for the tests.
    func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }

    // MARK: - Plumbing

    /// The tally triggers call `exp`. SQLite builds without its math functions get ours.
    private static func ensureMathFunctions(_ db: Database) {
        if (try? Double.fetchOne(db, sql: "SELECT exp(0)")) != nil { return }
        db.add(
            function: DatabaseFunction("exp", argumentCount: 1, pure: true) { values in
                Double.fromDatabaseValue(values[0]).map { Foundation.exp($0) }
            })
    }

    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch { throw StoreError.from(error, path: path) }
    }

    private func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch { throw StoreError.from(error, path: path) }
    }

    private static func ensureDirectory(_ directory: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw StoreError.cannotCreateDirectory(path: directory.path, reason: "a file is in the way")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.cannotCreateDirectory(path: directory.path, reason: error.localizedDescription)
        }
    }

    /// Creates the database file, readable only by its owner since it holds study history, or
    /// checks that an existing one can be written: SQLite would quietly open a read-only file
    /// read-only, and the first answer would then fail to save.
    private static func ensureWritableFile(_ path: String) throws {
        var code = createPrivateFile(path)
        if code == EEXIST {
            let fd = open(path, O_RDWR | O_CLOEXEC)
            code = fd >= 0 ? 0 : errno
            if fd >= 0 { close(fd) }
        }
        if code == 0 { return }
        let reason = String(cString: strerror(code))
        if code == EACCES || code == EROFS || code == EPERM {
            throw StoreError.readOnly(path: path, reason: reason)
        }
        throw StoreError.unreadable(path: path, reason: reason)
    }

    /// Creates a new, empty file that only its owner may read (study history is private);
    /// 0 on success, else the errno (EEXIST when the file is already there).
    private static func createPrivateFile(_ path: String) -> Int32 {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return errno }
        close(fd)
        return 0
    }
}
