"""Section "stream": the nemo client reading an agent stream from nemo-mock at time scale 0, against `curl -N`.

Both read the same bytes from the same mock over loopback (POST /run_sse, the bench-firehose transcript). Each tool's
fixed cost (process start, token and session for nemo, the request) is measured on a one-event stream (bench-tiny) in
the same round and subtracted, so MB/s and events/s are those of the stream itself; the whole command's time is kept
too. nemo runs as a user would (`nemo say`, text printed as it streams, stdout to /dev/null), and with `--json`
(one JSON line per event) for context.
"""
import json

import service
import transcripts
from common import log, machine_load, median


def nemo_command(url, text, json_lines=False):
    return [service.NEMO, "say", text, "--new-session", "--api-url", url, "--profile", "create-video-from-images",
            *(["--json"] if json_lines else [])]


def curl_command(url, headers, session_id, text):
    command = ["curl", "-sS", "-N", "-o", "/dev/null", "-w", "%{size_download} %{time_starttransfer} %{time_total}",
               "-X", "POST", f"{url}/run_sse",
               "-H", "Accept: text/event-stream", "-H", "Content-Type: application/json",
               "--data-binary", json.dumps(service.run_sse_body(session_id, text))]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    return command


def measure(quick, megabytes, rounds):
    files, size, events = transcripts.files(firehose_mb=megabytes)
    folder = service.fixtures("stream", files)
    runs = {"nemo": [], "nemo --json": [], "curl -N": []}
    conditions = []
    with service.Mock(folder, 0, scenario="bench") as mock:
        headers, (session,) = service.identity(mock.url)
        for index in range(rounds):
            conditions.append(machine_load())
            order = ["nemo", "curl -N", "nemo --json"][index % 3:] + ["nemo", "curl -N", "nemo --json"][:index % 3]
            for tool in order:
                result = {}
                for text in ("tiny", "firehose"):
                    if tool.startswith("nemo"):
                        env = service.nemo_env(service.WORK / "config" / f"stream-{index}-{text}")
                        run = service.timed(nemo_command(mock.url, text, tool == "nemo --json"), env=env)
                    else:
                        run = service.timed(curl_command(mock.url, headers, session, text),
                                            stdout=service.subprocess.PIPE)
                    if run["code"] != 0:
                        raise RuntimeError(f"{tool} {text} failed ({run['code']}): {run['stderr']}")
                    result[text] = run
                if tool == "curl -N":  # curl's own first-to-last-byte time: its process start is not in it
                    _, first, last = result["firehose"]["stdout"].split()
                    result["tiny"]["seconds"] = result["firehose"]["seconds"] - (float(last) - float(first))
                runs[tool].append({"seconds": result["firehose"]["seconds"], "fixed": result["tiny"]["seconds"],
                                   "peak_kib": result["firehose"]["peak_kib"], "cpu": result["firehose"]["cpu"]})
                log(f"stream round {index + 1}: {tool} {result['firehose']['seconds']:.2f} s "
                    f"(fixed {result['tiny']['seconds']:.3f} s)")
        bytes_seen = int((service.subprocess.run(curl_command(mock.url, headers, session, "firehose"),
                                                 capture_output=True, text=True).stdout or "0").split()[0])
        profile = service.perf_top(nemo_command(mock.url, "firehose"),
                                   env=service.nemo_env(service.WORK / "config" / "stream-perf"))
        json_profile = service.perf_top(nemo_command(mock.url, "firehose", True),
                                        env=service.nemo_env(service.WORK / "config" / "stream-perf-json"),
                                        name="perf-client-json.data")
    return {"megabytes": size / 1e6, "bytes": size, "bytes_seen_by_curl": bytes_seen, "events": events,
            "runs": runs, "conditions": conditions, "profile": profile, "json_profile": json_profile}


