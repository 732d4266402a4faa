import Foundation

/// Questions as an Anki text file: Anki's importer reads it with no settings (the header lines
/// name the separator, HTML and the tags column). One Basic note per question: the front is the
/// stem and the choices, the back the answer, every choice's why, the explanation and the
/// references (linked where they carry a URL); tags name the pack, the guide edition, the
/// section, the subsection and the considerations.
public enum AnkiExport {
    public struct Note: Equatable, Sendable {
        public let front: String
        public let back: String
        public let tags: [String]
    }

    public static func notes(_ questions: [Question], in pack: ExamPack) -> [Note] {
        questions.map { q in
            let letters = Array("ABCDEF")
            var front = html(q.stem)
            for (i, c) in q.choices.enumerated() { front += "<br>\(letters[i]). " + html(c.text) }
            let right = q.choices.indices.filter { q.choices[$0].isCorrect }.map { String(letters[$0]) }
            var back = "<b>Answer: \(right.joined(separator: ", "))</b>"
            for (i, c) in q.choices.enumerated() {
                back += "<br>\(letters[i]) (\(c.isCorrect ? "right" : "wrong")): " + html(c.why)
            }
            back += "<br><br>" + html(q.explanation)
            if !q.refs.isEmpty { back += "<br><br>" + q.refs.map(reference).joined(separator: "<br>") }
            let section = pack.section(of: q)?.id ?? ""
            let tags =
                [
                    tag(pack.id), "edition::" + tag(pack.edition.id), "section::" + tag(section),
                    "subsection::" + tag(q.subsectionID),
                ] + q.covers.map { "topic::" + tag($0) }
            return Note(front: front, back: back, tags: tags)
        }
    }

    /// The whole file: header lines, then one note per line.
    public static func file(_ notes: [Note], deck: String) -> String {
        var lines = ["#separator:tab", "#html:true", "#notetype:Basic", "#deck:" + field(deck), "#tags column:3"]
        for n in notes {
            lines.append([field(n.front), field(n.back), n.tags.joined(separator: " ")].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The notes of a file written by `file` (header lines skipped), for tests and checks.
    public static func parse(_ text: String) -> [Note] {
        text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else { return nil }
            return Note(front: parts[0], back: parts[1], tags: parts[2].split(separator: " ").map(String.init))
        }
    }

    /// Text as HTML: escaped, line breaks as <br>, tabs (the file's separator) as spaces.
    static func html(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "<br>"
            case "\t": out += " "
            case "\r": continue
            default: out.append(ch)
            }
        }
        return out
    }

    /// A field never carries the separator or a line break (HTML already turned breaks into <br>).
    static func field(_ text: String) -> String {
        text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// "Title <https://...>" as a link (the validator vouches for the address); a title as text.
    static func reference(_ text: String) -> String {
        let ref = Reference(parsing: text)
        guard let url = ref.url, url.hasPrefix("https://") else { return html(text) }
        return "<a href=\"\(html(url))\">\(html(ref.title))</a>"
    }

    /// Anki tags have no spaces.
    static func tag(_ text: String) -> String {
        String(text.map { $0.isWhitespace ? "_" : $0 })
    }
}
