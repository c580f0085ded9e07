//! Hugo's heading ids (`markup/goldmark/autoid.go`): github, github-ascii, blackfriday.
//!
//! Hugo feeds its id generator the plain text of a heading (see
//! [`Heading::text`]); for a heading of several lines, only the last one. A
//! heading without text gets no id, one whose text leaves nothing gets
//! `heading`. Ids are unique within a page: a generated id already taken gets
//! `-1`, `-2`… appended, while a custom `{#id}` is kept as written (and takes
//! its name from later generated ids).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::document::markdown::{ELLIPSIS, EM_DASH, EN_DASH, Heading};
use crate::hugo::config::{AutoIdType, Typographer};

/// What `github` keeps: runs of letters, decimal digits and `_`; or a space
/// or hyphen, which becomes `-`. Anything else is dropped.
static GITHUB: LazyLock<Regex> = LazyLock::new(|| regex(r"[\p{L}\p{Nd}_]+|[ -]"));
/// `github-ascii`, after accents are removed: the same, ASCII only.
static GITHUB_ASCII: LazyLock<Regex> = LazyLock::new(|| regex(r"[A-Za-z0-9_]+|[ -]"));
/// `blackfriday`: runs of letters and numbers, joined by `-`.
static BLACKFRIDAY: LazyLock<Regex> = LazyLock::new(|| regex(r"[\p{L}\p{N}]+"));
static NONSPACING_MARK: LazyLock<Regex> = LazyLock::new(|| regex(r"^\p{Mn}$"));

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern")
}

/// The id Hugo generates for a heading with this text, before it is made
/// unique: empty when Hugo gives the heading no id.
pub fn generate(text: &str, kind: AutoIdType) -> String {
    let line = text.rsplit('\n').next().unwrap_or(text);
    if line.is_empty() {
        return String::new();
    }
    let id = match kind {
        AutoIdType::Github => github(line.trim(), &GITHUB),
        AutoIdType::GithubAscii => github(remove_accents(line).trim(), &GITHUB_ASCII),
        AutoIdType::Blackfriday => {
            let mut id = String::with_capacity(line.len());
            for run in BLACKFRIDAY.find_iter(line) {
                if !id.is_empty() {
                    id.push('-');
                }
                push_lowercase(&mut id, run.as_str());
            }
            id
        }
    };
    if id.is_empty() { "heading".into() } else { id }
}

/// The ids of a page's headings, in document order: custom ids as given,
/// generated ones made unique. Empty for a heading Hugo gives no id.
/// `terms` (where each starts, its plain text) are definition list terms
/// with `autoDefinitionTermID`: they take ids from the same factory, in
/// document order with the headings (a term "Targets" before a heading
/// "Targets" leaves it `targets-1`). Their ids are the second list.
pub fn page_ids(
    headings: &[Heading],
    terms: &[(usize, String)],
    kind: AutoIdType,
) -> (Vec<String>, Vec<String>) {
    page_ids_with(headings, terms, kind, &Typographer::default())
}

/// The ids Hugo gives a post's headings, and its definition terms with
/// `autoDefinitionTermID`, as the site's configuration says.
pub fn post_ids(
    post: &crate::document::Post,
    hugo: &super::config::HugoConfig,
) -> (Vec<String>, Vec<String>) {
    let outline = &post.outline;
    let terms: &[(usize, String)] = if hugo.auto_definition_term_id {
        &outline.definition_terms
    } else {
        &[]
    };
    page_ids_with(
        &outline.headings,
        terms,
        hugo.auto_id_type,
        &hugo.typographer,
    )
}

