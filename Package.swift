// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "lectern",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lectern", targets: ["lectern"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // The executable: argument parsing only.
        .executableTarget(
            name: "lectern",
            dependencies: [
                "LecternCore", "LecternApplication", "LecternHTTP", "LecternGateway", "LecternStore", "LecternSQLite", "LecternDemo",
                "LecternAlma", "LecternMARC", "LecternPortal", "LecternImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The application assembled: every area's plug-in, served by the HTTP edge.
        .target(
            name: "LecternApplication",
            dependencies: [
                "LecternCore", "LecternStore", "LecternHTTP", "LecternAlma", "LecternPrimo", "LecternEsploro",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // 1 The HTTP edge and 2 the gateway middleware, 3 routing: no API family.
        .target(
            name: "LecternHTTP",
            dependencies: [
                "LecternCore", "LecternGateway", "LecternStore", "LecternRepresentation", "LecternOpenAPI", "LecternPortal", "LecternPortalWeb",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The developer portal: its rules (no HTTP), then its web pages.
        .target(
            name: "LecternPortal",
            dependencies: [
                "LecternCore", "LecternStore", "LecternGateway",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LecternPortalWeb",
            dependencies: [
                "LecternCore", "LecternStore", "LecternPortal", "LecternOpenAPI", "LecternRepresentation",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // 2 Gateway policy without HTTP.
        .target(
            name: "LecternGateway",
            dependencies: [
                "LecternCore", "LecternStore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The API catalog: route tables as operations by area, and their OpenAPI documents.
        .target(
            name: "LecternOpenAPI",
            dependencies: ["LecternCore"],
            swiftSettings: swiftSettings
        ),
        // 4 The Esploro family: researchers, research assets, organizations.
        .target(
            name: "LecternEsploro",
            dependencies: ["LecternCore", "LecternStore", "LecternRepresentation", "LecternMARC", "LecternDiscovery", "LecternPeople"],
            swiftSettings: swiftSettings
        ),
        // 4 The Primo family: discovery search over the catalogue and research assets.
        .target(
            name: "LecternPrimo",
            dependencies: ["LecternCore", "LecternStore", "LecternRepresentation", "LecternMARC", "LecternDiscovery"],
            swiftSettings: swiftSettings
        ),
        // 4 The Alma family.
        .target(
            name: "LecternAlma",
            dependencies: ["LecternCore", "LecternStore", "LecternRepresentation", "LecternMARC", "LecternDiscovery", "LecternPeople"],
            swiftSettings: swiftSettings
        ),
        // What Alma and Esploro share: users (researchers are users) and code tables.
        .target(
            name: "LecternPeople",
            dependencies: ["LecternCore", "LecternStore", "LecternRepresentation"],
            swiftSettings: swiftSettings
        ),
        // The MARC import pipeline: files read in batches on a thread of their own, each batch
        // imported in one transaction (or checked), and the tally of what became of each record.
        .target(
            name: "LecternImport",
            dependencies: ["LecternCore", "LecternStore", "LecternMARC", "LecternAlma"],
            swiftSettings: swiftSettings
        ),
        // Demo institution content.
        .target(
            name: "LecternDemo",
            dependencies: [
                "LecternCore", "LecternStore", "LecternRepresentation", "LecternAlma", "LecternGateway", "LecternMARC", "LecternPrimo",
                "LecternEsploro", "LecternPeople",
            ],
            swiftSettings: swiftSettings
        ),
        // 5 The store protocol and its SQLite implementation.
        .target(
            name: "LecternStore",
            dependencies: ["LecternCore", "LecternRepresentation"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LecternSQLite",
            dependencies: [
                "LecternCore", "LecternStore", "LecternRepresentation", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARC 21 records: MARCXML and ISO 2709, for the catalogue and imports.
        .target(
            name: "LecternMARC",
            dependencies: ["LecternRepresentation", "CYaz"],
            swiftSettings: swiftSettings
        ),
        // YAZ's character conversion, for MARC-8 records (Debian's libyaz-dev). Without its
        // pkg-config entry, whose defines SwiftPM refuses with a warning on every build.
        .systemLibrary(name: "CYaz", path: "Sources/CYaz"),
        // Discovery records (PNX) and search-index fields derived from MARC, for Primo.
        .target(
            name: "LecternDiscovery",
            dependencies: ["LecternMARC", "LecternRepresentation", "LecternCore", "LecternStore"],
            swiftSettings: swiftSettings
        ),
        // 6 The representation engine.
        .target(
            name: "LecternRepresentation",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LecternCore",
            dependencies: ["LecternRepresentation"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "LecternTesting",
            dependencies: [
                "LecternCore", "LecternApplication", "LecternAlma", "LecternHTTP", "LecternGateway", "LecternStore", "LecternSQLite", "LecternDemo", "LecternPortal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Fuzzing, by hand (Fuzz/README.md): the parsers' invariants, and libFuzzer's driver.
        .target(
            name: "LecternFuzzing",
            dependencies: ["LecternRepresentation", "LecternMARC", "LecternDiscovery", "LecternPeople"],
            path: "Fuzz/LecternFuzzing",
            swiftSettings: swiftSettings
        ),
        .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "LecternFuzz",
            dependencies: ["LecternFuzzing", "CLibFuzzer"],
            path: "Fuzz/LecternFuzz",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "LecternBench",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/LecternBench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternRepresentationTests",
            dependencies: ["LecternRepresentation", "LecternTesting", "LecternCore"],
            exclude: ["Recorded"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternAlmaTests",
            dependencies: [
                "LecternAlma", "LecternPeople", "LecternRepresentation", "LecternTesting", "LecternHTTP", "LecternCore", "LecternGateway",
                "LecternStore", "LecternSQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Recorded"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternCoreTests",
            dependencies: ["LecternCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternGatewayTests",
            dependencies: [
                "LecternGateway", "LecternCore", "LecternTesting", "LecternHTTP", "LecternStore", "LecternSQLite", "LecternApplication",
                "LecternAlma", "LecternPrimo", "LecternEsploro",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Recorded"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternFuzzTests",
            dependencies: ["LecternFuzzing"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternMARCTests",
            dependencies: ["LecternMARC", "LecternCore"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternImportTests",
            dependencies: ["LecternImport", "LecternMARC", "LecternAlma"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternDiscoveryTests",
            dependencies: ["LecternDiscovery", "LecternMARC", "LecternRepresentation", "LecternCore", "LecternStore"],
            exclude: ["Recorded"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternPrimoTests",
            dependencies: [
                "LecternTesting", "LecternCore", "LecternSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternPortalTests",
            dependencies: [
                "LecternTesting", "LecternCore", "LecternPortal", "LecternStore", "LecternSQLite",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternEsploroTests",
            dependencies: [
                "LecternTesting", "LecternCore", "LecternEsploro", "LecternDiscovery", "LecternMARC", "LecternRepresentation", "LecternStore",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            exclude: ["Recorded"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternOpenAPITests",
            dependencies: [
                "LecternOpenAPI", "LecternCore", "LecternHTTP", "LecternTesting", "LecternApplication", "LecternAlma", "LecternPrimo",
                "LecternEsploro",
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternDemoTests",
            dependencies: ["LecternDemo", "LecternMARC", "LecternCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternStoreTests",
            dependencies: [
                "LecternStore", "LecternSQLite", "LecternCore", "LecternRepresentation", "LecternTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternArchitectureTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "LecternCLITests",
            dependencies: ["lectern", "LecternTesting"],
            swiftSettings: swiftSettings
        ),
    ]
)
