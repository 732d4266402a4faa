import Foundation
import GRDB

/// Per-question and per-quarter-hour totals of the answer table, kept current by triggers, so
/// summaries read a few hundred rows however long the history (and stay right when another
/// program inserts answers).
///
/// - `answerTally`: one row per question: counts, the newest answer, and recency-weighted sums
///   relative to it (see `AnswerTally`, whose `add` is the same arithmetic in Swift).
/// - `answerQuarter`: answers per UTC quarter hour (see `QuarterCount`).
enum AnswerTallySchema {
    /// ln 2 / half-life, the decay rate the triggers use.
    private static var rate: String { "\(M_LN2 / AnswerTally.storedHalfLife)" }

    static func create(in db: Database) throws {
        try db.create(table: "answerTally") { t in
            t.column("packID", .text).notNull()
            t.column("questionID", .text).notNull()
            t.column("answered", .integer).notNull()
            t.column("correct", .integer).notNull()
            t.column("newestAt", .double).notNull()
            t.column("newestID", .integer).notNull()
            t.column("decayedAnswered", .double).notNull()
            t.column("decayedCorrect", .double).notNull()
            t.primaryKey(["packID", "questionID"])
        }
        try db.create(table: "answerQuarter") { t in
            t.column("packID", .text).notNull()
            t.column("quarter", .integer).notNull()
            t.column("answers", .integer).notNull()
            t.primaryKey(["packID", "quarter"])
        }
        try db.execute(sql: rebuildTally(where: "1"))
        try db.execute(
            sql: """
                INSERT INTO answerQuarter (packID, quarter, answers)
                SELECT packID, CAST(answeredAt / 900 AS INTEGER) AS q, COUNT(*) FROM answer GROUP BY packID, q
                """)
        try db.execute(
            sql: """
                CREATE TRIGGER answer_tally_insert AFTER INSERT ON answer BEGIN
                  INSERT INTO answerTally
                    (packID, questionID, answered, correct, newestAt, newestID, decayedAnswered, decayedCorrect)
                  VALUES (NEW.packID, NEW.questionID, 1, NEW.correct, NEW.answeredAt, NEW.id, 1.0, NEW.correct)
                  ON CONFLICT (packID, questionID) DO UPDATE SET
                    answered = answered + 1,
                    correct = correct + excluded.correct,
                    decayedAnswered = CASE WHEN excluded.newestAt >= newestAt
                      THEN decayedAnswered * exp((newestAt - excluded.newestAt) * \(rate)) + 1
                      ELSE decayedAnswered + exp((excluded.newestAt - newestAt) * \(rate)) END,
                    decayedCorrect = CASE WHEN excluded.newestAt >= newestAt
                      THEN decayedCorrect * exp((newestAt - excluded.newestAt) * \(rate)) + excluded.correct
                      ELSE decayedCorrect + excluded.correct * exp((excluded.newestAt - newestAt) * \(rate)) END,
                    newestID = CASE WHEN excluded.newestAt >= newestAt THEN excluded.newestID ELSE newestID END,
                    newestAt = max(newestAt, excluded.newestAt);
                  \(addQuarter("NEW"))
                END;
                CREATE TRIGGER answer_tally_delete AFTER DELETE ON answer BEGIN
                  \(rebuildTally(for: "OLD"))
                  \(removeQuarter("OLD"))
                END;
                CREATE TRIGGER answer_tally_update
                AFTER UPDATE OF id, packID, questionID, correct, answeredAt ON answer BEGIN
                  \(rebuildTally(for: "OLD"))
                  \(rebuildTally(for: "NEW"))
                  \(removeQuarter("OLD"))
                  \(addQuarter("NEW"))
                END;
                """)
    }

    private static func addQuarter(_ row: String) -> String {
        """
        INSERT INTO answerQuarter (packID, quarter, answers)
          VALUES (\(row).packID, CAST(\(row).answeredAt / 900 AS INTEGER), 1)
          ON CONFLICT (packID, quarter) DO UPDATE SET answers = answers + 1;
        """
    }

    private static func removeQuarter(_ row: String) -> String {
        """
        UPDATE answerQuarter SET answers = answers - 1
          WHERE packID = \(row).packID AND quarter = CAST(\(row).answeredAt / 900 AS INTEGER);
        DELETE FROM answerQuarter WHERE packID = \(row).packID AND answers <= 0;
        """
    }

    /// Recomputes the tally of the question of `row` (OLD or NEW) from its answers.
    private static func rebuildTally(for row: String) -> String {
        """
        DELETE FROM answerTally WHERE packID = \(row).packID AND questionID = \(row).questionID;
        \(rebuildTally(where: "a.packID = \(row).packID AND a.questionID = \(row).questionID"));
        """
    }

    /// Inserts the tallies of the questions whose answers match `condition` (on `answer a`).
    private static func rebuildTally(where condition: String) -> String {
        """
        INSERT INTO answerTally
          (packID, questionID, answered, correct, newestAt, newestID, decayedAnswered, decayedCorrect)
        SELECT a.packID, a.questionID, COUNT(*), SUM(a.correct), n.newestAt,
          (SELECT b.id FROM answer b WHERE b.packID = a.packID AND b.questionID = a.questionID
            ORDER BY b.answeredAt DESC, b.id DESC LIMIT 1),
          SUM(exp((a.answeredAt - n.newestAt) * \(rate))),
          SUM(a.correct * exp((a.answeredAt - n.newestAt) * \(rate)))
        FROM answer a JOIN (
          SELECT a.packID, a.questionID, max(a.answeredAt) AS newestAt FROM answer a
          WHERE \(condition) GROUP BY a.packID, a.questionID
        ) n ON a.packID = n.packID AND a.questionID = n.questionID
        WHERE \(condition)
        GROUP BY a.packID, a.questionID
        """
    }
}
