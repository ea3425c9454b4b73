import NemoCLI

await CommandMain.run(PrepCommand.self)
