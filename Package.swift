// swift-tools-version: 6.0
import PackageDescription
import Foundation

/// FLINT 2.9 ships Calcium separately (Debian's libcalcium-dev: headers in
/// /usr/include/calcium, library libcalcium); FLINT 3 contains it. Link the separate
/// library only where its headers are installed (Sources/CFlintArb/shim_calcium.h makes
/// the same choice for the headers).
let calciumIsSeparateLibrary = FileManager.default.fileExists(atPath: "/usr/include/calcium/qqbar.h")

let package = Package(
    name: "sched",
    products: [
        .executable(name: "sched", targets: ["sched"]),
        .library(name: "Exact", targets: ["Exact"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // GMP + FLINT 2.9 + Arb 2.23 + Calcium 0.4, behind one shim header. Only `Exact` imports it.
        .systemLibrary(name: "CFlintArb", path: "Sources/CFlintArb"),
        .target(
            name: "Exact",
            dependencies: ["CFlintArb"],
            linkerSettings: calciumIsSeparateLibrary ? [.linkedLibrary("calcium")] : []
        ),
        // Expressions, canonical forms and the function registry (one file per function in
        // Sources/Symbolic/Functions, listed at build time by FunctionListPlugin).
        .target(name: "Symbolic", dependencies: ["Exact"], plugins: ["FunctionListPlugin"]),
        .executableTarget(name: "FunctionListGenerator"),
        .plugin(name: "FunctionListPlugin", capability: .buildTool(), dependencies: ["FunctionListGenerator"]),
        // The schedule-file language (grammar/schedule.ebnf) and the unified-model analysis.
        .target(name: "Schedules", dependencies: ["Exact", "Symbolic"]),
        // `sched latex`: derivations, Table I and pgfplots figures.
        .target(name: "LaTeX", dependencies: ["Exact", "Symbolic", "Schedules"]),
        // `sched codegen`: the unified-model quantities as NumPy code, stable forms proven
        // equal to the formulas, and the measured error of the generated code.
        .target(name: "Codegen", dependencies: ["Exact", "Symbolic", "Schedules"]),
        // The engine of `sched repl`: session state, statements, queries, commands, plots
        // (no terminal; tested through `ReplSession.execute`).
        .target(name: "REPL", dependencies: ["Exact", "Symbolic", "Schedules", "Lint"]),
        // libedit (apt package libedit-dev), for the line editor of `sched repl`.
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine"),
        // `sched lint`: the rules (one per file in Sources/Lint/Rules), the engine and the reporters.
        .target(name: "Lint", dependencies: ["Exact", "Symbolic", "Schedules"]),
        .target(
            name: "SchedCLI",
            dependencies: [
                "Exact",
                "Symbolic",
                "Schedules",
                "LaTeX",
                "Codegen",
                "REPL",
                "CEditLine",
                "Lint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sched", dependencies: ["SchedCLI"]),
        // Per-operation timings for bench/ (not installed, not part of the product).
        .executableTarget(name: "sched-bench", dependencies: ["Exact", "Symbolic", "SchedTestSupport"], path: "bench/Sources/sched-bench"),
        // Generators of test inputs, shared by the test suites and the benchmarks.
        .target(name: "SchedTestSupport", dependencies: ["Exact", "Symbolic"]),
        // For the test targets only: the tier tags (.oracle, .slow) and the one helper
        // that runs a subprocess (python3 oracles, pdflatex, the few end-to-end runs).
        .target(name: "SchedTestHarness", path: "Tests/SchedTestHarness"),
        .testTarget(name: "ExactTests", dependencies: ["Exact", "SchedTestSupport", "SchedTestHarness"]),
        .testTarget(name: "SymbolicTests", dependencies: ["Symbolic", "SchedTestSupport", "SchedTestHarness"]),
        .testTarget(name: "SchedulesTests", dependencies: ["Schedules", "Symbolic", "Exact", "SchedTestSupport", "SchedTestHarness"]),
        .testTarget(name: "SchedCLITests", dependencies: ["SchedCLI", "Exact", "SchedTestHarness"]),
        .testTarget(name: "LaTeXTests", dependencies: ["LaTeX", "SchedCLI", "Schedules", "Symbolic", "Exact", "SchedTestHarness"], exclude: ["Golden"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "Schedules", "Symbolic", "Exact"]),
        .testTarget(name: "CodegenTests", dependencies: ["Codegen", "SchedCLI", "Schedules", "Symbolic", "Exact", "SchedTestHarness"], exclude: ["Golden"]),
        .testTarget(name: "LintTests", dependencies: ["Lint", "Schedules", "Symbolic", "Exact", "SchedTestHarness"]),
    ],
    swiftLanguageModes: [.v6]
)
