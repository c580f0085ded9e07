#!/usr/bin/env python3
"""Benchmark of `bloglint server`: the time from a `didChange` to the
`publishDiagnostics` of that version, and the server's memory next to
`bloglint check`'s, on the Hugo docs corpus and on generated sites.

Usage: scripts/bench-server.py            (after cargo build --release)
Environment:
  BLOGLINT=path      the binary (default target/release/bloglint)
  BENCH_DIR=dir      where sites are copied or generated
                     (default /tmp/bloglint-bench-server)
  CORPUS=dir         the Hugo docs (default ../shared/corpus/hugodocs),
                     copied into BENCH_DIR: no cache is written into it
  SIZES="10000"      generated site sizes (target/release/examples/gen-site,
                     as scripts/bench.sh makes them)
  RUNS=N             changes timed per kind (default 40)

Each change is sent after a quiet spell longer than the server's debounce
(50 ms), as a writer's pause: the server lints it at once, so the figure
is the lint of the whole site with the buffer in it, plus the protocol.
Two kinds of change: body text (a word appended to a paragraph), and one
that touches the site index (an alias added to the front matter, a new
URL every time). Peak RSS: the server's (VmHWM, after the runs) and
`bloglint check`'s on the same site with the same (warm) cache, through
/usr/bin/time -v where it is installed, else wait4.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOGLINT = os.path.realpath(os.environ.get("BLOGLINT") or os.path.join(ROOT, "target/release/bloglint"))
WORK = os.environ.get("BENCH_DIR", "/tmp/bloglint-bench-server")
CORPUS = os.environ.get("CORPUS", os.path.join(ROOT, "../shared/corpus/hugodocs"))
SIZES = os.environ.get("SIZES", "10000").split()
RUNS = int(os.environ.get("RUNS", "40"))


class Server(Client):
    def __init__(self, root):
        self.log = open(os.path.join(WORK, "server.log"), "ab")
        super().__init__([BLOGLINT, "server"], root, self.log)

    def peak_rss_kib(self):
        for line in open(f"/proc/{self.p.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0


def check_rss_kib(root):
    cmd = [BLOGLINT, "check"]
    if shutil.which("/usr/bin/time") or os.path.exists("/usr/bin/time"):
        r = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=root, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True)
        for line in r.stderr.splitlines():
            if "Maximum resident set size" in line:
                return int(line.split(":")[1])
    p = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return usage.ru_maxrss


def with_alias(text, n):
    if text.startswith("---\n"):
        return f"---\naliases: [/bench-alias-{n}/]\n" + text[4:]
    if text.startswith("+++\n"):
        return f"+++\naliases = ['/bench-alias-{n}/']\n" + text[4:]
    raise SystemExit("the page has no YAML or TOML front matter")


def with_word(text, n):
    return text.rstrip("\n") + f" word{n}\n"


def stats(xs):
    xs = sorted(xs)
    p90 = xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]
    return statistics.median(xs), p90


def bench(name, root, page):
    root = os.path.realpath(root)
    path = os.path.join(root, page)
    text = open(path, encoding="utf-8").read()
    s = Server(root)
    t0 = time.perf_counter()
    s.request("initialize", {"processId": None, "rootUri": uri(root),
                             "workspaceFolders": [{"uri": uri(root), "name": name}],
                             "capabilities": {}})
    s.notify("initialized", {})
    u = uri(path)
    s.notify("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "markdown",
                                                       "version": 1, "text": text}})
    at, _ = s.wait_diagnostics(u, 1)
    ready = at - t0
    version = 1
    results = {}
    for kind, edit in (("body text", with_word), ("index (alias)", with_alias)):
        times = []
        for i in range(RUNS + 2):
            version += 1
            time.sleep(0.12)  # a pause longer than the debounce
            sent = s.notify("textDocument/didChange", {
                "textDocument": {"uri": u, "version": version},
                "contentChanges": [{"text": edit(text, i)}]})
            at, _ = s.wait_diagnostics(u, version)
            if i >= 2:  # two warm-up changes
                times.append(at - sent)
        results[kind] = stats(times)
    rss = s.peak_rss_kib()
    s.stop()
    cli = check_rss_kib(root)
    return ready, results, rss, cli


def main():
    os.makedirs(WORK, exist_ok=True)
    if not os.path.exists(BLOGLINT):
        raise SystemExit(f"{BLOGLINT}: build it first (cargo build --release)")
    sites = []
    if os.path.isdir(CORPUS):
        dest = os.path.join(WORK, "hugodocs")
        if not os.path.isdir(dest):
            shutil.copytree(CORPUS, dest, symlinks=True)
        for c in ("content/en/content-management/front-matter.md",):
            if os.path.exists(os.path.join(dest, c)):
                sites.append(("hugodocs", dest, c))
    else:
        print(f"corpus not found at {CORPUS}: skipped")
    gen = os.path.join(ROOT, "target/release/examples/gen-site")
    for n in SIZES:
        dest = os.path.join(WORK, f"site-{n}")
        if not os.path.exists(os.path.join(dest, ".complete")):
            if not os.path.exists(gen):
                subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "gen-site"],
                               cwd=ROOT, check=True)
            shutil.rmtree(dest, ignore_errors=True)
            subprocess.run([gen, n, dest], check=True, stdout=subprocess.DEVNULL)
            open(os.path.join(dest, ".complete"), "w").close()
        sites.append((f"generated {n}", dest, "content/posts/part-000/page-000001.md"))
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    print(f"machine: {os.cpu_count()} cores, {cpu}; {time.strftime('%Y-%m-%d')}; "
          f"load average {os.getloadavg()[0]:.1f}; {RUNS} changes per kind")
    print()
    print("| site | open → first diagnostics | change | median | p90 | server peak RSS | check peak RSS |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for name, root, page in sites:
        ready, results, rss, cli = bench(name, root, page)
        for kind, (med, p90) in results.items():
            print(f"| {name} | {ready * 1000:.0f} ms | {kind} | {med * 1000:.1f} ms | "
                  f"{p90 * 1000:.1f} ms | {rss / 1024:.0f} MiB | {cli / 1024:.0f} MiB |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
