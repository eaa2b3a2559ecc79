import Foundation

/// The `workforce` executable run as a child process, its output captured in files.
///
/// Spawned with `posix_spawn` and reaped with `waitpid` on its own pid, so test runs never depend on
/// Foundation's process monitoring.
final class ChildProcess {
    let pid: pid_t
    private let outputPath: String
    private let errorPath: String
    private var exitStatus: Int32?

    /// The built `workforce` binary, beside the test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("workforce").path

    init(_ arguments: [String], environment overrides: [String: String?] = [:]) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wf-child-\(UUID().uuidString)").path
        outputPath = scratch + ".out"
        errorPath = scratch + ".err"
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in overrides { environment[key] = value }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = [Self.executable] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in cArguments { free(pointer) }
            for pointer in cEnvironment { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, Self.executable, &actions, nil, &cArguments, &cEnvironment)
        guard result == 0 else { throw ChildProcessError.spawnFailed(result) }
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        unlink(outputPath)
        unlink(errorPath)
    }

    var standardOutput: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
    var standardError: String { (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "" }

    /// Waits until standard error or output contains `text`; throws after `timeout` or if the process exits first.
    func waitForOutput(containing text: String, timeout: Duration = .seconds(120)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if standardError.contains(text) || standardOutput.contains(text) { return }
            if try hasExited() { throw ChildProcessError.exitedEarly(standardError) }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChildProcessError.timedOut(standardError)
    }

    /// Waits until standard output holds `prefix` followed by a whole port number, and returns the number.
    ///
    /// A number is whole once a character other than a digit follows it: a line read while it is being
    /// written could otherwise yield the first digits of the port only.
    func waitForPort(after prefix: String, timeout: Duration = .seconds(120)) async throws -> Int {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let output = standardOutput
            if let range = output.range(of: prefix) {
                let rest = output[range.upperBound...]
                let digits = rest.prefix { $0.isNumber }
                if !digits.isEmpty, digits.endIndex < rest.endIndex, let port = Int(digits) { return port }
            }
            if try hasExited() { throw ChildProcessError.exitedEarly(standardError) }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChildProcessError.timedOut(standardError)
    }

    /// The port the server's main listener is bound to, once it says so.
    func waitForListeningPort() async throws -> Int {
        try await waitForPort(after: "listening on http://127.0.0.1:")
    }

    /// True until the process exits.
    var isRunning: Bool { (try? hasExited()) == false }

    /// Sends a signal (SIGTERM by default).
    func signal(_ signal: Int32 = SIGTERM) {
        kill(pid, signal)
    }

    /// Waits for the process to exit and returns its exit code (128 + signal when killed by one).
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(120)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try hasExited(), let exitStatus { return exitStatus }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChildProcessError.timedOut(standardError)
    }

    private func hasExited() throws -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return false }
        exitStatus = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return true
    }

    /// Runs a command to completion.
    static func run(_ arguments: [String], environment: [String: String?] = [:]) async throws -> (code: Int32, output: String, error: String) {
        let process = try ChildProcess(arguments, environment: environment)
        let code = try await process.waitForExit()
        return (code, process.standardOutput, process.standardError)
    }
}

enum ChildProcessError: Error {
    case spawnFailed(Int32)
    case exitedEarly(String)
    case timedOut(String)
}
