import Logging

/// One log event, rendered as a JSON object or as text, newline included.
struct LogLine {
    /// Keys of the fields every line starts with; metadata under these names is renamed `metadata_<key>`.
    static let fixedKeys: Set<String> = ["time", "level", "message"]

    let time: String
    let level: Logger.Level
    let message: String
    let metadata: Logger.Metadata

    /// `{"time":…,"level":…,"message":…,<metadata, keys sorted>}`.
    func json() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        out.append(contentsOf: #"{"time":"#.utf8)
        JSONText.appendString(time, to: &out)
        out.append(contentsOf: #","level":"#.utf8)
        JSONText.appendString(level.rawValue, to: &out)
        out.append(contentsOf: #","message":"#.utf8)
        JSONText.appendString(message, to: &out)
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            out.append(UInt8(ascii: ","))
            JSONText.appendString(Self.fixedKeys.contains(key) ? "metadata_\(key)" : key, to: &out)
            out.append(UInt8(ascii: ":"))
            JSONText.appendValue(value, to: &out)
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// `time level message key=value …`.
    func text() -> [UInt8] {
        var line = "\(time) \(level.rawValue) \(message)"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
        return Array((line + "\n").utf8)
    }
}
