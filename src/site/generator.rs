//! The generator that publishes a site, and the questions the rest of
//! bloglint asks it. Each answer comes from the generator's own folder
//! (`src/hugo/`, `src/jekyll/`); this is the one place that tells them
//! apart.

use std::path::Path;

use std::path::PathBuf;

use super::Found;
use super::index::SiteIndex;
use super::model::{Kind, Role, UrlSource};
use crate::diagnostic::ConfigError;
use crate::document::Node;
use crate::document::Post;
use crate::hugo::config::HugoConfig;

/// A site's generator, with its configuration.
pub enum Generator {
    Hugo(HugoConfig),
}

impl Generator {
    /// The root of the site `start` (a folder) belongs to: the nearest
    /// folder at or above it that a generator recognises.
    pub fn find_root(start: &Path) -> Option<PathBuf> {
        crate::hugo::config::find_root(start)
    }

    /// Read the configuration of the site at `root`.
    pub fn load(root: &Path) -> Result<Generator, ConfigError> {
        HugoConfig::load(root).map(Generator::Hugo)
    }

    /// The generator's name, for messages: `Hugo`.
    pub fn name(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => "Hugo",
        }
    }

    /// The site's root folder.
    pub fn root(&self) -> &Path {
        match self {
            Generator::Hugo(h) => &h.root,
        }
    }

    /// Hugo's configuration, for the code that ports Hugo's behaviour.
    pub fn hugo(&self) -> Option<&HugoConfig> {
        match self {
            Generator::Hugo(h) => Some(h),
        }
    }

    /// The front matter key of a role (for the date, see
    /// [`Generator::date_keys`]).
    pub fn key(&self, role: Role) -> &'static str {
        match (self, role) {
            (_, Role::Title) => "title",
            (_, Role::Description) => "description",
            (_, Role::Slug) => "slug",
            (Generator::Hugo(_), Role::Aliases) => "aliases",
            (Generator::Hugo(_), Role::Url) => "url",
            (Generator::Hugo(_), Role::Draft) => "draft",
        }
    }

    /// A post's front matter value of a role.
    pub fn field<'p>(&self, post: &'p Post, role: Role) -> Option<&'p Node> {
        post.field(self.key(role))
    }

    /// The front matter keys a page's date is read from, in order, and the
    /// other sources (`:filename`, `:git`…) Hugo's `[frontmatter] date`
    /// names.
    pub fn date_keys(&self) -> &[String] {
        match self {
            Generator::Hugo(h) => &h.front_matter.date,
        }
    }

    /// The site's time zone (an IANA name or a fixed offset), if set.
    pub fn time_zone(&self) -> Option<&str> {
        match self {
            Generator::Hugo(h) => h.time_zone.as_deref(),
        }
    }

    /// The site's taxonomies, as (singular, plural) keys.
    pub fn taxonomies(&self) -> &[(String, String)] {
        match self {
            Generator::Hugo(h) => &h.taxonomies,
        }
    }

    /// The languages of the site, the default first or alone.
    pub fn languages(&self) -> &[String] {
        match self {
            Generator::Hugo(h) => &h.languages,
        }
    }

    /// The default language (the only one of a single-language site).
    pub fn default_language(&self) -> &str {
        match self {
            Generator::Hugo(h) => &h.default_content_language,
        }
    }

    /// The site's base URL as configured (`https://example.org/docs/`).
    pub fn base_url(&self) -> &str {
        match self {
            Generator::Hugo(h) => &h.base_url,
        }
    }

    /// The language of a site path no content file serves: the language
    /// whose folder it is in, else the default.
    pub fn language_of_url(&self, url: &str) -> String {
        match self {
            Generator::Hugo(h) => crate::hugo::urls::language_of_url(url, h),
        }
    }

    /// Where a content file sits: its language and the kind of page it is.
    pub fn place(&self, post: &Post) -> (String, Kind) {
        match self {
            Generator::Hugo(h) => {
                let info = crate::hugo::urls::path_info(post, h);
                (info.lang, info.kind)
            }
        }
    }

    /// What puts a page at its URL, and the span to point at.
    pub fn url_source(&self, post: &Post) -> (UrlSource, std::ops::Range<usize>) {
        match self {
            Generator::Hugo(h) => crate::hugo::urls::url_source(post, h),
        }
    }

    /// What a front matter that does not parse does to the build.
    pub fn unparsed_front_matter(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => "its front matter does not parse: Hugo fails the build",
        }
    }

    /// Whether the site publishes its pages' aliases (redirect pages).
    pub fn publishes_aliases(&self) -> bool {
        match self {
            Generator::Hugo(h) => !h.disable_aliases,
        }
    }

    /// The site path of a term's page (`/tags/go/`), in a language.
    pub fn term_url(&self, plural: &str, term: &str, lang: &str) -> String {
        match self {
            Generator::Hugo(h) => crate::hugo::urls::term_url(plural, term, lang, h),
        }
    }

    /// Walk the site's files: content, resources, static files.
    pub fn walk(&self, found: &mut dyn FnMut(Found)) {
        match self {
            Generator::Hugo(h) => crate::hugo::content::walk_site(h, found),
        }
    }

    /// The content path of a file of the site (`posts/a.md`), or `None`
    /// when the generator does not read it as content.
    pub fn content_path(&self, path: &Path) -> Option<String> {
        match self {
            Generator::Hugo(h) => crate::hugo::content::content_path(h, path),
        }
    }

    /// Index the site: every page, URL and what serves it. `resources`
    /// and `static_files` are what [`Generator::walk`] found.
    pub fn index<'a>(
        &'a self,
        posts: &[&'a Post],
        resources: &[(PathBuf, String)],
        static_files: &[(PathBuf, String)],
        now: i64,
    ) -> SiteIndex<'a> {
        match self {
            Generator::Hugo(h) => {
                crate::hugo::index::build(self, h, posts, resources, static_files, now)
            }
        }
    }

    /// The ids of a page's headings in document order, and of its
    /// definition terms where the generator gives them ids.
    pub fn heading_ids(&self, post: &Post) -> (Vec<String>, Vec<String>) {
        match self {
            Generator::Hugo(h) => crate::hugo::heading_id::post_ids(post, h),
        }
    }

    /// `broken-link`: where each link of each page lands, in the
    /// generator's own terms; a finding for each that lands nowhere.
    pub fn check_links(
        &self,
        site: &SiteIndex,
        cx: &crate::rules::Context,
        out: &mut Vec<crate::diagnostic::Diagnostic>,
    ) {
        match self {
            Generator::Hugo(h) => crate::hugo::links::check(site, h, cx, out),
        }
    }
}
