//! A small Language Server Protocol client for the tests: runs the real
//! `bloglint server`, frames JSON-RPC messages with `Content-Length`
//! headers over its stdin and stdout, and waits for answers and
//! notifications (with a deadline: a silent server fails the test, never
//! hangs it).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const WAIT: Duration = Duration::from_secs(20);

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Notifications and server requests read while waiting for something
    /// else, in order.
    pub backlog: Vec<Value>,
    next_id: i64,
    /// The server's answer to `initialize`.
    pub initialized: Value,
    /// Where its stderr goes (shown when a test fails).
    log: tempfile::NamedTempFile,
}

/// The `file://` URI of a path.
pub fn uri(path: &Path) -> String {
    url_of(path)
}

fn url_of(path: &Path) -> String {
    let mut out = String::from("file://");
    for c in path.to_string_lossy().bytes() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(c as char)
            }
            _ => out.push_str(&format!("%{c:02X}")),
        }
    }
    out
}

impl Client {
    /// Start the server and initialize it with `root` as the workspace
    /// folder; `capabilities` are the client's.
    pub fn start(root: &Path, capabilities: Value) -> Client {
        let log = tempfile::NamedTempFile::new().expect("a log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_bloglint"))
            .arg("server")
            .current_dir(root)
            // A fixed "now": the date rules do not move with the clock.
            .env("BLOGLINT_NOW", "1735689600")
            // Every edit linted against the kept index is linted in full
            // too: a difference is an `internal-error` in its list.
            .env("BLOGLINT_VERIFY_INCREMENTAL", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log.reopen().expect("the log file"))
            .spawn()
            .expect("bloglint server starts");
        let stdout = child.stdout.take().expect("stdout");
        let stdin = child.stdin.take();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("JSON from the server");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming: rx,
            backlog: Vec::new(),
            next_id: 0,
            initialized: Value::Null,
            log,
        };
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{"uri": uri(root), "name": "site"}],
                "capabilities": capabilities,
            }),
        );
        assert!(result["capabilities"].is_object(), "{result}");
        client.initialized = result;
        client.notify("initialized", json!({}));
        client
    }

    pub fn send(&mut self, message: &Value) {
        let body = serde_json::to_string(message).expect("JSON");
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write to the server");
        stdin.flush().expect("flush");
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self, deadline: Instant) -> Value {
        match self
            .incoming
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(v) => v,
            Err(RecvTimeoutError::Timeout) => panic!(
                "the server said nothing in time; read so far: {:#?}",
                self.backlog
            ),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    /// Send a request and wait for its response: the result, or the error
    /// as `{"error": …}`.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let deadline = Instant::now() + WAIT;
        loop {
            let m = self.next(deadline);
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                return match m.get("error") {
                    Some(e) => json!({ "error": e }),
                    None => m["result"].clone(),
                };
            }
            self.backlog.push(m);
        }
    }

    /// Wait for a `textDocument/publishDiagnostics` for `uri` that `ok`
    /// accepts (the ones before it, for that file, are passed over); the
    /// backlog is searched first.
    pub fn diagnostics_for(&mut self, uri: &str, ok: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        let mut i = 0;
        while i < self.backlog.len() {
            if matches(&self.backlog[i]) {
                let m = self.backlog.remove(i);
                let list = m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if ok(&list) {
                    return list;
                }
            } else {
                i += 1;
            }
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let m = self.next(deadline);
            if matches(&m) {
                let list = m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if ok(&list) {
                    return list;
                }
            } else {
                self.backlog.push(m);
            }
        }
    }

    /// Wait for the `textDocument/publishDiagnostics` of `uri` at `version`.
    pub fn diagnostics_at(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == json!(version)
        };
        if let Some(i) = self.backlog.iter().position(matches) {
            let m = self.backlog.remove(i);
            return m["params"]["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let m = self.next(deadline);
            if matches(&m) {
                return m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
            self.backlog.push(m);
        }
    }

    /// Open a file with its text on disk.
    pub fn open(&mut self, path: &Path) -> String {
        let text = std::fs::read_to_string(path).expect("the file");
        self.open_text(path, &text)
    }

    pub fn open_text(&mut self, path: &Path, text: &str) -> String {
        let uri = uri(path);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
        );
        uri
    }

    pub fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// `shutdown`, `exit`, and the exit code.
    pub fn shutdown(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r, Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// Close the server's stdin and wait for it to end: its exit code.
    pub fn wait_exit(&mut self) -> i32 {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Client {
    /// What the server wrote to its stderr so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.log.path()).unwrap_or_default()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("the server's log:\n{}", self.log());
        }
    }
}

/// The rule names (codes) of a list of diagnostics, sorted.
pub fn codes(list: &[Value]) -> Vec<String> {
    let mut out: Vec<String> = list
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect();
    out.sort();
    out
}

/// Apply a `WorkspaceEdit`'s edits for `uri` to `text` (positions in
/// UTF-16 units; the tests' texts are ASCII, where they are bytes).
pub fn apply_edit(text: &str, edit: &Value, uri: &str) -> String {
    let edits = edit["changes"][uri].as_array().expect("edits for the file");
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let character = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        start + character
    };
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, &new);
    }
    out
}
