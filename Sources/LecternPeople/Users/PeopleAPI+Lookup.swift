import Foundation
public import LecternCore
import LecternRepresentation
public import LecternStore

/// Finding, admitting, storing and answering one member: what every handler shares.
extension PeopleAPI {
    /// `user` as this population takes it in: a researcher written through Esploro is one.
    func admitted(_ user: Node) -> Node {
        guard population.researchersOnly else { return user }
        var user = user
        user.setChild(Node("is_researcher", text: "true"))
        return user
    }

    /// The user named by the path, who must be a researcher when only researchers belong.
    func find(_ call: Call, in reader: any StoreReader) async throws -> Document {
        let user = try await Self.find(call, in: reader)
        if population.researchersOnly, user.body.value("is_researcher") != "true" {
            throw APIError.userNotFound(call.path["user_id"] ?? "")
        }
        return user
    }

    /// The user named by the path's `user_id`, by `user_id_type` (default: every unique identifier).
    public static func find(_ call: Call, in reader: any StoreReader) async throws -> Document {
        let id = call.path["user_id"] ?? ""
        let type = call.query(userIDType).flatMap { $0.isEmpty || $0 == "all_unique" ? nil : $0 }
        switch type {
        case nil:
            if let user = try await reader.document(.user, id: id) { return user }
            if let user = try await reader.document(.user, key: id, type: nil) { return user }
            throw APIError.userNotFound(id)
        case "primary_id"?:
            guard let user = try await reader.document(.user, id: id) else { throw APIError.userNotFound(id, type: "primary_id") }
            return user
        case let type?:
            guard let user = try await reader.document(.user, key: id, type: type) else { throw APIError.userNotFound(id, type: type) }
            return user
        }
    }

    static func put(_ user: Node, passwordHash: String?, keeping stored: Document? = nil, into tx: any StoreWriter) async throws {
        let modified = ISO8601DateFormatter().string(from: Date())
        do {
            try await tx.put(UserDocument.make(user, passwordHash: passwordHash, modified: modified, activity: stored?.fields ?? [:]))
        } catch StoreError.duplicateKey(let type, let value) {
            throw APIError.userExists(value, type: type)
        }
    }

    func reply(_ user: Node, call: Call) -> Reply {
        var user = user
        user.setAttribute("link", nil)
        return .object(user, PeopleShapes.user)
    }

    /// The member's `link`: the population's base and the member's escaped id.
    func link(_ id: String, call: Call) -> String {
        "\(call.baseURL)\(population.base)/\(Self.escape(id))"
    }

    /// `id` as one path segment of a link.
    public static func escape(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? id
    }
}
