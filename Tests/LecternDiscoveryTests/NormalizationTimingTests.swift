import Foundation
import LecternDiscovery
import LecternRepresentation
import Testing

/// How long normalization takes: 100,000 records of the Defoe kind. Run by hand in a release
/// build, never by default:
///
///     LECTERN_PNX_TIMING=1 swift test -c release --filter NormalizationTimingTests
struct NormalizationTimingTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LECTERN_PNX_TIMING"] == "1"))
    func hundredThousandNormalizations() {
        let normalizer = PNXNormalizer(institution: "01LECTERN_INST")
        let clock = ContinuousClock()
        var checksum = 0
        var pnxTime = Duration.zero
        var indexTime = Duration.zero
        var jsonTime = Duration.zero
        for round in 0..<100_000 {
            var pnx = PNXRecord()
            pnxTime += clock.measure {
                pnx = normalizer.record(bib: TestRecords.defoe, mmsID: String(round), holdings: TestRecords.defoeHoldings)
            }
            indexTime += clock.measure { checksum &+= DiscoveryIndex(pnx).searchText.count }
            jsonTime += clock.measure { checksum &+= pnx.rendered.count }
        }
        print("100,000 normalizations: PNX \(pnxTime), index \(indexTime), JSON \(jsonTime), checksum \(checksum)")
        #expect(checksum > 0)
    }
}
