import ArgumentParser
import Foundation

/// Finds the shipped exam pack without the user pointing at it.
enum ContentLocator {
    static let packName = "pmle"

    /// Installed (`<prefix>/share/proctor/pmle` beside `<prefix>/bin`), else the
    /// source tree the binary was built in, else `./Content/pmle`.
    static func candidates(executable: URL?, workingDirectory: URL) -> [URL] {
        var result: [URL] = []
        if let executable {
            let binDir = executable.resolvingSymlinksInPath().deletingLastPathComponent()
            result.append(binDir.deletingLastPathComponent().appendingPathComponent("share/proctor/\(packName)"))
            var dir = binDir
            for _ in 0..<6 {
                result.append(dir.appendingPathComponent("Content/\(packName)"))
                dir = dir.deletingLastPathComponent()
            }
        }
        result.append(workingDirectory.appendingPathComponent("Content/\(packName)"))
        return result
    }

    static func defaultPack() throws -> URL {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let found = candidates(executable: executable, workingDirectory: cwd).first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("exam.yaml").path)
        }
        guard let found else {
            printError("proctor: cannot find the exam pack; pass --content DIR (a folder with exam.yaml)")
            throw ExitCode(1)
        }
        return found
    }
}
