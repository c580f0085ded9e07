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
use crate::zola::config::ZolaConfig;

/// A site's generator, with its configuration.
pub enum Generator {
    Hugo(HugoConfig),
    Jekyll(JekyllConfig),
    Zola(ZolaConfig),
}

/// Which generator: what `--generator` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GeneratorKind {
    Hugo,
    Jekyll,
    Zola,
}

/// The keys Jekyll reads a post's date from.
static JEKYLL_DATE_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| vec!["date".to_string(), ":filename".to_string()]);

/// The keys Zola 0.22.1 reads a page's date from: `date`, else a
/// `YYYY-MM-DD` prefix of its file (or bundle folder) name.
static ZOLA_DATE_KEYS: LazyLock<Vec<String>> =
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
        let zola = || crate::zola::config::find_root(start);
        match forced {
            Some(GeneratorKind::Hugo) => return hugo().map(|r| (r, GeneratorKind::Hugo)),
            Some(GeneratorKind::Jekyll) => return jekyll().map(|r| (r, GeneratorKind::Jekyll)),
            Some(GeneratorKind::Zola) => return zola().map(|r| (r, GeneratorKind::Zola)),
            None => {}
        }
        let other = match (hugo(), jekyll()) {
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
        };
        // A `config.toml` with `base_url` is Zola's: it wins over Hugo or
        // Jekyll in the same folder (unless a `hugo.*` file says Hugo) or
        // above it; a site of theirs nearer to `start` wins over it.
        match (zola(), other) {
            (Some(z), Some((o, kind))) => {
                let (za, oa) = (z.canonicalize().ok(), o.canonicalize().ok());
                let same = za == oa;
                let hugo_named = kind == GeneratorKind::Hugo
                    && ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"]
                        .iter()
                        .any(|f| o.join(f).is_file());
                let other_nearer =
                    !same && matches!((&za, &oa), (Some(za), Some(oa)) if oa.starts_with(za));
                if same && hugo_named || other_nearer {
                    Some((o, kind))
                } else {
                    Some((z, GeneratorKind::Zola))
                }
            }
            (Some(z), None) => Some((z, GeneratorKind::Zola)),
            (None, other) => other,
        }
    }

    /// Read the configuration of the site at `root`.
    pub fn load(root: &Path, kind: GeneratorKind) -> Result<Generator, ConfigError> {
        match kind {
            GeneratorKind::Hugo => HugoConfig::load(root).map(Generator::Hugo),
            GeneratorKind::Jekyll => JekyllConfig::load(root).map(Generator::Jekyll),
            GeneratorKind::Zola => ZolaConfig::load(root).map(Generator::Zola),
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
            Generator::Zola(_) => GeneratorKind::Zola,
        }
    }

    /// The generator's name, for messages: `Hugo`.
    pub fn name(&self) -> &'static str {
        match self {
            Generator::Hugo(_) => "Hugo",
            Generator::Jekyll(_) => "Jekyll",
            Generator::Zola(_) => "Zola",
        }
    }

    /// The site's root folder.
    pub fn root(&self) -> &Path {
        match self {
            Generator::Hugo(h) => &h.root,
            Generator::Jekyll(j) => &j.root,
            Generator::Zola(z) => &z.root,
        }
    }

    /// Hugo's configuration, for the code that ports Hugo's behaviour.
    pub fn hugo(&self) -> Option<&HugoConfig> {
        match self {
            Generator::Hugo(h) => Some(h),
            Generator::Jekyll(_) | Generator::Zola(_) => None,
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
            (Generator::Zola(_), Role::Aliases) => "aliases",
            (Generator::Zola(_), Role::Url) => "path",
            (Generator::Zola(_), Role::Draft) => "draft",
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
            Generator::Zola(_) => &ZOLA_DATE_KEYS,
        }
    }

    /// The site's time zone (an IANA name or a fixed offset), if set.
    pub fn time_zone(&self) -> Option<&str> {
        match self {
            Generator::Hugo(h) => h.time_zone.as_deref(),
            Generator::Jekyll(j) => j.timezone.as_deref(),
            // Zola reads a date without an offset as UTC.
            Generator::Zola(_) => None,
        }
    }

    /// The site's taxonomies, as (singular, plural) keys.
    pub fn taxonomies(&self) -> &[(String, String)] {
        match self {
            Generator::Hugo(h) => &h.taxonomies,
            Generator::Jekyll(_) => &JEKYLL_TAXONOMIES,
            Generator::Zola(z) => &z.taxonomy_pairs,
        }
    }

    /// The languages of the site, the default first or alone.
    pub fn languages(&self) -> &[String] {
        match self {
            Generator::Hugo(h) => &h.languages,
            Generator::Jekyll(_) => std::slice::from_ref(&*NO_LANGUAGE),
            Generator::Zola(z) => &z.languages,
        }
    }

    /// The default language (the only one of a single-language site).
    pub fn default_language(&self) -> &str {
        match self {
            Generator::Hugo(h) => &h.default_content_language,
            Generator::Jekyll(_) => "",
            Generator::Zola(z) => &z.default_language,
        }
    }

    /// The site's base URL as configured (`https://example.org/docs/`).
    pub fn base_url(&self) -> &str {
        match self {
            Generator::Hugo(h) => &h.base_url,
            Generator::Jekyll(j) => j.url.as_deref().unwrap_or_default(),
            Generator::Zola(z) => &z.base_url,
        }
    }

    /// The language of a site path no content file serves: the language
    /// whose folder it is in, else the default.
    pub fn language_of_url(&self, url: &str) -> String {
        match self {
            Generator::Hugo(h) => crate::hugo::urls::language_of_url(url, h),
            Generator::Jekyll(_) => String::new(),
            Generator::Zola(z) => z.language_of_url(url),
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
            Generator::Zola(z) => crate::zola::index::place(post, z),
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
            Generator::Zola(_) => crate::zola::index::url_source(post),
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
            Generator::Zola(_) => "its front matter does not parse: Zola fails the build",
        }
    }

    /// Whether the site publishes its pages' aliases (redirect pages).
    pub fn publishes_aliases(&self) -> bool {
        match self {
            Generator::Hugo(h) => !h.disable_aliases,
            Generator::Jekyll(j) => j.has_plugin("jekyll-redirect-from"),
            Generator::Zola(_) => true,
        }
    }

    /// The site path of a term's page (`/tags/go/`), in a language.
    pub fn term_url(&self, plural: &str, term: &str, lang: &str) -> String {
        match self {
            Generator::Hugo(h) => crate::hugo::urls::term_url(plural, term, lang, h),
            Generator::Jekyll(_) => String::new(),
            Generator::Zola(z) => z.term_url(plural, term, lang),
        }
    }

    /// Walk the site's files: content, resources, static files.
    pub fn walk(&self, found: &mut dyn FnMut(Found)) {
        match self {
            Generator::Hugo(h) => crate::hugo::content::walk_site(h, found),
            Generator::Jekyll(j) => crate::jekyll::content::walk_site(j, found),
            Generator::Zola(z) => crate::zola::content::walk_site(z, found),
        }
    }

    /// The content path of a file of the site (`posts/a.md`), or `None`
    /// when the generator does not read it as content.
    pub fn content_path(&self, path: &Path) -> Option<String> {
        match self {
            Generator::Hugo(h) => crate::hugo::content::content_path(h, path),
            Generator::Jekyll(j) => crate::jekyll::content::content_path(j, path),
            Generator::Zola(z) => crate::zola::content::content_path(z, path),
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
            Generator::Zola(z) => {
                crate::zola::index::build(self, z, posts, resources, static_files, now)
            }
        }
    }

    /// The ids of a page's headings in document order, and of its
    /// definition terms where the generator gives them ids.
    pub fn heading_ids(&self, post: &Post) -> (Vec<String>, Vec<String>) {
        match self {
            Generator::Hugo(h) => crate::hugo::heading_id::post_ids(post, h),
            Generator::Jekyll(j) => (crate::jekyll::index::heading_ids(post, j), Vec::new()),
            Generator::Zola(z) => (crate::zola::index::heading_ids(post, z), Vec::new()),
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
            Generator::Zola(z) => crate::zola::links::check(site, z, cx, out),
        }
    }
}

