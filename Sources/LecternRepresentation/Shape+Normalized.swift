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
            // Known children by member position, then unknown ones; each group in document order.
            let index = MemberIndex(self)
            let positions = node.children.map { index.position(of: $0.name) ?? members.count }
            let order = node.children.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }
            node.children = order.map { child in
                let position = positions[child]
                return position < members.count ? members[position].shape.normalized(node.children[child]) : node.children[child]
            }
        case .list(let item, let shape):
            node.children = node.children.map { $0.name == item ? shape.normalized($0) : $0 }
        case .text, .number, .boolean, .code, .valued, .anies, .any, .open:
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
            let index = MemberIndex(self)
            var current = 0
            var inUnknownTail = false
            for child in node.children {
                guard let position = index.position(of: child.name) else {
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
        case .text, .number, .boolean, .code, .valued, .anies, .any, .open:
            return true
        }
    }
}
