import Foundation
import Yams

// Internal helpers: reading pack files (UTF-8, BOM, CRLF), composing YAML with positions,
// and typed access to nodes that reports every problem instead of throwing.

final class DiagnosticCollector {
    var items: [Diagnostic] = []

    func add(_ file: String, _ mark: Mark?, _ message: String, _ severity: Diagnostic.Severity = .error) {
        items.append(
            Diagnostic(
                file: file, line: mark?.line ?? 0, column: mark?.column ?? 0,
                message: message, severity: severity))
    }

    func add(
        _ file: String, line: Int, column: Int, _ message: String,
        _ severity: Diagnostic.Severity = .error
    ) {
        items.append(Diagnostic(file: file, line: line, column: column, message: message, severity: severity))
    }
}

enum PackText {
    /// Files bigger than this are rejected without parsing.
    static let maxFileBytes = 16 * 1024 * 1024

    /// Reads a text file: rejects invalid UTF-8 (with position), drops a UTF-8 BOM, turns CRLF / CR into LF.
    static func read(_ url: URL, display: String, into sink: DiagnosticCollector) -> String? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            sink.add(display, nil, "cannot read file: \(error.localizedDescription)")
            return nil
        }
        if data.count > maxFileBytes {
            sink.add(display, nil, "file is too large (\(data.count) bytes; limit \(maxFileBytes))")
            return nil
        }
        return decode(data, display: display, into: sink)
    }

    static func decode(_ data: Data, display: String, into sink: DiagnosticCollector) -> String? {
        // The common case, valid UTF-8 with LF line ends, is validated once by the standard
        // library; anything else takes the slow path below, which also says what is wrong.
        let fast = data.withUnsafeBytes { raw -> String? in
            var body = raw.bindMemory(to: UInt8.self)[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) || body.contains(0x0D) {
                return nil
            }
            return String(validating: UnsafeBufferPointer(rebasing: body), as: UTF8.self)
        }
        if let fast { return fast }
        var bytes = [UInt8](data)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            sink.add(display, line: 1, column: 1, "file is UTF-16 encoded; save it as UTF-8")
            return nil
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = position(ofByte: bad, in: bytes)
            sink.add(
                display, line: line, column: column,
                String(format: "invalid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8", bytes[bad], bad))
            return nil
        }
        // Normalise line breaks so positions and block text are the same on every platform.
        if bytes.contains(0x0D) {
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0D {
                    out.append(0x0A)
                    if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                } else {
                    out.append(b)
                }
                i += 1
            }
            bytes = out
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Offset of the first byte that starts an invalid UTF-8 sequence, or nil.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            let len: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: len = 2
            case 0xE0: len = 3; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: len = 3
            case 0xED: len = 3; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90
            case 0xF1...0xF3: len = 4
            case 0xF4: len = 4; hi = 0x8F
            default: return i
            }
            if i + len > n { return i }
            if b[i + 1] < lo || b[i + 1] > hi { return i }
            var k = 2
            while k < len {
                if b[i + k] & 0xC0 != 0x80 { return i }
                k += 1
            }
            i += len
        }
        return nil
    }

    /// 1-based line and column (in characters, counting lead bytes) of a byte offset.
    static func position(ofByte offset: Int, in b: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        var i = 0
        while i < offset && i < b.count {
            if b[i] == 0x0A {
                line += 1
                column = 1
            } else if b[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// 1-based line and column of a character offset in a string.
    static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, i = 0
        for ch in text {
            if i >= offset { break }
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        return (line, column)
    }
}

enum PackYAML {
    /// Composes one YAML document with positions. Every plain scalar stays a string (no implicit
    /// typing); `NodeReader` interprets numbers and booleans itself. Returns `.failure` after
    /// reporting a syntax error; `.success(nil)` for an empty document.
    static func compose(_ text: String, display: String, into sink: DiagnosticCollector) -> Result<
        Node?, PackYAMLFailure
    > {
        do {
            // A resolver and constructor of its own per document: every node's tag holds strong
            // references to both, and sharing them across the parsing threads made each node
            // creation contend on the same reference counts.
            return .success(try Yams.compose(yaml: text, Resolver.basic.removing(.str), Constructor(), .utf8))
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _),
                let .parser(context, problem, mark, _),
                let .composer(context, problem, mark, _):
                var message = "YAML syntax error: \(problem)"
                if problem.contains("Maximum nesting level") {
                    message = "YAML syntax error: nested too deeply (libyaml allows 1000 levels)"
                }
                if let context, !context.text.isEmpty {
                    message += " (\(context.text) started at line \(context.mark.line), column \(context.mark.column))"
                }
                sink.add(display, mark, message)
            case let .reader(problem, offset, _, yaml):
                let (line, column) = offset.map { PackText.position(ofCharacter: $0, in: yaml) } ?? (0, 0)
                sink.add(display, line: line, column: column, "YAML reader error: \(problem)")
            case let .duplicatedKeysInMapping(duplicates, context):
                let keys = duplicates.map { $0 == "<uncovertable>" ? "(a list or mapping used as a key)" : "'\($0)'" }
                    .joined(separator: ", ")
                let first = context.mark
                if duplicates.count >= 1, let again = repeatedKeyLine(duplicates.sorted()[0], after: first, in: text) {
                    sink.add(
                        display, line: again.0, column: again.1,
                        "duplicate key \(keys) in the same mapping (first at line \(first.line))")
                } else {
                    sink.add(
                        display, first,
                        "duplicate key\(duplicates.count == 1 ? "" : "s") \(keys) in the same mapping")
                }
            case .memory:
                sink.add(display, nil, "YAML parser ran out of memory")
            default:
                sink.add(display, nil, "YAML error: \(error)")
            }
            return .failure(PackYAMLFailure())
        } catch {
            sink.add(display, nil, "YAML error: \(error)")
            return .failure(PackYAMLFailure())
        }
    }
}

