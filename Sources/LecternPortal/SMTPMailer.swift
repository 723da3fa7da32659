public import Foundation
import NIOCore
import NIOPosix

/// Sends mail to an SMTP server: `smtp://[user:password@]host[:port]` (port 25 by default; AUTH
/// PLAIN when the URL carries credentials; no TLS, so use a local relay for anything else).
public struct SMTPMailer: Mailer {
    let host: String
    let port: Int
    let credentials: (user: String, password: String)?
    let from: String

    /// Reads the URL; `nil` when it is not an `smtp://` URL with a host.
    public init?(url: String, from: String) {
        guard let components = URLComponents(string: url), components.scheme == "smtp", let host = components.host, !host.isEmpty else {
            return nil
        }
        self.host = host
        self.port = components.port ?? 25
        self.credentials = components.user.map { ($0.removingPercentEncoding ?? $0, components.password?.removingPercentEncoding ?? "") }
        self.from = from
    }

    public func send(_ message: Message) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        try await channel.executeThenClose { inbound, outbound in
            var session = SMTPSession(inbound: inbound.makeAsyncIterator(), outbound: outbound)
            try await session.expect(220)
            try await session.command("EHLO lectern.local", expecting: 250)
            if let credentials {
                let plain = Data("\0\(credentials.user)\0\(credentials.password)".utf8).base64EncodedString()
                try await session.command("AUTH PLAIN \(plain)", expecting: 235)
            }
            try await session.command("MAIL FROM:<\(Self.address(from))>", expecting: 250)
            try await session.command("RCPT TO:<\(message.to)>", expecting: 250)
            try await session.command("DATA", expecting: 354)
            let text = message.rfc5322(from: from, date: Date())
            // Dot-stuffing: a line that starts with a dot gets another one.
            let stuffed = text.replacingOccurrences(of: "\r\n.", with: "\r\n..")
            try await session.command(stuffed + ".", expecting: 250)
            try await session.command("QUIT", expecting: 221)
        }
    }

    /// The bare address of `Name <address>`.
    static func address(_ text: String) -> String {
        guard let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close else { return text }
        return String(text[text.index(after: open)..<close])
    }
}

/// Why a message was not accepted.
public struct SMTPError: Error, CustomStringConvertible {
    public var description: String
}

/// One SMTP conversation: commands out, multi-line replies in (`250-…` lines, then `250 …`).
struct SMTPSession {
    var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    private var pending: [UInt8] = []

    init(inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator, outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) {
        self.inbound = inbound
        self.outbound = outbound
    }

    mutating func command(_ line: String, expecting code: Int) async throws {
        try await outbound.write(ByteBuffer(string: line + "\r\n"))
        try await expect(code)
    }

    /// Reads one reply and throws unless its code is `code`.
    mutating func expect(_ code: Int) async throws {
        while true {
            let line = try await nextLine()
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, let replied = Int(String(line.prefix(3))) else {
                throw SMTPError(description: "SMTP: unreadable reply '\(line)'")
            }
            // `250-` continues the reply; `250 ` (or a bare code) ends it.
            if bytes.count > 3, bytes[3] == UInt8(ascii: "-") { continue }
            guard replied == code else { throw SMTPError(description: "SMTP: expected \(code), got '\(line)'") }
            return
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = pending[..<end]
                pending.removeSubrange(...end)
                return String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
            }
            guard pending.count < 64 * 1024, let buffer = try await inbound.next() else {
                throw SMTPError(description: "SMTP: the server closed the connection")
            }
            pending.append(contentsOf: buffer.readableBytesView)
        }
    }
}
