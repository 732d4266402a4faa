import Foundation
import Yams

/// What `exam.yaml` or an edition file yields: the pack's facts (exam.yaml only) and one edition.
struct ParsedOutline {
    /// The file it came from, relative to the pack.
    var file = PackValidator.outlineFileName
    var id = ""
    var title = ""
    var vendor = ""
    var facts = ExamFacts(minutes: 0, questionCount: 0, passingPercent: 0)
    /// Hosts references may link to (`link_hosts`), nil for the default documentation hosts.
    var linkHosts: Set<String>?
    var edition = Edition(id: "", title: "", sections: [])
    /// Subsections whose considerations could not all be read: covers are not checked against them.
    var incompleteSubsections: Set<String> = []
    var parsed = false
}

/// Parses `exam.yaml` (pack facts and the default edition) and `editions/*.yaml` (further editions).
struct OutlineParser {
    let sink: DiagnosticCollector

    /// Section weights as published may miss 100 by one through the guide's rounding; exams and
    /// readiness use them as proportions.
    static let weightSumRange = 99...101

    func parsePackOutline(_ url: URL) -> ParsedOutline {
        var out = ParsedOutline()
        let file = PackValidator.outlineFileName
        guard let (root, r) = compose(url, display: file) else { return out }
        guard let map = r.mapping(root, file) else { return out }
        let f = r.fields(
            root, map, what: file, required: ["id", "title", "exam", "sections"],
            optional: ["vendor", "guide_version", "edition", "link_hosts"])
        out.id = r.identifier(f["id"], field: "id", what: file) ?? ""
        out.title = r.text(f["title"], field: "title", what: file, kind: .line) ?? ""
        out.vendor =
            f["vendor"].flatMap { r.text($0, field: "vendor", what: file, kind: .line, allowEmpty: true) } ?? ""
        let guideVersion =
            f["guide_version"].flatMap {
                r.text($0, field: "guide_version", what: file, kind: .line, allowEmpty: true)
            } ?? ""
        var editionID = guideVersion.isEmpty ? "default" : guideVersion
        var editionTitle = guideVersion.isEmpty ? "" : "exam guide v\(guideVersion)"
        if let node = f["edition"], let (id, title) = parseEditionHeader(node, r, what: file) {
            if f["guide_version"] != nil {
                r.error(f["guide_version"], "\(file) has both 'edition' and 'guide_version'; keep 'edition'")
            }
            editionID = id
            editionTitle = title
        }
        if let examNode = f["exam"] { out.facts = parseFacts(examNode, r) }
        if let hostsNode = f["link_hosts"] {
            var ok = true
            if let hosts = r.textList(hostsNode, field: "link_hosts", what: file, ok: &ok) {
                out.linkHosts = Set(hosts.map { $0.lowercased() })
            }
        }
        var sections: [Section] = []
        if let sectionsNode = f["sections"] {
            sections = parseSections(sectionsNode, r, file: file, incomplete: &out.incompleteSubsections)
        }
        out.edition = Edition(id: editionID, title: editionTitle, sections: sections)
        out.parsed = true
        return out
    }

    /// An edition file: `edition: {id, title}` and `sections`, in exam.yaml's format.
    func parseEditionFile(_ url: URL, display: String) -> ParsedOutline? {
        var out = ParsedOutline()
        guard let (root, r) = compose(url, display: display), let map = r.mapping(root, display) else { return nil }
        let f = r.fields(root, map, what: display, required: ["edition", "sections"], optional: [])
        guard let node = f["edition"], let (id, title) = parseEditionHeader(node, r, what: display) else {
            return nil
        }
        let sections =
            f["sections"].map { parseSections($0, r, file: display, incomplete: &out.incompleteSubsections) } ?? []
        out.edition = Edition(id: id, title: title, sections: sections)
        out.parsed = true
        return out
    }

    private func compose(_ url: URL, display: String) -> (Node, NodeReader)? {
        guard let text = PackText.read(url, display: display, into: sink),
            case let .success(rootOrNil) = PackYAML.compose(text, display: display, into: sink)
        else { return nil }
        guard let root = rootOrNil else {
            sink.add(display, nil, "\(display) is empty")
            return nil
        }
        return (root, NodeReader(file: display, sink: sink))
    }

    private func parseEditionHeader(_ node: Node, _ r: NodeReader, what: String) -> (String, String)? {
        let edWhat = "edition of \(what)"
        guard let map = r.mapping(node, edWhat) else { return nil }
        let f = r.fields(node, map, what: edWhat, required: ["id", "title"], optional: [])
        guard let id = r.identifier(f["id"], field: "id", what: edWhat),
            let title = r.text(f["title"], field: "title", what: edWhat, kind: .line)
        else { return nil }
        return (id, title)
    }

