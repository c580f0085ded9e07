//! The generator that publishes a site, and the questions the rest of
//! bloglint asks it. Each answer comes from the generator's own folder
//! (`src/hugo/`, `src/jekyll/`); this is the one place that tells them
//! apart.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use super::Found;
use super::index::SiteIndex;
use super::model::{Kind, Role, UrlSource};
use crate::diagnostic::ConfigError;
use crate::document::Node;
use crate::document::Post;
use crate::hugo::config::HugoConfig;
use crate::jekyll::config::JekyllConfig;

/// A site's generator, with its configuration.
pub enum Generator {
    Hugo(HugoConfig),
    Jekyll(JekyllConfig),
}

/// Which generator: what `--generator` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GeneratorKind {
    Hugo,
    Jekyll,
}

/// The keys Jekyll reads a post's date from.
static JEKYLL_DATE_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| vec!["date".to_string(), ":filename".to_string()]);

/// The one language of a Jekyll site (none is modelled).
static NO_LANGUAGE: LazyLock<String> = LazyLock::new(String::new);

/// The site's taxonomies on Jekyll: tags and categories, which Jekyll
/// keeps as written (no term pages without a plugin).
static JEKYLL_TAXONOMIES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    vec![
        ("tag".to_string(), "tags".to_string()),
        ("category".to_string(), "categories".to_string()),
    ]
});

impl Generator {
    /// The root of the site `start` (a folder) belongs to and its
    /// generator: the nearest folder at or above it that a generator
    /// recognises (`hugo.toml`, `config.toml`, `content/`…: Hugo;
    /// `_config.yml`: Jekyll). Where one folder could be both, a `hugo.*`
    /// configuration file says Hugo, else Jekyll. `forced`: look for that
    /// generator's sites only.
    pub fn find_root(
        start: &Path,
        forced: Option<GeneratorKind>,
    ) -> Option<(PathBuf, GeneratorKind)> {
        let hugo = || crate::hugo::config::find_root(start);
        let jekyll = || crate::jekyll::config::find_root(start);
        match forced {
            Some(GeneratorKind::Hugo) => return hugo().map(|r| (r, GeneratorKind::Hugo)),
            Some(GeneratorKind::Jekyll) => return jekyll().map(|r| (r, GeneratorKind::Jekyll)),
            None => {}
        }
        match (hugo(), jekyll()) {
            (Some(h), Some(j)) => {
                let hugo_named = ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"]
                    .iter()
                    .any(|f| h.join(f).is_file());
                // Compared as absolute paths: the roots are relative to
                // `start` (`.`, `..`).
                let (ha, ja) = (h.canonicalize().ok(), j.canonicalize().ok());
                let same = ha == ja;
                let jekyll_nearer =
                    !same && matches!((&ha, &ja), (Some(ha), Some(ja)) if ja.starts_with(ha));
                if same && !hugo_named || jekyll_nearer {
                    Some((j, GeneratorKind::Jekyll))
                } else {
                    Some((h, GeneratorKind::Hugo))
                }
            }
            (Some(h), None) => Some((h, GeneratorKind::Hugo)),
            (None, Some(j)) => Some((j, GeneratorKind::Jekyll)),
            (None, None) => None,
        }
    }

    /// Read the configuration of the site at `root`.
    pub fn load(root: &Path, kind: GeneratorKind) -> Result<Generator, ConfigError> {
        match kind {
            GeneratorKind::Hugo => HugoConfig::load(root).map(Generator::Hugo),
            GeneratorKind::Jekyll => JekyllConfig::load(root).map(Generator::Jekyll),
        }
    }

    /// Read the configuration of the site at `root`, its generator
    /// detected as [`Generator::find_root`] does (Hugo when nothing says).
    pub fn detect(root: &Path) -> Result<Generator, ConfigError> {
        let kind = Generator::find_root(root, None)
            .filter(|(r, _)| r == root)
            .map_or(GeneratorKind::Hugo, |(_, k)| k);
        Generator::load(root, kind)
    }

    /// Which generator this is.
    pub fn kind(&self) -> GeneratorKind {
        match self {
            Generator::Hugo(_) => GeneratorKind::Hugo,
            Generator::Jekyll(_) => GeneratorKind::Jekyll,
        }
    }

