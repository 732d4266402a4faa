import Foundation

/// One problem found in a pack, with its position.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// Path relative to the pack directory (e.g. `questions/1.1-bqml.yaml`), or the path as given
    /// when the problem is the pack directory itself.
    public let file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public let line: Int
    /// 1-based column; 0 when unknown.
    public let column: Int
    public let message: String
    public let severity: Severity

    public init(file: String, line: Int, column: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `file:line:column: message` for errors, `file:line:column: warning: message` for warnings.
    /// Without a position: `file: message`.
    public var description: String {
        let position = line > 0 ? "\(file):\(line):\(max(column, 1))" : file
        switch severity {
        case .error: return "\(position): \(message)"
        case .warning: return "\(position): warning: \(message)"
        }
    }

    /// Same as `description` but with `file` prefixed by a directory (for clickable paths).
    public func formatted(directoryPrefix: String) -> String {
        guard !directoryPrefix.isEmpty, !file.hasPrefix("/") else { return description }
        let prefix = directoryPrefix.hasSuffix("/") ? directoryPrefix : directoryPrefix + "/"
        return Diagnostic(
            file: prefix + file, line: line, column: column,
            message: message, severity: severity
        ).description
    }
}

/// Everything `PackValidator` found, plus the pack when there were no errors.
public struct ValidationReport: Sendable {
    public let directory: URL
    /// Sorted by file, then line, then column.
    public let diagnostics: [Diagnostic]
    /// Number of question files read (`questions/*.yaml`, `*.yml`).
    public let questionFileCount: Int
    /// Number of questions seen (valid or not).
    public let questionCount: Int
    /// The loaded pack, when there are no errors (warnings allowed).
    public let pack: ExamPack?

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }

    /// One line, e.g. `12 question files, 480 questions: 0 errors, 2 warnings`.
    public var summary: String {
        let e = errors.count, w = warnings.count
        return "\(questionFileCount) question file\(questionFileCount == 1 ? "" : "s"), "
            + "\(questionCount) question\(questionCount == 1 ? "" : "s"): "
            + "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")"
    }

    /// Every diagnostic on its own line followed by the summary.
    public var lines: [String] { diagnostics.map(\.description) + [summary] }
}

/// Thrown by `PackLoader.load` when a pack has errors.
public struct PackLoadError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public let directory: URL
    /// All diagnostics (errors and warnings).
    public let diagnostics: [Diagnostic]
    public let summary: String

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        (["Invalid exam pack at \(directory.path):"] + diagnostics.map(\.description) + [summary])
            .joined(separator: "\n")
    }

    public var errorDescription: String? { description }
}
