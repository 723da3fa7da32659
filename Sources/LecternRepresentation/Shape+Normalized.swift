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
        // Stored documents are usually in order already: checking that allocates nothing,
        // rebuilding the tree allocates every level of it.
        if isNormalized(node) { return node }
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
        case .text, .number, .boolean, .code, .valued, .anies:
            break
        }
        return node
    }

    /// Whether `normalized(node)` would return `node` unchanged: every known child is after the
    /// known children of earlier members (a child belongs to the first member of its name, as in
    /// `normalized`), unknown children come after all known ones, and every known child (every
    /// item of a list) is itself normalized in its member's shape.
    private func isNormalized(_ node: Node) -> Bool {
        switch self {
        case .object(let members):
            var current = 0
            var inUnknownTail = false
            for child in node.children {
                let length = child.name.utf8.count
                guard
                    let position = members.firstIndex(where: {
                        !$0.isAttribute && $0.name.utf8.count == length && $0.name == child.name
                    })
                else {
                    inUnknownTail = true
                    continue
                }
                if inUnknownTail || position < current { return false }
                current = position
                if !members[position].shape.isNormalized(child) { return false }
            }
            return true
        case .list(let item, let shape):
            for child in node.children where child.name == item {
                if !shape.isNormalized(child) { return false }
            }
            return true
        case .text, .number, .boolean, .code, .valued, .anies:
            return true
        }
    }
}
