//! `heading-hierarchy`.

use super::{Context, Options, OptionError, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;

pub static META: RuleMeta = RuleMeta {
    name: "heading-hierarchy",
    severity: Severity::Warning,
    scope: Scope::Post,
    summary: "TODO",
    doc: include_str!("../../rules/heading-hierarchy.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(HeadingHierarchy))
}

struct HeadingHierarchy;

impl Rule for HeadingHierarchy {
    fn check_post(&self, _post: &Post, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
