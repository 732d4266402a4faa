import XCTest

@testable import StudyCore

/// Builds an in-memory pack: `perSection[i]` questions in section i (weights as given).
func makePack(weights: [Int], perSection: [Int], choices: Int = 4, passing: Double = 70) -> ExamPack {
    var sections: [Section] = []
    var questions: [Question] = []
    for (i, w) in weights.enumerated() {
        let sub = Subsection(
            id: "s\(i).1", title: "Sub \(i)", considerations: [Consideration(id: "c\(i)", text: "C\(i)")])
        sections.append(Section(id: "s\(i)", title: "Section \(i)", weight: w, subsections: [sub]))
        for n in 0..<perSection[i] {
            let kind: QuestionKind = n % 5 == 4 ? .multiple : .single
            let cs = (0..<choices).map {
                Choice(text: "c\($0)", isCorrect: $0 == 0 || (kind == .multiple && $0 == 1), why: "w")
            }
            questions.append(
                Question(
                    id: "q\(i)-\(n)", subsectionID: sub.id, covers: ["c\(i)"], kind: kind,
                    difficulty: 1 + n % 3, stem: "stem", choices: cs, explanation: "e", refs: []))
        }
    }
    return ExamPack(
        id: "mem", title: "Memory", exam: ExamFacts(minutes: 120, questionCount: 50, passingPercent: passing),
        sections: sections, questions: questions)
}

final class ExamAssemblerTests: XCTestCase {
    func testLargestRemainderAllocation() {
        let weights = [12, 16, 18, 19, 21, 14]
        let plenty = Array(repeating: 100, count: 6)
        let a = ExamAssembler.allocate(count: 50, weights: weights, available: plenty)
        XCTAssertEqual(a.reduce(0, +), 50)
        // Quotas 6, 8, 9, 9.5, 10.5, 7: the one spare seat goes to the tie with the larger weight.
        XCTAssertEqual(a, [6, 8, 9, 9, 11, 7])
        for count in [1, 7, 13, 49, 60, 333] {
            let x = ExamAssembler.allocate(count: count, weights: weights, available: Array(repeating: 1000, count: 6))
            XCTAssertEqual(x.reduce(0, +), count, "count \(count)")
            for (i, w) in weights.enumerated() {
                let exact = Double(count * w) / 100
                XCTAssertLessThanOrEqual(abs(Double(x[i]) - exact), 1.0, "count \(count) section \(i)")
            }
        }
        XCTAssertEqual(ExamAssembler.allocate(count: 10, weights: [60, 40], available: [100, 100]), [6, 4])
        XCTAssertEqual(ExamAssembler.allocate(count: 0, weights: [60, 40], available: [100, 100]), [0, 0])
        XCTAssertEqual(ExamAssembler.allocate(count: -3, weights: [60, 40], available: [100, 100]), [0, 0])
    }

    func testShortSectionsRedistribute() {
        // Section 0 wants 25 but has 3; the other 22 go to the rest by weight.
        let a = ExamAssembler.allocate(count: 50, weights: [50, 30, 20], available: [3, 100, 100])
        XCTAssertEqual(a, [3, 28, 19])  // 47 * 30/50 = 28.2, 47 * 20/50 = 18.8
        XCTAssertEqual(a.reduce(0, +), 50)
        // Everything short: take all there is.
        XCTAssertEqual(ExamAssembler.allocate(count: 50, weights: [50, 50], available: [4, 5]), [4, 5])
        // Zero-weight sections are used only when weighted ones run out.
        XCTAssertEqual(ExamAssembler.allocate(count: 6, weights: [100, 0], available: [4, 10]), [4, 2])
        XCTAssertEqual(ExamAssembler.allocate(count: 3, weights: [100, 0], available: [4, 10]), [3, 0])
    }

