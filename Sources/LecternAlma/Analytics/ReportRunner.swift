import Foundation
import LecternRepresentation
import LecternStore

/// Runs a ``ReportDefinition`` over one tenant's documents: the rows of the report, each a value
/// (or `nil`) per column, in the report's order.
///
/// The source kind is read in batches in id order, each after the last id of the one before, so
/// that memory grows with the answer rather than with the kind; the joined documents of a batch
/// come in one query.
struct ReportRunner {
    /// How many source documents are read at a time.
    static let batchSize = 2_000

    let report: ReportDefinition
    /// The tenant's now, in the form stored times have (`2026-12-07T21:00:00Z`).
    let now: String

    /// The report's rows, read with `reader`.
    func rows(_ reader: any StoreReader) async throws -> [[String?]] {
        var query = DocumentQuery(kind: report.source.kind, equals: report.source.equals, limit: Self.batchSize)
        var rows: [[String?]] = []
        var groups: [[String?]: Int] = [:]
        var totals: [[Decimal]] = []
        while true {
            let batch = try await reader.find(query).items
            let joined = try await joins(of: batch, reader)
            for document in batch where admits(document.body) {
                let row = report.columns.map { column in column.value.flatMap { value($0, document.body, joined) } }
                guard report.aggregates else {
                    rows.append(row)
                    continue
                }
                let index =
                    groups[row]
                    ?? {
                        groups[row] = rows.count
                        rows.append(row)
                        totals.append([Decimal](repeating: 0, count: report.columns.count))
                        return rows.count - 1
                    }()
                for (position, column) in report.columns.enumerated() {
                    switch column.measure {
                    case .count: totals[index][position] += 1
                    case .sum(let path): totals[index][position] += Decimal(string: document.body.value(path) ?? "") ?? 0
                    case nil: break
                    }
                }
            }
            guard batch.count == Self.batchSize, let last = batch.last else { break }
            query.after = last.id
        }
        if report.aggregates {
            for index in rows.indices {
                for (position, column) in report.columns.enumerated() where column.measure != nil {
                    rows[index][position] = NSDecimalNumber(decimal: totals[index][position]).stringValue
                }
            }
        }
        return ReportOrder(columns: report.columns).sorted(rows)
    }

    private func admits(_ body: Node) -> Bool {
        switch report.source.condition {
        case .beforeNow(let path):
            guard let time = body.value(path), !time.isEmpty else { return false }
            return time < now
        case nil:
            return true
        }
    }

    /// The joined documents of `batch`, by join name and id.
    private func joins(of batch: [Document], _ reader: any StoreReader) async throws -> [String: [String: Node]] {
        var joined: [String: [String: Node]] = [:]
        for join in report.source.joins {
            let ids = Set(batch.compactMap { $0.body.value(join.idPath) })
            guard !ids.isEmpty else { continue }
            var query = DocumentQuery(kind: join.kind)
            query.ids = ids.sorted()
            let documents = try await reader.find(query).items
            joined[join.name] = Dictionary(documents.map { ($0.id, $0.body) }, uniquingKeysWith: { first, _ in first })
        }
        return joined
    }

    private func value(_ value: ReportValue, _ body: Node, _ joined: [String: [String: Node]]) -> String? {
        func document(_ join: String?) -> Node? {
            guard let join else { return body }
            guard let spec = report.source.joins.first(where: { $0.name == join }), let id = body.value(spec.idPath) else { return nil }
            return joined[join]?[id]
        }
        let text: String?
        switch value {
        case .text(let path, let join):
            text = document(join)?.value(path)
        case .description(let path, let join):
            text = document(join)?.descendant(path)?.attribute("desc")
        case .prefix(let inner, let count):
            text = self.value(inner, body, joined).map { String($0.prefix(count)) }
        case .controlField(let tag, let range):
            let field = body.child("record")?.children(named: "controlfield").first { $0.attribute("tag") == tag }
            text = field?.text.flatMap { Self.characters(range, of: $0) }?.trimmingCharacters(in: .whitespaces)
        case .leader(let range, let names):
            text = body.value("record/leader").flatMap { Self.characters(range, of: $0) }.map { names[$0] ?? $0 }
        }
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func characters(_ range: Range<Int>, of text: String) -> String? {
        let characters = Array(text)
        guard range.upperBound <= characters.count else { return nil }
        return String(characters[range])
    }
}

/// The order of a report's rows: by each column in turn, numbers as numbers, absent values first.
struct ReportOrder {
    let columns: [ReportColumn]

    func sorted(_ rows: [[String?]]) -> [[String?]] {
        rows.sorted { left, right in
            for (position, column) in columns.enumerated() {
                switch (left[position], right[position]) {
                case (nil, nil): continue
                case (nil, _): return true
                case (_, nil): return false
                case (let a?, let b?):
                    if a == b { continue }
                    if column.type.isNumeric, let x = Double(a), let y = Double(b), x != y { return x < y }
                    return a < b
                }
            }
            return false
        }
    }
}
