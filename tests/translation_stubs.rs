//! Translation stubs: a page of another language than the default whose
//! body is empty, with a translation in the default language, is a
//! placeholder its theme fills from that translation (letsencrypt.org's
//! `{{ if .Params.untranslated }}` shows the English title, date and body).
//! Hugo 0.168 alone renders it with an empty title and the date 0001-01-01
//! (`tests/sites/translation-stubs`, where `tests/hugo_oracle.rs` checks
//! which page is the stub's translation).
//!
//! What the rules make of them, on one small site: no `title`/`date`
//! required of the stub, its anchors are its translation's; a translation
//! with a body of its own, and a link to an id neither page has, still fire.

use std::path::Path;

use bloglint::config::Config;
use bloglint::render;
use bloglint::rules::RULES;
use bloglint::site::Site;

/// 2025-01-01T00:00:00Z.
const NOW: i64 = 1_735_689_600;

const FILES: &[(&str, &str)] = &[
    (
        "hugo.toml",
        "baseURL = 'https://example.org/'\ndefaultContentLanguage = 'en'\n\
         [languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
    ),
    (
        "content/docs/faq.md",
        "---\ntitle: FAQ\ndate: 2024-01-01\n---\n\n## When to renew\n\nSoon.\n",
    ),
    // The stub: its theme shows the English page, `#when-to-renew` included.
    (
        "content/docs/faq.fr.md",
        "---\nslug: faq\nuntranslated: 1\n---\n",
    ),
    // A translation with its own body, and no title.
    (
        "content/docs/partial.md",
        "---\ntitle: Partial\ndate: 2024-01-01\n---\n\n## Part\n",
    ),
    (
        "content/docs/partial.fr.md",
        "---\ndate: 2024-01-01\n---\n\nTexte traduit, sans titre.\n",
    ),
    (
        "content/docs/links.fr.md",
        "---\ntitle: Liens\ndate: 2024-01-01\n---\n\n\
         - [the stub's English id](/fr/docs/faq/#when-to-renew)\n\
         - [a typo](/fr/docs/faq/#when-to-renw)\n\
         - [the translation's own body](/fr/docs/partial/#part)\n",
    ),
];

/// The concise and human output of `rules` on the site.
fn lint(root: &Path, rules: &[&str]) -> String {
    let mut toml = String::from("[rules]\n");
    for m in RULES.iter().filter(|m| !rules.contains(&m.name)) {
        toml.push_str(&format!("{} = \"off\"\n", m.name));
    }
    let config = Config::parse(&toml, root).unwrap_or_else(|e| panic!("{e:?}"));
    let site =
        Site::load(bloglint::site::Generator::detect(root).unwrap_or_else(|e| panic!("{e:?}")));
    let diags = bloglint::lint(&site, &config, NOW, None);
    let mut out = Vec::new();
    render::concise::render(&diags, &site, &mut out).unwrap();
    out.push(b'\n');
    render::human::render(&diags, &site, false, &mut out).unwrap();
    String::from_utf8(out)
        .unwrap()
        .replace(&root.display().to_string(), "<site>")
}

#[test]
fn stubs_stand_for_their_translation() {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in FILES {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let out = lint(dir.path(), &["required-front-matter", "broken-link"]);
    // Nothing on the stub, nothing on the link to the English id.
    assert!(!out.contains("faq.fr.md:"), "{out}");
    assert!(!out.contains("anchor `#when-to-renew`"), "{out}");
    insta::assert_snapshot!("translation_stubs", out);
}
