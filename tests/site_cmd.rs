//! `bloglint site` as users run it: the listing (text and JSON, snapshots
//! of `tests/sites/tour`), `--url` found and not found, exit codes, and the
//! README's table of JSON fields. Its agreement with a real Hugo is
//! `tests/hugo_oracle.rs`.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// 2024-06-01T00:00:00Z, the clock of the fixtures.
const NOW: &str = "1717200000";
const TOUR: &str = "tests/sites/tour";

fn bloglint() -> Command {
    let mut cmd = Command::cargo_bin("bloglint").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("BLOGLINT_NOW", NOW);
    cmd
}

fn stdout(cmd: &mut Command, code: i32) -> String {
    let out = cmd.assert().code(code).get_output().stdout.clone();
    String::from_utf8(out).unwrap()
}

fn json(cmd: &mut Command, code: i32) -> Value {
    serde_json::from_str(&stdout(cmd, code)).unwrap()
}

/// A tiny site in a temporary folder: `files` are (path, content) pairs.
fn site(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

const CONFIG: (&str, &[u8]) = ("hugo.toml", b"baseURL = 'https://example.org/'\n");

#[test]
fn tour_text() {
    let out = stdout(bloglint().args(["site", TOUR, "--ids"]), 0);
    insta::assert_snapshot!("tour_text", out);
}

#[test]
fn tour_json() {
    let out = stdout(
        bloglint().args(["site", TOUR, "--format", "json", "--ids"]),
        0,
    );
    insta::assert_snapshot!("tour_json", out);
}

#[test]
fn json_is_sorted() {
    let v = json(bloglint().args(["site", TOUR, "--format", "json"]), 0);
    let urls: Vec<&str> = v["urls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["url"].as_str().unwrap())
        .collect();
    let mut sorted = urls.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(urls, sorted, "URLs sorted, each once");
    let sources: Vec<&str> = v["unpublished"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    // Without --ids there is no `ids` field.
    assert!(v["urls"][0].get("ids").is_none());
    // The same output twice.
    let again = json(bloglint().args(["site", TOUR, "--format", "json"]), 0);
    assert_eq!(v, again);
}

#[test]
fn every_kind_and_reason_of_the_tour() {
    let v = json(
        bloglint().args(["site", TOUR, "--format", "json", "--ids"]),
        0,
    );
    let kinds: BTreeSet<&str> = v["urls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from([
            "alias", "home", "page", "resource", "section", "static", "taxonomy", "term"
        ])
    );
    let reasons: BTreeSet<&str> = v["unpublished"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        BTreeSet::from([
            "draft",
            "expired",
            "future",
            "headless",
            "leaf-resource",
            "not-rendered"
        ])
    );
    assert_eq!(v["base_path"], "/blog");
    let hello = v["urls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["url"] == "/2024/03/hello/")
        .unwrap();
    assert_eq!(hello["rel_permalink"], "/blog/2024/03/hello/");
    assert_eq!(hello["source"], "content/posts/hello-world.md");
    assert_eq!(
        hello["ids"],
        serde_json::json!(["hello-world", "café--crème", "setup", "setup-1", "custom"])
    );
}

#[test]
fn url_found() {
    let out = stdout(
        bloglint().args(["site", TOUR, "--url", "/blog/2024/03/hello/"]),
        0,
    );
    assert_eq!(
        out,
        "/blog/2024/03/hello/: the page from content/posts/hello-world.md\n"
    );
    // Every way of writing it: without the sub-path, without the trailing
    // slash, a full URL, a query, percent-escapes.
    for form in [
        "/2024/03/hello/",
        "/blog/2024/03/hello",
        "https://example.org/blog/2024/03/hello/?utm=x",
        "/blog/2024/03/%68ello/",
        "blog/2024/03/hello/index.html",
    ] {
        let again = stdout(bloglint().args(["site", TOUR, "--url", form]), 0);
        assert_eq!(again, out, "{form}");
    }
    let v = json(
        bloglint().args(["site", TOUR, "--url", "/blog/old-hello", "--format", "json"]),
        1,
    );
    assert_eq!(v["served"], false);
    let v = json(
        bloglint().args([
            "site",
            TOUR,
            "--url",
            "/blog/2024/03/old-hello/",
            "--format",
            "json",
        ]),
        0,
    );
    assert_eq!(v["served"], true);
    assert_eq!(v["url"], "/2024/03/old-hello/");
    assert_eq!(v["entry"]["kind"], "alias");
    assert_eq!(v["entry"]["target"], "/2024/03/hello/");
    assert_eq!(v["entry"]["source"], "content/posts/hello-world.md");
}

#[test]
fn url_of_every_kind() {
    for (url, says) in [
        ("/blog/", "the home page from content/_index.md"),
        (
            "/blog/tags/go/",
            "the term page Hugo makes (no content file)",
        ),
        ("/blog/css/site.css", "the static file static/css/site.css"),
        (
            "/blog/2024/05/our-trip/photo.jpg",
            "the page resource content/posts/trip/photo.jpg",
        ),
        (
            "/blog/about-us/",
            "an alias declared in content/about.md, redirecting to /blog/about/",
        ),
    ] {
        bloglint()
            .args(["site", TOUR, "--url", url])
            .assert()
            .code(0)
            .stdout(predicate::str::contains(says));
    }
}

#[test]
fn url_not_found_suggests_the_nearest() {
    let out = stdout(
        bloglint().args(["site", TOUR, "--url", "/blog/docs/install/windows/"]),
        1,
    );
    insta::assert_snapshot!("tour_url_not_found", out);
    let v = json(
        bloglint().args([
            "site",
            TOUR,
            "--url",
            "/blog/old-hello/",
            "--format",
            "json",
        ]),
        1,
    );
    assert_eq!(v["served"], false);
    assert_eq!(v["entry"], Value::Null);
    assert_eq!(v["suggestions"][0]["url"], "/2024/03/old-hello/");
    // Nothing near: said so.
    bloglint()
        .args(["site", TOUR, "--url", "/nothing-like-any-url-of-this-site/"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("no published URL is near it"));
}

#[test]
fn url_of_an_unpublished_page_says_why() {
    bloglint()
        .args(["site", TOUR, "--url", "/blog/2024/01/work-in-progress/"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "content/posts/draft.md would be here, but it is not published: a draft",
        ));
    bloglint()
        .args(["site", TOUR, "--url", "/blog/wip/"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "content/posts/draft.md has an alias here, but it is not published: a draft",
        ));
    bloglint()
        .args(["site", TOUR, "--url", "/blog/docs/internal/"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("build.render is `never`"));
}

#[test]
fn url_fragment_is_checked_against_the_heading_ids() {
    bloglint()
        .args(["site", TOUR, "--url", "/blog/2024/03/hello/#setup-1"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("#setup-1: a heading of the page"));
    bloglint()
        .args(["site", TOUR, "--url", "/blog/2024/03/hello/#setup-2"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "#setup-2: no heading of the page has this id",
        ))
        .stdout(predicate::str::contains(
            "its ids: hello-world café--crème setup setup-1 custom",
        ));
    // A list page Hugo makes has no content to check: served, not checked.
    bloglint()
        .args(["site", TOUR, "--url", "/blog/tags/go/#x"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("not checked"));
}

#[test]
fn now_comes_from_bloglint_now() {
    // In 2031 the future page is out.
    bloglint()
        .env("BLOGLINT_NOW", "1925000000")
        .args(["site", TOUR, "--url", "/blog/2030/01/coming-soon/"])
        .assert()
        .code(0);
    bloglint()
        .args(["site", TOUR, "--url", "/blog/2030/01/coming-soon/"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("dated in the future"));
}

#[test]
fn the_site_root_is_found_from_a_path_inside() {
    let out = stdout(
        bloglint().args([
            "site",
            "tests/sites/tour/content/posts/hello-world.md",
            "--url",
            "/blog/2024/03/hello/",
        ]),
        0,
    );
    assert!(out.contains("content/posts/hello-world.md"), "{out}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/tour/content/docs");
    let mut cmd = Command::cargo_bin("bloglint").unwrap();
    cmd.current_dir(dir)
        .env("BLOGLINT_NOW", NOW)
        .args(["site", "--format", "json"]);
    let v = json(&mut cmd, 0);
    assert_eq!(v["base_path"], "/blog");
}

#[test]
fn the_default_language_redirect() {
    let v = json(
        bloglint().args([
            "site",
            "tests/sites/language-subdir",
            "--url",
            "/sub/",
            "--format",
            "json",
        ]),
        0,
    );
    assert_eq!(v["entry"]["kind"], "alias");
    assert_eq!(v["entry"]["source"], Value::Null);
    assert_eq!(v["entry"]["target"], "/en/");
    let out = stdout(bloglint().args(["site", "tests/sites/multilingual"]), 0);
    assert!(
        out.contains("  /fr/posts/a/              fr  page      content/posts/a.fr.md\n"),
        "{out}"
    );
}

#[test]
fn several_claims_on_one_url() {
    let dir = site(&[
        CONFIG,
        ("content/a.md", b"---\ntitle: A\naliases: [/b/]\n---\n"),
        ("content/b.md", b"---\ntitle: B\n---\n"),
    ]);
    let root = dir.path().to_str().unwrap();
    let v = json(bloglint().args(["site", root, "--format", "json"]), 0);
    let b = v["urls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["url"] == "/b/")
        .unwrap();
    assert_eq!(b["kind"], "page");
    assert_eq!(b["source"], "content/b.md");
    assert_eq!(b["also"][0]["kind"], "alias");
    assert_eq!(b["also"][0]["source"], "content/a.md");
    bloglint()
        .args(["site", root, "--url", "/b/"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "/b/: claimed 2 times; Hugo writes only one of them",
        ));
    bloglint()
        .args(["site", root])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "also: alias     content/a.md → /a/",
        ));
}

#[test]
fn files_hugo_cannot_read_are_listed() {
    let dir = site(&[
        CONFIG,
        ("content/ok.md", b"---\ntitle: OK\n---\n"),
        ("content/broken.md", b"---\ntitle: \"unclosed\n---\n"),
        ("content/latin1.md", b"---\ntitle: caf\xe9\n---\n"),
        ("content/posts/a/index.md", b"---\ntitle: A\n---\n"),
        ("content/posts/a/b.md", b"---\ntitle: B\n---\n"),
        ("content/#tmp.md", b"---\ntitle: T\n---\n"),
        (
            "content/x.md",
            b"---\ntitle: X\naliases: ['https://elsewhere.example/']\n---\n",
        ),
    ]);
    let root = dir.path().to_str().unwrap();
    let v = json(bloglint().args(["site", root, "--format", "json"]), 0);
    let reasons: Vec<(&str, &str)> = v["unpublished"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["source"].as_str().unwrap(), u["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("content/#tmp.md", "ignored"),
            ("content/broken.md", "front-matter-error"),
            ("content/latin1.md", "read-error"),
            ("content/posts/a/b.md", "leaf-resource"),
        ]
    );
    assert_eq!(v["rejected_aliases"][0]["source"], "content/x.md");
    assert_eq!(
        v["rejected_aliases"][0]["alias"],
        "https://elsewhere.example/"
    );
    bloglint()
        .args(["site", root])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "Aliases Hugo rejects (the build fails)",
        ));
}

#[test]
fn usage_and_configuration_errors_exit_2() {
    bloglint()
        .args(["site", "no/such/site"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file or directory"));
    let dir = site(&[("hugo.toml", b"baseURL = [\n")]);
    bloglint()
        .args(["site", dir.path().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid configuration"));
    bloglint()
        .args(["site", TOUR, "--format", "sarif"])
        .assert()
        .code(2);
}

/// Every field of the JSON output is in the README's table, and every
/// field of the table is in the output.
#[test]
fn the_readme_documents_every_json_field() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme
        .split("\n## ")
        .find(|s| s.starts_with("Where bloglint thinks pages go"))
        .expect("README section on `bloglint site`");
    let documented: BTreeSet<String> = section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .flat_map(|l| {
            let first = l.split('|').nth(1).unwrap_or_default();
            first
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    fn keys(v: &Value, out: &mut BTreeSet<String>) {
        match v {
            Value::Object(map) => {
                for (k, v) in map {
                    out.insert(k.clone());
                    keys(v, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
            _ => {}
        }
    }
    let mut used = BTreeSet::new();
    let dir = site(&[
        CONFIG,
        ("content/broken.md", b"---\ntitle: \"unclosed\n---\n"),
        (
            "content/x.md",
            b"---\ntitle: X\naliases: ['https://elsewhere.example/']\n---\n",
        ),
        ("static/_redirects", b"/old/*  /x/  301\n"),
    ]);
    for args in [
        vec!["site", TOUR, "--format", "json", "--ids"],
        vec!["site", dir.path().to_str().unwrap(), "--format", "json"],
        vec![
            "site",
            TOUR,
            "--format",
            "json",
            "--url",
            "/blog/2024/03/hello/#x",
        ],
        vec!["site", TOUR, "--format", "json", "--url", "/blog/wip/"],
        vec![
            "site",
            dir.path().to_str().unwrap(),
            "--format",
            "json",
            "--url",
            "/old/page/",
        ],
    ] {
        let out = bloglint().args(&args).output().unwrap();
        keys(&serde_json::from_slice(&out.stdout).unwrap(), &mut used);
    }
    let undocumented: Vec<&String> = used.difference(&documented).collect();
    let unused: Vec<&String> = documented.difference(&used).collect();
    assert!(
        undocumented.is_empty() && unused.is_empty(),
        "README: undocumented fields {undocumented:?}, documented but never output {unused:?}"
    );
}

/// The host's redirect rules (`static/_redirects`, `netlify.toml`): listed,
/// in text and JSON, and `--url` answers with the rule that serves a path.
#[test]
fn host_redirects() {
    let dir = site(&[
        CONFIG,
        ("content/a.md", b"---\ntitle: A\n---\n"),
        (
            "static/_redirects",
            b"# comment\n/old/*  /a/  301\n/* /404.html 404\n",
        ),
        (
            "netlify.toml",
            b"[[redirects]]\nfrom = '/legacy'\nto = '/a/'\n",
        ),
    ]);
    let root = dir.path().to_str().unwrap();
    let text = stdout(bloglint().args(["site", root]), 0);
    assert!(text.contains("Host redirects"), "{text}");
    assert!(
        text.contains("  /old/*   → /a/ 301  (static/_redirects:2)"),
        "{text}"
    );
    assert!(text.contains("/legacy  → /a/  (netlify.toml:1)"), "{text}");
    assert!(
        !text.contains("404.html"),
        "a custom 404 is no redirect: {text}"
    );
    let json: Value = serde_json::from_str(&stdout(
        bloglint().args(["site", root, "--format", "json"]),
        0,
    ))
    .unwrap();
    assert_eq!(json["host_redirects"][0]["from"], "/old/*");
    assert_eq!(json["host_redirects"][0]["status"], "301");
    assert_eq!(json["host_redirects"][1]["source"], "netlify.toml:1");
    assert_eq!(json["host_redirects"][1]["status"], Value::Null);
    let answer = stdout(bloglint().args(["site", root, "--url", "/old/x/y/"]), 0);
    assert!(answer.contains("the host redirects it to /a/"), "{answer}");
    stdout(bloglint().args(["site", root, "--url", "/elsewhere/"]), 1);
}
