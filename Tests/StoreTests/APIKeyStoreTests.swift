import Domain
import Foundation
import Postgres
import Store
import Testing

@Suite struct APIKeyStoreTests {
    let pool: ConnectionPool
    let store: APIKeyStore

    init() async throws {
        pool = try await migratedPool("apikeys")
        store = APIKeyStore(pool: pool)
    }

    @Test func storesOnlyAHashOfTheSecret() async throws {
        let secret = APIKeySecret.generate()
        let record = try await store.create(try APIKeyDraft(name: "payroll sync", role: .hr, orgUnitID: nil), secret: secret)
        let rows = try await pool.query("SELECT encode(secret_hash, 'hex') AS hash FROM api_keys WHERE id = $1::uuid", [record.id])
        let stored = try rows[0].decode(String.self, "hash")
        #expect(!stored.contains(secret.value))
        #expect(stored == SHA256.hexDigest(Array(secret.value.utf8)))
        #expect(try await store.authenticate(secret) == record)
        #expect(try await store.authenticate(APIKeySecret.generate()) == nil)
    }

    @Test func revokedKeysNoLongerAuthenticate() async throws {
        let secret = APIKeySecret.generate()
        let record = try await store.create(try APIKeyDraft(name: "temp", role: .viewer, orgUnitID: nil), secret: secret)
        #expect(try await store.revoke(id: record.id))
        #expect(try await store.authenticate(secret) == nil)
        #expect(try await store.find(id: record.id)?.revokedAt != nil)
        #expect(try await !store.revoke(id: UUID()))
    }

    @Test func firstAdminIsCreatedOnlyWhenNoKeyExists() async throws {
        let results = try await withThrowingTaskGroup(of: APIKeyRecord?.self) { group in
            for _ in 0..<4 {
                group.addTask { try await store.createFirstAdmin(name: "bootstrap", secret: .generate()) }
            }
            return try await group.reduce(into: [APIKeyRecord?]()) { $0.append($1) }
        }
        #expect(results.compactMap { $0 }.count == 1)
        #expect(results.compactMap { $0 }.first?.role == .admin)
    }

    @Test func listPagesInIdOrderAndFilters() async throws {
        for index in 0..<5 {
            _ = try await store.create(try APIKeyDraft(name: "key \(index)", role: index.isMultiple(of: 2) ? .viewer : .finance, orgUnitID: nil), secret: .generate())
        }
        let first = try await store.list(role: nil, includeRevoked: false, after: nil, limit: 3)
        let second = try await store.list(role: nil, includeRevoked: false, after: first.last?.id, limit: 3)
        #expect(first.count == 3)
        #expect(second.count == 2)
        let ids = (first + second).map(\.id)
        #expect(ids == ids.sorted { $0.uuidString.lowercased() < $1.uuidString.lowercased() })
        #expect(try await store.list(role: .viewer, includeRevoked: false, after: nil, limit: 50).count == 3)
    }

    @Test func managerKeysNeedAnOrgUnit() throws {
        #expect(throws: DomainError.self) { try APIKeyDraft(name: "m", role: .manager, orgUnitID: nil) }
        #expect(throws: DomainError.self) { try APIKeyDraft(name: "v", role: .viewer, orgUnitID: UUID().uuidString) }
        #expect(throws: DomainError.self) { try APIKeyDraft(name: "  ", role: .viewer, orgUnitID: nil) }
        #expect(try APIKeyDraft(name: "m", role: .manager, orgUnitID: UUID().uuidString).orgUnitID != nil)
    }
}
