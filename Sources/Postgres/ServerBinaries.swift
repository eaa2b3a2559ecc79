import Foundation

/// The PostgreSQL server programs, found on `PATH` or in `pg_config --bindir`.
struct ServerBinaries {
    let directory: URL

    var initdb: URL { directory.appendingPathComponent("initdb") }
    var pgCtl: URL { directory.appendingPathComponent("pg_ctl") }

    static var runningAsRoot: Bool { geteuid() == 0 }

    static func locate() throws -> ServerBinaries {
        try locate(in: defaultSearchDirectories())
    }

    static func locate(in candidates: [URL]) throws -> ServerBinaries {
        let fileManager = FileManager.default
        for directory in candidates {
            let initdb = directory.appendingPathComponent("initdb").resolvingSymlinksInPath()
            let pgCtl = directory.appendingPathComponent("pg_ctl")
            if fileManager.isExecutableFile(atPath: initdb.path), fileManager.isExecutableFile(atPath: pgCtl.path) {
                return ServerBinaries(directory: initdb.deletingLastPathComponent())
            }
        }
        throw EmbeddedServerError(
            "PostgreSQL server binaries (initdb, pg_ctl) not found: install them "
                + "(Debian/Ubuntu: apt-get install postgresql) or set DATABASE_URL to an existing server"
        )
    }

    /// `PATH`, then `pg_config --bindir`, then Debian's versioned folders, newest first.
    static func defaultSearchDirectories() -> [URL] {
        let fileManager = FileManager.default
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var candidates = path.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        if let bindir = try? run(URL(fileURLWithPath: "/usr/bin/env"), ["pg_config", "--bindir"], asServerUser: false) {
            candidates.append(URL(fileURLWithPath: bindir.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        if let versions = try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql") {
            for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
                candidates.append(URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin"))
            }
        }
        return candidates
    }

    /// Runs a program to completion and returns its standard output; throws with its standard error on failure.
    /// As root, server programs run as the `postgres` OS user through `runuser`.
    ///
    /// Uses `posix_spawn` and `waitpid` directly: Foundation's `Process` can miss a child's exit on Linux
    /// when several run at once, leaving `waitUntilExit()` waiting forever. Output goes to temporary files,
    /// so a chatty program cannot block on a full pipe.
    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], asServerUser: Bool) throws -> String {
        let argv = asServerUser && runningAsRoot
            ? ["/usr/sbin/runuser", "-u", "postgres", "--", executable.path] + arguments
            : [executable.path] + arguments
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wf-run-\(UUID().uuidString)")
        let outputPath = scratch.path + ".out"
        let errorPath = scratch.path + ".err"
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, &cArguments, environ)
        guard spawned == 0 else {
            throw EmbeddedServerError("cannot start \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exitedNormally = status & 0x7f == 0
        let exitCode = (status >> 8) & 0xff
        guard exitedNormally, exitCode == 0 else {
            let errors = ((try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw EmbeddedServerError(
                "\(executable.lastPathComponent) failed (exit \(exitedNormally ? exitCode : 128 + (status & 0x7f))): \(errors)"
            )
        }
        return output
    }
}
