// swift-tools-version: 6.1
import PackageDescription

/// Settings every target shares: explicit existentials, imports visible only where declared, and
/// internal imports unless a file re-exports a type in its public API.
let sharedSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "steward",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "steward", targets: ["steward"]),
        .executable(name: "steward-bench", targets: ["StewardBench"]),
        .library(name: "StewardCore", targets: ["StewardCore"]),
        .library(name: "StewardSQLite", targets: ["StewardSQLite"]),
        // The conformance suite and test helpers, for a store in another target or package.
        .library(name: "StewardTesting", targets: ["StewardTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // swift-configuration support is not used: settings come from the command line.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // A streaming multipart/form-data parser, for uploads from browsers' file fields.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(
            name: "StewardCore",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "StewardSQLite",
            dependencies: [
                "StewardCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "StewardWorkflows",
            dependencies: ["StewardCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "StewardCRM",
            dependencies: [
                "StewardCore", "StewardSQLite", "StewardWorkflows", "CCurl",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: sharedSettings
        ),
        // The composition root: opens the store, owns the kinds, the workflow directory, the
        // routes and schedules derived from it, and the pool's setup. Front ends build on it.
        .target(
            name: "StewardApp",
            dependencies: [
                "StewardCore", "StewardSQLite", "StewardWorkflows", "StewardCRM",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: sharedSettings
        ),
        // The HTTP API: routes over the composition root's services, problem+json, OpenAPI.
        .target(
            name: "StewardHTTP",
            dependencies: [
                "StewardApp", "StewardCore", "StewardSQLite", "StewardWorkflows", "StewardCRM",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: sharedSettings
        ),
        .target(
            name: "StewardCLI",
            dependencies: [
                "StewardApp",
                "StewardHTTP",
                "StewardCore",
                "StewardSQLite",
                "StewardWorkflows",
                "StewardCRM",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: sharedSettings
        ),
        .executableTarget(
            name: "steward",
            dependencies: ["StewardCLI"],
            swiftSettings: sharedSettings
        ),
        .executableTarget(
            name: "StewardBench",
            dependencies: [
                "StewardCore", "StewardSQLite", "StewardCRM", "StewardWorkflows",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "bench/Sources/StewardBench",
            swiftSettings: sharedSettings
        ),
        .target(
            name: "StewardTesting",
            dependencies: ["StewardCore", "StewardSQLite", .product(name: "Logging", package: "swift-log")],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "StewardCoreTests",
            dependencies: ["StewardCore", "StewardTesting"],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "StewardSQLiteTests",
            dependencies: [
                "StewardCore", "StewardSQLite", "StewardTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "StewardWorkflowsTests",
            dependencies: ["StewardWorkflows", "StewardCore", "StewardTesting"],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "StewardCRMTests",
            dependencies: ["StewardCRM", "StewardCore", "StewardSQLite", "StewardWorkflows", "StewardTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "StewardHTTPTests",
            dependencies: [
                "StewardHTTP", "StewardApp", "StewardCore", "StewardSQLite", "StewardCRM", "StewardWorkflows", "StewardTesting",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: sharedSettings
        ),
        .testTarget(
            name: "StewardCLITests",
            dependencies: ["StewardCLI", "StewardApp", "StewardCore", "StewardSQLite", "StewardCRM", "StewardTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: sharedSettings
        ),
    ]
)
