import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Postgres
import Server
import Store
import Testing

/// Log lines are for machines first: one JSON object per line, labelled with route templates, never secrets.
@Suite struct LogLineTests {
    private func log(_ format: LogFormat, _ body: (Logger) -> Void) -> [String] {
        let recorder = LogLineRecorder()
        let logger = Logger(label: "test") { _ in LogLineHandler(format: format, output: recorder.output) }
        body(logger)
        return recorder.lines
    }

    @Test func jsonLineHasTimeLevelMessageAndTypedMetadata() throws {
        let lines = log(.json) { logger in
            var logger = logger
            logger[metadataKey: "request_id"] = "r-1"
            logger.info("request \"done\"", metadata: ["status": .stringConvertible(201), "duration_ms": .stringConvertible(1.5)])
        }
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.hasSuffix("}\n"))
        #expect(line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "request \"done\"")
        #expect(object["request_id"] as? String == "r-1")
        #expect(object["status"] as? Int == 201)
        #expect(object["duration_ms"] as? Double == 1.5)
        let time = try #require(object["time"] as? String)
        #expect(time.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil)
    }

    @Test func multiLineMessagesStayOnOneLine() {
        let lines = log(.json) { $0.error("first\nsecond\u{1}") }
        #expect(lines.count == 1)
        #expect(lines[0].filter { $0 == "\n" }.count == 1)
        #expect(lines[0].contains(#"first\nsecond\u0001"#))
    }

    @Test func textLineStartsWithTimeAndLevel() {
        let lines = log(.text) { $0.warning("slow", metadata: ["route": "/v1/me"]) }
        #expect(lines.count == 1)
        #expect(lines[0].wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z warning slow route=\/v1\/me\n/) != nil)
    }

    @Test func levelsBelowTheLoggersAreDropped() {
        let lines = log(.json) { logger in
            var logger = logger
            logger.logLevel = .notice
            logger.info("hidden")
            logger.notice("shown")
        }
        #expect(lines.count == 1)
    }
}

@Suite struct RequestLoggingTests {
    let app: TestApplication

    init() async throws {
        app = try await TestApplication.make("requestlog")
    }

    @Test func requestLineNamesTheRouteTemplateAndTheKeyButNeitherIdsNorSecrets() async throws {
        let unit = try await app.orgUnit("Support")
        let logs = LogLineRecorder()
        try await app.test(logLines: logs) { client in
            let response = try await client.send(
                .get, "/v1/org-units/\(unit)", key: app.adminKey, headers: [HTTPField.Name("X-Request-Id")!: "trace-7"]
            )
            #expect(response.status == .ok)
        }
        let line = try #require(logs.objects.first { $0["message"] as? String == "request" })
        #expect(line["route"] as? String == "/v1/org-units/{id}")
        #expect(line["method"] as? String == "GET")
        #expect(line["status"] as? Int == 200)
        #expect(line["duration_ms"] is Double)
        #expect(line["request_id"] as? String == "trace-7")
        let me = try await app.keys.authenticate(.init(app.adminKey)!)
        #expect(line["key_id"] as? String == me?.id.uuidString.lowercased())
        #expect(!logs.lines.joined().contains(unit.uuidString.lowercased()))
        #expect(!logs.lines.joined().contains(app.adminKey))
    }

    @Test func unknownPathsAreLoggedAsUnmatched() async throws {
        let logs = LogLineRecorder()
        try await app.test(logLines: logs) { client in
            let response = try await client.send(.get, "/secret-\(UUID())")
            #expect(response.status == .notFound)
        }
        let line = try #require(logs.objects.first { $0["message"] as? String == "request" })
        #expect(line["route"] as? String == "unmatched")
        #expect(line["status"] as? Int == 404)
        #expect(line["key_id"] == nil)
    }

    @Test func compensationInBodiesIsNeverLogged() async throws {
        let logs = LogLineRecorder()
        try await app.test(logLines: logs) { client in
            let response = try await client.send(.post, "/v1/roles", key: app.adminKey, json: """
                {"title": "Agent", "currency": "EUR", "annual_base_salary": "68517.25"}
                """)
            #expect(response.status == .created)
        }
        #expect(logs.objects.contains { $0["route"] as? String == "/v1/roles" && $0["status"] as? Int == 201 })
        #expect(!logs.lines.joined().contains("68517"))
    }

    @Test func notReadyIsLoggedAtErrorLevelWithItsCause() async throws {
        let pending = Migrator(pool: app.pool, migrations: TestApplication.migrations + [Migration(fileName: "9999_next.sql", sql: "SELECT 1;")!])
        let logs = LogLineRecorder()
        try await app.test(migrator: pending, logLines: logs) { client in
            let response = try await client.send(.get, "/readyz")
            #expect(response.status == .serviceUnavailable)
        }
        let errors = logs.objects.filter { $0["level"] as? String == "error" }
        #expect(errors.count == 1)
        #expect(errors.first?["message"] as? String == "not ready: migrations pending")
        #expect(errors.first?["route"] as? String == "/readyz")
    }

    @Test func serverErrorIsLoggedOnceAtErrorLevelWithItsCause() async throws {
        let logs = LogLineRecorder()
        try await app.test(logLines: logs) { client in
            // A missing table: the schema no longer matches the server, answered 503 and logged as a server fault.
            try await app.pool.query("DROP TABLE org_units CASCADE")
            let response = try await client.send(.get, "/v1/org-units", key: app.adminKey)
            #expect(response.status == .serviceUnavailable)
            #expect(response.json["type"] as? String == "/problems/schema-not-ready")
        }
        let errors = logs.objects.filter { $0["level"] as? String == "error" }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error["route"] as? String == "/v1/org-units")
        #expect(error["request_id"] is String)
        #expect(error["key_id"] is String)
        #expect((error["error"] as? String)?.contains("42P01") == true)
        #expect(!logs.lines.joined().contains(app.adminKey))
    }
}
