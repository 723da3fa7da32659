extension Shape {
    /// Finds an object's element members by name: by scanning for a few members, by a table
    /// built once for many (an item's `item_data` has sixty, and looking each child up by
    /// scanning made normalizing it quadratic).
    public struct MemberIndex {
        private let members: [Member]
        private let table: [String: Int]?

        /// The index of `shape`'s members; empty for a shape that is not an object.
        public init(_ shape: Shape) {
            members = shape.members
            guard members.count > 8 else {
                table = nil
                return
            }
            var table: [String: Int] = [:]
            table.reserveCapacity(members.count)
            for (position, member) in members.enumerated() where !member.isAttribute && table[member.name] == nil {
                table[member.name] = position
            }
            self.table = table
        }

        /// The position of the first element member named `name`, or `nil`.
        public func position(of name: String) -> Int? {
            if let table { return table[name] }
            let length = name.utf8.count
            return members.firstIndex { !$0.isAttribute && $0.name.utf8.count == length && $0.name == name }
        }

        /// The first element member named `name`, or `nil`.
        public func member(_ name: String) -> Member? {
            position(of: name).map { members[$0] }
        }
    }
}
