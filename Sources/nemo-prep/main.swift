import NemoCLI

CommandMain.run(PrepCommand.self)
