//! The site as its generator publishes it: every page and URL and what
//! serves it, built once from the parsed posts (by `hugo::index` or
//! `jekyll::index`) for the site rules, which read it without knowing the
//! generator.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

// URLs are looked up for every link of every page: a fast hash (the order of
// these maps is never relied on).
use rustc_hash::FxBuildHasher;

use super::Generator;
use super::model::{DateUrl, Kind, Place, Unpublished, normalize};
use crate::document::Post;

/// One content page and where it goes.
pub struct Page<'a> {
    pub post: &'a Post,
    pub lang: String,
    /// Site path without the baseURL sub-path: `/posts/a/` (or
    /// `/posts/a.html` with ugly URLs). For a page not published: where it
    /// would be.
    pub url: String,
    /// `None`: published.
    pub unpublished: Option<Unpublished>,
    pub aliases: Vec<Alias>,
    /// The kind of the page (`home`, `section`, `taxonomy`, `term`, `page`).
    pub kind: Kind,
    /// For a translation stub (see [`translation_stubs`]): the page of the
    /// default language it stands for, by index in `pages`.
    pub stub_of: Option<usize>,
    /// Where the page belongs among the site's pages, for the conventions
    /// its section keeps (`rules::conventions`).
    pub place: Place,
    /// For a regular page whose URL is built from its date: how.
    pub date_url: Option<DateUrl>,
    /// Where the page redirects instead of showing its content
    /// (jekyll-redirect-from's `redirect_to`): a URL as written.
    pub redirect_to: Option<String>,
    pub(crate) ids: OnceLock<(Vec<String>, Vec<String>)>,
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
    /// For an alias cascaded from an `_index.md` (Hugo cascades `aliases`
    /// like any front matter key): that file and the value's span in it.
    /// `span` then points at the page's front matter.
    pub cascaded_from: Option<(PathBuf, Range<usize>)>,
}

/// What serves a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Served {
    /// A content page (regular, list or home), by index in `pages`.
    Page(usize),
    /// A section with no `_index.md`: Hugo makes its list page anyway. The
    /// section's folder name; `""` for a home page without `_index.md`.
    Section(String),
    /// A taxonomy's list of terms (`/tags/`), by plural as configured.
    Taxonomy(String),
    /// A term page (`/tags/go/`), by taxonomy plural and urlized term.
    Term(String, String),
    /// An alias: the page index and the alias index in it.
    Alias(usize, usize),
    /// A file of a static directory.
    Static(PathBuf),
    /// A file inside a page bundle.
    Resource(PathBuf),
    /// A file the generator or one of its plugins writes itself
    /// (`feed.xml` by jekyll-feed): the plugin's name.
    Generated(&'static str),
}

pub struct SiteIndex<'a> {
    /// The generator that publishes the site.
    pub generator: &'a Generator,
    pub pages: Vec<Page<'a>>,
    /// Every published URL and what serves it. Keys are site paths as
    /// [`urls`] writes them: `/posts/a/`, `/posts/a.html`, `/img/x.png`.
    pub urls: HashMap<String, Vec<Served>, FxBuildHasher>,
    /// Pages by content path (`posts/a.md`, lower-cased), for `ref`/`relref`.
    pub by_content_path: HashMap<String, Vec<usize>, FxBuildHasher>,
    /// The baseURL's path, without trailing slash: `/docs` or ``.
    pub base_path: String,
    /// Hugo's own redirects (URL → target URL): `/` → `/en/` when the
    /// default language is in a sub-folder, `/en/` → `/` on a multilingual
    /// site where it is not. In `urls`, such a URL is served by what serves
    /// its target (the home page).
    pub redirects: HashMap<String, String>,
    /// The host's own redirect rules (`static/_redirects`, `netlify.toml`):
    /// they serve paths no page is at ([`super::redirects`]).
    pub host_redirects: Vec<super::redirects::HostRedirect>,
    /// Hugo's link checker's lookup tables, made on first use and kept with
    /// the index (the language server checks many edits against one).
    pub(crate) hugo_links: OnceLock<crate::hugo::links::Tables>,
}

impl Page<'_> {
    /// The heading ids of the page, in document order (computed on demand).
    pub fn ids(&self, generator: &Generator) -> &[String] {
        &self.all_ids(generator).0
    }

    /// The ids of the page's definition list terms, where the generator
    /// gives them ids (computed on demand, with the heading ids).
    pub fn term_ids(&self, generator: &Generator) -> &[String] {
        &self.all_ids(generator).1
    }

    fn all_ids(&self, generator: &Generator) -> &(Vec<String>, Vec<String>) {
        self.ids.get_or_init(|| generator.heading_ids(self.post))
    }

    pub fn is_published(&self) -> bool {
        self.unpublished.is_none()
    }
}

/// A page's heading and definition term ids ([`Page::ids`]).
type Ids = (Vec<String>, Vec<String>);

