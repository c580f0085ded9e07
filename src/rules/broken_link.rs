//! `broken-link`: links, images and the generator's own link syntax
//! (`ref`/`relref`, `{% link %}`, `{% post_url %}`) that lead nowhere on the
//! published site, or to a heading that is not there. Each generator
//! answers where a link lands (`hugo::links`, `jekyll::links`).

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::site::index::SiteIndex;

pub static META: RuleMeta = RuleMeta {
    name: "broken-link",
    severity: Severity::Error,
    scope: Scope::Site,
    reads_bodies: true,
    summary: "Links, images and ref/relref that lead nowhere, or to a missing heading",
    doc: include_str!("../../rules/broken-link.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(BrokenLink))
}

struct BrokenLink;

impl Rule for BrokenLink {
    fn check_site(&self, site: &SiteIndex, cx: &Context, out: &mut Vec<Diagnostic>) {
        site.generator.check_links(site, cx, out);
    }
}
