//! The site as Hugo publishes it: every URL and what serves it, built once
//! from the parsed posts for the site rules.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use super::urls::{self, Unpublished};
use crate::document::{PageKind, Post};
use crate::hugo::config::HugoConfig;
use crate::hugo::heading_id;

/// One content page and where it goes.
pub struct Page<'a> {
    pub post: &'a Post,
    pub lang: String,
    /// Site path without the baseURL sub-path: `/posts/a/`.
    pub url: String,
    /// `None`: published.
    pub unpublished: Option<Unpublished>,
    pub aliases: Vec<Alias>,
    ids: OnceLock<Vec<String>>,
}

/// One `aliases` entry of a page.
pub struct Alias {
    /// As written in the front matter.
    pub written: String,
    /// The value's span in the page's file.
    pub span: Range<usize>,
    /// The URL it claims, or why Hugo rejects it.
    pub url: Result<String, String>,
    /// Whether it was written relative to the page.
    pub relative: bool,
}

/// What serves a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Served {
    /// A content page (regular, list or home), by index in `pages`.
    Page(usize),
    /// A section with no `_index.md`: Hugo makes its list page anyway.
    Section(String),
    /// A taxonomy's list of terms (`/tags/`).
    Taxonomy(String),
    /// A term page (`/tags/go/`), by taxonomy plural and urlized term.
    Term(String, String),
    /// An alias: the page index and the alias index in it.
    Alias(usize, usize),
    /// A file of a static directory.
    Static(PathBuf),
    /// A file inside a page bundle.
    Resource(PathBuf),
}

pub struct SiteIndex<'a> {
    pub hugo: &'a HugoConfig,
    pub pages: Vec<Page<'a>>,
    /// Every published URL (normalized by [`urls::normalize`]) and what serves it.
    pub urls: HashMap<String, Vec<Served>>,
    /// Pages by content path (`posts/a.md`), for `ref`/`relref`.
    pub by_content_path: HashMap<String, Vec<usize>>,
    /// The baseURL's path, without trailing slash: `/docs` or ``.
    pub base_path: String,
}

impl Page<'_> {
    /// The heading ids of the page, in document order (computed on demand).
    pub fn ids(&self, hugo: &HugoConfig) -> &[String] {
        self.ids
            .get_or_init(|| heading_id::page_ids(&self.post.outline.headings, hugo.auto_id_type))
    }

    pub fn is_published(&self) -> bool {
        self.unpublished.is_none()
    }
}

