import Domain
import Foundation
import Store
import WorkforceAPI

extension APIHandlers {
    func listQueues(_ input: Operations.ListQueues.Input) async throws -> Operations.ListQueues.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readQueues)
        let page = try PageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let filter = QueueFilter(
            subtree: try input.query.orgUnitId.map { try IDParameter.parse($0, name: "org_unit_id") },
            channel: input.query.channel.map { QueueChannel(rawValue: $0.rawValue)! },
            externalID: try QueryText.parse(input.query.externalId, name: "external_id", maximumLength: 200)
        )
        let records = try await queues.list(filter, scope: principal.readScope, after: page.after, limit: page.limit + 1)
        let (shown, next) = page.split(records, id: \.id)
        return .ok(.init(body: .json(.init(data: shown.map(Components.Schemas.Queue.init), nextCursor: next))))
    }

    func createQueue(_ input: Operations.CreateQueue.Input) async throws -> Operations.CreateQueue.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeQueues)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let draft = try QueueDraft(
            orgUnitID: body.orgUnitId, name: body.name, channel: QueueChannel(rawValue: body.channel.rawValue)!,
            operatingHoursPerMonth: body.operatingHoursPerMonth, peakFactor: body.peakFactor,
            serviceLevelTarget: body.serviceLevelTarget, serviceLevelSeconds: body.serviceLevelSeconds,
            maximumAbandonment: body.maxAbandonment, meanPatienceSeconds: body.meanPatienceSeconds,
            humanAHTSeconds: body.humanAhtSeconds, humanFirstContactResolution: body.humanFirstContactResolution,
            shrinkage: body.shrinkage, concurrency: body.concurrency, externalID: body.externalId
        )
        let record = try await queues.create(draft, scope: principal.readScope)
        return .created(.init(
            headers: .init(eTag: record.etag, location: "/v1/queues/\(record.id.uuidString.lowercased())"),
            body: .json(.init(record))
        ))
    }

    func getQueue(_ input: Operations.GetQueue.Input) async throws -> Operations.GetQueue.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readQueues)
        let record = try await visibleQueue(input.path.id, principal: principal)
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }

    func updateQueue(_ input: Operations.UpdateQueue.Input) async throws -> Operations.UpdateQueue.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeQueues)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls(except: ["max_abandonment", "external_id"])
        let changes = try QueueChanges(
            orgUnitID: body.orgUnitId, name: body.name, channel: body.channel.map { QueueChannel(rawValue: $0.rawValue)! },
            operatingHoursPerMonth: body.operatingHoursPerMonth, peakFactor: body.peakFactor,
            serviceLevelTarget: body.serviceLevelTarget, serviceLevelSeconds: body.serviceLevelSeconds,
            maximumAbandonment: body.maxAbandonment, meanPatienceSeconds: body.meanPatienceSeconds,
            humanAHTSeconds: body.humanAhtSeconds, humanFirstContactResolution: body.humanFirstContactResolution,
            shrinkage: body.shrinkage, concurrency: body.concurrency, externalID: body.externalId,
            present: RequestScope.presentKeys()
        )
        let record = try await queues.update(id: id, changes, ifMatch: input.headers.ifMatch, scope: principal.readScope)
        return .ok(.init(headers: .init(eTag: record.etag), body: .json(.init(record))))
    }

    func deleteQueue(_ input: Operations.DeleteQueue.Input) async throws -> Operations.DeleteQueue.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeQueues)
        try await queues.delete(id: try IDParameter.parse(input.path.id), ifMatch: input.headers.ifMatch, scope: principal.readScope)
        return .noContent(.init())
    }

    func getQueueDemand(_ input: Operations.GetQueueDemand.Input) async throws -> Operations.GetQueueDemand.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.readQueues)
        let first = try input.query.from.map { try QueryMonth.month($0, name: "from") } ?? .earliest
        let last = try input.query.to.map { try QueryMonth.month($0, name: "to") } ?? .latest
        guard first <= last else { throw APIError.invalidParameter(name: "to", detail: "must not be before from") }
        let record = try await visibleQueue(input.path.id, principal: principal)
        let months = try await queues.demand(queueID: record.id, from: first, to: last)
        return .ok(.init(body: .json(.init(queueId: record.id.uuidString.lowercased(), data: months.map(Components.Schemas.DemandMonth.init)))))
    }

    func putQueueDemand(_ input: Operations.PutQueueDemand.Input) async throws -> Operations.PutQueueDemand.Output {
        let principal = try RequestScope.requirePrincipal()
        try principal.require(.writeQueues)
        let id = try IDParameter.parse(input.path.id)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        let entries = try DemandEntry.validate(body.months.map { ($0.month, $0.actualVolume, $0.forecastVolume) })
        let stored = try await queues.putDemand(queueID: id, entries, actor: principal.keyID, scope: principal.readScope)
        return .ok(.init(body: .json(.init(queueId: id.uuidString.lowercased(), data: stored.map(Components.Schemas.DemandMonth.init)))))
    }

    /// The queue, or 404 when it does not exist or is outside the caller's scope.
    func visibleQueue(_ text: String, principal: Principal) async throws -> QueueRecord {
        guard let record = try await queues.find(id: try IDParameter.parse(text), scope: principal.readScope) else {
            throw DomainError.notFound("No queue with this id.")
        }
        return record
    }
}

extension QueryMonth {
    /// A month parameter (`YYYY-MM`, 1900-01 to 2199-12).
    static func month(_ text: String, name: String) throws -> CalendarMonth {
        guard let month = CalendarMonth(text) else {
            throw APIError.invalidParameter(name: name, detail: "must be a month YYYY-MM between 1900-01 and 2199-12")
        }
        return month
    }
}

extension Components.Schemas.Queue {
    init(_ record: QueueRecord) {
        let fields = record.fields
        self.init(
            id: record.id.uuidString.lowercased(),
            orgUnitId: fields.orgUnitID.uuidString.lowercased(),
            name: fields.name,
            channel: .init(rawValue: fields.channel.rawValue)!,
            operatingHoursPerMonth: fields.operatingHoursPerMonth,
            peakFactor: fields.peakFactor,
            serviceLevelTarget: fields.serviceLevelTarget,
            serviceLevelSeconds: fields.serviceLevelSeconds,
            maxAbandonment: fields.maximumAbandonment,
            meanPatienceSeconds: fields.meanPatienceSeconds,
            humanAhtSeconds: fields.humanAHTSeconds,
            humanFirstContactResolution: fields.humanFirstContactResolution,
            shrinkage: fields.shrinkage,
            concurrency: fields.concurrency,
            externalId: fields.externalID,
            createdAt: record.createdAt,
            updatedAt: record.updatedAt
        )
    }
}

extension Components.Schemas.DemandMonth {
    init(_ record: DemandRecord) {
        self.init(
            month: record.month.description, actualVolume: record.actualVolume, forecastVolume: record.forecastVolume,
            updatedAt: record.updatedAt
        )
    }
}
