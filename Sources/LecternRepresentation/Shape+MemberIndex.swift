import Synchronization

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
            table = members.count > 8 ? MemberTables.table(of: members) : nil
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

/// The name tables of large objects, built once per member list instead of at every
/// ``Shape/MemberIndex`` (an import normalized each item's `item_data` three times, and
/// building its table was a twentieth of the import's work).
///
/// A list is known by the address of its storage. Each entry keeps its list, so that storage
/// stays allocated, and no other list can take the address, as long as the entry exists.
enum MemberTables {
    /// More entries than shapes with many members: temporary shapes would otherwise pile up.
    static let limit = 256

    private static let entries = Mutex<[UInt: (members: [Shape.Member], table: [String: Int])]>([:])

    /// The position of each element member's first appearance, by name.
    static func table(of members: [Shape.Member]) -> [String: Int] {
        let address = members.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        if let table = entries.withLock({ $0[address]?.table }) { return table }
        var table: [String: Int] = [:]
        table.reserveCapacity(members.count)
        for (position, member) in members.enumerated() where !member.isAttribute && table[member.name] == nil {
            table[member.name] = position
        }
        entries.withLock { entries in
            if entries.count >= limit { entries.removeAll() }
            entries[address] = (members, table)
        }
        return table
    }

    /// How many tables are kept (for tests).
    static var count: Int { entries.withLock { $0.count } }
}
