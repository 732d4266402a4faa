import GRDB

/// Schema migrations. Append new migrations; never edit a shipped one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "answer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("packID", .text).notNull()
                t.column("questionID", .text).notNull()
                t.column("picked", .text).notNull()
                t.column("correct", .boolean).notNull()
                t.column("secondsTaken", .double).notNull()
                t.column("mode", .text).notNull()
                t.column("answeredAt", .double).notNull()
                t.column("attemptID", .integer)
            }
            try db.create(index: "answer_by_question", on: "answer", columns: ["packID", "questionID", "answeredAt"])
            try db.create(index: "answer_by_time", on: "answer", columns: ["packID", "answeredAt"])

            try db.create(table: "examAttempt") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("packID", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("items", .text).notNull()
                t.column("startedAt", .double).notNull()
                t.column("deadline", .double).notNull()
                t.column("status", .text).notNull()
                t.column("submittedAt", .double)
                t.column("scorePercent", .double)
                t.column("passed", .boolean)
            }
            try db.create(table: "examAnswer") { t in
                t.column("attemptID", .integer).notNull().references("examAttempt", onDelete: .cascade)
                t.column("questionID", .text).notNull()
                t.column("picked", .text).notNull()
                t.column("flagged", .boolean).notNull()
                t.column("updatedAt", .double).notNull()
                t.primaryKey(["attemptID", "questionID"])
            }
            try db.create(table: "card") { t in
                t.column("packID", .text).notNull()
                t.column("questionID", .text).notNull()
                t.column("state", .integer).notNull()
                t.column("step", .integer)
                t.column("stability", .double)
                t.column("difficulty", .double)
                t.column("due", .double).notNull()
                t.column("lastReview", .double)
                t.primaryKey(["packID", "questionID"])
            }
            try db.create(index: "card_by_due", on: "card", columns: ["packID", "due"])
            try db.create(table: "setting") { t in
                t.column("key", .text).primaryKey()
                t.column("value", .text).notNull()
            }
        }
        migrator.registerMigration("v2-tallies") { db in
            try AnswerTallySchema.create(in: db)
        }
        return migrator
    }
}
