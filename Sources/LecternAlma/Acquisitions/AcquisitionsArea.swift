public import LecternCore
public import LecternStore

extension Area {
    /// Alma acquisitions: vendors, funds, PO lines, invoices (`/almaws/v1/acq`).
    public static let acquisitions = Area("acq")
}

/// The acquisitions area: keys can be given its permission; its operations are not served yet, so
/// every call to its paths passes the gateway's checks and is then refused as no operation.
public enum AcquisitionsArea: AreaPlugin {
    public static let descriptor = AreaDescriptor(.acquisitions, title: "Acquisitions", product: .alma, pathPrefixes: ["/almaws/v1/acq"])

    public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] { [] }
}
