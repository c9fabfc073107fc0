import Foundation
import PackagePlugin

/// Lists the function specs of a target's `Functions/` folder in a generated source file
/// (`FunctionRegistry.specs`), so that adding a function is adding its file: no
/// central list to edit. See Sources/FunctionListGenerator.
@main
struct FunctionListPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles(withSuffix: "swift").map(\.url)
            .filter { $0.deletingLastPathComponent().lastPathComponent == "Functions" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "FunctionRegistry+Specs.swift")
        return [
            .buildCommand(
                displayName: "Listing the function specs of \(target.name)",
                executable: try context.tool(named: "FunctionListGenerator").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            ),
        ]
    }
}
