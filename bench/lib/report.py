"""Renders bench/RESULTS.md from the saved section results."""
import platform
import re
import subprocess

import explain
import report_client
from common import BENCH, cpu_ms, fmt, load_saved, median, mib

PREP_TOOLS = ["C on libvips", "C on libvips, zlib 1", "C on libvips, JPEG shrink-on-load", "vipsthumbnail + vips",
              "ImageMagick, best", "ImageMagick, best, own PNG settings", "ImageMagick, default", "Pillow",
              "Pillow, own PNG encoder"]
TOOL_NOTES = {
    "C on libvips": "anchors/prep_vips.c: the same chain, one single-threaded pipeline per process, 2 processes",
    "C on libvips, zlib 1": "the same C program at zlib level 1 (context: what the level costs; not a target)",
    "C on libvips, JPEG shrink-on-load": "the same C program decoding JPEGs at the libjpeg scale (1/2) that still "
                                         "covers the frame, as Pillow and ImageMagick do (context: what it would take)",
    "vipsthumbnail + vips": "anchors/vips_cli_prep.sh: one process per step, 2 images at once",
    "ImageMagick, best": "anchors/magick_prep.sh best: `-define jpeg:size=1920x1080`, 1 thread each, 2 processes",
    "ImageMagick, best, own PNG settings": "the same without the PNG options: ImageMagick's own zlib 7 and adaptive "
                                          "row filters (context)",
    "ImageMagick, default": "anchors/magick_prep.sh default: no size hint, its own threads, one image at a time",
    "Pillow": "anchors/pillow_prep.py: draft(), 2 processes; PNG rows unfiltered + zlib 6 (Pillow cannot choose)",
    "Pillow, own PNG encoder": "the same, saved by Pillow's encoder (adaptive row filters, its only mode; context)",
}


