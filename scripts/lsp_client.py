"""A small Language Server Protocol client over a child's stdio, for the
scripts that drive `bloglint server` (bench-server.py, verify-incremental.py):
messages framed with Content-Length, read on a thread as they come, each
with the time it arrived."""
import json
import queue
import subprocess
import threading
import time
from urllib.parse import quote


def uri(path):
    return "file://" + quote(path)


class Client:
    def __init__(self, argv, cwd, stderr, env=None):
        self.p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=stderr, env=env)
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
        """Send a message; the time it was sent."""
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
        """The time the diagnostics of `uri` at `version` arrived, and them."""
        while True:
            at, m = self.q.get(timeout=600)
            p = m.get("params") or {}
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri \
                    and (version is None or p.get("version") == version):
                return at, p["diagnostics"]

    def initialize(self, root):
        self.request("initialize", {"processId": None, "rootUri": uri(root),
                                    "workspaceFolders": [{"uri": uri(root), "name": "site"}],
                                    "capabilities": {}})
        self.notify("initialized", {})

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.wait(timeout=60)
