/// Why a MARC record could not be read or written, and where.
///
/// Readers report one `MARCError` per rejected record and carry on with the next record when
/// the input's structure allows it (see ``ISO2709Reader`` and ``MARCXML``). ``isFatal`` says
/// whether reading stopped at this error.
///
/// The ``reason`` is one sentence meant for a person running an import: it names the field,
/// the leader position or the byte offset at fault, never internals.
public struct MARCError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the problem is, or `nil` when writing a record outside any file.
    public var position: MARCPosition?
    /// The kind of problem, for callers that branch on it.
    public var code: Code
    /// What is wrong, in one sentence.
    public var reason: String
    /// Whether reading stopped here: `true` for XML that is not well formed, `false` when the
    /// reader skipped this record and went on.
    public var isFatal: Bool
    /// The tag of the field at fault, when the problem is one field's.
    public var field: String?
    /// The rejected record's 001, when the reader got as far as reading it.
    public var controlNumber: String?

    /// Creates an error.
    public init(
        _ code: Code,
        _ reason: String,
        position: MARCPosition? = nil,
        isFatal: Bool = false,
        field: String? = nil,
        controlNumber: String? = nil
    ) {
        self.code = code
        self.reason = reason
        self.position = position
        self.isFatal = isFatal
        self.field = field
        self.controlNumber = controlNumber
    }

    /// The position (when known) and the reason: `record 3 at byte 1024: field 245 …`.
    public var description: String {
        guard let position else { return reason }
        return "\(position): \(reason)"
    }

    /// A kind of MARC error. The set stays open, like GRDB's `ResultCode`: switch with a
    /// `default` case.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The code's name, stable across releases.
        public var rawValue: String

        /// Creates a code.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The name.
        public var description: String { rawValue }

        /// XML that is not well formed (or not UTF-8, or carries a DOCTYPE): reading stops.
        public static let malformedXML = Code(rawValue: "malformedXML")
        /// Well-formed XML whose elements do not make a MARCXML record.
        public static let invalidMARCXML = Code(rawValue: "invalidMARCXML")
        /// Fewer bytes than the record needs: the input ends inside a record.
        public static let truncated = Code(rawValue: "truncated")
        /// A leader that is not 24 ASCII characters or whose lengths are not numbers.
        public static let invalidLeader = Code(rawValue: "invalidLeader")
        /// A directory that does not match the record: bad entries, or fields outside the record.
        public static let invalidDirectory = Code(rawValue: "invalidDirectory")
        /// A field whose bytes do not make a control or data field.
        public static let invalidField = Code(rawValue: "invalidField")
        /// A record that is not valid UTF-8 although leader/09 says it is.
        public static let invalidUTF8 = Code(rawValue: "invalidUTF8")
        /// A record whose leader/09 names no character coding MARC 21 has (neither `a` nor blank).
        public static let unsupportedEncoding = Code(rawValue: "unsupportedEncoding")
        /// A MARC-8 record (leader/09 blank) with bytes that are no MARC-8 character.
        public static let invalidMARC8 = Code(rawValue: "invalidMARC8")
        /// A record that ISO 2709 cannot carry: too long, bad tag, delimiter bytes in the content.
        public static let notEncodable = Code(rawValue: "notEncodable")
    }
}
