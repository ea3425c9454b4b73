import NemoCLI

await CommandMain.run(NemoCommand.self)
