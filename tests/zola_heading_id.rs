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
const ZOLA_0_22_1: &[(&str, &str, &str, &str)] = &[
    ("# Hello World", "hello-world", "Hello_World", "Hello_World"),
    (
        "## Hello World",
        "hello-world-1",
        "Hello_World-1",
        "Hello_World-1",
    ),
    (
        "## Hello World",
        "hello-world-2",
        "Hello_World-2",
        "Hello_World-2",
    ),
    ("## Café crème", "cafe-creme", "Café_crème", "Café_crème"),
    ("## C++ & Go", "c-go", "C++_&_Go", "C++_&_Go"),
    (
        "## Emoji 🎉 party",
        "emoji-tada-party",
        "Emoji_🎉_party",
        "Emoji_🎉_party",
    ),
    ("## 👍", "1", "👍", "👍"),
    (
        "## Use `code_span` here",
        "use-code-span-here",
        "Use_code_span_here",
        "Use_code_span_here",
    ),
    ("## `only code`", "only-code", "only_code", "only_code"),
    ("## Custom {#custom}", "custom", "custom", "custom"),
    ("## custom", "custom-1", "custom-1", "custom-1"),
    ("## !!!", "", "!!!", "!!!"),
    ("## ???", "-1", "???", "???"),
    ("##", "-2", "", ""),
    (
        "## snake_case_name",
        "snake-case-name",
        "snake_case_name",
        "snake_case_name",
    ),
    (
        "## 123 leading digits",
        "123-leading-digits",
        "123_leading_digits",
        "123_leading_digits",
    ),
    (
        "## a -- b --- c ---- d",
        "a-b-c-d",
        "a_--_b_---_c_----_d",
        "a_--_b_---_c_----_d",
    ),
    (
        "## Dots... and dashes--",
        "dots-and-dashes",
        "Dots..._and_dashes--",
        "Dots..._and_dashes--",
    ),
    (
        "## Hello-World",
        "hello-world-3",
        "Hello-World",
        "Hello-World",
    ),
    (
        "## hello-world-1",
        "hello-world-1-1",
        "hello-world-1",
        "hello-world-1",
    ),
    ("## Dup", "dup", "Dup", "Dup"),
    ("## Dup", "dup-2", "Dup-1", "Dup-1"),
    ("## Later {#dup-1}", "dup-1", "dup-1", "dup-1"),
    ("## Attr {.cls}", "attr", "Attr", "Attr"),
    ("## Attr2 {id=x}", "attr2", "Attr2", "Attr2"),
    ("## Empty id {#}", "empty-id", "Empty_id", "Empty_id"),
    (
        "## 日本語の見出し",
        "ri-ben-yu-nojian-chu-si",
        "日本語の見出し",
        "日本語の見出し",
    ),
    ("## Привет мир", "privet-mir", "Привет_мир", "Привет_мир"),
    ("## Ελληνικά", "ellenika", "Ελληνικά", "Ελληνικά"),
    (
        "## Straße Ärger Ñandú",
        "strasse-arger-nandu",
        "Straße_Ärger_Ñandú",
        "Straße_Ärger_Ñandú",
    ),
    ("## العربية", "l-rby", "العربية", "العربية"),
    ("## 한국어", "hangugeo", "한국어", "한국어"),
    (
        "## ﬁ ligature ½ ™",
        "fi-ligature-1-2-tm",
        "ﬁ_ligature_½_™",
        "ﬁ_ligature_½_™",
    ),
    (
        "## ‘curly’ “quotes” — dash",
        "curly-quotes-dash",
        "‘curly’_“quotes”_—_dash",
        "‘curly’_“quotes”_—_dash",
    ),
    (
        "## Quotes \"double\" and 'single'",
        "quotes-double-and-single",
        "Quotes_\"double\"_and_'single'",
        "Quotes_\"double\"_and_'single'",
    ),
    (
        "## non\u{a0}breaking zero\u{200b}width",
        "non-breaking-zero-width",
        "non\u{a0}breaking_zero\u{200b}width",
        "non\u{a0}breaking_zero\u{200b}width",
    ),
    (
        "## *emph* and **strong** and ~~strike~~",
        "emph-and-strong-and-strike",
        "emph_and_strong_and_strike",
        "emph_and_strong_and_strike",
    ),
    (
        "## [link text](https://example.com) after",
        "link-text-after",
        "link_text_after",
        "link_text_after",
    ),
    (
        "## ![alt text](x.png) image",
        "alt-text-image",
        "alt_text_image",
        "alt_text_image",
    ),
    (
        "## <span>inline</span> html",
        "inline-html",
        "inline_html",
        "inline_html",
    ),
    ("## Footnote[^1]", "footnote", "Footnote", "Footnote"),
    (
        "## &amp; entities &copy; &#233;",
        "entities-c-e",
        "&_entities_©_é",
        "&_entities_©_é",
    ),
    (
        "## Escaped \\*stars\\*",
        "escaped-stars",
        "Escaped_*stars*",
        "Escaped_*stars*",
    ),
    (
        "## Trailing dot.",
        "trailing-dot",
        "Trailing_dot.",
        "Trailing_dot.",
    ),
    (
        "## Auto <https://example.com/x>",
        "auto-https-example-com-x",
        "Auto_https://example.com/x",
        "Auto_https://example.com/x",
    ),
    (
        "## 100% sure, e.g. $5 @home",
        "100-sure-e-g-5-home",
        "100%_sure,_e.g._$5_@home",
        "100%_sure,_e.g._$5_@home",
    ),
    ("## a/b\\c:d?e", "a-b-c-d-e", "a/b\\c:d?e", "a/b\\c:d?e"),
    (
        "## Shortcode {{ sc() }} here",
        "shortcode-here",
        "Shortcode__here",
        "Shortcode__here",
    ),
    (
        "## Ignored {{/* sc(a=\"x\") */}} shortcode",
        "ignored-sc-a-x-shortcode",
        "Ignored_{{_sc(a=\"x\")_}}_shortcode",
        "Ignored_{{_sc(a=\"x\")_}}_shortcode",
    ),
    (
        "Setext line one\nline two\n---",
        "setext-line-oneline-two",
        "Setext_line_oneline_two",
        "Setext_line_oneline_two",
    ),
    ("- ## In a list", "in-a-list", "In_a_list", "In_a_list"),
    ("> ## Quoted", "quoted", "Quoted", "Quoted"),
    (
        "## Mixed CASE Title",
        "mixed-case-title",
        "Mixed_CASE_Title",
        "Mixed_CASE_Title",
    ),
];

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

