//! Records the commit bloglint is built from, for `bloglint --version`:
//! `BLOGLINT_COMMIT` when set (a packager's override, empty for none), else
//! the git checkout this crate is the top of, else the `.cargo_vcs_info.json`
//! that `cargo package` writes into a packaged crate (crates.io; maturin's
//! source distribution has none). Unknown: the version alone.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=BLOGLINT_COMMIT");
    println!("cargo:rerun-if-changed=build.rs");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let commit = match std::env::var("BLOGLINT_COMMIT") {
        Ok(c) => Some(c.trim().to_string()).filter(|c| !c.is_empty()),
        Err(_) => from_git(&dir).or_else(|| from_vcs_info(&dir)),
    };
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let long = match commit {
        Some(c) => format!("{version} (commit {c})"),
        None => version,
    };
    println!("cargo:rustc-env=BLOGLINT_VERSION={long}");
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let o = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .ok()?;
    let s = String::from_utf8(o.stdout).ok()?;
    (o.status.success() && !s.trim().is_empty()).then(|| s.trim().to_string())
}

/// The commit checked out, when this crate is the top of a git work tree (a
/// packaged copy under `target/package/` is not: it has no checkout of its
/// own, and the repository around it may have moved on).
fn from_git(dir: &Path) -> Option<String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(dir).ok()? {
        return None;
    }
    // Build again when HEAD moves: a commit, a checkout, a fetch that
    // packs the refs.
    for (what, file) in [("--git-dir", "HEAD"), ("--git-common-dir", "packed-refs")] {
        if let Some(d) = git(dir, &["rev-parse", what]) {
            println!(
                "cargo:rerun-if-changed={}",
                dir.join(d).join(file).display()
            );
        }
    }
    if let Some(r) = git(dir, &["symbolic-ref", "-q", "HEAD"])
        && let Some(d) = git(dir, &["rev-parse", "--git-common-dir"])
    {
        println!("cargo:rerun-if-changed={}", dir.join(d).join(r).display());
    }
    git(dir, &["rev-parse", "--short=12", "HEAD"])
}

/// `{"git": {"sha1": "…"}, …}`, read without a JSON parser: the build
/// script has no dependencies.
fn from_vcs_info(dir: &Path) -> Option<String> {
    let path = dir.join(".cargo_vcs_info.json");
    let text = std::fs::read_to_string(&path).ok()?;
    println!("cargo:rerun-if-changed={}", path.display());
    let after = &text[text.find("\"sha1\"")? + 6..];
    let start = after.find('"')? + 1;
    let sha: String = after[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    (sha.len() >= 12).then(|| sha[..12].to_string())
}
