extension Shape {
    /// The members of an `.object` shape; empty for every other shape.
    public var members: [Member] {
        if case .object(let members) = self { return members }
        return []
    }

    /// The member named `name` among an object's members, or `nil`.
    public func member(_ name: String) -> Member? {
        members.first { $0.name == name }
    }

    /// `node` with its children put into the shape's order, recursively: known members in
    /// member order (repeated elements keeping their relative order), unknown children after
    /// them in document order. Attributes are left as they are.
    public func normalized(_ node: Node) -> Node {
        var node = node
        switch self {
        case .object(let members):
            guard !node.children.isEmpty else { return node }
            var ordered: [Node] = []
            ordered.reserveCapacity(node.children.count)
            var used = [Bool](repeating: false, count: node.children.count)
            for member in members where !member.isAttribute {
                for (index, child) in node.children.enumerated() where !used[index] && child.name == member.name {
                    used[index] = true
                    ordered.append(member.shape.normalized(child))
                }
            }
            for (index, child) in node.children.enumerated() where !used[index] {
                ordered.append(child)
            }
            node.children = ordered
        case .list(let item, let shape):
            node.children = node.children.map { $0.name == item ? shape.normalized($0) : $0 }
        case .text, .number, .boolean, .code, .valued:
            break
        }
        return node
    }
}
