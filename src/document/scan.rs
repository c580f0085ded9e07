//! Text scans of a post's body for what other pages' links need: the pages it
//! includes with Markdown-notation shortcodes, hand-written ids, definition
//! list terms, a `ref`'s `lang=`. Run once at parse time and kept in the
//! [`Outline`](super::Outline) (and the cache), so the `broken-link` rule
//! never reads another page's text. Nothing here depends on the
//! configuration: what does (generating ids) stays with the rule.

use std::sync::LazyLock;

use regex::Regex;

/// A Markdown-notation shortcode (`{{% name "x" %}}`), which may write
/// Markdown (headings, ids) into the page: an include, or a glossary.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct MarkdownShortcode {
    /// Its first positional argument, if any (the included page's path).
    pub arg: Option<String>,
    /// Whether it is alone on its line, where what it writes may be
    /// headings.
    pub alone: bool,
}

/// A named argument of a shortcode's text: `lang="fr"` → `fr`.
pub(crate) fn named_arg(shortcode: &str, name: &str) -> Option<String> {
    static ARG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?:^|\s)([A-Za-z]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|'([^']*)'|([^\s"'`>%]+))"#)
            .expect("constant pattern")
    });
    ARG.captures_iter(shortcode)
        .find(|c| c.get(1).is_some_and(|k| k.as_str() == name))
        .and_then(|c| (2..=5).find_map(|g| c.get(g)))
        .map(|m| m.as_str().replace("\\\"", "\""))
}

/// The Markdown-notation shortcodes (`{{% name "x" %}}`) of a body, in
/// order; comments (`{{%/* … */%}}`) excluded.
pub(crate) fn markdown_shortcodes(body: &str) -> Vec<MarkdownShortcode> {
    static SHORTCODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?m)(^[ \t]*)?\{\{%\s*[\w./-]+(?:\s+(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`%=]+)\s))?[^\n]*?%\}\}([ \t]*$)?"#,
        )
        .expect("constant pattern")
    });
    // Every match starts with `{{%`: most bodies have none, and the search
    // for a literal is much cheaper than the regex's.
    if !body.contains("{{%") {
        return Vec::new();
    }
    let mut found: Vec<MarkdownShortcode> = SHORTCODE
        .captures_iter(body)
        .filter(|c| !c.get(0).is_some_and(|m| m.as_str().contains("{{%/*")))
        .map(|c| MarkdownShortcode {
            arg: (2..=4)
                .find_map(|g| c.get(g))
                .map(|m| m.as_str().to_string()),
            alone: c.get(1).is_some() && c.get(5).is_some(),
        })
        .collect();
    found.shrink_to_fit();
    found
}

/// `id="x"` and `name="x"` attributes of the raw HTML of a body (which
/// Hugo keeps only with `markup.goldmark.renderer.unsafe`).
pub(crate) fn html_ids(body: &str) -> Vec<String> {
    static ATTR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)(?-u:\b)(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')"#)
            .expect("constant pattern")
    });
    // Every match has an `=`.
    if !body.contains('=') {
        return Vec::new();
    }
    let mut ids: Vec<String> = ATTR
        .captures_iter(body)
        .filter_map(|c| c.get(1).or_else(|| c.get(2)))
        .map(|m| m.as_str().to_string())
        .collect();
    ids.shrink_to_fit();
    ids
}

/// The ids of `{#x}` attribute blocks ending a line (on headings, and on
/// other blocks with `parser.attribute.block`).
pub(crate) fn attribute_ids(body: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for line in body.lines() {
        let Some(rest) = line.trim_end().strip_suffix('}') else {
            continue;
        };
        let Some(open) = rest.rfind('{') else {
            continue;
        };
        let inner = &rest[open + 1..];
        if inner.contains('}') || rest[..open].ends_with('{') {
            continue;
        }
        ids.extend(
            inner
                .split_whitespace()
                .filter_map(|w| w.strip_prefix('#'))
                .filter(|id| !id.is_empty())
                .map(str::to_string),
        );
    }
    ids.shrink_to_fit();
    ids
}

