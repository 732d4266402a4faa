import Foundation

/// The pack cache's file format: a flat byte stream of the pack's values (unsigned LEB128
/// integers, strings as a length and UTF-8 bytes), read back without Codable. Decoding the
/// shipped pack this way takes about a millisecond, where JSONDecoder took most of start-up.
///
/// The stream is only ever read by the code that wrote it. The header holds the format version,
/// the identity and key of the files it was made from and a checksum of the metadata (outline,
/// names, every question's id, placement and kind); anything unexpected there makes `decode`
/// return nil, and the caller loads the pack from its YAML instead. Question bodies follow the
/// metadata, each with its own hash, checked when the body is first read: start-up touches
/// none of them, and a damaged body can still never pass for, say, a different answer key
/// (`recover` reloads it from the YAML).
enum PackCacheCodec {
    static let magic: [UInt8] = Array("PROCTOR-PACK".utf8)
    static let formatVersion = 8

    /// `identity`: what `stat` said of the pack files when they hashed to `key` (see `PackCache`).
    static func encode(_ pack: ExamPack, key: String, identity: String = "") -> [UInt8] {
        var bodies = ByteWriter()
        let meta = encodeMeta(pack, bodies: &bodies)
        var w = ByteWriter()
        w.bytes(magic)
        w.int(formatVersion)
        w.string(identity)
        w.string(key)
        w.string(checksum(meta[...]))
        w.int(meta.count)
        w.bytes(meta)
        w.bytes(bodies.buffer)
        return w.buffer
    }

