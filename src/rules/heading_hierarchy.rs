//! `heading-hierarchy`: headings step down one level at a time, under the
//! title the theme renders as h1.

use super::{Context, OptionError, OptionMeta, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::document::{Heading, Post};
use crate::site::generator::GeneratorKind;
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

pub static META: RuleMeta = RuleMeta {
    name: "heading-hierarchy",
    severity: Severity::Warning,
    scope: Scope::Post,
    reads_bodies: false,
    summary: "A heading skips a level, or an h1 repeats the page title",
    doc: include_str!("../../rules/heading-hierarchy.md"),
    options: &[
        OptionMeta {
            name: "title-is-h1",
            default: "true",
            help: "The theme renders the front matter title as the page's h1, so the body starts at h2.",
        },
        OptionMeta {
            name: "title-not-rendered",
            default: "[\"_index.md\", \"_index.*.md\"]",
            help: "Content paths (globs, relative to the content directory) whose layout does not render the title as h1: the home page's hero, by default.",
        },
    ],
    build,
};

/// The home page, in every language: its layout is the theme's hero more
/// often than a page with its title as h1.
const TITLE_NOT_RENDERED: [&str; 2] = ["_index.md", "_index.*.md"];

fn build(o: &Options) -> Result<Box<dyn Rule>, OptionError> {
    let patterns = o.strings("title-not-rendered", &TITLE_NOT_RENDERED)?;
    let mut set = GlobSetBuilder::new();
    for p in &patterns {
        // `*` stays within a folder; `**` crosses them.
        let glob = GlobBuilder::new(p)
            .literal_separator(true)
            .build()
            .map_err(|e| OptionError {
                span: o.get("title-not-rendered").map_or(0..0, |v| v.span()),
                message: format!("option `title-not-rendered`: {e}"),
            })?;
        set.add(glob);
    }
    Ok(Box::new(HeadingHierarchy {
        title_is_h1: o.bool("title-is-h1", true)?,
        title_not_rendered: set.build().map_err(|e| OptionError {
            span: o.get("title-not-rendered").map_or(0..0, |v| v.span()),
            message: format!("option `title-not-rendered`: {e}"),
        })?,
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
    title_not_rendered: GlobSet,
}

impl Rule for HeadingHierarchy {
    fn check_post(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Snippets Hugo never renders as pages need no page furniture.
        if !cx.is_rendered(post) {
            return;
        }
        // Pages that redirect show no headings.
        if cx.generator.redirects_away(post) || !cx.generator.reads_front_matter(post) {
            return;
        }
        // The heading the layout renders the title in (Hugo: an h1 when the
        // page has a front matter title; Jekyll: as its layout says).
        let title = cx
            .generator
            .title_heading(post)
            .filter(|_| self.title_is_h1 && !self.title_not_rendered.is_match(&post.content_path));
        let has_title = title == Some(1);
        let (h1_message, h1_help) = match cx.generator.kind() {
            GeneratorKind::Hugo => (
                "h1 in the body of a page that has a front matter title",
                "the theme already renders the title as the h1: start the body's headings at h2 (##)",
            ),
            GeneratorKind::Jekyll => (
                "h1 in the body of a page whose layout renders its title as the h1",
                "the layout already renders the title as the h1: start the body's headings at h2 (##)",
            ),
            GeneratorKind::Zola => (
                "h1 in the body of a page whose template renders its title as the h1",
                "the template already renders the title as the h1: start the body's headings at h2 (##)",
            ),
        };
        // The level of the heading before: the title counts as its heading,
        // and so do the headings the layout writes after it (a byline).
        let mut previous: Option<u8> = title.map(|t| {
            cx.generator
                .heading_before_body(post)
                .map_or(t, |before| t.max(before))
        });
        for h in &post.outline.headings {
            if h.level == 1 && has_title {
                out.push(
                    Diagnostic::new(
                        META.name,
                        Severity::Warning,
                        h.marker_span.clone(),
                        h1_message,
                    )
                    .with_label("a second h1")
                    .with_help(h1_help)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hugo::config::HugoConfig;

    fn h1_findings(options: &str, content_path: &str) -> usize {
        let table: toml::Table = toml::from_str(options).unwrap();
        let mut o = Options::default();
        for (k, v) in table {
            o.values.insert(k, toml::Spanned::new(0..0, v));
        }
        let rule = build(&o).unwrap_or_else(|e| panic!("{e:?}"));
        let post = Post::parse(
            content_path.into(),
            content_path.into(),
            "---\ntitle: T\n---\n# Welcome\n".into(),
        );
        let hugo = HugoConfig::load(std::path::Path::new("/nonexistent")).unwrap();
        let mut out = Vec::new();
        let hugo = crate::site::Generator::Hugo(hugo);
        rule.check_post(&post, &Context::new(&hugo, 0), &mut out);
        out.len()
    }

    #[test]
    fn title_not_rendered_globs() {
        // By default, the home page in any language, and nothing else.
        assert_eq!(h1_findings("", "_index.md"), 0);
        assert_eq!(h1_findings("", "_index.fr.md"), 0);
        assert_eq!(h1_findings("", "posts/_index.md"), 1);
        assert_eq!(h1_findings("", "about.md"), 1);
        // An empty list: the home page too.
        assert_eq!(h1_findings("title-not-rendered = []", "_index.md"), 1);
        // `*` stays in its folder, `**` does not.
        let landing = r#"title-not-rendered = ["landing/*.md"]"#;
        assert_eq!(h1_findings(landing, "landing/a.md"), 0);
        assert_eq!(h1_findings(landing, "landing/x/index.md"), 1);
        assert_eq!(h1_findings(landing, "_index.md"), 1);
        let deep = r#"title-not-rendered = ["landing/**"]"#;
        assert_eq!(h1_findings(deep, "landing/x/index.md"), 0);
    }

    #[test]
    fn a_bad_glob_is_an_option_error() {
        let mut o = Options::default();
        o.values.insert(
            "title-not-rendered".into(),
            toml::Spanned::new(3..9, toml::Value::Array(vec!["a[".into()])),
        );
        let err = build(&o).err().unwrap();
        assert_eq!(err.span, 3..9);
        assert!(
            err.message.contains("title-not-rendered"),
            "{}",
            err.message
        );
    }
}
