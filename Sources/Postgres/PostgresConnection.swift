import CLibPQ
import CoreMetrics
import Dispatch
import NIOPosix
import Synchronization

/// One libpq connection.
///
/// Every blocking libpq call runs on the pool's dedicated `NIOThreadPool`, never on Swift's cooperative
/// thread pool. A connection is used by one lease at a time (the pool guarantees it), which is why this
/// is the one type in the project declared `@unchecked Sendable`: the only call that may arrive from
/// another thread is ``cancelRunningStatement(token:)``, which goes through libpq's thread-safe cancel
/// object under a lock.
public final class PostgresConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    private let threadPool: NIOThreadPool
    private let connectionString: ConnectionString
    private let queryDuration: Timer?
    private let state: Mutex<CancelState>

    /// Part of the connection wrapper: its pointer is only touched under the mutex.
    private struct CancelState: @unchecked Sendable {
        var cancelObject: OpaquePointer?
        var runningToken: UInt64 = 0
        var lastToken: UInt64 = 0
        var copyAborted = false
        var closed = false
    }

    /// Session settings every connection starts with, so that text values have one format.
    static let sessionSetup = """
        SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; \
        SET TimeZone = 'UTC'; SET extra_float_digits = 3
        """

    private init(handle: OpaquePointer, threadPool: NIOThreadPool, connectionString: ConnectionString, queryDuration: Timer?) {
        self.handle = handle
        self.threadPool = threadPool
        self.connectionString = connectionString
        self.queryDuration = queryDuration
        self.state = Mutex(CancelState(cancelObject: PQgetCancel(handle)))
    }

    deinit {
        close()
    }

    /// Opens a connection (on the thread pool) and applies the session settings.
    ///
    /// `statementTimeout` becomes the session's `statement_timeout` (rounded up to whole milliseconds; zero means
    /// none); `queryDuration`, when given, records how long each statement takes.
    public static func connect(
        _ connectionString: ConnectionString,
        threadPool: NIOThreadPool,
        statementTimeout: Duration? = nil,
        queryDuration: Timer? = nil
    ) async throws -> PostgresConnection {
        let setup = sessionSetup + (statementTimeout.map { "; SET statement_timeout = \(milliseconds($0))" } ?? "")
        return try await threadPool.runIfActive {
            guard let handle = PQconnectdb(connectionString.raw) else {
                throw PostgresError(kind: .connection, message: "out of memory while connecting")
            }
            guard PQstatus(handle) == CONNECTION_OK else {
                let message = connectionString.scrub(String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines)
                PQfinish(handle)
                throw PostgresError(kind: .connection, message: message)
            }
            let connection = PostgresConnection(
                handle: handle,
                threadPool: threadPool,
                connectionString: connectionString,
                queryDuration: queryDuration
            )
            _ = try connection.executeSimple(setup)
            return connection
        }
    }

    /// A duration in whole milliseconds, rounded up so that a positive timeout never becomes 0 (no timeout).
    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let whole = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return attoseconds % 1_000_000_000_000_000 > 0 ? whole + 1 : whole
    }

    /// Runs one statement with `$1…$n` parameters sent in text format, and returns its rows.
    ///
    /// Cancelling the calling task cancels the statement on the server (`PQcancel`) and throws
    /// `CancellationError`.
    @discardableResult
    public func query(_ sql: String, _ parameters: [any PostgresEncodable] = []) async throws -> PostgresRows {
        let texts = try Self.encode(parameters)
        return try await runCancellable { connection in
            try connection.executeParameters(sql, texts)
        }
    }

    /// Runs SQL text that may hold several statements and takes no parameters, such as a migration file.
    public func execute(script sql: String) async throws {
        _ = try await runCancellable { connection in
            try connection.executeSimple(sql)
        }
    }

    /// Runs a statement without parameters that must not be interrupted (transaction control).
    func executeUncancellable(_ sql: String) async throws {
        try await threadPool.runIfActive {
            _ = try self.executeSimple(sql)
        }
    }

    /// Loads rows with `COPY … FROM STDIN` (text format). Returns the number of rows the server loaded.
    ///
    /// Each row holds one text value or `nil` (`NULL`) per column named in `sql`.
    @discardableResult
    public func copyFrom<Rows: Sequence & Sendable>(_ sql: String, rows: Rows) async throws -> Int
    where Rows.Element == [String?] {
        try await runCancellable { connection in
            try connection.executeCopyIn(sql, rows: rows)
        }
    }

    /// True when libpq considers the connection usable.
    public var isBroken: Bool { PQstatus(handle) != CONNECTION_OK }

    /// True when the connection is outside any transaction and not busy.
    public var isIdle: Bool { PQtransactionStatus(handle) == PQTRANS_IDLE }

    /// Reads whatever the server sent while the connection sat idle (for example a shutdown notice after a
    /// server restart) without blocking, and reports whether the connection is still usable.
    func checkAlive() -> Bool {
        guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else { return false }
        while let notification = PQnotifies(handle) { PQfreemem(notification) }
        return PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// Closes the connection; further use fails.
    public func close() {
        let shouldFinish = state.withLock { state -> Bool in
            guard !state.closed else { return false }
            state.closed = true
            if let cancelObject = state.cancelObject { PQfreeCancel(cancelObject) }
            state.cancelObject = nil
            return true
        }
        if shouldFinish { PQfinish(handle) }
    }

    private func runCancellable<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) throws -> T
    ) async throws -> T {
        try Task.checkCancellation()
        let token = state.withLock { state -> UInt64 in
            state.lastToken += 1
            state.runningToken = state.lastToken
            state.copyAborted = false
            return state.lastToken
        }
        let start = ContinuousClock.now
        defer { queryDuration?.record(elapsed: start.duration(to: .now)) }
        do {
            let result = try await withTaskCancellationHandler {
                try await threadPool.runIfActive {
                    defer { self.state.withLock { $0.runningToken = 0 } }
                    return try body(self)
                }
            } onCancel: {
                self.cancelRunningStatement(token: token)
            }
            try Task.checkCancellation()
            return result
        } catch let error as PostgresError where error.isQueryCanceled && Task.isCancelled {
            throw CancellationError()
        }
    }

    /// Asks the server to cancel the statement identified by `token`, if it is still running.
    ///
    /// The request goes out on a Dispatch queue: `PQcancel` opens a network connection, which must not
    /// happen on the cooperative pool or wait behind busy threads of the connection pool.
    func cancelRunningStatement(token: UInt64) {
        DispatchQueue.global().async {
            self.state.withLock { state in
                guard state.runningToken == token, !state.closed else { return }
                state.copyAborted = true
                guard let cancelObject = state.cancelObject else { return }
                var buffer = [CChar](repeating: 0, count: 256)
                _ = PQcancel(cancelObject, &buffer, Int32(buffer.count))
            }
        }
    }

    private static func encode(_ parameters: [any PostgresEncodable]) throws -> [String?] {
        try parameters.enumerated().map { index, parameter in
            let text = try parameter.postgresText
            if let text, text.utf8.contains(0) {
                throw PostgresError(
                    kind: .invalidParameter,
                    message: "parameter $\(index + 1) contains a NUL byte, which PostgreSQL text cannot hold"
                )
            }
            return text
        }
    }

    private func executeSimple(_ sql: String) throws -> PostgresRows {
        try consume(PQexec(handle, sql))
    }

    private func executeParameters(_ sql: String, _ parameters: [String?]) throws -> PostgresRows {
        var storage: [UInt8] = []
        var offsets: [Int?] = []
        for parameter in parameters {
            guard let parameter else {
                offsets.append(nil)
                continue
            }
            offsets.append(storage.count)
            storage.append(contentsOf: parameter.utf8)
            storage.append(0)
        }
        let result = storage.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            let pointers: [UnsafePointer<CChar>?] = offsets.map { offset in
                guard let offset, let base = buffer.baseAddress else { return nil }
                return UnsafeRawPointer(base + offset).assumingMemoryBound(to: CChar.self)
            }
            return pointers.withUnsafeBufferPointer { values in
                PQexecParams(handle, sql, Int32(parameters.count), nil, values.baseAddress, nil, nil, 0)
            }
        }
        return try consume(result)
    }

    private func executeCopyIn<Rows: Sequence>(_ sql: String, rows: Rows) throws -> Int
    where Rows.Element == [String?] {
        guard let start = PQexec(handle, sql) else { throw connectionError() }
        let status = PQresultStatus(start)
        guard status == PGRES_COPY_IN else {
            defer { PQclear(start) }
            if status == PGRES_FATAL_ERROR { throw serverError(start) }
            throw PostgresError(kind: .invalidParameter, message: "statement is not COPY … FROM STDIN")
        }
        PQclear(start)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 17)
        var failure: String?
        for row in rows {
            if let problem = CopyEncoding.append(row, to: &buffer) {
                failure = problem
                break
            }
            if buffer.count >= 1 << 16 {
                if state.withLock({ $0.copyAborted }) {
                    failure = "COPY cancelled"
                    break
                }
                try sendCopyData(&buffer)
            }
        }
        if failure == nil { try sendCopyData(&buffer) }
        guard PQputCopyEnd(handle, failure) == 1 else { throw connectionError() }
        var outcome: Result<Int, PostgresError> = .success(0)
        while let result = PQgetResult(handle) {
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK:
                outcome = .success(Int(String(cString: PQcmdTuples(result))) ?? 0)
            case PGRES_FATAL_ERROR:
                outcome = .failure(serverError(result))
            default:
                break
            }
            PQclear(result)
        }
        if let failure, case .success = outcome {
            throw PostgresError(kind: .invalidParameter, message: failure)
        }
        return try outcome.get()
    }

    private func sendCopyData(_ buffer: inout [UInt8]) throws {
        guard !buffer.isEmpty else { return }
        let sent = buffer.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw connectionError() }
        buffer.removeAll(keepingCapacity: true)
    }

    private func consume(_ result: OpaquePointer?) throws -> PostgresRows {
        guard let result else { throw connectionError() }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return Self.rows(of: result)
        case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR:
            throw serverError(result)
        case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
            throw PostgresError(kind: .invalidParameter, message: "COPY must go through copyFrom(_:rows:)")
        default:
            throw connectionError()
        }
    }

    private static func rows(of result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        var values: [String?] = []
        values.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawPointer(PQgetvalue(result, row, column)!).assumingMemoryBound(to: UInt8.self)
                    values.append(String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self))
                }
            }
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return PostgresRows(columns: columns, values: values, affectedRows: affected)
    }

    private func serverError(_ result: OpaquePointer) -> PostgresError {
        func field(_ code: Int32) -> String? {
            PQresultErrorField(result, code).map { String(cString: $0) }
        }
        let sqlState = field(Int32(UInt8(ascii: "C")))
        let message = field(Int32(UInt8(ascii: "M")))
            ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines
        return PostgresError(
            kind: PQstatus(handle) == CONNECTION_OK ? .server : .connection,
            sqlState: sqlState,
            message: connectionString.scrub(message),
            detail: field(Int32(UInt8(ascii: "D"))).map(connectionString.scrub),
            hint: field(Int32(UInt8(ascii: "H"))),
            constraint: field(Int32(UInt8(ascii: "n"))),
            table: field(Int32(UInt8(ascii: "t"))),
            column: field(Int32(UInt8(ascii: "c")))
        )
    }

    private func connectionError() -> PostgresError {
        let message = String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines
        return PostgresError(
            kind: .connection,
            message: connectionString.scrub(message.isEmpty ? "connection to the server was lost" : message)
        )
    }
}
