// The bare baseline for Benchmarks/gateway.sh: a Hummingbird 2 server that answers every GET
// with the same precomputed bytes, so that the gateway's throughput can be set beside the cost
// of HTTP alone for a body of the same size. Not part of the product; run by hand.
import ArgumentParser
import Foundation
import Hummingbird

struct LecternBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A bare Hummingbird server answering every GET with the bytes of one file."
    )

    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on.") var port = 8090
    @Option(help: "The file whose bytes are the body of every answer.") var bodyFile: String
    @Option(help: "The Content-Type of every answer.") var contentType = "application/json"

    func run() async throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: bodyFile))
        // Built once; every answer shares the same storage (ByteBuffer is copy-on-write).
        let body = ByteBuffer(bytes: bytes)
        let contentType = self.contentType

        let router = Router()
        router.get("**") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: contentType],
                body: ResponseBody(byteBuffer: body)
            )
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "LecternBench")
        )
        FileHandle.standardOutput.write(Data("LecternBench serving \(bytes.count) bytes of \(contentType) on http://\(host):\(port)/\n".utf8))
        try await app.runService()
    }
}

// main.swift is top-level code, so the command is started here rather than with @main (where
// ArgumentParser would pick the async entry point itself; here `LecternBench.main()` resolves to
// the synchronous one, which never calls an async `run()`).
do {
    let command = try LecternBench.parseAsRoot()
    if let bench = command as? LecternBench {
        try await bench.run()
    } else {
        var command = command  // --help and the like
        try command.run()
    }
} catch {
    LecternBench.exit(withError: error)
}
