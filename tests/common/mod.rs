//! Helpers shared by the integration tests; a test file that needs them
//! says `mod common;` (each uses some of them).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Every file below `dir`, sorted (folders followed, unreadable ones
/// skipped).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Copy a site's folder, leaving out bloglint's own cache (a run in the
/// original may have written one).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for file in files_under(from) {
        let rel = file.strip_prefix(from).unwrap_or(&file);
        if rel.components().any(|c| c.as_os_str() == ".bloglint-cache") {
            continue;
        }
        let dest = to.join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::copy(&file, &dest).expect("copy file");
    }
}

/// Run `ruby` with `args` and `env`, `input` on its stdin: its stdout. A
/// failing script fails the test, with Ruby's stderr.
pub fn ruby(args: &[&str], env: &[(&str, &str)], input: &str) -> String {
    use std::io::Write as _;
    use std::process::{Command, Stdio};
    let mut child = Command::new("ruby")
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("ruby runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("ruby finishes");
    assert!(
        out.status.success(),
        "ruby failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The Zola binary to run: `$ZOLA` when it names one, else `zola` on the
/// PATH; `None` (the caller says "skipped") when neither runs.
pub fn zola() -> Option<PathBuf> {
    let candidate = std::env::var_os("ZOLA").map_or_else(|| PathBuf::from("zola"), PathBuf::from);
    std::process::Command::new(&candidate)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
        .then_some(candidate)
}

/// Write `files` (path, text) into a fresh folder and build it with Zola:
/// the folder (its `public/` holds the output), or Zola's log when the
/// build fails.
pub fn zola_build(zola: &Path, files: &[(String, String)]) -> Result<tempfile::TempDir, String> {
    let dir = tempfile::tempdir().expect("temp dir");
    for (path, text) in files {
        let full = dir.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(full, text).expect("write file");
    }
    let out = std::process::Command::new(zola)
        .arg("--root")
        .arg(dir.path())
        .arg("build")
        .output()
        .expect("zola runs");
    if out.status.success() {
        Ok(dir)
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}
