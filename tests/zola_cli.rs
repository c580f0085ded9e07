//! The command line on Zola sites: every output format of `bloglint check`
//! on `examples/zola-blog` (one finding set, written seven ways), `bloglint
//! site` (text, `--url`), and `--fix` / `--diff` on a small Zola site, whose
//! fixed text Zola 0.22.1 still builds (when `zola` is on PATH or `$ZOLA`).

mod common;
use common::copy_dir;
use std::path::Path;

use assert_cmd::Command;

const EXAMPLE: &str = "examples/zola-blog";

fn bloglint() -> Command {
    let mut cmd = Command::cargo_bin("bloglint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("BLOGLINT_NOW", "1735689600");
    cmd
}

/// `bloglint check` on the example in `format`: its output (exit 1: the
/// example has errors).
fn check(format: &str) -> String {
    let out = bloglint()
        .args(["check", EXAMPLE, "--no-cache", "--format", format])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{format}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_format_on_a_zola_site() {
    let json: serde_json::Value = serde_json::from_str(&check("json")).unwrap();
    let findings = json.as_array().unwrap();
    let n = findings.len();
    assert!(n >= 13, "{json}");
    for f in findings {
        let path = f["path"].as_str().unwrap();
        assert!(path.starts_with("examples/zola-blog/content/"), "{path}");
        assert!(f["line"].as_u64().unwrap() >= 1);
    }

    let concise = check("concise");
    assert_eq!(concise.lines().count(), n, "{concise}");
    insta::assert_snapshot!("zola_concise", concise);

    let human = check("human");
    assert_eq!(
        human.matches("× error[").count() + human.matches("⚠ warning[").count(),
        n,
        "{human}"
    );
    assert!(
        human.contains("Zola's anchor check ignores case"),
        "{human}"
    );

    let github = check("github");
    assert_eq!(github.lines().count(), n);
    for line in github.lines() {
        assert!(
            line.starts_with("::error file=examples/zola-blog/content/")
                || line.starts_with("::warning file=examples/zola-blog/content/"),
            "{line}"
        );
    }

    let sarif: serde_json::Value = serde_json::from_str(&check("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), n);

    let gitlab: serde_json::Value = serde_json::from_str(&check("gitlab")).unwrap();
    let issues = gitlab.as_array().unwrap();
    assert_eq!(issues.len(), n);
    let prints: std::collections::HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), n, "fingerprints must be unique");

    let junit = check("junit");
    assert!(junit.starts_with("<?xml"));
    assert_eq!(junit.matches("<testcase ").count(), n, "{junit}");
}

#[test]
fn site_on_a_zola_site() {
    let out = bloglint().args(["site", EXAMPLE]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("/old/moved/"), "{text}");
    assert!(
        text.contains("(Zola's redirect to the first pager) → /blog/"),
        "{text}"
    );
    assert!(!text.contains("Hugo"), "{text}");
    assert!(
        text.contains("(one URL: Zola writes only one of them)"),
        "{text}"
    );
    let out = bloglint()
        .args(["site", EXAMPLE, "--url", "/about"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("/about/: claimed 2 times; Zola writes only one of them")
            && text.contains("content/about.md")
            && text.contains("content/contact.md"),
        "{text}"
    );
}

/// A small Zola site with a finding of each safe fix Zola sites get.
const SITE: &[(&str, &str)] = &[
    (
        "config.toml",
        "base_url = \"https://example.org\"\ntaxonomies = [{ name = \"tags\" }]\n",
    ),
    (
        "templates/taxonomy_list.html",
        "{% for term in terms %}{{ term.name }}{% endfor %}\n",
    ),
    ("templates/taxonomy_single.html", "{{ term.name }}\n"),
    (
        "content/about.md",
        "+++\ntitle = \"About\"\naliases = [\"/about/\", \"/who/\"]\n\n[taxonomies]\ntags = [\"rust\"]\n+++\n## The team\n\n[Back up](#The-Team)\n",
    ),
    (
        "content/one.md",
        "+++\ntitle = \"One\"\n\n[taxonomies]\ntags = [\"rust\"]\n+++\n[The team](@/about.md#The-Team)\n",
    ),
    (
        "content/two.md",
        "---\ntitle: Two\ntaxonomies:\n  tags: [Rust]\n---\n<!-- bloglint-disable-next-line brokn-link -->\nText.\n",
    ),
];

fn write_site(dir: &Path) {
    for (path, text) in SITE {
        let full = dir.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
}

fn zola_builds(dir: &Path) -> Option<Result<(), String>> {
    let zola = common::zola()?;
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("site");
    copy_dir(dir, &copy);
    let out = std::process::Command::new(zola)
        .arg("--root")
        .arg(&copy)
        .arg("build")
        .output()
        .unwrap();
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}

#[test]
fn fix_and_diff_on_a_zola_site() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_site(dir);
    // Zola 0.22.1 builds it as written: its anchor check ignores case.
    if let Some(built) = zola_builds(dir) {
        built.unwrap();
    }
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();

    // --diff prints the fixes and writes nothing.
    let out = bloglint()
        .arg("check")
        .arg(dir)
        .args(["--no-cache", "--diff"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let diff = String::from_utf8(out.stdout).unwrap();
    assert!(diff.contains("+[The team](@/about.md#the-team)"), "{diff}");
    assert_eq!(read("content/one.md"), SITE[4].1);

    let out = bloglint()
        .arg("check")
        .arg(dir)
        .args(["--no-cache", "--fix", "--format", "concise"])
        .output()
        .unwrap();
    let left = String::from_utf8(out.stdout).unwrap();
    // The safe fixes: the anchors' case, the alias to the page's own URL,
    // the tag's spelling. The unknown rule name's fix is unsafe: left.
    assert_eq!(
        read("content/about.md"),
        "+++\ntitle = \"About\"\naliases = [\"/who/\"]\n\n[taxonomies]\ntags = [\"rust\"]\n+++\n## The team\n\n[Back up](#the-team)\n"
    );
    assert_eq!(
        read("content/one.md"),
        "+++\ntitle = \"One\"\n\n[taxonomies]\ntags = [\"rust\"]\n+++\n[The team](@/about.md#the-team)\n"
    );
    assert!(read("content/two.md").contains("  tags: [rust]\n"));
    assert!(
        left.lines().count() == 1 && left.contains("[unknown-suppression]"),
        "{left}"
    );
    // The fixed site still builds.
    if let Some(built) = zola_builds(dir) {
        built.unwrap();
    }
}
