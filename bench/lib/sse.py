"""Section "sse": NemoSSE.SSEParser against a C parser, a memchr splitter, httpx-sse and mattt/EventSource."""
import json
import os
import re
import shutil
import subprocess

from common import BENCH, BIN, SWIFT_RELEASE, WORK, log, machine_load, median, run_json

ANCHORS = BENCH / "anchors"
SHAPES = ["lf", "crlf", "mixed"]
CHUNKS = [1, 64, 4096, 65536]
ALLOCATION_SAMPLE = 4_000_000


def generate(megabytes):
    folder = WORK / f"sse-{megabytes}mb"
    if not (folder / "expected.json").exists():
        log(f"generating {megabytes} MB streams")
        subprocess.run(["python3", ANCHORS / "gen_sse.py", folder, str(megabytes)], check=True,
                       stdout=subprocess.DEVNULL)
    return folder, json.loads((folder / "expected.json").read_text())


def parsers(eventsource):
    """Each parser's command for (file, chunk, min seconds, max bytes), and the bytes it is given per chunk size.

    The slow parsers get a prefix of the stream at small chunk sizes so a run stays within seconds; MB/s is computed
    on the bytes each was given (the stream is homogeneous, so a prefix of a few MB is representative).
    """
    table = {
        "nemo": ([SWIFT_RELEASE / "nemo-sse-bench"], {}),
        "C parser": ([BIN / "sse_parse", "parse"], {}),
        "C memchr splitter": ([BIN / "sse_parse", "memchr"], {}),
        "httpx-sse": (["python3", ANCHORS / "httpx_sse_bench.py"], {1: 300_000, 64: 20_000_000}),
    }
    if eventsource:
        table["mattt/EventSource"] = ([eventsource], {1: 4_000_000, 64: 10_000_000, 4096: 20_000_000,
                                                      65536: 20_000_000})
    return table


def build_eventsource():
    """Tries to build the mattt/EventSource anchor; returns (binary or None, the compiler's error lines)."""
    package = ANCHORS / "eventsource-anchor"
    scratch = WORK / "eventsource-build"
    log("building the mattt/EventSource anchor (expected to fail on Linux)")
    result = subprocess.run(["swift", "build", "-c", "release", "--package-path", package, "--scratch-path", scratch],
                            capture_output=True, text=True)
    if result.returncode == 0:
        return scratch / "release" / "eventsource-bench", []
    errors = [line.strip() for line in (result.stdout + result.stderr).splitlines()
              if "error:" in line and not line.strip().startswith("|")]
    errors = [re.sub(r"^.*/checkouts/", "", line) for line in errors]
    return None, list(dict.fromkeys(errors))[:4] or [(result.stdout + result.stderr)[-600:]]


def allocations(folder):
    """Allocations per event from ordo-one/benchmark's malloc counter (the SSEAllocations benchmark target).

    The benchmark executable runs on its own (it prints each metric's histogram, the mean included): the JSON export
    of `swift package benchmark` rounds counts to thousands, which hides a figure of about one per event.
    """
    log("allocations per event (ordo-one/benchmark, SSEAllocations)")
    build = subprocess.run(["swift", "build", "--package-path", BENCH, "-c", "release", "--product", "SSEAllocations"],
                           capture_output=True, text=True)
    if build.returncode != 0:
        return {"error": (build.stderr or build.stdout)[-800:]}
    env = dict(os.environ, NEMO_BENCH_SSE_DIR=str(folder), NEMO_BENCH_SSE_SAMPLE=str(ALLOCATION_SAMPLE))
    result = subprocess.run([SWIFT_RELEASE / "SSEAllocations", "--quiet", "true"], capture_output=True, text=True,
                            env=env)
    if result.returncode != 0:
        return {"error": (result.stderr or result.stdout)[-800:]}
    mallocs = {}
    for block in result.stdout.split("results for ")[1:]:
        name = re.match(r"parse (\w+) (\d+) B:", block)
        mean = re.search(r"Malloc \(total\):.*?Mean\s*=\s*([\d.]+)", block, re.S)
        if name and mean:
            mallocs[(name.group(1), int(name.group(2)))] = float(mean.group(1))
    if not mallocs:
        return {"error": "no malloc counts in the benchmark's output: " + result.stdout[-400:]}
    out = {}
    for shape in SHAPES:
        sample = run_json([BIN / "sse_parse", "parse", folder / f"{shape}.sse", "65536", "0",
                           str(ALLOCATION_SAMPLE)])
        for chunk in CHUNKS:
            if (shape, chunk) in mallocs:
                out[f"{shape} {chunk}"] = {"mallocs": mallocs[(shape, chunk)], "events": sample["events"],
                                           "per_event": mallocs[(shape, chunk)] / sample["events"]}
    return out