/// [`page_ids`] on a site whose typographer is configured: Hugo 0.168 feeds
/// the id generator the replacement as configured (`enDash = '--'` keeps
/// `--advertise-client-urls`), with its named character references decoded
/// and numeric ones as written.
pub fn page_ids_with(
    headings: &[Heading],
    terms: &[(usize, String)],
    kind: AutoIdType,
    typographer: &Typographer,
) -> (Vec<String>, Vec<String>) {
    let replacements = (*typographer != Typographer::default()).then(|| {
        if typographer.disable {
            ["--".to_string(), "---".to_string(), "...".to_string()]
        } else {
            [
                decode_named(&typographer.en_dash),
                decode_named(&typographer.em_dash),
                decode_named(&typographer.ellipsis),
            ]
        }
    });
    let mut taken = HashSet::new();
    let mut suffixes = HashMap::new();
    let mut ids = Vec::with_capacity(headings.len());
    let mut term_ids = Vec::with_capacity(terms.len());
    let mut terms = terms.iter().peekable();
    for h in headings {
        while let Some((_, text)) = terms.next_if(|(at, _)| *at < h.span.start) {
            term_ids.extend(term_id(text, kind, &mut taken, &mut suffixes));
        }
        let id = match &h.custom_id {
            Some(id) => id.clone(),
            None => {
                let text = match (&h.typographic, &replacements) {
                    (Some(marked), Some([en, em, dots])) => Cow::Owned(
                        marked
                            .replace(EN_DASH, en)
                            .replace(EM_DASH, em)
                            .replace(ELLIPSIS, dots),
                    ),
                    _ => Cow::Borrowed(h.text.as_str()),
                };
                let id = generate(&text, kind);
                if id.is_empty() {
                    ids.push(id);
                    continue;
                }
                unique(id, &taken, &mut suffixes)
            }
        };
        taken.insert(id.clone());
        ids.push(id);
    }
    for (_, text) in terms {
        term_ids.extend(term_id(text, kind, &mut taken, &mut suffixes));
    }
    (ids, term_ids)
}

