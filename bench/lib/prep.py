"""Section "prep": nemo-prep's chain against the C program on libvips, the vips CLI, ImageMagick and Pillow."""
import json
import os
import resource
import shutil
import struct
import subprocess
import time
import zlib
from pathlib import Path

from common import BIN, BENCH, NEMO_PREP, WORK, log, machine_load, median, run_pool

CORPUS_VERSION = "1"  # bump when gen_images.c or the list below changes
ANCHORS = BENCH / "anchors"
LEVEL, FILTER = 6, "none"  # every tool: zlib level 6, no row filter (nemo-prep's and libvips' defaults)
JOBS = 2  # one per core
# ImageMagick 6.9.11 writes unfiltered rows for png:compression-filter=1 (and 2-4), while 0 gives Sub/Average rows:
# its option is off by one. check_outputs() reads the filter bytes every tool wrote, so a change would show.
MAGICK_FILTER_NONE = "1"


def corpus_plan(quick):
    """(name, kind, width, height, seed, orientation, profile) of every input; quick runs take a slice."""
    jpegs = []
    for i in range(20):
        orientation = {3: 3, 7: 6, 11: 8, 15: 2}.get(i, 1)  # some rotated or mirrored by EXIF
        profile = "p3" if i % 5 == 1 else "srgb" if i % 5 == 3 else "none"  # Display P3 -> sRGB is real work
        jpegs.append((f"photo{i:02d}.jpg", "jpeg", 6000, 4000, i + 1, orientation, profile))
    pngs = [(f"alpha{i}.png", "png", 4000, 3000, 100 + i, 1, "none") for i in range(5)]
    if quick:
        return jpegs[:4] + pngs[:1]
    return jpegs + pngs


def big_plan():
    return ("huge100mp.jpg", "jpeg", 12240, 8160, 500, 1, "none")  # 99.9 megapixels


def generate(quick):
    """Writes the inputs that are missing (deterministic: same seed, same pixels); returns their paths."""
    folder = WORK / f"corpus-v{CORPUS_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    todo = []
    for item in corpus_plan(quick) + [big_plan()]:
        path = folder / item[0]
        paths.append(path)
        if not path.exists():
            todo.append((path, item))
    for path, (_, kind, w, h, seed, orientation, profile) in todo:
        log(f"generating {path.name} ({w}x{h})")
        partial = path.with_suffix(".part" + path.suffix)
        subprocess.run([BIN / "gen_images", kind, partial, str(w), str(h), str(seed), str(orientation), profile],
                       check=True, env=dict(os.environ, VIPS_CONCURRENCY="2"))
        partial.rename(path)
    return paths[:-1], paths[-1]


def png_settings(path):
    """The zlib FLEVEL (2 = level 6) and the set of row filter types of a PNG, read from its bytes."""
    data = path.read_bytes()
    pos = 8
    idat = b""
    width = height = bpp = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", data[pos + 8:pos + 18])
            bpp = {0: 1, 2: 3, 4: 2, 6: 4}[colour] * depth // 8
        elif kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp + 1
    return {"flevel": idat[1] >> 6, "filters": sorted({raw[y * stride] for y in range(height)}),
            "size": f"{width}x{height}", "bytes": len(data)}


def tools(files, out, single=False):
    """Each tool's processes for one batch: (commands, how many at once, environment)."""
    icc = WORK / "srgb.icc"
    names = [str(f) for f in files]
    jobs = 1 if single else JOBS
    return {
        "nemo-prep": ([[NEMO_PREP, *names, "-o", out, "--aspect", "16:9", "--fit", "crop", "--contrast", "0.3",
                        "--png-compression", str(LEVEL), "--png-filter", FILTER, "--jobs", str(jobs), "--json"]],
                      1, None),
        "C on libvips": ([[BIN / "prep_vips", "-j", str(jobs), "-o", out, "--compression", str(LEVEL),
                           "--filter", FILTER, *names]], 1, None),
        "vipsthumbnail + vips": ([[ANCHORS / "vips_cli_prep.sh", f, f"{out}/{Path(f).stem}.png", str(LEVEL), FILTER]
                                  for f in names], jobs, None),
        "ImageMagick, best": ([[ANCHORS / "magick_prep.sh", "best", f, f"{out}/{Path(f).stem}.png", str(LEVEL),
                                MAGICK_FILTER_NONE, icc] for f in names], jobs, None),
        "ImageMagick, default": ([[ANCHORS / "magick_prep.sh", "default", f, f"{out}/{Path(f).stem}.png", str(LEVEL),
                                   MAGICK_FILTER_NONE, icc] for f in names], 1, None),
        "ImageMagick, best, own PNG settings": ([[ANCHORS / "magick_prep.sh", "best", f,
                                                  f"{out}/{Path(f).stem}.png", str(LEVEL), "own", icc]
                                                 for f in names], jobs, None),
        "Pillow": ([["python3", ANCHORS / "pillow_prep.py", out, str(LEVEL), FILTER, *names[k::jobs]]
                    for k in range(jobs)], jobs, None),
        "Pillow, own PNG encoder": ([["python3", ANCHORS / "pillow_prep.py", out, str(LEVEL), "pillow",
                                      *names[k::jobs]] for k in range(jobs)], jobs, None),
    }