    func testAssemblyFollowsWeightsWithoutRepeats() {
        let pack = makePack(weights: [12, 16, 18, 19, 21, 14], perSection: [20, 20, 20, 20, 20, 20])
        let items = ExamAssembler.assemble(pack: pack, count: 50, seed: 7, lastSeen: [:], now: Date())
        XCTAssertEqual(items.count, 50)
        XCTAssertEqual(Set(items.map(\.questionID)).count, 50, "no repeats")
        let per = Dictionary(grouping: items) { pack.sectionID(ofQuestion: $0.questionID)! }.mapValues(\.count)
        XCTAssertEqual(per, ["s0": 6, "s1": 8, "s2": 9, "s3": 9, "s4": 11, "s5": 7])
        for item in items {
            let q = pack.question(id: item.questionID)!
            XCTAssertEqual(item.choiceOrder.sorted(), Array(q.choices.indices), "choice order is a permutation")
        }
        // Sections are interleaved, not in blocks.
        let firstTen = Set(items.prefix(10).map { pack.sectionID(ofQuestion: $0.questionID)! })
        XCTAssertGreaterThan(firstTen.count, 1)
    }

    func testSameSeedSameExamDifferentSeedDifferentExam() {
        let pack = makePack(weights: [50, 50], perSection: [30, 30])
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let a = ExamAssembler.assemble(pack: pack, count: 20, seed: 123, lastSeen: [:], now: now)
        let b = ExamAssembler.assemble(pack: pack, count: 20, seed: 123, lastSeen: [:], now: now)
        let c = ExamAssembler.assemble(pack: pack, count: 20, seed: 124, lastSeen: [:], now: now)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, c)
        XCTAssertNotEqual(a.map(\.choiceOrder), c.map(\.choiceOrder))
        // Choice orders actually get shuffled.
        XCTAssertTrue(a.contains { $0.choiceOrder != [0, 1, 2, 3] })
    }

    func testSplitMix64IsStable() {
        var g = SplitMix64(seed: 0)
        // Reference values of SplitMix64 for seed 0.
        XCTAssertEqual(g.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(g.next(), 0x6E78_9E6A_A1B9_65F4)
        var h = SplitMix64(seed: 99)
        var counts = [0, 0, 0]
        for _ in 0..<3000 { counts[h.below(3)] += 1 }
        XCTAssertTrue(counts.allSatisfy { $0 > 900 }, "\(counts)")
    }

    func testPrefersNeverSeenThenOldest() {
        let pack = makePack(weights: [100], perSection: [10])
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var lastSeen: [String: Date] = [:]
        // q0-0 ... q0-6 seen 0...6 days ago; q0-7, q0-8, q0-9 never seen.
        for n in 0..<7 { lastSeen["q0-\(n)"] = now.addingTimeInterval(-Double(n) * 86_400 - 60) }
        for seed in UInt64(0)..<20 {
            let items = ExamAssembler.assemble(pack: pack, count: 5, seed: seed, lastSeen: lastSeen, now: now)
            XCTAssertEqual(Set(items.map(\.questionID)), ["q0-7", "q0-8", "q0-9", "q0-6", "q0-5"], "seed \(seed)")
        }
        // Everything seen: oldest first.
        for n in 7..<10 { lastSeen["q0-\(n)"] = now.addingTimeInterval(-60) }
        let items = ExamAssembler.assemble(pack: pack, count: 3, seed: 5, lastSeen: lastSeen, now: now)
        XCTAssertEqual(Set(items.map(\.questionID)), ["q0-6", "q0-5", "q0-4"])
        // A future date counts as just seen.
        lastSeen["q0-6"] = now.addingTimeInterval(86_400 * 10)
        let later = ExamAssembler.assemble(pack: pack, count: 2, seed: 5, lastSeen: lastSeen, now: now)
        XCTAssertEqual(Set(later.map(\.questionID)), ["q0-5", "q0-4"])
    }

    func testSmallBankAndSectionFilter() {
        let pack = makePack(weights: [70, 30], perSection: [2, 3])
        let all = ExamAssembler.assemble(pack: pack, count: 50, seed: 1, lastSeen: [:], now: Date())
        XCTAssertEqual(all.count, 5)
        XCTAssertEqual(Set(all.map(\.questionID)).count, 5)
        let only = ExamAssembler.assemble(pack: pack, count: 10, seed: 1, lastSeen: [:], now: Date(), sections: ["s1"])
        XCTAssertEqual(Set(only.map(\.questionID)), ["q1-0", "q1-1", "q1-2"])
        XCTAssertEqual(ExamAssembler.assemble(pack: pack, count: 0, seed: 1, lastSeen: [:], now: Date()), [])
    }

    func testExamItemIndexMapping() {
        let item = ExamItem(questionID: "q", choiceOrder: [2, 0, 3, 1])
        XCTAssertEqual(item.originalIndex(ofDisplayed: 0), 2)
        XCTAssertNil(item.originalIndex(ofDisplayed: 4))
        XCTAssertEqual(item.displayedIndex(ofOriginal: 1), 3)
        XCTAssertEqual(item.originalIndexes(ofDisplayed: [0, 3, 9]), [2, 1])
    }
}

