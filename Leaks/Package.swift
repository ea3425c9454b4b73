// swift-tools-version:6.2
import PackageDescription

/// The root package's strict settings, for the code of this package.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// `nemo-leaks`: loops over the operations that own C handles (libcurl, libvips, libav) and reports resident
/// memory, to run plainly, under valgrind, or built with `--sanitize=address` for LeakSanitizer (see `scripts/harden`).
///
/// A package of its own so that the root package gains no target that only the hardening run needs.
let package = Package(
    name: "nemo-leaks",
    dependencies: [
        // Named, so that products resolve whatever folder the checkout is in (the identity is the folder name).
        .package(name: "nemo", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "nemo-leaks",
            dependencies: [
                .product(name: "NemoAPI", package: "nemo"),
                .product(name: "NemoMock", package: "nemo"),
                .product(name: "NemoPrep", package: "nemo"),
                .product(name: "NemoRender", package: "nemo"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
