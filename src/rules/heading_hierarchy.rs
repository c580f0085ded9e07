//! `heading-hierarchy`: headings step down one level at a time, under the
//! title the theme renders as h1.

use super::{Context, OptionError, OptionMeta, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Heading, Post};

pub static META: RuleMeta = RuleMeta {
    name: "heading-hierarchy",
    severity: Severity::Warning,
    scope: Scope::Post,
    summary: "A heading skips a level, or an h1 repeats the page title",
    doc: include_str!("../../rules/heading-hierarchy.md"),
    options: &[OptionMeta {
        name: "title-is-h1",
        default: "true",
        help: "The theme renders the front matter title as the page's h1, so the body starts at h2.",
    }],
    build,
};

fn build(o: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(HeadingHierarchy {
        title_is_h1: o.bool("title-is-h1", true)?,
    }))
}

/// An unsafe fix (it changes the outline) moving a heading to `level`:
/// rewrite an ATX heading's `#`s, or a setext underline (`===` is h1, `---`
/// h2), of the same length.
fn relevel(post: &Post, h: &Heading, level: u8) -> Fix {
    let marker = &h.marker_span;
    let text = if h.setext && level <= 2 {
        let ch = if level == 1 { "=" } else { "-" };
        ch.repeat(
            post.source[marker.clone()]
                .trim_end()
                .chars()
                .count()
                .max(3),
        )
    } else if h.setext {
        // A setext heading cannot go deeper than h2: leave it (no edit).
        post.source[marker.clone()].to_string()
    } else {
        "#".repeat(usize::from(level))
    };
    Fix::unsafe_(
        format!("make it an h{level}"),
        vec![Edit {
            range: marker.clone(),
            text,
        }],
    )
}

struct HeadingHierarchy {
    title_is_h1: bool,
}

impl Rule for HeadingHierarchy {
    fn check_post(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Snippets Hugo never renders as pages need no page furniture.
        if !cx.is_rendered(post) {
            return;
        }
        let has_title = self.title_is_h1
            && post
                .field("title")
                .and_then(|n| n.as_str())
                .is_some_and(|t| !t.trim().is_empty());
        // The level of the heading before: the title counts as an h1.
        let mut previous: Option<u8> = has_title.then_some(1);
        for h in &post.outline.headings {
            if h.level == 1 && has_title {
                out.push(
                    Diagnostic::new(
                        META.name,
                        Severity::Warning,
                        h.marker_span.clone(),
                        "h1 in the body of a page that has a front matter title",
                    )
                    .with_label("a second h1")
                    .with_help("the theme already renders the title as the h1: start the body's headings at h2 (##)")
                    .with_fix(relevel(post, h, 2)),
                );
            } else if let Some(prev) = previous.filter(|&p| h.level > p + 1) {
                out.push(
                    Diagnostic::new(
                        META.name,
                        Severity::Warning,
                        h.marker_span.clone(),
                        format!("heading level jumps from h{prev} to h{}", h.level),
                    )
                    .with_label(format!("h{} here", h.level))
                    .with_help(format!(
                        "use h{} here: screen readers and tables of contents rely on levels stepping down one at a time",
                        prev + 1
                    ))
                    .with_fix(relevel(post, h, prev + 1)),
                );
            }
            previous = Some(h.level);
        }
    }
}