/// A typographer replacement as the id generator reads it: the named
/// character references Hugo 0.168 was seen to decode (the usual
/// typographic ones), others as written.
fn decode_named(html: &str) -> String {
    const NAMED: [(&str, &str); 16] = [
        ("&ndash;", "–"),
        ("&mdash;", "—"),
        ("&hellip;", "…"),
        ("&amp;", "&"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&apos;", "'"),
        ("&nbsp;", "\u{a0}"),
        ("&lsquo;", "‘"),
        ("&rsquo;", "’"),
        ("&ldquo;", "“"),
        ("&rdquo;", "”"),
        ("&laquo;", "«"),
        ("&raquo;", "»"),
        ("&eacute;", "é"),
    ];
    let mut out = html.to_string();
    if out.contains('&') {
        for (name, text) in NAMED {
            out = out.replace(name, text);
        }
    }
    out
}

/// A definition term's id, made unique; none for a term with no text.
fn term_id(
    text: &str,
    kind: AutoIdType,
    taken: &mut HashSet<String>,
    suffixes: &mut HashMap<String, usize>,
) -> Option<String> {
    let id = generate(text, kind);
    if id.is_empty() {
        return None;
    }
    let id = unique(id, taken, suffixes);
    taken.insert(id.clone());
    Some(id)
}

/// `id`, or the first of `id-1`, `id-2`… not taken. `suffixes` remembers,
/// for each id, the last suffix given: the ones before it were taken then
/// and still are, so the search goes on from there (many headings with the
/// same text stay linear).
pub(crate) fn unique(
    id: String,
    taken: &HashSet<String>,
    suffixes: &mut HashMap<String, usize>,
) -> String {
    if !taken.contains(&id) {
        return id;
    }
    let n = suffixes.entry(id.clone()).or_insert(0);
    loop {
        *n += 1;
        let candidate = format!("{id}-{n}");
        if !taken.contains(&candidate) {
            return candidate;
        }
    }
}

fn github(text: &str, keep: &Regex) -> String {
    let mut id = String::with_capacity(text.len());
    for m in keep.find_iter(text) {
        match m.as_str() {
            " " | "-" => id.push('-'),
            run => push_lowercase(&mut id, run),
        }
    }
    id
}

/// Go's `unicode.ToLower`, rune by rune: a simple mapping, so `İ` gives `i`
/// and a final `Σ` gives `σ`.
fn push_lowercase(out: &mut String, run: &str) {
    for c in run.chars() {
        if c == '\u{130}' {
            out.push('i');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Hugo's `text.RemoveAccents` (NFD, drop nonspacing marks, NFC), as far as
/// it matters when only ASCII is kept: a letter whose decomposition is an
/// ASCII letter and marks becomes that letter.
fn remove_accents(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut buf = [0; 4];
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(base) = ascii_base(c) {
            out.push(base);
        } else if !NONSPACING_MARK.is_match(c.encode_utf8(&mut buf)) {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Code points whose canonical decomposition is an ASCII letter followed by
/// nonspacing marks, by runs starting at the given code point; `.` stands
/// for a code point without one. Generated from the Unicode 14 data.
const DECOMPOSED: [(u32, &str); 9] = [
    (
        0xC0,
        concat!(
            "AAAAAA.CEEEEIIII.NOOOOO..UUUUY..aaaaaa.ceeeeiiii.nooooo..uuuuy.y",
            "AaAaAaCcCcCcCcDd..EeEeEeEeEeGgGgGgGgHh..IiIiIiIiI...JjKk.LlLlLl",
            "....NnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTt..UuUuUuUuUuUuWwYyYZzZzZz",
        ),
    ),
    (0x1A0, "Oo"),
    (0x1AF, "Uu"),
    (
        0x1CD,
        concat!(
            "AaIiOoUuUuUuUuUu.AaAa....GgKkOoOo..j...Gg..NnAa....AaAaEeEeIiIiOoOo",
            "RrRrUuUuSsTt..Hh",
        ),
    ),
    (0x226, "AaEeOoOoOoOoYy"),
    (
        0x1E00,
        concat!(
            "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMmMm",
            "MmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVvWwWw",
            "WwWwWwXxXxYyZzZzZzhtwy",
        ),
    ),
    (
        0x1EA0,
        concat!(
            "AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEeEeEeEeEeIiOoOoOoOoOoOoOoOoOoOoOoOo",
            "UuUuUuUuUuUuUuYyYyYyYy",
        ),
    ),
    (0x212A, "K"),
    (0x212B, "A"),
];

fn ascii_base(c: char) -> Option<char> {
    let cp = u32::from(c);
    DECOMPOSED.iter().find_map(|&(first, bases)| {
        let i = usize::try_from(cp.checked_sub(first)?).ok()?;
        match bases.as_bytes().get(i) {
            Some(b'.') | None => None,
            Some(&b) => Some(char::from(b)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definition_terms_take_ids_in_document_order() {
        // Hugo 0.168, autoDefinitionTermID: a term before a heading of the
        // same text takes the plain id (hugodocs' "Targets" pages).
        let source = "`targets`\n: the list\n\n## Targets\n\nOther *term*\nSecond\n: Both.\n\n## Second {#custom}\n\npublishDir\n: again\n";
        let outline = crate::document::Outline::parse(source, 0);
        let (ids, terms) = page_ids(&outline.headings, &outline.definition_terms, Github);
        // The oracle's pages list heading ids; terms' ids are anchors too.
        assert_eq!(ids, ["targets-1", "custom"]);
        assert_eq!(terms, ["targets", "other-term", "second", "publishdir"]);
        // Without the option, headings only.
        let (ids, terms) = page_ids(&outline.headings, &[], Github);
        assert_eq!(ids, ["targets", "custom"]);
        assert!(terms.is_empty());
    }
    use crate::document::markdown::Outline;
    use AutoIdType::{Blackfriday, Github, GithubAscii};

    /// Three pages built with Hugo v0.168.0 (`hugo.toml` setting
    /// `markup.goldmark.parser.autoIDType`, a `single.html` printing
    /// `.Content`): each row is a Markdown block holding one heading, and the
    /// ids Hugo gave it with github, github-ascii and blackfriday (`""`: no
    /// id). A page is its blocks joined by blank lines.
    const HUGO_0_168: &[&[(&str, &str, &str, &str)]] = &[
        &[
            ("# Hello World", "hello-world", "hello-world", "hello-world"),
            (
                "## Hello World",
                "hello-world-1",
                "hello-world-1",
                "hello-world-1",
            ),
            (
                "## Hello World",
                "hello-world-2",
                "hello-world-2",
                "hello-world-2",
            ),
            ("## Café crème", "café-crème", "cafe-creme", "café-crème"),
            ("## C++ & Go", "c--go", "c--go", "c-go"),
            (
                "## Emoji 🎉 party",
                "emoji--party",
                "emoji--party",
                "emoji-party",
            ),
            (
                "## Use `code_span` here",
                "use-code_span-here",
                "use-code_span-here",
                "use-code-span-here",
            ),
            ("## Custom {#custom}", "custom", "custom", "custom"),
            ("## custom", "custom-1", "custom-1", "custom-1"),
            ("## !!!", "heading", "heading", "heading"),
            ("## ???", "heading-1", "heading-1", "heading-1"),
            (
                "## snake_case_name",
                "snake_case_name",
                "snake_case_name",
                "snake-case-name",
            ),
            (
                "## 123 leading digits",
                "123-leading-digits",
                "123-leading-digits",
                "123-leading-digits",
            ),
            (
                "## a -- b --- c ---- d ----- e",
                "a--b--c---d--e",
                "a--b--c---d--e",
                "a-b-c-d-e",
            ),
            (
                "## Hello-World",
                "hello-world-3",
                "hello-world-3",
                "hello-world-3",
            ),
            (
                "## hello-world-1",
                "hello-world-1-1",
                "hello-world-1-1",
                "hello-world-1-1",
            ),
            (
                "## Ünïcödé Ελληνικά 日本語",
                "ünïcödé-ελληνικά-日本語",
                "unicode--",
                "ünïcödé-ελληνικά-日本語",
            ),
            (
                "## *Emphasis* and **strong**",
                "emphasis-and-strong",
                "emphasis-and-strong",
                "emphasis-and-strong",
            ),
            (
                "## [Link text](http://x.com) after",
                "link-text-after",
                "link-text-after",
                "link-text-after",
            ),
            (
                "## Trailing hashes ##",
                "trailing-hashes",
                "trailing-hashes",
                "trailing-hashes",
            ),
            (
                "## <span>HTML</span> inside",
                "html-inside",
                "html-inside",
                "html-inside",
            ),
            (
                "## Ampersand &amp; entity &copy; &#233;",
                "ampersand--entity--233",
                "ampersand--entity--233",
                "ampersand-entity-233",
            ),
            ("## Straße", "straße", "strae", "straße"),
            ("## İstanbul", "istanbul", "istanbul", "istanbul"),
            ("## ΣΊΣΥΦΟΣ", "σίσυφοσ", "heading-2", "σίσυφοσ"),
            ("## ﬁ ligature", "ﬁ-ligature", "-ligature", "ﬁ-ligature"),
            ("## हिन्दी भाषा", "हनद-भष", "-", "ह-न-द-भ-ष"),
            (
                "## Kelvin \u{212a} sign",
                "kelvin-k-sign",
                "kelvin-k-sign",
                "kelvin-k-sign",
            ),
            ("## Ⓐ circled", "-circled", "-circled", "circled"),
            ("## ", "", "", ""),
            ("#", "", "", ""),
            ("## Custom class {#cls .foo}", "cls", "cls", "cls"),
            ("## Again {#custom}", "custom", "custom", "custom"),
            (
                "## Roman Ⅻ and ½ half and ² sup",
                "roman--and--half-and--sup",
                "roman--and--half-and--sup",
                "roman-ⅻ-and-½-half-and-²-sup",
            ),
            (
                "## nbsp\u{a0}inside",
                "nbspinside",
                "nbspinside",
                "nbsp-inside",
            ),
            (
                "## e\u{301} combining",
                "e-combining",
                "e-combining",
                "e-combining",
            ),
            ("## ǅ titlecase", "ǆ-titlecase", "-titlecase", "ǆ-titlecase"),
            (
                "## ![alt text](x.png) img",
                "alt-text-img",
                "alt-text-img",
                "alt-text-img",
            ),
            (
                "> ## Quoted heading",
                "quoted-heading",
                "quoted-heading",
                "quoted-heading",
            ),
            (
                "## ...ellipsis <<quotes>>",
                "ellipsis-quotes",
                "ellipsis-quotes",
                "ellipsis-quotes",
            ),
            (
                "## Don't \"quote\" it",
                "dont-quote-it",
                "dont-quote-it",
                "don-t-quote-it",
            ),
            (
                "## Emoji :smile: code",
                "emoji-smile-code",
                "emoji-smile-code",
                "emoji-smile-code",
            ),
            ("## Note[^1]", "note", "note", "note"),
            (
                "## Strike ~~this~~",
                "strike-this",
                "strike-this",
                "strike-this",
            ),
            (
                "## under_score_ and __bold__",
                "under_score_-and-bold",
                "under_score_-and-bold",
                "under-score-and-bold",
            ),
            ("## Œuvre Ø ß", "œuvre-ø-ß", "uvre--", "œuvre-ø-ß"),
            ("## Tab\tinside", "tabinside", "tabinside", "tab-inside"),
            (
                "## Multiple   spaces",
                "multiple---spaces",
                "multiple---spaces",
                "multiple-spaces",
            ),
            (
                "## -leading dash-",
                "-leading-dash-",
                "-leading-dash-",
                "leading-dash",
            ),
            ("## a\\*b\\_c\\-d", "ab_c-d", "ab_c-d", "a-b-c-d"),
            (
                "## 1.2.3 version",
                "123-version",
                "123-version",
                "1-2-3-version",
            ),
            (
                "## ` spaced code `",
                "spaced-code",
                "spaced-code",
                "spaced-code",
            ),
            (
                "## Ｆｕｌｌ width",
                "ｆｕｌｌ-width",
                "-width",
                "ｆｕｌｌ-width",
            ),
            (
                "## Code `a--b` dash",
                "code-a--b-dash",
                "code-a--b-dash",
                "code-a-b-dash",
            ),
            (
                "## Vietnamese Tiếng Việt",
                "vietnamese-tiếng-việt",
                "vietnamese-tieng-viet",
                "vietnamese-tiếng-việt",
            ),
            (
                "## Ångström \u{212b} sign",
                "ångström-å-sign",
                "angstrom-a-sign",
                "ångström-å-sign",
            ),
            (
                "## \u{a0}nbsp leading",
                "nbsp-leading",
                "nbsp-leading",
                "nbsp-leading",
            ),
            ("## Ǳ dz", "ǳ-dz", "-dz", "ǳ-dz"),
            ("## Hello World {#}", "", "", ""),
            ("## x {id=\"attrid\"}", "attrid", "attrid", "attrid"),
            ("## Thai ภาษาไทย", "thai-ภาษาไทย", "thai-", "thai-ภาษาไทย"),
            (
                "## Arabic العربية ٣",
                "arabic-العربية-٣",
                "arabic--",
                "arabic-العربية-٣",
            ),
            ("## Dots a.b", "dots-ab", "dots-ab", "dots-a-b"),
            ("## heading", "heading-2", "heading-3", "heading-2"),
            ("## $$$", "heading-3", "heading-4", "heading-3"),
            (
                "Setext One\n==========",
                "setext-one",
                "setext-one",
                "setext-one",
            ),
            (
                "Line one\nLine two\n--------",
                "line-two",
                "line-two",
                "line-two",
            ),
            (
                "Line *a*  \nhard b\n---\n\n[^1]: Footnote.",
                "hard-b",
                "hard-b",
                "hard-b",
            ),
        ],
        &[
            ("## Use {braces}", "use-braces", "use-braces", "use-braces"),
            ("## Set {a=b}", "set", "set", "set"),
            (
                "## Weird {#wid key}",
                "weird-wid-key",
                "weird-wid-key",
                "weird-wid-key",
            ),
            (
                "## Trailing {#x} more",
                "trailing-x-more",
                "trailing-x-more",
                "trailing-x-more",
            ),
            ("## {#onlyid}", "onlyid", "onlyid", "onlyid"),
            ("## Close ## {#cid}", "cid", "cid", "cid"),
            (
                "## Close2 {#cid2} ##",
                "close2-cid2",
                "close2-cid2",
                "close2-cid2",
            ),
            ("## Quoted {id=\"q1\" class=\"c\"}", "q1", "q1", "q1"),
            ("## Dotted {#a.b}", "a.b", "a.b", "a.b"),
            ("## Spaces {  #sp  }", "sp", "sp", "sp"),
            ("Setext {#setid}\n---", "setid", "setid", "setid"),
            (
                "## Code `{#notid}`",
                "code-notid",
                "code-notid",
                "code-notid",
            ),
            ("## Bad {#}", "", "", ""),
            ("## Hello {.cls}", "hello", "hello", "hello"),
            ("## Unclosed {#x", "unclosed-x", "unclosed-x", "unclosed-x"),
            ("## Brace} end", "brace-end", "brace-end", "brace-end"),
            (
                "## Use {{braces}}",
                "use-braces-1",
                "use-braces-1",
                "use-braces-1",
            ),
        ],
        &[
            ("## Intro", "intro", "intro", "intro"),
            ("## Other {#intro}", "intro", "intro", "intro"),
            ("## Intro", "intro-1", "intro-1", "intro-1"),
            (
                "* * *\n\nTerm\n: Definition\n\n## Term",
                "term",
                "term",
                "term",
            ),
            ("- ## In list", "in-list", "in-list", "in-list"),
            ("> Quote\n> ===", "quote", "quote", "quote"),
            ("## Link <https://a--b.com>", "link", "link", "link"),
            (
                "```\n## Not a heading\n```\n\n## Use `a` and `b`",
                "use-a-and-b",
                "use-a-and-b",
                "use-a-and-b",
            ),
            ("## x", "x", "x", "x"),
        ],
    ];

    #[test]
    fn pages_match_hugo() {
        for rows in HUGO_0_168 {
            let blocks: Vec<&str> = rows.iter().map(|row| row.0).collect();
            let front = "---\ntitle: T\n---\n";
            let source = format!("{front}\n{}\n", blocks.join("\n\n"));
            let headings = Outline::parse(&source, front.len()).headings;
            assert_eq!(headings.len(), rows.len());
            for (kind, column) in [(Github, 1), (GithubAscii, 2), (Blackfriday, 3)] {
                let ids = page_ids(&headings, &[], kind).0;
                for (row, id) in rows.iter().zip(&ids) {
                    let expected = [row.1, row.2, row.3][column - 1];
                    assert_eq!(id, expected, "{kind:?}: {:?}", row.0);
                }
            }
        }
    }

    #[test]
    fn generate_one() {
        assert_eq!(generate("İSTANBUL ΣΟΦΟΣ", Github), "istanbul-σοφοσ");
        assert_eq!(generate("Line one\nLine two", Blackfriday), "line-two");
        for kind in [Github, GithubAscii, Blackfriday] {
            assert_eq!(generate("", kind), "");
            assert_eq!(generate("Line one\n", kind), "");
            assert_eq!(generate("  ", kind), "heading");
        }
    }

    #[test]
    fn accents_removed_before_trimming() {
        assert_eq!(generate("\u{301} Å", GithubAscii), "a");
        assert_eq!(generate("\u{301} Å", Github), "-å");
    }

    /// An h2 with this text and custom id, where nothing else matters.
    fn heading(text: &str, custom_id: Option<&str>) -> Heading {
        Heading {
            level: 2,
            text: text.into(),
            span: 0..0,
            marker_span: 0..0,
            setext: false,
            custom_id: custom_id.map(String::from),
            typographic: None,
        }
    }

    /// Headings as Hugo 0.168 writes their ids with each typographer
    /// setting (a site built with `markup.goldmark.extensions.typographer`
    /// set so; `tests/sites/typographer` has the first column's case).
    #[test]
    fn typographer_replacements_show_in_ids() {
        let page = "---\ntitle: t\n---\n### --advertise-client-urls\n### a---b c--d\n\
                    ### wait... more\n### `--code--`\n### x -- y\n### a.. b.... c\n";
        let outline =
            crate::document::markdown::Outline::parse(page, page.find("###").unwrap_or(0));
        let typo = |en: &str, em: &str, dots: &str, disable: bool| Typographer {
            disable,
            en_dash: en.into(),
            em_dash: em.into(),
            ellipsis: dots.into(),
        };
        for (t, expected) in [
            (
                Typographer::default(),
                [
                    "advertise-client-urls",
                    "ab-cd",
                    "wait-more",
                    "--code--",
                    "x--y",
                    "a-b-c",
                ],
            ),
            (
                typo("--", "&mdash;", "&hellip;", false),
                [
                    "--advertise-client-urls",
                    "ab-c--d",
                    "wait-more",
                    "--code--",
                    "x----y",
                    "a-b-c",
                ],
            ),
            (
                typo("&ndash;", "---", "&hellip;", false),
                [
                    "advertise-client-urls",
                    "a---b-cd",
                    "wait-more",
                    "--code--",
                    "x--y",
                    "a-b-c",
                ],
            ),
            (
                typo("X", "Y", "Z", false),
                [
                    "xadvertise-client-urls",
                    "ayb-cxd",
                    "waitz-more",
                    "--code--",
                    "x-x-y",
                    "a-bz-c",
                ],
            ),
            (
                typo("&#8211;", "&mdash;", "&hellip;", false),
                [
                    "8211advertise-client-urls",
                    "ab-c8211d",
                    "wait-more",
                    "--code--",
                    "x-8211-y",
                    "a-b-c",
                ],
            ),
            (
                typo("&eacute;", "&mdash;", "&hellip;", false),
                [
                    "éadvertise-client-urls",
                    "ab-céd",
                    "wait-more",
                    "--code--",
                    "x-é-y",
                    "a-b-c",
                ],
            ),
            (
                typo("&ndash;", "&mdash;", "&hellip;", true),
                [
                    "--advertise-client-urls",
                    "a---b-c--d",
                    "wait-more",
                    "--code--",
                    "x----y",
                    "a-b-c",
                ],
            ),
        ] {
            let (ids, _) = page_ids_with(&outline.headings, &[], Github, &t);
            assert_eq!(ids, expected, "{t:?}");
        }
        // The text itself reads as Hugo's default typographer writes it.
        assert_eq!(outline.headings[1].text, "a—b c–d");
    }

    #[test]
    fn custom_ids_are_kept_and_taken() {
        let headings = [
            heading("Intro", None),
            heading("Other", Some("intro")),
            heading("Intro", None),
            heading("Empty", Some("")),
            heading("", None),
        ];
        assert_eq!(
            page_ids(&headings, &[], Github).0,
            ["intro", "intro", "intro-1", "", ""]
        );
    }

    /// Found by `tests/hostile.rs`: 20,000 headings `## a` took minutes,
    /// each one trying every suffix from `-1` again.
    #[test]
    fn many_identical_headings_stay_linear() {
        let mut headings = vec![heading("a", Some("a-3"))];
        headings.extend((0..20_000).map(|_| heading("a", None)));
        headings.push(heading("a 1", None));
        let started = std::time::Instant::now();
        let ids = page_ids(&headings, &[], Github).0;
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(ids[..6], ["a-3", "a", "a-1", "a-2", "a-4", "a-5"]);
        assert_eq!(ids[20_000], "a-20000");
        // `a 1` is `a-1`, taken: it gets `a-1-1`.
        assert_eq!(ids[20_001], "a-1-1");
    }
}
