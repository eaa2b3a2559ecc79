import Domain
import Foundation
import Logging

/// Per-request values that OpenAPI handlers, which receive no Hummingbird context, read from the task.
enum RequestScope {
    /// The authenticated caller; nil outside `/v1`.
    @TaskLocal static var principal: Principal?
    /// The request's logger, carrying its request id.
    @TaskLocal static var logger = Logger(label: "workforce.request")

    /// The request body as received (bodies are collected, bounded, before routing).
    @TaskLocal static var rawBody: [UInt8] = []

    /// The top-level keys of the JSON body, to tell a field sent as `null` from one left out.
    static func presentKeys() -> Set<String> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(rawBody)) as? [String: Any] else { return [] }
        return Set(object.keys)
    }

    /// Throws a 400 naming every body field sent as `null` (at any depth, as a JSON pointer) unless it is a
    /// top-level field in `nullable` (the generated decoders treat `null` like an absent field).
    static func rejectNulls(except nullable: Set<String> = []) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(rawBody)) as? [String: Any] else { return }
        var pointers: [String] = []
        func visit(_ value: Any, pointer: String) {
            if let object = value as? [String: Any] {
                for (key, child) in object { visit(child, pointer: pointer + "/" + Self.escape(key)) }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { visit(child, pointer: pointer + "/\(index)") }
            } else if value is NSNull {
                pointers.append(pointer)
            }
        }
        for (key, value) in object where !(value is NSNull && nullable.contains(key)) {
            visit(value, pointer: "/" + Self.escape(key))
        }
        let problems = pointers.sorted().map { FieldProblem(pointer: $0, detail: "must not be null") }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    /// A key as a JSON pointer token (RFC 6901).
    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The caller, or a 401 when the route was reached without authentication.
    static func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.unauthorized("An API key is required.") }
        return principal
    }
}
