//! `bloglint::zola::heading_id` against Zola 0.22.1: a page of many
//! headings (unicode, punctuation, emoji, code, links, HTML, duplicates,
//! custom ids, empty ones, a shortcode) and the ids Zola wrote for it under
//! each `[slugify] anchors`, recorded in [`ZOLA_0_22_1`] and checked
//! always; rebuilt with real Zola (`zola` on the PATH, or `$ZOLA`) when
//! there is one, which must still write the recorded ids. Without Zola
//! that part says "skipped" and passes.

mod common;

use std::path::PathBuf;

use bloglint::document::Post;
use bloglint::zola::heading_id::{IdOptions, ids_with};
use bloglint::zola::slug::Slugify;

/// Each row: a Markdown block holding one heading, and the id Zola 0.22.1
/// wrote for it with `anchors = "on"`, `"safe"` and `"off"`. The page is
/// the blocks joined by blank lines, so ids depend on the rows above (and,
/// for custom ids, below).
const ZOLA_0_22_1: &[(&str, &str, &str, &str)] = &[];

/// The headings of the table, as one page.
const BLOCKS: &[&str] = &[
    "# Hello World",
    "## Hello World",
    "## Hello World",
    "## Café crème",
    "## C++ & Go",
    "## Emoji 🎉 party",
    "## 👍",
    "## Use `code_span` here",
    "## `only code`",
    "## Custom {#custom}",
    "## custom",
    "## !!!",
    "## ???",
    "##",
    "## snake_case_name",
    "## 123 leading digits",
    "## a -- b --- c ---- d",
    "## Dots... and dashes--",
    "## Hello-World",
    "## hello-world-1",
    "## Dup",
    "## Dup",
    "## Later {#dup-1}",
    "## Attr {.cls}",
    "## Attr2 {id=x}",
    "## Empty id {#}",
    "## 日本語の見出し",
    "## Привет мир",
    "## Ελληνικά",
    "## Straße Ärger Ñandú",
    "## العربية",
    "## 한국어",
    "## ﬁ ligature ½ ™",
    "## ‘curly’ “quotes” — dash",
    "## Quotes \"double\" and 'single'",
    "## non\u{a0}breaking zero\u{200b}width",
    "## *emph* and **strong** and ~~strike~~",
    "## [link text](https://example.com) after",
    "## ![alt text](x.png) image",
    "## <span>inline</span> html",
    "## Footnote[^1]",
    "## &amp; entities &copy; &#233;",
    "## Escaped \\*stars\\*",
    "## Trailing dot.",
    "## Auto <https://example.com/x>",
    "## 100% sure, e.g. $5 @home",
    "## a/b\\c:d?e",
    "## Shortcode {{ sc() }} here",
    "## Ignored {{/* sc(a=\"x\") */}} shortcode",
    "Setext line one\nline two\n---",
    "- ## In a list",
    "> ## Quoted",
    "## Mixed CASE Title",
    "[^1]: The note.",
];

/// The page Zola builds: the blocks, front matter first.
fn page() -> String {
    format!("+++\ntitle = \"Ids\"\n+++\n{}\n", BLOCKS.join("\n\n"))
}

const MODES: [(Slugify, &str); 3] = [
    (Slugify::On, "on"),
    (Slugify::Safe, "safe"),
    (Slugify::Off, "off"),
];

/// The recorded ids of one mode.
fn recorded(mode: usize) -> Vec<&'static str> {
    ZOLA_0_22_1
        .iter()
        .map(|row| match mode {
            0 => row.1,
            1 => row.2,
            _ => row.3,
        })
        .collect()
}

fn bloglint_ids(mode: Slugify) -> Vec<String> {
    let post = Post::parse(
        PathBuf::from("content/ids.md"),
        "ids.md".to_string(),
        page(),
    );
    ids_with(
        &post,
        &IdOptions {
            anchors: mode,
            ..IdOptions::default()
        },
    )
}

#[test]
fn ids_match_the_recorded_zola_build() {
    assert_eq!(
        ZOLA_0_22_1.len(),
        BLOCKS.len() - 1,
        "one row per heading (the footnote definition is none)"
    );
    for (row, block) in ZOLA_0_22_1.iter().zip(BLOCKS) {
        assert_eq!(row.0, *block, "the table's rows follow BLOCKS");
    }
    for (m, (mode, name)) in MODES.iter().enumerate() {
        assert_eq!(bloglint_ids(*mode), recorded(m), "anchors = {name:?}");
    }
}

/// The `id`s of the `<h1>`…`<h6>` tags of some HTML, in order, unescaped.
fn heading_ids(html: &str) -> Vec<String> {
    let tag = regex::Regex::new(r#"<h[1-6] id="([^"]*)""#).expect("pattern");
    tag.captures_iter(html)
        .map(|c| {
            c[1].replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        })
        .collect()
}

#[test]
fn real_zola_writes_the_recorded_ids() {
    let Some(zola) = common::zola() else {
        println!("skipped: no zola on the PATH (or $ZOLA)");
        return;
    };
    let mut built = Vec::new();
    for (_, name) in MODES {
        let files = [
            (
                "config.toml".to_string(),
                format!("base_url = \"https://example.org\"\n[slugify]\nanchors = \"{name}\"\n"),
            ),
            ("content/ids.md".into(), page()),
            (
                "templates/page.html".into(),
                "{{ page.content | safe }}".into(),
            ),
            ("templates/index.html".into(), "index".into()),
            ("templates/section.html".into(), "section".into()),
            ("templates/shortcodes/sc.html".into(), "<b>SC</b>".into()),
        ];
        let site = common::zola_build(&zola, &files).unwrap_or_else(|log| panic!("{log}"));
        let html = std::fs::read_to_string(site.path().join("public/ids/index.html"))
            .expect("the page Zola wrote");
        built.push(heading_ids(&html));
    }
    // Where the table is not Zola's, print it as Zola wrote it.
    let table: String = BLOCKS
        .iter()
        .zip(0..)
        .filter_map(|(block, k)| {
            let id = |m: usize| built[m].get(k).cloned().unwrap_or_default();
            (k < built[0].len())
                .then(|| format!("    ({block:?}, {:?}, {:?}, {:?}),\n", id(0), id(1), id(2)))
        })
        .collect();
    for (m, (_, name)) in MODES.iter().enumerate() {
        assert_eq!(
            built[m],
            recorded(m),
            "anchors = {name:?}: Zola wrote other ids than recorded; as built:\n{table}"
        );
    }
}
