import Foundation
import StudyCore
import TermUI

/// Draws a question: stem, choices with their marks, and once revealed the
/// verdict on every choice, the explanation and the references.
struct QuestionView {
    let presentation: QuestionPresentation
    let theme: Theme
    /// Exam mode: `f` is taken by "flag", so choice F is picked with 6.
    var examMode = false
    /// Heading line above the stem, e.g. "Question 7 of 50 · 3.2 Training models".
    var heading: String?

    struct Layout {
        var lines: [StyledLine]
        /// First and last line of the highlighted choice, to keep it in view.
        var highlightedRange: ClosedRange<Int>?
    }

    func layout(width: Int) -> Layout {
        let p = presentation
        var lines: [StyledLine] = []
        func add(_ text: String, _ style: Style, indent: Int = 0, hanging: String? = nil) {
            let first = String(repeating: " ", count: indent) + (hanging ?? "")
            let rest = String(repeating: " ", count: indent + Text.width(hanging ?? ""))
            let wrapped = Paragraph.wrap(text, width: max(1, width - Text.width(first)))
            for (i, line) in wrapped.enumerated() {
                lines.append(StyledLine((i == 0 ? first : rest) + line, style: style))
            }
            if wrapped.isEmpty { lines.append(StyledLine(first, style: style)) }
        }
        if let heading { add(heading, theme.dim) }
        if p.question.kind == .multiple {
            let picked = p.revealed || p.picked.isEmpty ? "" : " · \(p.picked.count) picked"
            add("Choose \(p.required)\(picked)", theme.accent)
        }
        for paragraph in p.question.stem.trimmingCharacters(in: .whitespacesAndNewlines)
            .components(separatedBy: "\n\n")
        {
            add(paragraph.replacingOccurrences(of: "\n", with: " "), theme.normal)
            lines.append(StyledLine(""))
        }
        var highlighted: ClosedRange<Int>?
        for (position, original) in p.order.enumerated() {
            let choice = p.question.choices[original]
            let isPicked = p.picked.contains(original)
            let box =
                p.question.kind == .single ? (isPicked ? "(•)" : "( )") : (isPicked ? "[x]" : "[ ]")
            var mark = position == p.highlighted && !p.revealed ? "›" : " "
            var style = isPicked ? theme.accent : theme.normal
            if p.revealed {
                if choice.isCorrect {
                    style = theme.success
                    mark = "✓"
                } else if isPicked {
                    style = theme.alert
                    mark = "✗"
                }
            }
            let start = lines.count
            add(choice.text, style, hanging: "\(mark)\(box) \(p.label(position: position))  ")
            if p.revealed {
                add(choice.why, theme.dim, indent: 8)
            }
            if position == p.highlighted { highlighted = start...(lines.count - 1) }
            lines.append(StyledLine(""))
        }
        if p.revealed {
            let verdict =
                p.isCorrect ? "Correct." : "Not quite: the answer is \(p.lettersOf(p.question.correctIndexes))."
            add(verdict, p.isCorrect ? theme.success : theme.warning)
            lines.append(StyledLine(""))
            add("Why", theme.title)
            for paragraph in p.question.explanation.trimmingCharacters(in: .whitespacesAndNewlines)
                .components(separatedBy: "\n\n")
            {
                add(paragraph.replacingOccurrences(of: "\n", with: " "), theme.normal)
            }
            if !p.question.refs.isEmpty {
                lines.append(StyledLine(""))
                add("Read more", theme.title)
                for ref in p.question.refs { add(ref, theme.dim, hanging: "· ") }
            }
        }
        return Layout(lines: lines, highlightedRange: highlighted)
    }

    /// The scroll offset actually used: the stored one, moved just enough to show the highlighted choice.
    func effectiveScroll(width: Int, height: Int) -> Int {
        let l = layout(width: width)
        var scroll = presentation.scroll
        if let range = l.highlightedRange, !presentation.revealed {
            if range.upperBound >= scroll + height { scroll = range.upperBound - height + 1 }
            if range.lowerBound < scroll { scroll = range.lowerBound }
        }
        return min(max(0, scroll), max(0, l.lines.count - height))
    }

    func render(in area: Rect, on canvas: inout Canvas) {
        guard !area.isEmpty else { return }
        let l = layout(width: area.width - 1)
        let scroll = effectiveScroll(width: area.width - 1, height: area.height)
        Paragraph(lines: l.lines, scroll: scroll, wrap: false).render(
            in: Rect(x: area.x, y: area.y, width: area.width - 1, height: area.height), on: &canvas)
        if l.lines.count > area.height {
            let marker = scroll + area.height < l.lines.count ? "▼" : " "
            let top = scroll > 0 ? "▲" : " "
            _ = canvas.write(top, x: area.maxX - 1, y: area.y, style: theme.dim)
            _ = canvas.write(marker, x: area.maxX - 1, y: area.maxY - 1, style: theme.dim)
        }
    }
}
