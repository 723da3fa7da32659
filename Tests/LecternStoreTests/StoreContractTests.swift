import Foundation
import LecternCore
import LecternRepresentation
import LecternSQLite
import LecternStore
import LecternTesting
import Testing

/// What every store must do; run on SQLite (the PostgreSQL store will run the same suite).
struct StoreContractTests {
    static let kind = Kind(rawValue: "thing")
    static let tenant = Tenant(institution: "A", environment: .sandbox)

    static func store() throws -> SQLiteStore {
        try SQLiteStore(path: TestDirectory.make("store").appendingPathComponent("store.sqlite").path)
    }

    static func thing(_ id: String, name: String, key: String? = nil, group: String = "g") -> Document {
        Document(
            kind: kind,
            id: id,
            body: Node("thing", children: [Node("id", text: id), Node("name", text: name)]),
            keys: key.map { [Document.Key(type: "BARCODE", value: $0)] } ?? [],
            terms: ["name": name, "group": group],
            fields: ["name": name, "group": group]
        )
    }

    @Test func putThenReadByIDAndKeyAndRevisionGrows() async throws {
        let store = try Self.store()
        try await store.write(in: Self.tenant) { try await $0.put(Self.thing("1", name: "Alpha", key: "B-1")) }
        try await store.write(in: Self.tenant) { try await $0.put(Self.thing("1", name: "Alpha Two", key: "B-1")) }
        let byID = try #require(try await store.read(in: Self.tenant) { try await $0.document(Self.kind, id: "1") })
        #expect(byID.body.value("name") == "Alpha Two")
        #expect(byID.revision == 2)
        let byKey = try await store.read(in: Self.tenant) { try await $0.document(Self.kind, key: "B-1", type: "BARCODE") }
        #expect(byKey?.id == "1")
        let wrongType = try await store.read(in: Self.tenant) { try await $0.document(Self.kind, key: "B-1", type: "UNIV_ID") }
        #expect(wrongType == nil)
    }

