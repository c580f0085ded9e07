//! `date-format`.

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;

pub static META: RuleMeta = RuleMeta {
    name: "date-format",
    severity: Severity::Error,
    scope: Scope::Post,
    summary: "TODO",
    doc: include_str!("../../rules/date-format.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(DateFormat))
}

struct DateFormat;

impl Rule for DateFormat {
    fn check_post(&self, _post: &Post, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
