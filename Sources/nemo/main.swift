import NemoCLI

CommandMain.run(NemoCommand.self)
