import Synchronization

/// Who a request turned out to be from, filled in by ``AuthenticationMiddleware`` for the middleware above it
/// that logs the request (request contexts travel down the chain only).
final class RequestCaller: Sendable {
    private let storage = Mutex<String?>(nil)

    /// The id of the authenticated API key, once known.
    var keyID: String? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
