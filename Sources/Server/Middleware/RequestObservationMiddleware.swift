import Foundation
import Hummingbird
import Logging

/// Logs one line per request and records its metrics, both labelled with the route template of the API
/// description (never the raw path, which holds ids). Headers and bodies are never logged.
///
/// The method and route are added to the request's logger, so every line logged further down carries them;
/// the key id is learnt from ``AuthenticationMiddleware`` through ``RequestScope/caller``.
struct RequestObservationMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable
    let metrics: ServiceMetrics

    /// Methods kept as labels; any other becomes `OTHER`, so that clients cannot grow the label set.
    private static var knownMethods: Set<String> { ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let method = Self.knownMethods.contains(request.method.rawValue) ? request.method.rawValue : "OTHER"
        let route = routes.template(forPath: request.uri.path)
        var labelled = context
        labelled.logger[metadataKey: "method"] = .string(method)
        labelled.logger[metadataKey: "route"] = .string(route)
        let context = labelled
        let caller = RequestCaller()
        metrics.requestStarted()
        let status: Int
        let response: Response
        do {
            response = try await RequestScope.$caller.withValue(caller) { try await next(request, context) }
            status = Int(response.status.code)
        } catch {
            metrics.requestFinished(method: method, route: route, status: 500, duration: start.duration(to: .now))
            throw error
        }
        let elapsed = start.duration(to: .now)
        metrics.requestFinished(method: method, route: route, status: status, duration: elapsed)
        var metadata: Logger.Metadata = [
            "status": .stringConvertible(status),
            "duration_ms": .stringConvertible(Self.milliseconds(elapsed)),
        ]
        if let keyID = caller.keyID { metadata["key_id"] = .string(keyID) }
        context.logger.info("request", metadata: metadata)
        return response
    }

    /// Milliseconds with microsecond precision.
    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds * 1_000_000 + attoseconds / 1_000_000_000_000) / 1000
    }
}
