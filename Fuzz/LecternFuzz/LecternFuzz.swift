import Foundation
import LecternFuzzing

#if FUZZING
    import CLibFuzzer
#endif

/// `LECTERN_FUZZ_TARGET=xml LecternFuzz [libFuzzer options] CORPUS_DIR` when built for fuzzing
/// (see `Fuzz/README.md`); otherwise `LecternFuzz TARGET FILE_OR_DIRECTORY...` replays inputs and
/// reports the failures, as the test suite does with `Fuzz/Corpus/`.
@main
enum LecternFuzz {
    static func main() throws {
        #if FUZZING
            exit(fuzz())
        #else
            try replay()
        #endif
    }

    static func usage(_ text: String) -> Never {
        FileHandle.standardError.write(Data("\(text)\ntargets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n".utf8))
        exit(64)
    }

    #if FUZZING
        /// The target libFuzzer drives, named by `LECTERN_FUZZ_TARGET`.
        nonisolated(unsafe) static var target = FuzzTarget.xml

        static func fuzz() -> CInt {
            let name = ProcessInfo.processInfo.environment["LECTERN_FUZZ_TARGET"] ?? ""
            guard let chosen = FuzzTarget(rawValue: name) else { usage("set LECTERN_FUZZ_TARGET") }
            target = chosen
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                if let failure = LecternFuzz.target.run(bytes) { fatalError("\(LecternFuzz.target.rawValue): \(failure)") }
                return 0
            }
        }
    #else
        static func replay() throws {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                usage("usage: LecternFuzz TARGET FILE_OR_DIRECTORY...")
            }
            var inputs = 0
            var failures = 0
            for path in arguments.dropFirst() {
                for file in files(at: path) {
                    inputs += 1
                    if let failure = target.run(Array(try Data(contentsOf: file))) {
                        failures += 1
                        print("\(file.path): \(failure)")
                    }
                }
            }
            print("\(inputs) inputs, \(failures) failures")
            if failures > 0 { exit(1) }
        }

        static func files(at path: String) -> [URL] {
            let url = URL(fileURLWithPath: path)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.isEmpty ? [url] : names.sorted().map { url.appendingPathComponent($0) }
        }
    #endif
}
