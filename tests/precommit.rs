//! End to end with the real pre-commit framework: a temporary git
//! repository holding a small Hugo site, its `.pre-commit-config.yaml`
//! pointing at this repository's hooks. Skipped (with a message) where
//! `pre-commit` or `git` is missing; `.ci/run` installs pre-commit.
//!
//! pre-commit builds the hook from this repository's committed HEAD, so the
//! test runs what is committed; the build is cached under `target/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.email=test@example.org",
            "-c",
            "user.name=Test",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("PRE_COMMIT_HOME", cache("pre-commit-home"))
        .env("CARGO_TARGET_DIR", cache("pre-commit-target"))
        // pre-commit builds the hook with `cargo install` (the release
        // profile): the hook is under test here, not the optimiser, so the
        // profile's whole-program LTO and single codegen unit are turned
        // off for this build (minutes less on two cores).
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn cache(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join(name)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

const CLEAN: &str = "---\ntitle: Clean\ndate: 2024-01-14\ndescription: A description that is long enough for search engines to show it.\naliases: [/old/]\n---\n\n## Body\n";

#[test]
fn commits_through_pre_commit() {
    if !have("pre-commit") || !have("git") {
        eprintln!(
            "skipped: pre-commit or git not installed (pip install pre-commit; .ci/run does)"
        );
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let head = Command::new("git")
        .current_dir(repo)
        .args(["rev-parse", "HEAD"])
        .output()
        .unwrap();
    if !head.status.success() {
        eprintln!("skipped: this checkout is not a git repository");
        return;
    }
    let rev = String::from_utf8(head.stdout).unwrap().trim().to_string();

    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    let write = |p: &str, s: &str| {
        let path = site.join(p);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, s).unwrap();
    };
    write("hugo.toml", "baseURL = 'https://example.org/'\n");
    write(
        ".pre-commit-config.yaml",
        &format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: bloglint\n      - id: bloglint-fix\n",
            repo.display()
        ),
    );
    write("content/posts/a.md", CLEAN);
    write("README.md", "# Not content: never linted\n");
    assert!(git(site, &["init", "-q", "-b", "main"]).status.success());
    let install = git(site, &["add", "."]);
    assert!(install.status.success());
    let o = Command::new("pre-commit")
        .current_dir(site)
        .arg("install")
        .env("PRE_COMMIT_HOME", cache("pre-commit-home"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));

    // A clean post (and a README outside content/) commits.
    let o = git(site, &["commit", "-q", "-m", "clean"]);
    assert!(o.status.success(), "clean commit failed:\n{}", text(&o));

    // A staged post taking the alias of an unchanged one fails, with the
    // diagnostic on screen: the whole site was indexed.
    write(
        "content/posts/b.md",
        "---\ntitle: B\ndate: 2024-01-15\ndescription: A description that is long enough for search engines to show it.\naliases: [/old/]\n---\n",
    );
    git(site, &["add", "content/posts/b.md"]);
    let o = git(site, &["commit", "-q", "-m", "broken"]);
    let out = text(&o);
    assert!(!o.status.success(), "broken commit passed:\n{out}");
    assert!(
        out.contains("alias-collision") && out.contains("b.md"),
        "{out}"
    );
    assert!(
        out.contains("in 1 file"),
        "only the staged file is reported:\n{out}"
    );
    assert!(out.contains("╭─[content/posts/b.md:5:11]"), "{out}");

    // The fix hook rewrites a fixable post and fails because it changed it.
    write(
        "content/posts/b.md",
        "---\ntitle: B\ndate: 2024-01-15 10:00:00\ndescription: A description that is long enough for search engines to show it.\n---\n",
    );
    git(site, &["add", "content/posts/b.md"]);
    let o = git(site, &["commit", "-q", "-m", "fixable"]);
    assert!(!o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("files were modified by this hook"),
        "{}",
        text(&o)
    );
    let fixed = std::fs::read_to_string(site.join("content/posts/b.md")).unwrap();
    assert!(fixed.contains("date: 2024-01-15T10:00:00\n"), "{fixed}");
    // Staged again, it commits.
    git(site, &["add", "content/posts/b.md"]);
    let o = git(site, &["commit", "-q", "-m", "fixed"]);
    assert!(o.status.success(), "{}", text(&o));
}
