import Foundation
import XCTest

@testable import StudyCore

final class QuestionSearchTests: XCTestCase {
    func q(_ id: String, stem: String, choice: String = "Something else entirely", explanation: String = "Because.")
        -> Question
    {
        Question(
            id: id, subsectionID: "1.1", covers: ["c1"], kind: .single, difficulty: 1, stem: stem,
            choices: [
                Choice(text: choice, isCorrect: true, why: "Right."),
                Choice(text: "Other", isCorrect: false, why: "No."),
                Choice(text: "Third", isCorrect: false, why: "No."),
            ],
            explanation: explanation, refs: [])
    }

    func pack(_ questions: [Question]) -> ExamPack {
        ExamPack(
            id: "p", title: "P", exam: ExamFacts(minutes: 1, questionCount: 1, passingPercent: 50),
            sections: [
                Section(
                    id: "1", title: "S", weight: 100,
                    subsections: [
                        Subsection(id: "1.1", title: "U", considerations: [Consideration(id: "c1", text: "C")])
                    ])
            ], questions: questions)
    }

    func testEveryWordMustAppearAndTheStemCountsMost() {
        let p = pack([
            q("in-stem", stem: "Configure Model Armor templates for the chatbot."),
            q("in-choice", stem: "Protect the chatbot.", choice: "Use Model Armor floor settings"),
            q("in-explanation", stem: "Secure prompts.", explanation: "Model Armor screens prompts."),
            q("one-word", stem: "Train a model on armored vehicles."),
            q("neither", stem: "Feature Store serving."),
        ])
        let hits = QuestionSearch.search("model armor", in: p)
        XCTAssertEqual(hits.map(\.questionID), ["in-stem", "one-word", "in-choice", "in-explanation"])
        XCTAssertEqual(hits.first?.firstLine, "Configure Model Armor templates for the chatbot.")
        XCTAssertEqual(QuestionSearch.search("armor", in: p, limit: 2).count, 2)
        XCTAssertEqual(QuestionSearch.search("  ", in: p), [])
    }

    func testWordsMatchFromTheirStartIgnoringCaseAndAccents() {
        let p = pack([q("a", stem: "Stores features in Feature Store."), q("b", stem: "The café restores data.")])
        XCTAssertEqual(QuestionSearch.search("store", in: p).map(\.questionID), ["a"])
        XCTAssertEqual(QuestionSearch.search("CAFE", in: p).map(\.questionID), ["b"])
        XCTAssertEqual(QuestionSearch.terms("Model-Armor, templates!"), ["model", "armor", "templates"])
    }
}
