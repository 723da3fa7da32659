import LecternAlma
public import LecternCore
import LecternEsploro
import LecternGateway
public import LecternStore

/// The demo institution: created on a new database, with realistic data and ready-to-use keys.
public enum DemoInstitution {
    /// The demo institution's code.
    public static let code = "DEMO"

    /// A key printed once, with what it is for.
    public struct PrintedKey: Sendable {
        /// What the key is (`Sandbox read/write, all areas`).
        public var label: String
        /// The key itself.
        public var key: String
    }

    /// Creates the demo institution and its data unless it exists.
    ///
    /// - returns: the new keys, or `nil` when the institution already existed.
    /// - parameter areas: the areas the demo keys may call (every area the application serves).
    /// - parameter catalogueSize: how many bibs the demo catalogue gets (tests take fewer).
    public static func seedIfMissing(
        registry: any Registry,
        store: any Store,
        passwords: any PasswordHasher,
        areas: [Area],
        catalogueSize: Int = catalogueSize
    ) async throws -> [PrintedKey]? {
        guard try await registry.institution(code) == nil else { return nil }
        let institution = Institution(code: code, name: "Lectern Demo University", region: "na", namedUsers: 50, fte: 12_000, academicStaff: 900)
        try await InstitutionSetup.create(institution, registry: registry, store: store)
        try await seedData(store: store, passwords: passwords, catalogueSize: catalogueSize)
        let everything = Dictionary(uniqueKeysWithValues: areas.map { ($0, Access.readWrite) })
        let readOnly = Dictionary(uniqueKeysWithValues: areas.map { ($0, Access.readOnly) })
        var keys: [PrintedKey] = []
        for (label, environment, permissions) in [
            ("Guest Sandbox (GET only)", Environment.guest, readOnly),
            ("Sandbox read/write, all areas", Environment.sandbox, everything),
            ("Sandbox read-only, all areas", Environment.sandbox, readOnly),
        ] {
            let key = try await KeyIssuer.issue(
                in: registry,
                institution: code,
                environment: environment,
                permissions: permissions,
                label: label
            )
            keys.append(PrintedKey(label: label, key: key))
        }
        return keys
    }

    /// Replaces everything in `institution`'s sandbox with the demo data (production is not touched).
    ///
    /// The demo data is built in the sandbox's staging copy (emptied first, in case an earlier
    /// reset was cut off) and takes the sandbox's place in one transaction: until then clients
    /// read the old sandbox, and a crash leaves it as it was.
    public static func resetSandbox(
        of institution: String,
        store: any Store,
        passwords: any PasswordHasher,
        catalogueSize: Int = catalogueSize
    ) async throws {
        let sandbox = Tenant(institution: institution, environment: .sandbox)
        try await store.purge(sandbox.staging)
        try await InstitutionSetup.standardDocuments(institution: institution, into: store, tenant: sandbox.staging)
        try await seedData(store: store, passwords: passwords, catalogueSize: catalogueSize, institution: institution, tenant: sandbox.staging)
        try await store.replaceWithStaging(sandbox)
    }

    /// How many research assets the demo research office has.
    static let assetCount = 1_200

    /// How many records the demo catalogue has.
    public static let catalogueSize = 5_000

    /// Writes the demo data into the demo institution's sandbox: the campus, its patrons, a
    /// catalogue loaded the way `lectern import marc` loads one, six weeks of circulation, and two
    /// terms of courses with reading lists.
    public static func seedData(
        store: any Store,
        passwords: any PasswordHasher,
        catalogueSize: Int = catalogueSize,
        institution code: String = code,
        tenant: Tenant? = nil
    ) async throws {
        let tenant = tenant ?? Tenant(institution: code, environment: .sandbox)
        var patrons = DemoPatrons(seed: 2026)
        var research = DemoResearch(seed: 2026)
        let people = research.researchers(patrons.documents(count: 320, passwords: passwords), count: 220)
        let documents = DemoCampus.configuration() + people.documents + DemoResearch.organizations
        let firstAsset = try await store.write(in: tenant) { tx in
            for document in documents { try await tx.put(document) }
            return try await tx.reserveNumbers(CatalogIDs.counter, count: assetCount)
        }
        let ids = CatalogIDs(institution: code)
        let assets = research.assets(assetCount, by: people.researchers)
        try await store.write(in: tenant) { tx in
            for (offset, asset) in assets.enumerated() {
                try await EsploroDocuments.put(asset, id: ids.id(.bib, firstAsset + Int64(offset)), draft: false, institution: code, into: tx)
            }
        }
        let catalogue = DemoCatalogue(seed: 2026, institution: code)
        let batch = 1_000
        if let store = store as? any BulkStore {
            let importer = try await store.read(in: tenant) { try await CatalogImporter.load(institution: code, from: $0) }
            for start in stride(from: 0, to: catalogueSize, by: batch) {
                let records = Array(catalogue.records(start..<min(start + batch, catalogueSize)))
                let results = try await store.bulkWrite(in: tenant) { try importer.importRecords(records, into: $0) }
                for result in results { _ = try result.get() }
            }
            try await DemoCirculation.seed(store, tenant: tenant)
            try await DemoCourses.seed(store, tenant: tenant)
            return
        }
        for start in stride(from: 0, to: catalogueSize, by: batch) {
            try await store.write(in: tenant) { tx in
                let writer = try await Catalogue.open(tx, institution: code, user: "import")
                for record in catalogue.records(start..<min(start + batch, catalogueSize)) {
                    _ = try await writer.importRecord(record)
                }
            }
        }
        try await DemoCirculation.seed(store, tenant: tenant)
        try await DemoCourses.seed(store, tenant: tenant)
    }
}
