import Foundation
import NIOPosix
import Postgres
import Testing

@Suite struct ConnectionStringTests {
    @Test func uriAndKeyValueFormsAreParsedByLibpq() throws {
        let uri = try ConnectionString("postgresql://alice:s3cret@db1:5433,db2:5434/payroll?sslmode=disable&target_session_attrs=read-write")
        #expect(uri["dbname"] == "payroll")
        #expect(uri["host"] == "db1,db2")
        #expect(uri["target_session_attrs"] == "read-write")
        let pairs = try ConnectionString("host=/tmp port=6000 dbname='my db'")
        #expect(pairs["dbname"] == "my db")
    }

    @Test func descriptionNeverShowsThePassword() throws {
        let connection = try ConnectionString("postgresql://alice:s3cret@localhost:5432/payroll")
        #expect(!connection.description.contains("s3cret"))
        #expect(connection.description.contains("payroll"))
        let replaced = connection.replacing(["dbname": "other"])
        #expect(replaced["password"] == "s3cret")
        #expect(!replaced.description.contains("s3cret"))
    }

    @Test func invalidStringErrorDoesNotEchoThePassword() {
        let error = #expect(throws: PostgresError.self) {
            try ConnectionString("postgresql://alice:pa%zzword@localhost/db")
        }
        #expect(error.map { !$0.message.contains("pa%zzword") && !$0.description.contains("zzword") } == true)
    }

    @Test func failedConnectionErrorDoesNotPrintThePassword() async throws {
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        defer { threadPool.shutdownGracefully { _ in } }
        let secret = "hunter2-\(UUID().uuidString)"
        let connection = try ConnectionString("postgresql://nobody:\(secret)@127.0.0.1:1/none?connect_timeout=2")
        let error = await #expect(throws: PostgresError.self) {
            try await PostgresConnection.connect(connection, threadPool: threadPool)
        }
        #expect(error?.kind == .connection)
        #expect(error.map { !"\($0)".contains(secret) } == true)
    }
}
