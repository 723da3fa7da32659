import Foundation
import GRDB
import GRDBSQLite
import Synchronization

/// Ends any statement of a read connection that runs longer than a limit, so that no query, however
/// costly, holds a reader (and the request that waits for it) for long: SQLite's progress handler
/// looks at the clock every few thousand virtual-machine steps and interrupts the statement once
/// the limit has passed since it began (`SQLITE_TRACE_STMT` marks each start). The statement then
/// fails with `SQLITE_INTERRUPT`, which the store answers as ``StoreError/timeLimitExceeded``.
///
/// Writers are not limited: their statements touch rows by key, and migrations and bulk imports
/// need minutes by design.
final class StatementTimeLimit: Sendable {
    private let limitNanoseconds: UInt64
    private let startedAt = Atomic<UInt64>(0)

    private init(limit: Duration) {
        let (seconds, attoseconds) = limit.components
        limitNanoseconds = UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
    }

    /// Limits every statement of `db` to `limit`; the limit lives until the connection closes.
    static func install(on db: Database, limit: Duration) {
        let context = Unmanaged.passRetained(StatementTimeLimit(limit: limit)).toOpaque()
        let connection = db.sqliteConnection
        sqlite3_trace_v2(
            connection,
            CUnsignedInt(SQLITE_TRACE_STMT | SQLITE_TRACE_CLOSE),
            { mask, context, _, _ in
                guard let context else { return SQLITE_OK }
                if mask == CUnsignedInt(SQLITE_TRACE_CLOSE) {
                    Unmanaged<StatementTimeLimit>.fromOpaque(context).release()
                } else {
                    Unmanaged<StatementTimeLimit>.fromOpaque(context).takeUnretainedValue().startedAt.store(
                        StatementTimeLimit.now(),
                        ordering: .relaxed
                    )
                }
                return SQLITE_OK
            },
            context
        )
        sqlite3_progress_handler(
            connection,
            4_000,
            { context in
                guard let context else { return 0 }
                let limit = Unmanaged<StatementTimeLimit>.fromOpaque(context).takeUnretainedValue()
                return StatementTimeLimit.now() &- limit.startedAt.load(ordering: .relaxed) > limit.limitNanoseconds ? 1 : 0
            },
            context
        )
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
