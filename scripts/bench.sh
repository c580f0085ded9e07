#!/usr/bin/env bash
# Benchmarks: bloglint against the floor (read + pulldown-cmark, in
# parallel, nothing else) and other Markdown linters, on the Hugo docs corpus,
# the Jekyll docs corpus and on generated sites, in one run on one machine.
#
# Usage: scripts/bench.sh
# Environment:
#   SIZES="1000 10000 100000"   generated site sizes (pages)
#   BENCH_DIR=/tmp/bloglint-bench  where sites are generated (never committed)
#   CORPUS=../shared/corpus/hugodocs  copied into BENCH_DIR first, so that
#                                   caches are not written into it
#   JEKYLL_CORPUS=../shared/corpus/jekylldocs  the same, for the Jekyll docs
#                                   (a Jekyll site: its floor reads what
#                                   Jekyll's read plan lists, see
#                                   examples/floor.rs)
#   MADO=/tmp/mado/target/release/mado  mado, built from its repository
#   RUNS=N                      runs per command (default: 15 up to 1k pages,
#                               5 up to 10k, 3 above); one warm-up run before
#   SLOW=1                      also run markdownlint-cli2 on sites over 10k
#                               pages (minutes per run)
#   ONLY="bloglint floor"       run only these tools
#   BLOGLINT=path               the bloglint binary to time (default:
#                               target/release/bloglint), e.g. an older build
# Needs python3. Optional: mado (see docs/benchmarks.md), rumdl (pip install rumdl),
# markdownlint-cli2 (npm install -g markdownlint-cli2); each is skipped with
# a message when missing.
#
# Every run is timed by a small Python driver: wall time (monotonic clock),
# CPU time (user + system) and peak RSS of the process tree's largest
# process (wait4). It prints medians and ratios as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/bloglint-bench}
sizes=${SIZES:-"1000 10000 100000"}
corpus=${CORPUS:-../shared/corpus/hugodocs}
jekyll_corpus=${JEKYLL_CORPUS:-../shared/corpus/jekylldocs}
mado=${MADO:-/tmp/mado/target/release/mado}

