//! The defaults that follow the site's own conventions
//! (`required-front-matter`'s `date`, `description-length`'s missing
//! description): how pages are counted, the strict form through
//! `[[overrides]]`, and a pre-commit run deciding as a full run.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use bloglint::config::Config;
use bloglint::rules::RULES;
use bloglint::site::Site;

/// 2025-01-01T00:00:00Z.
const NOW: i64 = 1_735_689_600;

/// A configuration with only `rule` on, then `extra`.
fn only_rule(rule: &str, extra: &str) -> String {
    let mut toml = String::from("[rules]\n");
    for m in RULES {
        if m.name != rule {
            toml.push_str(&format!("{} = \"off\"\n", m.name));
        }
    }
    toml + extra
}

/// `(file relative to root, message)` of every finding of `rule` on the site
/// at `root`, with `extra` configuration, reported on `only` files.
fn findings(
    root: &Path,
    rule: &str,
    extra: &str,
    only: Option<&HashSet<PathBuf>>,
) -> Vec<(String, String)> {
    let config = Config::parse(&only_rule(rule, extra), root).unwrap_or_else(|e| panic!("{e:?}"));
    let site =
        Site::load(bloglint::site::Generator::detect(root).unwrap_or_else(|e| panic!("{e:?}")));
    bloglint::lint(&site, &config, NOW, only)
        .into_iter()
        .map(|d| {
            let rel = d.path.strip_prefix(root).unwrap_or(&d.path);
            (rel.display().to_string(), d.message)
        })
        .collect()
}

fn fixture(rule: &str, which: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rule)
        .join(which)
}

fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut wrote_config = false;
    for (path, content) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
        wrote_config |= *path == "hugo.toml";
    }
    if !wrote_config {
        std::fs::write(
            dir.path().join("hugo.toml"),
            "baseURL = 'https://example.org/'\n",
        )
        .unwrap();
    }
    dir
}

const RFM: &str = "required-front-matter";
const DL: &str = "description-length";

#[test]
fn date_always_by_override_is_the_strict_form() {
    let root = fixture(RFM, "silent");
    let strict = "[[overrides]]\nfiles = [\"content/docs/**\"]\n[overrides.rules.required-front-matter]\ndate = \"always\"\n";
    let mut found = findings(&root, RFM, strict, None);
    found.sort();
    let missing = "required field `date` is missing".to_string();
    assert_eq!(
        found,
        [
            ("content/docs/a.md".to_string(), missing.clone()),
            ("content/docs/b.md".to_string(), missing.clone()),
            ("content/docs/bundle/index.md".to_string(), missing.clone()),
            (
                "content/docs/empty-date.md".to_string(),
                "`date` is empty".to_string()
            ),
            ("content/docs/escaped-colon.md".to_string(), missing),
        ]
    );
    // The whole site strict: every undated page in a section, the French
    // translations too; `about.md` (no section) and the translation stubs
    // of `manual` (their theme shows the English page's date) stay out.
    let found = findings(
        &root,
        RFM,
        "[rules.required-front-matter]\ndate = \"always\"\n",
        None,
    );
    let files: HashSet<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
    for f in [
        "content/posts/complete.fr.md",
        "content/guides/undated-c.md",
        "content/half/undated-d.md",
        "content/news/fixed-url.md",
    ] {
        assert!(files.contains(f), "{f}: {found:?}");
    }
    assert!(!files.contains("content/about.md"), "{found:?}");
    assert!(!files.contains("content/guides/dated-a.md"), "{found:?}");
    assert!(files.contains("content/manual/real.fr.md"), "{found:?}");
    assert!(!files.contains("content/manual/premier.fr.md"), "{found:?}");
}