/// What an index owns outright (its URL table, its pages' URLs, aliases
/// and ids, the link checker's tables), taken out of it to be freed
/// elsewhere ([`SiteIndex::take_owned`]).
pub struct Owned {
    _urls: HashMap<String, Vec<Served>, FxBuildHasher>,
    _pages: Vec<(String, Vec<Alias>, Option<Ids>)>,
    _hugo_links: Option<crate::hugo::links::Tables>,
}

impl<'a> SiteIndex<'a> {
    /// An index without pages yet, room made for `pages`: `base_path` the
    /// baseURL's path without trailing slash, `host_redirects` the host's
    /// own rules.
    pub fn new(
        generator: &'a Generator,
        pages: usize,
        base_path: String,
        host_redirects: Vec<super::redirects::HostRedirect>,
    ) -> SiteIndex<'a> {
        SiteIndex {
            generator,
            pages: Vec::with_capacity(pages),
            urls: HashMap::default(),
            by_content_path: HashMap::default(),
            base_path,
            redirects: HashMap::new(),
            host_redirects,
            hugo_links: OnceLock::new(),
        }
    }
}

impl SiteIndex<'_> {
    /// Take out what the index owns outright, to free it on another
    /// thread: the index is left without URLs, aliases or ids, for
    /// dropping only.
    pub fn take_owned(&mut self) -> Owned {
        Owned {
            _urls: std::mem::take(&mut self.urls),
            _pages: self
                .pages
                .iter_mut()
                .map(|p| {
                    (
                        std::mem::take(&mut p.url),
                        std::mem::take(&mut p.aliases),
                        p.ids.take(),
                    )
                })
                .collect(),
            _hugo_links: self.hugo_links.take(),
        }
    }

    /// Put every published page at its URL, and its aliases at theirs.
    pub fn publish_pages(&mut self, with_aliases: bool) {
        for (i, page) in self.pages.iter().enumerate() {
            if !page.is_published() {
                continue;
            }
            self.urls
                .entry(page.url.clone())
                .or_default()
                .push(Served::Page(i));
            if !with_aliases {
                continue;
            }
            for (j, alias) in page.aliases.iter().enumerate() {
                if let Ok(u) = &alias.url {
                    self.urls
                        .entry(u.clone())
                        .or_default()
                        .push(Served::Alias(i, j));
                }
            }
        }
    }

    /// What serves a URL path (without the baseURL sub-path). Tries the path
    /// as given, then [`normalize`]d, then with percent-escapes decoded.
    pub fn lookup(&self, url: &str) -> Option<&[Served]> {
        if let Some(s) = self.urls.get(url) {
            return Some(s);
        }
        let normalized = normalize(url);
        if let Some(s) = self.urls.get(&normalized) {
            return Some(s);
        }
        let decoded = crate::text::percent_decode(url);
        if decoded != url {
            return self
                .urls
                .get(&decoded)
                .or_else(|| self.urls.get(&normalize(&decoded)))
                .map(Vec::as_slice);
        }
        None
    }
}

/// Whether two versions of a post read the same to the site index and to
/// the site rules that do not read bodies: the same file, the same front
/// matter byte for byte, and the same of what other pages read in its body
/// (heading and definition term ids, `{#id}` attributes, raw HTML ids, the
/// pages it includes, whether it is empty). An edit that keeps them (a word
/// typed in a paragraph, a link added) changes nothing the index or a site
/// rule reads of the post, but what `broken-link` (`RuleMeta::reads_bodies`)
/// reads: its links.
pub fn same_to_index(generator: &Generator, a: &Post, b: &Post) -> bool {
    fn front(p: &Post) -> Option<&str> {
        p.source.get(..p.body_start)
    }
    a.path == b.path
        && a.content_path == b.content_path
        && a.kind == b.kind
        && a.front_matter_error.is_none()
        && b.front_matter_error.is_none()
        && a.body_start == b.body_start
        && front(a).is_some()
        && front(a) == front(b)
        && a.outline.attribute_ids == b.outline.attribute_ids
        && a.outline.html_ids == b.outline.html_ids
        && a.outline.includes == b.outline.includes
        && crate::hugo::index::has_empty_body(a) == crate::hugo::index::has_empty_body(b)
        && generator.heading_ids(a) == generator.heading_ids(b)
}

/// The site's pages as the site rules that keep findings across edits
/// ([`crate::rules::Rule::digest`]) read them, hashed: each page's file,
/// URL, language, kind, whether and why it is unpublished, whether it is a
/// translation stub or a redirect. Aliases are left out: no such rule
/// reads them.
pub fn pages_digest(index: &SiteIndex) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for p in &index.pages {
        (
            &p.post.path,
            &p.url,
            &p.lang,
            p.kind,
            &p.unpublished,
            p.stub_of,
            &p.redirect_to,
        )
            .hash(&mut h);
    }
    h.finish()
}