// date-format: the dates of a generator's own kind.
impl Generator {
    /// `date-format`: the generator's date checks of a post.
    pub fn check_dates(
        &self,
        post: &Post,
        cx: &crate::rules::Context,
        options: &crate::rules::date_format::DateOptions,
        out: &mut Vec<crate::diagnostic::Diagnostic>,
    ) {
        match self {
            Generator::Hugo(_) => crate::hugo::date_check::check(post, cx, options, out),
            Generator::Jekyll(j) => {
                let options = crate::jekyll::date_check::Options {
                    future: options.future,
                };
                crate::jekyll::date_check::check(post, j, cx, options, out);
            }
            Generator::Zola(_) => crate::zola::date_check::check(post, out),
        }
    }
}

// The page rules on Jekyll sites (required-front-matter, description-length,
// taxonomy-spelling, heading-hierarchy, front-matter-syntax): what a page
// has once the generator has read it.
impl Generator {
    /// A page's value of a key from the front matter defaults that apply to
    /// it (Jekyll's `defaults` by path and type); `None` on Hugo or when
    /// the page's own front matter has the key.
    pub fn default_field<'a>(&'a self, post: &'a Post, key: &str) -> Option<&'a Node> {
        match self {
            Generator::Hugo(_) | Generator::Zola(_) => None,
            Generator::Jekyll(j) => {
                if post.field(key).is_some() {
                    return None;
                }
                let role = crate::jekyll::index::role(j, &post.content_path);
                crate::jekyll::index::Meta::new(j, post, &role).field(key)
            }
        }
    }

