"""What the client/server sections share: the bench mock, nemo's environment, HTTP helpers, RSS and I/O sampling.

The mock is `nemo-bench-mock` (this package): nemo-mock's server from the NemoMock library, as `nemo mock` runs it,
with the upload and token limits raised so multi-gigabyte uploads and long runs fit. Fixtures folders are made under
.work/ from the repository's Fixtures/ (symlinks) plus generated transcripts and media; nothing large is committed.
"""
import json
import os
import resource
import shutil
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from common import ROOT, WORK, log

NEMO = ROOT / ".build-bench-release" / "release" / "nemo"
BENCH_MOCK = Path(__file__).resolve().parent.parent / ".build" / "release" / "nemo-bench-mock"
CLIENT_ID = "0b5e7c1e-bench-4d2a-9c1b-000000000001"


def raise_fd_limit():
    """Soft open-file limit up to the hard one (1,000 streams need more than the usual 1,024)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def fixtures(name, transcripts=(), render_bytes=None):
    """A fixtures folder: the repository's transcripts and media (symlinked) plus `transcripts` {file: text}.

    With `render_bytes`, media/render.mp4 is the real clip followed by a sparse hole up to that size (a valid MP4
    header, so the mock accepts it, at no disk cost).
    """
    folder = WORK / "fixtures" / name
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "transcripts").mkdir(parents=True)
    (folder / "media").mkdir()
    for source in (ROOT / "Fixtures" / "transcripts").iterdir():
        (folder / "transcripts" / source.name).symlink_to(source)
    for file, text in dict(transcripts).items():
        (folder / "transcripts" / file).write_text(text)
    for source in (ROOT / "Fixtures" / "media").iterdir():
        if source.name == "render.mp4" and render_bytes:
            sparse_mp4(folder / "media" / "render.mp4", render_bytes)
        else:
            (folder / "media" / source.name).symlink_to(source)
    return folder


def sparse_mp4(path, size):
    """The fixture clip followed by a hole up to `size` bytes: the mock sniffs a real MP4, the disk holds 20 kB."""
    path.write_bytes((ROOT / "Fixtures" / "media" / "render.mp4").read_bytes())
    os.truncate(path, size)
    return path


class Mock:
    """A running nemo-bench-mock: `url`, `pid`, `stop()`."""

    def __init__(self, fixtures_folder, time_scale=0, scenario="default", perf_data=None):
        command = [BENCH_MOCK, "--fixtures", fixtures_folder, "--time-scale", str(time_scale), "--scenario", scenario]
        if perf_data:  # profiled from its start, so every thread it ever creates is sampled
            command = ["perf", "record", "-g", "-e", "cpu-clock", "-F", "999", "-o", str(perf_data), "--"] + command
        self.perf = bool(perf_data)
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        preexec_fn=raise_fd_limit)
        line = self.process.stdout.readline().decode()
        if "url=" not in line:
            raise RuntimeError(f"nemo-bench-mock did not start: {line}{self.process.stderr.read().decode()[-800:]}")
        self.url = line.split("url=")[1].split()[0]
        self.pid = self.process.pid
        if self.perf:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
            self.pid = int(children[0])

    def stop(self):
        if self.perf:
            os.kill(self.pid, 15)  # the mock; perf then writes its data and exits
            self.process.wait(timeout=120)
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def http(method, url, body=None, headers=None, timeout=60):
    """One request; returns (status, body bytes)."""
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if isinstance(body, (dict, list)):
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def identity(url, profile="create-video-from-images", sessions=1):
    """An anonymous token and `sessions` new sessions on the mock at `url`; returns (headers, [session ids])."""
    status, body = http("POST", f"{url}/api/auth/anonymous-token", b"", {"X-Client-Id": CLIENT_ID})
    if status != 200:
        raise RuntimeError(f"token: HTTP {status} {body[:300]}")
    token = json.loads(body)["data"]["token"]
    headers = {"Authorization": f"Bearer {token}", "X-Skill-Source": profile, "X-Skill-Version": "1.0.0",
               "X-Skill-Platform": "linux"}
    ids = []
    for _ in range(sessions):
        status, body = http("POST", f"{url}/api/tasks/me/with-session/nemo_agent",
                            {"task_name": "project", "language": "en"}, headers)
        if status != 200:
            raise RuntimeError(f"session: HTTP {status} {body[:300]}")
        ids.append(json.loads(body)["data"]["session_id"])
    return headers, ids


def run_sse_body(session_id, text):
    return {"app_name": "nemo_agent", "user_id": "me", "session_id": session_id,
            "new_message": {"role": "user", "parts": [{"text": text}]}}


def nemo_env(config_folder):
    """nemo's environment for one measured invocation: its own config folder, nothing from the user's."""
    Path(config_folder).mkdir(parents=True, exist_ok=True)
    environment = {key: value for key, value in os.environ.items() if not key.startswith("NEMO_")}
    environment["XDG_CONFIG_HOME"] = str(config_folder)
    environment["HOME"] = str(config_folder)
    return environment


def timed(command, env=None, stdout=subprocess.DEVNULL, cwd=None, sample=None):
    """Runs `command` to the end; returns {seconds, peak_kib, code, stderr, stdout, samples, cpu}.

    The peak RSS comes from GNU time (`/usr/bin/time -f %M`), not from this script's wait4(): Linux carries a
    process's peak RSS from before exec() into the executed program, so a child forked from this (large) Python
    process would report at least the parent's size. With `sample` (seconds), the command's RSS and I/O counters
    are read from /proc every `sample` seconds.
    """
    report = WORK / f"time-{os.getpid()}-{threading.get_ident()}.txt"
    start = time.perf_counter()
    process = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", str(report), *map(str, command)], env=env,
                               stdout=stdout, stderr=subprocess.PIPE, cwd=cwd)
    sampler = Sampler(child_of(process.pid), sample).start() if sample else None
    stderr_chunks, stdout_chunks = [], []
    readers = [threading.Thread(target=lambda: stderr_chunks.append(process.stderr.read()), daemon=True)]
    if stdout == subprocess.PIPE:
        readers.append(threading.Thread(target=lambda: stdout_chunks.append(process.stdout.read()), daemon=True))
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    for reader in readers:
        reader.join()
    samples = sampler.stop() if sampler else []
    process.returncode = os.waitstatus_to_exitcode(status)
    try:
        peak = int(report.read_text().strip().splitlines()[-1])
        report.unlink()
    except (OSError, ValueError, IndexError):
        peak = 0
    return {"seconds": seconds, "peak_kib": peak, "code": process.returncode,
            "stderr": b"".join(stderr_chunks).decode(errors="replace")[-1500:], "samples": samples,
            "stdout": b"".join(stdout_chunks).decode(errors="replace")[-4000:],
            "cpu": usage.ru_utime + usage.ru_stime}


def child_of(pid, wait=2.0):
    """The first child of `pid` (the command GNU time runs), once it exists; `pid` itself if none appears."""
    deadline = time.perf_counter() + wait
    while time.perf_counter() < deadline:
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return pid
        if children:
            return int(children[0])
        time.sleep(0.002)
    return pid


def proc_status(pid):
    """(VmRSS KiB, VmHWM KiB) of a live process, or None."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    values = {}
    for line in text.splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            values[line.split(":")[0]] = int(line.split()[1])
    return values.get("VmRSS"), values.get("VmHWM")


