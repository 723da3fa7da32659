import Foundation
import LecternFuzzing
import Testing

/// Every input the fuzzers kept (`Fuzz/Corpus/<target>/`), and every crash they found once,
/// replayed through the same invariants: a regression test for each of them.
struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus")

    @Test(arguments: FuzzTarget.allCases)
    func everyCorpusInputHoldsTheInvariants(target: FuzzTarget) throws {
        let folder = Self.corpus.appendingPathComponent(target.rawValue)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count >= 5, "the corpus of \(target.rawValue) is missing")
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            #expect(target.run(bytes) == nil, "\(target.rawValue)/\(name)")
        }
    }
}
