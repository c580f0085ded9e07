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
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import queue
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BLOGLINT = os.path.realpath(os.environ.get("BLOGLINT") or os.path.join(ROOT, "target/release/bloglint"))
WORK = os.environ.get("BENCH_DIR", "/tmp/bloglint-bench-server")
CORPUS = os.environ.get("CORPUS", os.path.join(ROOT, "../shared/corpus/hugodocs"))
SIZES = os.environ.get("SIZES", "10000").split()
RUNS = int(os.environ.get("RUNS", "40"))


class Server:
    def __init__(self, root):
        self.log = open(os.path.join(WORK, "server.log"), "ab")
        self.p = subprocess.Popen([BLOGLINT, "server"], cwd=root, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=self.log)
        self.q = queue.Queue()
        self.id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.p.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            self.q.put((time.perf_counter(), json.loads(out.read(length))))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()
        return time.perf_counter()

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.id += 1
        self.send({"jsonrpc": "2.0", "id": self.id, "method": method, "params": params})
        while True:
            _, m = self.q.get(timeout=600)
            if m.get("id") == self.id and "method" not in m:
                return m.get("result")

    def wait_diagnostics(self, uri, version):
        while True:
            at, m = self.q.get(timeout=600)
            p = m.get("params") or {}
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri \
                    and (version is None or p.get("version") == version):
                return at, p["diagnostics"]

    def peak_rss_kib(self):
        for line in open(f"/proc/{self.p.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.wait(timeout=60)


def uri(path):
    from urllib.parse import quote
    return "file://" + quote(path)


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
