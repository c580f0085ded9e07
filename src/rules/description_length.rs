//! `description-length`: a `description` search engines can show whole.

use super::{Context, OptionError, OptionMeta, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Post, Value};

pub static META: RuleMeta = RuleMeta {
    name: "description-length",
    severity: Severity::Warning,
    scope: Scope::Post,
    reads_bodies: false,
    summary: "The description is missing, or too short or too long for search results",
    doc: include_str!("../../rules/description-length.md"),
    options: &[
        OptionMeta {
            name: "min",
            default: "50",
            help: "Fewest characters a description may have.",
        },
        OptionMeta {
            name: "max",
            default: "160",
            help: "Most characters a description may have (search engines cut the rest).",
        },
        OptionMeta {
            name: "require",
            default: "\"when-the-site-uses-it\"",
            help: "Which pages without a description are reported: \"when-the-site-uses-it\" (most pages of their section have one), \"always\" or \"never\".",
        },
    ],
    build,
};

fn build(o: &Options) -> Result<Box<dyn Rule>, OptionError> {
    // `true` and `false`, the values of earlier versions, still read.
    let require = match o.values.get("require").map(|v| v.get_ref()) {
        Some(toml::Value::Boolean(true)) => "always",
        Some(toml::Value::Boolean(false)) => "never",
        _ => o.choice("require", &["when-the-site-uses-it", "always", "never"])?,
    };
    let require = match require {
        "always" => Require::Always,
        "never" => Require::Never,
        _ => Require::WhenTheSiteUsesIt,
    };
    Ok(Box::new(DescriptionLength {
        min: o.usize("min", 50)?,
        max: o.usize("max", 160)?,
        require,
    }))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Require {
    /// Where most pages of the section (or most list pages) have one.
    WhenTheSiteUsesIt,
    Always,
    Never,
}

struct DescriptionLength {
    min: usize,
    max: usize,
    require: Require,
}

impl Rule for DescriptionLength {
    fn check_post(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Snippets Hugo never renders as pages need no page furniture.
        if !cx.is_rendered(post) {
            return;
        }
        // Pages that redirect show no description; front matter the
        // generator does not read is front-matter-syntax's business.
        if cx.generator.redirects_away(post) || !cx.generator.reads_front_matter(post) {
            return;
        }
        // Jekyll: a description from the front matter defaults is the
        // site configuration's (no length checked on each page); with
        // jekyll-seo-tag, a document's excerpt is its description.
        if post.field("description").is_none()
            && (cx.generator.default_field(post, "description").is_some()
                || cx.generator.has_excerpt_description(post))
        {
            return;
        }
        let Some(node) = post.field("description") else {
            let group = cx
                .conventions()
                .group(&post.path)
                .filter(|g| g.mostly(g.described));
            let why = match (self.require, group) {
                (Require::Never, _) | (Require::WhenTheSiteUsesIt, None) => return,
                (_, Some(g)) => format!(
                    ", unlike {} of the {} {}",
                    g.described,
                    g.pages.saturating_sub(1),
                    g.others(cx.conventions().multilingual)
                ),
                (Require::Always, None) => String::new(),
            };
            out.push(
                Diagnostic::new(
                    META.name,
                    Severity::Warning,
                    post.front_matter_anchor(),
                    format!("the page has no `description`{why}"),
                )
                .with_label("no `description` here")
                .with_help(format!(
                    "add a `description` of {}–{} characters: search engines show it under the title",
                    self.min, self.max
                )),
            );
            return;
        };
        // Wrong types are required-front-matter's business.
        let Value::String(text) = &node.value else {
            return;
        };
        let len = text.trim().chars().count();
        let (problem, help) = if len < self.min {
            (
                "short",
                format!(
                    "write at least {} characters: say what the reader will find",
                    self.min
                ),
            )
        } else if len > self.max {
            (
                "long",
                format!(
                    "keep it to {} characters: search engines cut the rest",
                    self.max
                ),
            )
        } else {
            return;
        };
        out.push(
            Diagnostic::new(
                META.name,
                Severity::Warning,
                node.span.clone(),
                format!(
                    "description is too {problem}: {len} characters (expected {}–{})",
                    self.min, self.max
                ),
            )
            .with_label(format!("{len} characters"))
            .with_help(help),
        );
    }
}