    func parseFacts(_ node: Node, _ r: NodeReader) -> ExamFacts {
        let what = "exam"
        guard let map = r.mapping(node, what) else { return ExamFacts(minutes: 0, questionCount: 0, passingPercent: 0) }
        let f = r.fields(
            node, map, what: what, required: ["minutes", "questions", "passing_percent"],
            optional: ["max_questions", "passing_is_estimate"])
        let minutes = r.int(f["minutes"], field: "minutes", what: what, range: 1...100_000)
        let count = r.int(f["questions"], field: "questions", what: what, range: 1...100_000)
        let maxCount = f["max_questions"].flatMap { r.int($0, field: "max_questions", what: what, range: 1...100_000) }
        if let count, let maxCount, maxCount < count {
            r.error(
                f["max_questions"], "field 'max_questions' of exam (\(maxCount)) is smaller than 'questions' (\(count))"
            )
        }
        var percent = r.number(f["passing_percent"], field: "passing_percent", what: what)
        if let p = percent, !(p > 0 && p <= 100) {
            r.error(f["passing_percent"], "field 'passing_percent' of exam must be above 0 and at most 100, found \(p)")
            percent = nil
        }
        let estimate = f["passing_is_estimate"].flatMap { r.bool($0, field: "passing_is_estimate", what: what) }
        return ExamFacts(
            minutes: minutes ?? 0, questionCount: count ?? 0, maxQuestions: maxCount,
            passingPercent: percent ?? 0, passingIsEstimate: estimate ?? false)
    }

    func parseSections(_ node: Node, _ r: NodeReader, file: String, incomplete: inout Set<String>) -> [Section] {
        guard let items = r.list(node, field: "sections", what: file) else { return [] }
        if items.isEmpty { r.error(node, "field 'sections' of \(file) lists no sections") }
        var sections: [Section] = []
        var sectionLines = [String: Int]()
        var subsectionLines = [String: Int]()
        var considerationLines = [String: (Int, String)]()
        var weightSum = 0
        var weightsComplete = true

        for (i, item) in items.enumerated() {
            var what = "section \(i + 1)"
            guard let map = r.mapping(item, what) else { weightsComplete = false; continue }
            let f = r.fields(item, map, what: what, required: ["id", "title", "weight", "subsections"], optional: [])
            let id = r.identifier(f["id"], field: "id", what: what)
            if let id {
                what = "section '\(id)'"
                if let first = sectionLines[id] {
                    r.error(f["id"], "duplicate section id '\(id)' (first defined at line \(first))")
                } else {
                    sectionLines[id] = f["id"]?.mark?.line ?? 0
                }
            }
            let title = r.text(f["title"], field: "title", what: what, kind: .line)
            let weight = r.int(f["weight"], field: "weight", what: what, range: 0...100)
            if let weight { weightSum += weight } else { weightsComplete = false }
            var subsections: [Subsection] = []
            if let subNodes = r.list(f["subsections"], field: "subsections", what: what) {
                if subNodes.isEmpty { r.error(f["subsections"], "\(what) lists no subsections") }
                for (j, subNode) in subNodes.enumerated() {
                    if let sub = parseSubsection(
                        subNode, index: j, sectionWhat: what, r,
                        subsectionLines: &subsectionLines,
                        considerationLines: &considerationLines,
                        incomplete: &incomplete)
                    {
                        subsections.append(sub)
                    }
                }
            }
            sections.append(Section(id: id ?? "", title: title ?? "", weight: weight ?? 0, subsections: subsections))
        }
        if weightsComplete && !items.isEmpty && !Self.weightSumRange.contains(weightSum) {
            r.error(
                node,
                "section weights sum to \(weightSum); they must sum to 100 (99 or 101 is accepted for a guide's rounding)"
            )
        }
        return sections
    }

    private func parseSubsection(
        _ node: Node, index: Int, sectionWhat: String, _ r: NodeReader,
        subsectionLines: inout [String: Int],
        considerationLines: inout [String: (Int, String)],
        incomplete: inout Set<String>
    ) -> Subsection? {
        var what = "subsection \(index + 1) of \(sectionWhat)"
        guard let map = r.mapping(node, what) else { return nil }
        let f = r.fields(node, map, what: what, required: ["id", "title", "considerations"], optional: ["notes"])
        guard let id = r.identifier(f["id"], field: "id", what: what) else { return nil }
        what = "subsection '\(id)'"
        if let first = subsectionLines[id] {
            r.error(f["id"], "duplicate subsection id '\(id)' (first defined at line \(first))")
        } else {
            subsectionLines[id] = f["id"]?.mark?.line ?? 0
        }
        let title = r.text(f["title"], field: "title", what: what, kind: .line) ?? ""
        let notes = f["notes"].flatMap { r.text($0, field: "notes", what: what, kind: .block, allowEmpty: true) } ?? ""
        var considerations: [Consideration] = []
        var complete = true
        if let cNodes = r.list(f["considerations"], field: "considerations", what: what) {
            if cNodes.isEmpty { r.error(f["considerations"], "\(what) lists no considerations") }
            for (k, cNode) in cNodes.enumerated() {
                var cWhat = "consideration \(k + 1) of \(what)"
                guard let cMap = r.mapping(cNode, cWhat) else { complete = false; continue }
                let cf = r.fields(cNode, cMap, what: cWhat, required: ["id", "text"], optional: [])
                guard let slug = r.identifier(cf["id"], field: "id", what: cWhat) else { complete = false; continue }
                cWhat = "consideration '\(slug)'"
                let text = r.text(cf["text"], field: "text", what: cWhat, kind: .line)
                if let (line, owner) = considerationLines[slug] {
                    r.error(
                        cf["id"],
                        "duplicate consideration id '\(slug)' (first defined at line \(line) in subsection '\(owner)')")
                    continue
                }
                considerationLines[slug] = (cf["id"]?.mark?.line ?? 0, id)
                considerations.append(Consideration(id: slug, text: text ?? ""))
            }
        } else {
            complete = false
        }
        if !complete { incomplete.insert(id) }
        return Subsection(id: id, title: title, considerations: considerations, notes: notes)
    }
}
