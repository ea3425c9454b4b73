// swift-tools-version:6.2
import PackageDescription

/// The root package's strict settings, for the code of this package.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The benchmarks of nemo, measured side by side with the tools users would otherwise pick (see `run`).
///
/// A package of its own so that the root package gains no benchmark dependency.
let package = Package(
    name: "nemo-bench",
    dependencies: [
        .package(name: "nemo", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // nemo-mock's server with the limits a benchmark needs raised (multi-gigabyte uploads, unlimited tokens).
        .executableTarget(
            name: "nemo-bench-mock",
            dependencies: [.product(name: "NemoMock", package: "nemo")],
            swiftSettings: strictSettings
        ),
        // Throughput of NemoSSE.SSEParser fed a stream in fixed-size chunks, printed like the anchors' figures.
        .executableTarget(
            name: "nemo-sse-bench",
            dependencies: [.product(name: "NemoSSE", package: "nemo")],
            swiftSettings: strictSettings
        ),
        // Allocations per event (ordo-one/benchmark's malloc counters): `swift package benchmark`.
        .executableTarget(
            name: "SSEAllocations",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "NemoSSE", package: "nemo"),
            ],
            path: "Benchmarks/SSEAllocations",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
