public import LecternStore

extension Gateway {
    /// The newest `limit` calls of a key, newest first, including the call that just returned:
    /// what was recorded and not yet stored is stored first.
    public func requestLog(keyID: Int64, limit: Int = CallRecorder.logLength) async throws -> [RequestLogEntry] {
        try await recorder.flush()
        return try await registry.requestLog(keyID: keyID, limit: limit)
    }

    /// The usage counts of `institution` from `fromDay` to `toDay` (`yyyy-MM-dd` GMT, both
    /// included) of the keys `keyIDs`, or of all its keys when `nil`, up to the last call.
    public func usage(institution: String, keyIDs: [Int64]? = nil, fromDay: String, toDay: String) async throws -> [UsageCount] {
        try await recorder.flush()
        return try await registry.usage(institution: institution, keyIDs: keyIDs, fromDay: fromDay, toDay: toDay)
    }
}
