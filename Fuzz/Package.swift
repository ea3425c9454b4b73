// swift-tools-version:6.2
import PackageDescription

/// The same strict settings as the root package.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// One libFuzzer executable per fuzz target. Build only with the fuzzer flags (see `Fuzz/run`):
///
///     swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
func fuzzTarget(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(name: name, dependencies: ["CFuzzerDriver"] + dependencies, swiftSettings: strictSettings)
}

let package = Package(
    name: "nemo-fuzz",
    dependencies: [
        // Named, so that products resolve whatever folder the checkout is in (the identity is the folder name).
        .package(name: "nemo", path: ".."),
    ],
    targets: [
        // Calls libFuzzer's driver from SwiftPM's renamed entry point (see CFuzzerDriver.h).
        .target(name: "CFuzzerDriver"),
        fuzzTarget(
            "fuzz-sse",
            [.product(name: "NemoSSEReference", package: "nemo"), .product(name: "NemoSSE", package: "nemo")]),
        fuzzTarget("fuzz-agent-events", [.product(name: "NemoAPI", package: "nemo")]),
        fuzzTarget("fuzz-timeline", [.product(name: "NemoAPI", package: "nemo")]),
        fuzzTarget("fuzz-transcript", [.product(name: "NemoMock", package: "nemo")]),
        fuzzTarget("fuzz-mock-request", [.product(name: "NemoMock", package: "nemo")]),
        fuzzTarget("fuzz-prep-header", [.product(name: "NemoPrep", package: "nemo")]),
    ]
)