#[test]
fn description_require_always_never_and_the_old_booleans() {
    let silent = fixture(DL, "silent");
    for strict in ["\"always\"", "true"] {
        let extra = format!("[rules.description-length]\nrequire = {strict}\n");
        let found = findings(&silent, DL, &extra, None);
        let files: HashSet<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        for f in [
            "content/docs/a.md",
            "content/notes/c.md",
            "content/about.md",
        ] {
            assert!(files.contains(f), "{strict}: {f}: {found:?}");
        }
        assert!(
            found
                .iter()
                .all(|(_, m)| m == "the page has no `description`"),
            "{found:?}"
        );
    }
    let fires = fixture(DL, "fires");
    for never in ["\"never\"", "false"] {
        let extra = format!("[rules.description-length]\nrequire = {never}\n");
        let found = findings(&fires, DL, &extra, None);
        assert!(
            found
                .iter()
                .all(|(_, m)| m.starts_with("description is too")),
            "{never}: {found:?}"
        );
        assert_eq!(found.len(), 5, "{found:?}");
    }
}

#[test]
fn bad_choices_are_configuration_errors() {
    for (rule, extra) in [
        (RFM, "[rules.required-front-matter]\ndate = \"sometimes\"\n"),
        (DL, "[rules.description-length]\nrequire = \"often\"\n"),
        (DL, "[rules.description-length]\nrequire = 1\n"),
    ] {
        let err = Config::parse(&only_rule(rule, extra), Path::new("."))
            .err()
            .unwrap_or_else(|| panic!("{extra} should be refused"));
        assert!(err.1.contains("must be one of"), "{err:?}");
    }
}

/// A pre-commit run reads the whole site and reports on the staged files:
/// each file gets exactly what a full run gives it.
#[test]
fn a_run_on_some_files_decides_as_a_full_run() {
    for rule in [RFM, DL] {
        let root = fixture(rule, "fires");
        let full = findings(&root, rule, "", None);
        let files: HashSet<&String> = full.iter().map(|(f, _)| f).collect();
        assert!(files.len() > 3, "{full:?}");
        for f in files {
            let only: HashSet<PathBuf> = [root.join(f)].into_iter().collect();
            let some = findings(&root, rule, "", Some(&only));
            let expected: Vec<_> = full.iter().filter(|(g, _)| g == f).cloned().collect();
            assert_eq!(some, expected, "{rule}: {f}");
        }
    }
}

// With a body: an empty page of another language with a translation is a
// translation stub, which counts in no statistics.
const DATED: &str = "---\ntitle: T\ndate: 2024-01-01\n---\n\nText.\n";
const UNDATED: &str = "---\ntitle: T\n---\n\nText.\n";

#[test]
fn drafts_count_pages_hugo_never_renders_do_not() {
    // Two dated pages of three, one of them a draft: the draft counts.
    let dir = site(&[
        (
            "content/posts/a.md",
            "---\ntitle: T\ndate: 2024-01-01\ndraft: true\n---\n",
        ),
        ("content/posts/b.md", DATED),
        ("content/posts/c.md", UNDATED),
    ]);
    let found = findings(dir.path(), RFM, "", None);
    assert_eq!(
        found,
        [(
            "content/posts/c.md".to_string(),
            "required field `date` is missing: 2 of the 2 other pages of section `posts` have one"
                .to_string()
        )]
    );
    // A page Hugo never renders does not count: one dated page of two.
    let dir = site(&[
        (
            "content/posts/a.md",
            "---\ntitle: T\ndate: 2024-01-01\nbuild:\n  render: never\n---\n",
        ),
        ("content/posts/b.md", DATED),
        ("content/posts/c.md", UNDATED),
    ]);
    assert_eq!(findings(dir.path(), RFM, "", None), []);
}

