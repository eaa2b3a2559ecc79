import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Store

/// Makes `POST` requests sent with an `Idempotency-Key` safe to retry: the same key and request replay the
/// first response, the same key with another request is 422. Responses holding secrets (new API keys) are
/// never stored, so their route does not take part.
struct IdempotencyMiddleware<Context: RequestContext>: RouterMiddleware {
    let store: any IdempotencyRepository

    static var headerName: HTTPField.Name { HTTPField.Name("Idempotency-Key")! }
    static var replayedHeaderName: HTTPField.Name { HTTPField.Name("Idempotent-Replayed")! }
    private static var exemptPaths: Set<String> { ["/v1/api-keys"] }
    private static var replayedHeaders: [HTTPField.Name] { [.contentType, .eTag, .location] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[Self.headerName], let principal = RequestScope.principal,
            !Self.exemptPaths.contains(request.uri.path)
        else {
            return try await next(request, context)
        }
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ (0x20...0x7e).contains($0) }) else {
            throw APIError.invalidParameter(name: "Idempotency-Key", detail: "must be 1 to 200 printable ASCII characters")
        }
        let fingerprint = SHA256.hexDigest(Array("\(request.method) \(request.uri)\n".utf8) + RequestScope.rawBody)
        switch try await store.claim(apiKeyID: principal.keyID, key: key, requestHash: fingerprint) {
        case .replay(let stored):
            var headers = HTTPFields()
            for (name, value) in stored.headers {
                if let field = HTTPField.Name(name) { headers[field] = value }
            }
            headers[Self.replayedHeaderName] = "true"
            return Response(status: .init(code: stored.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: stored.body)))
        case .mismatch:
            throw DomainError.unprocessable("This Idempotency-Key was already used with a different request.")
        case .inProgress:
            throw DomainError.conflict("A request with this Idempotency-Key is still being processed; retry later.")
        case .claimed:
            return try await runAndStore(request, context: context, key: key, apiKeyID: principal.keyID, next: next)
        }
    }

    private func runAndStore(
        _ request: Request, context: Context, key: String, apiKeyID: UUID,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            // A request past its deadline is cancelled, and so would be any statement it ran: release the key
            // from a task of its own, so that a retry need not wait for the claim to expire.
            let store = self.store
            await Task { try? await store.release(apiKeyID: apiKeyID, key: key) }.value
            throw error
        }
        let sink = BodySink()
        try await response.body.write(CollectingWriter(sink: sink))
        let body = await sink.bytes
        if response.status.code < 500 {
            var headers: [String: String] = [:]
            for name in Self.replayedHeaders {
                if let value = response.headers[name] { headers[name.canonicalName] = value }
            }
            try await store.complete(
                apiKeyID: apiKeyID, key: key, response: StoredResponse(status: Int(response.status.code), headers: headers, body: body)
            )
        } else {
            try? await store.release(apiKeyID: apiKeyID, key: key)
        }
        var replayable = response
        replayable.body = .init(byteBuffer: ByteBuffer(bytes: body))
        return replayable
    }
}

/// Accumulates a response body written through ``CollectingWriter``.
private actor BodySink {
    private(set) var bytes: [UInt8] = []

    func append(_ buffer: ByteBuffer) {
        bytes.append(contentsOf: buffer.readableBytesView)
    }
}

private struct CollectingWriter: ResponseBodyWriter {
    let sink: BodySink

    mutating func write(_ buffer: ByteBuffer) async throws {
        await sink.append(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
