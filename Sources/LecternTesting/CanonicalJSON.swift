import Foundation

/// JSON parsed independently of the codec (`JSONSerialization`), for structural comparison
/// that ignores key order and tells booleans from numbers.
public indirect enum CanonicalJSON: Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    public init(json bytes: [UInt8]) throws {
        self.init(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
    }

    public init(_ value: Any) {
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
            self = .array(array.map(CanonicalJSON.init))
        case let dictionary as [String: Any]:
            self = .object(dictionary.mapValues(CanonicalJSON.init))
        default:
            self = .string("<unexpected \(type(of: value))>")
        }
    }

    public var description: String {
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

    public subscript(key: String) -> CanonicalJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public func replacing(key: String, with replacement: CanonicalJSON) -> CanonicalJSON {
        switch self {
        case .object(let members):
            var members = members.mapValues { $0.replacing(key: key, with: replacement) }
            if members[key] != nil { members[key] = replacement }
            return .object(members)
        case .array(let values):
            return .array(values.map { $0.replacing(key: key, with: replacement) })
        default:
            return self
        }
    }

    /// Every difference between `self` (actual) and `expected`, as paths.
    public func differences(from expected: CanonicalJSON, at path: String = "$") -> [String] {
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
    public func kindDifferences(from expected: CanonicalJSON, at path: String = "$", ignoring: Set<String> = []) -> [String] {
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