    static func bodyHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = ContentHash()
        hasher.add(UnsafeRawBufferPointer(bytes))
        return hasher.value
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { checksum($0) }
    }

    static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var hasher = ContentHash()
        hasher.add(UnsafeRawBufferPointer(bytes))
        return hasher.hex
    }

    /// The metadata stream; question bodies go to `bodies`, referenced by offset, length and hash.
    private static func encodeMeta(_ pack: ExamPack, bodies: inout ByteWriter) -> [UInt8] {
        var words = WordTable()
        var w = ByteWriter()
        w.string(pack.id)
        w.string(pack.title)
        w.string(pack.vendor)
        w.int(pack.exam.minutes)
        w.int(pack.exam.questionCount)
        w.int(pack.exam.maxQuestions)
        w.double(pack.exam.passingPercent)
        w.bool(pack.exam.passingIsEstimate)
        w.int(pack.editions.count)
        for edition in pack.editions {
            w.string(edition.id)
            w.string(edition.title)
            encodeSections(edition.sections, &w)
        }
        w.int(pack.productNames.count)
        for name in pack.productNames {
            w.strings([name.former, name.current, name.changed, name.source])
        }
        w.int(pack.bank.count)
        for q in pack.bank {
            w.string(q.id)
            w.int(words.index(q.subsectionID))
            w.int(q.covers.count)
            for c in q.covers { w.int(words.index(c)) }
            w.bool(q.kind == .multiple)
            w.int(q.difficulty)
            // The body lives after the metadata, so loading never touches it.
            let body = encodeBody(q.body)
            w.int(bodies.count)
            w.int(body.count)
            w.uint64(body.withUnsafeBufferPointer(bodyHash))
            bodies.bytes(body)
            w.int(words.index(q.reviewBy ?? ""))
            w.int(words.index(q.sourceFile))
            w.int(q.sourceLine)
        }
        // Subsection and consideration ids, review months and file names repeat across
        // questions: each is stored once, so loading builds one string per distinct value.
        var out = ByteWriter()
        out.strings(words.list)
        out.bytes(w.buffer)
        return out.buffer
    }

    /// Distinct strings in first-use order, for the table in front of the questions.
    struct WordTable {
        private(set) var list: [String] = []
        private var positions: [String: Int] = [:]

        mutating func index(_ s: String) -> Int {
            if let i = positions[s] { return i }
            positions[s] = list.count
            list.append(s)
            return list.count - 1
        }
    }

    private static func encodeBody(_ body: QuestionBody) -> [UInt8] {
        var w = ByteWriter()
        w.string(body.stem)
        w.int(body.choices.count)
        for c in body.choices {
            w.string(c.text)
            w.bool(c.isCorrect)
            w.string(c.why)
        }
        w.string(body.explanation)
        w.strings(body.refs)
        return w.buffer
    }

    /// A body the checksum already vouched for; nil only if the writer and reader disagree.
    static func decodeBody(_ r: inout ByteReader) -> QuestionBody? {
        guard let stem = r.string(), let choiceCount = r.count() else { return nil }
        var choices: [Choice] = []
        choices.reserveCapacity(choiceCount)
        for _ in 0..<choiceCount {
            guard let text = r.string(), let correct = r.bool(), let why = r.string() else { return nil }
            choices.append(Choice(text: text, isCorrect: correct, why: why))
        }
        guard let explanation = r.string(), let refs = r.strings() else { return nil }
        return QuestionBody(stem: stem, choices: choices, explanation: explanation, refs: refs)
    }

    private static func encodeSections(_ sections: [Section], _ w: inout ByteWriter) {
        w.int(sections.count)
        for section in sections {
            w.string(section.id)
            w.string(section.title)
            w.int(section.weight)
            w.int(section.subsections.count)
            for sub in section.subsections {
                w.string(sub.id)
                w.string(sub.title)
                w.string(sub.notes)
                w.int(sub.considerations.count)
                for c in sub.considerations {
                    w.string(c.id)
                    w.string(c.text)
                }
            }
        }
    }

    /// The file identity and content key a cache was written for, without checking its body.
    static func header(_ data: [UInt8]) -> (identity: String, key: String)? { header(CacheBytes(data)) }

    static func header(_ data: CacheBytes) -> (identity: String, key: String)? {
        var r = ByteReader(data)
        guard r.bytes(magic.count) == magic, r.int() == formatVersion, let identity = r.string(),
            let key = r.string()
        else { return nil }
        return (identity, key)
    }

    /// The pack stored in `data` (seen through its default edition) when it was written for `key`
    /// by this format version.
    static func decode(
        _ data: [UInt8], key: String, directory: URL,
        recover: @escaping @Sendable (_ questionID: String) -> QuestionBody = { _ in .unreadable }
    ) -> ExamPack? {
        decode(CacheBytes(data), key: key, directory: directory, recover: recover)
    }

    static func decode(
        _ data: CacheBytes, key: String, directory: URL,
        recover: @escaping @Sendable (_ questionID: String) -> QuestionBody = { _ in .unreadable }
    ) -> ExamPack? {
        var r = ByteReader(data)
        guard r.bytes(magic.count) == magic, r.int() == formatVersion, r.string() != nil, r.string() == key,
            let sum = r.string(), let metaCount = r.count()
        else { return nil }
        let metaStart = r.position
        let bodiesStart = metaStart + metaCount
        guard sum == checksum(data.buffer(metaStart..<bodiesStart)), let words = r.strings() else { return nil }
        func word(_ index: Int?) -> String? { index.flatMap { words.indices.contains($0) ? words[$0] : nil } }
        guard let id = r.string(), let title = r.string(), let vendor = r.string(),
            let minutes = r.int(), let count = r.int(), let maxCount = r.int(), let passing = r.double(),
            let estimate = r.bool(), let editionCount = r.count()
        else { return nil }
        var editions: [Edition] = []
        for _ in 0..<editionCount {
            guard let eid = r.string(), let etitle = r.string(), let sections = decodeSections(&r) else { return nil }
            editions.append(Edition(id: eid, title: etitle, sections: sections))
        }
        guard let nameCount = r.count() else { return nil }
        var names: [ProductName] = []
        for _ in 0..<nameCount {
            guard let fields = r.strings(), fields.count == 4 else { return nil }
            names.append(ProductName(former: fields[0], current: fields[1], changed: fields[2], source: fields[3]))
        }
        guard let questionCount = r.count() else { return nil }
        var questions: [Question] = []
        questions.reserveCapacity(questionCount)
        for _ in 0..<questionCount {
            guard let qid = r.string(), let sub = word(r.int()), let coverCount = r.count() else { return nil }
            var covers: [String] = []
            covers.reserveCapacity(coverCount)
            for _ in 0..<coverCount {
                guard let c = word(r.int()) else { return nil }
                covers.append(c)
            }
            guard let multiple = r.bool(), let difficulty = r.int(), let offset = r.int(), let length = r.int(),
                let hash = r.uint64(), offset >= 0, length >= 0, bodiesStart + offset + length <= data.count,
                let reviewBy = word(r.int()), let file = word(r.int()), let line = r.int()
            else { return nil }
            let range = bodiesStart + offset..<bodiesStart + offset + length
            let content = QuestionContent {
                let bytes = data.buffer(range)
                var reader = ByteReader(data, at: range.lowerBound)
                if bodyHash(bytes) == hash, let body = decodeBody(&reader), reader.position == range.upperBound {
                    return body
                }
                return recover(qid)
            }
            questions.append(
                Question(
                    id: qid, subsectionID: sub, covers: covers, kind: multiple ? .multiple : .single,
                    difficulty: difficulty, content: content, reviewBy: reviewBy.isEmpty ? nil : reviewBy,
                    sourceFile: file, sourceLine: line))
        }
        guard r.position == bodiesStart else { return nil }
        return ExamPack(
            id: id, title: title, vendor: vendor,
            exam: ExamFacts(
                minutes: minutes, questionCount: count, maxQuestions: maxCount, passingPercent: passing,
                passingIsEstimate: estimate),
            editions: editions, bank: questions, productNames: names, directory: directory)
    }

    private static func decodeSections(_ r: inout ByteReader) -> [Section]? {
        guard let sectionCount = r.count() else { return nil }
        var sections: [Section] = []
        sections.reserveCapacity(sectionCount)
        for _ in 0..<sectionCount {
            guard let sid = r.string(), let stitle = r.string(), let weight = r.int(), let subCount = r.count()
            else { return nil }
            var subsections: [Subsection] = []
            for _ in 0..<subCount {
                guard let uid = r.string(), let utitle = r.string(), let notes = r.string(), let n = r.count()
                else { return nil }
                var considerations: [Consideration] = []
                for _ in 0..<n {
                    guard let cid = r.string(), let text = r.string() else { return nil }
                    considerations.append(Consideration(id: cid, text: text))
                }
                subsections.append(Subsection(id: uid, title: utitle, considerations: considerations, notes: notes))
            }
            sections.append(Section(id: sid, title: stitle, weight: weight, subsections: subsections))
        }
        return sections
    }
}

