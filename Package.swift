// swift-tools-version:6.2
import PackageDescription

/// Settings every target of ours shares: Swift 6 language mode (complete concurrency checking)
/// plus the upcoming features the best server-side packages enable.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "nemo",
    products: [
        .executable(name: "nemo", targets: ["nemo"]),
        .executable(name: "nemo-prep", targets: ["nemo-prep"]),
        .executable(name: "nemo-mock", targets: ["nemo-mock"]),
        .library(name: "NemoCore", targets: ["NemoCore"]),
        .library(name: "NemoSSE", targets: ["NemoSSE"]),
        .library(name: "NemoSSEReference", targets: ["NemoSSEReference"]),
        .library(name: "NemoPrep", targets: ["NemoPrep"]),
        .library(name: "NemoAPI", targets: ["NemoAPI"]),
        .library(name: "NemoMock", targets: ["NemoMock"]),
        .library(name: "NemoRender", targets: ["NemoRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C system libraries: only their wrapper targets import them.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .systemLibrary(
            name: "CAV",
            pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev", "libswresample-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),

        // Libraries.
        .target(
            name: "NemoCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NemoSSE",
            swiftSettings: strictSettings
        ),
        // A slow, spec-literal SSE parser: the oracle the tests and the differential fuzzer compare NemoSSE with.
        .target(
            name: "NemoSSEReference",
            dependencies: ["NemoSSE"],
            swiftSettings: strictSettings
        ),
        // The libvips wrappers nemo-prep and the renderer share (package access only).
        .target(
            name: "NemoVips",
            dependencies: ["CVips"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NemoPrep",
            dependencies: [
                "CVips",
                "NemoVips",
                "NemoCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NemoAPI",
            dependencies: [
                "CCurl",
                "NemoCore",
                "NemoSSE",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The offline renderer: a timeline draft and its images become an H.264/AAC MP4.
        .target(
            name: "NemoRender",
            dependencies: ["CVips", "CAV", "NemoVips", "NemoCore", "NemoAPI"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "NemoMock",
            dependencies: [
                "NemoCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "MockServer/Sources/NemoMock",
            swiftSettings: strictSettings
        ),
        .target(
            name: "NemoCLI",
            dependencies: [
                "NemoCore",
                "NemoPrep",
                "NemoAPI",
                "NemoSSE",
                "NemoMock",
                "NemoRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),

        // Executables: thin @main wrappers.
        .executableTarget(
            name: "nemo-prep",
            dependencies: ["NemoCLI"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "nemo",
            dependencies: ["NemoCLI"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "nemo-mock",
            dependencies: [
                "NemoMock",
                "NemoRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "MockServer/Sources/nemo-mock",
            swiftSettings: strictSettings
        ),

        // Tests (Swift Testing).
        // What the test targets share: how they stretch real-time windows under sanitizers (scripts/harden),
        // and how they start child processes (posix_spawn: Foundation's Process crashes now and then on Linux).
        .systemLibrary(name: "CSpawn", path: "Tests/CSpawn"),
        .target(
            name: "NemoTestSupport", dependencies: ["CSpawn"], path: "Tests/NemoTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "NemoSSETests",
            dependencies: ["NemoSSE", "NemoSSEReference", "NemoCore"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NemoPrepTests",
            dependencies: ["NemoPrep", "NemoVips", "NemoCore", "CVips"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NemoAPITests",
            dependencies: ["NemoAPI", "NemoSSE", "NemoCore", "NemoMock", "NemoTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NemoRenderTests",
            dependencies: ["NemoRender", "NemoAPI", "NemoTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["nemo", "nemo-prep", "nemo-mock", "NemoAPI", "NemoTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "NemoMockTests",
            dependencies: [
                "NemoMock",
                "NemoCore",
                "NemoTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
