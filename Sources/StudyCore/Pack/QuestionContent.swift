import Foundation

/// The text of a question: what a candidate reads (stem and choices) and what teaches the rule
/// (every `why`, the explanation, the references).
public struct QuestionBody: Sendable, Hashable {
    public let stem: String
    public let choices: [Choice]
    public let explanation: String
    public let refs: [String]

    /// Shown in the rare case a cached body is damaged and the pack no longer has the question.
    static let unreadable = QuestionBody(
        stem: "This question could not be read: Proctor's cached copy of the pack is damaged and the pack "
            + "no longer has it. Restart Proctor to rebuild the cache.",
        choices: [Choice(text: "Continue", isCorrect: true, why: "Nothing to answer here.")],
        explanation: "The cache was removed and is rebuilt at the next start.", refs: [])
}

/// A question's body, either in hand or still encoded in the pack cache. Start-up needs only
/// ids, subsections and kinds, so the cache decodes bodies on first use: the home screen of a
/// 10,000-question pack never builds 10,000 stems.
final class QuestionContent: @unchecked Sendable {
    /// One lock for every question: bodies are decoded rarely, and a lock per question cost a
    /// mutex allocation per question at every start.
    private static let lock = NSLock()
    private var decoded: QuestionBody?
    private var pending: (@Sendable () -> QuestionBody)?

    init(_ body: QuestionBody) { decoded = body }

    /// `decode` runs on first access (checking the bytes it reads against their hash).
    init(decode: @escaping @Sendable () -> QuestionBody) { pending = decode }

    var body: QuestionBody {
        Self.lock.lock()
        if let decoded {
            Self.lock.unlock()
            return decoded
        }
        let decode = pending!
        Self.lock.unlock()
        // Decoded outside the lock: recovering a damaged body loads the pack, whose own
        // questions take this lock. Two threads may decode the same body; both get equal values.
        let body = decode()
        Self.lock.lock()
        defer { Self.lock.unlock() }
        if decoded == nil {
            decoded = body
            pending = nil
        }
        return decoded!
    }
}