final class ExamScorerTests: XCTestCase {
    func testAllOrNothingAndBreakdown() {
        let pack = makePack(weights: [60, 40], perSection: [5, 5])
        // q0-4 and q1-4 are multiple (correct 0 and 1); others single (correct 0).
        let ids = ["q0-0", "q0-1", "q0-4", "q1-0", "q1-4"]
        let items = ids.map { ExamItem(questionID: $0, choiceOrder: [3, 2, 1, 0]) }
        let answers: [String: Set<Int>] = [
            "q0-0": [0],  // right
            "q0-1": [1],  // wrong
            "q0-4": [0],  // partial on multiple: wrong
            "q1-4": [0, 1, 9],  // right (out-of-range index ignored)
            // q1-0 unanswered
        ]
        let start = Date(timeIntervalSince1970: 1000)
        let r = ExamScorer.score(
            pack: pack, items: items, answers: answers, startedAt: start,
            finishedAt: start.addingTimeInterval(1500))
        XCTAssertEqual(r.correct, 2)
        XCTAssertEqual(r.total, 5)
        XCTAssertEqual(r.percent, 40, accuracy: 1e-9)
        XCTAssertFalse(r.passed)
        XCTAssertEqual(r.passingPercent, 70)
        XCTAssertEqual(r.unanswered, 1)
        XCTAssertEqual(r.timeUsed, 1500)
        XCTAssertEqual(r.timeLimit, 7200)
        XCTAssertFalse(r.overTime)
        XCTAssertEqual(r.sections.map(\.correct), [1, 1])
        XCTAssertEqual(r.sections.map(\.total), [3, 2])
        XCTAssertEqual(r.sections[1].percent, 50)
        XCTAssertEqual(r.subsections.map(\.subsectionID), ["s0.1", "s1.1"])
        XCTAssertEqual(r.subsections.map(\.total), [3, 2])

        let byID = Dictionary(uniqueKeysWithValues: r.outcomes.map { ($0.questionID, $0) })
        XCTAssertEqual(r.outcomes.map(\.questionID), ids)
        XCTAssertEqual(byID["q0-4"]?.picked, [0])
        XCTAssertEqual(byID["q0-4"]?.correctChoices, [0, 1])
        XCTAssertEqual(byID["q0-4"]?.isCorrect, false)
        XCTAssertEqual(byID["q0-4"]?.isUnanswered, false)
        XCTAssertEqual(byID["q1-4"]?.picked, [0, 1])
        XCTAssertEqual(byID["q1-4"]?.isCorrect, true)
        XCTAssertEqual(byID["q1-0"]?.isUnanswered, true)
        XCTAssertEqual(byID["q1-0"]?.isCorrect, false)
        XCTAssertEqual(byID["q1-0"]?.sectionID, "s1")

        // Over-picking a multiple is wrong too.
        let over = ExamScorer.score(
            pack: pack, items: [ExamItem(questionID: "q0-4", choiceOrder: [0, 1, 2, 3])],
            answers: ["q0-4": [0, 1, 2]], startedAt: start, finishedAt: start)
        XCTAssertEqual(over.correct, 0)
    }