    /// A page's value of a key: its own front matter's, else a default's.
    pub fn page_field<'a>(&'a self, post: &'a Post, key: &str) -> Option<&'a Node> {
        post.field(key).or_else(|| self.default_field(post, key))
    }

    /// Whether the generator gives the page a title of its own when its
    /// front matter has none: Jekyll 4.3.1 titles every document (posts,
    /// drafts, documents of collections) from its file name's slug
    /// (`Document#populate_title`: `rendering-process.md` is "Rendering
    /// Process"); pages get none. Hugo: no.
    pub fn titles_from_file(&self, post: &Post) -> bool {
        match self {
            Generator::Hugo(_) | Generator::Zola(_) => false,
            Generator::Jekyll(j) => {
                crate::jekyll::index::role(j, &post.content_path)
                    != crate::jekyll::index::Role::Page
            }
        }
    }

    /// Whether the front matter as parsed is one the generator reads:
    /// Jekyll 4.3.1 reads YAML between `---` lines only; a `+++` (TOML) or
    /// JSON block is text of the page (a Markdown file whose only block is
    /// one is copied as it is, unconverted).
    pub fn reads_front_matter(&self, post: &Post) -> bool {
        match (self, &post.front_matter) {
            (Generator::Jekyll(_), Some(fm)) => {
                fm.format == crate::document::Format::Yaml && fm.span.start == 0
            }
            // Zola 0.22.1 reads `+++` (TOML) and `---` (YAML) blocks; a
            // JSON one is no front matter to it (it fails the build).
            (Generator::Zola(_), Some(fm)) => fm.format != crate::document::Format::Json,
            _ => true,
        }
    }

    /// A page that redirects instead of showing its content
    /// (jekyll-redirect-from's `redirect_to`, the plugin listed): it shows
    /// no title, description or headings.
    pub fn redirects_away(&self, post: &Post) -> bool {
        match self {
            Generator::Hugo(_) => false,
            Generator::Jekyll(j) => {
                j.has_plugin("jekyll-redirect-from")
                    && self.page_field(post, "redirect_to").is_some()
            }
            // A section's `redirect_to` (pages have none).
            Generator::Zola(z) => {
                crate::zola::index::FileInfo::new(z, &post.content_path).is_section
                    && crate::zola::index::field(post, "redirect_to").is_some()
            }
        }
    }

    /// Whether the page is written inside a layout, where a theme shows its
    /// title and description (`<title>`, a description meta tag): Hugo
    /// renders every page with a template; Jekyll 4.3.1 writes a page
    /// without a layout (none set, `layout: none`, a layout that does not
    /// exist) as its body alone (`jekyll::layout::renders_in_layout`).
    pub fn renders_in_layout(&self, post: &Post) -> bool {
        match self {
            Generator::Hugo(_) | Generator::Zola(_) => true,
            Generator::Jekyll(j) => {
                crate::jekyll::layout::renders_in_layout(j, self.page_field(post, "layout"))
            }
        }
    }

