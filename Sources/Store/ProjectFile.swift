import Foundation

/// Finds files the service ships beside its binary (`sql/`, `openapi.yaml`).
public enum ProjectFile {
    /// Where installed copies live (the container image puts them here).
    public static let installedDirectory = URL(fileURLWithPath: "/usr/share/workforce")

    /// The first match of `relativePath` in the working directory, in a folder above the executable (a build
    /// inside the repository), or in ``installedDirectory``; nil when none passes `isValid`.
    public static func locate(_ relativePath: String, where isValid: (URL) -> Bool = { _ in true }) -> URL? {
        let fileManager = FileManager.default
        var candidates = [URL(fileURLWithPath: fileManager.currentDirectoryPath).appendingPathComponent(relativePath)]
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? "/").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        while directory.path != "/", !directory.path.isEmpty {
            candidates.append(directory.appendingPathComponent(relativePath))
            directory.deleteLastPathComponent()
        }
        candidates.append(installedDirectory.appendingPathComponent(relativePath))
        return candidates.first { fileManager.fileExists(atPath: $0.path) && isValid($0) }
    }
}
