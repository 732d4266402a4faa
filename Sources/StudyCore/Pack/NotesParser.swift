import Foundation

/// Study notes: `notes/<subsection id>.md` for the default edition, `notes/<edition id>/` for others.
extension PackBuilder {
    /// The edition with the notes of `folder` (relative to the pack, e.g. `notes` or `notes/v3`)
    /// filled in: `<subsection id>.md` per subsection, followed by any further pages
    /// `<subsection id>+<name>.md` in name order (for a subsection whose notes would run long).
    func attachNotes(to edition: Edition, folder relative: String, outlineFile: String) -> Edition {
        let folder = directory.appendingPathComponent(relative)
        let sections = edition.sections
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return edition }
        let known = Set(sections.flatMap { $0.subsections.map(\.id) })
        var pages = [String: [(key: String, text: String)]]()
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let stem = name.dropLast(3)
            let id = String(stem.split(separator: "+", maxSplits: 1).first ?? stem)
            let display = relative + "/" + name
            guard known.contains(id) else {
                sink.add(display, nil, "notes file names no known subsection ('\(id)')", .warning)
                continue
            }
            guard let text = PackText.read(folder.appendingPathComponent(name), display: display, into: sink) else {
                continue
            }
            if let bad = NodeReader.firstControlCharacter(text, allowBreaks: true) {
                sink.add(display, nil, "notes contain control character \(NodeReader.codePoint(bad))")
                continue
            }
            // The main page sorts first ("" before any "+name").
            let key = stem.count > id.count ? String(stem.dropFirst(id.count)) : ""
            pages[id, default: []].append((key, NodeReader.trimmed(text)))
        }
        let notes = pages.mapValues { $0.sorted { $0.key < $1.key }.map(\.text).joined(separator: "\n\n") }
        guard !notes.isEmpty else { return edition }
        let filled = sections.map { s in
            Section(
                id: s.id, title: s.title, weight: s.weight,
                subsections: s.subsections.map { u in
                    guard let text = notes[u.id] else { return u }
                    if !u.notes.isEmpty {
                        sink.add(
                            relative + "/" + u.id + ".md", nil,
                            "subsection '\(u.id)' also has notes in \(outlineFile); using \(outlineFile)",
                            .warning)
                        return u
                    }
                    return Subsection(id: u.id, title: u.title, considerations: u.considerations, notes: text)
                })
        }
        return Edition(id: edition.id, title: edition.title, sections: filled)
    }
}
