import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A parsed copy of a valid pack, reused while none of its files changed.
///
/// Parsing YAML is most of Proctor's start-up; decoding the cached JSON is about five
/// times faster. The cache is keyed on every file's path, size, modification time and
/// inode, so any edit, addition or removal reloads (and revalidates) the pack. Only valid
/// packs are cached, and any problem with the cache falls back to a full load.
public enum PackCache {
    static let formatVersion = 1

    /// `$XDG_CACHE_HOME/proctor`, else `~/.cache/proctor`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("proctor")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/proctor")
    }

    /// Loads the pack at `directory`, from the cache in `cacheDirectory` when it is current.
    /// - Throws: `PackLoadError`, as `PackLoader.load` does, when the pack is invalid.
    public static func load(directory: URL, cacheDirectory: URL) throws -> ExamPack {
        let directory = directory.standardizedFileURL
        guard let fingerprint = fingerprint(of: directory) else { return try PackLoader.load(directory: directory) }
        let file = cacheDirectory.appendingPathComponent("packs/\(hash(directory.path)).json")
        if let data = try? Data(contentsOf: file),
            let cached = try? JSONDecoder().decode(CachedPack.self, from: data),
            cached.version == formatVersion, cached.fingerprint == fingerprint, cached.directory == directory.path
        {
            return cached.pack(directory: directory)
        }
        let pack = try PackLoader.load(directory: directory)
        store(CachedPack(pack, fingerprint: fingerprint, directory: directory.path), at: file)
        return pack
    }

    /// Path, size, modification time and inode of every file of the pack; nil when unreadable.
    static func fingerprint(of directory: URL) -> String? {
        var parts: [String] = []
        func add(_ url: URL, _ name: String) -> Bool {
            var info = stat()
            guard stat(url.path, &info) == 0 else { return false }
            parts.append(
                "\(name)|\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_ino)|\(info.st_mode)")
            return true
        }
        guard add(directory.appendingPathComponent(PackValidator.outlineFileName), PackValidator.outlineFileName)
        else { return nil }
        for folder in [PackValidator.questionsFolderName, PackValidator.notesFolderName] {
            let url = directory.appendingPathComponent(folder)
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
                if folder == PackValidator.questionsFolderName { return nil }
                continue
            }
            for name in names.sorted() where !add(url.appendingPathComponent(name), folder + "/" + name) {
                return nil
            }
        }
        return parts.joined(separator: "\n")
    }

    /// FNV-1a, enough to give each pack folder its own cache file name.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return String(h, radix: 16)
    }

    /// Writes the cache privately and atomically; a failure only costs the next start its speed.
    private static func store(_ cached: CachedPack, at file: URL) {
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard let data = try? JSONEncoder().encode(cached) else { return }
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid())")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
    }
}

private struct CachedPack: Codable {
    let version: Int
    let fingerprint: String
    let directory: String
    let id: String
    let title: String
    let vendor: String
    let guideVersion: String
    let exam: ExamFacts
    let sections: [Section]
    let questions: [Question]

    init(_ pack: ExamPack, fingerprint: String, directory: String) {
        version = PackCache.formatVersion
        self.fingerprint = fingerprint
        self.directory = directory
        id = pack.id
        title = pack.title
        vendor = pack.vendor
        guideVersion = pack.guideVersion
        exam = pack.exam
        sections = pack.sections
        questions = pack.questions
    }

    func pack(directory: URL) -> ExamPack {
        ExamPack(
            id: id, title: title, vendor: vendor, guideVersion: guideVersion, exam: exam, sections: sections,
            questions: questions, directory: directory)
    }
}