/// A page under `[markdown]` options that change ids: smart punctuation
/// (dashes, quotes and dots before the id is made), and
/// `lazy_async_image`, after whose first image Zola 0.22.1 writes every
/// text as HTML (headings below it are made of their code spans only).
const OPTIONS_PAGE: &str = "+++\ntitle = \"x\"\n+++\n## a -- b \"q\" ...\n\n## One\n\n![a](b.png)\n\n## Two `code`\n\n## Three\n\nTerm\n: def\n\n## Three\n";

/// The ids Zola 0.22.1 wrote for [`OPTIONS_PAGE`] with `anchors = "safe"`,
/// `smart_punctuation`, `lazy_async_image` and `definition_list` on.
const OPTIONS_ZOLA_0_22_1: &[&str] = &["a_–_b_“q”_…", "One", "code", "", "-1"];

const OPTIONS_CONFIG: &str = "base_url = \"https://example.org\"\n[slugify]\nanchors = \"safe\"\n[markdown]\nsmart_punctuation = true\nlazy_async_image = true\ndefinition_list = true\n";

#[test]
fn markdown_options_as_zola_reads_them() {
    let post = Post::parse(
        PathBuf::from("content/p.md"),
        "p.md".to_string(),
        OPTIONS_PAGE.to_string(),
    );
    let options = IdOptions {
        anchors: Slugify::Safe,
        smart_punctuation: true,
        definition_list: true,
        github_alerts: false,
        lazy_async_image: true,
    };
    assert_eq!(ids_with(&post, &options), OPTIONS_ZOLA_0_22_1);
    let Some(zola) = common::zola() else {
        println!("skipped: no zola on the PATH (or $ZOLA)");
        return;
    };
    let files = [
        ("config.toml".to_string(), OPTIONS_CONFIG.to_string()),
        ("content/p.md".into(), OPTIONS_PAGE.into()),
        (
            "templates/page.html".into(),
            "{{ page.content | safe }}".into(),
        ),
        ("templates/index.html".into(), "index".into()),
        ("templates/section.html".into(), "section".into()),
    ];
    let site = common::zola_build(&zola, &files).unwrap_or_else(|log| panic!("{log}"));
    let html = std::fs::read_to_string(site.path().join("public/p/index.html")).expect("the page");
    assert_eq!(heading_ids(&html), OPTIONS_ZOLA_0_22_1);
}
