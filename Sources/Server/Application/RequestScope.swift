import Domain
import Foundation
import Logging

/// Per-request values that OpenAPI handlers, which receive no Hummingbird context, read from the task.
enum RequestScope {
    /// The authenticated caller; nil outside `/v1`.
    @TaskLocal static var principal: Principal?
    /// Filled in with the caller's key id once authenticated, for the request's log line.
    @TaskLocal static var caller: RequestCaller?
    /// The request's logger, carrying its request id.
    @TaskLocal static var logger = Logger(label: "workforce.request")

    /// The request body as received (bodies are collected, bounded, before routing).
    @TaskLocal static var rawBody: [UInt8] = []

    /// The top-level keys of the JSON body, to tell a field sent as `null` from one left out.
    static func presentKeys() -> Set<String> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(rawBody)) as? [String: Any] else { return [] }
        return Set(object.keys)
    }

    /// Throws a 400 naming every body field sent as `null` that the operation does not allow to be null (the
    /// generated decoders treat `null` like an absent field). `nullable` names top-level fields; nested objects
    /// (such as the lines of a hiring plan) never take `null`.
    static func rejectNulls(except nullable: Set<String> = []) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(rawBody)) as? [String: Any] else { return }
        var problems: [FieldProblem] = []
        for key in object.keys.sorted() where !nullable.contains(key) {
            collectNulls(object[key]!, pointer: "/" + escaped(key), into: &problems)
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
    }

    private static func collectNulls(_ value: Any, pointer: String, into problems: inout [FieldProblem]) {
        switch value {
        case is NSNull:
            problems.append(FieldProblem(pointer: pointer, detail: "must not be null"))
        case let array as [Any]:
            for (index, element) in array.enumerated() { collectNulls(element, pointer: pointer + "/\(index)", into: &problems) }
        case let object as [String: Any]:
            for key in object.keys.sorted() { collectNulls(object[key]!, pointer: pointer + "/" + escaped(key), into: &problems) }
        default:
            break
        }
    }

    private static func escaped(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The caller, or a 401 when the route was reached without authentication.
    static func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.unauthorized("An API key is required.") }
        return principal
    }
}
