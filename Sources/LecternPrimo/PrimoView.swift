import LecternRepresentation
public import LecternStore

extension Kind {
    /// A Primo view (`vid`), with its tabs and search scopes.
    public static let primoView = Kind(rawValue: "primo_view")
}

/// A Primo view: `vid` is `INSTITUTION:VIEW` (`DEMO:DEFAULT`), each tab offers search scopes.
///
/// Every institution starts with the view `CODE:DEFAULT` and Primo VE's default tabs and scopes,
/// so scripts written for a default view run unchanged: `Everything` with `MyInst_and_CI`, and
/// `LibraryCatalog` with `MyInstitution`. Lectern has no Central Discovery Index, so both scopes
/// search the institution's own records. A library code is a scope of every tab too: it keeps
/// the records that library holds.
public struct PrimoView: Sendable, Hashable {
    /// The view id, `INSTITUTION:VIEW`.
    public var vid: String
    /// The tabs by code, each with its scope codes.
    public var tabs: [String: [String]]

    /// The view every institution starts with.
    public static func standard(institution: String) -> PrimoView {
        PrimoView(vid: "\(institution):DEFAULT", tabs: ["Everything": ["MyInst_and_CI"], "LibraryCatalog": ["MyInstitution"]])
    }

    /// The view as a stored document.
    public var document: Document {
        let tabNodes = tabs.keys.sorted().map { tab in
            Node(
                "tab",
                children: [Node("code", text: tab), Node("scopes", children: (tabs[tab] ?? []).map { Node("scope", text: $0) })]
            )
        }
        return Document(kind: .primoView, id: vid, body: Node("view", children: [Node("vid", text: vid), Node("tabs", children: tabNodes)]))
    }

    /// The view a stored document holds.
    init(_ document: Document) {
        vid = document.id
        var tabs: [String: [String]] = [:]
        for tab in document.body.child("tabs")?.children(named: "tab") ?? [] {
            tabs[tab.value("code") ?? ""] = tab.child("scopes")?.children(named: "scope").compactMap(\.text) ?? []
        }
        self.tabs = tabs
    }

    init(vid: String, tabs: [String: [String]]) {
        self.vid = vid
        self.tabs = tabs
    }
}