/// The plain texts of the definition list terms of a body, in order: what
/// Hugo's `autoDefinitionTermID` makes ids of, like heading texts. A term
/// is a line of the paragraph just above a `: definition` line; fenced code
/// is skipped.
pub(crate) fn definition_terms(body: &str) -> Vec<(usize, String)> {
    let mut terms = Vec::new();
    let mut fence: Option<&str> = None;
    // The lines of the paragraph so far, with where each starts in `body`.
    let mut paragraph: Vec<(usize, &str)> = Vec::new();
    let mut in_definition = false;
    for line in body.lines() {
        let text = line.trim_start();
        let indent = line.len() - text.len();
        let at = text.as_ptr() as usize - body.as_ptr() as usize;
        if let Some(marker) = fence {
            if text.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if text.starts_with("```") || text.starts_with("~~~") {
            fence = Some(&text[..3]);
            paragraph.clear();
            continue;
        }
        if text.is_empty() {
            paragraph.clear();
            continue;
        }
        if indent < 4 && (text.starts_with(": ") || text.starts_with(":\t")) {
            terms.extend(paragraph.drain(..).map(|(at, t)| (at, plain_text(t))));
            in_definition = true;
        } else if in_definition && paragraph.is_empty() && indent > 0 {
            // A definition's own paragraph.
        } else {
            in_definition = in_definition && !paragraph.is_empty();
            paragraph.push((at, text));
        }
    }
    terms.shrink_to_fit();
    terms
}

/// The text of a line of Markdown without its inline markup.
fn plain_text(line: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut text = String::new();
    for event in Parser::new(line) {
        if let Event::Text(t) | Event::Code(t) = event {
            text.push_str(&t);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcode_arguments() {
        assert_eq!(
            named_arg(r#"{{< relref path="a.md" lang="fr" >}}"#, "lang").as_deref(),
            Some("fr")
        );
        assert_eq!(
            named_arg(r#"{{< relref path="a.md" lang=fr >}}"#, "lang").as_deref(),
            Some("fr")
        );
        assert_eq!(named_arg(r#"{{< relref "lang=fr.md" >}}"#, "lang"), None);
        let found = markdown_shortcodes(
            "{{% include \"/_common/a.md\" %}}\nText {{% x y %}}.\n{{% glossary %}}\n{{%/* not */%}}",
        );
        let code = |arg: Option<&str>, alone| MarkdownShortcode {
            arg: arg.map(str::to_string),
            alone,
        };
        assert_eq!(
            found,
            vec![
                code(Some("/_common/a.md"), true),
                code(Some("y"), false),
                code(None, true)
            ]
        );
        assert_eq!(markdown_shortcodes("{{< x >}}\n").capacity(), 0);
    }

    #[test]
    fn definition_terms_in_order() {
        let body = "`publishDir`\n: (`string`) Where.\n\nOther *term*\nSecond\n: Both.\n  more\n\n```\nno\n: code\n```\n\npublishDir\n: again\n";
        let terms = definition_terms(body);
        let texts: Vec<&str> = terms.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, ["publishDir", "Other term", "Second", "publishDir"]);
        // Where each term's line starts.
        for (at, t) in &terms {
            assert!(
                body[*at..].starts_with(&t[..3]) || body[*at..].starts_with('`'),
                "{at} {t}"
            );
        }
        assert_eq!(definition_terms("No: terms\n").capacity(), 0);
    }

    #[test]
    fn hand_written_ids() {
        let body = "<a id=\"one\"></a>\n<span name='two'>\n\nPara\n{.note #three}\n\n{{< x >}}\n{{% y #no %}}\n";
        assert_eq!(html_ids(body), vec!["one", "two"]);
        assert_eq!(attribute_ids(body), vec!["three"]);
        assert_eq!(html_ids("no attributes").capacity(), 0);
    }
}
