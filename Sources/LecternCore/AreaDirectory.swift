/// The areas an application serves, in the order it lists them: looked up by name, or by a path
/// no route matched (``descriptor(forPath:)``).
public struct AreaDirectory: Sendable {
    /// Every area's descriptor, in order.
    public let descriptors: [AreaDescriptor]
    private let byArea: [Area: AreaDescriptor]
    private let prefixes: [(segments: [Substring], literals: Int, descriptor: AreaDescriptor)]

    /// The directory of `descriptors`.
    public init(_ descriptors: [AreaDescriptor]) {
        self.descriptors = descriptors
        byArea = Dictionary(descriptors.map { ($0.area, $0) }, uniquingKeysWith: { first, _ in first })
        prefixes = descriptors.flatMap { descriptor in
            descriptor.pathPrefixes.map { prefix in
                let segments = Self.segments(prefix)
                return (segments, segments.filter { $0 != "*" }.count, descriptor)
            }
        }
    }

    /// Every area, in order.
    public var areas: [Area] { descriptors.map(\.area) }

    /// The descriptor of `area`, if the application serves it.
    public subscript(area: Area) -> AreaDescriptor? { byArea[area] }

    /// The area whose path prefix `path` matches most specifically (the most literal segments),
    /// or `nil` for a path outside every area. Only calls that no route matched ask.
    public func descriptor(forPath path: String) -> AreaDescriptor? {
        let segments = Self.segments(path)
        var best: (literals: Int, descriptor: AreaDescriptor)?
        for prefix in prefixes where prefix.segments.count <= segments.count {
            let matches = zip(prefix.segments, segments).allSatisfy { $0 == "*" || $0 == $1 }
            guard matches else { continue }
            if prefix.literals > best?.literals ?? -1 { best = (prefix.literals, prefix.descriptor) }
        }
        return best?.descriptor
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map { $0.split(separator: "/") } ?? []
    }
}
