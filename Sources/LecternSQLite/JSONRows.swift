/// Rows for one statement, as a JSON array of arrays that `json_each` reads back: one
/// statement, and one bound argument, for any number of rows. Read an element's members with
/// `value ->> 0`, `value ->> 1` and so on.
///
/// ```swift
/// var rows = JSONRows()
/// rows.append(row: 7, ["title", "war and peace"], flag: true)  // [7,"title","war and peace",1]
/// try db.execute(sql: "INSERT INTO t (row, field, value, flag) SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?)",
///                arguments: [rows.text])
/// ```
struct JSONRows {
    private var bytes: [UInt8] = [UInt8(ascii: "[")]
    private var count = 0

    /// Whether no row was added.
    var isEmpty: Bool { count == 0 }

    /// The JSON array.
    var text: String {
        var bytes = bytes
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Adds a row of strings.
    mutating func append(_ values: [String]) {
        open()
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Adds a row that starts with the number `row`, then `values`, then `flag` as 1 or 0 if given.
    mutating func append(row: Int64, _ values: [String], flag: Bool? = nil) {
        open()
        bytes.append(contentsOf: String(row).utf8)
        for value in values {
            bytes.append(UInt8(ascii: ","))
            string(value)
        }
        if let flag {
            bytes.append(UInt8(ascii: ","))
            bytes.append(flag ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func open() {
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        count += 1
        bytes.append(UInt8(ascii: "["))
    }

    /// `value` as a JSON string: unescaped runs are copied as they are. Bytes, not
    /// `DocumentSQL.jsonString`'s `String`: with that one, a 100,000-record import ran 13% slower
    /// (1,766 against 2,036 records/s).
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case UInt8(ascii: "\n"): bytes.append(UInt8(ascii: "n"))
                default:
                    bytes.append(contentsOf: "u00".utf8)
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                }
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
