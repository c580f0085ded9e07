//! Which generator a folder belongs to, as users meet it: detection from
//! the site root and from a folder below it, a folder both generators could
//! claim, `--generator` overriding, and a pre-commit run on some files of a
//! Jekyll site.

mod common;
use assert_cmd::Command;
use common::copy_dir;
use serde_json::Value;

fn bloglint(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("bloglint").unwrap();
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("BLOGLINT_NOW", "1717200000");
    cmd
}

/// A tiny site in a temporary folder: `files` are (path, content) pairs.
fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, content) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

/// The generator `bloglint site` reports, run from `from` (relative to
/// the site) with `args`.
fn generator_of(dir: &tempfile::TempDir, from: &str, args: &[&str]) -> String {
    let out = bloglint(&dir.path().join(from))
        .args(["site", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    json["generator"].as_str().unwrap_or_default().to_string()
}

const POST: &str = "---\ntitle: Hello\n---\n\nHello.\n";

#[test]
fn a_config_yml_is_jekyll_from_the_root_and_below() {
    let dir = site(&[
        ("_config.yml", "title: A blog\n"),
        ("_posts/2024-01-05-hello.md", POST),
        ("about.md", POST),
    ]);
    assert_eq!(generator_of(&dir, ".", &[]), "jekyll");
    assert_eq!(generator_of(&dir, "_posts", &[]), "jekyll");
    let out = bloglint(&dir.path().join("_posts"))
        .args(["site", "--url", "/2024/01/05/hello.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn a_hugo_file_wins_where_both_could_claim_the_folder() {
    let both = |hugo_file: &str| {
        site(&[
            ("_config.yml", "title: A blog\n"),
            (hugo_file, "title = 'A blog'\n"),
            ("content/posts/hello.md", POST),
            ("_posts/2024-01-05-hello.md", POST),
        ])
    };
    // `hugo.toml` names Hugo; `config.toml` (Hugo's old name) does not
    // outweigh `_config.yml`.
    let dir = both("hugo.toml");
    assert_eq!(generator_of(&dir, ".", &[]), "hugo");
    assert_eq!(
        generator_of(&dir, ".", &["--generator", "jekyll"]),
        "jekyll"
    );
    let dir = both("config.toml");
    assert_eq!(generator_of(&dir, ".", &[]), "jekyll");
    assert_eq!(generator_of(&dir, ".", &["--generator", "hugo"]), "hugo");
}

#[test]
fn the_nearest_site_wins() {
    // A Jekyll site inside a Hugo site's folder (a docs/ subsite).
    let dir = site(&[
        ("hugo.toml", "title = 'Outer'\n"),
        ("content/a.md", POST),
        ("docs/_config.yml", "title: Inner\n"),
        ("docs/index.md", POST),
    ]);
    assert_eq!(generator_of(&dir, ".", &[]), "hugo");
    assert_eq!(generator_of(&dir, "docs", &[]), "jekyll");
}

#[test]
fn some_files_of_a_jekyll_site_are_checked_against_the_whole_site() {
    let dir = site(&[
        ("_config.yml", "title: A blog\n"),
        (
            "_posts/2024-01-05-hello.md",
            "---\ntitle: Hello\n---\n\nSee [the other]({% post_url 2024-01-06-other %}).\n",
        ),
        (
            "_posts/2024-01-07-broken.md",
            "---\ntitle: Broken\n---\n\nSee [nothing]({% post_url 2024-01-09-nothing %}).\n",
        ),
        ("_posts/2024-01-06-other.md", POST),
    ]);
    // The staged post links to a post that is not staged: it lands.
    let ok = bloglint(dir.path())
        .args(["check", "--no-cache", "--format", "concise"])
        .arg("_posts/2024-01-05-hello.md")
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0), "{ok:?}");
    // The other post's broken tag is reported only when it is checked.
    let broken = bloglint(dir.path())
        .args(["check", "--no-cache", "--format", "concise"])
        .arg("_posts/2024-01-07-broken.md")
        .output()
        .unwrap();
    assert_eq!(broken.status.code(), Some(1));
    let said = String::from_utf8_lossy(&broken.stdout);
    assert!(
        said.contains("_posts/2024-01-07-broken.md") && said.contains("post_url"),
        "{said}"
    );
}

/// `--fix` and every output format on a Jekyll site: the example blog's
/// fixes apply once (a second run changes nothing), and each format writes
/// its report (JSON ones parse) and exits 1.
#[test]
fn fixes_and_formats_work_on_a_jekyll_site() {
    let dir = tempfile::tempdir().unwrap();
    let blog = dir.path().join("jekyll-blog");
    copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/jekyll-blog"),
        &blog,
    );
    let fix = |unsafe_too: bool| {
        let mut cmd = bloglint(&blog);
        cmd.args(["check", "--no-cache", "--fix", "--format", "concise"]);
        if unsafe_too {
            cmd.arg("--unsafe-fixes");
        }
        String::from_utf8(cmd.output().unwrap().stderr).unwrap()
    };
    let first = fix(true);
    assert!(first.contains("fixed 3 files"), "{first}");
    let leap = std::fs::read_to_string(blog.join("_posts/2024-02-10-leap-day.md")).unwrap();
    assert!(leap.contains("date: 2024-03-01"), "{leap}");
    let second = fix(true);
    assert!(second.contains("fixed 0 files"), "{second}");
    for format in [
        "json", "sarif", "github", "gitlab", "junit", "human", "concise",
    ] {
        let out = bloglint(&blog)
            .args(["check", "--no-cache", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(!out.stdout.is_empty(), "{format}");
        if matches!(format, "json" | "sarif" | "gitlab") {
            let _: Value =
                serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{format}: {e}"));
        }
    }
}

/// Netlify's `_redirects` on a Jekyll site counts only when Jekyll
/// publishes it: Jekyll 4.3.1 skips `_` files unless `include`d.
#[test]
fn a_jekyll_site_redirects_file_counts_when_jekyll_publishes_it() {
    let page = "---\ntitle: A\n---\n\n[moved](/old/thing)\n";
    let run = |config: &str| {
        let dir = site(&[
            ("_config.yml", config),
            ("_redirects", "/old/*  /new/:splat  301\n"),
            ("a.md", page),
        ]);
        bloglint(dir.path())
            .args(["check", "--no-cache", "--format", "concise"])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("title: x\ninclude: [_redirects]\n"), Some(0));
    assert_eq!(run("title: x\n"), Some(1));
}

/// One site per run: a path of another site is named on stderr, not
/// passed over in silence; paths of the same site say nothing.
#[test]
fn a_path_of_another_site_is_named() {
    let dir = site(&[
        ("hugo/hugo.toml", "title = 'A'\n"),
        ("hugo/content/a.md", POST),
        ("jekyll/_config.yml", "title: B\n"),
        ("jekyll/about.md", POST),
    ]);
    let out = bloglint(dir.path())
        .args(["check", "--no-cache", "hugo", "jekyll"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("jekyll: part of another site") && !stderr.contains("hugo: part of"),
        "{stderr}"
    );
    let out = bloglint(dir.path())
        .args(["check", "--no-cache", "hugo/content/a.md", "hugo"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("another site"));
}

const ZOLA_POST: &str = "+++\ntitle = \"Hello\"\n+++\n\nHello.\n";

#[test]
fn a_config_toml_with_base_url_is_zola_from_the_root_and_below() {
    let dir = site(&[
        ("config.toml", "base_url = \"https://example.org\"\n"),
        ("content/blog/_index.md", "+++\ntitle = \"Blog\"\n+++\n"),
        ("content/blog/hello.md", ZOLA_POST),
    ]);
    assert_eq!(generator_of(&dir, ".", &[]), "zola");
    assert_eq!(generator_of(&dir, "content/blog", &[]), "zola");
    let out = bloglint(&dir.path().join("content"))
        .args(["site", "--url", "/blog/hello/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn a_config_toml_with_base_url_camel_case_stays_hugo() {
    // Hugo's key is `baseURL`; Zola's `base_url`.
    let dir = site(&[
        ("config.toml", "baseURL = \"https://example.org/\"\n"),
        ("content/posts/hello.md", POST),
    ]);
    assert_eq!(generator_of(&dir, ".", &[]), "hugo");
    // Told so, bloglint looks for a Zola site, and finds none.
    let out = bloglint(dir.path())
        .args(["site", "--generator", "zola", "--format", "json"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn a_hugo_file_beside_a_zola_config_says_hugo() {
    let dir = site(&[
        ("config.toml", "base_url = \"https://example.org\"\n"),
        ("hugo.toml", "baseURL = \"https://example.org/\"\n"),
        ("content/posts/hello.md", POST),
    ]);
    assert_eq!(generator_of(&dir, ".", &[]), "hugo");
    assert_eq!(generator_of(&dir, ".", &["--generator", "zola"]), "zola");
}

#[test]
fn a_zola_site_missing_its_base_url_is_a_configuration_error() {
    let dir = site(&[
        ("config.toml", "base_url = \"\"\ntitle = \"x\"\n"),
        ("content/hello.md", ZOLA_POST),
    ]);
    let out = bloglint(dir.path()).args(["site"]).output().unwrap();
    assert_ne!(out.status.code(), Some(0), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("base_url"), "{stderr}");
    assert!(stderr.contains("config.toml"), "{stderr}");
}
