//! `bloglint::zola::slug::slugify_paths` against Zola 0.22.1: pages whose
//! front matter `slug` is each input of the table, and the slug Zola made
//! of it (`page.slug`) under each `[slugify] paths`, recorded in
//! [`ZOLA_0_22_1`] and checked always; rebuilt with real Zola (`zola` on
//! the PATH, or `$ZOLA`) when there is one, which must still make the
//! recorded slugs. Without Zola that part says "skipped" and passes.
//! (`slugify_anchors` is pinned by `tests/zola_heading_id.rs`.)

mod common;

use bloglint::zola::slug::{Slugify, slugify_paths};

/// Each row: a `slug` as written in TOML front matter (a basic string, so
/// escapes are TOML's), and the slug Zola 0.22.1 made of it with
/// `paths = "on"`, `"safe"` and `"off"`.
const ZOLA_0_22_1: &[(&str, &str, &str, &str)] = &[
    ("Hello World", "hello-world", "Hello World", "Hello World"),
    ("hello-world", "hello-world", "hello-world", "hello-world"),
    (
        "  Spaces  around  ",
        "spaces-around",
        "  Spaces  around",
        "  Spaces  around  ",
    ),
    (
        "Trailing dot.",
        "trailing-dot",
        "Trailing dot",
        "Trailing dot.",
    ),
    ("dots. . .", "dots", "dots", "dots. . ."),
    ("Café crème", "cafe-creme", "Café crème", "Café crème"),
    ("C++ & Go", "c-go", "C++ & Go", "C++ & Go"),
    (
        "Emoji 🎉 party",
        "emoji-tada-party",
        "Emoji 🎉 party",
        "Emoji 🎉 party",
    ),
    ("👍 thumbs", "1-thumbs", "👍 thumbs", "👍 thumbs"),
    (
        "snake_case_name",
        "snake-case-name",
        "snake_case_name",
        "snake_case_name",
    ),
    (
        "123 leading digits",
        "123-leading-digits",
        "123 leading digits",
        "123 leading digits",
    ),
    ("a -- b --- c", "a-b-c", "a -- b --- c", "a -- b --- c"),
    (
        "日本語のタイトル",
        "ri-ben-yu-notaitoru",
        "日本語のタイトル",
        "日本語のタイトル",
    ),
    ("Привет мир", "privet-mir", "Привет мир", "Привет мир"),
    ("Ελληνικά", "ellenika", "Ελληνικά", "Ελληνικά"),
    (
        "Straße Ärger Ñandú",
        "strasse-arger-nandu",
        "Straße Ärger Ñandú",
        "Straße Ärger Ñandú",
    ),
    ("العربية", "l-rby", "العربية", "العربية"),
    ("한국어", "hangugeo", "한국어", "한국어"),
    (
        "ﬁ ligature ½ ™",
        "fi-ligature-1-2-tm",
        "ﬁ ligature ½ ™",
        "ﬁ ligature ½ ™",
    ),
    (
        "‘curly’ “quotes” — dash",
        "curly-quotes-dash",
        "‘curly’ “quotes” — dash",
        "‘curly’ “quotes” — dash",
    ),
    (
        "quotes \\\"double\\\" and 'single'",
        "quotes-double-and-single",
        "quotes double and 'single'",
        "quotes \"double\" and 'single'",
    ),
    (
        "100% sure, e.g. $5 @home",
        "100-sure-e-g-5-home",
        "100% sure, e.g. $5 @home",
        "100% sure, e.g. $5 @home",
    ),
    ("a<b>c:d|e?f*g", "a-b-c-d-e-f-g", "abcdefg", "a<b>c:d|e?f*g"),
    ("back\\\\slash", "back-slash", "backslash", "back\\slash"),
    ("tab\\there", "tab-here", "tab\there", "tab\there"),
    (
        "non\u{a0}breaking",
        "non-breaking",
        "non\u{a0}breaking",
        "non\u{a0}breaking",
    ),
    ("Mixed CASE", "mixed-case", "Mixed CASE", "Mixed CASE"),
    (
        "under_score-dash",
        "under-score-dash",
        "under_score-dash",
        "under_score-dash",
    ),
    ("x.y.z", "x-y-z", "x.y.z", "x.y.z"),
];

