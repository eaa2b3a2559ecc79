import Logging

/// A swift-log handler that writes one line per event: a JSON object (``LogFormat/json``) or readable text
/// (``LogFormat/text``), each starting with the time (ISO 8601, UTC, milliseconds), the level and the message,
/// followed by the metadata.
///
/// Metadata values keep their JSON type where they have one: `.stringConvertible(200)` becomes the number 200.
public struct LogLineHandler: LogHandler {
    /// Metadata added to every event of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Metadata read from the task when an event is logged.
    public var metadataProvider: Logger.MetadataProvider?
    /// The lowest level logged.
    public var logLevel: Logger.Level
    private let format: LogFormat
    private let output: LogOutput

    /// Creates a handler writing `format` lines to `output`.
    public init(
        format: LogFormat, output: LogOutput, logLevel: Logger.Level = .info, metadataProvider: Logger.MetadataProvider? = nil
    ) {
        self.format = format
        self.output = output
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let eventMetadata = event.metadata { merged.merge(eventMetadata) { $1 } }
        if let error = event.error, merged["error"] == nil { merged["error"] = "\(String(reflecting: error))" }
        let line = LogLine(time: LogTimestamp.now(), level: event.level, message: event.message.description, metadata: merged)
        output.emit(format == .json ? line.json() : line.text())
    }
}
