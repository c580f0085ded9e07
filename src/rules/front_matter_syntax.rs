//! `front-matter-syntax`: a front matter block that is not closed or does not parse.

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;

pub static META: RuleMeta = RuleMeta {
    name: "front-matter-syntax",
    severity: Severity::Error,
    scope: Scope::Post,
    summary: "Front matter that is not closed, or is not valid YAML, TOML or JSON",
    doc: include_str!("../../rules/front-matter-syntax.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(FrontMatterSyntax))
}

struct FrontMatterSyntax;

impl Rule for FrontMatterSyntax {
    fn check_post(&self, post: &Post, _cx: &Context, out: &mut Vec<Diagnostic>) {
        if let Some(e) = &post.front_matter_error {
            out.push(
                Diagnostic::new(
                    META.name,
                    Severity::Error,
                    e.span.clone(),
                    e.message.clone(),
                )
                .with_label("here")
                .with_help(
                    "Hugo stops the build on this file; the other checks of this file were skipped",
                ),
            );
        }
    }
}
