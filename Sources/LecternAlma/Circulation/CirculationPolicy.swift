public import Foundation
public import LecternRepresentation
public import LecternStore

/// The terms of use loans, renewals, fines and holds follow, kept as one document per tenant
/// (kind ``LecternStore/Kind/circulationPolicy``, id `terms`) that the demo institution writes
/// and a test or an administrator may replace:
///
/// ```xml
/// <circulation_policy>
///   <currency>USD</currency>
///   <fine_limit>25</fine_limit>            <!-- active fees above this block loans -->
///   <hold_shelf_days>7</hold_shelf_days>
///   <term>                                 <!-- the first term that matches applies -->
///     <user_group>UNDERGRAD</user_group>   <!-- absent or empty: any group -->
///     <item_policy>SHORT</item_policy>     <!-- absent or empty: any policy -->
///     <loanable>true</loanable>
///     <loan_days>28</loan_days>
///     <renewals>3</renewals>
///     <renew_days>28</renew_days>
///     <fine_per_day>0.5</fine_per_day>
///     <maximum_fine>20</maximum_fine>
///   </term>
/// </circulation_policy>
/// ```
public struct CirculationPolicy: Sendable, Equatable {
    /// One term of use: what a user group may do with items of a policy.
    public struct Term: Sendable, Equatable {
        /// The user group it applies to; `nil`: any.
        public var userGroup: String?
        /// The item policy it applies to; `nil`: any.
        public var itemPolicy: String?
        /// Whether such items may be lent to such users.
        public var loanable: Bool
        /// The loan period in days.
        public var loanDays: Int
        /// How many times a loan may be renewed.
        public var renewals: Int
        /// The period a renewal gives, in days from the renewal.
        public var renewDays: Int
        /// The overdue fine per day (started) late.
        public var finePerDay: Decimal
        /// The most an overdue fine of one loan comes to.
        public var maximumFine: Decimal

        /// Creates a term.
        public init(
            userGroup: String? = nil,
            itemPolicy: String? = nil,
            loanable: Bool = true,
            loanDays: Int,
            renewals: Int,
            renewDays: Int,
            finePerDay: Decimal,
            maximumFine: Decimal
        ) {
            self.userGroup = userGroup
            self.itemPolicy = itemPolicy
            self.loanable = loanable
            self.loanDays = loanDays
            self.renewals = renewals
            self.renewDays = renewDays
            self.finePerDay = finePerDay
            self.maximumFine = maximumFine
        }

        func applies(userGroup group: String, itemPolicy policy: String) -> Bool {
            (userGroup == nil || userGroup == group) && (itemPolicy == nil || itemPolicy == policy)
        }
    }

    /// The currency fees are in.
    public var currency: String
    /// Active fees above this amount block loans and renewals.
    public var fineLimit: Decimal
    /// How long an item waits on the hold shelf for its requester, in days.
    public var holdShelfDays: Int
    /// The terms, the first that matches applies; none matching means not loanable.
    public var terms: [Term]

    /// Creates a policy.
    public init(currency: String, fineLimit: Decimal, holdShelfDays: Int, terms: [Term]) {
        self.currency = currency
        self.fineLimit = fineLimit
        self.holdShelfDays = holdShelfDays
        self.terms = terms
    }

    /// What a tenant without a policy document follows: four weeks, three renewals, 50 cents a
    /// day up to 20, loans blocked above 25 of fees, a week on the hold shelf.
    public static let standard = CirculationPolicy(
        currency: "USD",
        fineLimit: 25,
        holdShelfDays: 7,
        terms: [Term(loanDays: 28, renewals: 3, renewDays: 28, finePerDay: Decimal(string: "0.5") ?? 0, maximumFine: 20)]
    )

    /// The term for a user of `userGroup` borrowing an item of `itemPolicy`, if any applies.
    func term(userGroup: String, itemPolicy: String) -> Term? {
        terms.first { $0.applies(userGroup: userGroup, itemPolicy: itemPolicy) }
    }

    /// The tenant's policy: its document, or ``standard``.
    static func load(from reader: any StoreReader) async throws -> CirculationPolicy {
        guard let document = try await reader.document(.circulationPolicy, id: documentID) else { return .standard }
        return CirculationPolicy(document.body)
    }

    static let documentID = "terms"

    /// The policy a `<circulation_policy>` node describes; what it leaves out is ``standard``'s.
    public init(_ node: Node) {
        let standard = Self.standard
        func decimal(_ node: Node, _ name: String) -> Decimal? { node.value(name).flatMap(Money.parse) }
        func integer(_ node: Node, _ name: String) -> Int? { node.value(name).flatMap { Int($0) }.map { max(0, min($0, 3650)) } }
        func code(_ node: Node, _ name: String) -> String? { node.value(name).flatMap { $0.isEmpty ? nil : $0 } }
        let fallback = standard.terms[0]
        let terms = node.children(named: "term").map { term in
            Term(
                userGroup: code(term, "user_group"),
                itemPolicy: code(term, "item_policy"),
                loanable: term.value("loanable") != "false",
                loanDays: integer(term, "loan_days") ?? fallback.loanDays,
                renewals: integer(term, "renewals") ?? fallback.renewals,
                renewDays: integer(term, "renew_days") ?? fallback.renewDays,
                finePerDay: decimal(term, "fine_per_day") ?? fallback.finePerDay,
                maximumFine: decimal(term, "maximum_fine") ?? fallback.maximumFine
            )
        }
        self.init(
            currency: code(node, "currency") ?? standard.currency,
            fineLimit: decimal(node, "fine_limit") ?? standard.fineLimit,
            holdShelfDays: integer(node, "hold_shelf_days") ?? standard.holdShelfDays,
            terms: terms.isEmpty ? standard.terms : terms
        )
    }

    /// The policy as its document stores it.
    public var document: Document {
        let termNodes = terms.map { term in
            Node(
                "term",
                children: [
                    term.userGroup.map { Node("user_group", text: $0) }, term.itemPolicy.map { Node("item_policy", text: $0) },
                    Node("loanable", text: term.loanable ? "true" : "false"), Node("loan_days", text: String(term.loanDays)),
                    Node("renewals", text: String(term.renewals)), Node("renew_days", text: String(term.renewDays)),
                    Node("fine_per_day", text: Money.text(term.finePerDay)), Node("maximum_fine", text: Money.text(term.maximumFine)),
                ].compactMap { $0 }
            )
        }
        let body = Node(
            "circulation_policy",
            children: [
                Node("currency", text: currency), Node("fine_limit", text: Money.text(fineLimit)),
                Node("hold_shelf_days", text: String(holdShelfDays)),
            ] + termNodes
        )
        return Document(kind: .circulationPolicy, id: Self.documentID, body: body)
    }
}
