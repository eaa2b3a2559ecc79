import Domain
import Postgres
import Server

/// The settings of `serve` beyond the shared ones, checked.
struct ServeSettings {
    var host: String
    var port: Int
    var metricsPort: Int?
    var readURL: ConnectionString?
    /// Nil for no limit.
    var requestTimeout: Duration?
    var maximumBodyBytes: Int
    var maximumImportBytes: Int
    var bootstrapAdminKey: APIKeySecret?
    var noMigrate: Bool
    /// Projection workers of this process.
    var workers: Int
    /// Load the demo company into an empty database.
    var demo: Bool

    /// The HTTP server's configuration.
    func server(openAPIDocument: String) -> ServerConfiguration {
        var configuration = ServerConfiguration(
            host: host, port: port, maximumBodyBytes: maximumBodyBytes, maximumImportBytes: maximumImportBytes,
            requestTimeout: requestTimeout, metricsPort: metricsPort, openAPIDocument: openAPIDocument
        )
        configuration.projectionWorkers = workers
        return configuration
    }
}

extension Serve {
    /// Letters, digits and the punctuation of host names and IPv4/IPv6 addresses (with zone ids).
    private static let hostCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:[]%".unicodeScalars)

    /// Checks every `serve` value, flags and environment alike; throws one line naming the first bad one.
    func resolve(_ reader: SettingReader = SettingReader()) throws -> ServeSettings {
        let host = try reader.optional(host, flagName: "--host", variable: "HOST", expected: "a host name or IP address") { text in
            text.unicodeScalars.allSatisfy(Self.hostCharacters.contains) ? text : nil
        }
        let port = try reader.integer(port, flagName: "--port", variable: "PORT", in: 0...65535) ?? 8080
        let metricsPort = try reader.integer(metricsPort, flagName: "--metrics-port", variable: "METRICS_PORT", in: 0...65535)
        if let metricsPort, metricsPort != 0, metricsPort == port {
            throw ConfigurationError(description: "invalid metrics port \(metricsPort): it must differ from the main port")
        }
        let requestTimeout = try reader.seconds(requestTimeout, flagName: "--request-timeout", variable: "REQUEST_TIMEOUT", in: 0...86_400)
        let bytes = 1024...(1 << 30)
        return ServeSettings(
            host: host ?? "127.0.0.1",
            port: port,
            metricsPort: metricsPort,
            readURL: try reader.optional(
                databaseReadURL, flagName: "--database-read-url", variable: "DATABASE_READ_URL",
                expected: "a libpq connection string or URI", secret: true
            ) { try? ConnectionString($0) },
            requestTimeout: requestTimeout == .zero ? nil : requestTimeout ?? .seconds(60),
            maximumBodyBytes: try reader.integer(maxBodyBytes, flagName: "--max-body-bytes", variable: "MAX_BODY_BYTES", in: bytes) ?? 1 << 20,
            maximumImportBytes: try reader.integer(maxImportBytes, flagName: "--max-import-bytes", variable: "MAX_IMPORT_BYTES", in: bytes)
                ?? 64 << 20,
            bootstrapAdminKey: try reader.optional(
                bootstrapAdminKey, flagName: "--bootstrap-admin-key", variable: "WORKFORCE_BOOTSTRAP_ADMIN_KEY",
                expected: "1 to \(APIKeySecret.maximumLength) bytes", secret: true
            ) { APIKeySecret($0) },
            noMigrate: try reader.optional(
                noMigrate ? "true" : nil, flagName: "--no-migrate", variable: "WORKFORCE_NO_MIGRATE", expected: "true or false"
            ) { ["true": true, "1": true, "false": false, "0": false][$0.lowercased()] } ?? false,
            workers: try reader.integer(workers, flagName: "--workers", variable: "WORKFORCE_WORKERS", in: 0...64) ?? 1,
            demo: try reader.optional(
                demo ? "true" : nil, flagName: "--demo", variable: "WORKFORCE_DEMO", expected: "true or false"
            ) { ["true": true, "1": true, "false": false, "0": false][$0.lowercased()] } ?? false
        )
    }
}
