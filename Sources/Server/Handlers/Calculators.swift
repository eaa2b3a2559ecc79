import Domain
import Forecasting
import WorkforceAPI

extension APIHandlers {
    /// Most agents a calculation may use, as the API description bounds it.
    static let maximumCalculatorAgents = 1_000_000

    func calculateQueue(_ input: Operations.CalculateQueue.Input) async throws -> Operations.CalculateQueue.Output {
        try RequestScope.requirePrincipal().require(.useCalculators)
        guard case .json(let body) = input.body else { throw DomainError.invalid([]) }
        try RequestScope.rejectNulls()
        var missing: [FieldProblem] = []
        if body.mode == .evaluate, body.agents == nil { missing.append(.init(pointer: "/agents", detail: "is required to evaluate")) }
        if body.mode == .staff, body.targetServiceLevel == nil {
            missing.append(.init(pointer: "/target_service_level", detail: "is required to staff"))
        }
        if body.model == .erlangA, body.patienceSeconds == nil {
            missing.append(.init(pointer: "/patience_seconds", detail: "is required for erlang_a"))
        }
        if body.model == .erlangC, body.maxAbandonRate != nil {
            missing.append(.init(pointer: "/max_abandon_rate", detail: "applies to erlang_a only"))
        }
        for (value, pointer) in [(body.agents, "/agents"), (body.maxAgents, "/max_agents")] {
            if let value, !(1...Self.maximumCalculatorAgents).contains(value) {
                missing.append(.init(pointer: pointer, detail: "must be between 1 and \(Self.maximumCalculatorAgents)"))
            }
        }
        guard missing.isEmpty else { throw DomainError.invalid(missing) }
        let result: Components.Schemas.QueueCalculationResult
        do {
            result = try Self.calculate(body)
        } catch {
            throw DomainError.invalid([FieldProblem(pointer: Self.pointer(for: error), detail: error.description)])
        }
        return .ok(.init(body: .json(result)))
    }

    /// Runs the calculation; `body` has the fields its mode and model need.
    private static func calculate(
        _ body: Components.Schemas.QueueCalculation
    ) throws(QueueInputError) -> Components.Schemas.QueueCalculationResult {
        let scenario = try QueueScenario(
            calls: body.calls, intervalSeconds: body.intervalSeconds, ahtSeconds: body.ahtSeconds,
            answerTimeSeconds: body.answerTimeSeconds
        )
        let model = try QueueModel(kind: body.model == .erlangA ? .erlangA : .erlangC, patienceSeconds: body.patienceSeconds)
        switch body.mode {
        case .evaluate:
            return .init(try model.evaluate(scenario, agents: body.agents ?? 0), model: body.model, feasible: nil)
        case .staff:
            let target = try StaffingTarget(serviceLevel: body.targetServiceLevel ?? 1, maximumAbandonRate: body.maxAbandonRate)
            let staffing = try model.staff(scenario, target: target, maximumAgents: body.maxAgents)
            guard staffing.isFeasible, let metrics = staffing.metrics else {
                return .init(
                    trafficErlangs: staffing.trafficErlangs, feasible: false, agents: nil,
                    serviceLevelAtMaxAgents: body.maxAgents == nil ? nil : staffing.serviceLevelAtMaximumAgents
                )
            }
            return .init(metrics, model: body.model, feasible: true)
        }
    }

    /// The request field a queueing input error is about.
    private static func pointer(for error: QueueInputError) -> String {
        switch error {
        case .nonFiniteValue: ""
        case .intervalNotPositive: "/interval_seconds"
        case .callsNegative: "/calls"
        case .ahtNotPositive: "/aht_seconds"
        case .answerTimeNegative: "/answer_time_seconds"
        case .patienceMissing, .patienceNotPositive: "/patience_seconds"
        case .agentsNotPositive, .agentsNegative, .agentsAboveLimit: "/agents"
        case .trafficAboveLimit, .queueStatesAboveLimit: "/calls"
        case .targetServiceLevelOutOfRange: "/target_service_level"
        case .maximumAbandonRateOutOfRange: "/max_abandon_rate"
        }
    }
}

extension Components.Schemas.QueueCalculationResult {
    init(_ metrics: QueueMetrics, model: Components.Schemas.QueueCalculation.ModelPayload, feasible: Bool?) {
        let erlangA = model == .erlangA
        self.init(
            trafficErlangs: metrics.trafficErlangs,
            feasible: feasible,
            agents: metrics.agents,
            stable: metrics.isStable,
            erlangB: metrics.erlangB,
            pWait: metrics.probabilityOfWaiting,
            serviceLevel: metrics.serviceLevel,
            occupancy: metrics.occupancy,
            asaSeconds: erlangA ? nil : metrics.asaSeconds,
            pAbandon: erlangA ? metrics.probabilityOfAbandoning : nil,
            asaAnsweredSeconds: erlangA ? metrics.asaSeconds : nil,
            meanWaitAllSeconds: erlangA ? metrics.meanWaitOfAllArrivalsSeconds : nil
        )
    }
}
