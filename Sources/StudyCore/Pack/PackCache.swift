import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A parsed copy of a valid pack, reused while none of its files changed.
///
/// Parsing YAML is most of Proctor's start-up; reading the cached copy (`PackCacheCodec`)
/// takes about a millisecond. The cache is keyed on the contents of every file of the pack
/// (with their names) and on the running executable, so an edit, addition or removal reloads
/// and revalidates the pack, while a copy or a checkout that only touches modification times
/// still hits. Only valid packs are cached, and any problem with the cache falls back to a
/// full load.
public enum PackCache {
    /// `$XDG_CACHE_HOME/proctor`, else `~/.cache/proctor`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("proctor")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/proctor")
    }

    /// Loads the pack at `directory`, from the cache in `cacheDirectory` when it is current.
    ///
    /// Hashing every pack file was most of a warm start, so the cache also records the files'
    /// identity as `stat` gives it (device, inode, size, modification and change times): when
    /// none of that moved, the contents cannot have changed (any write updates the change
    /// time, which no tool can set back) and the cache is used without reading the files.
    /// Otherwise the contents decide, as before, and a hit records the new identity.
    /// `mark` is called after each step ("pack-key", "pack-read"), for start-up tracing.
    /// - Throws: `PackLoadError`, as `PackLoader.load` does, when the pack is invalid.
    public static func load(
        directory: URL, cacheDirectory: URL, mark: (String) -> Void = { _ in }
    ) throws -> ExamPack {
        let directory = directory.standardizedFileURL
        guard let files = files(of: directory) else { return try PackLoader.load(directory: directory) }
        let identity = statIdentity(of: files)
        mark("pack-key")
        let file = cacheDirectory.appendingPathComponent("packs").appendingPathComponent(slotName(pack: directory))
        let cached = CacheBytes(mapping: file.path)
        mark("pack-read")
        let recover = Recovery(directory: directory, cacheFile: file.path).body(of:)
        if let cached, let header = PackCacheCodec.header(cached), header.identity == identity,
            let pack = PackCacheCodec.decode(cached, key: header.key, directory: directory, recover: recover)
        {
            return pack
        }
        guard let key = key(of: files) else { return try PackLoader.load(directory: directory) }
        if let cached, let pack = PackCacheCodec.decode(cached, key: key, directory: directory, recover: recover) {
            store(PackCacheCodec.encode(pack, key: key, identity: identity), at: file)
            return pack
        }
        let pack = try PackLoader.load(directory: directory)
        store(PackCacheCodec.encode(pack, key: key, identity: identity), at: file)
        return pack
    }

    /// What a damaged question body falls back to: the cache file is removed (the next start
    /// rebuilds it) and the pack is loaded from its YAML once, for every body that needs it.
    final class Recovery: @unchecked Sendable {
        private let directory: URL
        private let cacheFile: String
        private let lock = NSLock()
        private var bodies: [String: QuestionBody]?

        init(directory: URL, cacheFile: String) {
            self.directory = directory
            self.cacheFile = cacheFile
        }

        func body(of questionID: String) -> QuestionBody {
            lock.lock()
            defer { lock.unlock() }
            if bodies == nil {
                unlink(cacheFile)
                let bank = (try? PackLoader.load(directory: directory))?.bank ?? []
                bodies = Dictionary(bank.map { ($0.id, $0.body) }, uniquingKeysWith: { first, _ in first })
            }
            return bodies?[questionID] ?? .unreadable
        }
    }

    /// The whole file, read straight into an array (nil when it is missing or unreadable).
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = read(fd, buffer.baseAddress! + done, size - done)
                if n <= 0 { ok = false; break }
                done += n
            }
            count = done
        }
        return ok ? bytes : nil
    }

    /// One cache file per pack folder and program: the debug build of `make run` and an installed
    /// Proctor keep a slot each instead of evicting each other on every start (a rebuilt program
    /// at the same path reuses its slot).
    static func slotName(pack directory: URL, program: String = executablePath) -> String {
        "\(hash(Array(directory.path.utf8)))-\(hash(Array(program.utf8))).bin"
    }

    /// Where the running program lives (the same file however it was started).
    static let executablePath: String = {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
    }()

    /// Slots beyond this many, least recently written first, are removed when a new one is written.
    static let maxSlots = 8

    /// A pack file: its name relative to the pack (the cache key covers names) and its path.
    struct PackFile {
        let name: String
        let path: String
        var isFolder: Bool { name.hasSuffix("/") }
    }

    /// Every file the pack is read from, in a fixed order: exam.yaml, names.yaml, then the files
    /// of questions/, notes/ (one level of edition subfolders) and editions/ in name order.
    /// Subfolders are listed by name too, so adding an empty one changes the key. Nil when a
    /// required folder cannot be listed. Plain POSIX calls: this runs at every start.
    static func files(of directory: URL) -> [PackFile]? {
        let root = directory.path
        var out = [PackFile(name: PackValidator.outlineFileName, path: root + "/" + PackValidator.outlineFileName)]
        let names = root + "/" + PackValidator.namesFileName
        if access(names, F_OK) == 0 { out.append(PackFile(name: PackValidator.namesFileName, path: names)) }
        func addFolder(_ relative: String, required: Bool, depth: Int) -> Bool {
            guard let entries = listFolder(root + "/" + relative) else { return !required }
            for (name, isFolder) in entries {
                let child = PackFile(
                    name: relative + "/" + name + (isFolder ? "/" : ""), path: root + "/" + relative + "/" + name)
                out.append(child)
                if isFolder, depth > 0, !addFolder(relative + "/" + name, required: true, depth: depth - 1) {
                    return false
                }
            }
            return true
        }
        guard addFolder(PackValidator.questionsFolderName, required: true, depth: 0),
            addFolder(PackValidator.notesFolderName, required: false, depth: 1),
            addFolder(PackValidator.editionsFolderName, required: false, depth: 0)
        else { return nil }
        return out
    }

    /// The entries of a folder (without . and ..) in name order, each with whether it is a folder.
    static func listFolder(_ path: String) -> [(String, Bool)]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var entries: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                var info = stat()
                isFolder = stat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        return entries.sorted { $0.0 < $1.0 }
    }

    /// The cache key of a pack: the executable's identity and a hash of the name, size and bytes
    /// of every pack file; nil when a file cannot be read. Folders count by name only.
    static func key(of files: [PackFile]) -> String? {
        var hasher = ContentHash()
        for file in files {
            hasher.add(Array(file.name.utf8))
            if file.isFolder { continue }
            guard let bytes = readBytes(file.path) else { return nil }
            hasher.add(UInt64(bytes.count))
            hasher.add(bytes)
        }
        return "\(executableIdentity)|\(hasher.hex)"
    }

    /// What `stat` says of every pack file (device, inode, size, modification and change times,
    /// to the nanosecond), hashed with the names and the executable's identity. A file that
    /// cannot be examined makes the identity unique, so it never matches.
    static func statIdentity(of files: [PackFile]) -> String {
        var hasher = ContentHash()
        for file in files {
            hasher.add(Array(file.name.utf8))
            var info = stat()
            guard stat(file.path, &info) == 0 else { return "unknown-\(UUID().uuidString)" }
            for value in [
                UInt64(info.st_dev), UInt64(info.st_ino), UInt64(bitPattern: Int64(info.st_size)),
                UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec)),
                UInt64(bitPattern: Int64(info.st_ctim.tv_sec)), UInt64(bitPattern: Int64(info.st_ctim.tv_nsec)),
            ] {
                hasher.add(value)
            }
        }
        return "\(executableIdentity)|\(hasher.hex)"
    }

    /// Size and modification time of the running program: a rebuilt Proctor may read packs
    /// differently, so it never trusts another build's cache.
    static let executableIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 || stat(CommandLine.arguments.first ?? "", &info) == 0 else {
            return "unknown"
        }
        return "\(info.st_size).\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()

    /// FNV-1a of a short text, enough to give each pack folder its own cache file name.
    static func hash(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return String(h, radix: 16)
    }

    /// Writes the cache privately and atomically; a failure only costs the next start its speed.
    private static func store(_ bytes: [UInt8], at file: URL) {
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid())")
        guard
            FileManager.default.createFile(
                atPath: temporary.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { return }
        if rename(temporary.path, file.path) != 0 { unlink(temporary.path) }
        prune(folder)
    }

    /// Removes the least recently written slots past `maxSlots`, and files of older cache formats.
    static func prune(_ folder: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        var slots: [(name: String, written: Date)] = []
        for name in names where !name.hasPrefix(".") {
            let path = folder.appendingPathComponent(name).path
            // Earlier versions wrote one slot per pack, without the program's part, or JSON.
            guard name.hasSuffix(".bin"), name.contains("-") else {
                unlink(path)
                continue
            }
            let written = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            slots.append((name, written ?? .distantPast))
        }
        for old in slots.sorted(by: { $0.written > $1.written }).dropFirst(maxSlots) {
            unlink(folder.appendingPathComponent(old.name).path)
        }
    }
}

/// A fast 64-bit hash of file contents, for cache keys and the cache's checksum (not for
/// security). Long inputs run through four independent lanes of 8 bytes, so the multiplies
/// overlap instead of waiting on each other; a megabyte takes a fraction of a millisecond.
struct ContentHash {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0

    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var h = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        return h
    }

    private mutating func mix(_ word: UInt64) { state = Self.mix(state, word) }

    mutating func add(_ value: UInt64) {
        mix(value)
        length &+= 8
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        if n >= 32 {
            var lanes: (UInt64, UInt64, UInt64, UInt64) = (state, ~state, state &+ 1, ~state &- 1)
            while i + 32 <= n {
                lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
                lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self).littleEndian)
                lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self).littleEndian)
                lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self).littleEndian)
                i += 32
            }
            mix(lanes.0)
            mix(lanes.1)
            mix(lanes.2)
            mix(lanes.3)
        }
        while i + 8 <= n {
            mix(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        mix(tail ^ (UInt64(n & 7) << 56))
        length &+= UInt64(n)
    }

    /// The finished 64-bit hash.
    var value: UInt64 {
        var h = state ^ length
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    var hex: String { String(value, radix: 16) + "-" + String(length, radix: 16) }
}
