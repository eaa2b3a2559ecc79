/// Encoding of rows in `COPY`'s text format: tab-separated, newline-terminated, `\N` for `NULL`,
/// backslash escapes for backslash, tab, newline and carriage return.
enum CopyEncoding {
    /// Appends one row; returns a message instead when a value cannot be represented.
    static func append(_ row: [String?], to buffer: inout [UInt8]) -> String? {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let value else {
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            for byte in value.utf8 {
                switch byte {
                case 0:
                    return "a COPY value contains a NUL byte"
                case UInt8(ascii: "\\"):
                    buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"):
                    buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"):
                    buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"):
                    buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default:
                    buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
        return nil
    }
}
