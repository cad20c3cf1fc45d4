// swift-tools-version: 6.1
// Measures Steward's CSV reader against the maintained Swift CSV libraries on the same file:
// the reason the import job reads bytes itself (bench/csv-reader runs it). Builds the
// very source files the import job uses (linked from Sources/StewardCRM/Imports/CSV).
import PackageDescription

let package = Package(
    name: "csv-readers",
    dependencies: [
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "csv-readers",
            dependencies: [.product(name: "CSV", package: "CSV.swift"), .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
    ]
)
