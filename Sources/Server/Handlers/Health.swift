import Logging
import Store
import Postgres
import WorkforceAPI

extension APIHandlers {
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        .ok(.init(body: .json(.init(status: "ok"))))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        let detail: String
        do {
            if try await migrator.status().isCurrent {
                return .ok(.init(body: .json(.init(status: "ok"))))
            }
            detail = "Database migrations are pending."
        } catch let error as PostgresError where error.isUnavailable {
            detail = "The database is unreachable."
        } catch {
            RequestScope.logger.error("readiness check failed", metadata: ["error": "\(error)"])
            detail = "The database schema cannot be verified."
        }
        return .serviceUnavailable(.init(
            headers: .init(retryAfter: ProblemMapping.retryAfterSeconds),
            body: .applicationProblemJson(.init(
                _type: "/problems/not-ready", title: "Service Unavailable", status: 503, detail: detail,
                instance: "/readyz"
            ))
        ))
    }
}
