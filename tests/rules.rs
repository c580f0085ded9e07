//! Every rule against its fixtures. `tests/fixtures/<rule>/fires/` and
//! `tests/fixtures/<rule>/silent/` are tiny Hugo sites (a `content/` folder,
//! and a `hugo.toml` when the rule needs one); `tests/fixtures/<rule>/jekyll/
//! fires/` and `…/jekyll/silent/` are tiny Jekyll sites (a `_config.yml`);
//! `tests/fixtures/<rule>/zola/fires/` and `…/zola/silent/` are tiny Zola
//! sites (a `config.toml` with `base_url`, each checked with Zola 0.22.1:
//! `zola_fixtures_build` rebuilds them when `zola` is on the PATH).
//! Only the rule under test runs. In `fires`, every content file must get at
//! least one diagnostic, and the rendered output is a snapshot; `silent`
//! must get none.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bloglint::config::Config;
use bloglint::render;
use bloglint::rules::RULES;
use bloglint::site::Site;

/// A fixed "now" (2025-01-01T00:00:00Z) so future-date checks are stable.
const NOW: i64 = 1_735_689_600;

/// Lint one fixture site with only `rule` on: the files that got
/// diagnostics, the content files, and the rendered output.
fn lint_fixture(rule: &str, root: &Path) -> (BTreeSet<PathBuf>, Vec<PathBuf>, String) {
    let mut toml = String::from("[rules]\n");
    for m in RULES {
        if m.name != rule {
            toml.push_str(&format!("{} = \"off\"\n", m.name));
        } else {
            // On, for the rules that are off by default.
            toml.push_str(&format!("{} = \"{}\"\n", m.name, m.severity.as_str()));
        }
    }
    let config = Config::parse(&toml, root).unwrap_or_else(|e| panic!("{e:?}"));
    let generator = bloglint::site::Generator::detect(root).unwrap_or_else(|e| panic!("{e:?}"));
    let site = Site::load(generator);
    let diags = bloglint::lint(&site, &config, NOW, None);
    let mut files: Vec<PathBuf> = site.posts.iter().map(|p| p.path.clone()).collect();
    files.extend(site.errors.iter().map(|e| e.path.clone()));
    files.sort();
    let mut out = Vec::new();
    render::concise::render(&diags, &site, &mut out).unwrap();
    out.push(b'\n');
    render::human::render(&diags, &site, false, &mut out).unwrap();
    let hit = diags.iter().map(|d| d.path.clone()).collect();
    (hit, files, String::from_utf8(out).unwrap())
}

fn check_rule(rule: &str) {
    let base = PathBuf::from("tests/fixtures").join(rule);
    let (fires, silent) = (base.join("fires"), base.join("silent"));
    assert!(
        fires.join("content").is_dir(),
        "{}/content is missing",
        fires.display()
    );
    assert!(
        silent.join("content").is_dir(),
        "{}/content is missing",
        silent.display()
    );
    check_fixtures(rule, rule, &fires, &silent);
    let jekyll = base.join("jekyll");
    if jekyll.is_dir() {
        let (fires, silent) = (jekyll.join("fires"), jekyll.join("silent"));
        for site in [&fires, &silent] {
            assert!(
                site.join("_config.yml").is_file(),
                "{}/_config.yml is missing",
                site.display()
            );
        }
        check_fixtures(rule, &format!("{rule}-jekyll"), &fires, &silent);
    }
    let zola = base.join("zola");
    assert!(zola.is_dir(), "{}: no Zola fixtures", zola.display());
    let (fires, silent) = (zola.join("fires"), zola.join("silent"));
    for site in [&fires, &silent] {
        assert!(
            site.join("config.toml").is_file() && site.join("content").is_dir(),
            "{}: config.toml or content/ is missing",
            site.display()
        );
    }
    check_fixtures(rule, &format!("{rule}-zola"), &fires, &silent);
}

/// A rule against one pair of fixture sites; `snapshot` names the
/// snapshot of what `fires` reports.
fn check_fixtures(rule: &str, snapshot: &str, fires: &Path, silent: &Path) {
    let (hit, files, rendered) = lint_fixture(rule, fires);
    assert!(!files.is_empty(), "{rule}: no fixtures that fire");
    for f in &files {
        assert!(
            hit.contains(f),
            "{rule}: {} should fire but is silent\n{rendered}",
            f.display()
        );
    }
    insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(snapshot, rendered);
    });

    let (hit, files, rendered) = lint_fixture(rule, silent);
    assert!(!files.is_empty(), "{rule}: no fixtures that stay silent");
    assert!(
        hit.is_empty(),
        "{rule}: silent fixtures report:\n{rendered}"
    );
}

/// Every registered rule, against its fixtures: adding a rule needs no
/// change here, only its fixture folders.
#[test]
fn every_rule_against_its_fixtures() {
    // Integration tests run from the crate root; paths in snapshots are
    // relative to it.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    for m in RULES {
        check_rule(m.name);
    }
}

/// The Zola fixture sites that Zola 0.22.1 refuses to build: their
/// findings are errors that fail `zola build`. Every other Zola fixture
/// builds.
const ZOLA_FAILS: &[&str] = &[
    "alias-collision/zola/fires",
    "broken-link/zola/fires",
    "date-format/zola/fires",
    "front-matter-syntax/zola/fires",
    "url-collision/zola/fires",
];

/// Every Zola fixture built with real Zola (when `zola` is on the PATH,
/// else "skipped"): the silent ones build, and of the firing ones exactly
/// those in [`ZOLA_FAILS`] fail, so the fixtures stay real Zola sites.
#[test]
fn zola_fixtures_build() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let Some(zola) = common::zola() else {
        eprintln!("skipped: no zola on the PATH");
        return;
    };
    for m in RULES {
        for side in ["fires", "silent"] {
            let site = format!("{}/zola/{side}", m.name);
            let out = tempfile::tempdir().expect("temp dir");
            let run = std::process::Command::new(&zola)
                .arg("--root")
                .arg(PathBuf::from("tests/fixtures").join(&site))
                .arg("build")
                .arg("--output-dir")
                .arg(out.path().join("public"))
                .output()
                .expect("zola runs");
            let log = String::from_utf8_lossy(&run.stderr);
            assert_eq!(
                run.status.success(),
                !ZOLA_FAILS.contains(&site.as_str()),
                "{site}: zola build {}\n{log}",
                if run.status.success() {
                    "succeeds"
                } else {
                    "fails"
                }
            );
        }
    }
}
