#!/usr/bin/env python3
"""Sorts LeakSanitizer reports into GLib's per-thread GSlice caches and everything else.

usage: lsan-known.py LOG...   prints "known=K bytes=B other=N" (K leaked objects recognised, N report blocks not);
                              exits 0 when nothing else leaked and K is at most MOST_KNOWN, 1 otherwise

GLib 2.74 gives every thread that allocates through GSlice one 2,032-byte block (`thread_memory_from_self`, through
`g_private_set_alloc0`), which GLib documents as allocated once per thread and "known to be leaked", and frees when its
thread exits. A few of them are found unreachable after a long leak loop (4 after 110,000 operations). Their stack
stops at `g_malloc0` (GLib has no frame pointers), so a suppression by function name would hide every GLib
allocation; they are recognised here by exactly that shape instead: objects of 2,032 bytes each, allocated by
`calloc` called from `g_malloc0` in libglib, with no further frame, and at most MOST_KNOWN of them (one a thread; a
leak per operation would be thousands). Any other leak block counts as "other".
"""
import re
import sys

MOST_KNOWN = 16

BLOCK = re.compile(r"^(Direct|Indirect) leak of (\d+) byte\(s\) in (\d+) object\(s\) allocated from:\n((?:    #\d+ .*\n?)+)",
                   re.MULTILINE)
known = known_bytes = other = 0
for path in sys.argv[1:]:
    text = open(path, errors="replace").read()
    for kind, size, count, frames in BLOCK.findall(text):
        size, count = int(size), int(count)
        lines = [line.strip() for line in frames.strip().splitlines()]
        glib_cache = (kind == "Direct" and size == 2032 * count and len(lines) == 2
                      and " in calloc " in lines[0] and " in g_malloc0 (" in lines[1] and "libglib-2.0.so" in lines[1])
        if glib_cache:
            known += count
            known_bytes += size
        else:
            other += 1
print(f"known={known} bytes={known_bytes} other={other}")
sys.exit(0 if other == 0 and known <= MOST_KNOWN else 1)
