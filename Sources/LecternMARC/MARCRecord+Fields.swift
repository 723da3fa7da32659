// Lookups and edits the catalogue needs: control fields, data fields, subfield values, 001.

extension MARCRecord {
    /// The value of the first control field with `tag` (`"001"`, `"008"`), or `nil`.
    public func controlField(_ tag: String) -> String? {
        for field in fields {
            if case .control(let fieldTag, let value) = field, fieldTag == tag { return value }
        }
        return nil
    }

    /// What a cataloguer finds the record by: its 001, else the first 035 $a, else `nil`.
    public var identifier: String? {
        controlField("001") ?? firstSubfieldValue("035", "a")
    }

    /// The data fields with `tag`, in record order (control fields are never returned).
    public func dataFields(_ tag: String) -> [Field] {
        fields.filter { field in
            if case .data(let fieldTag, _, _, _) = field { return fieldTag == tag }
            return false
        }
    }

    /// The fields (control or data) with `tag`, in record order.
    public func fields(_ tag: String) -> [Field] {
        fields.filter { $0.tag == tag }
    }

    /// The values of subfield `code` in every data field with `tag`, in record order.
    ///
    /// `record.subfieldValues("650", "a")` lists the topical subject headings.
    public func subfieldValues(_ tag: String, _ code: Character) -> [String] {
        var values: [String] = []
        for field in fields where field.tag == tag {
            values.append(contentsOf: field.subfieldValues(code))
        }
        return values
    }

    /// The first value of subfield `code` in the first data field with `tag` that has one.
    public func firstSubfieldValue(_ tag: String, _ code: Character) -> String? {
        for field in fields where field.tag == tag {
            if let value = field.subfieldValues(code).first { return value }
        }
        return nil
    }

    /// Sets control field `tag` to `value`: replaces the first field with that tag and removes
    /// any other, or inserts one before the first field with a greater tag.
    ///
    /// The catalogue writes the MMS id this way: `record.setControlField("001", mmsID)`.
    public mutating func setControlField(_ tag: String, _ value: String) {
        var replaced = false
        var result: [Field] = []
        result.reserveCapacity(fields.count + 1)
        for field in fields {
            guard field.tag == tag else {
                result.append(field)
                continue
            }
            if !replaced {
                result.append(.control(tag: tag, value: value))
                replaced = true
            }
        }
        if !replaced {
            let index = result.firstIndex { $0.tag > tag } ?? result.count
            result.insert(.control(tag: tag, value: value), at: index)
        }
        fields = result
    }

    /// Removes every field with `tag`.
    public mutating func removeFields(_ tag: String) {
        fields.removeAll { $0.tag == tag }
    }
}

extension MARCRecord.Field {
    /// The field's three-character tag.
    public var tag: String {
        switch self {
        case .control(let tag, _): tag
        case .data(let tag, _, _, _): tag
        }
    }

    /// Whether this is a control field.
    public var isControlField: Bool {
        if case .control = self { return true }
        return false
    }

    /// A control field's value; `nil` for a data field.
    public var value: String? {
        if case .control(_, let value) = self { return value }
        return nil
    }

    /// A data field's subfields; empty for a control field.
    public var subfields: [MARCRecord.Subfield] {
        if case .data(_, _, _, let subfields) = self { return subfields }
        return []
    }

    /// The values of the subfields with `code`, in order; empty for a control field.
    public func subfieldValues(_ code: Character) -> [String] {
        guard case .data(_, _, _, let subfields) = self else { return [] }
        return subfields.compactMap { $0.code == code ? $0.value : nil }
    }

    /// The first value of subfield `code`, or `nil`.
    public func subfieldValue(_ code: Character) -> String? {
        guard case .data(_, _, _, let subfields) = self else { return nil }
        return subfields.first { $0.code == code }?.value
    }
}