cargo build --release --quiet --bin bloglint --example floor --example gen-site
mkdir -p "$work"
sites=()
for pair in "hugodocs:$corpus" "jekylldocs:$jekyll_corpus"; do
  name=${pair%%:*}
  src=${pair#*:}
  if [ -d "$src" ]; then
    rm -rf "${work:?}/$name"
    cp -rp "$src" "$work/$name"  # keeping times: files as old as in the corpus
    rm -rf "$work/$name/.bloglint-cache" "$work/$name/.rumdl_cache" "$work/$name/.jekyll-cache"
    sites+=("$work/$name")
  else
    echo "corpus not found at $src: skipped"
  fi
done
for n in $sizes; do
  site="$work/site-$n"
  if [ ! -f "$site/.complete" ]; then
    rm -rf "$site"
    target/release/examples/gen-site "$n" "$site"
    touch "$site/.complete"
  fi
  sites+=("$site")
done

exec python3 - "$mado" "${sites[@]}" <<'PY'
import os, shutil, statistics, subprocess, sys, time

mado, sites = sys.argv[1], sys.argv[2:]
bloglint = os.path.realpath(os.environ.get("BLOGLINT") or "target/release/bloglint")
floor = os.path.realpath("target/release/examples/floor")
only = os.environ.get("ONLY", "").split()
slow = os.environ.get("SLOW") == "1"

def have(tool):
    return shutil.which(tool) is not None

def run_once(cmd, cwd):
    start = time.perf_counter()
    with open(os.devnull, "w") as null:
        p = subprocess.Popen(cmd, cwd=cwd, stdout=null, stderr=null, shell=isinstance(cmd, str))
        _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, code

def bench(cmd, cwd, runs):
    run_once(cmd, cwd)  # warm-up: page cache, and the tools' own caches
    walls, cpus, rss = [], [], []
    for _ in range(runs):
        w, c, m, code = run_once(cmd, cwd)
        if code not in (0, 1):
            return None
        walls.append(w); cpus.append(c); rss.append(m)
    return statistics.median(walls), statistics.median(cpus), max(rss)

def fmt_t(s):
    return f"{s*1000:.0f} ms" if s < 10 else f"{s:.1f} s"

def jekyll(site):
    return any(os.path.exists(os.path.join(site, f))
               for f in ("_config.yml", "_config.yaml", "_config.toml"))

def pages(site):
    # Hugo: the Markdown under content/; Jekyll: every Markdown file
    # outside hidden folders and _site (what the floor reads, near enough).
    n = 0
    top = site if jekyll(site) else os.path.join(site, "content")
    ext = (".md", ".markdown") if jekyll(site) else (".md",)
    for d, dirs, files in os.walk(top):
        dirs[:] = [x for x in dirs if not x.startswith(".") and x != "_site"]
        n += sum(f.endswith(ext) for f in files)
    return n

def staged(site):
    for rel in ("content/posts/part-000/page-000001.md",
                "content/en/content-management/front-matter.md",
                "_docs/front-matter.md"):
        if os.path.exists(os.path.join(site, rel)):
            return rel
    return None

cpu = "?"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip(); break
print(f"machine: {os.cpu_count()} cores, {cpu}; "
      f"{time.strftime('%Y-%m-%d')}; load average at start "
      f"{os.getloadavg()[0]:.1f}")
print()
print("| site | command | wall (median) | CPU (median) | peak RSS | wall vs floor | CPU vs floor |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
results = {}
for site in sites:
    name = os.path.basename(site)
    n = pages(site)
    runs = int(os.environ.get("RUNS", 15 if n <= 1500 else 5 if n <= 15000 else 3))
    rel = staged(site)
    content = ("." if jekyll(site)
               else "content/en" if os.path.isdir(os.path.join(site, "content/en"))
               else "content")
    cmds = [
        ("floor", "floor", [floor, site]),
        ("bloglint", "bloglint --no-cache", [bloglint, "check", "--no-cache", "--format", "concise", site]),
        ("bloglint", "bloglint (cache)", [bloglint, "check", "--format", "concise", site]),
    ]
    if rel:
        cmds += [
            ("bloglint", "bloglint --no-cache FILE", [bloglint, "check", "--no-cache", os.path.join(site, rel)]),
            ("bloglint", "bloglint FILE (cache)", [bloglint, "check", os.path.join(site, rel)]),
        ]
    if os.access(mado, os.X_OK):
        cmds.append(("mado", "mado check", [mado, "check", "--quiet", content]))
    elif name == os.path.basename(sites[0]):
        print(f"<!-- mado not found at {mado}: skipped (see docs/benchmarks.md) -->")
    if have("rumdl"):
        cmds.append(("rumdl", "rumdl check --isolated", ["rumdl", "check", "--isolated", content]))
    elif name == os.path.basename(sites[0]):
        print("<!-- rumdl not found (pip install rumdl): skipped -->")
    if have("markdownlint-cli2"):
        if n <= 15000 or slow:
            cmds.append(("markdownlint-cli2", "markdownlint-cli2",
                         ["markdownlint-cli2", f"{content}/**/*.md"]))
        else:
            print(f"<!-- markdownlint-cli2 skipped on {name} (SLOW=1 runs it) -->")
    elif name == os.path.basename(sites[0]):
        print("<!-- markdownlint-cli2 not found (npm install -g markdownlint-cli2): skipped -->")
    for tool, label, cmd in cmds:
        if only and tool not in only:
            continue
        r = bench(cmd, site, runs if tool != "markdownlint-cli2" or n <= 15000 else 1)
        if r is None:
            print(f"| {name} | {label} | failed | | | | |")
            continue
        results[(name, label)] = r
        f = results.get((name, "floor"))
        ratio = f"{r[0] / f[0]:.2f}×" if f else ""
        cpu_ratio = f"{r[1] / f[1]:.2f}×" if f else ""
        print(f"| {name} ({n} pages) | {label} | {fmt_t(r[0])} | {fmt_t(r[1])} | "
              f"{r[2] / 1024:.0f} MiB | {ratio} | {cpu_ratio} |", flush=True)

print()
print("ratios (wall-time medians; CPU-time medians in brackets):")
def ratio(a, b, what):
    if a in results and b in results:
        print(f"  {what}: {results[a][0] / results[b][0]:.2f} "
              f"({results[a][1] / results[b][1]:.2f})")
for site in sites:
    name = os.path.basename(site)
    ratio((name, "bloglint --no-cache"), (name, "floor"), f"{name}: bloglint --no-cache / floor")
    ratio((name, "bloglint (cache)"), (name, "floor"), f"{name}: bloglint (cache) / floor")
    ratio((name, "bloglint --no-cache"), (name, "mado check"), f"{name}: bloglint --no-cache / mado")
    ratio((name, "bloglint (cache)"), (name, "mado check"), f"{name}: bloglint (cache) / mado")
    ratio((name, "bloglint --no-cache"), (name, "rumdl check --isolated"), f"{name}: bloglint --no-cache / rumdl")
for label in ("bloglint --no-cache", "bloglint (cache)", "floor"):
    ratio(("site-100000", label), ("site-10000", label), f"100k / 10k pages, {label}")
print(f"load average at end {os.getloadavg()[0]:.1f}")
PY
