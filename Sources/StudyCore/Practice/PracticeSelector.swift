import Foundation

/// Which questions a practice run draws from.
public enum PracticeScope: Equatable, Sendable {
    case all
    case section(String)
    case subsection(String)
    case consideration(String)

    public func questionIDs(in pack: ExamPack) -> [String] {
        switch self {
        case .all: return pack.questions.map(\.id)
        case .section(let id): return pack.questions(inSection: id).map(\.id)
        case .subsection(let id): return pack.questions(inSubsection: id).map(\.id)
        case .consideration(let slug):
            guard let sub = pack.subsectionID(ofConsideration: slug) else { return [] }
            return pack.questions(inSubsection: sub).filter { $0.covers.contains(slug) }.map(\.id)
        }
    }

    public func title(in pack: ExamPack) -> String {
        switch self {
        case .all: return "Practice: all sections"
        case .section(let id): return "Practice \(id) " + (pack.section(id: id)?.title ?? "")
        case .subsection(let id): return "Practice \(id) " + (pack.subsection(id: id)?.title ?? "")
        case .consideration(let slug):
            let sub = pack.subsectionID(ofConsideration: slug) ?? ""
            return "Practice \(sub): " + (pack.consideration(id: slug)?.text ?? slug)
        }
    }
}

public enum PracticeSelector {
    /// Picks up to `count` questions of the scope: never answered first, then the
    /// ones last answered wrong, then the longest unseen; shuffled within each group.
    public static func select(
        scope: PracticeScope, pack: ExamPack, progress: ProgressSnapshot, count: Int, seed: UInt64
    ) -> [String] {
        var rng = SplitMix64(seed: seed)
        let ids = rng.shuffled(scope.questionIDs(in: pack))
        let unseen = ids.filter { progress.latest[$0] == nil }
        let missed = ids.filter { progress.latest[$0]?.correct == false }
        let rest = ids.filter { progress.latest[$0]?.correct == true }
            .sorted { progress.latest[$0]!.answeredAt < progress.latest[$1]!.answeredAt }
        return Array((unseen + missed + rest).prefix(max(0, count)))
    }

    /// Due cards first (most overdue first), then questions last answered wrong.
    public static func review(pack: ExamPack, progress: ProgressSnapshot, now: Date, sectionID: String? = nil)
        -> [String]
    {
        let ids = sectionID.map { pack.questions(inSection: $0).map(\.id) } ?? pack.questions.map(\.id)
        let due = progress.due(at: now, among: ids)
        let dueSet = Set(due)
        return due + progress.missed(among: ids).filter { !dueSet.contains($0) }
    }
}
