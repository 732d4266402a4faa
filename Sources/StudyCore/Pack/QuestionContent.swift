import Foundation

/// The text of a question: what a candidate reads (stem and choices) and what teaches the rule
/// (every `why`, the explanation, the references).
public struct QuestionBody: Sendable, Hashable {
    public let stem: String
    public let choices: [Choice]
    public let explanation: String
    public let refs: [String]
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

    /// `decode` runs at most once, on first access (the cache vouched for the bytes it reads).
    init(decode: @escaping @Sendable () -> QuestionBody) { pending = decode }

    var body: QuestionBody {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        if let decoded { return decoded }
        let body = pending!()
        decoded = body
        pending = nil
        return body
    }
}
