//! Every rule against its fixtures: `tests/fixtures/<rule>/fires/**` must fire
//! (its rendered diagnostics are snapshots) and `tests/fixtures/<rule>/silent/**`
//! must stay silent. Each fixture tree mimics a `content/` folder, so
//! `fires/posts/x.md` is linted as the regular page `posts/x.md`. Only the rule
//! under test runs.

use std::path::{Path, PathBuf};

use bloglint::config::Config;
use bloglint::hugo::config::HugoConfig;
use bloglint::render;
use bloglint::rules::RULES;
use bloglint::site::{self, Site};

/// A fixed "now" (2025-01-01T00:00:00Z) so future-date checks are stable.
const NOW: i64 = 1_735_689_600;

fn fixtures(rule: &str, kind: &str) -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rule)
        .join(kind);
    let mut out = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if site::is_content(&p) {
                let rel = p
                    .strip_prefix(&dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((p, rel));
            }
        }
    }
    out.sort();
    out
}

/// Lint one fixture with only `rule` on; render concise and human output.
fn lint_fixture(rule: &str, path: &Path, content_path: &str) -> (usize, String) {
    let mut toml = String::from("[rules]\n");
    for m in RULES {
        if m.name != rule {
            toml.push_str(&format!("{} = \"off\"\n", m.name));
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = Config::parse(&toml, root).unwrap_or_else(|e| panic!("{e:?}"));
    let display = PathBuf::from(format!("content/{content_path}"));
    let bytes = std::fs::read(path).unwrap();
    let (posts, errors) = match site::post_from_bytes(display, content_path.to_string(), bytes) {
        Ok(p) => (vec![p], vec![]),
        Err(d) => (vec![], vec![*d]),
    };
    let site = Site::new(HugoConfig::default_for(root), posts, errors);
    let diags = bloglint::lint(&site, &config, NOW, None);
    let mut out = Vec::new();
    render::concise::render(&diags, &site, &mut out).unwrap();
    out.push(b'\n');
    render::human::render(&diags, &site, false, &mut out).unwrap();
    (diags.len(), String::from_utf8(out).unwrap())
}

fn check_rule(rule: &str) {
    let fires = fixtures(rule, "fires");
    let silent = fixtures(rule, "silent");
    assert!(!fires.is_empty(), "{rule} has no fixtures that fire");
    assert!(
        !silent.is_empty(),
        "{rule} has no fixtures that stay silent"
    );
    for (path, rel) in &fires {
        let (n, rendered) = lint_fixture(rule, path, rel);
        assert!(
            n > 0,
            "{rule}: {} should fire but is silent",
            path.display()
        );
        let name = format!("{rule}__{}", rel.replace('/', "__"));
        insta::with_settings!({ snapshot_path => "snapshots/rules", prepend_module_to_snapshot => false, description => rel.as_str() }, {
            insta::assert_snapshot!(name, rendered);
        });
    }
    for (path, rel) in &silent {
        let (n, rendered) = lint_fixture(rule, path, rel);
        assert_eq!(
            n,
            0,
            "{rule}: {} should be silent but reports:\n{rendered}",
            path.display()
        );
    }
}

/// Every registered rule, against its fixtures: adding a rule needs no
/// change here, only its fixture folders.
#[test]
fn every_rule_against_its_fixtures() {
    for m in RULES {
        check_rule(m.name);
    }
}
