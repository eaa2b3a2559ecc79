/// Transaction isolation levels.
public enum IsolationLevel: String, Sendable {
    /// `READ COMMITTED`, PostgreSQL's default.
    case readCommitted = "READ COMMITTED"
    /// `REPEATABLE READ`.
    case repeatableRead = "REPEATABLE READ"
    /// `SERIALIZABLE`.
    case serializable = "SERIALIZABLE"
}

extension ConnectionPool {
    /// Runs `body` inside a transaction and commits it; rolls back when `body` throws.
    ///
    /// Serialization failures and deadlocks (SQLSTATE 40001, 40P01) roll back and run `body` again, up to
    /// `maximumAttempts` times in all, so `body` must have no effects outside the database.
    @discardableResult
    public nonisolated func withTransaction<T: Sendable>(
        isolation: IsolationLevel = .readCommitted,
        maximumAttempts: Int = 5,
        _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await withConnection { connection in
                    try await connection.query("BEGIN ISOLATION LEVEL \(isolation.rawValue)")
                    do {
                        let result = try await body(connection)
                        try await connection.executeUncancellable("COMMIT")
                        return result
                    } catch {
                        if !connection.isBroken { try? await connection.executeUncancellable("ROLLBACK") }
                        throw error
                    }
                }
            } catch let error as PostgresError where error.isSerializationFailure && attempt < maximumAttempts {
                attempt += 1
            }
        }
    }
}