def version(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "not found"


def machine():
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    python_versions = subprocess.run(
        ["python3", "-c", "import PIL, httpx, httpx_sse, importlib.metadata as m; "
                          "print(PIL.__version__, httpx.__version__, m.version('httpx-sse'))"],
        capture_output=True, text=True).stdout.split() or ["?", "?", "?"]
    return [
        f"- Machine: {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
        f"{int(memory) // 1048576} GiB; Linux {platform.release()}",
        f"- Tools: {version(['swift', '--version'])}; {version(['vips', '--version'])}; "
        f"{version(['/usr/bin/convert-im6.q16', '-version'])}; Pillow {python_versions[0]}; httpx "
        f"{python_versions[1]}; httpx-sse {python_versions[2]}; {version(['cc', '--version'])}; "
        f"{version(['curl', '--version'])}; {version(['wrk', '-v'])}; {version(['nginx', '-v'])}",
    ]


def conditions(rounds):
    out = []
    for i, c in enumerate(rounds):
        busy = ", ".join(c["busy"]) or "none"
        out.append(f"round {i + 1} at {c['time'][11:]}: load {' '.join(c['loadavg'])}; other processes over 10% CPU: "
                   f"{busy}")
    return out


def ips(runs):
    good = [r for r in runs if r["images"] == r["expected"] and not r["failures"]]
    return median([r["images"] / r["seconds"] for r in good]) if good else float("nan")


def seconds(runs):
    good = [r for r in runs if r["images"] == r["expected"] and not r["failures"]]
    return median([r["seconds"] for r in good]) if good else float("nan")


def rss(runs):
    return mib(median([r["peak_total_kib"] for r in runs]))


def met(ok):
    return "**met**" if ok else "**missed**"


def prep_section(p):
    corpus, huge = p["corpus"]["runs"], p["huge"]["runs"]
    nemo_ips, c_ips = ips(corpus["nemo-prep"]), ips(corpus["C on libvips"])
    im_ips = ips(corpus["ImageMagick, best"])
    nemo_rss, c_rss = rss(corpus["nemo-prep"]), rss(corpus["C on libvips"])
    big_rss, big_c_rss = rss(huge["nemo-prep"]), rss(huge["C on libvips"])
    n = len(p["files"])
    jpegs = sum(1 for f in p["files"] if f.endswith(".jpg"))
    lines = [
        "## 1. Preprocessing",
        "",
        f"Corpus: {jpegs} JPEGs of 6000x4000 (24 MP, quality 90, fractal detail at every scale, sharp edges; "
        f"{p.get('oriented', '?')} with an EXIF orientation, {p.get('with_profile', '?')} with an embedded ICC "
        f"profile: {', '.join(p.get('profiles', []))}) and "
        f"{n - jpegs} RGBA PNGs of 4000x3000 (12 MP) with soft alpha, written by `anchors/gen_images.c` (seeded). "
        "Chain: orient, sRGB, cover-fit 1920x1080 with a 16:9 crop, contrast 0.3 on lightness, PNG. "
        f"**Every tool writes PNG at zlib level {p['level']} with row filter {p['filter']}**, metadata stripped "
        "(checked in the bytes each tool wrote: table below). nemo-prep ran as `nemo-prep FILES -o OUT --aspect 16:9 "
        f"--fit crop --contrast 0.3 --png-compression {p['level']} --png-filter {p['filter']} --jobs 2 --json` "
        f"({p.get('nemo_prep_build', 'build not recorded')}). "
        f"Each figure is the median of {len(corpus['nemo-prep'])} round(s); the tools ran alternately, one after "
        "another in each round, the order rotating between rounds.",
        "",
        "| figure | nemo-prep | anchor | anchor's value | ratio | target | met? |",
        "|---|---|---|---|---|---|---|",
        f"| images/s, 2 cores | {fmt(nemo_ips)} | C on libvips | {fmt(c_ips)} | {fmt(nemo_ips / c_ips)}x | "
        f"≥ 0.9x | {met(nemo_ips >= 0.9 * c_ips)} |",
        f"| images/s, 2 cores | {fmt(nemo_ips)} | ImageMagick, best | {fmt(im_ips)} | {fmt(nemo_ips / im_ips)}x | "
        f"≥ 4x | {met(nemo_ips >= 4 * im_ips)} |",
        f"| CPU ms per image (check on the two above) | {fmt(cpu_ms(corpus['nemo-prep']), 0)} | C on libvips / "
        f"ImageMagick, best | {fmt(cpu_ms(corpus['C on libvips']), 0)} / "
        f"{fmt(cpu_ms(corpus['ImageMagick, best']), 0)} | "
        f"{fmt(cpu_ms(corpus['C on libvips']) / cpu_ms(corpus['nemo-prep']))}x / "
        f"{fmt(cpu_ms(corpus['ImageMagick, best']) / cpu_ms(corpus['nemo-prep']))}x | (context) | |",
    ]
    for name in ["vipsthumbnail + vips", "ImageMagick, default", "ImageMagick, best, own PNG settings", "Pillow",
                 "C on libvips, zlib 1", "C on libvips, JPEG shrink-on-load", "Pillow, own PNG encoder"]:
        if name not in corpus:
            continue
        value = ips(corpus[name])
        lines.append(f"| images/s, 2 cores | {fmt(nemo_ips)} | {name} | {fmt(value)} | {fmt(nemo_ips / value)}x | "
                     "(context) | |")
    lines += [
        f"| peak RSS of the batch, MiB | {fmt(nemo_rss, 0)} | C on libvips (both workers) | {fmt(c_rss, 0)} | "
        f"{fmt(nemo_rss - c_rss, 0)} MiB more | ≤ C + 30 MB | {met(nemo_rss <= c_rss + 30 * 1e6 / 2**20)} |",
        f"| 100 MP JPEG: peak RSS, MiB | {fmt(big_rss, 0)} | C on libvips | {fmt(big_c_rss, 0)} | "
        f"{fmt(big_rss / big_c_rss)}x | < 150 MB | {met(big_rss * 2**20 < 150e6)} |",
        f"| nemo-prep's planning pass alone (`--plan`: headers read, aspect chosen), seconds | "
        f"{fmt(p.get('planning_seconds', float('nan')))} | (none: the C program plans nothing) | | "
        f"{fmt(100 * p.get('planning_seconds', float('nan')) / seconds(corpus['nemo-prep']), 0)}% of nemo-prep's "
        "batch time, before its parallel work | (context) | |",
        f"| 100 MP JPEG: seconds | {fmt(seconds(huge['nemo-prep']))} | C on libvips | "
        f"{fmt(seconds(huge['C on libvips']))} | {fmt(seconds(huge['nemo-prep']) / seconds(huge['C on libvips']))}x "
        "| (context) | |",
        "",
        "All tools, the whole corpus (peak RSS: the processes that ran at once, added up; for a pool of processes, "
        "the two largest peaks, an upper bound; CPU ms per image: user + system time of all the tool's processes, "
        "the figure least disturbed by other load on the machine):",
        "",
        "| tool | images/s | seconds | CPU ms per image | peak RSS, MiB | largest process, MiB | mean PNG, MB | "
        "zlib FLEVEL seen | row filters seen | how it ran |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name in ["nemo-prep"] + [tool for tool in PREP_TOOLS if tool in corpus]:
        runs = corpus[name]
        check = p["corpus"]["checks"].get(name, {})
        note = "Sources/NemoPrep via the nemo-prep release build, 2 jobs" if name == "nemo-prep" else TOOL_NOTES[name]
        lines.append(
            f"| {name} | {fmt(ips(runs))} | {fmt(seconds(runs))} | {fmt(cpu_ms(runs), 0)} | {fmt(rss(runs), 0)} | "
            f"{fmt(mib(median([r['peak_process_kib'] for r in runs])), 0)} | {fmt(check.get('mean_bytes', 0) / 1e6)} | "
            f"{check.get('flevels', '?')} | {check.get('filters', '?')} | {note} |")
    lines += ["", "zlib FLEVEL 2 is what zlib writes for level 6 (1 for levels 2-5, 0 for level 1); "
              "row filter 0 is none. Failures, if any: "
              + ("; ".join(f"{name}: {r['failures'][0]}" for name, runs in corpus.items() for r in runs[:1]
                          if r["failures"]) or "none") + ".", ""]
    lines += ["The single 100-megapixel JPEG (12240x8160), one job each:", "",
              "| tool | seconds | peak RSS, MiB |", "|---|---|---|"]
    for name, runs in huge.items():
        lines.append(f"| {name} | {fmt(seconds(runs))} | {fmt(rss(runs), 0)} |")
    lines += [""] + stage_lines(p) + [""] + profile_lines(p) + [""]
    lines += explain.prep(p, nemo_ips, c_ips, im_ips, nemo_rss, c_rss, big_rss)
    loads = [r["load"] for runs in corpus.values() for r in runs if "load" in r]
    lines += ["", "Conditions (load when each round started):", ""]
    if loads:
        lines.append(f"- 1-minute load average at the start of each of the {len(loads)} corpus measurements: "
                     f"{fmt(min(loads))} to {fmt(max(loads))} (the benchmark itself keeps about 2 busy on these 2 "
                     "cores; more is other work)")
    lines += [f"- corpus {c}" for c in conditions(p["corpus"]["conditions"])]
    lines += [f"- 100 MP {c}" for c in conditions(p["huge"]["conditions"])]
    lines += [f"- stages and profiles {c}" for c in conditions(p.get("stage_conditions", []))]
    return lines


def stage_lines(p):
    s = p["stages"]
    order = ["decode", "resize", "crop", "contrast", "png"]
    labels = {"decode": "decode (full-size load; includes process start-up spread over the images)",
              "resize": "shrink and resize to cover, orient (vips_thumbnail)",
              "crop": "attention crop, ICC to sRGB, into memory",
              "contrast": "contrast (Lab, percentiles, stretch, back to sRGB)",
              "png": f"PNG encode, zlib {p['level']}, filter {p['filter']}"}
    total = s["png"]
    lines = [f"Where the time goes: the C program on one core, stopped after each stage (`prep_vips --until`), "
             f"on {len(p['stage_images'])} of the images ({', '.join(p['stage_images'])}); CPU time (user + system) "
             "per image, the least of the rounds, each stage's cost being the difference from the stage before:", "",
             "| stage | CPU ms per image | share |", "|---|---|---|"]
    previous = 0.0
    for stage in order:
        cost = s[stage] - previous
        previous = s[stage]
        lines.append(f"| {labels[stage]} | {fmt(cost, 0)} | {fmt(100 * cost / total, 0)}% |")
    lines.append(f"| whole chain | {fmt(total, 0)} | 100% |")
    return lines


def profile_lines(p):
    profile = p["profile"]
    if "error" in profile:
        return [f"perf profile: not taken ({profile['error']})."]
    lines = [f"Where nemo-prep's time goes next to the C program's: `perf record -e cpu-clock` (1000 samples/s), one "
             f"job each, the same {profile['images']} images; CPU milliseconds per image by library (Debian's "
             "libvips, zlib and libjpeg are stripped, so the stage table above splits libvips' share):", "",
             "| where | nemo-prep, ms/image | C program, ms/image | difference |", "|---|---|---|---|"]
    nemo, c = profile["nemo"], profile["c"]
    for name in sorted(nemo, key=lambda k: -max(nemo[k], c[k])):
        if max(nemo[name], c[name]) >= 1:
            lines.append(f"| {name} | {fmt(nemo[name], 0)} | {fmt(c[name], 0)} | {nemo[name] - c[name]:+.0f} |")
    lines.append(f"| all | {fmt(sum(nemo.values()), 0)} | {fmt(sum(c.values()), 0)} | "
                 f"{sum(nemo.values()) - sum(c.values()):+.0f} |")
    return lines


def sse_section(s):
    summary = s["summary"]
    names = list(summary)
    have_es = "mattt/EventSource" in summary
    lines = [
        "## 2. SSE parsing",
        "",
        f"Streams: {s['megabytes']} MB each, shaped like an ADK agent stream (`anchors/gen_sse.py`, seeded): "
        f"{s['expected']['events']:,} events with JSON payloads of 50-500 bytes (streamed text deltas, function "
        "calls and responses, state deltas, some non-ASCII text), `event:` and `id:` fields on some, a few two-line "
        "`data`, `: ping` heartbeats; line ends LF, CRLF, or mixed (70% LF, 25% CRLF, 5% lone CR). Each parser reads "
        "the stream from memory in chunks of the given size; MB/s is the median pass of the median round "
        f"({s['reps']} round(s), parsers alternating). Every full-stream pass was checked: the same events and "
        "data bytes as the generator wrote"
        + (" (mismatches: " + "; ".join(s["mismatches"]) + ")." if s["mismatches"] else ", none differed."),
        "",
        "Anchors: `anchors/sse_parse.c parse` (a complete C parser: CR/LF/CRLF across chunks, fields, events built "
        "in reused buffers), `sse_parse.c memchr` (LF splitting with memchr and nothing else: the floor, not a "
        "parser), httpx-sse (`EventSource(httpx.Response(...)).iter_sse()` over the chunks, httpx's decoding "
        "included). httpx-sse was given the first 300 kB at 1 B chunks and the first 20 MB at 64 B. httpx-sse also "
        "yields an event with empty data at every blank line once an `id:` was seen (after each heartbeat, here), "
        "which the spec does not dispatch: only its events with data are counted and checked.",
        "",
        "| stream | chunk | nemo MB/s | C parser | nemo / C | C memchr | httpx-sse | nemo / httpx-sse |"
        + (" EventSource | nemo / EventSource |" if have_es else ""),
        "|---|---|---|---|---|---|---|---|" + ("---|---|" if have_es else ""),
    ]
    for shape in ["lf", "crlf", "mixed"]:
        for chunk in ["1", "64", "4096", "65536"]:
            nemo = summary["nemo"][shape][chunk]["mbps"]
            c = summary["C parser"][shape][chunk]["mbps"]
            mem = summary["C memchr splitter"][shape][chunk]["mbps"]
            hx = summary["httpx-sse"][shape][chunk]["mbps"]
            row = (f"| {shape} | {chunk_label(chunk)} | {fmt(nemo)} | {fmt(c)} | {fmt(100 * nemo / c, 0)}% | "
                   f"{fmt(mem)} | {fmt(hx)} | {fmt(nemo / hx, 1)}x |")
            if have_es:
                es = summary["mattt/EventSource"][shape][chunk]["mbps"]
                row += f" {fmt(es)} | {fmt(nemo / es, 0)}x |"
            lines.append(row)
    lines += ["", "Targets, at 4 KiB chunks and up (the worst of the three streams and two chunk sizes):", "",
              "| figure | nemo | anchor | anchor's value | ratio | target | met? |", "|---|---|---|---|---|---|---|"]
    big = [(shape, chunk) for shape in ["lf", "crlf", "mixed"] for chunk in ["4096", "65536"]]

    def worst(anchor):
        return min(big, key=lambda k: summary["nemo"][k[0]][k[1]]["mbps"] / summary[anchor][k[0]][k[1]]["mbps"])

    for anchor, target, label in [("C parser", 0.30, "≥ 30% of C"), ("httpx-sse", 15, "≥ 15x")]:
        shape, chunk = worst(anchor)
        nemo = summary["nemo"][shape][chunk]["mbps"]
        value = summary[anchor][shape][chunk]["mbps"]
        ratio = nemo / value
        shown = f"{fmt(100 * ratio, 0)}%" if target < 1 else f"{fmt(ratio, 1)}x"
        lines.append(f"| MB/s, {shape}, {chunk_label(chunk)} | {fmt(nemo)} | {anchor} | {fmt(value)} | {shown} | "
                     f"{label} | {met(ratio >= target)} |")
    if have_es:
        shape, chunk = worst("mattt/EventSource")
        ratio = summary["nemo"][shape][chunk]["mbps"] / summary["mattt/EventSource"][shape][chunk]["mbps"]
        lines.append(f"| MB/s, {shape}, {chunk_label(chunk)} | {fmt(summary['nemo'][shape][chunk]['mbps'])} | "
                     f"mattt/EventSource | {fmt(summary['mattt/EventSource'][shape][chunk]['mbps'])} | "
                     f"{fmt(ratio, 0)}x | ≥ 100x | {met(ratio >= 100)} |")
    else:
        lines.append("| MB/s | see above | mattt/EventSource 1.1.1 | does not build on Linux | n/a | ≥ 100x | "
                     "**not measurable here** |")
    lines += [""] + eventsource_lines(s) + [""] + allocation_lines(s) + [""]
    lines += explain.sse(s)
    lines += ["", "Conditions (load when each round started):", ""]
    lines += [f"- {c}" for c in conditions(s["conditions"])]
    return lines


def chunk_label(chunk):
    chunk = int(chunk)
    return f"{chunk // 1024} KiB" if chunk >= 1024 else f"{chunk} B"


def eventsource_lines(s):
    if not s["eventsource_errors"]:
        return ["mattt/EventSource 1.1.1 built (`anchors/eventsource-anchor`) and was measured through its `Parser` "
                "actor, one `consume(_:)` call per byte as its AsyncSequence does."]
    return ["mattt/EventSource 1.1.1 was depended on from `anchors/eventsource-anchor/Package.swift` (a package of "
            "its own, so the bench package still builds) and does not compile on Linux, so it is not measured in this "
            "run. "
            "The compiler says:", "", "```"] + s["eventsource_errors"] + [
            "```", "", "Its parser is an actor taking one `consume(_:)` call per byte (and its AsyncSequence one "
            "more `await` per byte); shared/PERF_NOTES.md records about 19 MB/s for it, measured elsewhere, not "
            "here. Its source is not copied into this repository."]


def allocation_lines(s):
    a = s["allocations"]
    if "error" in a:
        return [f"Allocations per event: not measured ({a['error'][-300:]})."]
    lines = ["Allocations per event: ordo-one/benchmark 1.38.1 (`Benchmarks/SSEAllocations`, malloc counters; "
             "its executable run directly), `SSEParser.parse(_:_:)` with a callback over the first 4 MB of each "
             "stream, "
             "mallocs of one pass divided by the events it dispatched (the one allocation is the event's data "
             "`String`; the C parser allocates nothing per event, its buffers are reused):", "",
             "| stream | 1 B | 64 B | 4 KiB | 64 KiB |", "|---|---|---|---|---|"]
    for shape in ["lf", "crlf", "mixed"]:
        cells = [fmt(a.get(f"{shape} {c}", {}).get("per_event", float("nan")), 2) for c in [1, 64, 4096, 65536]]
        lines.append(f"| {shape} | " + " | ".join(cells) + " |")
    return lines


def full_runs_written(path):
    """From the RESULTS.md at `path`: ({section name: its header line} for every section a full run wrote, {section
    heading: its text}), so that a quick run of other sections (or an older quick result on disk) never replaces a
    full run's figures."""
    if not path.exists():
        return {}, {}
    text = path.read_text()
    headers = {match.group(1): match.group(0)
               for match in re.finditer(r"^- Section `(\w+)`: full run started.*$", text, re.MULTILINE)}
    blocks = {block.split("\n", 1)[0]: "## " + block.rstrip("\n") for block in text.split("\n## ")[1:]}
    return headers, blocks


def write():
    path = BENCH / "RESULTS.md"
    full_headers, full_blocks = full_runs_written(path)
    sections = [("prep", load_saved("prep"), prep_section), ("sse", load_saved("sse"), sse_section)]
    sections += [(name, load_saved(name), render) for name, render in [
        ("stream", report_client.stream_section), ("transfer", report_client.transfer_section),
        ("mock", report_client.mock_section), ("pipeline", report_client.pipeline_section),
        ("soak", report_client.soak_section)]]
    lines = ["# bench results", "",
             "Written by `bench/run` (see `bench/README.md`): nemo measured side by side with the tools users would "
             "otherwise pick, on this machine, in the same run. Absolute times on these shared 2-core machines are "
             "noisy: **the ratios are the result.** Each section shows its latest full run; a quick run shows only "
             "where no full run was written before.", ""]
    lines += machine()
    bodies = []
    for name, result, render in sections:
        if not result:
            continue
        body = render(result)
        heading = body[0][3:] if body and body[0].startswith("## ") else None
        if result["quick"] and name in full_headers and heading in full_blocks:
            lines.append(full_headers[name])
            bodies += full_blocks[heading].split("\n") + [""]
        else:
            lines.append(f"- Section `{name}`: {'quick' if result['quick'] else 'full'} run started "
                         f"{result['started']}, {result['minutes']:.1f} min")
            bodies += body + [""]
    lines.append("")
    path.write_text("\n".join(lines + bodies))
    return path
