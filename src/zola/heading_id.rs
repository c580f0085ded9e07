//! The ids Zola 0.22.1 writes on `<hN id=…>` (`components/markdown`,
//! `markdown_to_html`), what `#anchor` links must match.
//!
//! Zola parses a page's body with pulldown-cmark (tables, footnotes,
//! strikethrough, task lists, heading attributes; smart punctuation,
//! definition lists and GitHub alerts when `[markdown]` turns them on) and,
//! for each heading:
//!
//! - a `{#id}` attribute is the id, as written; the others (`{.class}`,
//!   `{key=value}`, even `{id=x}`) give none;
//! - otherwise the id is [`slugify_anchors`] of the heading's text: the text
//!   and inline code of the heading concatenated, everything else left out
//!   (inline HTML tags, footnote references, line breaks: the lines of a
//!   setext heading are joined with nothing between them); link texts and
//!   image descriptions count, entities and escapes as the characters they
//!   stand for;
//! - an id already taken gets `-1`, `-2`…, the first free one; every custom
//!   id is taken from the start, also those of headings further down;
//! - a heading whose text leaves nothing gets the id `""` (written as
//!   `id=""`), the next such one `-1`.
//!
//! `{{ name(…) }}` shortcodes (HTML ones) are rendered outside the heading's
//! text: left out. Not modelled: `{% %}` shortcodes with a body and
//! Markdown (`.md`) shortcodes, whose output Zola inserts in the Markdown
//! before parsing it; `render_emoji` (`:smile:` becomes 😄 before the id is
//! made); `insert_anchor_links` (ids are the same).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::slug::{Slugify, slugify_anchors};
use crate::hugo::heading_id::unique;

/// What decides a Zola page's heading ids: `[slugify] anchors` and the
/// `[markdown]` options that change what a heading is or holds. `Default`
/// is Zola 0.22.1's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IdOptions {
    pub anchors: Slugify,
    /// `markdown.smart_punctuation`: `--` is `–`, quotes curl, before the
    /// id is made.
    pub smart_punctuation: bool,
    /// `markdown.definition_list`.
    pub definition_list: bool,
    /// `markdown.github_alerts`.
    pub github_alerts: bool,
    /// `markdown.lazy_async_image`: Zola 0.22.1 then writes every text
    /// after the first image as HTML (its `inside_attribute` flag is never
    /// reset), so the headings below it are made of their code spans only.
    pub lazy_async_image: bool,
}

/// A Zola inline shortcode call, `{{ name(args) }}` (rendered as HTML
/// outside the heading's text), or an ignored one, `{{/* name(args) */}}`
/// (written as text without its `/* */`).
static INLINE_SHORTCODE: LazyLock<Regex> = LazyLock::new(|| {
    let call = r#"\s*[A-Za-z_][A-Za-z0-9_]*\s*\((?:[^)"'`]|"[^"]*"|'[^']*'|`[^`]*`)*\)\s*"#;
    Regex::new(&format!(r"\{{\{{/\*({call})\*/\}}\}}|\{{\{{{call}\}}\}}"))
        .expect("constant pattern")
});

/// Where a rendered shortcode was: taken out of the heading's text.
const PLACEHOLDER: char = '\u{E010}';

/// The ids of a post's headings in document order, with Zola 0.22.1's
/// default `[markdown]` and `anchors` as `[slugify]` says.
pub fn ids(post: &crate::document::Post, anchors: Slugify) -> Vec<String> {
    ids_with(
        post,
        &IdOptions {
            anchors,
            ..IdOptions::default()
        },
    )
}

/// [`ids`] with the site's `[markdown]` options.
pub fn ids_with(post: &crate::document::Post, options: &IdOptions) -> Vec<String> {
    let source: &str = &post.source;
    body_ids(source.get(post.body_start..).unwrap_or_default(), options)
}

/// The ids of the headings of a Markdown body (front matter removed).
pub fn body_ids(body: &str, options: &IdOptions) -> Vec<String> {
    let body = if body.contains("{{") {
        INLINE_SHORTCODE.replace_all(body, |c: &regex::Captures| match c.get(1) {
            Some(call) => format!("{{{{{}}}}}", call.as_str()),
            None => PLACEHOLDER.to_string(),
        })
    } else {
        std::borrow::Cow::Borrowed(body)
    };
    let headings = headings(&body, options);
    let mut taken: HashSet<String> = headings
        .iter()
        .filter_map(|(custom, _)| custom.clone())
        .collect();
    let mut suffixes = HashMap::new();
    headings
        .into_iter()
        .map(|(custom, text)| {
            let id = match custom {
                Some(id) => id,
                None => unique(
                    slugify_anchors(&text, options.anchors),
                    &taken,
                    &mut suffixes,
                ),
            };
            taken.insert(id.clone());
            id
        })
        .collect()
}

