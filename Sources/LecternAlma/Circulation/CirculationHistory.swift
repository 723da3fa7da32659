public import Foundation
public import LecternCore
import LecternDiscovery
import LecternPeople
import LecternRepresentation
public import LecternStore

/// A large institution's loan history at import speed: returned loans of its items by its
/// users over the past year, written in batches as the documents the API would have left (for
/// benchmarks and for trying Lectern at a university's size).
public enum CirculationHistory {
    /// Writes `count` returned loans into `tenant`, spread over its items and users, reproducibly
    /// from `seed`; answers how many were written (none without items or users).
    public static func write(count: Int, into store: any Store, tenant: Tenant, now: Date = Date(), seed: UInt64 = 2026) async throws -> Int {
        let (items, users) = try await store.read(in: tenant) { reader in
            (try await reader.find(DocumentQuery(kind: .item)).items, try await reader.find(DocumentQuery(kind: .user)).items.map(\.id))
        }
        guard !items.isEmpty, !users.isEmpty, count > 0 else { return 0 }
        let bibs = try await store.read(in: tenant) { try await $0.documents(.bib, ids: Array(Set(items.compactMap(\.parent)))) }
        var random = SeededGenerator(seed: seed)
        let ids = CatalogIDs(institution: tenant.institution)
        let terms = CirculationDocuments.LoanTerms(CirculationPolicy.standard.terms[0])
        let batch = 5_000
        var written = 0
        while written < count {
            let size = min(batch, count - written)
            let first = try await store.write(in: tenant) { try await $0.reserveNumbers(CatalogIDs.circulationCounter, count: size) }
            var documents: [Document] = []
            documents.reserveCapacity(size)
            for offset in 0..<size {
                let item = items[random.int(items.count)]
                let data = item.body.child("item_data") ?? Node("item_data")
                let bib = bibs[item.parent ?? ""]?.body
                let library = data.value("library") ?? "MAIN"
                let lent = now.addingTimeInterval(-Double(1 + random.int(365)) * 86_400 - Double(random.int(86_400)))
                let returned = lent.addingTimeInterval(Double(1 + random.int(40)) * 86_400)
                let body = Node(
                    "item_loan",
                    children: [
                        Node("loan_id", text: ids.id(.loan, first + Int64(offset))),
                        Node("circ_desk", text: "DEFAULT_CIRC_DESK"),
                        Node("return_circ_desk", text: "DEFAULT_CIRC_DESK"),
                        Node("library", text: library),
                        Node("return_library", text: library),
                        Node("user_id", text: users[random.int(users.count)]),
                        Node("item_barcode", text: data.value("barcode") ?? ""),
                        Node("due_date", text: CirculationTime.dueDate(CirculationTime.endOfDay(lent, plus: 28))),
                        Node("loan_status", text: "COMPLETE"),
                        Node("loan_date", text: CirculationTime.timestamp(lent)),
                        Node("return_date", text: CirculationTime.timestamp(min(returned, now))),
                        Node("process_status", text: "NORMAL"),
                        Node("mms_id", text: item.parent ?? ""),
                        Node("holding_id", text: item.fields["holding_id"] ?? ""),
                        Node("item_id", text: item.id),
                        Node("title", text: bib?.value("title") ?? ""),
                        Node("location_code", text: data.value("location") ?? ""),
                        Node("item_policy", text: data.value("policy") ?? ""),
                    ]
                )
                let userID = body.value("user_id") ?? ""
                documents.append(CirculationDocuments.loan(body, userID: userID, terms: terms))
            }
            let finished = documents
            try await store.write(in: tenant) { try await $0.put(finished) }
            written += size
        }
        return written
    }
}
