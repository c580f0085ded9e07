//! The on-disk cache (`.bloglint-cache/`): a run with it reports exactly
//! what a run without it reports, whatever changed since it was written.

use std::path::Path;

use assert_cmd::Command;

/// A small site: a section page and a top-level page.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files: &[(&str, &str)] = &[
        ("hugo.toml", "baseURL = 'https://example.org/'\n"),
        (
            "content/posts/a.md",
            "---\ntitle: A\ndate: 2024-01-14\ndescription: A description that is long enough for search engines to show it.\ntags: [hugo]\n---\n\n## One\n\nSee [b](/posts/b/) and [about](/about/).\n",
        ),
        (
            "content/posts/b.md",
            "---\ntitle: B\ndate: 2024-02-01\ndescription: Short.\n---\n\n#### Deep\n",
        ),
        (
            "content/about.md",
            "---\ntitle: About\ndescription: A page about this site, long enough for a search engine.\n---\n\nHello.\n",
        ),
    ];
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
        age(&dir.path().join(path));
    }
    dir
}

/// Set a file's modification time a minute back: old enough for the cache
/// to take it on its stamp (size, times, inode) rather than read it.
fn age(path: &Path) {
    let then = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(then).unwrap();
}

/// How many posts the last run took on their stamps, unread.
fn unread(root: &Path) -> String {
    let out = Command::cargo_bin("bloglint")
        .unwrap()
        .current_dir(root)
        .env("BLOGLINT_TIMINGS", "1")
        .args(["check", "--format", "concise"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("taken on their stamps"))
        .unwrap_or_default();
    line.split(": ").nth(1).unwrap_or_default().to_string()
}

fn check(root: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("bloglint")
        .unwrap()
        .current_dir(root)
        .env("NO_COLOR", "1")
        .env("BLOGLINT_NOW", "1735689600")
        .args(["check", "--format", "concise"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn cache_file(root: &Path) -> std::path::PathBuf {
    root.join(".bloglint-cache/posts.bin")
}

/// With a warm cache, the report is the one without any cache.
fn assert_fresh(root: &Path) -> String {
    let cached = check(root, &[]);
    assert!(cache_file(root).exists());
    assert_eq!(cached, check(root, &["--no-cache"]));
    // And once more, from the cache this run wrote.
    assert_eq!(cached, check(root, &[]));
    cached
}

#[test]
fn the_cache_is_written_and_changes_nothing() {
    let dir = site();
    let root = dir.path();
    let first = check(root, &[]);
    assert!(first.contains("description-length"), "{first}");
    assert_eq!(assert_fresh(root), first);
    let ignore = std::fs::read_to_string(root.join(".bloglint-cache/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
}

#[test]
fn no_cache_neither_reads_nor_writes_it() {
    let dir = site();
    check(dir.path(), &["--no-cache"]);
    assert!(!dir.path().join(".bloglint-cache").exists());
}

#[test]
fn a_changed_file_is_parsed_again() {
    let dir = site();
    let root = dir.path();
    let before = assert_fresh(root);
    // Same size, same folder: only the bytes differ.
    let a = root.join("content/posts/a.md");
    let text = std::fs::read_to_string(&a).unwrap();
    std::fs::write(&a, text.replace("2024-01-14", "2024-13-14")).unwrap();
    let after = assert_fresh(root);
    assert_ne!(before, after);
    assert!(after.contains("date-format"), "{after}");
    // A file removed, a file added.
    std::fs::remove_file(root.join("content/posts/b.md")).unwrap();
    std::fs::write(
        root.join("content/posts/c.md"),
        "---\ntitle: C\ndescription: Short.\n---\n",
    )
    .unwrap();
    let after = assert_fresh(root);
    assert!(after.contains("content/posts/c.md"), "{after}");
    assert!(!after.contains("content/posts/b.md:"), "{after}");
}

#[test]
fn a_changed_configuration_is_applied() {
    let dir = site();
    let root = dir.path();
    let before = assert_fresh(root);
    assert!(before.contains("heading-hierarchy"), "{before}");
    std::fs::write(
        root.join("bloglint.toml"),
        "[rules]\nheading-hierarchy = \"off\"\n[rules.description-length]\nmin = 5\n",
    )
    .unwrap();
    let after = assert_fresh(root);
    assert!(!after.contains("heading-hierarchy"), "{after}");
    assert!(!after.contains("description-length"), "{after}");
}

#[test]
fn a_changed_hugo_configuration_is_applied() {
    let dir = site();
    let root = dir.path();
    let before = assert_fresh(root);
    assert!(!before.contains("about.md"), "{before}");
    // Mounted one folder down, `about.md` becomes a page of a section,
    // which needs a date.
    std::fs::write(
        root.join("hugo.toml"),
        "baseURL = 'https://example.org/'\n[[module.mounts]]\nsource = 'content'\ntarget = 'content/pages'\n",
    )
    .unwrap();
    let after = assert_fresh(root);
    assert!(
        after.contains("about.md:1:1: error[required-front-matter]"),
        "{after}"
    );
}

#[test]
fn a_damaged_cache_is_ignored_and_rebuilt() {
    let dir = site();
    let root = dir.path();
    let expected = assert_fresh(root);
    let file = cache_file(root);
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let at = flipped.len() - 20;
    flipped[at] ^= 0xff;
    for bytes in [
        good[..good.len() / 2].to_vec(),
        flipped,
        b"garbage".to_vec(),
        Vec::new(),
    ] {
        std::fs::write(&file, &bytes).unwrap();
        assert_eq!(check(root, &[]), expected);
        assert_eq!(std::fs::read(&file).unwrap(), good, "not rebuilt");
    }
}

#[test]
fn unchanged_files_are_taken_on_their_stamps() {
    let dir = site();
    let root = dir.path();
    assert_eq!(unread(root), "0 of 3 posts taken on their stamps, unread");
    // The findings are in b.md (read to show them); a.md and about.md are
    // never read again.
    assert_eq!(unread(root), "3 of 3 posts taken on their stamps, unread");
    assert_fresh(root);
}

// The change time (which no one can set back) tells the edit: Unix only.
#[cfg(unix)]
#[test]
fn an_edit_that_keeps_size_and_modification_time_is_seen() {
    let dir = site();
    let root = dir.path();
    let path = root.join("content/posts/a.md");
    let before = check(root, &[]);
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    // Same length, an impossible date; the old modification time put back.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("2024-01-14", "2024-01-41")).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(mtime).unwrap();
    drop(file);
    let after = assert_fresh(root);
    assert_ne!(before, after);
    assert!(after.contains("date-format"), "{after}");
}
