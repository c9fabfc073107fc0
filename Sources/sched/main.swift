import SchedCLI

SchedCommand.main()
