public import LecternMARC

// How an import words where a record is and what is wrong with it, for the person running it:
// records are numbered from 1, as people count them (``MARCPosition``'s own description counts
// from 0, as the readers do).

extension MARCPosition {
    /// `record 18 (byte 20480)` or `record 18 (line 340)`: the record numbered from 1, and where it
    /// starts; the place alone when the record is not known.
    public var importDescription: String {
        var place: [String] = []
        if let byteOffset { place.append("byte \(byteOffset)") }
        if let line { place.append("line \(line)") }
        if let column { place.append("column \(column)") }
        guard let recordIndex else { return place.isEmpty ? "unknown position" : place.joined(separator: ", ") }
        let suffix = place.isEmpty ? "" : " (\(place.joined(separator: ", ")))"
        return "record \(recordIndex + 1)\(suffix)"
    }
}

extension MARCError {
    /// An error that stopped reading: where (when known) and why.
    public var importDescription: String {
        guard let position else { return reason }
        return "\(position.importDescription): \(reason)"
    }
}
