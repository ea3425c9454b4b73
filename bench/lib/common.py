"""What every section of bench/run shares: paths, running commands with their peak memory, machine load, statistics."""
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
ROOT = BENCH.parent
WORK = BENCH / ".work"
BIN = WORK / "bin"
RESULTS = WORK / "results"
NEMO_PREP = ROOT / ".build-bench-release" / "release" / "nemo-prep"
SWIFT_RELEASE = BENCH / ".build" / "release"


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_pool(commands, jobs, env=None, cwd=None):
    """Runs `commands` with at most `jobs` at once; returns wall seconds, each process's peak RSS (KiB) and failures.

    Peak RSS comes from wait4(): a process's own peak, or that of the largest of its children that it waited for.
    """
    environment = dict(os.environ, **(env or {}))
    pending = list(commands)
    running = {}
    peaks = []
    failures = []
    start = time.perf_counter()
    while pending or running:
        while pending and len(running) < jobs:
            command = pending.pop(0)
            process = subprocess.Popen(command, env=environment, cwd=cwd, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE)
            running[process.pid] = (process, command)
        pid, status, usage = os.wait4(-1, 0)
        if pid not in running:
            continue
        process, command = running.pop(pid)
        peaks.append(usage.ru_maxrss)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            error = process.stderr.read().decode(errors="replace")[-2000:]
            failures.append({"command": " ".join(map(str, command))[:300], "code": code, "stderr": error})
        process.stderr.close()
        process.returncode = code
    return {"seconds": time.perf_counter() - start, "peaks_kib": peaks, "failures": failures}


def run_json(command, env=None, timeout=None):
    """Runs one command that prints one JSON line and returns it parsed, with the process's peak RSS in KiB."""
    environment = dict(os.environ, **(env or {}))
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise RuntimeError(f"timed out: {' '.join(map(str, command))}")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({process.returncode}): {err.decode()[-1500:]}")
    return json.loads(out.decode().strip().splitlines()[-1])


def machine_load():
    """The load average and the busiest other processes right now (top -bn1), to record the conditions."""
    load = Path("/proc/loadavg").read_text().split()[:3]
    busy = []
    try:
        top = subprocess.run(["top", "-bn1", "-w", "200"], capture_output=True, text=True, timeout=20).stdout
        lines = top.splitlines()
        header = next(i for i, line in enumerate(lines) if line.strip().startswith("PID"))
        for line in lines[header + 1:]:
            fields = line.split()
            if len(fields) >= 12 and float(fields[8].replace(",", ".")) >= 10:
                busy.append(f"{fields[11]} {fields[8]}%")
        cpu_line = next((line for line in lines if line.startswith("%Cpu")), "")
    except (StopIteration, ValueError, OSError, subprocess.SubprocessError):
        cpu_line = ""
    return {"time": time.strftime("%Y-%m-%d %H:%M:%S"), "loadavg": load, "busy": busy[:6], "cpu": cpu_line.strip()}


def median(values):
    return statistics.median(values) if values else float("nan")


def save(section, result):
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{section}.json").write_text(json.dumps(result, indent=1) + "\n")


def load_saved(section):
    path = RESULTS / f"{section}.json"
    return json.loads(path.read_text()) if path.exists() else None


def mib(kib):
    return kib / 1024


def fmt(value, digits=2):
    if value is None or value != value:
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def cpu_ms(runs):
    """CPU milliseconds per image (user + system, all processes): steadier than wall time when others load the box."""
    good = [r for r in runs if r["images"] == r["expected"] and "cpu_seconds" in r]
    return median([1000 * r["cpu_seconds"] / r["images"] for r in good]) if good else float("nan")
