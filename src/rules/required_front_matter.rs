//! `required-front-matter`.

use super::{Context, Options, OptionError, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;

pub static META: RuleMeta = RuleMeta {
    name: "required-front-matter",
    severity: Severity::Error,
    scope: Scope::Post,
    summary: "TODO",
    doc: include_str!("../../rules/required-front-matter.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(RequiredFrontMatter))
}

struct RequiredFrontMatter;

impl Rule for RequiredFrontMatter {
    fn check_post(&self, _post: &Post, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
