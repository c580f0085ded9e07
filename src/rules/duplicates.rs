//! `duplicate-title` and `duplicate-description`: two published pages of one
//! language with the same title (or description), which search results show
//! as the same page. One check, two rules: they differ only in the front
//! matter role they compare.
//!
//! Only values written in a page's own front matter count: a list page or
//! term page the generator makes without a content file, a title Jekyll
//! derives from a file name, a value from Jekyll's front matter `defaults`
//! (the configuration's choice, with no place in the page to point at) are
//! left alone. Unpublished pages, translation stubs (they show their
//! translation's title), pages the generator does not render, pages that
//! redirect away and pages written without a layout (Jekyll: the body
//! alone, no `<title>`) show nothing, and are left out.

use std::collections::HashMap;

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::frontmatter::scalar_string;
use crate::site::index::SiteIndex;
use crate::site::model::Role;

pub static TITLE: RuleMeta = RuleMeta {
    name: "duplicate-title",
    severity: Severity::Warning,
    scope: Scope::Site,
    reads_bodies: false,
    summary: "Two published pages of one language with the same title: search results show them as one",
    doc: include_str!("../../rules/duplicate-title.md"),
    options: &[],
    build: build_title,
};

pub static DESCRIPTION: RuleMeta = RuleMeta {
    name: "duplicate-description",
    severity: Severity::Warning,
    scope: Scope::Site,
    reads_bodies: false,
    summary: "Two published pages of one language with the same description",
    doc: include_str!("../../rules/duplicate-description.md"),
    options: &[],
    build: build_description,
};

fn build_title(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(Duplicates {
        meta: &TITLE,
        role: Role::Title,
        noun: "title",
    }))
}

fn build_description(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(Duplicates {
        meta: &DESCRIPTION,
        role: Role::Description,
        noun: "description",
    }))
}

struct Duplicates {
    meta: &'static RuleMeta,
    role: Role,
    noun: &'static str,
}

/// The form two values are compared in: what a reader would call the same
/// text. Surrounding white space dropped, runs of white space made one
/// space. Case is kept: search results show it, and on documentation
/// sites it tells names apart (the `page` function, the `Page` method).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether a URL is a page a browser shows (a folder or an HTML file), not
/// a feed or data file some front matter page writes.
fn is_html(url: &str) -> bool {
    let last = url.rsplit('/').next().unwrap_or_default();
    match last.rsplit_once('.') {
        None => true,
        Some((_, ext)) => ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm"),
    }
}

impl Rule for Duplicates {
    /// The value as written, and what the generator makes of the post.
    fn digest(
        &self,
        generator: &crate::site::Generator,
        post: &crate::document::Post,
    ) -> Option<u64> {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        (
            generator.reads_front_matter(post),
            generator.redirects_away(post),
            generator.renders_in_layout(post),
        )
            .hash(&mut h);
        super::hash_written(&mut h, post, generator.field(post, self.role));
        Some(h.finish())
    }

    fn check_site(&self, site: &SiteIndex, cx: &Context, out: &mut Vec<Diagnostic>) {
        let generator = site.generator;
        // (language, normalized value) → pages, in index order.
        let mut groups: HashMap<(&str, String), Vec<usize>> = HashMap::new();
        for (i, page) in site.pages.iter().enumerate() {
            let post = page.post;
            if !page.is_published()
                || page.stub_of.is_some()
                || page.redirect_to.is_some()
                || !cx.is_rendered(post)
                || !generator.reads_front_matter(post)
                || generator.redirects_away(post)
                || !generator.renders_in_layout(post)
                || !is_html(&page.url)
            {
                continue;
            }
            let Some(text) = generator.field(post, self.role).and_then(scalar_string) else {
                continue;
            };
            let key = normalize(&text);
            if key.is_empty() {
                continue;
            }
            groups.entry((page.lang.as_str(), key)).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        groups.sort_unstable();
        let multilingual = generator.languages().len() > 1;
        for members in &groups {
            for &i in members {
                let page = &site.pages[i];
                if !cx.reports(&page.post.path) {
                    continue;
                }
                let Some(node) = generator.field(page.post, self.role) else {
                    continue;
                };
                let others = members.len() - 1;
                let pages = if others == 1 { "page" } else { "pages" };
                let lang = if multilingual {
                    format!(" in `{}`", page.lang)
                } else {
                    String::new()
                };
                let shown = scalar_string(node)
                    .map(|t| normalize(&t))
                    .unwrap_or_default();
                let mut d = Diagnostic::new(
                    self.meta.name,
                    Severity::Warning,
                    node.span.clone(),
                    format!(
                        "the {} `{}` is also the {} of {others} other published {pages}{lang}",
                        self.noun, shown, self.noun
                    ),
                )
                .with_label(format!("the same {} as {others} other {pages}", self.noun))
                .with_help(format!(
                    "search results show pages with one {} as the same page: write a {} that \
                     says what this page has and the others do not",
                    self.noun, self.noun
                ))
                .in_file(page.post.path.clone());
                for &o in members.iter().filter(|&&o| o != i) {
                    let other = site.pages[o].post;
                    let span = generator
                        .field(other, self.role)
                        .map_or_else(|| other.front_matter_anchor(), |n| n.span.clone());
                    d = d.with_secondary(
                        Some(other.path.clone()),
                        span,
                        format!("the same {}, at `{}`", self.noun, site.pages[o].url),
                    );
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_trims_and_collapses_white_space() {
        assert_eq!(normalize("  Getting \t  started\n"), "Getting started");
        assert_ne!(normalize("Getting Started"), normalize("Getting started"));
        assert_ne!(normalize("Getting started"), normalize("Getting-started"));
        assert_eq!(normalize(" \t "), "");
    }

    #[test]
    fn html_urls() {
        assert!(is_html("/posts/a/"));
        assert!(is_html("/posts/a.html"));
        assert!(is_html("/"));
        assert!(!is_html("/feed.xml"));
        assert!(!is_html("/data/x.json"));
    }
}
