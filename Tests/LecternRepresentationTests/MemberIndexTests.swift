import Testing

@testable import LecternRepresentation

@Suite("Shape.MemberIndex")
struct MemberIndexTests {
    /// An object with `count` text members named `prefix0`, `prefix1`, … and an attribute
    /// named like the first member (an attribute never answers an element's name).
    static func shape(_ prefix: String, count: Int) -> Shape {
        .object([.attribute("\(prefix)0")] + (0..<count).map { Shape.Member("\(prefix)\($0)", .text) })
    }

    @Test("finds the first element member of a name, in large and small objects", arguments: [4, 60])
    func positions(count: Int) {
        var members = Self.shape("m", count: count).members
        members.append(Shape.Member("m1", .number))
        let index = Shape.MemberIndex(.object(members))
        #expect(index.position(of: "m0") == 1)
        #expect(index.position(of: "m1") == 2)
        #expect(index.member("m1")?.isAttribute == false)
        #expect(index.position(of: "m\(count - 1)") == count)
        #expect(index.position(of: "missing") == nil)
    }

    @Test("answers each member list with its own table, however many lists come and go")
    func tablesPerList() {
        // Short-lived shapes may get the storage of earlier ones: each must still find its own
        // names, and the tables kept stay bounded.
        for round in 0..<(2 * MemberTables.limit) {
            let shape = Self.shape("r\(round)_", count: 20)
            let index = Shape.MemberIndex(shape)
            #expect(index.position(of: "r\(round)_7") == 8)
            #expect(index.position(of: "r\(round - 1)_7") == nil)
        }
        #expect(MemberTables.count <= MemberTables.limit)
    }

    @Test("normalizes a large object the same way on every call")
    func normalizesRepeatedly() {
        let shape = Self.shape("f", count: 30)
        let node = Node("x", children: [Node("f20", text: "b"), Node("extra", text: "c"), Node("f3", text: "a")])
        for _ in 0..<3 {
            #expect(shape.normalized(node).children.map(\.name) == ["f3", "f20", "extra"])
        }
    }
}
