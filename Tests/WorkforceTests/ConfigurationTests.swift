import Foundation
import Testing

/// A bad setting must stop start-up at once with one line naming it, whether it came from a flag or from the
/// environment, before any database or port is touched.
@Suite struct ConfigurationTests {
    /// Settings no test here should reach: a database nobody listens on.
    private static let unreachable: [String: String?] = ["DATABASE_URL": "host=127.0.0.1 port=1 connect_timeout=1"]

    @Test(arguments: [
        ("DATABASE_POOL_SIZE", "abc"), ("DATABASE_POOL_SIZE", "0"), ("PORT", "70000"), ("METRICS_PORT", "http"),
        ("DATABASE_ACQUIRE_TIMEOUT", "soon"), ("DATABASE_STATEMENT_TIMEOUT", "-1"), ("REQUEST_TIMEOUT", "1e3"),
        ("MAX_BODY_BYTES", "1MB"), ("MAX_IMPORT_BYTES", "12"), ("LOG_LEVEL", "loud"), ("LOG_FORMAT", "xml"),
        ("WORKFORCE_NO_MIGRATE", "maybe"), ("WORKFORCE_WORKERS", "65"), ("WORKFORCE_DEMO", "yes please"), ("HOST", "local host"), ("WORKFORCE_MIGRATIONS_DIR", "/nonexistent/sql"),
    ])
    func badEnvironmentValueStopsStartUpWithOneLine(variable: String, value: String) async throws {
        var environment = Self.unreachable
        environment[variable] = value
        let result = try await ChildProcess.run(["serve"], environment: environment)
        #expect(result.code == 1)
        let lines = result.error.split(separator: "\n")
        #expect(lines.count == 1, "\(result.error)")
        #expect(lines.first?.contains(variable) == true, "\(result.error)")
        #expect(lines.first?.contains("\"\(value)\"") == true, "\(result.error)")
        #expect(result.output.isEmpty)
    }

    @Test func badFlagValueStopsStartUpWithOneLine() async throws {
        let result = try await ChildProcess.run(["serve", "--pool-size", "abc"], environment: Self.unreachable)
        #expect(result.code == 1)
        #expect(result.error == "Error: invalid --pool-size \"abc\": expected a whole number from 1 to 500\n")
    }

    @Test func flagWinsOverTheEnvironment() async throws {
        var environment = Self.unreachable
        environment["DATABASE_POOL_SIZE"] = "3"
        let result = try await ChildProcess.run(["serve", "--pool-size", "900"], environment: environment)
        #expect(result.error.contains("--pool-size \"900\""))
    }

    @Test func secretsAreNotEchoed() async throws {
        let secret = "wfk_" + String(repeating: "s", count: 300)
        var environment = Self.unreachable
        environment["WORKFORCE_BOOTSTRAP_ADMIN_KEY"] = secret
        let key = try await ChildProcess.run(["serve"], environment: environment)
        #expect(key.code == 1)
        #expect(key.error.contains("WORKFORCE_BOOTSTRAP_ADMIN_KEY"))
        #expect(!key.error.contains("sss"))
        environment["WORKFORCE_BOOTSTRAP_ADMIN_KEY"] = nil
        environment["DATABASE_READ_URL"] = "postgresql://reader:hunter2@db:5432/x?unknown_option=1"
        let url = try await ChildProcess.run(["serve"], environment: environment)
        #expect(url.code == 1)
        #expect(url.error.contains("DATABASE_READ_URL"))
        #expect(!url.error.contains("hunter2"))
    }

    @Test func metricsPortMustDifferFromThePort() async throws {
        let result = try await ChildProcess.run(["serve", "--port", "9090", "--metrics-port", "9090"], environment: Self.unreachable)
        #expect(result.code == 1)
        #expect(result.error.split(separator: "\n").count == 1)
        #expect(result.error.contains("metrics port"))
    }

    @Test func serveHelpListsEverySettingWithItsVariable() async throws {
        let result = try await ChildProcess.run(["serve", "--help"])
        #expect(result.code == 0)
        let settings = [
            ("--host", "HOST"), ("--port", "PORT"), ("--metrics-port", "METRICS_PORT"), ("--database-url", "DATABASE_URL"),
            ("--database-read-url", "DATABASE_READ_URL"), ("--data-dir", "WORKFORCE_DATA_DIR"), ("--pool-size", "DATABASE_POOL_SIZE"),
            ("--acquire-timeout", "DATABASE_ACQUIRE_TIMEOUT"), ("--statement-timeout", "DATABASE_STATEMENT_TIMEOUT"),
            ("--request-timeout", "REQUEST_TIMEOUT"), ("--max-body-bytes", "MAX_BODY_BYTES"), ("--max-import-bytes", "MAX_IMPORT_BYTES"),
            ("--migrations-dir", "WORKFORCE_MIGRATIONS_DIR"), ("--log-level", "LOG_LEVEL"), ("--log-format", "LOG_FORMAT"),
            ("--bootstrap-admin-key", "WORKFORCE_BOOTSTRAP_ADMIN_KEY"), ("--no-migrate", "WORKFORCE_NO_MIGRATE"), ("--workers", "WORKFORCE_WORKERS"), ("--demo", "WORKFORCE_DEMO"),
        ]
        for (flag, variable) in settings {
            #expect(result.output.contains(flag), "help lacks \(flag)")
            #expect(result.output.contains(variable), "help lacks \(variable)")
        }
    }
}
