public import LecternStore

extension Kind {
    /// A code table, by name.
    public static let codeTable = Kind(rawValue: "code_table")
}