    func testPassMarkAndEdgeCases() {
        let pack = makePack(weights: [100], perSection: [10], passing: 70)
        let items = (0..<10).map { ExamItem(questionID: "q0-\($0)", choiceOrder: [0, 1, 2, 3]) }
        var answers: [String: Set<Int>] = [:]
        for n in 0..<7 { answers["q0-\(n)"] = n % 5 == 4 ? [0, 1] : [0] }
        let t = Date(timeIntervalSince1970: 0)
        let r = ExamScorer.score(
            pack: pack, items: items, answers: answers, startedAt: t, finishedAt: t.addingTimeInterval(8000))
        XCTAssertEqual(r.percent, 70, accuracy: 1e-9)
        XCTAssertTrue(r.passed, "exactly the pass mark passes")
        XCTAssertTrue(r.overTime)

        // Unknown and repeated items are skipped; an empty exam does not pass.
        let odd = ExamScorer.score(
            pack: pack,
            items: [
                ExamItem(questionID: "gone", choiceOrder: []),
                ExamItem(questionID: "q0-0", choiceOrder: [0, 1, 2, 3]),
                ExamItem(questionID: "q0-0", choiceOrder: [0, 1, 2, 3]),
            ],
            answers: ["q0-0": [0]], startedAt: t, finishedAt: t)
        XCTAssertEqual(odd.total, 1)
        XCTAssertEqual(odd.correct, 1)
        let empty = ExamScorer.score(
            pack: pack, items: [], answers: [:], startedAt: t, finishedAt: t.addingTimeInterval(-5))
        XCTAssertEqual(empty.total, 0)
        XCTAssertEqual(empty.percent, 0)
        XCTAssertFalse(empty.passed)
        XCTAssertEqual(empty.timeUsed, 0)
        XCTAssertNil(empty.sections[0].percent)
    }

    func testResultRoundTripsThroughJSON() throws {
        let pack = makePack(weights: [100], perSection: [3])
        let items = ExamAssembler.assemble(pack: pack, count: 3, seed: 3, lastSeen: [:], now: Date())
        let r = ExamScorer.score(
            pack: pack, items: items, answers: ["q0-0": [0]], startedAt: Date(timeIntervalSince1970: 0),
            finishedAt: Date(timeIntervalSince1970: 60))
        let data = try JSONEncoder().encode(r)
        XCTAssertEqual(try JSONDecoder().decode(ExamResult.self, from: data), r)
        let itemData = try JSONEncoder().encode(items)
        XCTAssertEqual(try JSONDecoder().decode([ExamItem].self, from: itemData), items)
    }
}

