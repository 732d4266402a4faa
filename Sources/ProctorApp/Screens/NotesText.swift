import Foundation
import TermUI

/// Reflows study notes written as light Markdown (`#` headings, `- ` bullets,
/// hard-wrapped lines) into styled lines for a pane of any width.
enum NotesText {
    enum Block: Equatable {
        case heading(String)
        case bullet(String)
        case paragraph(String)
    }

    static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var current: Block?
        func flush() {
            if let block = current { blocks.append(block) }
            current = nil
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = trimmed(raw)
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("#") {
                flush()
                blocks.append(.heading(trimmed(Substring(line.drop(while: { $0 == "#" })))))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flush()
                current = .bullet(String(line.dropFirst(2)))
            } else {
                switch current {
                case .bullet(let text): current = .bullet(text + " " + line)
                case .paragraph(let text): current = .paragraph(text + " " + line)
                default: current = .paragraph(line)
                }
            }
        }
        flush()
        return blocks
    }

    /// Drops leading and trailing spaces and tabs (Foundation's trimming is slow on Linux and
    /// ran once per line of notes).
    static func trimmed(_ line: Substring) -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = line.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = line.lastIndex(where: { !isBlank($0) })!
        return String(line[first...last])
    }

    /// `title`: a leading heading that repeats it (the pane already shows it) is left out.
    static func lines(_ text: String, width: Int, theme: Theme, title: String? = nil) -> [StyledLine] {
        var lines: [StyledLine] = []
        var all = blocks(text)
        if let title, case .heading(let first)? = all.first, first.contains(title) { all.removeFirst() }
        for block in all {
            switch block {
            case .heading(let title):
                if !lines.isEmpty { lines.append(StyledLine("")) }
                lines += Paragraph.wrap(title, width: max(1, width)).map { StyledLine($0, style: theme.title) }
            case .bullet(let text):
                let wrapped = Paragraph.wrap(text, width: max(1, width - 2))
                for (i, line) in wrapped.enumerated() {
                    lines.append(StyledLine((i == 0 ? "• " : "  ") + line, style: theme.normal))
                }
            case .paragraph(let text):
                lines += Paragraph.wrap(text, width: max(1, width)).map { StyledLine($0, style: theme.normal) }
            }
        }
        return lines
    }
}
