//! `examples/zola-blog`, the README's Zola example: bloglint reads it as a
//! Zola site, every rule on by default fires on it, each file holding a
//! deliberate mistake gets a finding and the clean ones none; and, where
//! Zola is installed (`zola` on PATH or `$ZOLA`), a real Zola 0.22.1 build
//! of it fails on the mistakes that fail builds (front matter never
//! closed, a date Zola cannot read, an `@/` link to no file), builds
//! without them, and writes exactly the files `bloglint site` says it
//! writes. Without Zola the build test prints "skipped" and passes.

mod common;
use common::{copy_dir, files_under};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

const EXAMPLE: &str = "examples/zola-blog";

fn bloglint() -> Command {
    let mut cmd = Command::cargo_bin("bloglint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("BLOGLINT_NOW", "1735689600");
    cmd
}

fn site_json(root: &Path) -> serde_json::Value {
    let out = bloglint()
        .arg("site")
        .arg(root)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn zola_example_fails_with_every_rule() {
    assert_eq!(site_json(Path::new(EXAMPLE))["generator"], "zola");
    let out = bloglint()
        .args(["check", EXAMPLE, "--format", "concise", "--no-cache"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let out = String::from_utf8(out.stdout).unwrap();
    let on = bloglint::rules::RULES
        .iter()
        .filter(|m| !bloglint::rules::OFF_BY_DEFAULT.contains(&m.name));
    for rule in on {
        assert!(
            out.contains(&format!("[{}]", rule.name)),
            "{EXAMPLE} does not make {} fire:\n{out}",
            rule.name
        );
    }
    let flagged: BTreeSet<&str> = out
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{EXAMPLE}/content/")))
        .filter_map(|l| l.split(':').next())
        .collect();
    for file in [
        "blog/2024-03-15-rust-notes.md",
        "blog/2024-03-20-more-rust-notes.md",
        "blog/2024-04-02-a-post-that-moved.md",
        "blog/2024-05-20-links-that-break.md",
        "blog/2024-06-01-skipped-headings.md",
        "blog/2024-06-10-broken-front-matter.md",
        "blog/2024-06-15-bad-date.md",
        "blog/undated.md",
        "contact.md",
        "topics.md",
    ] {
        assert!(flagged.contains(file), "no finding in {file}:\n{out}");
    }
    for file in [
        "_index.md",
        "about.md",
        "blog/_index.md",
        "blog/2024-03-01-hello-world/index.md",
    ] {
        assert!(!flagged.contains(file), "a finding in {file}:\n{out}");
    }
}

fn zola_build(zola: &Path, root: &Path) -> (bool, String) {
    let out = Process::new(zola)
        .arg("--root")
        .arg(root)
        .arg("build")
        .output()
        .unwrap();
    let log =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), log)
}

/// Verified with Zola 0.22.1, built from its source.
#[test]
fn zola_example_builds_as_bloglint_says() {
    let Some(zola) = common::zola() else {
        println!("skipped: zola not installed");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE), &src);
    let blog = src.join("content/blog");
    // As committed, the build fails on each of the three mistakes alone.
    let (ok, log) = zola_build(&zola, &src);
    assert!(!ok, "{log}");
    let broken = blog.join("2024-06-10-broken-front-matter.md");
    std::fs::remove_file(&broken).unwrap();
    let (ok, log) = zola_build(&zola, &src);
    assert!(!ok && log.contains("2024-06-15-bad-date.md"), "{log}");
    std::fs::remove_file(blog.join("2024-06-15-bad-date.md")).unwrap();
    let (ok, log) = zola_build(&zola, &src);
    assert!(!ok && log.contains("@/blog/never-written.md"), "{log}");
    let post = blog.join("2024-05-20-links-that-break.md");
    let text = std::fs::read_to_string(&post).unwrap();
    let kept: String = text
        .lines()
        .filter(|l| !l.contains("never-written"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(kept, text);
    std::fs::write(&post, kept).unwrap();
    // Without them it builds, leaving out the undated post of a section
    // sorted by date.
    let (ok, log) = zola_build(&zola, &src);
    assert!(ok, "{log}");
    assert!(log.contains("undated.md"), "{log}");
    let public = src.join("public");
    let zola_wrote: BTreeSet<String> = files_under(&public)
        .iter()
        .map(|p| {
            let rel = p.strip_prefix(&public).unwrap().to_string_lossy();
            let url = format!("/{rel}");
            url.strip_suffix("index.html")
                .map_or(url.clone(), String::from)
        })
        .collect();
    // The traps bloglint reports are real: about.md is written over the
    // alias `/about` of contact.md, and the list of tags over topics.md.
    let read = |f: &str| std::fs::read_to_string(public.join(f)).unwrap();
    assert!(read("about/index.html").contains("<h1>About</h1>"));
    let tags = read("tags/index.html");
    assert!(
        tags.contains("<h1>Tags</h1>") && !tags.contains("Topics"),
        "{tags}"
    );
    std::fs::remove_dir_all(&public).unwrap();
    let report = site_json(&src);
    let ours: BTreeSet<String> = report["urls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["url"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        zola_wrote, ours,
        "files Zola wrote vs URLs of bloglint site"
    );
}
