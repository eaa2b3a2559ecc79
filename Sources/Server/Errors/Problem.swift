import Foundation

/// An RFC 9457 problem details document, the body of every error response.
struct Problem: Encodable, Sendable {
    /// One invalid field or parameter.
    struct FieldError: Encodable, Sendable {
        var pointer: String?
        var parameter: String?
        var row: Int?
        var column: String?
        var detail: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String
    var instance: String?
    var errors: [FieldError]?
    /// Seconds a client should wait before retrying, sent as `Retry-After` rather than in the body.
    var retryAfterSeconds: Int?
    /// Methods of the path, sent as `Allow` with a 405.
    var allowedMethods: [String]?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, instance, errors
    }

    init(
        status: Int, slug: String, title: String, detail: String, errors: [FieldError]? = nil, retryAfterSeconds: Int? = nil,
        allowedMethods: [String]? = nil
    ) {
        self.allowedMethods = allowedMethods
        self.type = "/problems/\(slug)"
        self.title = title
        self.status = status
        self.detail = detail
        self.errors = errors
        self.retryAfterSeconds = retryAfterSeconds
    }

    /// The JSON body.
    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data(#"{"status":500,"title":"Internal Server Error","type":"/problems/internal"}"#.utf8)
    }
}