def summary(result):
    out = {}
    for tool, runs in result["runs"].items():
        stream = median([r["seconds"] - r["fixed"] for r in runs])
        out[tool] = {"mbps": result["bytes"] / 1e6 / stream, "events_per_s": result["events"] / stream,
                     "seconds": median([r["seconds"] for r in runs]), "fixed": median([r["fixed"] for r in runs]),
                     "whole_mbps": result["bytes"] / 1e6 / median([r["seconds"] for r in runs]),
                     "peak_mib": max(r["peak_kib"] for r in runs) / 1024,
                     "cpu": median([r["cpu"] for r in runs])}
    return out


def run(quick):
    megabytes, rounds = (20, 2) if quick else (100, 3)
    log(f"stream: {megabytes} MB of agent events, {rounds} rounds")
    result = measure(quick, megabytes, rounds)
    result["summary"] = summary(result)
    result["quick"] = quick
    result["what_it_would_take"] = what_it_would_take(result)
    return result


def inclusive_share(profile, *names):
    rows = (profile or {}).get("inclusive", [])
    return max((r["share"] for r in rows if any(r["symbol"].startswith(n) for n in names)), default=0.0)


def what_it_would_take(result):
    """The bound, from the call-graph profile: presentation (Reporter) against the stream reading itself."""
    profile = result.get("profile") or {}
    reporter = inclusive_share(profile, "Reporter.message")
    translate = inclusive_share(profile, "GUITranslator.translate")
    reading = inclusive_share(profile, "MessageStreamReader.consume")
    parse = inclusive_share(profile, "SSEParser.parseBytes")
    decode = inclusive_share(profile, "specialized AgentEventDecoder.decode", "AgentEventDecoder.decode")
    json_mode = result["summary"].get("nemo --json", {}).get("mbps")
    json_profile = result.get("json_profile") or {}
    json_translate = inclusive_share(json_profile, "GUITranslator.translate")
    json_reading = inclusive_share(json_profile, "MessageStreamReader.consume")
    text = (f"Bound, measured (call graphs): `Reporter.message(_:)` (Sources/NemoCLI/Service/Reporter.swift), which "
            f"prints the streamed text sentence by sentence, takes {reporter:.0f}% of nemo's CPU time, "
            f"`GUITranslator.translate(_:)` inside it {translate:.0f}%; reading the stream itself "
            f"(`MessageStreamReader.consume(_:)`: SSE parsing {parse:.0f}%, ADK event decoding {decode:.0f}%) "
            f"{reading:.0f}%. Since the first full run the reporter searches only each new piece for a sentence end "
            "(it used to rescan the whole answer per delta: 84% of the CPU then, 5.55 MB/s); since 2026-11-21 it "
            "finds that end on Unicode scalars rather than `Character`s, and the GUI translation rules out text "
            "with none of its trigger words in one pass over the UTF-8 bytes and matches its fixed phrases on bytes "
            "(Foundation-free `String.contains` compares grapheme by grapheme: 66 us for a plain 90-byte sentence "
            "before, 0.24 us after; 107 -> 15 us for the firehose's texts, which name \"preview\" and \"export\" "
            "often, with sentences split on scalars too). What remains is per-event work: each delta becomes a "
            "`String`, is handed from the thread reading the stream to the printing task (an `AsyncThrowingStream`; "
            "the task switches show as kernel time), appended and written; sentences naming a GUI word go through "
            "the word-level parsing.")
    if json_mode:
        text += (f" With `--json` nemo reads the same stream at {json_mode:,.1f} MB/s; its profile: "
                 f"`GUITranslator.translate(_:)` {json_translate:.0f}%, reading the stream {json_reading:.0f}%, the "
                 "rest the JSON lines written one event at a time.")
    text += (" What it would take: hand updates to the printing task in batches (one wake-up per chunk read, not "
             "per event), keep partial text as UTF-8 bytes end to end, and write stdout in batches rather than once "
             "per event. curl does none of this work: "
             "it copies bytes to /dev/null, so 0.8x of it is out of reach for a client that shows what it reads; "
             "reading the stream alone (SSE and ADK decoding) runs at the parser's speed (section 2). The "
             "firehose's mix has a final text for every ten events (anchors/gen_sse.py), more than a real answer, "
             "so it weighs the translation heavily.")
    return text
