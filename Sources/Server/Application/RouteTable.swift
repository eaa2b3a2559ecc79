import Foundation

/// The paths and methods of the API description, read from `openapi.yaml`'s `paths` section, plus the routes
/// the service serves outside it (`/openapi.yaml`, `/metrics`).
struct RouteTable: Sendable {
    /// The route label of a path no route matches.
    static let unmatched = "unmatched"

    private let routes: [(template: String, segments: [String], methods: [String])]

    /// Reads `paths:` entries (two-space indented `/path:` lines) and their method keys; `extraRoutes` adds
    /// routes by template and methods.
    init(openAPIDocument: String, extraRoutes: [String: [String]] = [:]) {
        var routes: [(template: String, segments: [String], methods: [String])] = []
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
                routes.append((String(path), path.split(separator: "/").map(String.init), []))
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":"), !routes.isEmpty {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast().uppercased()
                if ["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"].contains(key) {
                    routes[routes.count - 1].methods.append(key)
                }
            }
        }
        for (template, methods) in extraRoutes.sorted(by: { $0.key < $1.key }) {
            routes.append((template, template.split(separator: "/").map(String.init), methods))
        }
        self.routes = routes
    }

    /// The methods allowed on `path`, or nil when no route matches it.
    func methods(forPath path: String) -> [String]? {
        let matches = self.matches(path)
        guard !matches.isEmpty else { return nil }
        let literal = matches.filter { !$0.segments.contains { $0.hasPrefix("{") } }
        return (literal.isEmpty ? matches : literal).flatMap(\.methods)
    }

    /// The template of the route matching `path` (`/v1/positions/{id}`), preferring literal segments
    /// (`/v1/positions/import`), or ``unmatched``.
    func template(forPath path: String) -> String {
        matches(path).max { literalCount($0.segments) < literalCount($1.segments) }?.template ?? Self.unmatched
    }

    private func matches(_ path: String) -> [(template: String, segments: [String], methods: [String])] {
        let segments = path.split(separator: "/").map(String.init)
        return routes.filter { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { template, actual in template.hasPrefix("{") || template == actual }
        }
    }

    private func literalCount(_ segments: [String]) -> Int {
        segments.count { !$0.hasPrefix("{") }
    }
}
