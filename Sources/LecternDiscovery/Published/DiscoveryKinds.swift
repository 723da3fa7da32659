public import LecternStore

extension Kind {
    /// A bibliographic record (`<bib>` with its MARC `<record>`), by MMS id: the catalogue
    /// publishes each to discovery.
    public static let bib = Kind(rawValue: "bib")
    /// A research asset, by its MMS id: Esploro publishes each approved one to discovery.
    public static let asset = Kind(rawValue: "asset")
    /// A library, by code: its code is a Primo search scope (the records it holds).
    public static let library = Kind(rawValue: "library")
}
