//! `description-length`: a `description` search engines can show whole.

use super::{Context, OptionError, OptionMeta, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Post, Value};

pub static META: RuleMeta = RuleMeta {
    name: "description-length",
    severity: Severity::Warning,
    scope: Scope::Post,
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
            default: "true",
            help: "Report pages that have no description at all.",
        },
    ],
    build,
};

fn build(o: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(DescriptionLength {
        min: o.usize("min", 50)?,
        max: o.usize("max", 160)?,
        require: o.bool("require", true)?,
    }))
}

struct DescriptionLength {
    min: usize,
    max: usize,
    require: bool,
}

impl Rule for DescriptionLength {
    fn check_post(&self, post: &Post, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Snippets Hugo never renders as pages need no page furniture.
        if !cx.is_rendered(post) {
            return;
        }
        let Some(node) = post.field("description") else {
            if self.require {
                out.push(
                    Diagnostic::new(
                        META.name,
                        Severity::Warning,
                        post.front_matter_anchor(),
                        "the page has no `description`",
                    )
                    .with_label("no `description` here")
                    .with_help(format!(
                        "add a `description` of {}–{} characters: search engines show it under the title",
                        self.min, self.max
                    )),
                );
            }
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