def proc_io(pid):
    """(rchar, wchar) of a live process, or (None, None)."""
    try:
        fields = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
        return int(fields["rchar"]), int(fields["wchar"])
    except (OSError, KeyError, ValueError):
        return None, None


class Sampler:
    """Reads a process's RSS and I/O counters every `interval` seconds in a thread, until stop()."""

    def __init__(self, pid, interval):
        self.pid, self.interval, self.samples = pid, interval, []
        self.running = True
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.started = time.perf_counter()

    def start(self):
        self.thread.start()
        return self

    def loop(self):
        while self.running:
            status = proc_status(self.pid)
            if status is None or status[0] is None:
                break
            rchar, wchar = proc_io(self.pid)
            self.samples.append({"t": time.perf_counter() - self.started, "rss_kib": status[0], "rchar": rchar,
                                 "wchar": wchar})
            time.sleep(self.interval)

    def stop(self):
        self.running = False
        self.thread.join(timeout=5)
        return self.samples


def rss_summary(samples):
    """Start, middle, end and max RSS (MiB) of a sample list."""
    values = [s["rss_kib"] / 1024 for s in samples if s["rss_kib"] >= 4096]  # from exec on (not the fork)
    if not values:
        return None
    return {"start": values[0], "mid": values[len(values) // 2], "end": values[-1], "max": max(values),
            "samples": len(values)}


def build_release():
    """The release builds the client sections measure: nemo (root package) and nemo-bench-mock (this package)."""
    for binary in (NEMO, BENCH_MOCK):
        if not binary.exists():
            raise RuntimeError(f"{binary} is missing: bench/run builds it")
    return {"nemo_built": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(NEMO.stat().st_mtime))}


