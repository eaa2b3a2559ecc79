import Forecasting
import Foundation

let story = try DemoStory()
let sizedFor = try story.preAutomationMonth()
let botMonth = AutomationOutcome(try story.inputs(botFirstShare: 1))
// The workforce before the cut: the pre-automation requirement, rounded up to ten agents.
let startingHeadcount = (sizedFor.requiredFTE / 10).rounded(.up) * 10
// The cut: the FTE equivalent of the chats the bot resolves, the work it "frees".
let cut = botMonth.fteEquivalentHandledByAutomation.rounded()
let cutMonth = 2
let rehire = (month: 6, hires: 120.0)

let keepStaff = try story.model(headcount: startingHeadcount, reductionMonth: nil, reduction: 0, held: startingHeadcount, rehire: nil)
// The cut brings the headcount at the start of the cut month down to the starting headcount minus the freed FTE.
let cutTo = startingHeadcount - cut
let reduction = try keepStaff.project()[cutMonth - 1].headcount - cutTo
let scenarios: [(name: String, model: ProjectionModel)] = [
    ("A keep staff", keepStaff),
    ("B cut", try story.model(headcount: startingHeadcount, reductionMonth: cutMonth, reduction: reduction, held: cutTo, rehire: nil)),
    ("C cut, then rehire", try story.model(headcount: startingHeadcount, reductionMonth: cutMonth, reduction: reduction, held: cutTo, rehire: rehire)),
]
let settings = try UncertaintySettings(draws: 1_000, seed: 2_024)
var runs: [[ProjectionMonth]] = []
var distributions: [ProjectionDistribution] = []
for scenario in scenarios {
    runs.append(try scenario.model.project())
    distributions.append(try await scenario.model.simulate(settings))
}

print("Inputs: \(DemoReport.count(DemoStory.chats)) chats/month (\(DemoReport.count(story.newIssues)) new issues), bot-first 1, c 0.55, f 0.12,")
print("human AHT 11 min at concurrency 3 (escalations ×1.25), target 80 % in 60 s, patience 180 s.")
print("Before the bot: \(DemoReport.count(sizedFor.humanContacts)) human chats, \(DemoReport.fte(sizedFor.requiredFTE)) FTE required → \(DemoReport.count(startingHeadcount)) agents.")
print("With the bot: \(DemoReport.count(botMonth.humanContacts)) human chats; the bot resolves the work of \(DemoReport.count(cut)) FTE")
print("(\(DemoReport.count(botMonth.fteEquivalentClosedByAutomation)) counting false containment).")
print("B: cut to \(DemoReport.count(cutTo)) agents (\(DemoReport.count(startingHeadcount)) − \(DemoReport.count(cut))) at the start of month \(cutMonth + 1).")
print("C: as B, plus \(DemoReport.count(rehire.hires)) hires ordered in month \(rehire.month + 1), starting month \(rehire.month + 3).")
print("All: leavers (35 %/year) backfilled one for one; Monte Carlo \(settings.draws) draws, seed \(settings.seed).")
print()
print(DemoReport.scenarioTable(names: scenarios.map(\.name), runs: runs, distributions: distributions, resolvedIssues: botMonth.resolvedIssues))
print()
let bVersusA = try ScenarioComparison(
    baseline: runs[0], alternative: runs[1], baselineDistribution: distributions[0], alternativeDistribution: distributions[1]
)
let cVersusB = try ScenarioComparison(
    baseline: runs[1], alternative: runs[2], baselineDistribution: distributions[1], alternativeDistribution: distributions[2]
)
print(DemoReport.deltaTable([("B − A", bVersusA), ("C − B", cVersusB)]))
