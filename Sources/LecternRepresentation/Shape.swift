/// What the XML form of an object does not say but its JSON form needs: the per-type hints.
///
/// Alma's JSON is a mechanical mapping of its XML (see WIRE.md section 3). The mapping is the
/// same for every object; only these hints differ, kept as data, one small table per object
/// type (`LecternAlma`'s `Shapes/`). A `Shape` describes one element.
///
/// - `.text`, `.number`, `.boolean`: a leaf; JSON string, number or `true`/`false`.
/// - `.code`: a code-table field: `<user_group desc="Staff">08</user_group>` is
///   `{"value":"08","desc":"Staff"}`, `desc` shown (as `null`) even when XML has none.
/// - `.object`: an element with members (child elements and attributes), in XSD order.
/// - `.list(item:of:)`: a wrapper element whose repeated children become one JSON array named
///   after the item: `<user_identifiers><user_identifier>` is `"user_identifier":[…]`.
/// - `.valued(_:)`: a leaf always shown as an object, its text under `"value"` (in the inner
///   leaf shape) beside its attributes: `<loans link="…">14</loans>` is
///   `{"value":"14","link":"…"}`, `<number_of_locations link="…">3</…>` with `.valued(.number)`
///   is `{"value":3,"link":"…"}`.
/// - `.anies`: an embedded XML document (a bib's MARC `<record>`): JSON has no member of its
///   name but `"anies"`, an array with the element as one XML string declared UTF-16
///   (WIRE.md section 3, point 8).
///
/// The APIs that speak JSON only (Primo, Esploro's assets) use the same engine and two more
/// shapes: an object whose members keep the order they were written in (`.open`), and a value
/// kept exactly as a client wrote it (`.any`, whose node form is ``Node/init(json:named:)``).
public indirect enum Shape: Sendable {
    /// A leaf shown as a JSON string.
    case text
    /// A leaf shown as a JSON number (as a string when its text is not a valid number).
    case number
    /// A leaf shown as JSON `true`/`false` (as a string when its text is neither).
    case boolean
    /// A code-table field: `{"value": text, "desc": desc}`, both `null` when missing.
    case code
    /// An element with members, in XSD order.
    case object([Member])
    /// A wrapper element; JSON drops it and shows its `item` children as one array.
    case list(item: String, of: Shape)
    /// A leaf always shown as an object: `{"value": text}` plus its attributes.
    case valued(Shape)
    /// An embedded XML document, shown in JSON as `"anies": ["<?xml …?>\n<record>…</record>"]`.
    case anies
    /// Any JSON value, kept exactly as written: the node form of ``Node/init(json:named:)``.
    case any
    /// An object of a JSON-only API, its members in the node's order: a child a member names
    /// takes the member's shape, every other child takes `others`. Same-name children are one
    /// array, and so is a single child when its member repeats (or, for the others, when
    /// `othersRepeat`). Absent members are left out.
    case open([Member], others: Shape, othersRepeat: Bool)

    /// One member of an object: a child element or an attribute.
    public struct Member: Sendable {
        /// The element or attribute name.
        public var name: String
        /// The member's shape.
        public var shape: Shape
        /// Whether the member is an XML attribute (a JSON property either way).
        public var isAttribute: Bool
        /// Whether the element may repeat without a wrapper (a JSON array of the elements).
        public var repeats: Bool
        /// Whether JSON shows the member as `null` when the XML has no such element or attribute
        /// (Alma's JSON does this for some members: a user's `link`, `loans`, an address's `line2`);
        /// a repeating member is shown as `[]` instead (`{"bib":[],"total_record_count":0}`).
        public var nullWhenAbsent: Bool

        /// Creates a member.
        public init(
            _ name: String,
            _ shape: Shape,
            isAttribute: Bool = false,
            repeats: Bool = false,
            nullWhenAbsent: Bool = false
        ) {
            self.name = name
            self.shape = shape
            self.isAttribute = isAttribute
            self.repeats = repeats
            self.nullWhenAbsent = nullWhenAbsent
        }

        /// An attribute member.
        public static func attribute(_ name: String, _ shape: Shape = .text, nullWhenAbsent: Bool = false) -> Member {
            Member(name, shape, isAttribute: true, nullWhenAbsent: nullWhenAbsent)
        }
    }
}
