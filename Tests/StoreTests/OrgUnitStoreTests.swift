import Domain
import Foundation
import Postgres
import Store
import Testing

@Suite struct OrgUnitStoreTests {
    let store: OrgUnitStore

    init() async throws {
        store = OrgUnitStore(pool: try await migratedPool("orgunitstore"))
    }

    private func unit(_ name: String, parent: UUID? = nil) async throws -> UUID {
        try await store.create(try OrgUnitDraft(name: name, parentID: parent?.uuidString, costCenter: nil, externalID: nil)).id
    }

    private func move(_ id: UUID, under parent: UUID) throws -> OrgUnitChanges {
        try OrgUnitChanges(name: nil, parentID: parent.uuidString, costCenter: nil, externalID: nil, present: ["parent_id"])
    }

    @Test func concurrentCrossMovesCannotBuildACycle() async throws {
        // Each move alone is legal; together they would make A and B each other's parent. The tree lock
        // serialises them so the second sees the first and refuses.
        for _ in 0..<5 {
            let first = try await unit("A")
            let second = try await unit("B")
            let moves = [(first, try move(first, under: second)), (second, try move(second, under: first))]
            let succeeded = await withTaskGroup(of: Bool.self) { group in
                for (id, changes) in moves {
                    group.addTask { (try? await store.update(id: id, changes, ifMatch: nil)) != nil }
                }
                return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(succeeded == 1)
        }
    }

    @Test func subtreeScopeHidesUnitsOutsideIt() async throws {
        let root = try await unit("Root")
        let inside = try await unit("Inside", parent: root)
        let outside = try await unit("Outside")
        #expect(try await store.find(id: inside, scope: .subtree(of: root)) != nil)
        #expect(try await store.find(id: outside, scope: .subtree(of: root)) == nil)
        #expect(try await store.find(id: outside, scope: .everything) != nil)
    }
}
