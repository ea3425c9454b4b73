#!/usr/bin/env python3
"""The httpx-sse anchor: its public EventSource.iter_sse() over an httpx.Response whose body arrives in chunks.

    httpx_sse_bench.py FILE CHUNK [MIN_SECONDS [MAX_BYTES]]

The response streams the file from memory in CHUNK-byte pieces, exactly as a network body would reach httpx (bytes
-> text decoding -> SSE line splitting -> SSE decoding), with no socket in between. Parses again and again until
MIN_SECONDS (default 0.5) have passed, after one untimed pass
that checks the output; prints one JSON line like sse_parse's: each pass's seconds, the events and
their data bytes (UTF-8) of one pass.
"""
import json
import sys
import time

import httpx
from httpx_sse import EventSource


def chunks(stream, size):
    view = memoryview(stream)
    for start in range(0, len(stream), size):
        yield bytes(view[start:start + size])


def parse_once(stream, size, check):
    """Events with data and their data bytes (counted only when checking, which costs an encode per event), and all
    events yielded.

    httpx-sse also yields an event with empty data at a blank line once an id was seen (the spec dispatches nothing
    there): the events with data are what a spec-exact parser dispatches here.
    """
    response = httpx.Response(200, headers={"content-type": "text/event-stream"}, content=chunks(stream, size))
    events = yielded = data_bytes = 0
    if check:
        for event in EventSource(response).iter_sse():
            yielded += 1
            if event.data:
                events += 1
                data_bytes += len(event.data.encode())
    else:
        for _ in EventSource(response).iter_sse():
            yielded += 1
    return events, data_bytes, yielded


def main():
    path, size = sys.argv[1], int(sys.argv[2])
    min_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
    with open(path, "rb") as f:
        stream = f.read()
    if len(sys.argv) > 4:
        stream = stream[: int(sys.argv[4])]
    seconds = []
    events, data_bytes, yielded = parse_once(stream, size, True)  # a checked pass, not timed
    while not seconds or sum(seconds) < min_seconds:
        start = time.perf_counter()
        parse_once(stream, size, False)
        seconds.append(time.perf_counter() - start)
    print(json.dumps({"parser": "httpx-sse", "chunk": size, "bytes": len(stream), "seconds": seconds,
                      "events": events, "data_bytes": data_bytes,
                      "empty_events": yielded - events}))


if __name__ == "__main__":
    main()