    @Test func aThrowingTransactionLeavesNothing() async throws {
        let store = try Self.store()
        try await store.write(in: Self.tenant) { try await $0.put(Self.thing("1", name: "Kept", key: "B-1")) }
        await #expect(throws: StoreError.duplicateKey(type: "BARCODE", value: "B-1")) {
            try await store.write(in: Self.tenant) { tx in
                try await tx.put(Self.thing("2", name: "Half"))
                try await tx.delete(Self.kind, id: "1")
                try await tx.put(Self.thing("3", name: "Clash", key: "B-1"))
                try await tx.put(Self.thing("1", name: "Clash", key: "B-1"))
                try await tx.put(Self.thing("4", name: "Clash", key: "B-1"))
            }
        }
        let count = try await store.read(in: Self.tenant) { try await $0.count(Self.kind) }
        #expect(count == 1)
        let kept = try await store.read(in: Self.tenant) { try await $0.document(Self.kind, key: "B-1", type: nil) }
        #expect(kept?.body.value("name") == "Kept")
    }

    @Test func tenantsNeverSeeEachOther() async throws {
        let store = try Self.store()
        let other = Tenant(institution: "B", environment: .sandbox)
        let production = Tenant(institution: "A", environment: .production)
        try await store.write(in: Self.tenant) { try await $0.put(Self.thing("1", name: "Secret", key: "K")) }
        for tenant in [other, production] {
            let byID = try await store.read(in: tenant) { try await $0.document(Self.kind, id: "1") }
            let byKey = try await store.read(in: tenant) { try await $0.document(Self.kind, key: "K", type: nil) }
            let search = try await store.read(in: tenant) {
                try await $0.find(DocumentQuery(kind: Self.kind, search: .words(field: "name", ["secret"])))
            }
            #expect(byID == nil && byKey == nil && search.total == 0)
            // The same id and key are free in another tenant.
            try await store.write(in: tenant) { try await $0.put(Self.thing("1", name: "Mine", key: "K")) }
        }
        let guest = Tenant(institution: "A", environment: .guest)
        #expect(try await store.read(in: guest) { try await $0.document(Self.kind, id: "1") }?.body.value("name") == "Secret")
    }

    @Test func searchCombinesWordsAndOrdersAndPages() async throws {
        let store = try Self.store()
        try await store.write(in: Self.tenant) { tx in
            for (index, name) in ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Ada King", "Émile Borel"].enumerated() {
                try await tx.put(Self.thing("\(index)", name: name, group: index % 2 == 0 ? "even" : "odd"))
            }
        }
        func ids(_ query: DocumentQuery) async throws -> [String] {
            try await store.read(in: Self.tenant) { try await $0.find(query) }.items.map(\.id)
        }
        #expect(try await ids(DocumentQuery(kind: Self.kind, search: .words(field: "name", ["ada"]), order: [.init("name")])) == ["3", "0"])
        #expect(try await ids(DocumentQuery(kind: Self.kind, search: .words(field: "name", ["ada", "lovelace"]))) == ["0"])
        #expect(try await ids(DocumentQuery(kind: Self.kind, search: .words(field: "name", ["al*"]))) == ["2"])
        #expect(try await ids(DocumentQuery(kind: Self.kind, search: .words(field: "name", ["emile"]))) == ["4"])
        let either = SearchExpression.or([.words(field: "name", ["grace"]), .words(field: "name", ["turing"])])
        #expect(try await ids(DocumentQuery(kind: Self.kind, search: either, order: [.init("name")])) == ["2", "1"])
        let both = SearchExpression.and([.words(field: "name", ["ada"]), .words(field: "group", ["even"])])
        #expect(try await ids(DocumentQuery(kind: Self.kind, search: both)) == ["0"])
        let page = try await store.read(in: Self.tenant) {
            try await $0.find(DocumentQuery(kind: Self.kind, order: [.init("name", descending: true)], limit: 2, offset: 1))
        }
        #expect(page.total == 5)
        // Sorting compares text ignoring ASCII case only; families fold accents into their sort fields.
        #expect(page.items.map(\.id) == ["1", "2"])
        #expect(try await ids(DocumentQuery(kind: Self.kind, equals: ["group": "odd"], order: [.init("name")])) == ["3", "1"])
        var byIDs = DocumentQuery(kind: Self.kind, equals: ["group": "even"])
        byIDs.ids = ["4", "1", "2", "missing"]
        #expect(try await ids(byIDs) == ["2", "4"])
        let byID = try await store.read(in: Self.tenant) { try await $0.documents(Self.kind, ids: ["4", "1", "missing"]) }
        #expect(byID.mapValues { $0.body.value("name") } == ["4": "Émile Borel", "1": "Grace Hopper"])
        // Words that look like FTS5 syntax are only words.
        let syntax = try await ids(DocumentQuery(kind: Self.kind, search: .words(field: "name", ["NEAR(\"a", "OR", "*"])))
        #expect(syntax.isEmpty)
    }

    @Test func aKindIsReadInBatchesAfterTheLastIdAndLargeReadsDecodeEveryBody() async throws {
        let store = try Self.store()
        let names = (0..<300).map { "Name \($0)" }
        try await store.write(in: Self.tenant) { tx in
            try await tx.put(names.enumerated().map { Self.thing(String(format: "%04d", $0.offset), name: $0.element, group: "g") })
        }
        var query = DocumentQuery(kind: Self.kind, equals: ["group": "g"], limit: 128)
        var read: [Document] = []
        while true {
            let next = query
            let batch = try await store.read(in: Self.tenant) { try await $0.find(next) }.items
            read += batch
            guard batch.count == 128, let last = batch.last else { break }
            query.after = last.id
            // A document deleted behind the reader shifts no later batch.
            try await store.write(in: Self.tenant) { try await $0.delete(Self.kind, id: "0000") }
        }
        #expect(read.map(\.id) == (0..<300).map { String(format: "%04d", $0) })
        #expect(read.map { $0.body.value("name") } == names)
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let store = try Self.store()
        try await store.write(in: Self.tenant) { try await $0.put(Self.thing("counter", name: "0")) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for step in 0..<25 {
                        try await store.write(in: Self.tenant) { tx in
                            let current = try await tx.document(Self.kind, id: "counter")
                            let value = Int(current?.body.value("name") ?? "0")! + 1
                            try await tx.put(Self.thing("counter", name: String(value)))
                            try await tx.put(Self.thing("w\(writer)-\(step)", name: "row"))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let counter = try await store.read(in: Self.tenant) { try await $0.document(Self.kind, id: "counter") }
        #expect(counter?.body.value("name") == "200")
        #expect(try await store.read(in: Self.tenant) { try await $0.count(Self.kind) } == 201)
    }

    @Test func countersGiveEachNumberOncePerTenantAndRollBackWithTheirTransaction() async throws {
        let store = try Self.store()
        let first = try await store.write(in: Self.tenant) { try await $0.reserveNumbers("ids", count: 10) }
        let second = try await store.write(in: Self.tenant) { try await $0.reserveNumbers("ids", count: 1) }
        #expect(first == 1)
        #expect(second == 11)
        await #expect(throws: StoreError.self) {
            try await store.write(in: Self.tenant) { tx in
                _ = try await tx.reserveNumbers("ids", count: 5)
                try await tx.put([Self.thing("1", name: "One", key: "K"), Self.thing("2", name: "Two", key: "K")])
            }
        }
        let afterRollback = try await store.write(in: Self.tenant) { try await $0.reserveNumbers("ids", count: 1) }
        #expect(afterRollback == 12)
        let count = try await store.read(in: Self.tenant) { try await $0.count(Self.kind) }
        #expect(count == 0)
        let otherTenant = Tenant(institution: "B", environment: .sandbox)
        let other = try await store.write(in: otherTenant) { try await $0.reserveNumbers("ids", count: 1) }
        #expect(other == 1)
    }

    @Test func deletingRemovesKeysAndTerms() async throws {
        let store = try Self.store()
        try await store.write(in: Self.tenant) { try await $0.put(Self.thing("1", name: "Gone", key: "K1")) }
        try await store.write(in: Self.tenant) { try await $0.delete(Self.kind, id: "1") }
        let search = try await store.read(in: Self.tenant) {
            try await $0.find(DocumentQuery(kind: Self.kind, search: .words(field: "name", ["gone"])))
        }
        #expect(search.total == 0)
        try await store.write(in: Self.tenant) { try await $0.put(Self.thing("2", name: "New", key: "K1")) }
        #expect(try await store.read(in: Self.tenant) { try await $0.document(Self.kind, key: "K1", type: nil) }?.id == "2")
    }
}
