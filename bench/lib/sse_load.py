"""Many concurrent SSE streams against the mock (asyncio, raw HTTP/1.1): each POSTs /run_sse on its own session and
reads to the end, counting heartbeats and the final event. An error is a refused or dropped connection, a status other
than 200, or a stream that ends without its final event or with heartbeats missing."""
import asyncio
import json
import time
from urllib.parse import urlparse

import service


async def one_stream(host, port, headers, session, expected_heartbeats, deadline):
    body = json.dumps(service.run_sse_body(session, "heartbeat-bench")).encode()
    head = [f"POST /run_sse HTTP/1.1", f"Host: {host}:{port}", "Accept: text/event-stream",
            "Content-Type: application/json", f"Content-Length: {len(body)}", "Connection: close"]
    head += [f"{name}: {value}" for name, value in headers.items()]
    result = {"ok": False, "heartbeats": 0, "max_gap": 0.0, "error": None}
    try:
        reader, writer = await asyncio.open_connection(host, port)
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        await writer.drain()
        status = await asyncio.wait_for(reader.readline(), timeout=deadline)
        if b" 200 " not in status:
            result["error"] = f"status {status.decode(errors='replace').strip()}"
            writer.close()
            return result
        last = time.perf_counter()
        seen = b""
        while True:
            chunk = await asyncio.wait_for(reader.read(65536), timeout=deadline)
            if not chunk:
                break
            now = time.perf_counter()
            count = chunk.count(b": heartbeat")
            if count:
                result["heartbeats"] += count
                result["max_gap"] = max(result["max_gap"], now - last)
                last = now
            seen = (seen + chunk)[-4096:]
        writer.close()
        final = b"bench-final" in seen
        result["ok"] = final and result["heartbeats"] >= expected_heartbeats
        if not result["ok"]:
            seen = "seen" if final else "missing"
            result["error"] = f"ended with {result['heartbeats']} heartbeats, final event {seen}"
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError) as error:
        result["error"] = f"{type(error).__name__}: {error}"
    return result


async def streams(url, headers, sessions, seconds):
    parsed = urlparse(url)
    tasks = [one_stream(parsed.hostname, parsed.port, headers, session, seconds, seconds + 60)
             for session in sessions]
    return await asyncio.gather(*tasks)


def run(url, count, seconds, mock_pid):
    """`count` streams of a `seconds`-long heartbeat transcript at once; the mock's RSS sampled every second."""
    service.raise_fd_limit()
    headers, sessions = service.identity(url, sessions=count)
    sampler = service.Sampler(mock_pid, 1.0).start()
    cpu_before = cpu_seconds(mock_pid)
    start = time.perf_counter()
    results = asyncio.run(streams(url, headers, sessions, seconds))
    elapsed = time.perf_counter() - start
    samples = sampler.stop()
    errors = [r["error"] for r in results if not r["ok"]]
    return {"streams": count, "seconds": seconds, "elapsed": elapsed, "errors": len(errors),
            "error_examples": sorted(set(errors))[:5], "heartbeats": sum(r["heartbeats"] for r in results),
            "max_gap": max(r["max_gap"] for r in results), "rss": service.rss_summary(samples),
            "rss_series": [round(s["rss_kib"] / 1024, 1) for s in samples],
            "mock_cpu_seconds": cpu_seconds(mock_pid) - cpu_before}


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / 100
