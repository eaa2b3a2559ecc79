import Foundation
import HTTPTypes
import Hummingbird

/// Answers 405 with `Allow` when a path exists in the API description but not for the request's method
/// (the router alone would answer 404).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = routes.methods(forPath: request.uri.path), !allowed.isEmpty else { throw error }
            throw APIError.methodNotAllowed(allowed: allowed)
        }
    }
}

/// The paths and methods of the API description, read from `openapi.yaml`'s `paths` section.
struct RouteTable: Sendable {
    private let routes: [(segments: [String], methods: [String])]

    /// Reads `paths:` entries (two-space indented `/path:` lines) and their method keys.
    init(openAPIDocument: String) {
        var routes: [(segments: [String], methods: [String])] = []
        var inPaths = false
        for line in openAPIDocument.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" {
                inPaths = true
                continue
            }
            guard inPaths else { continue }
            if !line.isEmpty, !line.hasPrefix(" ") { break }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                let path = line.dropFirst(2).dropLast()
                routes.append((path.split(separator: "/").map(String.init), []))
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"), !routes.isEmpty {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast().uppercased()
                if ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"].contains(key) {
                    routes[routes.count - 1].methods.append(key)
                }
            }
        }
        self.routes = routes
    }

    /// The methods allowed on `path`, or nil when no route matches it.
    func methods(forPath path: String) -> [String]? {
        let segments = path.split(separator: "/").map(String.init)
        let matches = routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { template, actual in template.hasPrefix("{") || template == actual }
        }
        guard !matches.isEmpty else { return nil }
        let literal = matches.filter { !$0.segments.contains { $0.hasPrefix("{") } }
        return (literal.isEmpty ? matches : literal).flatMap(\.methods)
    }
}
