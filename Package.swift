// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Proctor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "proctor", targets: ["proctor"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "TermUI", dependencies: ["CNcurses"]),
        .target(
            name: "StudyCore",
            dependencies: [
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "ProctorApp", dependencies: ["TermUI", "StudyCore"]),
        .executableTarget(
            name: "proctor",
            dependencies: [
                "ProctorApp", "StudyCore", "TermUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TermUITests", dependencies: ["TermUI"]),
        .testTarget(name: "StudyCoreTests", dependencies: ["StudyCore"]),
        .testTarget(name: "ProctorAppTests", dependencies: ["ProctorApp", "TermUI", "StudyCore"]),
    ]
)
