import Foundation
import LecternCore
import LecternRepresentation

/// The `filter` parameter of `GET /analytics/reports`: an OBIEE expression (`sawx:expr`) over the
/// report's columns, applied to its rows.
///
/// Comparisons (`equal`, `notEqual`, `greater`, `greaterOrEqual`, `less`, `lessOrEqual`,
/// `between`), lists (`in`, `notIn`) and logical operators (`and`, `or`, `not`) over columns named
/// `"Table Heading"."Column Heading"`. Anything else is refused, never answered with other rows.
indirect enum ReportFilter: Equatable {
    case compare(column: Int, ComparisonOperator, String)
    case between(column: Int, String, String)
    case within(column: Int, [String], negated: Bool)
    case all([ReportFilter])
    case any([ReportFilter])
    case not(ReportFilter)

    enum ComparisonOperator: String {
        case equal, notEqual, greater, greaterOrEqual, less, lessOrEqual
    }

    /// The most expressions one filter may hold, so that its cost is bounded.
    static let maximumExpressions = 200

    /// Reads `text` against the report's `columns`.
    ///
    /// - throws: ``APIError/analyticsFilterNotValid(_:)`` for XML that is not a filter this
    ///   reads: not well-formed, an operator or type it does not know, a column the report lacks.
    static func parse(_ text: String, columns: [ReportColumn]) throws -> ReportFilter {
        let root: Node
        do {
            root = try XMLCodec.parse(Array(text.utf8))
        } catch {
            throw APIError.analyticsFilterNotValid("the filter is not well-formed XML")
        }
        var budget = maximumExpressions
        let expression = local(root.name) == "filter" ? root.children.first : root
        guard let expression else { throw APIError.analyticsFilterNotValid("the filter has no expression") }
        return try read(expression, columns, &budget)
    }

    private static func read(_ node: Node, _ columns: [ReportColumn], _ budget: inout Int) throws -> ReportFilter {
        budget -= 1
        guard budget >= 0 else { throw APIError.analyticsFilterNotValid("the filter has more than \(maximumExpressions) expressions") }
        guard local(node.name) == "expr" else { throw APIError.analyticsFilterNotValid("<\(node.name)> is not an expression") }
        let type = node.attribute("xsi:type").map(local) ?? ""
        let op = node.attribute("op") ?? ""
        let operands = node.children
        switch (type, op) {
        case ("logical", "and"), ("logical", "or"):
            guard !operands.isEmpty else { throw APIError.analyticsFilterNotValid("\(op) has no operands") }
            let parts = try operands.map { try read($0, columns, &budget) }
            return op == "and" ? .all(parts) : .any(parts)
        case ("logical", "not"):
            guard operands.count == 1 else { throw APIError.analyticsFilterNotValid("not takes one operand") }
            return .not(try read(operands[0], columns, &budget))
        case ("comparison", "between"):
            guard operands.count == 3 else { throw APIError.analyticsFilterNotValid("between takes a column and two values") }
            let position = try column(operands[0], columns)
            let type = columns[position].type
            return .between(column: position, try literal(operands[1], type), try literal(operands[2], type))
        case ("comparison", _):
            guard let comparison = ComparisonOperator(rawValue: op) else {
                throw APIError.analyticsFilterNotValid("the comparison \(op) is not supported")
            }
            guard operands.count == 2 else { throw APIError.analyticsFilterNotValid("\(op) takes a column and a value") }
            let position = try column(operands[0], columns)
            return .compare(column: position, comparison, try literal(operands[1], columns[position].type))
        case ("list", "in"), ("list", "notIn"):
            guard operands.count >= 2 else { throw APIError.analyticsFilterNotValid("\(op) takes a column and values") }
            budget -= operands.count
            guard budget >= 0 else { throw APIError.analyticsFilterNotValid("the filter has more than \(maximumExpressions) expressions") }
            let position = try column(operands[0], columns)
            let values = try operands.dropFirst().map { try literal($0, columns[position].type) }
            return .within(column: position, values, negated: op == "notIn")
        default:
            throw APIError.analyticsFilterNotValid("the expression \(type.isEmpty ? "without a type" : type) \(op) is not supported")
        }
    }

    /// The position of the column a `sawx:sqlExpression` names (`"Loan Details"."Loans"`).
    private static func column(_ node: Node, _ columns: [ReportColumn]) throws -> Int {
        guard local(node.name) == "expr", node.attribute("xsi:type").map(local) == "sqlExpression", node.children.isEmpty else {
            throw APIError.analyticsFilterNotValid("a comparison must start with a column (sawx:sqlExpression)")
        }
        let text = (node.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let quoted = parts.allSatisfy { $0.count >= 2 && $0.hasPrefix("\"") && $0.hasSuffix("\"") }
        let names = parts.map { String($0.dropFirst().dropLast()) }
        let position: Int?
        switch (quoted, names.count) {
        case (true, 2): position = columns.firstIndex { $0.table == names[0] && $0.heading == names[1] }
        case (true, 1): position = columns.firstIndex { $0.heading == names[0] }
        default: position = nil
        }
        guard let position else { throw APIError.analyticsFilterNotValid("the report has no column \(text)") }
        return position
    }

    /// A value for a column of `type`: an `xsd:` typed expression with text and no children; a
    /// number for a numeric column.
    private static func literal(_ node: Node, _ type: ReportColumnType) throws -> String {
        guard local(node.name) == "expr", node.children.isEmpty, let declared = node.attribute("xsi:type"), declared.hasPrefix("xsd:") else {
            throw APIError.analyticsFilterNotValid("a value must be an xsd-typed sawx:expr")
        }
        let text = (node.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if type.isNumeric, Double(text) == nil { throw APIError.analyticsFilterNotValid("\(text) is not a number") }
        return text
    }

    /// A name without its namespace prefix.
    private static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    /// Whether `row` (the report's columns, in order) passes the filter.
    func admits(_ row: [String?], _ columns: [ReportColumn]) -> Bool {
        switch self {
        case .compare(let column, let op, let value):
            guard let cell = row[column] else { return op == .notEqual }
            let order = Self.compare(cell, value, columns[column].type)
            switch op {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            }
        case .between(let column, let low, let high):
            guard let cell = row[column] else { return false }
            return Self.compare(cell, low, columns[column].type) >= 0 && Self.compare(cell, high, columns[column].type) <= 0
        case .within(let column, let values, let negated):
            guard let cell = row[column] else { return negated }
            let found = values.contains { Self.compare(cell, $0, columns[column].type) == 0 }
            return found != negated
        case .all(let parts):
            return parts.allSatisfy { $0.admits(row, columns) }
        case .any(let parts):
            return parts.contains { $0.admits(row, columns) }
        case .not(let part):
            return !part.admits(row, columns)
        }
    }

    /// -1, 0 or 1: numbers compare as numbers in a numeric column, everything else as text
    /// (dates and times are ISO 8601, so their text order is their time order).
    static func compare(_ cell: String, _ value: String, _ type: ReportColumnType) -> Int {
        if type.isNumeric, let x = Double(cell), let y = Double(value) { return x < y ? -1 : (x > y ? 1 : 0) }
        return cell < value ? -1 : (cell > value ? 1 : 0)
    }
}
