// swift-tools-version:6.2
import PackageDescription

/// The mattt/EventSource anchor, kept out of the bench package so that `swift build --package-path bench` stays green
/// while EventSource 1.1.1 does not compile on Linux (it calls `URLSession.bytes`, which Linux Foundation lacks).
/// `bench/run` tries to build it on every run and reports the compiler's error, or the figures once it builds.
let package = Package(
    name: "eventsource-anchor",
    dependencies: [
        .package(url: "https://github.com/mattt/EventSource", exact: "1.1.1")
    ],
    targets: [
        .executableTarget(
            name: "eventsource-bench",
            dependencies: [.product(name: "EventSource", package: "EventSource")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
