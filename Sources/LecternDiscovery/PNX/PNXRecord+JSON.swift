public import LecternRepresentation

extension PNXRecord {
    /// The record as the `pnx` object of a Primo VE answer: each section an object, each field an
    /// array of strings, empty sections as `{}`. One exception, as recorded: `control.sourceid`
    /// is a bare string (`"sourceid":"alma"`, PRIMO.md §3, the KB VE record).
    public var json: JSONValue {
        var sectionEntries: [JSONEntry] = []
        sectionEntries.reserveCapacity(8)
        for (name, section) in sections {
            var entries: [JSONEntry] = []
            entries.reserveCapacity(section.fields.count)
            for field in section.fields {
                if name == "control", field.name == "sourceid", field.values.count == 1 {
                    entries.append(JSONEntry(field.name, .string(field.values[0])))
                } else {
                    entries.append(JSONEntry(field.name, .array(field.values.map { .string($0) })))
                }
            }
            sectionEntries.append(JSONEntry(name, .object(entries)))
        }
        return .object(sectionEntries)
    }
}
