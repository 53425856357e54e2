// swift-tools-version: 6.0
import PackageDescription

// The logic lives in libraries, one per concern, so each can be built and tested on its own;
// the `redflag` executable only wires them to the command line.
let package = Package(
    name: "redflag",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "redflag", targets: ["redflag"]),
        .executable(name: "redflag-bench", targets: ["redflag-bench"]),
        .library(name: "RedFlagKit", targets: ["RedFlagKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // PostgreSQL for a team's shared store (`--database postgres://…`).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // HTTP(S) for `lists update` (already in the graph through postgres-nio): event-loop I/O
        // that sleeps while a server is silent, where Linux URLSession spins.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        // The HTTP service (`redflag serve`): server, graceful shutdown, logs, Prometheus metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // zlib: inflating the ZIP container of XLSX workbooks, compressing the audit trail.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // OpenSSL's libcrypto for SHA-256: it uses the CPU's SHA instructions.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        // Build-time: embeds every file under Lists/ (and the git commit) into RedFlagCore, so the
        // binary alone is a complete install. Lists/ is read afresh on every build.
        .executableTarget(name: "ProjectDataEmbedder", path: "Plugins/ProjectDataEmbedder"),
        .plugin(name: "EmbedProjectData", capability: .buildTool(), dependencies: ["ProjectDataEmbedder"]),
        // The list model, country table, CSV reader, partial dates, hashing: shared by every module.
        .target(name: "RedFlagCore", dependencies: ["CCrypto"], plugins: ["EmbedProjectData"]),
        // List parsers (CSL, OFAC, UN, EU, UK), format detection, the local list store and updates.
        .target(name: "RedFlagLists", dependencies: [
            "RedFlagCore", "CLibXML2", "CZlib",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        // Name analysis, the candidate index, scoring, explanations and the screening decision.
        .target(name: "RedFlagMatching", dependencies: ["RedFlagCore"]),
        // The red-flag catalog, country groups, order export reading, rules, history, case files.
        // The history is reached through `OrderHistoryStoring`: this module knows no database.
        .target(name: "RedFlagRules", dependencies: ["RedFlagCore"]),
        // Composition: loads lists and the prebuilt index, runs screening and checks as pipelines;
        // the stores are reached through protocols (`StoreProvider`).
        .target(name: "RedFlagKit", dependencies: [
            "RedFlagCore", "RedFlagLists", "RedFlagMatching", "RedFlagRules",
        ]),
        // Every database: order history, known parties, audit trail, allow-list, with migrations.
        .target(name: "RedFlagStorage", dependencies: [
            "RedFlagCore", "RedFlagLists", "RedFlagRules", "RedFlagKit", "CZlib", "CCrypto",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // The HTTP service: router, handlers, API keys, metrics and the OpenAPI document. A library so
        // tests drive it in-process; the `serve` command only wires options to it.
        .target(name: "RedFlagServer", dependencies: [
            "RedFlagKit", "RedFlagStorage", "RedFlagCore", "RedFlagLists", "RedFlagMatching", "RedFlagRules",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .executableTarget(name: "redflag", dependencies: [
            "RedFlagServer", "RedFlagKit",
            .product(name: "Logging", package: "swift-log"), "RedFlagStorage", "RedFlagCore", "RedFlagLists", "RedFlagMatching", "RedFlagRules",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Synthetic order exports and names for benchmarks and the precision corpus: not in the product.
        .target(name: "RedFlagSynthetic", dependencies: ["RedFlagCore", "RedFlagRules", "RedFlagKit"]),
        // The benchmarks: time the `redflag` executable built beside them, as child processes.
        .executableTarget(name: "redflag-bench", dependencies: [
            "RedFlagKit", "RedFlagCore", "RedFlagLists", "RedFlagSynthetic",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "RedFlagCoreTests", dependencies: ["RedFlagCore"]),
        .testTarget(name: "RedFlagListsTests", dependencies: ["RedFlagLists", "RedFlagCore"]),
        .testTarget(
            name: "RedFlagMatchingTests",
            dependencies: ["RedFlagMatching", "RedFlagLists", "RedFlagKit", "RedFlagCore"],
            // The evaluation set and its generator/scoring scripts are read by path, not bundled.
            exclude: ["Evaluation/Data"]
        ),
        .testTarget(name: "RedFlagRulesTests", dependencies: ["RedFlagRules", "RedFlagStorage", "RedFlagCore"]),
        .testTarget(name: "RedFlagKitTests", dependencies: ["RedFlagKit", "RedFlagSynthetic", "RedFlagStorage", "RedFlagLists", "RedFlagMatching", "RedFlagRules", "RedFlagCore"]),
        .testTarget(name: "RedFlagStorageTests", dependencies: [
            "RedFlagStorage", "RedFlagKit", "RedFlagRules", "RedFlagLists", "RedFlagCore",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "RedFlagCLITests", dependencies: ["RedFlagCore"]),
        .testTarget(name: "RedFlagServerTests", dependencies: [
            "RedFlagServer", "RedFlagKit", "RedFlagStorage", "RedFlagCore",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