impl<'a> SiteIndex<'a> {
    /// Index the posts of a site. `resources` are the non-content files
    /// under the content directories, as (path on disk, content path);
    /// `static_files` the files of the static directories, as (path on disk,
    /// URL path).
    pub fn build(
        hugo: &'a HugoConfig,
        posts: &[&'a Post],
        resources: &[(PathBuf, String)],
        static_files: &[(PathBuf, String)],
        now: i64,
    ) -> SiteIndex<'a> {
        let mut index = SiteIndex {
            hugo,
            pages: Vec::with_capacity(posts.len()),
            urls: HashMap::new(),
            by_content_path: HashMap::new(),
            base_path: base_path(&hugo.base_url),
        };
        for post in posts {
            let lang = urls::language(post, hugo);
            let url = urls::page_url(post, &lang, hugo);
            let aliases = aliases(post, &url, &lang, hugo);
            index.pages.push(Page {
                post,
                lang,
                url,
                unpublished: urls::unpublished(post, hugo, now),
                aliases,
                ids: OnceLock::new(),
            });
        }
        let mut sections: Vec<(String, String)> = Vec::new();
        let mut terms: Vec<(String, String, String)> = Vec::new();
        for (i, page) in index.pages.iter().enumerate() {
            index
                .by_content_path
                .entry(page.post.content_path.to_lowercase())
                .or_default()
                .push(i);
            if !page.is_published() {
                continue;
            }
            index
                .urls
                .entry(page.url.clone())
                .or_default()
                .push(Served::Page(i));
            for (j, alias) in page.aliases.iter().enumerate() {
                if let Ok(u) = &alias.url {
                    index
                        .urls
                        .entry(u.clone())
                        .or_default()
                        .push(Served::Alias(i, j));
                }
            }
            if page.post.kind == PageKind::Page {
                let logical = urls::logical_path(page.post, hugo);
                let section = urls::section_of(&logical, page.post.kind).to_string();
                sections.push((section, page.lang.clone()));
            }
            for (_, plural) in &hugo.taxonomies {
                if let Some(items) = page.post.field(plural).and_then(|n| n.string_list()) {
                    for (term, _) in items {
                        terms.push((plural.clone(), term.to_string(), page.lang.clone()));
                    }
                }
            }
        }
        for (section, lang) in sections {
            let url = urls::normalize(&format!(
                "{}/{}",
                urls::language_prefix(&lang, hugo),
                urls::sanitize_path(&section, hugo)
            ));
            let served = index.urls.entry(url).or_default();
            if served.is_empty() {
                served.push(Served::Section(section));
            }
        }
        for lang in &hugo.languages {
            for (_, plural) in &hugo.taxonomies {
                let url = urls::taxonomy_url(plural, lang, hugo);
                index
                    .urls
                    .entry(url)
                    .or_default()
                    .push(Served::Taxonomy(plural.clone()));
            }
        }
        for (plural, term, lang) in terms {
            let url = urls::term_url(&plural, &term, &lang, hugo);
            let served = index.urls.entry(url).or_default();
            let urlized = urls::urlize(&term);
            if !served
                .iter()
                .any(|s| matches!(s, Served::Term(p, t) if *p == plural && *t == urlized))
            {
                served.push(Served::Term(plural, urlized));
            }
        }
        // Bundle folders: content path of the folder -> (page, is leaf).
        let mut bundles: HashMap<&str, (usize, bool)> = HashMap::new();
        for (i, page) in index.pages.iter().enumerate() {
            let cp = page.post.content_path.as_str();
            let (dir, file) = cp.rsplit_once('/').unwrap_or(("", cp));
            let stem = file.split('.').next().unwrap_or_default();
            if page.is_published() && (stem == "index" || stem == "_index") {
                bundles.entry(dir).or_insert((i, stem == "index"));
            }
        }
        for (path, content_path) in resources {
            if let Some(url) = index.resource_url(content_path, &bundles) {
                index
                    .urls
                    .entry(url)
                    .or_default()
                    .push(Served::Resource(path.clone()));
            }
        }
        for (path, url) in static_files {
            index
                .urls
                .entry(url.clone())
                .or_default()
                .push(Served::Static(path.clone()));
        }
        index
    }

    /// Where a file under the content directory is published: inside the
    /// URL of the bundle holding it (a leaf `index.md` in the same folder or
    /// above, or a branch `_index.md` in the same folder).
    fn resource_url(
        &self,
        content_path: &str,
        bundles: &HashMap<&str, (usize, bool)>,
    ) -> Option<String> {
        let mut dir = content_path;
        let mut direct = true;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            dir = parent;
            if let Some(&(i, leaf)) = bundles.get(dir) {
                if leaf || direct {
                    let page = &self.pages[i];
                    let rel = &content_path[dir.len() + 1..];
                    let base = page.url.trim_end_matches('/');
                    return Some(format!("{base}/{}", urls::sanitize_path(rel, self.hugo)));
                }
            }
            direct = false;
        }
        None
    }

    /// What serves a URL path (without the baseURL sub-path).
    pub fn lookup(&self, url: &str) -> Option<&[Served]> {
        self.urls.get(url).map(Vec::as_slice)
    }
}

/// The path part of a baseURL, without a trailing slash.
fn base_path(base_url: &str) -> String {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    let path = rest.find('/').map_or("", |i| &rest[i..]);
    path.trim_end_matches('/').to_string()
}

fn aliases(post: &Post, page_url: &str, lang: &str, hugo: &HugoConfig) -> Vec<Alias> {
    let Some(items) = post.field("aliases").and_then(|n| n.string_list()) else {
        return Vec::new();
    };
    items
        .into_iter()
        .map(|(written, node)| Alias {
            written: written.to_string(),
            span: node.span.clone(),
            url: urls::resolve_alias(written, page_url, lang, hugo),
            relative: !written.trim().starts_with('/'),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(base_path("https://example.org/"), "");
        assert_eq!(base_path("https://example.org"), "");
        assert_eq!(base_path("https://example.org/docs/"), "/docs");
        assert_eq!(base_path(""), "");
    }
}
