//! `bloglint server` in a real editor: Debian's Neovim (0.7.2), headless,
//! with the minimal tests/nvim/init.lua, opens a post of the example site;
//! the diagnostics Neovim holds must be the findings `bloglint check`
//! reports for that file (line, column, severity, rule). Skipped, saying
//! so, where `nvim` is not installed (`.ci/run` installs it).

mod common;

use std::collections::BTreeSet;
use std::process::Command;

#[test]
fn neovim_shows_the_findings_of_bloglint_check() {
    if Command::new("nvim").arg("--version").output().is_err() {
        eprintln!("skipped: nvim not found (apt-get install neovim)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    common::copy_dir(&manifest.join("examples/blog"), &root);
    let post = "content/posts/skipped-headings.md";
    let out = root.join("nvim-diagnostics.txt");
    let status = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u"])
        .arg(manifest.join("tests/nvim/init.lua"))
        .arg(post)
        .current_dir(&root)
        .env("BLOGLINT", env!("CARGO_BIN_EXE_bloglint"))
        .env("BLOGLINT_SITE", &root)
        .env("BLOGLINT_OUT", &out)
        .env("BLOGLINT_NOW", "1735689600")
        .env("XDG_CONFIG_HOME", root.join("xdg-config"))
        .env("XDG_DATA_HOME", root.join("xdg-data"))
        .env("XDG_STATE_HOME", root.join("xdg-state"))
        .status()
        .expect("nvim runs");
    let said = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(status.success(), "nvim: {status}; wrote: {said}");
    // skipped-headings.md:9:1: WARN [heading-hierarchy] heading level jumps …
    let severity = |s: &str| match s {
        "ERROR" => "error",
        "WARN" => "warning",
        "INFO" => "info",
        other => panic!("severity {other} in {said}"),
    };
    let in_nvim: BTreeSet<(usize, usize, String, String)> = said
        .lines()
        .map(|l| {
            let (place, rest) = l.split_once(": ").unwrap_or_else(|| panic!("{l}"));
            let mut p = place.split(':');
            assert_eq!(p.next(), Some("skipped-headings.md"), "{l}");
            let line = p.next().unwrap().parse().unwrap();
            let col = p.next().unwrap().parse().unwrap();
            let (sev, rest) = rest.split_once(" [").unwrap();
            let rule = rest.split_once(']').unwrap().0;
            (line, col, severity(sev).to_string(), rule.to_string())
        })
        .collect();

    let check = Command::new(env!("CARGO_BIN_EXE_bloglint"))
        .args(["check", "--format", "concise", "--no-cache", post])
        .current_dir(&root)
        .env("BLOGLINT_NOW", "1735689600")
        .output()
        .unwrap();
    let concise = String::from_utf8(check.stdout).unwrap();
    // content/posts/skipped-headings.md:9:1: warning[heading-hierarchy] …
    let in_check: BTreeSet<(usize, usize, String, String)> = concise
        .lines()
        .map(|l| {
            let rest = l.strip_prefix(post).unwrap().strip_prefix(':').unwrap();
            let mut p = rest.splitn(3, ':');
            let line = p.next().unwrap().parse().unwrap();
            let col = p.next().unwrap().parse().unwrap();
            let tail = p.next().unwrap().trim_start();
            let (sev, tail) = tail.split_once('[').unwrap();
            let rule = tail.split_once(']').unwrap().0;
            (line, col, sev.to_string(), rule.to_string())
        })
        .collect();
    assert!(
        in_check
            .iter()
            .any(|(_, _, _, rule)| rule == "heading-hierarchy"),
        "{concise}"
    );
    assert_eq!(
        in_nvim, in_check,
        "Neovim:\n{said}\nbloglint check:\n{concise}"
    );
}
