import Foundation

/// Loads a pack, refusing it when it has any error.
public enum PackLoader {
    /// Loads and validates the pack at `directory`.
    /// - Throws: `PackLoadError` carrying every diagnostic when the pack has errors.
    public static func load(directory: URL) throws -> ExamPack {
        let report = PackValidator.validate(directory: directory)
        if let pack = report.pack, report.isValid { return pack }
        throw PackLoadError(directory: directory, diagnostics: report.diagnostics, summary: report.summary)
    }
}