/// The inputs of the table. None slugifies to nothing (a page at its
/// section's URL is a path collision, which fails the build).
const INPUTS: &[&str] = &[
    "Hello World",
    "hello-world",
    "  Spaces  around  ",
    "Trailing dot.",
    "dots. . .",
    "Café crème",
    "C++ & Go",
    "Emoji 🎉 party",
    "👍 thumbs",
    "snake_case_name",
    "123 leading digits",
    "a -- b --- c",
    "日本語のタイトル",
    "Привет мир",
    "Ελληνικά",
    "Straße Ärger Ñandú",
    "العربية",
    "한국어",
    "ﬁ ligature ½ ™",
    "‘curly’ “quotes” — dash",
    "quotes \\\"double\\\" and 'single'",
    "100% sure, e.g. $5 @home",
    "a<b>c:d|e?f*g",
    "back\\\\slash",
    "tab\\there",
    "non\u{a0}breaking",
    "Mixed CASE",
    "under_score-dash",
    "x.y.z",
];

const MODES: [(Slugify, &str); 3] = [
    (Slugify::On, "on"),
    (Slugify::Safe, "safe"),
    (Slugify::Off, "off"),
];

/// A TOML basic string's value (the escapes the inputs use).
fn unescape(toml: &str) -> String {
    toml.replace("\\\"", "\"")
        .replace("\\t", "\t")
        .replace("\\\\", "\\")
}

#[test]
fn slugs_match_the_recorded_zola_build() {
    assert_eq!(ZOLA_0_22_1.len(), INPUTS.len(), "one row per input");
    for (row, input) in ZOLA_0_22_1.iter().zip(INPUTS) {
        assert_eq!(row.0, *input, "the table's rows follow INPUTS");
        let value = unescape(input);
        for (mode, want) in [
            (Slugify::On, row.1),
            (Slugify::Safe, row.2),
            (Slugify::Off, row.3),
        ] {
            assert_eq!(slugify_paths(&value, mode), want, "{input:?} {mode:?}");
        }
    }
}

#[test]
fn real_zola_makes_the_recorded_slugs() {
    let Some(zola) = common::zola() else {
        println!("skipped: no zola on the PATH (or $ZOLA)");
        return;
    };
    let mut built: Vec<Vec<String>> = Vec::new();
    for (_, name) in MODES {
        let mut files = vec![
            (
                "config.toml".to_string(),
                format!("base_url = \"https://example.org\"\n[slugify]\npaths = \"{name}\"\n"),
            ),
            (
                "templates/page.html".into(),
                "SLUG<{{ page.slug | safe }}>".into(),
            ),
            ("templates/index.html".into(), "index".into()),
            ("templates/section.html".into(), "section".into()),
        ];
        // Each page in a section of its own: two inputs with one slug
        // would collide.
        for (k, input) in INPUTS.iter().enumerate() {
            files.push((format!("content/s{k}/_index.md"), "+++\n+++\n".into()));
            files.push((
                format!("content/s{k}/page.md"),
                format!("+++\ntitle = \"s{k}\"\nslug = \"{input}\"\n+++\n"),
            ));
        }
        let site = common::zola_build(&zola, &files).unwrap_or_else(|log| panic!("{log}"));
        let mut slugs = vec![String::new(); INPUTS.len()];
        for file in common::files_under(&site.path().join("public")) {
            let rel = file
                .strip_prefix(site.path().join("public"))
                .expect("below");
            let section = rel.components().next().and_then(|c| c.as_os_str().to_str());
            let Some(k) = section
                .and_then(|s| s.strip_prefix('s'))
                .and_then(|n| n.parse::<usize>().ok())
            else {
                continue;
            };
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            if let Some(slug) = text.strip_prefix("SLUG<").and_then(|t| t.strip_suffix('>')) {
                slugs[k] = slug.to_string();
            }
        }
        built.push(slugs);
    }
    let table: String = INPUTS
        .iter()
        .enumerate()
        .map(|(k, input)| {
            format!(
                "    ({input:?}, {:?}, {:?}, {:?}),\n",
                built[0][k], built[1][k], built[2][k]
            )
        })
        .collect();
    for (m, (_, name)) in MODES.iter().enumerate() {
        let recorded: Vec<&str> = ZOLA_0_22_1.iter().map(|r| [r.1, r.2, r.3][m]).collect();
        assert_eq!(
            built[m], recorded,
            "paths = {name:?}: Zola made other slugs than recorded; as built:\n{table}"
        );
    }
}
