import Foundation
import LecternPortal
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// The SMTP mailer against a scripted server that records the conversation.
struct SMTPMailerTests {
    /// Serves one SMTP conversation on a free local port: answers each command with the reply
    /// given for its verb and records every line the client sent.
    final class FakeServer: Sendable {
        /// Every line the client sent.
        final class Transcript: Sendable {
            let lines = Mutex<[String]>([])
        }

        let transcript = Transcript()
        let port: Int
        private let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>

        init(replies: [String: String]) async throws {
            channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .bind(host: "127.0.0.1", port: 0) { child in
                    child.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child) }
                }
            port = channel.channel.localAddress?.port ?? 0
            let transcript = self.transcript
            let server = channel
            Task {
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        try await connection.executeThenClose { inbound, outbound in
                            try await outbound.write(ByteBuffer(string: "220 fake ESMTP\r\n"))
                            var text = ""
                            var inData = false
                            for try await buffer in inbound {
                                text += String(buffer: buffer)
                                while let end = text.range(of: "\r\n") {
                                    let line = String(text[..<end.lowerBound])
                                    text = String(text[end.upperBound...])
                                    transcript.lines.withLock { $0.append(line) }
                                    if inData {
                                        if line == "." {
                                            inData = false
                                            try await outbound.write(ByteBuffer(string: "250 queued\r\n"))
                                        }
                                        continue
                                    }
                                    let verb = String(line.prefix { $0 != " " && $0 != ":" }).uppercased()
                                    if verb == "DATA" { inData = true }
                                    try await outbound.write(ByteBuffer(string: (replies[verb] ?? "500 what?") + "\r\n"))
                                    if verb == "QUIT" { return }
                                }
                            }
                        }
                        return
                    }
                }
            }
        }
    }

    static let accepting = [
        "EHLO": "250-fake\r\n250 AUTH PLAIN", "AUTH": "235 ok", "MAIL": "250 ok", "RCPT": "250 ok", "DATA": "354 go", "QUIT": "221 bye",
    ]

    @Test func aMessageIsDeliveredWithAuthenticationAndDotStuffing() async throws {
        let server = try await FakeServer(replies: Self.accepting)
        let mailer = try #require(SMTPMailer(url: "smtp://robot:s%3Dcret@127.0.0.1:\(server.port)", from: "Lectern <no-reply@lectern.local>"))
        try await mailer.send(Message(to: "ada@example.org", subject: "Activate", body: "Open this link:\n.hidden line\nbye"))
        let lines = server.transcript.lines.withLock { $0 }
        #expect(lines.first == "EHLO lectern.local")
        #expect(lines.contains("AUTH PLAIN " + Data("\0robot\0s=cret".utf8).base64EncodedString()))
        #expect(lines.contains("MAIL FROM:<no-reply@lectern.local>"))
        #expect(lines.contains("RCPT TO:<ada@example.org>"))
        #expect(lines.contains("Subject: Activate"))
        #expect(lines.contains("..hidden line"))
        #expect(lines.last == "QUIT")
    }

    @Test func aRefusedRecipientIsAnError() async throws {
        var replies = Self.accepting
        replies["RCPT"] = "550 no such mailbox"
        let server = try await FakeServer(replies: replies)
        let mailer = try #require(SMTPMailer(url: "smtp://127.0.0.1:\(server.port)", from: "no-reply@lectern.local"))
        await #expect(throws: SMTPError.self) {
            try await mailer.send(Message(to: "nobody@example.org", subject: "x", body: "y"))
        }
        #expect(!server.transcript.lines.withLock { $0 }.contains { $0.hasPrefix("AUTH") })
    }

    @Test func onlySMTPURLsAreAccepted() {
        #expect(SMTPMailer(url: "http://mail.example.org", from: "a@b.c") == nil)
        #expect(SMTPMailer(url: "smtp://", from: "a@b.c") == nil)
        #expect(SMTPMailer(url: "smtp://mail.example.org:2525", from: "a@b.c") != nil)
    }
}