extension PackYAML {
    /// Best effort: the line/column where `key` appears again in a block mapping, at the same column
    /// as its first occurrence (Yams only reports the first one). Looks at most 10,000 lines ahead.
    static func repeatedKeyLine(_ key: String, after mark: Mark, in text: String) -> (Int, Int)? {
        guard !key.isEmpty, mark.line > 0, mark.column > 0 else { return nil }
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineNumber <= mark.line { continue }
            if lineNumber > mark.line + 10_000 { break }
            let chars = Array(line.unicodeScalars)
            let start = mark.column - 1
            guard chars.count > start else { continue }
            // Everything before the key must be indentation (or the "- " of a list item).
            if !chars[..<start].allSatisfy({ $0 == " " || $0 == "-" }) {
                // A line indented less than the mapping ends it.
                if chars.prefix(start).contains(where: { $0 != " " && $0 != "-" }) && chars.first != " " { break }
                continue
            }
            let rest = String(String.UnicodeScalarView(chars[start...]))
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return (lineNumber, mark.column)
            }
        }
        return nil
    }
}

struct PackYAMLFailure: Error {}

/// Field access on composed nodes. Every accessor reports its own problem and returns nil.
struct NodeReader {
    let file: String
    let sink: DiagnosticCollector

    func error(_ node: Node?, _ message: String) {
        sink.add(file, node?.mark, message)
    }

