import Foundation
import SchedCLI

exit(await SchedCommand.run(Array(CommandLine.arguments.dropFirst()), io: .standard).rawValue)
