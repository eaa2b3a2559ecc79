#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where log lines go: a file descriptor (standard output or error) or, in tests, a closure.
///
/// Writing is synchronous, as with swift-log's own stream handler; each line is written whole, under a lock,
/// so that the lines of concurrent requests never interleave.
public struct LogOutput: Sendable {
    private let sink: @Sendable ([UInt8]) -> Void

    /// Sends every line, newline included, to `sink`.
    public init(_ sink: @escaping @Sendable ([UInt8]) -> Void) {
        self.sink = sink
    }

    /// Standard output.
    public static let standardOutput = LogOutput(FileDescriptorWriter(STDOUT_FILENO).writeLine)
    /// Standard error.
    public static let standardError = LogOutput(FileDescriptorWriter(STDERR_FILENO).writeLine)

    func emit(_ line: [UInt8]) {
        sink(line)
    }
}

/// Writes whole lines to a file descriptor, one writer at a time.
private final class FileDescriptorWriter: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    @Sendable func writeLine(_ line: [UInt8]) {
        lock.withLock { _ in
            line.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress else { return }
                var offset = 0
                while offset < bytes.count {
                    let written = write(descriptor, base + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0, errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }
}
