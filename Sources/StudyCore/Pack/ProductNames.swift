import Foundation
import Yams

/// Parses `names.yaml`: a list of `{former, current, changed, source}`.
struct ProductNamesParser {
    let sink: DiagnosticCollector

    func parse(_ url: URL) -> [ProductName] {
        let file = PackValidator.namesFileName
        guard let text = PackText.read(url, display: file, into: sink),
            case let .success(rootOrNil) = PackYAML.compose(text, display: file, into: sink)
        else { return [] }
        let r = NodeReader(file: file, sink: sink)
        guard let root = rootOrNil else { return [] }
        guard let items = r.list(root, field: "names", what: file) else { return [] }
        var names: [ProductName] = []
        var seen = [String: Int]()
        for (i, item) in items.enumerated() {
            let what = "name \(i + 1) of \(file)"
            guard let map = r.mapping(item, what) else { continue }
            let f = r.fields(item, map, what: what, required: ["former", "current", "changed", "source"], optional: [])
            guard let former = r.text(f["former"], field: "former", what: what, kind: .line),
                let current = r.text(f["current"], field: "current", what: what, kind: .line),
                let changed = r.text(f["changed"], field: "changed", what: what, kind: .line),
                let source = r.text(f["source"], field: "source", what: what, kind: .line)
            else { continue }
            if !ReviewDate.isValid(changed) && !ReviewDate.isValidDay(changed) {
                r.error(f["changed"], "field 'changed' of \(what) must be YYYY-MM or YYYY-MM-DD, found '\(changed)'")
                continue
            }
            if let first = seen[former] {
                r.error(f["former"], "former name '\(former)' is listed twice (first as name \(first))")
                continue
            }
            seen[former] = i + 1
            names.append(ProductName(former: former, current: current, changed: changed, source: source))
        }
        return names
    }
}

/// Finds former product names in text, as whole words; where two overlap ("Vertex AI Pipelines"
/// and "Vertex AI") only the longer counts. One pass over the text: the names are indexed by
/// their first byte, so validating a pack costs a table lookup per byte, not a scan per name.
struct ProductNameScanner: Sendable {
    private let names: [ProductName]
    /// first byte -> (name index, its UTF-8 bytes), longest first.
    private let candidates: [[(index: Int, bytes: [UInt8])]]

    init(_ names: [ProductName]) {
        self.names = names
        var table = [[(index: Int, bytes: [UInt8])]](repeating: [], count: 256)
        for (i, name) in names.enumerated() {
            let bytes = Array(name.former.utf8)
            guard let first = bytes.first else { continue }
            table[Int(first)].append((i, bytes))
        }
        candidates = table.map { $0.sorted { $0.bytes.count > $1.bytes.count } }
    }

    /// The renamed products `text` names by a former name, each once, in order of first use.
    func formerNames(in text: String) -> [ProductName] {
        guard !names.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { scan($0) }.map { names[$0] }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let list = candidates[Int(bytes[i])]
            if !list.isEmpty, Self.isBoundary(bytes, i - 1) {
                var matched = 0
                for c in list where i + c.bytes.count <= n && Self.isBoundary(bytes, i + c.bytes.count) {
                    if UnsafeBufferPointer(rebasing: bytes[i..<i + c.bytes.count]).elementsEqual(c.bytes) {
                        if !found.contains(c.index) { found.append(c.index) }
                        matched = c.bytes.count
                        break
                    }
                }
                if matched > 0 {
                    i += matched
                    continue
                }
            }
            i += 1
        }
        return found
    }

    private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i >= 0, i < bytes.count else { return true }
        let b = bytes[i]
        let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
        return !isWord
    }

    /// A warning for each former name in `text`, at `node`.
    func warn(in text: String, at node: Node?, what: String, _ r: NodeReader) {
        for name in formerNames(in: text) {
            r.warning(
                node, "\(what) uses the former product name '\(name.former)'; the current name is '\(name.current)'")
        }
    }
}

/// `review_by` months and `changed` dates.
public enum ReviewDate {
    /// `YYYY-MM` with a month 01-12.
    public static func isValid(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 7, b[4] == 0x2D, digits(b[0..<4]), digits(b[5..<7]) else { return false }
        let month = Int(b[5] - 0x30) * 10 + Int(b[6] - 0x30)
        return (1...12).contains(month)
    }

    /// `YYYY-MM-DD`.
    static func isValidDay(_ s: String) -> Bool {
        let b = Array(s.utf8)
        guard b.count == 10, b[7] == 0x2D, digits(b[8..<10]) else { return false }
        return isValid(String(decoding: b[0..<7], as: UTF8.self))
    }

    private static func digits(_ b: ArraySlice<UInt8>) -> Bool { b.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// True when the month `reviewBy` (YYYY-MM) has ended before `now` (UTC).
    public static func isPast(_ reviewBy: String, now: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month], from: now)
        let current = String(format: "%04d-%02d", c.year ?? 0, c.month ?? 0)
        return reviewBy < current
    }
}
