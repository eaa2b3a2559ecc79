import Foundation
import Domain
import Testing

@Suite struct APIKeySecretTests {
    @Test func generatedSecretsAreLongRandomAndPrefixed() {
        let secrets = (0..<100).map { _ in APIKeySecret.generate().value }
        #expect(Set(secrets).count == 100)
        for secret in secrets {
            #expect(secret.hasPrefix(APIKeySecret.prefix))
            #expect(secret.count == APIKeySecret.prefix.count + 43)
        }
    }

    @Test func oversizedOrEmptySecretsAreRefused() {
        #expect(APIKeySecret("") == nil)
        #expect(APIKeySecret(String(repeating: "x", count: APIKeySecret.maximumLength + 1)) == nil)
    }

    @Test func onlyAdminsManageKeys() throws {
        for role in Role.allCases {
            let principal = Principal(keyID: .init(), name: "k", role: role, orgUnitID: nil)
            if role == .admin {
                try principal.require(.manageKeys)
            } else {
                #expect(throws: DomainError.self) { try principal.require(.manageKeys) }
            }
        }
    }
}
