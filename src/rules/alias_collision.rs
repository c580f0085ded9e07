//! `alias-collision`: aliases that two pages claim, that hide a published
//! URL, or that Hugo rejects.

use std::collections::HashMap;

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::document::{Post, edit};
use crate::site::index::{Served, SiteIndex};
use crate::site::model::Role;

pub static META: RuleMeta = RuleMeta {
    name: "alias-collision",
    severity: Severity::Error,
    scope: Scope::Site,
    reads_bodies: false,
    summary: "An alias claimed twice, hiding a published page, or rejected by Hugo",
    doc: include_str!("../../rules/alias-collision.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(AliasCollision))
}

struct AliasCollision;

impl Rule for AliasCollision {
    fn check_site(&self, site: &SiteIndex, _cx: &Context, out: &mut Vec<Diagnostic>) {
        // Every claim of every alias URL: (page, alias).
        let mut claims: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
        for (i, page) in site.pages.iter().enumerate() {
            if !page.is_published() {
                continue;
            }
            for (j, alias) in page.aliases.iter().enumerate() {
                match &alias.url {
                    Ok(url) => claims.entry(url.as_str()).or_default().push((i, j)),
                    Err(why) => out.push(
                        Diagnostic::new(
                            META.name,
                            Severity::Error,
                            alias.span.clone(),
                            site.generator.alias_rejected(&alias.written, why),
                        )
                        .with_label("rejected alias")
                        .with_help("write a path on this site, e.g. /old/path/")
                        .in_file(page.post.path.clone()),
                    ),
                }
            }
        }
        for (url, claimants) in &claims {
            // The URL's other owners: pages, lists, terms, files.
            let owners: Vec<&Served> = site
                .lookup(url)
                .unwrap_or_default()
                .iter()
                .filter(|s| !matches!(s, Served::Alias(..)))
                .collect();
            for &(i, j) in claimants {
                let page = &site.pages[i];
                let alias = &page.aliases[j];
                if let Some(owner) = owners.first() {
                    out.push(hides(site, i, j, url, owner));
                    continue;
                }
                let others: Vec<&(usize, usize)> =
                    claimants.iter().filter(|c| **c != (i, j)).collect();
                if others.is_empty() {
                    if alias.relative && has_doubled_segment(url) {
                        out.push(
                            Diagnostic::new(
                                META.name,
                                Severity::Warning,
                                alias.span.clone(),
                                format!("the relative alias `{}` resolves to `{url}`", alias.written),
                            )
                            .with_label(format!("resolves to {url}"))
                            .with_help("a relative alias resolves against the folder the page is published in; start it with `/` for a path from the site root")
                            .in_file(page.post.path.clone()),
                        );
                    }
                    continue;
                }
                let mut d = Diagnostic::new(
                    META.name,
                    Severity::Error,
                    alias.span.clone(),
                    format!(
                        "the {} `{url}` is claimed {} times",
                        site.generator.alias_noun(),
                        claimants.len()
                    ),
                )
                .with_label("claimed here")
                .with_help(site.generator.alias_claimed_twice())
                .in_file(page.post.path.clone());
                for &&(oi, oj) in &others {
                    let other = &site.pages[oi];
                    let path = (oi != i).then(|| other.post.path.clone());
                    d = d.with_secondary(path, other.aliases[oj].span.clone(), "also claimed here");
                }
                // A repeat of an alias the same page already has: drop it.
                if claimants.iter().any(|&(oi, oj)| oi == i && oj < j)
                    && let Some(f) = removal(
                        site.generator.key(Role::Aliases),
                        page.post,
                        j,
                        "remove the repeated alias",
                    )
                {
                    d = d.with_fix(f);
                }
                out.push(d);
            }
        }
    }
}

/// An alias that equals a URL something else publishes.
fn hides(site: &SiteIndex, i: usize, j: usize, url: &str, owner: &Served) -> Diagnostic {
    let page = &site.pages[i];
    let alias = &page.aliases[j];
    let (what, secondary) = match owner {
        Served::Page(o) if *o == i => ("this page's own URL".to_string(), None),
        Served::Page(o) => (
            format!("the URL of {}", site.pages[*o].post.path.display()),
            Some(*o),
        ),
        Served::Section(s) => (format!("the URL of the section `{s}`"), None),
        Served::Taxonomy(t) => (format!("the URL of the taxonomy `{t}`"), None),
        Served::Term(t, term) => (format!("the URL of the `{t}` term `{term}`"), None),
        Served::Generated(plugin) => (format!("the URL of the file {plugin} writes"), None),
        Served::Static(p) | Served::Resource(p) => {
            (format!("the URL of the file {}", p.display()), None)
        }
        Served::Alias(..) => ("another alias".to_string(), None),
    };
    let own = matches!(owner, Served::Page(o) if *o == i);
    let help = match owner {
        Served::Page(o) if !own => site
            .generator
            .alias_fails_build(&alias.written, url)
            .unwrap_or_else(|| site.generator.alias_over(site, owner, own)),
        _ => site.generator.alias_over(site, owner, own),
    };
    let mut d = Diagnostic::new(
        META.name,
        Severity::Error,
        alias.span.clone(),
        format!("the {} `{url}` is {what}", site.generator.alias_noun()),
    )
    .with_label("this alias")
    .with_help(help)
    .in_file(page.post.path.clone());
    if matches!(owner, Served::Page(o) if *o == i)
        && let Some(f) = removal(
            site.generator.key(Role::Aliases),
            page.post,
            j,
            "remove the alias to the page's own URL",
        )
    {
        d = d.with_fix(f);
    }
    if let Some(o) = secondary {
        let other = site.pages[o].post;
        d = d.with_secondary(
            Some(other.path.clone()),
            other.front_matter_anchor(),
            "published here",
        );
    }
    d
}

/// A safe fix removing alias `j` from the page's `aliases` list.
fn removal(key: &str, post: &Post, j: usize, message: &str) -> Option<Fix> {
    let list = post.field(key)?;
    let edit = edit::remove_list_item(&post.source, list, j)?;
    Some(Fix::safe(message, vec![edit]))
}

/// `/post/post/x/`: two equal segments in a row.
fn has_doubled_segment(url: &str) -> bool {
    let segs: Vec<&str> = url.split('/').filter(|s| !s.is_empty()).collect();
    segs.windows(2).any(|w| w[0] == w[1])
}
