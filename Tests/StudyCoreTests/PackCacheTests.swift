import Foundation
import XCTest

@testable import StudyCore

final class PackCacheTests: XCTestCase {
    private var root: URL!
    private var pack: URL { root.appendingPathComponent("pack") }
    private var cache: URL { root.appendingPathComponent("cache") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("packcache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/packs/generic")
        try FileManager.default.copyItem(at: fixture, to: pack)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private var cacheFiles: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("packs").path)) ?? []
    }

    func testSecondLoadComesFromTheCacheAndMatches() throws {
        let first = try PackCache.load(directory: pack, cacheDirectory: cache)
        XCTAssertEqual(cacheFiles.count, 1)
        let second = try PackCache.load(directory: pack, cacheDirectory: cache)
        XCTAssertEqual(second.questions, first.questions)
        XCTAssertEqual(second.sections, first.sections)
        XCTAssertEqual(second.exam, first.exam)
        XCTAssertEqual(second.title, first.title)
        let mode =
            try FileManager.default.attributesOfItem(
                atPath: cache.appendingPathComponent("packs/\(cacheFiles[0])").path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
    }

    func testAnEditedFileIsReloaded() throws {
        _ = try PackCache.load(directory: pack, cacheDirectory: cache)
        let file = pack.appendingPathComponent("questions/food.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Question fd-001?", with: "Edited fd-001?").write(
            to: file, atomically: true, encoding: .utf8)
        let reloaded = try PackCache.load(directory: pack, cacheDirectory: cache)
        XCTAssertEqual(reloaded.question(id: "fd-001")?.stem, "Edited fd-001?")
    }

    func testAnInvalidPackIsNeverServedFromTheCache() throws {
        _ = try PackCache.load(directory: pack, cacheDirectory: cache)
        let file = pack.appendingPathComponent("questions/food.yaml")
        try "- id: [broken\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PackCache.load(directory: pack, cacheDirectory: cache)) {
            XCTAssertTrue($0 is PackLoadError, "\($0)")
        }
    }

    private var cacheFile: URL { cache.appendingPathComponent("packs/\(cacheFiles[0])") }

    private func modificationDate(_ url: URL) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
    }

    private var cacheHeader: (identity: String, key: String)? {
        FileManager.default.contents(atPath: cacheFile.path).flatMap { PackCacheCodec.header([UInt8]($0)) }
    }

    /// The key is the files' contents: a same-size edit under the old modification time reloads,
    /// and a new modification time alone does not (the cache only records the files' new identity,
    /// so the next start skips hashing again). An unchanged pack leaves the cache file alone.
    func testTheCacheFollowsContentsNotTimes() throws {
        _ = try PackCache.load(directory: pack, cacheDirectory: cache)
        let file = pack.appendingPathComponent("questions/food.yaml")
        let before = try XCTUnwrap(cacheHeader)
        let written = try XCTUnwrap(try modificationDate(cacheFile))
        Thread.sleep(forTimeInterval: 0.01)
        _ = try PackCache.load(directory: pack, cacheDirectory: cache)
        XCTAssertEqual(try modificationDate(cacheFile), written, "an unchanged pack must not rewrite the cache")

        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: file.path)
        _ = try PackCache.load(directory: pack, cacheDirectory: cache)
        let touched = try XCTUnwrap(cacheHeader)
        XCTAssertEqual(touched.key, before.key, "a touched file keeps the content key")
        XCTAssertNotEqual(touched.identity, before.identity, "and the cache records the files' new identity")

        let original = try XCTUnwrap(try modificationDate(file))
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Question fd-001?", with: "Qxestion fd-001?").write(
            to: file, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: original], ofItemAtPath: file.path)
        XCTAssertEqual(
            try PackCache.load(directory: pack, cacheDirectory: cache).question(id: "fd-001")?.stem, "Qxestion fd-001?")
    }

    func testCodecRoundTripsEveryFieldAndRejectsDamage() throws {
        let loaded = try PackLoader.load(directory: pack)
        let bytes = PackCacheCodec.encode(loaded, key: "k")
        let back = try XCTUnwrap(PackCacheCodec.decode(bytes, key: "k", directory: pack))
        XCTAssertEqual(back.questions, loaded.questions)
        XCTAssertEqual(back.sections, loaded.sections)
        XCTAssertEqual(back.exam, loaded.exam)
        XCTAssertEqual(
            [back.id, back.title, back.vendor, back.edition.id, back.edition.title],
            [loaded.id, loaded.title, loaded.vendor, loaded.edition.id, loaded.edition.title])
        XCTAssertEqual(back.editions, loaded.editions)
        XCTAssertEqual(back.bank, loaded.bank)
        XCTAssertEqual(back.productNames, loaded.productNames)
        XCTAssertNil(PackCacheCodec.decode(bytes, key: "other", directory: pack))
        let recovered = QuestionBody(stem: "recovered", choices: [], explanation: "", refs: [])
        let originals = Dictionary(uniqueKeysWithValues: loaded.bank.map { ($0.id, $0.body) })
        var rng = SplitMix64(seed: 4)
        var refused = 0
        for _ in 0..<300 {
            let cut = Int(rng.next() % UInt64(bytes.count))
            // A cut file loses bodies or metadata: it is refused whole, or its lost bodies recover.
            for damaged in [
                Array(bytes[..<cut]),
                {
                    var b = bytes; b[cut] ^= 0xFF; return b
                }(),
            ] {
                guard let pack = PackCacheCodec.decode(damaged, key: "k", directory: pack, recover: { _ in recovered })
                else {
                    refused += 1
                    continue
                }
                // Damage that gets past the metadata checksum can only touch bodies, and each body's
                // hash sends a damaged one to recovery: no damaged byte is ever shown (a flag that
                // marks a choice correct, a length that lands on another field).
                XCTAssertEqual(pack.bank.map(\.id), loaded.bank.map(\.id), "byte \(cut)")
                for q in pack.bank {
                    XCTAssertTrue(q.body == originals[q.id] || q.body == recovered, "byte \(cut), \(q.id)")
                }
            }
        }
        XCTAssertGreaterThan(refused, 0)
    }

    /// A damaged body found after start-up is read again from the YAML, and the cache is removed.
    func testADamagedBodyIsReadAgainFromThePack() throws {
        _ = try PackCache.load(directory: pack, cacheDirectory: cache)
        let file = cacheFile
        var bytes = [UInt8](try Data(contentsOf: file))
        bytes[bytes.count - 3] ^= 0xFF  // inside the last question's body
        try Data(bytes).write(to: file)
        let loaded = try PackCache.load(directory: pack, cacheDirectory: cache)
        let fresh = try PackLoader.load(directory: pack)
        XCTAssertEqual(loaded.bank.map { $0.body }, fresh.bank.map { $0.body })
        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path), "the damaged cache is removed")
    }

    func testADamagedCacheFallsBackToAFullLoad() throws {
        _ = try PackCache.load(directory: pack, cacheDirectory: cache)
        let file = cache.appendingPathComponent("packs/\(cacheFiles[0])")
        try Data("{ not json".utf8).write(to: file)
        let loaded = try PackCache.load(directory: pack, cacheDirectory: cache)
        XCTAssertEqual(loaded.questions.count, 12)
    }

    /// Two programs (the debug build and an installed one) keep a slot each; old slots are pruned.
    func testEachProgramKeepsItsOwnSlotAndOldSlotsArePruned() throws {
        XCTAssertNotEqual(
            PackCache.slotName(pack: pack, program: "/src/.build/debug/proctor"),
            PackCache.slotName(pack: pack, program: "/usr/local/bin/proctor"))
        XCTAssertEqual(
            PackCache.slotName(pack: pack, program: "/usr/local/bin/proctor"),
            PackCache.slotName(pack: pack, program: "/usr/local/bin/proctor"))

        let folder = cache.appendingPathComponent("packs")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for i in 0..<(PackCache.maxSlots + 3) {
            let file = folder.appendingPathComponent("p-\(i).bin")
            try Data([1]).write(to: file)
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: Double(1_000_000 + i))], ofItemAtPath: file.path)
        }
        try Data([1]).write(to: folder.appendingPathComponent("old.json"))
        try Data([1]).write(to: folder.appendingPathComponent("0123abc.bin"))
        PackCache.prune(folder)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(left, (3..<(PackCache.maxSlots + 3)).map { "p-\($0).bin" }.sorted())
    }
}
