//! `required-front-matter`'s front matter schemas. Each site under
//! `tests/fixtures/required-front-matter/schema/<generator>/{fires,silent}/`
//! carries its own `bloglint.toml` (the schemas under test): in `fires`,
//! every content file must get at least one diagnostic and the rendered
//! output is a snapshot; `silent` must get none. Only
//! `required-front-matter` runs. Bad schema settings are configuration
//! errors pointing into `bloglint.toml`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bloglint::config::Config;
use bloglint::render;
use bloglint::rules::RULES;
use bloglint::site::Site;

/// A fixed "now" (2025-01-01T00:00:00Z).
const NOW: i64 = 1_735_689_600;

const RULE: &str = "required-front-matter";

/// Every other rule off, then the site's own `bloglint.toml`.
fn config_text(site_toml: &str) -> String {
    let mut toml = String::from("[rules]\n");
    for m in RULES.iter().filter(|m| m.name != RULE) {
        toml.push_str(&format!("{} = \"off\"\n", m.name));
    }
    toml.push_str(site_toml);
    toml
}

fn lint(root: &Path) -> (BTreeSet<PathBuf>, Vec<PathBuf>, String) {
    let own = std::fs::read_to_string(root.join("bloglint.toml")).expect("bloglint.toml");
    let config = Config::parse(&config_text(&own), root).unwrap_or_else(|e| panic!("{e:?}"));
    let generator = bloglint::site::Generator::detect(root).unwrap_or_else(|e| panic!("{e:?}"));
    let site = Site::load(generator);
    // A fixture whose front matter does not parse would be silent for
    // that reason alone.
    for p in &site.posts {
        assert!(
            p.front_matter_error.is_none(),
            "{}: {:?}",
            p.path.display(),
            p.front_matter_error
        );
    }
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

fn check(generator: &str) {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let base = PathBuf::from("tests/fixtures/required-front-matter/schema").join(generator);
    let (hit, files, rendered) = lint(&base.join("fires"));
    assert!(files.len() > 5, "{generator}: too few fixtures that fire");
    for f in &files {
        assert!(
            hit.contains(f),
            "{generator}: {} should fire but is silent\n{rendered}",
            f.display()
        );
    }
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(format!("schema-{generator}"), rendered);
    });
    let (hit, files, rendered) = lint(&base.join("silent"));
    assert!(
        files.len() > 5,
        "{generator}: too few fixtures that stay silent"
    );
    assert!(
        hit.is_empty(),
        "{generator}: silent fixtures report:\n{rendered}"
    );
}

#[test]
fn hugo_schemas_fire_and_stay_silent() {
    check("hugo");
}

#[test]
fn jekyll_schemas_fire_and_stay_silent() {
    check("jekyll");
}

/// Without a schema, nothing of this runs: the rule reports what it
/// reported before on the schema fixtures (its own `title`, `date`).
#[test]
fn no_schema_no_schema_findings() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let root = Path::new("tests/fixtures/required-front-matter/schema/hugo/fires");
    let config = Config::parse(&config_text(""), root).unwrap_or_else(|e| panic!("{e:?}"));
    let generator = bloglint::site::Generator::detect(root).unwrap_or_else(|e| panic!("{e:?}"));
    let site = Site::load(generator);
    let diags = bloglint::lint(&site, &config, NOW, None);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.iter().all(|m| m.contains("`date`")),
        "{messages:?}"
    );
}

/// A bad schema setting: the error's message and the text its span covers.
fn bad(schema: &str) -> (String, String) {
    let text = config_text(schema);
    match Config::parse(&text, Path::new(".")) {
        Ok(_) => panic!("accepted:\n{schema}"),
        Err((span, message)) => {
            let span = span.expect("a span");
            (message, text[span].to_string())
        }
    }
}

const HEAD: &str = "[[rules.required-front-matter.schema]]\npaths = [\"content/**\"]\n[rules.required-front-matter.schema.fields]\n";