    /// The generator's name, for messages: `Hugo`.
    pub fn name(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => "Hugo",
            Generator::Jekyll(_) => "Jekyll",
        }
    }

    /// The site's root folder.
    pub fn root(&self) -> &Path {
        match self {
            Generator::Hugo(h) => &h.root,
            Generator::Jekyll(j) => &j.root,
        }
    }

    /// Hugo's configuration, for the code that ports Hugo's behaviour.
    pub fn hugo(&self) -> Option<&HugoConfig> {
        match self {
            Generator::Hugo(h) => Some(h),
            Generator::Jekyll(_) => None,
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
            (Generator::Jekyll(_), Role::Aliases) => "redirect_from",
            (Generator::Jekyll(_), Role::Url) => "permalink",
            (Generator::Jekyll(_), Role::Draft) => "published",
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
            Generator::Jekyll(_) => &JEKYLL_DATE_KEYS,
        }
    }

    /// The site's time zone (an IANA name or a fixed offset), if set.
    pub fn time_zone(&self) -> Option<&str> {
        match self {
            Generator::Hugo(h) => h.time_zone.as_deref(),
            Generator::Jekyll(j) => j.timezone.as_deref(),
        }
    }

    /// The site's taxonomies, as (singular, plural) keys.
    pub fn taxonomies(&self) -> &[(String, String)] {
        match self {
            Generator::Hugo(h) => &h.taxonomies,
            Generator::Jekyll(_) => &JEKYLL_TAXONOMIES,
        }
    }

    /// The languages of the site, the default first or alone.
    pub fn languages(&self) -> &[String] {
        match self {
            Generator::Hugo(h) => &h.languages,
            Generator::Jekyll(_) => std::slice::from_ref(&*NO_LANGUAGE),
        }
    }

    /// The default language (the only one of a single-language site).
    pub fn default_language(&self) -> &str {
        match self {
            Generator::Hugo(h) => &h.default_content_language,
            Generator::Jekyll(_) => "",
        }
    }

    /// The site's base URL as configured (`https://example.org/docs/`).
    pub fn base_url(&self) -> &str {
        match self {
            Generator::Hugo(h) => &h.base_url,
            Generator::Jekyll(j) => j.url.as_deref().unwrap_or_default(),
        }
    }

    /// The language of a site path no content file serves: the language
    /// whose folder it is in, else the default.
    pub fn language_of_url(&self, url: &str) -> String {
        match self {
            Generator::Hugo(h) => crate::hugo::urls::language_of_url(url, h),
            Generator::Jekyll(_) => String::new(),
        }
    }

    /// Where a content file sits: its language and the kind of page it is.
    pub fn place(&self, post: &Post) -> (String, Kind) {
        match self {
            Generator::Hugo(h) => {
                let info = crate::hugo::urls::path_info(post, h);
                (info.lang, info.kind)
            }
            Generator::Jekyll(_) => (String::new(), Kind::Page),
        }
    }

    /// What puts a page at its URL, and the span to point at.
    pub fn url_source(&self, post: &Post) -> (UrlSource, std::ops::Range<usize>) {
        match self {
            Generator::Hugo(h) => crate::hugo::urls::url_source(post, h),
            Generator::Jekyll(_) => match post.field("permalink") {
                Some(n) => (UrlSource::Url("permalink"), n.span.clone()),
                None => (UrlSource::File, post.front_matter_anchor()),
            },
        }
    }

    /// What a front matter that does not parse does to the build.
    pub fn unparsed_front_matter(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => "its front matter does not parse: Hugo fails the build",
            Generator::Jekyll(j) if j.strict_front_matter => {
                "its front matter does not parse: with `strict_front_matter`, Jekyll fails the build"
            }
            Generator::Jekyll(_) => {
                "its front matter does not parse: Jekyll drops it and publishes the body anyway"
            }
        }
    }

    /// Whether the site publishes its pages' aliases (redirect pages).
    pub fn publishes_aliases(&self) -> bool {
        match self {
            Generator::Hugo(h) => !h.disable_aliases,
            Generator::Jekyll(j) => j.has_plugin("jekyll-redirect-from"),
        }
    }

    /// The site path of a term's page (`/tags/go/`), in a language.
    pub fn term_url(&self, plural: &str, term: &str, lang: &str) -> String {
        match self {
            Generator::Hugo(h) => crate::hugo::urls::term_url(plural, term, lang, h),
            Generator::Jekyll(_) => String::new(),
        }
    }

    /// Walk the site's files: content, resources, static files.
    pub fn walk(&self, found: &mut dyn FnMut(Found)) {
        match self {
            Generator::Hugo(h) => crate::hugo::content::walk_site(h, found),
            Generator::Jekyll(j) => crate::jekyll::content::walk_site(j, found),
        }
    }

    /// The content path of a file of the site (`posts/a.md`), or `None`
    /// when the generator does not read it as content.
    pub fn content_path(&self, path: &Path) -> Option<String> {
        match self {
            Generator::Hugo(h) => crate::hugo::content::content_path(h, path),
            Generator::Jekyll(j) => crate::jekyll::content::content_path(j, path),
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
            Generator::Jekyll(j) => {
                crate::jekyll::index::build(self, j, posts, resources, static_files, now)
            }
        }
    }

    /// The ids of a page's headings in document order, and of its
    /// definition terms where the generator gives them ids.
    pub fn heading_ids(&self, post: &Post) -> (Vec<String>, Vec<String>) {
        match self {
            Generator::Hugo(h) => crate::hugo::heading_id::post_ids(post, h),
            Generator::Jekyll(j) => (crate::jekyll::index::heading_ids(post, j), Vec::new()),
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
            Generator::Jekyll(j) => crate::jekyll::links::check(site, j, cx, out),
        }
    }
}

