import Logging
import Store
import Postgres
import WorkforceAPI

extension APIHandlers {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: "ok"))))
    }

    /// Ready when the database answers with a current schema and, if reports use a replica, the replica answers
    /// too. A 503 is logged at error level with its cause.
    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        let detail: String
        do {
            let status = try await migrator.status()
            metrics.setMigrations(applied: status.applied.count, pending: status.pending.count)
            if status.isCurrent {
                if readPool !== pool {
                    do {
                        try await readPool.query("SELECT 1")
                    } catch let error as PostgresError where error.isUnavailable {
                        RequestScope.logger.error("not ready: read database unreachable", metadata: ["error": .string(error.summary)])
                        return notReady("The read database is unreachable.")
                    }
                }
                return .ok(.init(body: .json(.init(status: "ok"))))
            }
            detail = "Database migrations are pending."
            RequestScope.logger.error("not ready: migrations pending", metadata: ["pending": "\(status.pending)"])
        } catch let error as PostgresError where error.isUnavailable {
            detail = "The database is unreachable."
            RequestScope.logger.error("not ready: database unreachable", metadata: ["error": .string(error.summary)])
        } catch {
            RequestScope.logger.error("not ready: readiness check failed", metadata: ["error": "\(String(reflecting: error))"])
            detail = "The database schema cannot be verified."
        }
        return notReady(detail)
    }

    private func notReady(_ detail: String) -> Operations.GetReadiness.Output {
        .serviceUnavailable(.init(
            headers: .init(retryAfter: ProblemMapping.retryAfterSeconds),
            body: .applicationProblemJson(.init(
                _type: "/problems/not-ready", title: "Service Unavailable", status: 503, detail: detail,
                instance: "/readyz"
            ))
        ))
    }
}
