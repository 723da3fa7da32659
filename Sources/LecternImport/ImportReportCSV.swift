public import LecternMARC

/// The `--report` file of an import: one CSV line (RFC 4180) per warning and per rejected record,
/// for a cataloguer to open as a spreadsheet.
///
/// Columns: `record` (numbered from 1), `byte_offset` (of the warned field, or of the rejected
/// record), `line` (MARCXML), `identifier` (001, else 035 $a), `field`, `action` (`repaired` or
/// `rejected`), `code` (the kind of problem, as ``MARCError/Code`` names it) and `detail` (what
/// was found and done).
public enum ImportReportCSV {
    /// The first line.
    public static let header = "record,byte_offset,line,identifier,field,action,code,detail\r\n"

    /// The lines of `record`: one per warning, and one more when it was rejected.
    public static func lines(for record: ImportTally.Record) -> String {
        var out = ""
        let number = record.position.recordIndex.map { String($0 + 1) } ?? ""
        let line = record.position.line.map(String.init) ?? ""
        for warning in record.warnings {
            let offset = (warning.byteOffset ?? record.position.byteOffset).map(String.init) ?? ""
            append([number, offset, line, record.identifier ?? "", warning.field, "repaired", warning.code.rawValue, warning.repair], to: &out)
        }
        if case .rejected(let reason, let field, let code) = record.outcome {
            let offset = record.position.byteOffset.map(String.init) ?? ""
            append([number, offset, line, record.identifier ?? "", field ?? "", "rejected", code ?? "", reason], to: &out)
        }
        return out
    }

    private static func append(_ values: [String], to out: inout String) {
        out += values.map(quoted).joined(separator: ",")
        out += "\r\n"
    }

    /// A value as a CSV field: quoted, with its quotes doubled, when it holds a comma, a quote
    /// or a line break; a value a spreadsheet would take for a formula gets a leading `'`.
    static func quoted(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        var field = "\""
        for character in text {
            field += character == "\"" ? "\"\"" : String(character)
        }
        return field + "\""
    }
}
