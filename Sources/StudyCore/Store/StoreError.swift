import Foundation
import GRDB

/// Problems with the progress database, each naming the file and a way out.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case cannotCreateDirectory(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case readOnly(path: String, reason: String)
    case diskFull(path: String)
    case newerSchema(path: String)
    /// The exam attempt was already submitted, typically from another Proctor window.
    case examClosed(path: String)
    /// A backup would replace an existing file.
    case backupExists(path: String)
    case cannotWriteBackup(path: String, reason: String)
    case failed(path: String, reason: String)

    public var description: String {
        func clean(_ reason: String) -> String {
            var r = reason
            while r.hasSuffix(".") { r.removeLast() }
            return r
        }
        return switch self {
        case .cannotCreateDirectory(let path, let reason):
            "cannot create the data directory \(path): \(clean(reason)). Choose another with --data-dir."
        case .corrupt(let path, let reason):
            "the progress database \(path) is damaged (\(reason)). Proctor will not overwrite it: "
                + "move it aside (mv '\(path)' '\(path).broken') to start fresh, or restore a backup."
        case .unreadable(let path, let reason):
            "cannot open the progress database \(path): \(clean(reason)). Check its permissions "
                + "(it should be readable and writable by you) or choose another folder with --data-dir."
        case .readOnly(let path, let reason):
            "the progress database \(path) cannot be written (\(reason)). Your answers would not be saved: "
                + "fix the permissions of the file and its folder, or choose another folder with --data-dir."
        case .diskFull(let path):
            "the disk holding \(path) is full, so nothing more can be saved. Free some space and try again."
        case .newerSchema(let path):
            "the progress database \(path) was written by a newer version of Proctor. "
                + "Upgrade Proctor, or use another folder with --data-dir; the file was left untouched."
        case .examClosed:
            "this exam was already submitted (in another Proctor window?); the change was not saved."
        case .backupExists(let path):
            "\(path) already exists; a backup never replaces a file. Choose a new name."
        case .cannotWriteBackup(let path, let reason):
            "cannot write the backup \(path): \(clean(reason))."
        case .failed(let path, let reason):
            "progress database \(path): \(reason)"
        }
    }

    static func from(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        guard let db = error as? DatabaseError else {
            return .failed(path: path, reason: "\(error)")
        }
        let reason = db.message ?? "\(db.resultCode)"
        switch db.resultCode.primaryResultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .corrupt(path: path, reason: reason)
        case .SQLITE_READONLY: return .readOnly(path: path, reason: reason)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: return .unreadable(path: path, reason: reason)
        case .SQLITE_IOERR: return .failed(path: path, reason: "input/output error: \(reason)")
        default: return .failed(path: path, reason: reason)
        }
    }
}
