#!/usr/bin/env python3
"""Two bloglint binaries on one site, run in turn: wall-time medians.

Usage: scripts/ab.py OLD_BINARY NEW_BINARY SITE [RUNS] [-- bloglint check args]

Each binary gets its own copy of SITE (in a temporary folder), so that
their caches do not invalidate each other; the runs alternate (old, new,
new, old, ...) so that the machine's drift falls on both. One warm-up run
each, not counted.
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, extra = argv[:i], argv[i + 1:]
    if len(argv) < 3:
        sys.exit(__doc__)
    old, new, site = (os.path.abspath(a) for a in argv[:3])
    runs = int(argv[3]) if len(argv) > 3 else 50
    with tempfile.TemporaryDirectory() as tmp:
        sites = {}
        for name in ("old", "new"):
            sites[name] = f"{tmp}/{name}"
            shutil.copytree(site, sites[name], ignore=shutil.ignore_patterns(".bloglint-cache"))
        bins = {"old": old, "new": new}
        cmd = lambda k: [bins[k], "check", "--format", "concise", *extra]
        times = {"old": [], "new": []}
        for k in bins:
            subprocess.run(cmd(k), cwd=sites[k], capture_output=True)
        for i in range(runs):
            for k in (("old", "new") if i % 2 == 0 else ("new", "old")):
                t = time.perf_counter()
                subprocess.run(cmd(k), cwd=sites[k], capture_output=True)
                times[k].append((time.perf_counter() - t) * 1000)
    for k in ("old", "new"):
        v = times[k]
        print(f"{k}: median {statistics.median(v):.1f} ms, min {min(v):.1f} ms ({bins[k]})")

if __name__ == "__main__":
    main()
