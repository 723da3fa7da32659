import Foundation
import LecternStore

/// One report of the analytics catalogue, as data: where it is filed, what it reads, its columns.
///
/// A report reads every document of its source kind (narrowed by the store's `fields`), takes
/// each column's value from the document's body or from a document it joins, keeps the rows its
/// condition admits, and, when it has measures, groups the rows by its other columns.
struct ReportDefinition: Sendable {
    /// The folders under the institution's `Reports` folder (`["Fulfillment"]`).
    var folders: [String]
    /// The report's name, the last part of its path.
    var name: String
    /// What the report reads.
    var source: ReportSource
    /// The columns after `Column0`, in order.
    var columns: [ReportColumn]

    /// Whether the report groups its rows (it has a count or a sum).
    var aggregates: Bool { columns.contains { $0.measure != nil } }
}

/// The documents a report reads.
struct ReportSource: Sendable {
    /// The kind read.
    var kind: Kind
    /// Only documents whose store `fields` have these values (read through the store's filter).
    var equals: [String: String] = [:]
    /// Documents joined to each source document by an id in its body, by the name columns use.
    var joins: [ReportJoin] = []
    /// Only rows for which this holds, when set.
    var condition: ReportCondition?
}

/// A document joined to each source document: `user` by the loan's `user_id`.
struct ReportJoin: Sendable {
    /// The name columns read it by.
    var name: String
    /// Its kind.
    var kind: Kind
    /// The path, in the source document's body, of the joined document's id.
    var idPath: String
}

/// A condition on a source document.
enum ReportCondition: Sendable {
    /// The time at `path` is before the tenant's now (a due date passed).
    case beforeNow(String)
}

/// One column: its headings and type as the rowset's schema shows them, and where its value
/// comes from.
struct ReportColumn: Sendable {
    /// `saw-sql:tableHeading`: the subject area's folder (`Loan Details`).
    var table: String
    /// `saw-sql:columnHeading`: the column's name (`Library Name`).
    var heading: String
    /// The value's type.
    var type: ReportColumnType
    /// The value of a dimension column.
    var value: ReportValue?
    /// The aggregate of a measure column.
    var measure: ReportMeasure?

    /// A column whose value is read from each document.
    static func dimension(_ table: String, _ heading: String, _ type: ReportColumnType, _ value: ReportValue) -> Self {
        ReportColumn(table: table, heading: heading, type: type, value: value, measure: nil)
    }

    /// A text column whose value is read from each document.
    static func dimension(_ table: String, _ heading: String, _ value: ReportValue) -> Self {
        dimension(table, heading, .varchar, value)
    }

    /// A column aggregated over each group of rows.
    static func measure(_ table: String, _ heading: String, _ type: ReportColumnType, _ measure: ReportMeasure) -> Self {
        ReportColumn(table: table, heading: heading, type: type, value: nil, measure: measure)
    }
}

/// The OBIEE types a column can have: `saw-sql:type` and the XML Schema type of its element.
enum ReportColumnType: String, Sendable {
    case varchar, integer, double, date, timestamp

    /// The `type` attribute of the column's schema element.
    var schemaType: String {
        switch self {
        case .varchar: "xsd:string"
        case .integer: "xsd:int"
        case .double: "xsd:double"
        case .date: "xsd:date"
        case .timestamp: "xsd:dateTime"
        }
    }

    /// Whether values compare as numbers (in a sort or a filter).
    var isNumeric: Bool { self == .integer || self == .double }
}

/// Where a dimension's value comes from.
indirect enum ReportValue: Sendable {
    /// The text at a slash-separated path in the body (of the joined document `join`, if set).
    case text(String, join: String? = nil)
    /// The `desc` attribute of the code field at a path (`Science Library` for `SCI`).
    case description(String, join: String? = nil)
    /// The first `count` characters of another value (`2026-10` of a loan date).
    case prefix(ReportValue, Int)
    /// Characters `range` of the MARC control field `tag` of a bib's record (008/35-37: language).
    case controlField(String, Range<Int>)
    /// Characters `range` of a bib record's leader, named by `names` (`am` is a book).
    case leader(Range<Int>, names: [String: String])
}

/// How a measure aggregates the rows of a group.
enum ReportMeasure: Sendable {
    /// How many rows.
    case count
    /// The sum of the decimal number at a path of each row's document.
    case sum(String)
}