struct ByteWriter {
    private(set) var buffer: [UInt8] = []

    mutating func bytes(_ b: [UInt8]) { buffer += b }

    /// Unsigned LEB128 of the value's bit pattern (negative numbers take ten bytes; none occur).
    mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value))
        while v >= 0x80 {
            buffer.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        buffer.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { buffer.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { buffer += $0 }
    }

    mutating func string(_ s: String) {
        let utf8 = s.utf8
        int(utf8.count)
        buffer += utf8
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    var count: Int { buffer.count }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { buffer += $0 }
    }
}

/// The bytes of a cache file: mapped from the file (no copy; pages are read as they are
/// touched) or held in an array. Question bodies keep a reference, since they are decoded
/// from these bytes on first use.
final class CacheBytes: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    private let copy: UnsafeMutablePointer<UInt8>?
    private let mapping: UnsafeMutableRawPointer?

    /// A private copy of `bytes`.
    init(_ bytes: [UInt8]) {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        storage.initialize(from: bytes, count: bytes.count)
        copy = storage
        mapping = nil
        count = bytes.count
        base = UnsafePointer(storage)
    }

    /// The file mapped read-only, or nil when it is missing, empty or cannot be mapped.
    init?(mapping path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0,
            let pointer = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED
        else { return nil }
        copy = nil
        mapping = pointer
        count = Int(info.st_size)
        base = UnsafePointer(pointer.assumingMemoryBound(to: UInt8.self))
    }

    deinit {
        if let mapping { munmap(mapping, count) }
        copy?.deallocate()
    }

    subscript(_ i: Int) -> UInt8 { base[i] }

    func buffer(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}

struct ByteReader {
    private let data: CacheBytes
    private var offset = 0

    init(_ data: [UInt8]) { self.data = CacheBytes(data) }

    init(_ data: CacheBytes, at offset: Int = 0) {
        self.data = data
        self.offset = offset
    }

    var isAtEnd: Bool { offset == data.count }

    mutating func bytes(_ n: Int) -> [UInt8]? {
        guard n >= 0, n <= data.count - offset else { return nil }
        defer { offset += n }
        return Array(data.buffer(offset..<offset + n))
    }

    mutating func int() -> Int? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < data.count, shift < 64 {
            let b = data[offset]
            offset += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return Int(Int64(bitPattern: result)) }
            shift += 7
        }
        return nil
    }

    /// A count of following items, which can never exceed the bytes left.
    mutating func count() -> Int? {
        guard let n = int(), n >= 0, n <= data.count - offset else { return nil }
        return n
    }

    mutating func bool() -> Bool? {
        guard offset < data.count, data[offset] <= 1 else { return nil }
        defer { offset += 1 }
        return data[offset] == 1
    }

    mutating func double() -> Double? {
        guard data.count - offset >= 8 else { return nil }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(data[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return Double(bitPattern: bits)
    }

    var remaining: UnsafeBufferPointer<UInt8> { data.buffer(offset..<data.count) }

    /// The body's checksum vouches for the bytes, which the writer took from valid strings;
    /// `String(validating:as:)` would check them again through unspecialized generic code
    /// that cost most of the decoding time.
    mutating func string() -> String? {
        guard let n = count() else { return nil }
        defer { offset += n }
        let source = data.buffer(offset..<offset + n)
        return String(unsafeUninitializedCapacity: n) { target in
            _ = target.initialize(from: source)
            return n
        }
    }

    var position: Int { offset }

    mutating func uint64() -> UInt64? {
        guard data.count - offset >= 8 else { return nil }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(data[offset + i]) << (8 * UInt64(i)) }
        offset += 8
        return value
    }

    mutating func strings() -> [String]? {
        guard let n = count() else { return nil }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let s = string() else { return nil }
            out.append(s)
        }
        return out
    }
}
