import SchedCLI

SchedCommand.runAndExit()
