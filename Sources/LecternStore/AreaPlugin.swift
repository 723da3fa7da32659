public import LecternCore

/// One API area as its family provides it: what it is (``descriptor``) and its routes over the
/// store. The application lists the plug-ins it serves, one line each.
///
/// ```swift
/// public enum UsersArea: AreaPlugin {
///     public static let descriptor = AreaDescriptor(.users, title: "Users", product: .alma, pathPrefixes: ["/almaws/v1/users"])
///     public static func routes(store: any Store, passwords: any PasswordHasher) -> [Route] { … }
/// }
/// ```
public protocol AreaPlugin {
    /// What the area is.
    static var descriptor: AreaDescriptor { get }
    /// Its routes over `store` (the `/test` routes come from the descriptor).
    static func routes(store: any Store, passwords: any PasswordHasher) -> [Route]
    /// The orders its lists read in pages (none by default).
    static var sortIndexes: [SortIndex] { get }
}

extension AreaPlugin {
    public static var sortIndexes: [SortIndex] { [] }

    /// The area with its routes over `store`.
    public static func area(store: any Store, passwords: any PasswordHasher) -> APIArea {
        APIArea(descriptor, routes: routes(store: store, passwords: passwords))
    }
}