/// Each heading's custom id and text, in order, as Zola reads them.
fn headings(body: &str, options: &IdOptions) -> Vec<(Option<String>, String)> {
    let mut opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if options.smart_punctuation {
        opts |= Options::ENABLE_SMART_PUNCTUATION;
    }
    if options.definition_list {
        opts |= Options::ENABLE_DEFINITION_LIST;
    }
    if options.github_alerts {
        opts |= Options::ENABLE_GFM;
    }
    let mut out = Vec::new();
    let mut open: Option<(Option<String>, String)> = None;
    let mut text_is_html = false;
    for event in Parser::new_ext(body, opts) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                open = Some((id.map(|i| i.to_string()), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((id, mut text)) = open.take() {
                    text.retain(|c| c != PLACEHOLDER);
                    out.push((id, text));
                }
            }
            Event::Start(Tag::Image { .. }) if options.lazy_async_image => text_is_html = true,
            Event::Text(t) if !text_is_html => {
                if let Some((_, text)) = &mut open {
                    text.push_str(&t);
                }
            }
            Event::Code(t) => {
                if let Some((_, text)) = &mut open {
                    text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(body: &str) -> Vec<String> {
        body_ids(body, &IdOptions::default())
    }

    #[test]
    fn text_and_code_make_the_id_markup_does_not() {
        assert_eq!(
            on(
                "# Hello *World*\n\n## Use `code_span` here\n\n## A [link](/x) and ![img](y.png)\n\n## <em>html</em> tag\n"
            ),
            [
                "hello-world",
                "use-code-span-here",
                "a-link-and-img",
                "html-tag"
            ]
        );
    }

    #[test]
    fn setext_lines_join_with_nothing() {
        assert_eq!(on("Foo\nBar\n===\n"), ["foobar"]);
        let safe = IdOptions {
            anchors: Slugify::Safe,
            ..IdOptions::default()
        };
        assert_eq!(
            body_ids("Foo\nBar\n===\n\n## A  b\n", &safe),
            ["FooBar", "A__b"]
        );
    }

    #[test]
    fn duplicates_count_up_and_custom_ids_are_taken_first() {
        assert_eq!(
            on("## Intro\n\n## Intro\n\n## Intro\n\n## Later {#intro-3}\n\n## Intro\n"),
            ["intro", "intro-1", "intro-2", "intro-3", "intro-4"]
        );
        // A custom id repeated is kept as written.
        assert_eq!(on("## A {#x}\n\n## B {#x}\n\n## x\n"), ["x", "x", "x-1"]);
        // Other attributes give no id.
        assert_eq!(on("## A {.cls}\n\n## B {id=y}\n"), ["a", "b"]);
    }

    #[test]
    fn empty_headings_get_an_empty_id_then_dash_one() {
        assert_eq!(on("## !!!\n\n##\n\n## ???\n"), ["", "-1", "-2"]);
    }

    #[test]
    fn shortcodes_are_left_out_of_the_text() {
        assert_eq!(
            on("## Before {{ badge(text=\"new)\") }} after\n\n## Kept {{/* badge() */}}\n"),
            ["before-after", "kept-badge"]
        );
    }

    #[test]
    fn lazy_images_turn_later_text_into_html() {
        let lazy = IdOptions {
            lazy_async_image: true,
            ..IdOptions::default()
        };
        assert_eq!(
            body_ids(
                "## One\n\n![a](b.png)\n\n## Two `code`\n\n## Three\n",
                &lazy
            ),
            ["one", "code", ""]
        );
    }

    #[test]
    fn smart_punctuation_changes_safe_ids() {
        let smart = IdOptions {
            anchors: Slugify::Safe,
            smart_punctuation: true,
            ..IdOptions::default()
        };
        assert_eq!(body_ids("## a -- b\n", &smart), ["a_–_b"]);
    }
}
