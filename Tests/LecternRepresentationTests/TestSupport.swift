import Foundation
import Testing

/// Recorded fixtures, read relative to this file (no SwiftPM resources).
enum Recorded {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Recorded")

    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
    }
}

/// JSON parsed independently of the codec (`JSONSerialization`), for structural comparison
/// that ignores key order and tells booleans from numbers.
indirect enum Canonical: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([Canonical])
    case object([String: Canonical])

    init(json bytes: [UInt8]) throws {
        self.init(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
    }

    init(_ value: Any) {
        switch value {
        case is NSNull:
            self = .null
        case let number as NSNumber where !(value is String):
            if String(cString: number.objCType) == "c" {
                self = .bool(number.boolValue)
            } else {
                self = .number(number.doubleValue)
            }
        case let string as String:
            self = .string(string)
        case let array as [Any]:
            self = .array(array.map(Canonical.init))
        case let dictionary as [String: Any]:
            self = .object(dictionary.mapValues(Canonical.init))
        default:
            self = .string("<unexpected \(type(of: value))>")
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[" + values.map(\.description).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
    }

    subscript(key: String) -> Canonical? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// Every difference between `self` (actual) and `expected`, as paths.
    func differences(from expected: Canonical, at path: String = "$") -> [String] {
        switch (self, expected) {
        case (.object(let actual), .object(let wanted)):
            var found: [String] = []
            for key in Set(actual.keys).union(wanted.keys).sorted() {
                switch (actual[key], wanted[key]) {
                case (let a?, let w?): found += a.differences(from: w, at: "\(path).\(key)")
                case (let a?, nil): found.append("\(path).\(key): unexpected \(a)")
                case (nil, let w?): found.append("\(path).\(key): missing, expected \(w)")
                case (nil, nil): break
                }
            }
            return found
        case (.array(let actual), .array(let wanted)):
            guard actual.count == wanted.count else {
                return ["\(path): \(actual.count) elements, expected \(wanted.count)"]
            }
            return zip(actual, wanted).enumerated().flatMap { $0.element.0.differences(from: $0.element.1, at: "\(path)[\($0.offset)]") }
        default:
            return self == expected ? [] : ["\(path): \(self), expected \(expected)"]
        }
    }

    /// Whether the kinds match where both sides have a value (recordings whose values differ
    /// from the XML form of the same object type): object keys of `self` must exist in
    /// `expected`, and strings, numbers, booleans, objects and arrays line up.
    func kindDifferences(from expected: Canonical, at path: String = "$", ignoring: Set<String> = []) -> [String] {
        switch (self, expected) {
        case (.object(let actual), .object(let wanted)):
            var found: [String] = []
            for key in actual.keys.sorted() where !ignoring.contains(key) {
                guard let w = wanted[key] else {
                    found.append("\(path).\(key): not in the recording")
                    continue
                }
                found += actual[key]!.kindDifferences(from: w, at: "\(path).\(key)", ignoring: ignoring)
            }
            return found
        case (.array(let actual), .array(let wanted)):
            guard let a = actual.first, let w = wanted.first else { return [] }
            return a.kindDifferences(from: w, at: "\(path)[0]", ignoring: ignoring)
        case (.string, .string), (.number, .number), (.bool, .bool), (.null, .null):
            return []
        default:
            return ["\(path): \(self) where the recording has \(expected)"]
        }
    }
}

/// A deterministic random source (SplitMix64), so fuzz failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension [UInt8] {
    var text: String { String(decoding: self, as: UTF8.self) }
}
