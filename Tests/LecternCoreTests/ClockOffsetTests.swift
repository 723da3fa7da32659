import LecternCore
import Testing

/// The sandbox clock's offsets as people write them, and garbage refused.
struct ClockOffsetTests {
    @Test(arguments: [
        ("+14d", 14 * 86_400), ("14d", 14 * 86_400), ("-2h", -7_200), ("+1d12h30m", 86_400 + 12 * 3_600 + 1_800), ("90m", 5_400),
        ("45s", 45), ("0", 0), ("-0", 0), (" +1h ", 3_600),
    ])
    func offsetsAreRead(_ text: String, _ seconds: Int) {
        #expect(ClockOffset.parse(text) == seconds)
    }

    @Test(arguments: ["", "+", "d", "14", "+14x", "1d2", "++1d", "1.5d", "+99999999999d", "1d 2h", String(repeating: "1d", count: 40), "١d"])
    func garbageIsRefused(_ text: String) {
        #expect(ClockOffset.parse(text) == nil)
    }

    @Test func textReadsBack() {
        for seconds in [0, 59, 3_600, -7_200, 14 * 86_400 + 3_661, -(ClockOffset.maximum)] {
            #expect(ClockOffset.parse(ClockOffset.text(seconds)) == seconds)
        }
    }
}
