#!/usr/bin/env python3
"""Writes deterministic event streams shaped like an ADK agent stream, in three line-ending styles.

Events as the agent sends them (see shared/fixtures/adk/): `data: {json}` with JSON payloads of 50-500 bytes
(streamed text deltas, function calls and responses, state deltas; some non-ASCII text), now and then an `event:` or
`id:` field, a `retry:` once, a two-line `data` event now and then, and `: ping` heartbeat comments. The same seed
gives the same bytes.

    gen_sse.py OUTDIR MEGABYTES   ->  OUTDIR/lf.sse, OUTDIR/crlf.sse, OUTDIR/mixed.sse (+ OUTDIR/expected.json)

mixed: each line ends with LF (70%), CRLF (25%) or a lone CR (5%), all legal in text/event-stream.
expected.json holds, per file, the events a spec-exact parser dispatches and their total data bytes (UTF-8).
"""
import json
import random
import sys
from pathlib import Path

WORDS = ("timeline clip render preview music title crossfade city night river drone slow motion caption "
         "color grade beat cut scene intro outro voice lo-fi upbeat sunset café über naïve 🎞️ 🎵 ✨ "
         "draft export aspect portrait landscape track volume fade zoom pan").split()


def text(rng, low, high):
    """Words until the text is between low and high UTF-8 bytes long."""
    target = rng.randint(low, high)
    out = []
    size = 0
    while size < target:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word.encode()) + 1
    return " ".join(out)


def uuid(rng):
    h = "%032x" % rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def payload(rng, invocation):
    """One event's JSON, 50-500 bytes."""
    while True:
        data = one_payload(rng, invocation)
        if 50 <= len(data.encode()) <= 500:
            return data


def one_payload(rng, invocation):
    """One event's JSON, of about the right size."""
    kind = rng.random()
    if kind < 0.55:  # streamed text delta: small
        body = {"content": {"parts": [{"text": text(rng, 5, 90)}], "role": "model"}, "partial": True}
    elif kind < 0.75:  # function call
        body = {"content": {"parts": [{"functionCall": {"id": "adk-" + uuid(rng), "name": rng.choice(
            ["trim_clip", "add_transition", "render_preview", "update_timeline"]), "args": {
            "media_id": "m_%03d" % rng.randint(1, 999), "start_ms": rng.randint(0, 9000),
            "note": text(rng, 10, 120)}}}], "role": "model"}, "invocationId": invocation}
    elif kind < 0.9:  # function response with a state delta
        body = {"content": {"parts": [{"functionResponse": {"id": "adk-" + uuid(rng), "name": "update_timeline",
            "response": {"status": "ok", "tracks": rng.randint(1, 9)}}}], "role": "user"},
            "actions": {"stateDelta": {"draft_rev": rng.randint(1, 99), "title": text(rng, 5, 60)}},
            "invocationId": invocation, "author": "nemo_agent"}
    else:  # final message with metadata
        body = {"modelVersion": "scripted-nemo-1", "content": {"parts": [{"text": text(rng, 20, 160)}],
            "role": "model"}, "finishReason": "STOP", "invocationId": invocation, "author": "nemo_agent",
            "id": uuid(rng), "timestamp": 1795249385 + rng.random()}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def lines(rng, megabytes):
    """The stream as a list of lines (without line ends), and the expected events and data bytes."""
    out = []
    size = 0
    events = 0
    data_bytes = 0
    invocation = "e-" + uuid(rng)
    out.append("retry: 3000")
    while size < megabytes * 1_000_000:
        r = rng.random()
        if r < 0.04:
            out += [": ping", ""]
            size += 8
            continue
        if r < 0.06:
            invocation = "e-" + uuid(rng)
        event = []
        if r < 0.12:
            event.append("event: " + rng.choice(["message", "agent", "status"]))
        if r < 0.20:
            event.append("id: %d" % events)
        data = payload(rng, invocation)
        if rng.random() < 0.03:  # a two-line data field
            half = len(data) // 2
            second = ("data:" if not data[half:].startswith(" ") else "data: ") + data[half:]
            event += ["data: " + data[:half], second]
            data = data[:half] + "\n" + data[half:]
        else:
            event.append("data: " + data)
        event.append("")
        out += event
        size += sum(len(x.encode()) + 1 for x in event)
        events += 1
        data_bytes += len(data.encode())
    return out, events, data_bytes


def main():
    outdir = Path(sys.argv[1])
    megabytes = float(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261121)
    all_lines, events, data_bytes = lines(rng, megabytes)
    encoded = [line.encode() for line in all_lines]
    (outdir / "lf.sse").write_bytes(b"\n".join(encoded) + b"\n")
    (outdir / "crlf.sse").write_bytes(b"\r\n".join(encoded) + b"\r\n")
    ends = random.Random(7)
    mixed = bytearray()
    for line in encoded:
        r = ends.random()
        end = b"\n" if r < 0.70 else b"\r\n" if r < 0.95 else b"\r"
        if end == b"\n" and not line and mixed.endswith(b"\r"):
            end = b"\r\n"  # a lone CR followed by LF would read as one CRLF and drop this blank line
        mixed += line + end
    (outdir / "mixed.sse").write_bytes(bytes(mixed))
    expected = {"events": events, "data_bytes": data_bytes, "megabytes": megabytes}
    (outdir / "expected.json").write_text(json.dumps(expected) + "\n")
    print(json.dumps(expected))


if __name__ == "__main__":
    main()
