"""Section "pipeline": `nemo run` on 5 photos with the embedded mock (time scale 0), wall time per phase.

Phases are read from the times nemo's output lines arrive (`--json` events on stdout, `--log-level info` lines on
stderr): prep (process start, embedded mock start, nemo-prep: until `prep_done`), token (until "nemo token obtained"),
session (until `session`), upload (until `uploaded`), stream (the message sent until `message_done`), export (render
submitted and polled until `render` completed), download (until `result`), exit (until the process ended).
"""
import json
import os
import subprocess
import threading
import time

import service
from common import ROOT, WORK, log, machine_load, median

PHASES = ["prep", "token", "session", "upload", "stream", "export", "download", "exit"]


def timed_lines(command, env):
    """Runs `command`; returns [(seconds since start, stream, line)] and the exit code and peak RSS."""
    report = WORK / "time-pipeline.txt"  # GNU time's peak RSS: see service.timed()
    start = time.perf_counter()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", str(report), *map(str, command)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = []

    def read(pipe, name):
        for raw in iter(pipe.readline, b""):
            lines.append((time.perf_counter() - start, name, raw.decode(errors="replace").rstrip("\n")))

    readers = [threading.Thread(target=read, args=(process.stdout, "out")),
               threading.Thread(target=read, args=(process.stderr, "err"))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    end = time.perf_counter() - start
    for reader in readers:
        reader.join()
    peak = int(report.read_text().split()[-1]) if report.exists() else 0
    return sorted(lines), os.waitstatus_to_exitcode(status), peak, end


def phases(lines, end):
    """Each phase's wall seconds from the arrival times of its closing line."""
    marks = {}
    for at, stream, line in lines:
        event = None
        if stream == "out":
            try:
                event = json.loads(line)
            except json.JSONDecodeError:
                continue
            name = event.get("event")
            if name == "prep_done":
                marks.setdefault("prep", at)
            elif name == "session":
                marks.setdefault("session", at)
            elif name == "uploaded":
                marks.setdefault("upload", at)
            elif name == "message_done":
                marks.setdefault("stream", at)
            elif name == "render" and event.get("status") == "completed":
                marks.setdefault("export", at)
            elif name == "result":
                marks.setdefault("download", at)
        elif "nemo token obtained" in line:
            marks.setdefault("token", at)
    marks["exit"] = end
    missing = [p for p in PHASES if p not in marks]
    if missing:
        raise RuntimeError(f"nemo run's output lacked the marks of {missing}")
    out, previous = {}, 0.0
    for phase in PHASES:
        out[phase] = marks[phase] - previous
        previous = marks[phase]
    return out


def corpora(quick):
    """(name, photos, the embedded mock's render mode, rounds) of each measured set.

    `recorded`: the mock's export serves its recorded clip, as the service renders on its side (the target's
    figure). `local`: nemo's offline renderer (NemoRender) makes the video from the photos (the default of
    `--backend mock`; context: its cost is the renderer's, not the service's).
    """
    rounds = 2 if quick else 5
    samples = sorted((ROOT / "Fixtures" / "images").iterdir())
    sets = [("Fixtures/images (the 5 sample photos)", samples, "recorded", rounds)]
    corpus = WORK / "corpus-v1"
    big = sorted(corpus.glob("photo*.jpg"))[:5] if corpus.exists() else []
    if len(big) == 5:
        sets.append(("5 of the prep corpus's 24 MP JPEGs", big, "recorded", rounds))
    sets.append(("Fixtures/images, offline renderer (`--mock-render local`)", samples, "local", 1 if quick else 2))
    return sets


def run(quick):
    result = {"quick": quick, "sets": {}, "conditions": []}
    for name, images, render, rounds in corpora(quick):
        runs = []
        for index in range(rounds):
            result["conditions"].append(machine_load())
            out = WORK / "pipeline" / "video.mp4"
            out.parent.mkdir(parents=True, exist_ok=True)
            env = service.nemo_env(WORK / "config" / f"pipeline-{index}")
            command = [service.NEMO, "run", *map(str, images), "--backend", "mock", "--profile",
                       "create-video-from-images", "--out", str(out), "--json", "--log-level", "info",
                       "--mock-render", render]
            lines, code, peak, end = timed_lines(command, env)
            if code != 0:
                raise RuntimeError(f"nemo run failed ({code}): {[l for _, s, l in lines if s == 'err'][-5:]}")
            runs.append({"phases": phases(lines, end), "seconds": end, "peak_kib": peak})
            log(f"pipeline {name} round {index + 1}: {end:.2f} s")
        prep_alone = []
        prep_binary = ROOT / ".build-bench-release" / "release" / "nemo-prep"
        if prep_binary.exists() and render == "recorded":
            for index in range(rounds):
                folder = WORK / "pipeline" / f"prep-{index}"
                subprocess.run(["rm", "-rf", str(folder)])
                start = time.perf_counter()
                subprocess.run([prep_binary, *map(str, images), "-o", str(folder), "--profile",
                                "create-video-from-images", "--json"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
                prep_alone.append(time.perf_counter() - start)
        result["sets"][name] = {
            "render": render, "prep_alone": median(prep_alone) if prep_alone else None,
            "images": [str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in images],
            "runs": runs, "seconds": median([r["seconds"] for r in runs]),
            "phases": {p: median([r["phases"][p] for r in runs]) for p in PHASES},
            "peak_mib": max(r["peak_kib"] for r in runs) / 1024}
    result["notes"] = notes(result)
    return result


def notes(result):
    """For each set over 3 s: which phase bounds it, from this run's numbers."""
    out = {}
    for name, r in result["sets"].items():
        if r["seconds"] < 3 or r["render"] != "recorded":
            continue
        phases = r["phases"]
        top = max(PHASES, key=lambda phase: phases[phase])
        text = (f"Bound, measured: {top} takes {phases[top]:.2f} s of the {r['seconds']:.2f} s "
                f"({100 * phases[top] / r['seconds']:.0f}%).")
        if top == "prep" and r.get("prep_alone"):
            others = r["seconds"] - phases["prep"]
            text += (f" nemo-prep alone on the same photos takes {r['prep_alone']:.2f} s (section 1: libvips decode "
                     f"and PNG encode at about 2 images/s on 2 cores); everything after prep takes {others:.2f} s. "
                     "What it would take: what section 1 names for prep (JPEG shrink-on-load, a faster deflate), and "
                     "starting the token and session requests while prep runs rather than after it.")
        out[name] = text
    return out