// date-format: the dates of a generator's own kind.
impl Generator {
    /// `date-format`: the generator's own date checks of a post, when it
    /// has them (Jekyll); `false` when the rule's Hugo checks apply.
    pub fn check_dates(
        &self,
        post: &Post,
        cx: &crate::rules::Context,
        future: bool,
        out: &mut Vec<crate::diagnostic::Diagnostic>,
    ) -> bool {
        match self {
            Generator::Hugo(_) => false,
            Generator::Jekyll(j) => {
                let options = crate::jekyll::date_check::Options { future };
                crate::jekyll::date_check::check(post, j, cx, options, out);
                true
            }
        }
    }
}

// alias-collision and url-collision: what the generator does when two
// things claim one URL (Jekyll answers verified with Jekyll 4.3.1 and
// jekyll-redirect-from 0.16.0 builds).
impl Generator {
    /// What a page's alias is called in messages: `alias`, `redirect`.
    pub fn alias_noun(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => "alias",
            Generator::Jekyll(_) => "redirect",
        }
    }

    /// Why an alias is not written, as a message.
    pub fn alias_rejected(&self, written: &str, why: &str) -> String {
        match self {
            Generator::Hugo(_) => format!("Hugo rejects the alias `{written}`: {why}"),
            Generator::Jekyll(_) => format!("the redirect `{written}`: {why}"),
        }
    }

    /// What happens to one alias URL two pages claim.
    pub fn alias_claimed_twice(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => {
                "Hugo writes one redirect per URL and silently drops the others: keep the alias on one page"
            }
            Generator::Jekyll(_) => {
                "jekyll-redirect-from writes a redirect page for each entry to the same file, without a conflict warning: the last one written wins. Keep the entry on one page"
            }
        }
    }

    /// What happens to an alias at the URL `owner` publishes; `own`: the
    /// owner is the page that declares the alias.
    pub fn alias_over(
        &self,
        site: &SiteIndex,
        owner: &super::index::Served,
        own: bool,
    ) -> &'static str {
        let Generator::Jekyll(jk) = self else {
            return if own {
                "remove it: a page needs no alias to its own URL"
            } else {
                "Hugo writes the redirect over the real page (or drops it): remove the alias, or point it elsewhere"
            };
        };
        // Jekyll writes its pages (redirect pages are pages, added last)
        // before static files and documents: a redirect wins over a page,
        // and loses to a post, a document or a static file.
        let over_page = match owner {
            super::index::Served::Page(o) => matches!(
                crate::jekyll::index::role(jk, &site.pages[*o].post.content_path),
                crate::jekyll::index::Role::Page
            ),
            _ => false,
        };
        match (own, over_page) {
            (true, true) => {
                "jekyll-redirect-from writes the redirect over the page itself: the page is lost and the redirect points at itself, a loop. Remove the entry"
            }
            (true, false) => {
                "Jekyll writes the page over its own redirect: the entry does nothing. Remove it"
            }
            (false, true) => {
                "jekyll-redirect-from writes the redirect over that page, without a conflict warning: the page is lost. Remove the entry, or point it elsewhere"
            }
            (false, false) => {
                "Jekyll writes that file after the redirect, without a conflict warning: the redirect is lost. Remove the entry, or point it elsewhere"
            }
        }
    }

    /// What the generator does with one URL two sources publish, after a
    /// colon: `Hugo keeps only one of them`.
    pub fn url_shared(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => "Hugo keeps only one of them",
            Generator::Jekyll(_) => {
                "Jekyll warns \"Conflict: The following destination is shared by multiple files\" and writes one over the other"
            }
        }
    }

    /// `url-collision`'s help for a page at the URL of a file copied as
    /// it is (a static file).
    pub fn url_shared_with_file(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => {
                "Hugo copies the file and renders the page at the same time: the page nearly always wins, not always. Move or remove one of them"
            }
            Generator::Jekyll(_) => {
                "Jekyll copies static files after it writes pages: the file wins and the page is lost. Move or remove one of them"
            }
        }
    }

    /// `url-collision`'s help for two pages at one URL, when nothing more
    /// specific applies.
    pub fn url_shared_help(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => "give each page its own URL (its `slug`, `url` or file name)",
            Generator::Jekyll(_) => {
                "give each its own URL (its `permalink` or file name): `about.md` and `about.html`, a `permalink: /x/` and `x/index.md`, two posts of one day and title are one URL"
            }
        }
    }

    /// URLs that differ only by case, after the listing of them.
    pub fn url_case_only(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => {
                "differ only by case: on macOS and Windows they are one file, and Hugo keeps only one of them"
            }
            Generator::Jekyll(_) => {
                "differ only by case: on macOS and Windows they are one file, and Jekyll writes one over the other"
            }
        }
    }

    /// `url-collision`'s help for URLs that differ only by case.
    pub fn url_case_help(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => {
                "write URLs in one case: Hugo lower-cases the paths it makes, not a `url` (nor anything with `disablePathToLower`)"
            }
            Generator::Jekyll(_) => {
                "write URLs in one case: Jekyll keeps the case of file names and `permalink`s"
            }
        }
    }
}