def perf_top(command, env=None, name="perf-client.data", limit=14):
    """Where a command's CPU time goes: `perf record -g -e cpu-clock` at 999 samples/s; see perf_summary()."""
    if shutil.which("perf") is None:
        return {"error": "perf is not installed"}
    data = WORK / name
    record = subprocess.run(["perf", "record", "-g", "-e", "cpu-clock", "-F", "999", "-o", str(data), "--",
                             *map(str, command)], capture_output=True, text=True, env=env)
    if record.returncode != 0:
        return {"error": f"perf record failed: {record.stderr[-400:]}"}
    return perf_summary(data, limit)


def demangle(symbols):
    """Swift symbols made readable (`swift demangle --simplified`), the others as they are."""
    try:
        out = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(symbols),
                             capture_output=True, text=True, timeout=60).stdout.splitlines()
        return out if len(out) == len(symbols) else symbols
    except (OSError, subprocess.SubprocessError):
        return symbols


def perf_summary(data, limit=14):
    """Self time by symbol and by library, and the inclusive time of the project's own functions (call graphs)."""
    rows, by_dso, inclusive = [], {}, []
    report = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children", "--sort", "dso,sym",
                             "--percent-limit", "0.4", "-g", "none"], capture_output=True, text=True).stdout
    for line in report.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0].endswith("%") and parts[2].startswith("["):
            rows.append({"share": float(parts[0][:-1]), "dso": parts[1], "symbol": " ".join(parts[3:])})
    report = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--no-children", "--sort", "dso",
                             "-g", "none"], capture_output=True, text=True).stdout
    for line in report.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].endswith("%"):
            by_dso[parts[1]] = float(parts[0][:-1])
    report = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "--children", "--sort", "sym",
                             "--percent-limit", "2", "-g", "none"], capture_output=True, text=True).stdout
    for line in report.splitlines():
        parts = line.split()
        if len(parts) >= 4 and parts[0].endswith("%") and parts[2] == "[.]":
            symbol = " ".join(parts[3:])
            if any(module in symbol for module in ("4Nemo", "NemoCLI", "NemoAPI", "NemoSSE", "NemoMock")):
                inclusive.append({"share": float(parts[0][:-1]), "symbol": symbol})
    rows = rows[:limit]
    names = demangle([r["symbol"] for r in rows] + [r["symbol"] for r in inclusive])
    for row, readable in zip(rows + inclusive, names):
        row["symbol"] = readable[:150]
    if not rows:
        return {"error": "perf recorded no samples"}
    return {"top": rows, "dso": dict(sorted(by_dso.items(), key=lambda kv: -kv[1])[:8]), "inclusive": inclusive[:14]}
