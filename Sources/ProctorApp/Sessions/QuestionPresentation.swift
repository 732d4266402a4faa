import StudyCore
import TermUI

/// One question as the learner sees it: choices in display order, the current
/// picks (as original indexes) and whether the answer has been revealed.
public struct QuestionPresentation: Equatable, Sendable {
    public static let letters: [Character] = ["a", "b", "c", "d", "e", "f"]

    public let question: Question
    /// Display position -> index into `question.choices`.
    public let order: [Int]
    public private(set) var picked: Set<Int>
    /// Display position of the choice the cursor is on.
    public private(set) var highlighted: Int = 0
    public var revealed: Bool = false
    /// Scroll offset of the question pane, clamped when drawn.
    public var scroll: Int = 0

    public init(question: Question, order: [Int]? = nil, picked: Set<Int> = []) {
        self.question = question
        let identity = Array(question.choices.indices)
        if let order, order.sorted() == identity {
            self.order = order
        } else {
            self.order = identity
        }
        self.picked = picked
    }

    /// How many choices must be picked before submitting.
    public var required: Int { question.kind == .single ? 1 : question.correctCount }
    public var canSubmit: Bool { picked.count == required }
    public var isCorrect: Bool { question.isCorrect(picked: picked) }
    public var isAnswered: Bool { !picked.isEmpty }
    /// Answered, but with a number of picks other than the question asks for: scored as wrong,
    /// since multiple select is all-or-nothing.
    public var hasWrongPickCount: Bool { isAnswered && picked.count != required }

    /// Picks the choice shown at `position`: replaces the pick for single choice,
    /// toggles it for multiple select. Ignored once revealed.
    public mutating func pick(position: Int) {
        guard !revealed, order.indices.contains(position) else { return }
        highlighted = position
        let original = order[position]
        if question.kind == .single {
            picked = [original]
        } else if picked.contains(original) {
            picked.remove(original)
        } else {
            picked.insert(original)
        }
    }

    public mutating func toggleHighlighted() { pick(position: highlighted) }

    /// Takes picks saved elsewhere (original indexes), ignoring ones out of range.
    public mutating func adopt(picked originals: Set<Int>) {
        guard !revealed else { return }
        picked = originals.filter { question.choices.indices.contains($0) }
    }

    public mutating func moveHighlight(by delta: Int) {
        guard !order.isEmpty else { return }
        highlighted = min(max(highlighted + delta, 0), order.count - 1)
    }

    /// Maps `a`...`f` and `1`...`6` to a display position.
    public static func position(for character: Character) -> Int? {
        if let i = letters.firstIndex(of: Character(character.lowercased())) { return i }
        if let digit = character.wholeNumberValue, (1...6).contains(digit) { return digit - 1 }
        return nil
    }

    public func label(position: Int) -> String { String(Self.letters[position]).uppercased() }

    /// Picks in display letters, e.g. "B, D".
    public func lettersOf(_ originals: Set<Int>) -> String {
        order.indices.filter { originals.contains(order[$0]) }.map { label(position: $0) }.joined(separator: ", ")
    }
}

extension QuestionPresentation {
    /// ↑/↓ move the highlight among the choices and Space toggles it, on every question screen.
    static func highlightBindings<A: Sendable>(
        up: A, down: A, toggle: A, toggleBar: (String, String)? = nil
    ) -> [KeyBinding<A>] {
        [
            KeyBinding(
                [.up, .char("k")], up, help: ("↑/↓  Space", "move between choices, toggle the highlighted one")),
            KeyBinding([.down, .char("j")], down),
            KeyBinding([.char(" ")], toggle, bar: toggleBar),
        ]
    }
}
