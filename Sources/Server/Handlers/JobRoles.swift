import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func listJobRoles(_ input: Operations.ListJobRoles.Input) async throws -> Operations.ListJobRoles.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readJobRoles)
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let filter = JobRoleFilter(
            jobFamily: try QueryText.parse(input.query.jobFamily, name: "job_family", maximumLength: 100),
            location: try QueryText.parse(input.query.location, name: "location", maximumLength: 100),
            externalID: try QueryText.parse(input.query.externalId, name: "external_id", maximumLength: 200)
        )
        let records = try await jobRoles.list(filter, after: page.after, limit: page.limit + 1)
        let (shown, next) = page.split(records, id: \.id)
        let showCompensation = principal.may(.seeCompensation)
        return .ok(.init(body: .json(.init(
            data: shown.map { Components.Schemas.JobRole($0, showCompensation: showCompensation) },
            nextCursor: next
        ))))
    }

    func createJobRole(_ input: Operations.CreateJobRole.Input) async throws -> Operations.CreateJobRole.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeJobRoles)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let record = try await jobRoles.create(try JobRoleDraft(
            title: body.title, jobFamily: body.jobFamily, level: body.level, location: body.location, currency: body.currency,
            annualBaseSalary: body.annualBaseSalary, benefitsRate: body.benefitsRate, payrollTaxRate: body.payrollTaxRate,
            hiringCostPerHire: body.hiringCostPerHire, rampMonthsToFullProductivity: body.rampMonthsToFullProductivity,
            externalID: body.externalId
        ))
        return .created(.init(
            headers: .init(eTag: record.etag, location: "/v1/roles/\(record.id.uuidString.lowercased())"),
            body: .json(.init(record, showCompensation: principal.may(.seeCompensation)))
        ))
    }

    func getJobRole(_ input: Operations.GetJobRole.Input) async throws -> Operations.GetJobRole.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readJobRoles)
        guard let record = try await jobRoles.find(id: try IDParameter.parse(input.path.id)) else {
            throw DomainError.notFound("No role with this id.")
        }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record, showCompensation: principal.may(.seeCompensation)))))
    }

    func updateJobRole(_ input: Operations.UpdateJobRole.Input) async throws -> Operations.UpdateJobRole.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeJobRoles)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls(except: ["job_family", "level", "location", "external_id"])
        let changes = try JobRoleChanges(
            title: body.title, jobFamily: body.jobFamily, level: body.level, location: body.location, currency: body.currency,
            annualBaseSalary: body.annualBaseSalary, benefitsRate: body.benefitsRate, payrollTaxRate: body.payrollTaxRate,
            hiringCostPerHire: body.hiringCostPerHire, rampMonthsToFullProductivity: body.rampMonthsToFullProductivity,
            externalID: body.externalId, present: RequestScope.presentKeys()
        )
        let record = try await jobRoles.update(id: id, changes, ifMatch: input.headers.ifMatch)
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record, showCompensation: principal.may(.seeCompensation)))))
    }

    func deleteJobRole(_ input: Operations.DeleteJobRole.Input) async throws -> Operations.DeleteJobRole.Output {
        try RequestScope.requirePrincipal().require(.writeJobRoles)
        try await jobRoles.delete(id: try IDParameter.parse(input.path.id), ifMatch: input.headers.ifMatch)
        return .noContent(.init())
    }

    func upsertJobRole(_ input: Operations.UpsertJobRole.Input) async throws -> Operations.UpsertJobRole.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeJobRoles)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try JobRoleDraft(
            title: body.title, jobFamily: body.jobFamily, level: body.level, location: body.location, currency: body.currency,
            annualBaseSalary: body.annualBaseSalary, benefitsRate: body.benefitsRate, payrollTaxRate: body.payrollTaxRate,
            hiringCostPerHire: body.hiringCostPerHire, rampMonthsToFullProductivity: body.rampMonthsToFullProductivity,
            externalID: input.path.externalId
        )
        let (record, created) = try await jobRoles.upsert(externalID: draft.externalID ?? input.path.externalId, draft)
        let shown = Components.Schemas.JobRole(record, showCompensation: principal.may(.seeCompensation))
        if created {
            return .created(.init(
                headers: .init(eTag: record.etag, location: "/v1/roles/\(record.id.uuidString.lowercased())"), body: .json(shown)
            ))
        }
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(shown)))
    }
}

extension Components.Schemas.JobRole {
    /// The API form of a role; compensation fields are left out (absent, not null) unless `showCompensation`.
    init(_ record: JobRoleRecord, showCompensation: Bool) {
        let fields = record.fields
        self.init(
            id: record.id.uuidString.lowercased(),
            title: fields.title,
            jobFamily: fields.jobFamily,
            level: fields.level,
            location: fields.location,
            currency: fields.currency.description,
            annualBaseSalary: showCompensation ? fields.annualBaseSalary.description : nil,
            benefitsRate: showCompensation ? fields.benefitsRate : nil,
            payrollTaxRate: showCompensation ? fields.payrollTaxRate : nil,
            hiringCostPerHire: showCompensation ? fields.hiringCostPerHire.description : nil,
            rampMonthsToFullProductivity: fields.rampMonthsToFullProductivity,
            externalId: fields.externalID,
            createdAt: record.createdAt,
            updatedAt: record.updatedAt
        )
    }
}
