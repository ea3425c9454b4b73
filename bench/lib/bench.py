#!/usr/bin/env python3
"""bench/run's driver: runs the sections asked for, saves their results, and rewrites bench/RESULTS.md.

    bench.py [--quick] [section...]     sections: prep, sse, stream, transfer, mock, pipeline (default: these);
                                        soak only when named

A section is a module with run(quick) -> dict (saved to .work/results/SECTION.json) and a markdown renderer in
report.py; RESULTS.md shows every section that has saved results, so running one section keeps the others' tables.
"""
import sys
import time

import common
import mockserver
import pipeline
import prep
import report
import soak
import sse
import stream
import transfer

SECTIONS = {"prep": prep.run, "sse": sse.run, "stream": stream.run, "transfer": transfer.run, "mock": mockserver.run,
            "pipeline": pipeline.run, "soak": soak.run}
DEFAULT = ["prep", "sse", "stream", "transfer", "mock", "pipeline"]


def main(arguments):
    quick = "--quick" in arguments
    asked = [a for a in arguments if not a.startswith("--")] or DEFAULT
    unknown = [a for a in asked if a not in SECTIONS]
    if unknown:
        print(f"unknown section(s): {', '.join(unknown)}; known: {', '.join(SECTIONS)}", file=sys.stderr)
        return 2
    for name in asked:
        started = time.time()
        common.log(f"section {name} ({'quick' if quick else 'full'})")
        result = SECTIONS[name](quick)
        result["started"] = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(started))
        result["minutes"] = (time.time() - started) / 60
        common.save(name, result)
        common.log(f"section {name} done in {result['minutes']:.1f} min")
    path = report.write()
    common.log(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
