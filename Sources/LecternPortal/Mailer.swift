public import Foundation
public import Logging

/// An e-mail the portal sends (activation, password reset, invitation).
public struct Message: Sendable, Hashable {
    /// The recipient's address.
    public var to: String
    /// The subject line.
    public var subject: String
    /// The plain-text body.
    public var body: String

    /// Creates a message.
    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }

    /// The message as RFC 5322 text, from `from`.
    public func rfc5322(from: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return """
            From: \(from)\r
            To: \(to)\r
            Subject: \(subject)\r
            Date: \(formatter.string(from: date))\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r

            """
    }
}

/// Sends the portal's e-mail.
public protocol Mailer: Sendable {
    /// Sends `message`.
    func send(_ message: Message) async throws
}

/// Writes each message to a file in a directory (one `.eml` file per message) and logs it, so a
/// local user without SMTP is never stuck waiting for an activation link.
public struct OutboxMailer: Mailer {
    /// The directory messages are written to.
    public let directory: URL
    let logger: Logger
    let from: String

    /// Creates the outbox, making the directory if needed.
    public init(directory: URL, logger: Logger, from: String = "Lectern Developer Network <no-reply@lectern.local>") throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
        self.logger = logger
        self.from = from
    }

    public func send(_ message: Message) async throws {
        let now = Date()
        let stamp = Int(now.timeIntervalSince1970 * 1000)
        let recipient = message.to.filter { $0.isLetter || $0.isNumber || $0 == "." || $0 == "@" || $0 == "-" }
        let file = directory.appendingPathComponent("\(stamp)-\(Secret.generate().prefix(8))-\(recipient).eml")
        try Data(message.rfc5322(from: from, date: now).utf8).write(to: file)
        logger.notice("mail to \(message.to): \(message.subject)", metadata: ["file": "\(file.path)", "body": "\(message.body)"])
    }
}
