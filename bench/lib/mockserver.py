"""Section "mock": nemo-mock's JSON endpoints under wrk against nginx serving the same bytes, and 1,000 concurrent
SSE streams at time scale 1 with heartbeats.

wrk: 2 threads, 64 connections, on GET /api/credits/balance/simple and GET /api/state/nemo_agent/me/<sid>/latest with
a bearer token (the mock authenticates, looks the session up, journals the request and encodes the JSON); nginx
(2 workers, access log off) serves the bodies the mock answered, as static files at the same paths. The mock and
nginx run alternately on the same two cores as wrk.
"""
import re
import shutil
import socket
import subprocess
import time

import service
import sse_load
import transcripts
from common import WORK, log, machine_load, median

NGINX_CONF = """worker_processes 2;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    default_type application/json;
    client_body_temp_path {prefix}/tmp;
    proxy_temp_path {prefix}/tmp;
    fastcgi_temp_path {prefix}/tmp;
    uwsgi_temp_path {prefix}/tmp;
    scgi_temp_path {prefix}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {prefix}/root;
        location / {{ }}
    }}
}}
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    """nginx serving `files` ({url path: bytes}) on a free loopback port."""

    def __init__(self, files):
        prefix = WORK / "nginx"
        shutil.rmtree(prefix, ignore_errors=True)
        (prefix / "tmp").mkdir(parents=True)
        for path, body in files.items():
            target = prefix / "root" / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
        prefix.chmod(0o755)
        self.port = free_port()
        (prefix / "nginx.conf").write_text(NGINX_CONF.format(prefix=prefix, port=self.port))
        self.process = subprocess.Popen(["nginx", "-c", str(prefix / "nginx.conf"), "-p", str(prefix)],
                                        stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)


def wrk(url, seconds, headers):
    """Requests/s, errors and latency of `wrk -t2 -c64 -d<seconds>s`."""
    command = ["wrk", "-t2", "-c64", f"-d{seconds}s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    text = subprocess.run(command + [url], capture_output=True, text=True, timeout=seconds + 60).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    total = re.search(r"(\d+) requests in", text)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    scale = {"us": 0.001, "ms": 1, "s": 1000}
    return {"rps": float(rate.group(1)) if rate else 0.0, "requests": int(total.group(1)) if total else 0,
            "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
            "p99_ms": float(p99.group(1)) * scale[p99.group(2)] if p99 else None}


def endpoints(mock):
    """The two JSON endpoints (a session with a draft), the bodies the mock answers there, and the request headers."""
    headers, (session,) = service.identity(mock.url)
    service.http("POST", f"{mock.url}/run_sse", service.run_sse_body(
        session, "combine these photos into a 30-second video with transitions and background music"), headers)
    paths = {"credits": "/api/credits/balance/simple", "state": f"/api/state/nemo_agent/me/{session}/latest"}
    bodies = {}
    for name, path in paths.items():
        status, body = service.http("GET", mock.url + path, None, headers)
        if status != 200:
            raise RuntimeError(f"{name}: HTTP {status}")
        bodies[path] = body
    return paths, bodies, {"Authorization": headers["Authorization"]}


def throughput(quick):
    seconds, rounds = (5, 1) if quick else (10, 3)
    folder = service.fixtures("mock", dict(transcripts.files(1)[0]))
    runs = {(server, name): [] for server in ("nemo-mock", "nginx") for name in ("credits", "state")}
    conditions = []
    with service.Mock(folder, 0) as mock:
        paths, bodies, headers = endpoints(mock)
        nginx = Nginx(bodies)
        try:
            sizes = {name: len(bodies[path]) for name, path in paths.items()}
            for index in range(rounds):
                conditions.append(machine_load())
                for name, path in paths.items():
                    order = [("nemo-mock", mock.url), ("nginx", nginx.url)]
                    for server, base in (order if index % 2 == 0 else order[::-1]):
                        result = wrk(base + path, seconds, headers)
                        result["load"] = machine_load()["loadavg"][0]
                        runs[(server, name)].append(result)
                        log(f"wrk round {index + 1}: {server} {name} {result['rps']:,.0f} req/s")
            mock_rss = service.proc_status(mock.pid)
        finally:
            nginx.stop()
    table = {}
    for (server, name), results in runs.items():
        table.setdefault(server, {})[name] = {
            "rps": median([r["rps"] for r in results]), "errors": sum(r["non2xx"] + r["socket_errors"]
                                                                      for r in results),
            "requests": sum(r["requests"] for r in results), "p99_ms": median([r["p99_ms"] or 0 for r in results]),
            "rounds": [r["rps"] for r in results]}
    return {"seconds": seconds, "rounds": rounds, "table": table, "sizes": sizes, "conditions": conditions,
            "profile": profile(folder, seconds),
            "mock_rss_mib": mock_rss[0] / 1024 if mock_rss else None,
            "mock_hwm_mib": mock_rss[1] / 1024 if mock_rss else None}


def profile(folder, seconds):
    """Where the mock's time goes under wrk: a mock started under `perf record -g`, wrk on credits then state."""
    data = WORK / "perf-mock.data"
    mock = service.Mock(folder, 0, perf_data=data)
    try:
        paths, _, headers = endpoints(mock)
        for name in ("credits", "state"):
            wrk(mock.url + paths[name], seconds, headers)
    finally:
        mock.stop()
    return service.perf_summary(data)


def streams(count, seconds):
    files, _, _ = transcripts.files(1, seconds)
    folder = service.fixtures("streams", files)
    with service.Mock(folder, 1, scenario="bench") as mock:
        log(f"{count} SSE streams of {seconds} s at time scale 1")
        return sse_load.run(mock.url, count, seconds, mock.pid)


def run(quick):
    result = {"quick": quick, "wrk": throughput(quick)}
    result["profile"] = result["wrk"].pop("profile")
    result["streams"] = streams(1000, 10 if quick else 30)
    return result
