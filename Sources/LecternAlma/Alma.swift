public import LecternCore
public import LecternStore

/// The kinds of documents Alma's configuration keeps.
extension Kind {
    /// A location, by library and code; its parent is the library code.
    public static let location = Kind(rawValue: "location")
    /// A circulation desk; its parent is the library code.
    public static let circDesk = Kind(rawValue: "circ_desk")
    /// A department, by code.
    public static let department = Kind(rawValue: "department")
}