def profile(folder):
    """Where nemo's parsing time goes: perf samples (cpu-clock) of nemo-sse-bench on the LF stream, 4 KiB chunks."""
    if shutil.which("perf") is None:
        return {"error": "perf is not installed"}
    data = WORK / "perf-nemo-sse.data"
    record = subprocess.run(["perf", "record", "-e", "cpu-clock", "-F", "1999", "-o", data, "--",
                             SWIFT_RELEASE / "nemo-sse-bench", folder / "lf.sse", "4096", "2"],
                            capture_output=True, text=True)
    if record.returncode != 0:
        return {"error": f"perf record failed: {record.stderr[-400:]}"}
    report = subprocess.run(["perf", "report", "-i", data, "--stdio", "--sort", "dso,sym", "--percent-limit", "0.5"],
                            capture_output=True, text=True).stdout
    rows = []
    for line in report.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0].endswith("%") and parts[2].startswith("["):
            rows.append({"share": float(parts[0][:-1]), "dso": parts[1], "symbol": " ".join(parts[3:])[:90]})
    return {"top": rows[:14]}


def run(quick):
    megabytes = 10 if quick else 100
    folder, expected = generate(megabytes)
    eventsource, eventsource_errors = build_eventsource()
    table = parsers(eventsource)
    reps = 1 if quick else 3
    min_seconds = "0.3" if quick else "0.5"
    results = {name: {shape: {chunk: [] for chunk in CHUNKS} for shape in SHAPES} for name in table}
    mismatches = []
    conditions = []
    for rep in range(reps):
        conditions.append(machine_load())
        names = list(table)
        names = names[rep % len(names):] + names[:rep % len(names)]
        for shape in SHAPES:
            for chunk in CHUNKS:
                log(f"sse round {rep + 1}/{reps}: {shape}, {chunk} B chunks")
                for name in names:
                    command, limits = table[name]
                    limit = limits.get(chunk)
                    args = [*command, folder / f"{shape}.sse", str(chunk), min_seconds]
                    if limit:
                        args.append(str(limit))
                    out = run_json(args, timeout=900)
                    if not limit and name != "C memchr splitter" and (
                            out["events"], out["data_bytes"]) != (expected["events"], expected["data_bytes"]):
                        mismatches.append(f"{name} {shape} {chunk}: {out['events']} events, {out['data_bytes']} "
                                          f"data bytes (expected {expected['events']}, {expected['data_bytes']})")
                    results[name][shape][chunk].append(
                        {"mbps": out["bytes"] / median(out["seconds"]) / 1e6, "bytes": out["bytes"]})
    summary = {name: {shape: {str(chunk): {"mbps": median([r["mbps"] for r in runs]), "bytes": runs[0]["bytes"]}
                              for chunk, runs in by_chunk.items()} for shape, by_chunk in by_shape.items()}
               for name, by_shape in results.items()}
    return {"quick": quick, "megabytes": megabytes, "expected": expected, "reps": reps, "summary": summary,
            "mismatches": mismatches, "conditions": conditions, "eventsource_errors": eventsource_errors,
            "allocations": allocations(folder), "profile": profile(folder)}
