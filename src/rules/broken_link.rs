//! `broken-link`.

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::site::index::SiteIndex;

pub static META: RuleMeta = RuleMeta {
    name: "broken-link",
    severity: Severity::Error,
    scope: Scope::Site,
    summary: "TODO",
    doc: include_str!("../../rules/broken-link.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(BrokenLink))
}

struct BrokenLink;

impl Rule for BrokenLink {
    fn check_site(&self, _site: &SiteIndex, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
