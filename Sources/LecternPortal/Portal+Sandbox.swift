public import LecternStore

extension Portal {
    /// Replaces `institution`'s sandbox data with the demo data (admins only; production untouched).
    public func resetSandbox(of institution: String, by admin: Account) async throws {
        try await requireAdmin(admin, of: institution)
        try await sandboxReset(institution)
    }
}
