import Foundation

/// One outline of a pack's exam guide. A pack has a default edition (`exam.yaml`) and may keep
/// others (`editions/*.yaml`, e.g. an older guide); every edition draws on the same question bank.
/// A consideration id shared by two editions is the same topic, so a question belongs to every
/// edition that has one of its considerations, and takes its subsection from that edition.
public struct Edition: Sendable, Hashable, Identifiable {
    /// Picked with `--guide` (e.g. `2026-06`, `v3`).
    public let id: String
    /// Shown in the app's header (e.g. "Exam guide of June 2026").
    public let title: String
    public let sections: [Section]

    public init(id: String, title: String, sections: [Section]) {
        self.id = id
        self.title = title
        self.sections = sections
    }

    /// Sum of the section weights as published (may be 100 +/- 1 through the guide's rounding).
    public var weightSum: Int { sections.reduce(0) { $0 + $1.weight } }

    /// consideration id -> subsection id, first definition wins.
    func considerationOwners() -> [String: String] {
        var owners = [String: String]()
        for s in sections {
            for u in s.subsections {
                for c in u.considerations where owners[c.id] == nil { owners[c.id] = u.id }
            }
        }
        return owners
    }

    /// The bank's questions that belong to this edition, each placed in the subsection of its
    /// first consideration this edition has (`owners`: this edition's `considerationOwners()`).
    func place(_ bank: [Question], owners: [String: String]) -> [Question] {
        bank.compactMap { q in
            guard let sub = q.covers.lazy.compactMap({ owners[$0] }).first else { return nil }
            return sub == q.subsectionID ? q : q.placed(in: sub)
        }
    }
}

/// A product Google renamed: shown in the app, and used to warn where questions still use the old name.
public struct ProductName: Sendable, Hashable {
    public let former: String
    public let current: String
    /// `YYYY-MM` or `YYYY-MM-DD`, as the source gives it.
    public let changed: String
    /// The page that records the change (a title, optionally with `<url>`).
    public let source: String

    public init(former: String, current: String, changed: String, source: String) {
        self.former = former
        self.current = current
        self.changed = changed
        self.source = source
    }
}
