#ifndef NEMO_CFUZZERDRIVER_H
#define NEMO_CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer's driver (command line, corpus, mutation loop) on `test_one_input`.
///
/// Why: on Linux SwiftPM links every executable with `--defsym main=<module>_main`, and a module built with
/// `-parse-as-library` and no `@main` has no such symbol, so the link fails. Each fuzz target therefore defines
/// `<module>_main` and calls this, which does exactly what libFuzzer's own `main` does.
int nemo_fuzz_run(int argc, char **argv, int (*test_one_input)(const uint8_t *data, size_t size));

#endif