def run_tool(name, spec, out, expected):
    """One run of one tool on a clean output folder: seconds, images written, peak RSS of the processes together.

    Peak total: for the C program, the sum of its workers' peaks (they run side by side all along); for a pool of
    processes, the sum of the `jobs` largest peaks (an upper bound of what ran at once); for nemo-prep, its own.
    """
    commands, jobs, env = spec
    shutil.rmtree(out, ignore_errors=True)
    Path(out).mkdir(parents=True)
    load = float(Path("/proc/loadavg").read_text().split()[0])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    if name.startswith("C on libvips"):
        start = time.perf_counter()
        process = subprocess.run(commands[0], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        info = json.loads(process.stdout.strip().splitlines()[-1]) if process.stdout.strip() else {}
        peaks = sorted(info.get("worker_maxrss_kib", []), reverse=True)
        failures = [] if process.returncode == 0 else [{"code": process.returncode, "stderr": process.stderr[-1500:]}]
        total = sum(peaks)
    else:
        result = run_pool(commands, jobs, env)
        seconds, failures = result["seconds"], result["failures"][:3]
        peaks = sorted(result["peaks_kib"], reverse=True)
        total = sum(peaks[:jobs])
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    written = sorted(Path(out).glob("*.png"))
    return {"seconds": seconds, "cpu_seconds": cpu, "load": load, "images": len(written), "expected": expected,
            "peak_total_kib": total,
            "peak_process_kib": peaks[0] if peaks else 0, "failures": failures, "outputs": written}


def check_outputs(paths):
    """What the tool wrote: sizes, zlib levels and row filters seen (every tool must show level 6 and filter 0)."""
    sizes, flevels, filters, total = set(), set(), set(), 0
    for path in paths:
        info = png_settings(path)
        sizes.add(info["size"])
        flevels.add(info["flevel"])
        filters.update(info["filters"])
        total += info["bytes"]
    return {"sizes": sorted(sizes), "flevels": sorted(flevels), "filters": sorted(filters),
            "mean_bytes": total / len(paths) if paths else 0}


def slug(name):
    return "".join(c if c.isalnum() else "-" for c in name.lower())


def batch(files, reps, names, single=False, label="batch"):
    """Runs the tools alternately, `reps` rounds (the order rotates each round); returns per-tool runs and checks."""
    runs = {name: [] for name in names}
    checks = {}
    conditions = []
    for rep in range(reps):
        conditions.append(machine_load())
        order = names[rep % len(names):] + names[:rep % len(names)]
        for name in order:
            out = WORK / "out" / slug(name)
            spec = all_tools(files, out, single)[name]
            log(f"{label} round {rep + 1}/{reps}: {name}")
            result = run_tool(name, spec, out, len(files))
            if name not in checks and result["outputs"]:
                checks[name] = check_outputs(result["outputs"])
            result.pop("outputs")
            runs[name].append(result)
    return {"runs": runs, "checks": checks, "conditions": conditions}


def all_tools(files, out, single):
    specs = tools(files, out, single)
    names = [str(f) for f in files]
    jobs = 1 if single else JOBS
    specs["C on libvips, zlib 1"] = ([[BIN / "prep_vips", "-j", str(jobs), "-o", out, "--compression", "1",
                                       "--filter", FILTER, *names]], 1, None)
    specs["C on libvips, JPEG shrink-on-load"] = ([[BIN / "prep_vips", "-j", str(jobs), "-o", out, "--compression",
                                                    str(LEVEL), "--filter", FILTER, "--shrink-on-load", *names]], 1,
                                                  None)
    return specs


STAGES = ["decode", "resize", "crop", "contrast", "png"]


def stage_times(files, reps):
    """The C program on one core, stopped after each stage: CPU milliseconds per image (user + system), cumulative,
    the least of the rounds (other load on the machine only ever adds time, to CPU time too on shared cores)."""
    totals = {stage: [] for stage in STAGES}
    for rep in range(reps):
        for stage in STAGES:
            log(f"stages round {rep + 1}/{reps}: until {stage}")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([BIN / "prep_vips", "-j", "1", "--until", stage, "--compression", str(LEVEL),
                            *map(str, files)], check=True, capture_output=True)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            totals[stage].append(cpu * 1000 / len(files))
    return {stage: min(values) for stage, values in totals.items()}


# Debian's libvips, libz and libjpeg are stripped: samples are attributed by library, and the stage toggles of the C
# program (stage_times) split libvips' share.
PROFILE_BUCKETS = [
    ("JPEG decode (libjpeg)", lambda dso: "libjpeg" in dso),
    ("zlib: PNG deflate (and inflate of the PNG inputs)", lambda dso: dso.startswith("libz.")),
    ("libpng (rows, CRC)", lambda dso: "libpng" in dso),
    ("libvips (resize, colour, attention crop, contrast, copies)", lambda dso: "libvips" in dso),
    ("lcms2 (ICC to sRGB)", lambda dso: "lcms" in dso),
    ("nemo-prep itself (Swift code, SHA-256 of inputs and outputs)", lambda dso: dso == "nemo-prep"),
    ("Swift runtime and Foundation", lambda dso: "swift" in dso.lower() or "Foundation" in dso),
    ("glib, gobject", lambda dso: "libglib" in dso or "libgobject" in dso),
    ("libc (memcpy, malloc)", lambda dso: dso.startswith("libc.") or dso.startswith("libm.")),
    ("kernel (file I/O, page faults)", lambda dso: "kernel" in dso),
]


def perf_samples(command):
    """CPU milliseconds per library of one command, from `perf record -e cpu-clock` at 1000 samples per second."""
    data = WORK / "perf-prep.data"
    record = subprocess.run(["perf", "record", "-e", "cpu-clock", "-F", "1000", "-o", str(data), "--",
                             *map(str, command)], capture_output=True, text=True)
    if record.returncode != 0:
        raise RuntimeError(f"perf record failed: {record.stderr[-500:]}")
    report = subprocess.run(["perf", "report", "-i", str(data), "--stdio", "-n", "--sort", "dso"],
                            capture_output=True, text=True).stdout
    samples = {}
    for line in report.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0].endswith("%") and parts[1].isdigit():
            samples[parts[2]] = samples.get(parts[2], 0) + int(parts[1])
    return samples


