import Domain
import Postgres

/// Translates constraint violations into domain errors, so duplicates and dangling references answer
/// 409/422 rather than 500.
enum StoreErrors {
    static func translating<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PostgresError {
            switch error.sqlState {
            case PostgresError.Code.uniqueViolation:
                throw DomainError.conflict(duplicateMessage(error))
            case PostgresError.Code.foreignKeyViolation:
                if error.message.hasPrefix("update or delete") || (error.detail ?? "").contains("is still referenced") {
                    throw DomainError.conflict("Other records still refer to this one.")
                }
                if error.constraint == "requisitions_hiring_plan_id_fkey" {
                    throw DomainError.unresolvedReferences([FieldProblem(pointer: "/hiring_plan_id", detail: "no hiring plan has this id")])
                }
                throw DomainError.unprocessable("A referenced record does not exist.")
            case PostgresError.Code.exclusionViolation:
                throw DomainError.conflict("The change overlaps an existing record.")
            case PostgresError.Code.checkViolation:
                throw DomainError.unprocessable("A value is outside the range the database allows.")
            default:
                throw error
            }
        }
    }

    private static func duplicateMessage(_ error: PostgresError) -> String {
        switch error.constraint {
        case "org_units_external_id_key": "Another org unit already has this external_id."
        case "job_roles_external_id_key": "Another role already has this external_id."
        case "positions_external_id_key": "Another position already has this external_id."
        case "queues_external_id_key": "Another queue already has this external_id."
        case "queues_org_unit_id_name_key": "The org unit already has a queue with this name."
        default: "A record with the same unique value already exists."
        }
    }
}
