import Foundation
import GRDB
public import LecternCore
public import LecternStore

extension SQLiteStore {
    public func createInstitution(_ institution: Institution) async throws {
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM institutions WHERE code = ?", arguments: [institution.code]) == true {
                    throw RegistryError.duplicateInstitution(institution.code)
                }
                try db.execute(
                    sql: "INSERT INTO institutions (code, name, region, named_users, fte, academic_staff) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        institution.code, institution.name, institution.region, institution.namedUsers, institution.fte,
                        institution.academicStaff,
                    ]
                )
            }
        }
    }

    public func institution(_ code: String) async throws -> Institution? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM institutions WHERE code = ?", arguments: [code]).map(Self.institution(from:))
        }
    }

    public func institutions() async throws -> [Institution] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM institutions ORDER BY code").map(Self.institution(from:))
        }
    }

    public func createKey(_ key: KeyRecord) async throws -> Int64 {
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                try db.execute(
                    sql: """
                        INSERT INTO api_keys (
                            hash, prefix, label, institution, environment, permissions, allowed_networks, unthrottled, application_id,
                            revoked_at
                        )
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now') END)
                        """,
                    arguments: [
                        key.hash, key.prefix, key.label, key.institution, key.environment.rawValue,
                        Self.encode(key.permissions), key.allowedNetworks.joined(separator: " "), key.unthrottled, key.application,
                        key.revoked,
                    ]
                )
                return db.lastInsertedRowID
            }
        }
    }

    public func key(hash: String) async throws -> KeyRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE hash = ?", arguments: [hash]).map(Self.key(from:))
        }
    }

    public func keys(institution: String) async throws -> [KeyRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_keys WHERE institution = ? ORDER BY id", arguments: [institution])
                .map(Self.key(from:))
        }
    }

    public func dailyCounts(day: String) async throws -> [DailyCount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM daily_counts WHERE day = ?", arguments: [day]).compactMap { row in
                guard let product = Product(rawValue: row["product"]) else { return nil }
                return DailyCount(institution: row["institution"], product: product, day: row["day"], count: row["count"])
            }
        }
    }

    public func addDailyCounts(_ counts: [DailyCount]) async throws {
        guard !counts.isEmpty else { return }
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                for count in counts {
                    try db.execute(
                        sql: """
                            INSERT INTO daily_counts (institution, product, day, count) VALUES (?, ?, ?, ?)
                            ON CONFLICT (institution, product, day) DO UPDATE SET count = count + excluded.count
                            """,
                        arguments: [count.institution, count.product.rawValue, count.day, count.count]
                    )
                }
            }
        }
    }

    public func productsInMaintenance() async throws -> Set<Product> {
        try await pool.read { db in
            Set(try String.fetchAll(db, sql: "SELECT product FROM maintenance").compactMap(Product.init(rawValue:)))
        }
    }

    public func setMaintenance(_ product: Product, on: Bool) async throws {
        try await transaction {
            try await pool.writeWithoutTransaction { db in
                if on {
                    try db.execute(sql: "INSERT OR IGNORE INTO maintenance (product) VALUES (?)", arguments: [product.rawValue])
                } else {
                    try db.execute(sql: "DELETE FROM maintenance WHERE product = ?", arguments: [product.rawValue])
                }
            }
        }
    }

    private static func institution(from row: Row) -> Institution {
        Institution(
            code: row["code"],
            name: row["name"],
            region: row["region"],
            namedUsers: row["named_users"],
            fte: row["fte"],
            academicStaff: row["academic_staff"]
        )
    }

    static func key(from row: Row) -> KeyRecord {
        let permissionsText: String = row["permissions"]
        let networks: String = row["allowed_networks"]
        return KeyRecord(
            id: row["id"],
            hash: row["hash"],
            prefix: row["prefix"],
            label: row["label"],
            institution: row["institution"],
            environment: Environment(rawValue: row["environment"]) ?? .guest,
            permissions: decode(permissionsText),
            allowedNetworks: networks.split(separator: " ").map(String.init),
            unthrottled: row["unthrottled"],
            application: row["application_id"],
            revoked: (row["revoked_at"] as String?) != nil
        )
    }

    /// Permissions as `users=rw bibs=ro`.
    static func encode(_ permissions: [Area: Access]) -> String {
        permissions.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value.rawValue)" }.joined(separator: " ")
    }

    private static func decode(_ text: String) -> [Area: Access] {
        var permissions: [Area: Access] = [:]
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let access = Access(rawValue: String(parts[1])) else { continue }
            permissions[Area(String(parts[0]))] = access
        }
        return permissions
    }
}