def perf_profile(files):
    """Where the time goes in nemo-prep and in the C program, one job each on `files`: CPU ms per image by library."""
    if shutil.which("perf") is None:
        return {"error": "perf is not installed"}
    out = WORK / "out" / "perf"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    try:
        nemo = perf_samples([NEMO_PREP, *files, "-o", out, "--aspect", "16:9", "--fit", "crop", "--contrast", "0.3",
                             "--png-compression", LEVEL, "--png-filter", FILTER, "--jobs", "1", "--json"])
        c = perf_samples([BIN / "prep_vips", "-j", "1", "-o", out, "--compression", LEVEL, "--filter", FILTER,
                          *files])
    except RuntimeError as error:
        return {"error": str(error)}

    def bucketed(samples):
        buckets = {name: 0.0 for name, _ in PROFILE_BUCKETS}
        buckets["other"] = 0.0
        for dso, count in samples.items():
            name = next((name for name, rule in PROFILE_BUCKETS if rule(dso)), "other")
            buckets[name] += count / len(files)
        return buckets

    return {"nemo": bucketed(nemo), "c": bucketed(c), "images": len(files),
            "nemo_top": sorted(nemo.items(), key=lambda kv: -kv[1])[:10]}


def planning_seconds(files, reps):
    """nemo-prep's planning pass alone (`--plan`: every header read, the batch's aspect chosen), median seconds.

    It runs before the parallel image work, on one thread, so it is part of the batch's wall time."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        subprocess.run([NEMO_PREP, *map(str, files), "--plan", "--aspect", "16:9", "--fit", "crop", "--json"],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return median(times)


def run(quick):
    files, big = generate(quick)
    icc = WORK / "srgb.icc"
    if not icc.exists():  # libvips' built-in sRGB profile as a file, for ImageMagick's -profile
        subprocess.run(["vips", "black", WORK / "black.v", "8", "8", "--bands", "3"], check=True)
        subprocess.run(["vips", "copy", WORK / "black.v", f"{WORK}/srgb-profile.jpg[profile=srgb]"], check=True)
        subprocess.run(["/usr/bin/convert-im6.q16", WORK / "srgb-profile.jpg", icc], check=True)
    reps = 1 if quick else 3
    names = list(all_tools(files, WORK, False).keys())
    corpus = batch(files, reps, names, label="corpus")
    big_names = ["nemo-prep", "C on libvips", "vipsthumbnail + vips", "ImageMagick, best", "Pillow"]
    huge = batch([big], 1 if quick else 2, big_names, single=True, label="100 MP")
    subset = files[:3] + files[-1:] if quick else files[:6] + files[-2:]
    stage_conditions = [machine_load()]
    stages = stage_times(subset, 1 if quick else 3)
    planning = planning_seconds(files, 3)
    log("profiling nemo-prep with perf")
    profile = perf_profile(subset)
    plan = corpus_plan(quick)
    built = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(NEMO_PREP.stat().st_mtime))
    commit = subprocess.run(["git", "-C", BENCH.parent, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", BENCH.parent, "status", "--porcelain", "--", "Sources", "Package.swift"],
                           capture_output=True, text=True).stdout.strip() != ""
    return {"nemo_prep_build": f"release build of {built}, from commit {commit}"
                               + (" plus uncommitted changes in Sources/" if dirty else ""),
            "quick": quick, "files": [f.name for f in files], "big": big.name,
            "oriented": sum(1 for item in plan if item[5] != 1),
            "profiles": sorted({item[6] for item in plan if item[6] != "none"}),
            "with_profile": sum(1 for item in plan if item[6] != "none"), "level": LEVEL, "filter": FILTER,
            "jobs": JOBS, "corpus": corpus, "huge": huge, "stage_images": [f.name for f in subset],
            "stages": stages, "profile": profile, "planning_seconds": planning,
            "stage_conditions": stage_conditions}