final class ExamReadinessTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func daysAgo(_ d: Double) -> Date { now.addingTimeInterval(-d * 86_400) }

    func testRecencyWeightedAccuracy() throws {
        let pack = makePack(weights: [50, 30, 20], perSection: [4, 4, 4])
        let history = [
            AnsweredQuestion(questionID: "q0-0", correct: true, answeredAt: now),  // w 1
            AnsweredQuestion(questionID: "q0-1", correct: false, answeredAt: daysAgo(14)),  // w 0.5
            AnsweredQuestion(questionID: "q0-1", correct: false, answeredAt: daysAgo(28)),  // w 0.25
            AnsweredQuestion(questionID: "q1-0", correct: true, answeredAt: daysAgo(3)),
            AnsweredQuestion(questionID: "unknown", correct: true, answeredAt: now),
        ]
        let r = ReadinessCalculator.readiness(pack: pack, history: history)
        XCTAssertEqual(r.map(\.sectionID), ["s0", "s1", "s2"])
        XCTAssertEqual(try XCTUnwrap(r[0].score), 1.0 / 1.75, accuracy: 1e-9)
        XCTAssertEqual(r[0].basedOn, 2)
        XCTAssertEqual(r[1].score, 1)
        XCTAssertEqual(r[1].basedOn, 1)
        XCTAssertNil(r[2].score)
        XCTAssertEqual(r[2].basedOn, 0)
        XCTAssertNil(r[2].accuracy)

        // A shorter half-life trusts the recent right answer more.
        let short = ReadinessCalculator.readiness(pack: pack, history: history, halfLifeDays: 7)
        XCTAssertEqual(try XCTUnwrap(short[0].score), 1.0 / (1 + 0.25 + 0.0625), accuracy: 1e-9)
        // Future answers count as fresh.
        let future = ReadinessCalculator.readiness(
            pack: pack,
            history: [
                AnsweredQuestion(questionID: "q2-0", correct: false, answeredAt: now.addingTimeInterval(86_400))
            ])
        XCTAssertEqual(future[2].score, 0)
    }

    func testBlendWithRetrievability() throws {
        let pack = makePack(weights: [50, 50], perSection: [4, 4])
        let history = [
            AnsweredQuestion(questionID: "q0-0", correct: true, answeredAt: now),
            AnsweredQuestion(questionID: "q0-1", correct: false, answeredAt: now),
        ]
        let retr = ["q0-0": 0.9, "q0-1": 0.5, "q0-2": 1.7, "q1-0": 0.4, "nope": 0.1]
        let r = ReadinessCalculator.readiness(pack: pack, history: history, retrievability: retr)
        // accuracy 0.5; retrievability mean(0.9, 0.5, 1.0 clamped) = 0.8; blend 0.5/0.5.
        XCTAssertEqual(try XCTUnwrap(r[0].accuracy), 0.5, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(r[0].retrievability), 0.8, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(r[0].score), 0.65, accuracy: 1e-9)
        XCTAssertEqual(r[0].basedOn, 3)
        // Only retrievability in section 1.
        XCTAssertEqual(try XCTUnwrap(r[1].score), 0.4, accuracy: 1e-9)
        XCTAssertNil(r[1].accuracy)
        XCTAssertEqual(r[1].basedOn, 1)
        // Weight parameter.
        let heavy = ReadinessCalculator.readiness(
            pack: pack, history: history, retrievability: retr,
            retrievabilityWeight: 1)
        XCTAssertEqual(try XCTUnwrap(heavy[0].score), 0.8, accuracy: 1e-9)
        // Overall: weighted by section weight.
        XCTAssertEqual(try XCTUnwrap(ReadinessCalculator.overall(r, pack: pack)), (0.65 + 0.4) / 2, accuracy: 1e-9)
    }

    func testOverallCountsMissingSectionsAsZero() throws {
        let pack = makePack(weights: [80, 20], perSection: [2, 2])
        XCTAssertNil(
            ReadinessCalculator.overall(ReadinessCalculator.readiness(pack: pack, history: []), pack: pack))
        let r = ReadinessCalculator.readiness(
            pack: pack,
            history: [
                AnsweredQuestion(questionID: "q1-0", correct: true, answeredAt: now)
            ])
        XCTAssertEqual(try XCTUnwrap(ReadinessCalculator.overall(r, pack: pack)), 0.2, accuracy: 1e-9)
        // Ancient answers still count (weights underflow to zero).
        let ancient = ReadinessCalculator.readiness(
            pack: pack,
            history: [
                AnsweredQuestion(questionID: "q0-0", correct: true, answeredAt: Date(timeIntervalSince1970: 0)),
                AnsweredQuestion(questionID: "q0-1", correct: false, answeredAt: Date(timeIntervalSince1970: 0)),
            ], halfLifeDays: 0.001)
        XCTAssertEqual(ancient[0].score, 0.5)
    }
}