#[test]
fn bad_schema_settings_point_into_the_configuration() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "title = { type = \"text\" }",
            "`type` must be one of \"string\", \"boolean\", \"integer\", \"number\", \"date\", \"list\", \"map\", not \"text\"",
            "\"text\"",
        ),
        (
            "slug = { type = \"string\", pattern = \"^[a-z\" }",
            "`pattern` is not a valid regular expression",
            "\"^[a-z\"",
        ),
        (
            "title = { length = [70, 10] }",
            "`length` `[70, 10]` is inverted: the minimum comes first",
            "[70, 10]",
        ),
        (
            "tags = { type = \"list\", count = [1] }",
            "`count` must be a range `[min, max]` of two non-negative integers",
            "[1]",
        ),
        (
            "title = { requried = true }",
            "unknown constraint `requried`",
            "requried",
        ),
        (
            "weight = { unique = \"global\" }",
            "`unique` must be one of \"site\", \"section\", not \"global\"",
            "\"global\"",
        ),
        (
            "image = { exists = true }",
            "`exists` must be a string, not boolean",
            "true",
        ),
        (
            "author = { data-key = \"data/authors.yaml\" }",
            "`data-key` names a data file without folder or extension",
            "\"data/authors.yaml\"",
        ),
        (
            "weight = { type = \"integer\", pattern = \"^1\" }",
            "`pattern` checks text: it does not apply to an integer",
            "\"^1\"",
        ),
        (
            "tags = { type = \"string\", items = \"string\" }",
            "`items` is for `type = \"list\"`",
            "\"string\"",
        ),
        (
            "tags = { type = \"list\", unique = \"site\" }",
            "`unique` compares one value per page",
            "\"site\"",
        ),
        (
            "title = \"string\"",
            "field `title` must be a table",
            "\"string\"",
        ),
        ("status = { one-of = [] }", "`one-of` lists no value", "[]"),
    ];
    for (field, message, at) in cases {
        let (m, covered) = bad(&format!("{HEAD}{field}\n"));
        assert!(m.contains(message), "{field}: {m}");
        assert_eq!(&covered, at, "{field}: {m}");
    }
    // A schema's own keys.
    let (m, covered) = bad("[[rules.required-front-matter.schema]]\npath = [\"x\"]\n");
    assert!(m.contains("unknown schema key `path`"), "{m}");
    assert!(m.contains("did you mean `paths`?"), "{m}");
    assert_eq!(covered, "path");
    let (m, _) = bad("[[rules.required-front-matter.schema]]\npaths = [\"x\"]\n");
    assert!(m.contains("a schema needs `fields`"), "{m}");
    let (m, covered) = bad(
        "[[rules.required-front-matter.schema]]\npaths = [\"a[\"]\n[rules.required-front-matter.schema.fields]\n",
    );
    assert!(m.contains("unclosed"), "{m}");
    assert_eq!(covered, "\"a[\"");
    let (m, covered) = bad("[rules.required-front-matter]\nunknown-keys = \"warn\"\n");
    assert!(m.contains("`unknown-keys` needs a `schema`"), "{m}");
    assert_eq!(covered, "\"warn\"");
    let (m, covered) = bad("[rules.required-front-matter]\nunknown-keys = \"error\"\n");
    assert!(m.contains("must be one of \"off\", \"warn\""), "{m}");
    assert_eq!(covered, "\"error\"");
    // Overrides may not set them: the schemas hold for the whole site.
    let (m, covered) = bad(&format!(
        "{HEAD}title = {{ required = true }}\n\n[[overrides]]\nfiles = [\"content/docs/**\"]\n[overrides.rules.required-front-matter]\nunknown-keys = \"warn\"\n"
    ));
    assert!(m.contains("holds for the whole site"), "{m}");
    assert_eq!(covered, "unknown-keys");
}

#[test]
fn a_good_schema_is_accepted() {
    let text = config_text(&format!(
        "[rules.required-front-matter]\nunknown-keys = \"warn\"\n{HEAD}title = {{ type = \"string\", required = true, non-empty = true, length = [10, 70] }}\ntags = {{ type = \"list\", items = \"string\", count = [1, 5], one-of = [\"go\"] }}\nweight = {{ type = \"integer\", unique = \"section\", one-of = [1, 2] }}\nimage = {{ exists = \"site-path\" }}\nauthor = {{ data-key = \"authors\" }}\n"
    ));
    if let Err(e) = Config::parse(&text, Path::new(".")) {
        panic!("{e:?}");
    }
}

/// `bloglint config` shows a commented schema: uncommented, it is a valid
/// configuration with that schema.
#[test]
fn the_config_commands_example_schema_parses_uncommented() {
    let text = Config::default_toml();
    assert!(
        text.contains("# [[rules.required-front-matter.schema]]"),
        "{text}"
    );
    let uncommented: String = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if rest.starts_with("[[rules.required-front-matter.schema]]")
                    || rest.starts_with("[rules.required-front-matter.schema.fields]")
                    || rest.starts_with("paths = ")
                    || rest.contains(" = { type = ") =>
            {
                rest
            }
            _ => l,
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(uncommented.contains("\n[[rules.required-front-matter.schema]]\n"));
    if let Err(e) = Config::parse(&uncommented, Path::new(".")) {
        panic!("{e:?}\n{uncommented}");
    }
}

/// A run on some files (pre-commit) compares them with the whole site
/// (`unique`) and reports in those files alone.
#[test]
fn a_run_on_one_file_compares_with_the_whole_site() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let root = Path::new("tests/fixtures/required-front-matter/schema/hugo/fires");
    let own = std::fs::read_to_string(root.join("bloglint.toml")).expect("bloglint.toml");
    let config = Config::parse(&config_text(&own), root).unwrap_or_else(|e| panic!("{e:?}"));
    let generator = bloglint::site::Generator::detect(root).unwrap_or_else(|e| panic!("{e:?}"));
    let site = Site::load(generator);
    let one = site
        .posts
        .iter()
        .map(|p| p.path.clone())
        .find(|p| p.ends_with("posts/dup-b.md"))
        .expect("dup-b.md");
    let only: std::collections::HashSet<PathBuf> = [one.clone()].into_iter().collect();
    let diags = bloglint::lint(&site, &config, NOW, Some(&only));
    assert!(diags.iter().all(|d| d.path == one), "{diags:?}");
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the `slug` `same-slug` is also the `slug` of 1 other published page of the site",
            "the `weight` `1` is also the `weight` of 1 other published page of the section `/posts`",
        ]
    );
}