    /// Whether the page has a description shown in search results: a
    /// `description` (with Jekyll, from the defaults too), or on Jekyll
    /// with jekyll-seo-tag (2.8.0 writes `page.description ||
    /// page.excerpt`), the excerpt every document has (Jekyll 4.3.1:
    /// documents get one unless `excerpt_separator` is empty; pages only
    /// with `page_excerpts`).
    pub fn has_excerpt_description(&self, post: &Post) -> bool {
        let Generator::Jekyll(j) = self else {
            return false;
        };
        if !j.has_plugin("jekyll-seo-tag") {
            return false;
        }
        let separator = |n: &Node| match &n.value {
            crate::document::Value::String(s) => !s.is_empty(),
            crate::document::Value::Null => false,
            _ => true,
        };
        let truthy = |n: &Node| {
            !matches!(
                n.value,
                crate::document::Value::Bool(false) | crate::document::Value::Null
            )
        };
        let has_separator = self
            .page_field(post, "excerpt_separator")
            .or_else(|| j.table.value("excerpt_separator"))
            .is_none_or(separator);
        let excerpted = if self.titles_from_file(post) {
            true
        } else {
            j.table.value("page_excerpts").is_some_and(truthy)
        };
        let own = self
            .page_field(post, "excerpt")
            .is_some_and(|n| match &n.value {
                crate::document::Value::String(s) => !s.trim().is_empty(),
                _ => false,
            });
        let body = post.source.get(post.body_start..).unwrap_or_default();
        own || excerpted && has_separator && !body.trim().is_empty()
    }

    /// The heading level the page's layout renders its title in, when
    /// known: Hugo, an h1 when the front matter has a title (the theme's
    /// usual layout). Jekyll: the layout chain (`layout:` of the page or
    /// its defaults, then each layout's own) and the includes it names
    /// literally, read from the site's `_layouts` and `_includes`; the
    /// level of the first `<hN>` holding `{{ page.title }}`. `None` when
    /// the page has no title, no layout (Jekyll 4.3.1 renders the body
    /// alone), or the layout is not found (a theme's) or does not render
    /// the title in a heading.
    pub fn title_heading(&self, post: &Post) -> Option<u8> {
        let has_title = self
            .page_field(post, "title")
            .and_then(|n| n.as_str())
            .is_some_and(|t| !t.trim().is_empty());
        match self {
            Generator::Hugo(_) => has_title.then_some(1),
            // Zola has no default templates: the site's own (or its
            // theme's) say where the title goes.
            Generator::Zola(z) => has_title
                .then(|| crate::zola::template::title_heading(z, post))
                .flatten(),
            Generator::Jekyll(j) => {
                if !has_title && !self.titles_from_file(post) {
                    return None;
                }
                let name = self.page_field(post, "layout")?.as_str()?.to_string();
                crate::jekyll::layout::title_heading(j, &name)
            }
        }
    }
}

