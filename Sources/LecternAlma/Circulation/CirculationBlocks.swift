import Foundation
import LecternRepresentation

/// The blocks circulation reads from a user and the one it adds: fees over the policy's limit
/// block loans and renewals, shown on the user as an active `03-GLOBAL` ("Unpaid fines") block
/// created by `System` for as long as they are over it.
enum CirculationBlocks {
    static let finesDescription = "03-GLOBAL"
    static let systemCreator = "System"

    /// Whether a stored block stops loans now: active, not expired, and not a fines block
    /// circulation added (a swap-all update may have stored one; the fees decide those).
    static func isStoredActive(_ block: Node, now: Date) -> Bool {
        guard block.value("block_status") == "ACTIVE", !isComputed(block) else { return false }
        guard let expiry = block.value("expiry_date"), !expiry.isEmpty, let end = CirculationTime.parse(expiry) else { return true }
        return end >= now
    }

    static func isComputed(_ block: Node) -> Bool {
        block.value("block_description") == finesDescription && block.value("created_by") == systemCreator
    }

    /// The block for `owed` over `limit`.
    static func finesBlock(owed: Decimal, limit: Decimal, currency: String, now: Date) -> Node {
        Node(
            "user_block",
            attributes: [.init("segment_type", "Internal")],
            children: [
                Node("block_type", attributes: [.init("desc", "General")], text: "GENERAL"),
                Node("block_description", attributes: [.init("desc", "Unpaid fines (GLOBAL)")], text: finesDescription),
                Node("block_status", text: "ACTIVE"),
                Node("block_note", text: "Fines limit exceeded: \(Money.text(owed)) \(currency) owed, the limit is \(Money.text(limit))."),
                Node("created_by", text: systemCreator),
                Node("created_date", text: CirculationTime.day(now)),
            ]
        )
    }
}
