/// A MARC 21 record: the leader, control fields and data fields in order.
public struct MARCRecord: Sendable, Hashable {
    /// The 24-character leader.
    public var leader: String
    /// The fields in record order.
    public var fields: [Field]

    /// Creates a record.
    public init(leader: String, fields: [Field] = []) {
        self.leader = leader
        self.fields = fields
    }

    /// A control field (`001`–`009`) or a data field with indicators and subfields.
    public enum Field: Sendable, Hashable {
        case control(tag: String, value: String)
        case data(tag: String, indicator1: Character, indicator2: Character, subfields: [Subfield])
    }

    /// A subfield code and value.
    public struct Subfield: Sendable, Hashable {
        /// The one-character code (`a`, `b`, `6`).
        public var code: Character
        /// The value.
        public var value: String

        /// Creates a subfield.
        public init(_ code: Character, _ value: String) {
            self.code = code
            self.value = value
        }
    }
}