// heading-hierarchy: the headings a layout writes between the title and
// the body.
impl Generator {
    /// The level of the last heading the page's layout writes before the
    /// body (a byline `<h3>` under an `<h2>` title), where the generator
    /// puts pages in layouts bloglint reads: Jekyll. Hugo: none known.
    pub fn heading_before_body(&self, post: &Post) -> Option<u8> {
        let Generator::Jekyll(j) = self else {
            return None;
        };
        let name = self.page_field(post, "layout")?.as_str()?.to_string();
        crate::jekyll::layout::heading_before_content(j, name.trim())
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
            Generator::Zola(_) => "alias",
        }
    }

    /// Why an alias is not written, as a message.
    pub fn alias_rejected(&self, written: &str, why: &str) -> String {
        match self {
            Generator::Hugo(_) => format!("Hugo rejects the alias `{written}`: {why}"),
            Generator::Jekyll(_) => format!("the redirect `{written}`: {why}"),
            Generator::Zola(_) => format!("the alias `{written}`: {why}"),
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
            Generator::Zola(_) => {
                "Zola fails the build on one alias written the same on two pages (\"Found path collisions\"), and where they are spelled differently (`/x` and `/x/`) it writes one file whose winner changes from build to build. Keep the alias on one page"
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
        if let Generator::Zola(_) = self {
            return if own {
                "Zola writes the page over its own alias: the alias does nothing. Remove it"
            } else {
                "Zola writes aliases first and whatever else is at that URL over them, without a word (its check compares the strings as written: `/about` is not `/about/`): the redirect is lost. Remove the alias, or point it elsewhere"
            };
        }
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
            Generator::Zola(_) => {
                "Zola fails the build where two pages or sections have one path (\"Found path collisions\"); what it writes there later (a taxonomy list, a static file) replaces the page without a word"
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
            Generator::Zola(_) => {
                "Zola copies the static files last, over everything it wrote: the file wins and the page is lost. Move or remove one of them"
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
            Generator::Zola(_) => {
                "give each its own URL (its `path`, `slug` or file name): `x.md` and `x/index.md`, or `2024-01-14-x.md` and `x.md`, are one URL"
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
            Generator::Zola(_) => {
                "differ only by case: on macOS and Windows they are one file, and Zola writes one over the other"
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
            Generator::Zola(_) => {
                "write URLs in one case: Zola keeps the case of folder names and `path`s (and of file names and slugs with `slugify.paths` \"safe\" or \"off\")"
            }
        }
    }
}

// taxonomy-spelling on Jekyll: terms as the generator keeps them.
impl Generator {
    /// What makes two spellings of a term one term: Hugo's `urlize` (one
    /// term page); Jekyll 4.3.1 keeps tags and categories as written
    /// (`Go` and `go` are two entries of `site.tags`).
    pub fn term_key(&self) -> fn(&str) -> String {
        match self {
            Generator::Hugo(_) => crate::hugo::urls::urlize,
            Generator::Jekyll(_) => str::to_string,
            // Zola 0.22.1 merges the spellings of a term that have one
            // slug (`slugify.taxonomies`) into one term page.
            Generator::Zola(z) => crate::zola::index::term_key(z.slugify.taxonomies),
        }
    }

    /// Whether the generator keeps terms as written (Jekyll) rather than
    /// merging spellings into one term page (Hugo), for messages.
    pub fn splits_term_strings(&self) -> bool {
        matches!(self, Generator::Jekyll(_))
    }

    /// The front matter keys a page's terms of a taxonomy come from, and
    /// whether a string there is split at white space. Hugo: the plural,
    /// a string one term. Jekyll 4.3.1 (`Utils.pluralized_array_from_hash`,
    /// `Document#populate_tags` and `#populate_categories`): `tag` alone
    /// when the page has it (a string one term: `tag: Big Tag`), else
    /// `tags` (a string split: `tags: a b` is two tags); `categories`
    /// (split) and `category` (one term) both.
    pub fn term_keys<'k>(
        &self,
        post: &Post,
        singular: &'k str,
        plural: &'k str,
    ) -> Vec<(&'k str, bool)> {
        match self {
            Generator::Hugo(_) => vec![(plural, false)],
            // Zola's terms live in the `[taxonomies]` table: `term_field`
            // reads them there.
            Generator::Zola(_) => vec![(plural, false)],
            Generator::Jekyll(_) if plural == "tags" && post.field(singular).is_some() => {
                vec![(singular, false)]
            }
            Generator::Jekyll(_) => vec![(plural, true), (singular, false)],
        }
    }
}

// front-matter-syntax on Jekyll: what a file's front matter does to the build.
impl Generator {
    /// Whether a front matter block that does not parse fails the build:
    /// Hugo's does; Jekyll 4.3.1 logs the YAML error and publishes the body
    /// without front matter, unless `strict_front_matter: true`.
    pub fn unparsed_front_matter_fails(&self) -> bool {
        match self {
            Generator::Hugo(_) | Generator::Zola(_) => true,
            Generator::Jekyll(j) => j.strict_front_matter,
        }
    }

    /// Whether the generator reads a front matter block at all where the
    /// file has one: Jekyll 4.3.1 only a YAML block whose `---` is the
    /// file's first line (`+++` TOML and JSON are text to it).
    pub fn reads_block_at(&self, post: &Post) -> bool {
        match self {
            Generator::Hugo(_) | Generator::Zola(_) => true,
            Generator::Jekyll(_) => post.source.get(..3) == Some("---"),
        }
    }

    /// A Markdown file Jekyll 4.3.1 copies as it is, unconverted, for want
    /// of a `---` front matter: a page (not a document of a collection or a
    /// post) without one, unless jekyll-optional-front-matter makes it a
    /// page anyway.
    pub fn copies_unconverted(&self, post: &Post) -> bool {
        let Generator::Jekyll(j) = self else {
            return false;
        };
        if post.front_matter_error.is_some() || self.reads_block_at(post) {
            return false;
        }
        let ext = crate::jekyll::url::extname(&post.content_path);
        let role = crate::jekyll::index::role(j, &post.content_path);
        let optional = j.has_plugin("jekyll-optional-front-matter")
            && j.optional_front_matter.enabled
            && crate::jekyll::config::optional_page(j, &post.content_path);
        role == crate::jekyll::index::Role::Page && j.is_markdown_ext(ext) && !optional
    }
}

// required-front-matter on Jekyll: pages made without a title by design.
impl Generator {
    /// A Jekyll site's home page or its 404 page: Jekyll 4.3.1's own `jekyll
    /// new` template writes both without a `title` (`index.markdown`:
    /// `layout: home`; `404.html`: `permalink: /404.html`), and
    /// jekyll-seo-tag titles them with the site's title. Found by their
    /// `permalink` (`/`, `/index.html`, `/404.html`, `/404/`) or, without
    /// one, as `index.*` or `404.*` at the top of the source. And a page
    /// whose layout tests `page.title` before printing it (`{% if
    /// page.title %}`, a `default` filter): the theme handles a page
    /// without one. Zola: a page whose own `template` never shows a title
    /// (blog.rust-lang.org's `latest.html` writes a redirect). Hugo: never.
    pub fn untitled_by_design(&self, post: &Post) -> bool {
        if let Generator::Zola(z) = self {
            return crate::zola::template::untitled(z, post);
        }
        let Generator::Jekyll(j) = self else {
            return false;
        };
        if crate::jekyll::index::role(j, &post.content_path) != crate::jekyll::index::Role::Page {
            return false;
        }
        let home_or_404 = match self.page_field(post, "permalink").and_then(|n| n.as_str()) {
            Some(p) => matches!(p.trim(), "/" | "/index.html" | "/404.html" | "/404/"),
            None => {
                !post.content_path.contains('/')
                    && matches!(post.content_path.split('.').next(), Some("index" | "404"))
            }
        };
        home_or_404
            || self
                .page_field(post, "layout")
                .and_then(|n| n.as_str())
                .is_some_and(|layout| crate::jekyll::layout::tests_title(j, layout.trim()))
    }
}

// image-alt: which images the generator publishes, and how.
impl Generator {
    /// Whether raw HTML written in Markdown reaches the page: Hugo 0.168
    /// drops it (`<!-- raw HTML omitted -->`) unless
    /// `markup.goldmark.renderer.unsafe`; kramdown (Jekyll) keeps it.
    pub fn keeps_raw_html(&self) -> bool {
        match self {
            Generator::Hugo(h) => h.goldmark_unsafe,
            // pulldown-cmark (Zola 0.22.1) keeps raw HTML.
            Generator::Jekyll(_) | Generator::Zola(_) => true,
        }
    }

    /// The byte ranges of a post whose text the generator does not publish
    /// as markup, beyond code: on Jekyll, Liquid `{% comment %}` and `{%
    /// highlight %}` blocks, the branches of `{% if %}` (not evaluated) and
    /// `{% raw %}` blocks. Hugo: none (shortcode comments are read with the
    /// outline). Reads the post's text on Jekyll.
    pub fn not_markup(&self, post: &Post) -> Vec<std::ops::Range<usize>> {
        match self {
            Generator::Hugo(_) | Generator::Zola(_) => Vec::new(),
            Generator::Jekyll(_) => crate::jekyll::links::not_markup(&post.source),
        }
    }

    /// Whether a span attribute list right after a Markdown image
    /// (`![](x.png){: alt="…"}`) sets its attributes: kramdown's (Jekyll)
    /// does; goldmark (Hugo) writes it as text.
    pub fn reads_span_attributes(&self) -> bool {
        matches!(self, Generator::Jekyll(_))
    }

    /// Whether a `{{< figure >}}` is Hugo 0.168's own figure shortcode
    /// (which writes `alt` from `alt`, else from `caption`): on Hugo, when
    /// neither the site nor its themes define a `figure` shortcode of
    /// their own. Jekyll runs no shortcodes.
    pub fn builtin_figure(&self) -> bool {
        let Generator::Hugo(h) = self else {
            return false;
        };
        let mut roots = vec![h.root.clone()];
        roots.extend(h.themes.iter().map(|t| h.root.join("themes").join(t)));
        !roots.iter().any(|root| {
            ["layouts/_shortcodes", "layouts/shortcodes"]
                .iter()
                .any(|dir| {
                    std::fs::read_dir(root.join(dir)).is_ok_and(|entries| {
                        entries.flatten().any(|e| {
                            e.file_name()
                                .to_str()
                                .is_some_and(|n| n.starts_with("figure."))
                        })
                    })
                })
        })
    }
}

// Front matter schemas (`required-front-matter`'s `schema` option): how the
// generator reads keys, which keys are its own, where its data files are.
impl Generator {
    /// Whether front matter keys are read case-insensitively: Hugo
    /// lower-cases them (`Title` is `.Title`); Jekyll keeps them as written
    /// (`Title` is `page.Title`, not `page.title`).
    pub fn keys_ignore_case(&self) -> bool {
        matches!(self, Generator::Hugo(_))
    }

    /// The front matter keys the generator (and, on Jekyll, the plugins the
    /// site enables) reads itself: never unknown to a schema. Hugo 0.168's
    /// page fields, its date keys and embedded templates' keys, and the
    /// site's taxonomies; Jekyll 4.3.1's keys, its taxonomies, and the keys
    /// of jekyll-redirect-from, jekyll-seo-tag and jekyll-sitemap.
    pub fn own_front_matter_keys(&self) -> Vec<String> {
        const HUGO: &[&str] = &[
            "aliases",
            "build",
            "cascade",
            "date",
            "description",
            "draft",
            "expirydate",
            "headless",
            "iscjklanguage",
            "keywords",
            "lastmod",
            "layout",
            "linktitle",
            "markup",
            "menu",
            "menus",
            "outputs",
            "params",
            "publishdate",
            "pubdate",
            "published",
            "modified",
            "unpublishdate",
            "resources",
            "sitemap",
            "slug",
            "summary",
            "title",
            "translationkey",
            "type",
            "url",
            "weight",
            "images",
            "videos",
            "audio",
            "series",
            "_build",
        ];
        const JEKYLL: &[&str] = &[
            "layout",
            "permalink",
            "published",
            "date",
            "category",
            "categories",
            "tags",
            "title",
            "slug",
            "excerpt",
            "excerpt_separator",
            "render_with_liquid",
        ];
        // Zola 0.22.1's page and section front matter (components/content
        // front_matter/{page,section}.rs); unknown page keys build, unknown
        // section keys fail the build (`Unpublished::FailsBuild`).
        const ZOLA: &[&str] = &[
            "title",
            "description",
            "date",
            "updated",
            "weight",
            "draft",
            "slug",
            "path",
            "aliases",
            "authors",
            "in_search_index",
            "template",
            "taxonomies",
            "extra",
            "sort_by",
            "paginate_by",
            "paginate_path",
            "paginate_reversed",
            "insert_anchor_links",
            "transparent",
            "page_template",
            "render",
            "redirect_to",
            "generate_feeds",
        ];
        const PLUGINS: &[(&str, &[&str])] = &[
            ("jekyll-redirect-from", &["redirect_from", "redirect_to"]),
            (
                "jekyll-seo-tag",
                &[
                    "description",
                    "image",
                    "author",
                    "seo",
                    "lang",
                    "locale",
                    "last_modified_at",
                    "canonical_url",
                    "twitter",
                ],
            ),
            ("jekyll-sitemap", &["sitemap", "last_modified_at"]),
        ];
        let mut keys: Vec<String> = match self {
            Generator::Hugo(_) => HUGO.iter().map(|k| k.to_string()).collect(),
            Generator::Zola(_) => ZOLA.iter().map(|k| k.to_string()).collect(),
            Generator::Jekyll(j) => {
                let mut keys: Vec<String> = JEKYLL.iter().map(|k| k.to_string()).collect();
                for (plugin, own) in PLUGINS {
                    if j.plugins.iter().any(|p| p == plugin) {
                        keys.extend(own.iter().map(|k| k.to_string()));
                    }
                }
                keys
            }
        };
        for (singular, plural) in self.taxonomies() {
            keys.push(plural.clone());
            if self.kind() == GeneratorKind::Jekyll {
                keys.push(singular.clone());
            }
        }
        keys.extend(
            self.date_keys()
                .iter()
                .filter(|k| !k.starts_with(':'))
                .cloned(),
        );
        if self.keys_ignore_case() {
            for k in &mut keys {
                *k = k.to_ascii_lowercase();
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }

    /// The folders data files are read from, the site's first: Hugo's
    /// `data/` (and each theme's), Jekyll's `data_dir` (`_data/`) in the
    /// source folder.
    pub fn data_dirs(&self) -> Vec<PathBuf> {
        match self {
            Generator::Hugo(h) => std::iter::once(h.root.join("data"))
                .chain(
                    h.themes
                        .iter()
                        .map(|t| h.root.join("themes").join(t).join("data")),
                )
                .collect(),
            Generator::Jekyll(j) => vec![j.source.join(&j.data_dir)],
            // Zola has no data folder: templates' `load_data` takes a path
            // from the site's root, and so does `data-key` (`data/authors`).
            Generator::Zola(z) => vec![z.root.clone()],
        }
    }

    /// The data file extensions a schema's `data-key` reads, in the order
    /// they are looked for (both generators also read CSV, whose rows
    /// have no keys, and Hugo XML: not read).
    pub fn data_extensions(&self) -> &'static [&'static str] {
        match self {
            Generator::Hugo(_) => &["yaml", "yml", "toml", "json"],
            Generator::Jekyll(_) => &["yml", "yaml", "json"],
            Generator::Zola(_) => &["toml", "yaml", "yml", "json"],
        }
    }

    /// Whether a front matter string is a date the generator reads as one:
    /// Hugo's layouts (`2024-01-02`, RFC 3339, `2024-01-02 15:04`…), as its
    /// `time.AsTime` and the front matter dates do; Jekyll's `Time.parse`
    /// forms, as its `date` filter does.
    pub fn reads_as_date(&self, node: &Node) -> bool {
        match &node.value {
            crate::document::Value::Datetime(_) => true,
            crate::document::Value::String(s) => match self {
                Generator::Hugo(_) => crate::hugo::date::parse(s).is_ok(),
                // A form bloglint does not model is given the benefit of
                // the doubt (`Time.parse` reads
                // `2023-01-29 18:30:22 2023 -0800`).
                Generator::Jekyll(_) => !matches!(
                    crate::jekyll::date::parse_value(s, node.quote != crate::document::Quote::None,),
                    Err(crate::jekyll::date::DateError::Invalid)
                ),
                Generator::Zola(_) => crate::zola::date_check::zola_reads(s),
            },
            _ => false,
        }
    }

    /// Whether a path is a file of the asset folders a theme reads with
    /// `resources.Get` (Hugo's `assets/`, the site's and each theme's).
    pub fn is_asset(&self, path: &str) -> bool {
        let Generator::Hugo(h) = self else {
            return false;
        };
        let rel = path.trim_start_matches('/');
        if rel.is_empty() || rel.split('/').any(|s| s == "..") {
            return false;
        }
        std::iter::once(h.root.clone())
            .chain(h.themes.iter().map(|t| h.root.join("themes").join(t)))
            .any(|r| r.join("assets").join(rel).is_file())
    }
}

// front-matter-syntax on Zola: front matter that parses, yet Zola 0.22.1
// refuses the file and fails the build.
impl Generator {
    /// Why the generator fails the build on this file's front matter though
    /// it parses: none, no front matter, JSON, a key a section does not
    /// have, an undeclared taxonomy (Zola).
    pub fn front_matter_refused(&self, post: &Post) -> Option<&'static str> {
        let Generator::Zola(z) = self else {
            return None;
        };
        let info = crate::zola::index::FileInfo::new(z, &post.content_path);
        crate::zola::index::fails_build(z, post, &info)
    }
}

// required-front-matter on Zola: what a page without a date becomes.
impl Generator {
    /// The help of a missing `date`, where the generator's differs from
    /// Hugo's (Zola 0.22.1: a section sorted by date leaves the page out).
    pub fn missing_date_help(&self) -> Option<&'static str> {
        match self {
            Generator::Zola(_) => Some(
                "add `date = YYYY-MM-DD` to the front matter (or start the file name with `YYYY-MM-DD-`); in a section sorted by date, Zola does not write a page without one (a warning in its build log), yet lists it in the sitemap",
            ),
            _ => None,
        }
    }
}

// taxonomy-spelling on Zola: where a page's terms are written.
impl Generator {
    /// The front matter value of a page's terms under `key` (one of
    /// `term_keys`): at the top level (Hugo, Jekyll), in the
    /// `[taxonomies]` table (Zola 0.22.1).
    pub fn term_field<'p>(&self, post: &'p Post, key: &str) -> Option<&'p Node> {
        match self {
            Generator::Zola(_) => post.field("taxonomies")?.as_table()?.value(key),
            _ => post.field(key),
        }
    }
}

// alias-collision on Zola: the alias its own check catches.
impl Generator {
    /// Why the build fails on an alias at the URL of another content file,
    /// where it does: Zola 0.22.1 compares each alias, as written, with the
    /// paths of the other pages and sections (`/about/`), and fails ("Found
    /// path collisions") when they are equal; `/about` or `about/` pass,
    /// and the page is written over the redirect.
    pub fn alias_fails_build(&self, written: &str, url: &str) -> Option<&'static str> {
        match self {
            Generator::Zola(_) if written == url => Some(
                "Zola fails the build on an alias written as another page's path (\"Found path collisions\"). Remove the alias, or point it elsewhere",
            ),
            _ => None,
        }
    }
}
