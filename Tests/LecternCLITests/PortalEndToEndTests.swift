import Foundation
import Testing

/// The developer portal in a real headless browser: `Tests/EndToEnd/portal_e2e.py` drives
/// Chromium through Selenium against the built `lectern` binary (`.ci/run` installs both; see
/// the README). Screenshots of every page land in `test-output/portal-e2e/`.
struct PortalEndToEndTests {
    @Test(.timeLimit(.minutes(10))) func signUpToConsoleToDashboardInABrowser() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("Tests/EndToEnd/portal_e2e.py").path,
            "--lectern", CommandLineTests.binary.path,
            "--output", root.appendingPathComponent("test-output/portal-e2e").path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(
            process.terminationStatus == 0,
            "portal_e2e.py failed (needs chromium, chromium-driver and python3 -m pip install selenium):\n\(text)"
        )
    }
}
