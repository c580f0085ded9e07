//! `taxonomy-spelling`.

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::site::index::SiteIndex;

pub static META: RuleMeta = RuleMeta {
    name: "taxonomy-spelling",
    severity: Severity::Warning,
    scope: Scope::Site,
    summary: "TODO",
    doc: include_str!("../../rules/taxonomy-spelling.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(TaxonomySpelling))
}

struct TaxonomySpelling;

impl Rule for TaxonomySpelling {
    fn check_site(&self, _site: &SiteIndex, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}