    func warning(_ node: Node?, _ message: String) {
        sink.add(file, node?.mark, message, .warning)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(s):
            if s.style == .plain && isNull(s.string) { return "nothing" }
            if s.style == .plain, Double(s.string) != nil { return "a number" }
            return "text"
        }
    }

    static func isNull(_ s: String) -> Bool {
        s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    func mapping(_ node: Node, _ what: String) -> Node.Mapping? {
        if case let .mapping(m) = node { return m }
        error(node, "\(what) must be a mapping (key: value lines), found \(Self.describe(node))")
        return nil
    }

    /// Known fields of a mapping, looked up linearly (mappings here have at most ~10 keys; this is
    /// faster than hashing).
    struct Fields {
        let names: [String]
        var values: [Node?]
        /// Number of known fields present.
        var count = 0

        subscript(name: String) -> Node? {
            guard let i = names.firstIndex(of: name) else { return nil }
            return values[i]
        }
    }

    /// The value of a plain-text key, found without building a node to compare with (as
    /// Yams's `mapping[string]` does).
    static func value(of name: String, in map: Node.Mapping) -> Node? {
        for index in map.indices {
            let (key, value) = map[index]
            if case let .scalar(k) = key, k.string == name { return value }
        }
        return nil
    }

    /// The field names of one kind of mapping, required ones first.
    struct FieldNames: Sendable {
        let all: [String]
        let requiredCount: Int

        init(required: [String], optional: [String]) {
            all = required + optional
            requiredCount = required.count
        }
    }

    /// Checks keys: reports unknown and missing fields. Returns the values by key.
    func fields(
        _ node: Node, _ map: Node.Mapping, what: String,
        required: [String], optional: [String]
    ) -> Fields {
        fields(node, map, what: what, FieldNames(required: required, optional: optional))
    }

    /// The same, with names built once for a kind of mapping that occurs many times.
    func fields(_ node: Node, _ map: Node.Mapping, what: String, _ fieldNames: FieldNames) -> Fields {
        let names = fieldNames.all
        var out = Fields(names: names, values: Array(repeating: nil, count: names.count))
        // By index: iterating a Yams mapping copies all its pairs into a new array first.
        for index in map.indices {
            let (key, value) = map[index]
            guard case let .scalar(k) = key else {
                error(key, "keys in \(what) must be plain names, found \(Self.describe(key))")
                continue
            }
            let name = k.string
            if let i = names.firstIndex(of: name) {
                if out.values[i] == nil { out.count += 1 }
                out.values[i] = value
            } else {
                error(key, "unknown field '\(name)' in \(what) (expected: \(names.joined(separator: ", ")))")
            }
        }
        for (i, name) in names.prefix(fieldNames.requiredCount).enumerated() where out.values[i] == nil {
            error(node, "\(what) is missing field '\(name)'")
        }
        return out
    }

    enum TextKind {
        /// Single line: no line breaks or tabs.
        case line
        /// Block text: line breaks and tabs allowed.
        case block
    }

    /// Reads text; trims surrounding whitespace. Numbers and booleans written plainly are taken
    /// as the text they are written as.
    func text(_ node: Node?, field: String, what: String, kind: TextKind, allowEmpty: Bool = false) -> String? {
        guard let node else { return nil }
        guard case let .scalar(s) = node else {
            error(node, "field '\(field)' of \(what) must be text, found \(Self.describe(node))")
            return nil
        }
        let raw = (s.style == .plain && Self.isNull(s.string)) ? "" : s.string
        let value = Self.trimmed(raw)
        if value.isEmpty && !allowEmpty {
            error(node, "field '\(field)' of \(what) is empty")
            return nil
        }
        if let bad = Self.firstControlCharacter(value, allowBreaks: kind == .block) {
            error(node, "field '\(field)' of \(what) contains control character \(Self.codePoint(bad))")
            return nil
        }
        return value
    }

    /// Strips leading and trailing whitespace and line breaks (much faster than Foundation's
    /// `trimmingCharacters(in:)` on Linux, which dominated load time).
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
            isSpace(first) || isSpace(last)
        else { return s }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[start...end])
    }

    static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return true
        case 0..<0x80: return false
        default: return u.properties.isWhitespace
        }
    }

    static func codePoint(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The first C0 control (but line feed and tab when `allowBreaks`), DEL, C1 control, U+2028
    /// or U+2029 in `s`, found on its UTF-8 bytes (valid UTF-8 never has a lead byte inside a
    /// sequence, so a byte-by-byte scan cannot misread one).
    static func firstControlCharacter(_ s: String, allowBreaks: Bool) -> Unicode.Scalar? {
        var s = s
        return s.withUTF8 { u -> Unicode.Scalar? in
            let n = u.count
            var i = 0
            while i < n {
                let b = u[i]
                if b < 0x20 {
                    if !(allowBreaks && (b == 0x0A || b == 0x09)) { return Unicode.Scalar(b) }
                } else if b == 0x7F {
                    return Unicode.Scalar(b)
                } else if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(u[i + 1]) {
                    return Unicode.Scalar(u[i + 1])  // U+0080...U+009F are C2 80...C2 9F
                } else if b == 0xE2, i + 2 < n, u[i + 1] == 0x80, u[i + 2] == 0xA8 || u[i + 2] == 0xA9 {
                    return Unicode.Scalar(0x2000 + UInt32(u[i + 2] - 0x80))  // E2 80 A8/A9
                }
                i += 1
            }
            return nil
        }
    }

    /// An identifier: letters, digits, `.`, `_`, `-`; starts with a letter or digit; at most 100 characters.
    func identifier(_ node: Node?, field: String, what: String) -> String? {
        guard let value = text(node, field: field, what: what, kind: .line) else { return nil }
        if !Self.isIdentifier(value) {
            error(
                node,
                "field '\(field)' of \(what) must be an id made of letters, digits, '.', '_' or '-' "
                    + "(starting with a letter or digit, at most 100 characters), found '\(Self.clip(value))'")
            return nil
        }
        return value
    }

    static func isIdentifier(_ s: String) -> Bool {
        let u = s.utf8
        guard !u.isEmpty, u.count <= 100 else { return false }
        for (i, c) in u.enumerated() {
            let alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
            if alnum { continue }
            if i > 0 && (c == 0x2E || c == 0x5F || c == 0x2D) { continue }
            return false
        }
        return true
    }

    static func clip(_ s: String, _ n: Int = 40) -> String {
        s.count <= n ? s : String(s.prefix(n)) + "…"
    }

    func int(_ node: Node?, field: String, what: String, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node else { return nil }
        guard case let .scalar(s) = node, s.style == .plain,
            let value = Int(s.string.hasPrefix("+") ? String(s.string.dropFirst()) : s.string)
        else {
            error(
                node,
                "field '\(field)' of \(what) must be a whole number, found \(Self.describe(node))"
                    + Self.quoted(node))
            return nil
        }
        if let range, !range.contains(value) {
            error(
                node,
                "field '\(field)' of \(what) must be between \(range.lowerBound) and \(range.upperBound), found \(value)"
            )
            return nil
        }
        return value
    }

    func number(_ node: Node?, field: String, what: String) -> Double? {
        guard let node else { return nil }
        guard case let .scalar(s) = node, s.style == .plain, let value = Double(s.string), value.isFinite else {
            error(
                node, "field '\(field)' of \(what) must be a number, found \(Self.describe(node))" + Self.quoted(node))
            return nil
        }
        return value
    }

    func bool(_ node: Node?, field: String, what: String) -> Bool? {
        guard let node else { return nil }
        if case let .scalar(s) = node, s.style == .plain {
            switch s.string {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
            default: break
            }
        }
        error(
            node, "field '\(field)' of \(what) must be true or false, found \(Self.describe(node))" + Self.quoted(node))
        return nil
    }

    func list(_ node: Node?, field: String, what: String) -> [Node]? {
        guard let node else { return nil }
        if case let .sequence(seq) = node { return Array(seq) }
        error(node, "field '\(field)' of \(what) must be a list, found \(Self.describe(node))")
        return nil
    }

    /// A list of single-line texts. Returns nil if the field is not a list; bad items are reported and dropped
    /// (with `ok` set to false).
    func textList(_ node: Node?, field: String, what: String, ok: inout Bool) -> [String]? {
        guard let items = list(node, field: field, what: what) else { ok = false; return nil }
        var out = [String]()
        out.reserveCapacity(items.count)
        for item in items {
            if let t = text(item, field: field, what: what, kind: .line) { out.append(t) } else { ok = false }
        }
        return out
    }

    static func quoted(_ node: Node) -> String {
        if case let .scalar(s) = node, !(s.style == .plain && isNull(s.string)) {
            return " '\(clip(s.string))'"
        }
        return ""
    }
}
