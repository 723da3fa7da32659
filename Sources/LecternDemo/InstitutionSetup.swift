import LecternAlma
import LecternCore
import LecternPrimo
public import LecternStore

/// Creating an institution: the registry entry and the configuration every tenant starts with.
///
/// It lives beside the demo because both provision institutions; families add their own starting
/// configuration here (Esploro's code tables, Primo's views) as they arrive.
public enum InstitutionSetup {
    /// Creates `institution` with the standard code tables and Primo view in its sandbox and production.
    public static func create(_ institution: Institution, registry: any Registry, store: any Store) async throws {
        try await registry.createInstitution(institution)
        for environment in [Environment.sandbox, .production] {
            try await standardDocuments(
                institution: institution.code,
                into: store,
                tenant: Tenant(institution: institution.code, environment: environment)
            )
        }
    }

    /// Writes the code tables and the Primo view every institution starts with.
    static func standardDocuments(institution: String, into store: any Store, tenant: Tenant) async throws {
        try await store.write(in: tenant) { tx in
            for table in StandardCodeTables.documents { try await tx.put(table) }
            try await tx.put(PrimoView.standard(institution: institution).document)
        }
    }
}
