import Testing
@testable import SchedCLI

@Test func rootsCommandParsesArguments() throws {
    let command = try SchedCommand.parseAsRoot(["roots", "2", "-1", "-4", "2", "--in", "[0, 2]"])
    #expect(command is RootsCommand)
}
