import Foundation
import LecternDiscovery
import LecternMARC
import LecternPeople
import LecternRepresentation

/// The parsers that read what a client sends, each with the invariants a fuzzer checks: any
/// input is read or refused with the parser's error (a trap is a crash the fuzzer reports), and
/// whatever is read renders into something the same parser reads back alike.
///
/// `LecternFuzz` (built with `-sanitize=fuzzer`, see `Fuzz/README.md`) runs one target under
/// libFuzzer; `LecternFuzzTests` replays every corpus in `Fuzz/Corpus/` in the test suite.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// API bodies in XML: ``XMLCodec``.
    case xml
    /// API bodies in JSON: ``JSONCodec`` (shape-driven) and ``JSONValue``.
    case json
    /// MARC 21 records in ISO 2709, UTF-8 and MARC-8: ``ISO2709Reader``, strict and lenient.
    case iso2709
    /// MARCXML records: ``MARCXML``.
    case marcxml
    /// Alma's brief search, `q=` of `/almaws/v1/users` and `/esploro/v1/researchers`: ``BriefSearch``.
    case usersQuery = "users-query"
    /// Primo's `q`, `qInclude`, `qExclude` and `multiFacets`: ``PrimoQuery``, ``PrimoFilters``.
    case primoQuery = "primo-query"

    /// Runs one input; returns why an invariant failed, or `nil` when it held.
    public func run(_ bytes: [UInt8]) -> String? {
        switch self {
        case .xml: Self.xml(bytes)
        case .json: Self.json(bytes)
        case .iso2709: Self.iso2709(bytes)
        case .marcxml: Self.marcxml(bytes)
        case .usersQuery: Self.usersQuery(bytes)
        case .primoQuery: Self.primoQuery(bytes)
        }
    }

    /// A shape with every kind of member, so that JSON input reaches each branch of the codec.
    static let anyShape: Shape = .object([
        Shape.Member("a", .code), Shape.Member("b", .list(item: "c", of: .object([Shape.Member("d", .number)]))),
        Shape.Member("e", .boolean, repeats: true), Shape.Member("f", .text, isAttribute: true),
        Shape.Member("g", .valued(.number)), Shape.Member("h", .anies),
    ])

    private static func xml(_ bytes: [UInt8]) -> String? {
        guard let node = try? XMLCodec.parse(bytes) else { return nil }
        guard let again = try? XMLCodec.parse(XMLCodec.render(node)), again == node else { return "rendered XML reads back otherwise" }
        guard (try? JSONValue.parse(JSONCodec.render(node, as: anyShape))) != nil else { return "rendered JSON is not JSON" }
        return nil
    }

    private static func json(_ bytes: [UInt8]) -> String? {
        if let value = try? JSONValue.parse(bytes), (try? JSONValue.parse(value.rendered())) != value {
            return "a JSON value renders into something else"
        }
        guard let node = try? JSONCodec.parse(bytes, root: "r", as: anyShape) else { return nil }
        guard (try? JSONValue.parse(JSONCodec.render(node, as: anyShape))) != nil else { return "rendered JSON is not JSON" }
        if node.firstUnstorableValue() == nil, (try? XMLCodec.parse(XMLCodec.render(node))) == nil {
            return "a storable tree renders XML that does not parse"
        }
        return nil
    }

    private static func iso2709(_ bytes: [UInt8]) -> String? {
        let strict = Array(ISO2709Reader(bytes, mode: .strict))
        let lenient = Array(ISO2709Reader(bytes, mode: .lenient))
        guard strict.count == lenient.count else { return "strict and lenient reading split the input otherwise" }
        for (strictResult, lenientResult) in zip(strict, lenient) {
            if case .success(let read) = strictResult {
                guard case .success(let same) = lenientResult, same.record == read.record, same.warnings.isEmpty else {
                    return "lenient reading changed a record that strict reading accepts"
                }
            }
            guard case .success(let read) = lenientResult else { continue }
            guard let encoded = try? ISO2709.encode(read.record) else { continue }
            guard let again = try? ISO2709.record(from: encoded), again.fields == read.record.fields,
                written(again.leader) == written(read.record.leader)
            else { return "a record read back otherwise" }
        }
        return nil
    }

    /// A leader without what the writer computes: the record length (00-04), the indicator
    /// count and subfield code length (10-11), the base address (12-16) and the entry map (20-23).
    private static func written(_ leader: String) -> String {
        String(
            leader.enumerated().map { offset, character in (0...4).contains(offset) || (10...16).contains(offset) || offset >= 20 ? " " : character }
        )
    }

    private static func marcxml(_ bytes: [UInt8]) -> String? {
        guard let records = try? MARCXML.records(from: Data(bytes)) else { return nil }
        for record in records {
            guard let again = try? MARCXML.record(from: MARCXML.string(for: record)), again == record else {
                return "a MARCXML record read back otherwise"
            }
        }
        return nil
    }

    private static func usersQuery(_ bytes: [UInt8]) -> String? {
        _ = try? BriefSearch.users.parse(String(decoding: bytes, as: UTF8.self))
        return nil
    }

    private static func primoQuery(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? PrimoQuery(parsing: text)
        _ = try? PrimoFilters(qInclude: text, qExclude: text, multiFacets: text)
        return nil
    }
}
