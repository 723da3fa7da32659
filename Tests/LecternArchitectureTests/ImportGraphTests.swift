import Foundation
import Testing

/// The module graph the architecture promises, read from the sources' own `import` lines (with
/// MemberImportVisibility every module a file uses is imported by name).
struct ImportGraphTests {
    static let families = ["LecternAlma", "LecternPrimo", "LecternEsploro"]

    /// The Lectern modules each module's files import, by module.
    static func graph() throws -> [String: Set<String>] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        var graph: [String: Set<String>] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let folder = sources.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            var imports: Set<String> = []
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let index = words.firstIndex(of: "import"), index <= 1, index + 1 < words.count else { continue }
                    let name = String(words[index + 1])
                    if name.hasPrefix("Lectern") { imports.insert(name) }
                }
            }
            graph[module] = imports
        }
        return graph
    }

    @Test func noFamilyImportsAnotherFamily() throws {
        let graph = try Self.graph()
        for family in Self.families {
            let imported = try #require(graph[family], "no Sources/\(family)")
            #expect(imported.isDisjoint(with: Self.families), "\(family) imports \(imported.intersection(Self.families).sorted())")
        }
    }

    @Test func theHTTPEdgeAndTheLowerModulesImportNoFamily() throws {
        let graph = try Self.graph()
        let below = [
            "LecternHTTP", "LecternGateway", "LecternOpenAPI", "LecternPortal", "LecternPortalWeb", "LecternStore", "LecternSQLite",
            "LecternCore", "LecternRepresentation", "LecternDiscovery", "LecternMARC", "LecternPeople",
        ]
        for module in below {
            let imported = try #require(graph[module], "no Sources/\(module)")
            #expect(imported.isDisjoint(with: Self.families), "\(module) imports \(imported.intersection(Self.families).sorted())")
        }
    }

    @Test func onlyTheApplicationAssemblesEveryFamily() throws {
        let graph = try Self.graph()
        let assemblers = graph.filter { $0.value.isSuperset(of: Self.families) }.keys.sorted()
        #expect(assemblers.allSatisfy { ["LecternApplication", "LecternDemo"].contains($0) }, "\(assemblers)")
        #expect(assemblers.contains("LecternApplication"))
    }
}