#[test]
fn sections_are_hugo_sections_per_language() {
    let config = "baseURL = 'https://example.org/'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n";
    let dir = site(&[
        ("hugo.toml", config),
        // A nested folder with `_index.md` is a section of its own: its
        // undated pages are not measured against the dated blog above.
        ("content/blog/a.md", DATED),
        ("content/blog/b.md", DATED),
        ("content/blog/manual/_index.md", UNDATED),
        ("content/blog/manual/x.md", UNDATED),
        ("content/blog/manual/y.md", UNDATED),
        // A folder without one belongs to the section above.
        ("content/blog/2024/c.md", UNDATED),
        // French pages are counted among French pages. Without an
        // `_index.fr.md`, `manual` is no French section: Hugo 0.168 gives
        // `manual/x.fr.md` the current section `/blog` (checked with a
        // layout printing `.CurrentSection.Path`).
        ("content/blog/a.fr.md", DATED),
        ("content/blog/b.fr.md", DATED),
        ("content/blog/d.fr.md", DATED),
        ("content/blog/c.fr.md", UNDATED),
        ("content/blog/manual/x.fr.md", UNDATED),
    ]);
    let mut found = findings(dir.path(), RFM, "", None);
    found.sort();
    assert_eq!(
        found,
        [
            (
                "content/blog/2024/c.md".to_string(),
                "required field `date` is missing: 2 of the 2 other pages of section `blog` (en) have one"
                    .to_string()
            ),
            (
                "content/blog/c.fr.md".to_string(),
                "required field `date` is missing: 3 of the 4 other pages of section `blog` (fr) have one"
                    .to_string()
            ),
            (
                "content/blog/manual/x.fr.md".to_string(),
                "required field `date` is missing: 3 of the 4 other pages of section `blog` (fr) have one"
                    .to_string()
            ),
        ]
    );
}

/// Hugo 0.168 publishes an undated page under a date permalink at
/// `/1/01/…` (the `permalinks` site of `tests/hugo_oracle.rs`), and a
/// top-level page's `url` expands the same tokens.
#[test]
fn a_date_in_the_url_is_needed_anywhere() {
    let dir = site(&[
        (
            "hugo.toml",
            "baseURL = 'https://example.org/'\n[permalinks]\nlog = '/:2006/:slug/'\n",
        ),
        ("content/log/only.md", UNDATED),
        (
            "content/about.md",
            "---\ntitle: About\nurl: /:year/about/\n---\n",
        ),
    ]);
    let mut found = findings(dir.path(), RFM, "", None);
    found.sort();
    assert_eq!(
        found,
        [
            (
                "content/about.md".to_string(),
                "required field `date` is missing: the page's `url` `/:year/about/` uses it"
                    .to_string()
            ),
            (
                "content/log/only.md".to_string(),
                "required field `date` is missing: the page's permalink `/:2006/:slug/` uses it"
                    .to_string()
            ),
        ]
    );
}

/// Translation stubs (empty pages of another language that their theme
/// fills from the default-language page) are no convention of their
/// section: dated and described stubs do not make the one real French
/// page's missing date or description a finding, and nothing is asked of
/// the stubs themselves, not even by `date = "always"`.
#[test]
fn translation_stubs_are_no_convention() {
    let config = "baseURL = 'https://example.org/'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n";
    let full = "---\ntitle: T\ndate: 2024-01-01\ndescription: A page of the manual, described as the others are.\n---\n\nText.\n";
    let stub = "---\nuntranslated: 1\ndate: 2024-01-01\ndescription: A page of the manual, described as the others are.\n---\n";
    let dir = site(&[
        ("hugo.toml", config),
        ("content/docs/a.md", full),
        ("content/docs/b.md", full),
        ("content/docs/c.md", full),
        ("content/docs/d.md", full),
        ("content/docs/a.fr.md", stub),
        ("content/docs/b.fr.md", stub),
        ("content/docs/c.fr.md", stub),
        ("content/docs/d.fr.md", "---\nslug: d\n---\n"),
        (
            "content/docs/real.fr.md",
            "---\ntitle: Vraie\n---\n\nTexte.\n",
        ),
    ]);
    assert_eq!(findings(dir.path(), RFM, "", None), []);
    let described: Vec<_> = findings(dir.path(), DL, "", None)
        .into_iter()
        .filter(|(_, m)| m.contains("no `description`"))
        .collect();
    assert_eq!(described, []);
    let strict = findings(
        dir.path(),
        RFM,
        "[rules.required-front-matter]\ndate = \"always\"\n",
        None,
    );
    assert_eq!(
        strict,
        [(
            "content/docs/real.fr.md".to_string(),
            "required field `date` is missing".to_string()
        )]
    );
}
