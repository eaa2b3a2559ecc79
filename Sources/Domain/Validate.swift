import Foundation

/// Field checks shared by the validated inputs; each appends its problem instead of throwing, so one
/// response can list every invalid field.
enum Validate {
    static func name(_ value: String, pointer: String, maximumLength: Int = 200, into problems: inout [FieldProblem]) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            problems.append(FieldProblem(pointer: pointer, detail: "must not be empty"))
        } else if trimmed.count > maximumLength {
            problems.append(FieldProblem(pointer: pointer, detail: "must be at most \(maximumLength) characters"))
        }
        return trimmed
    }

    static func optionalText(_ value: String?, pointer: String, maximumLength: Int, into problems: inout [FieldProblem]) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            problems.append(FieldProblem(pointer: pointer, detail: "must not be empty when given"))
        } else if trimmed.count > maximumLength {
            problems.append(FieldProblem(pointer: pointer, detail: "must be at most \(maximumLength) characters"))
        }
        return trimmed
    }

    static func optionalUUID(_ value: String?, pointer: String, into problems: inout [FieldProblem]) -> UUID? {
        guard let value else { return nil }
        guard let id = UUID(uuidString: value) else {
            problems.append(FieldProblem(pointer: pointer, detail: "must be a UUID"))
            return nil
        }
        return id
    }
}
