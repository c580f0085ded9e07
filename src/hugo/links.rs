//! `broken-link` on Hugo sites: Markdown links, images and `ref`/`relref` shortcodes that
//! lead nowhere on the published site, or to a heading that is not there.
//!
//! `ref`/`relref` are resolved as Hugo's `getPageRef` does
//! (`hugolib/pagecollections.go`, checked with Hugo 0.168): page-relative,
//! then from the content root, then by a unique base name. Markdown links go
//! through the site's link render hook when it has one (Hugo's embedded hook
//! or the site's own, modelled on the Hugo docs' hook: page, page resource,
//! section resource, global resource), then to the browser: resolved against
//! the page's published URL and looked up among every published URL.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
// Pages are checked in parallel: lazily computed parts are `OnceLock`s.
use std::sync::{Mutex, OnceLock as OnceCell};

use rayon::prelude::*;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::document::{Link, LinkKind, PageKind, Post, RefShortcode, Value, is_html_content};
use crate::hugo::config::{HugoConfig, UseEmbedded};
use crate::hugo::urls;
use crate::rules::Context;
use crate::rules::broken_link::META;
use crate::site::index::{Served, SiteIndex};
use crate::site::links::{
    broken as error, browser_join, fragment_fix, is_site_path, last_segment, rooted_join,
    split_url, writable,
};
use crate::site::model::Unpublished;
use crate::suggest::{Nearest, closest};

/// Check every link of every page of a Hugo site (`broken-link`).
pub fn check(site: &SiteIndex, hugo: &HugoConfig, cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut links = Links::new(site, hugo);
    links.unparsed(&cx.unparsed);
    // Every finding is located in the page whose link it is about.
    let found: Vec<Vec<Diagnostic>> = (0..site.pages.len())
        .into_par_iter()
        .filter(|&i| cx.reports(&site.pages[i].post.path))
        .map(|i| {
            let mut found = Vec::new();
            links.check_page(i, &mut found);
            found
        })
        .collect();
    out.extend(found.into_iter().flatten());
    if !hugo.allow_html_content {
        for page in &site.pages {
            let post = page.post;
            if is_html_content(&post.content_path) && cx.reports(&post.path) {
                out.push(html_denied(post.content_path.as_str()).in_file(post.path.clone()));
            }
        }
    }
}

/// An HTML content file on a site whose `security.allowContent` does not
/// let `text/html` through: Hugo (>= 0.162) fails the build on it, and
/// every link to it or from it with it.
fn html_denied(content_path: &str) -> Diagnostic {
    error(
        0..0,
        format!(
            "Hugo fails the build on {content_path}: access denied: \"text/html\" is not whitelisted in policy \"security.allowContent\""
        ),
        "HTML content denied",
        Some("allow it in the site configuration: `[security] allowContent = ['! ^text/org$']` (Hugo's default denies `^text/html$` and `^text/org$`), or write the page in Markdown".into()),
    )
}

/// Who renders a Markdown link or image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hook {
    /// Nobody: the destination is published as written.
    None,
    /// Hugo's embedded render hook: page, page resource, global resource.
    Embedded,
    /// The site's own (or its theme's) render hook.
    Own,
}

/// A node of Hugo's content tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Node<'s> {
    /// A content page, by index.
    Page(usize),
    /// A section without `_index.md`, a taxonomy, a term or the home page
    /// without content: by URL.
    List(&'s str),
}

/// What a page lookup finds.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Lookup<'s> {
    Found(Node<'s>),
    /// The unique base name fallback found several pages.
    Ambiguous(Vec<Node<'s>>),
    /// Only a page Hugo leaves out of a production build.
    Unpublished(usize),
    Missing,
}

/// What a render hook finds.
enum Reached {
    Page(usize),
    /// A list without content, or a file: nothing more to check.
    Other,
}

/// Why a destination has no site path.
enum Miss {
    /// A relative link in a page rendered only inside others.
    Hidden,
    /// A relative link that climbs above the site's base path.
    Outside,
    /// A root-relative link without the baseURL's sub-path.
    NoBasePath,
}

/// A page lookup: from which page, in which language, how.
struct Query<'q> {
    from: usize,
    lang: &'q str,
    /// `ref`/`relref` (with the base name fallback), not `GetPage`.
    reflink: bool,
    has_ext: bool,
    /// The path as written, without a trailing slash.
    in_ref: &'q str,
}

/// The ids a link can target on a page.
struct Ids {
    /// The pages whose own ids count: the page and those it includes.
    pages: Vec<usize>,
    /// The page has a Markdown shortcode without arguments on a line of its
    /// own, which may write headings bloglint cannot see (`{{% glossary %}}`).
    uncertain: bool,
}

/// What link resolution looks up, made from the index once and kept with
/// it ([`SiteIndex::link_tables`]): the language server checks the links
/// of one edited page against an index it keeps, and making these over
/// every page took most of that (100,000 pages: 60 ms). Keys are owned
/// (the index holds them); a `(lang, path)` key hashes as the borrowed one
/// did, so that iteration orders, and the suggestions made from them, are
/// the same.
pub(crate) struct Tables {
    /// Hugo's content tree, per language: page base path (`/posts/a`) → pages.
    by_base: HashMap<(String, String), Vec<usize>>,
    /// Lists without a content file, per language and base path: URL.
    lists: HashMap<(String, String), String>,
    /// Nodes by base name (`a` for `posts/a.md` and `a/index.md`), for the
    /// `ref` fallback.
    by_name: HashMap<(String, String), Vec<Named>>,
    /// URLs pages would have if they were published.
    unpublished_urls: HashMap<String, usize>,
    /// URLs of pages Hugo never writes (`build.render`, headless).
    not_rendered_urls: HashMap<String, usize>,
    /// Pages Hugo never renders: headless, `build.render: never`, also
    /// through a `cascade`. Their Markdown is rendered inside other pages.
    hidden: Vec<bool>,
}

/// A [`Node`] as [`Tables`] keeps it.
enum Named {
    Page(usize),
    List(String),
}

impl Named {
    fn node(&self) -> Node<'_> {
        match self {
            Named::Page(j) => Node::Page(*j),
            Named::List(url) => Node::List(url),
        }
    }
}

impl Tables {
    fn new(site: &SiteIndex, hugo: &HugoConfig) -> Tables {
        let mut by_base: HashMap<(String, String), Vec<usize>> = HashMap::default();
        let mut by_name: HashMap<(String, String), Vec<Named>> = HashMap::default();
        let mut unpublished_urls = HashMap::default();
        for (i, page) in site.pages.iter().enumerate() {
            let base = base_of(&page.post.content_path, &hugo.languages);
            if is_left_out(page.unpublished.as_ref()) {
                unpublished_urls.entry(page.url.clone()).or_insert(i);
            }
            let name = last_segment(&base).to_string();
            if !name.is_empty() {
                by_name
                    .entry((page.lang.clone(), name))
                    .or_default()
                    .push(Named::Page(i));
            }
            by_base
                .entry((page.lang.clone(), base))
                .or_default()
                .push(i);
        }
        let mut lists = HashMap::default();
        for (url, served) in &site.urls {
            let list = served.iter().any(|s| {
                matches!(
                    s,
                    Served::Section(_) | Served::Taxonomy(_) | Served::Term(..)
                )
            });
            if !list {
                continue;
            }
            let (lang, base) = split_language(url, hugo);
            let name = last_segment(&base).to_string();
            if !name.is_empty() {
                by_name
                    .entry((lang.to_string(), name))
                    .or_default()
                    .push(Named::List(url.clone()));
            }
            lists.insert((lang.to_string(), base), url.clone());
        }
        // The home page exists without `_index.md`.
        for lang in &hugo.languages {
            let url = site
                .urls
                .get_key_value(&urls::normalize(&urls::language_prefix(lang, hugo)))
                .map_or("/", |(k, _)| k.as_str());
            lists
                .entry((lang.clone(), "/".to_string()))
                .or_insert_with(|| url.to_string());
        }
        let hidden = hidden_pages(site);
        Tables {
            by_base,
            lists,
            by_name,
            unpublished_urls,
            not_rendered_urls: hidden
                .iter()
                .enumerate()
                .filter(|(j, h)| **h && site.pages[*j].url != "/")
                .map(|(j, _)| (site.pages[j].url.clone(), j))
                .collect(),
            hidden,
        }
    }

    /// The index's tables, made on first use.
    fn of<'s>(site: &'s SiteIndex, hugo: &HugoConfig) -> &'s Tables {
        site.hugo_links
            .get_or_init(|| crate::timing("link tables", || Tables::new(site, hugo)))
    }
}

/// The site, indexed for link resolution once.
struct Links<'s, 'a> {
    site: &'s SiteIndex<'a>,
    hugo: &'s HugoConfig,
    link_hook: Hook,
    image_hook: Hook,
    /// The lookup tables, made once per index ([`Tables`]).
    tables: &'s Tables,
    ids: Vec<OnceCell<Ids>>,
    /// The ids written in each page itself.
    own_ids: Vec<OnceCell<HashSet<String>>>,
    /// Per linking page, the candidates "did you mean" may still compare
    /// for its broken anchors (see [`SUGGESTIONS`]).
    suggestions_left: Vec<AtomicUsize>,
    /// Table cells the indexed searches may still compute.
    cells_left: AtomicUsize,
    /// For each page, the pages that include it.
    includers: OnceCell<Vec<Vec<usize>>>,
    assets: Vec<PathBuf>,
    /// Whether a path is a file of the assets directories, as found.
    asset_files: Mutex<HashMap<String, bool>>,
    /// Each page's base path in `by_base`.
    page_bases: OnceCell<Vec<Option<String>>>,
    /// Content files whose front matter does not parse: the URLs their
    /// path gives them, and their base paths (`/posts/a`).
    unparsed_urls: HashSet<String>,
    unparsed_bases: HashSet<String>,
    /// For shortcode names and page types (`layout:` + type): the template
    /// that may write ids bloglint cannot see, as a phrase; `None` when
    /// it writes none.
    unseen: Mutex<HashMap<String, Option<String>>>,
    /// Per page, [`Links::unseen_ids`], once.
    unseen_pages: Vec<OnceCell<Option<String>>>,
    /// The `_redirects` the site generates, as far as bloglint can read it.
    generated: crate::site::redirects::Generated,
    /// Published URLs for typo suggestions: pages and lists, then files.
    nearest_urls: [OnceCell<Nearest>; 2],
    /// Page base paths for typo suggestions, per language.
    nearest_bases: OnceCell<HashMap<&'s str, Nearest>>,
}

impl<'s, 'a> Links<'s, 'a> {
    fn new(site: &'s SiteIndex<'a>, hugo: &'s HugoConfig) -> Links<'s, 'a> {
        Links {
            site,
            hugo,
            link_hook: hook(hugo, "render-link", hugo.link_hook),
            image_hook: hook(hugo, "render-image", hugo.image_hook),
            tables: Tables::of(site, hugo),
            ids: site.pages.iter().map(|_| OnceCell::new()).collect(),
            own_ids: site.pages.iter().map(|_| OnceCell::new()).collect(),
            unparsed_urls: HashSet::default(),
            unparsed_bases: HashSet::default(),
            suggestions_left: site
                .pages
                .iter()
                .map(|_| AtomicUsize::new(SUGGESTIONS))
                .collect(),
            cells_left: AtomicUsize::new(SUGGESTION_CELLS),
            includers: OnceCell::new(),
            assets: std::iter::once(hugo.root.join("assets"))
                .chain(
                    hugo.themes
                        .iter()
                        .map(|t| hugo.root.join("themes").join(t).join("assets")),
                )
                .collect(),
            asset_files: Mutex::new(HashMap::default()),
            page_bases: OnceCell::new(),
            unseen: Mutex::new(HashMap::default()),
            unseen_pages: site.pages.iter().map(|_| OnceCell::new()).collect(),
            generated: crate::site::redirects::generated(hugo),
            nearest_urls: [OnceCell::new(), OnceCell::new()],
            nearest_bases: OnceCell::new(),
        }
    }

    fn check_page(&self, i: usize, out: &mut Vec<Diagnostic>) {
        let post = self.site.pages[i].post;
        let mut seen = HashSet::default();
        for link in &post.outline.links {
            // A reference definition is checked at its first use, and
            // reported once; one that nothing uses writes no link.
            if link.kind != LinkKind::Definition
                && seen.insert(link.dest_span.start)
                && let Some(d) = self.check_link(i, link)
            {
                out.push(d.in_file(post.path.clone()));
            }
        }
        for r in &post.outline.refs {
            if let Some(d) = self.check_ref(i, r) {
                out.push(d.in_file(post.path.clone()));
            }
        }
    }

    // Markdown links and images

    fn check_link(&self, i: usize, link: &Link) -> Option<Diagnostic> {
        let dest = link.dest.trim();
        let image = link.kind == LinkKind::Image;
        let hook = self.hook_for(link);
        let span = link.dest_span.clone();
        if hook == Hook::Embedded
            && let Some(scheme) = unsafe_scheme(dest)
        {
            return Some(error(
                span,
                format!(
                    "Hugo's embedded render hook writes `{scheme}:` URLs as `#ZgotmplZ`: the link goes nowhere"
                ),
                "becomes #ZgotmplZ",
                Some("Go templates only let http, https and mailto URLs through: write the link in HTML, or use a render hook of your own".into()),
            ));
        }
        if let Some(d) = self.unparsable(link, hook) {
            return Some(d);
        }
        if !is_site_path(dest) {
            return None;
        }
        let (path, fragment) = split_url(dest);
        if path.is_empty() {
            let fragment = fragment?;
            return self.same_page_fragment(i, &fragment, span);
        }
        if hook != Hook::None {
            match self.via_hook(i, &path, hook, image) {
                Some(Reached::Page(j)) => {
                    return self.landed(i, j, fragment.as_deref(), span, dest);
                }
                Some(Reached::Other) => return None,
                None => {}
            }
        }
        let fragment = fragment.as_deref();
        let contexts = self.contexts(i);
        let several = contexts.len() > 1;
        let mut found = contexts
            .into_iter()
            .find_map(|c| self.check_published(i, c, link, &path, fragment))?;
        if several {
            // Rendered in several pages: one destination may not suit all.
            found.fix = None;
        }
        Some(found)
    }

    /// A destination Go's `url.Parse` rejects (a colon in the first path
    /// segment, without a scheme: `"https://x"` in quotes, `:x`): Hugo's
    /// embedded render hooks fail the build on it (checked with Hugo
    /// 0.168); without a hook it is published as a relative path.
    fn unparsable(&self, link: &Link, hook: Hook) -> Option<Diagnostic> {
        let dest = link.dest.trim();
        if dest.contains("{{") || !is_site_path(dest) {
            return None;
        }
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        let first = path.split('/').next().unwrap_or(path);
        if path.starts_with('/') || !first.contains(':') {
            return None;
        }
        let quoted = dest.len() > 1
            && (dest.starts_with('"') && dest.ends_with('"')
                || dest.starts_with('\'') && dest.ends_with('\''));
        let help = quoted.then(|| "write the URL without the quotes".to_string());
        let span = link.dest_span.clone();
        match hook {
            Hook::Embedded => Some(error(
                span,
                format!(
                    "Hugo's embedded render hook fails the build on `{dest}`: Go's urls.Parse rejects a colon before the first `/` without a scheme"
                ),
                "fails the build",
                help,
            )),
            Hook::None if quoted => Some(error(
                span,
                format!("`{dest}` is written in quotes: it is published as a relative path"),
                "quoted URL",
                help,
            )),
            _ => None,
        }
    }

    fn hook_for(&self, link: &Link) -> Hook {
        match link.kind {
            LinkKind::Image => self.image_hook,
            _ => self.link_hook,
        }
    }

    /// A `#fragment` alone: on the page, or on each page that includes it.
    fn same_page_fragment(
        &self,
        i: usize,
        fragment: &str,
        span: Range<usize>,
    ) -> Option<Diagnostic> {
        if self.tables.hidden[i] && self.includers(i).is_empty() {
            return None;
        }
        let contexts = self.contexts(i);
        let several = contexts.len() > 1;
        let mut problems = contexts
            .into_iter()
            .filter_map(|c| self.fragment_problem(i, c, fragment, span.clone()));
        let mut first = problems.next()?;
        let others = problems.count();
        if others > 0 {
            first.message.push_str(&format!(
                " (nor do {others} other pages that include this file)"
            ));
        }
        if several {
            // The file is rendered in several pages: one id may not suit all.
            first.fix = None;
        }
        Some(first)
    }

    /// Where the links of page `i` are rendered: the page itself, or the
    /// pages that include it when Hugo does not render it.
    fn contexts(&self, i: usize) -> Vec<usize> {
        let includers = self.includers(i);
        if self.tables.hidden[i] && !includers.is_empty() {
            includers.to_vec()
        } else {
            vec![i]
        }
    }

    /// The pages that include page `k` with a Markdown-notation shortcode.
    fn includers(&self, k: usize) -> &[usize] {
        let all = self.includers.get_or_init(|| {
            let mut all = vec![Vec::new(); self.site.pages.len()];
            for j in 0..self.site.pages.len() {
                for &included in &self.ids(j).pages[1..] {
                    if included != j && !all[included].contains(&j) {
                        all[included].push(j);
                    }
                }
            }
            all
        });
        all.get(k).map_or(&[], Vec::as_slice)
    }

    /// A link of page `i` (its decoded `path` and `fragment`), rendered in
    /// page `c`, as published: what the browser finds.
    fn check_published(
        &self,
        i: usize,
        c: usize,
        link: &Link,
        path: &str,
        fragment: Option<&str>,
    ) -> Option<Diagnostic> {
        let (dest, span) = (link.dest.trim(), link.dest_span.clone());
        let (hook, image) = (self.hook_for(link), link.kind == LinkKind::Image);
        let base = self.site.base_path.as_str();
        let site_path = match self.browse(c, path) {
            Ok(p) => p,
            Err(Miss::Hidden) => return None,
            Err(Miss::Outside) => {
                return Some(error(
                    span,
                    format!("`{dest}` climbs above the site's base path `{base}/`"),
                    "outside the site",
                    None,
                ));
            }
            Err(Miss::NoBasePath) => {
                if self.served(path).is_none() && self.unpublished_at(path).is_none() {
                    // Another site on the same host, perhaps: not checked.
                    return None;
                }
                return Some(error(
                    span,
                    format!(
                        "`{dest}` leaves out the base path `{base}` of the baseURL: broken on the published site"
                    ),
                    "missing the base path",
                    Some(format!("write `{base}{path}`")),
                ));
            }
        };
        if let Some(served) = self.served(&site_path) {
            return self.landed_served(i, served, fragment, span, dest);
        }
        let on_host = format!("{base}{site_path}");
        if self.site.host_redirects.iter().any(|r| r.matches(&on_host)) {
            // The host redirects it (`_redirects`, `netlify.toml`).
            return None;
        }
        if let Some(d) = self.html_twin(i, c, link, path, &site_path, fragment) {
            return d;
        }
        if let Some(j) = self.unpublished_at(&site_path) {
            return Some(self.unpublished(i, j, span, dest, false));
        }
        if self.reaches_unparsed(i, path, Some(&site_path))
            || (hook != Hook::None
                && has_content_extension(path)
                && self.reaches_unparsed(i, path, None))
        {
            return None;
        }
        if let Some(j) = self.not_rendered_at(&site_path) {
            // A page that exists, but that Hugo does not write.
            return self.landed(i, j, fragment, span, dest);
        }
        let lang = self.site.pages[i].lang.as_str();
        let page = match self.get_page(i, lang, path, false) {
            Lookup::Unpublished(j) => return Some(self.unpublished(i, j, span, dest, false)),
            Lookup::Found(Node::Page(j)) if !self.tables.hidden[j] => Some(j),
            _ => None,
        };
        if let Some(j) = page.filter(|_| has_content_extension(path)) {
            let url = self.public_url(&self.site.pages[j].url);
            return Some(error(
                span,
                format!("`{dest}` links to a Markdown file, which Hugo does not publish"),
                "the .md is not published",
                Some(format!(
                    "link to `{url}`, use {{{{< relref \"{path}\" >}}}}, or set `markup.goldmark.renderHooks.link.useEmbedded = 'fallback'`"
                )),
            ));
        }
        if hook == Hook::Own && fragment.is_none() && is_bare_word(path) {
            // A word the site's hook may give a meaning (the Hugo docs'
            // `[term](g)` glossary links).
            return None;
        }
        let (help, fix) = match page {
            Some(j) => (Some(self.public_url(&self.site.pages[j].url)), None),
            None => (
                self.suggest_url(&site_path),
                self.url_fix(i, c, link, path, &site_path),
            ),
        };
        let full = format!("{base}{site_path}");
        let mut message = if path.starts_with('/') {
            format!("nothing is published at `{full}`")
        } else {
            format!("`{dest}` resolves to `{full}`, where nothing is published")
        };
        if c != i && !path.starts_with('/') {
            let includer = self.name(c);
            message.push_str(&format!(" (from {includer}, which includes this file)"));
        }
        let what = if image { "broken image" } else { "broken link" };
        if let Some(rule) = self.generated_rule(&on_host) {
            // The host may redirect it: bloglint cannot tell.
            message.push_str(&format!(
                ", unless {rule} redirects it: bloglint cannot expand templates"
            ));
            let mut d = Diagnostic::new(META.name, Severity::Warning, span, message)
                .with_label("perhaps redirected");
            if let Some(h) = help {
                d = d.with_help(format!("did you mean `{h}`?"));
            }
            return Some(d);
        }
        let d = error(
            span,
            message,
            what,
            help.map(|h| format!("did you mean `{h}`?")),
        );
        Some(with_fix(d, fix))
    }

    /// The rule of the `_redirects` the site generates that may match a
    /// host path, for messages.
    fn generated_rule(&self, on_host: &str) -> Option<String> {
        let g = &self.generated;
        if !g.defined {
            return None;
        }
        let shown = |f: &Path| {
            f.strip_prefix(&self.hugo.root)
                .unwrap_or(f)
                .display()
                .to_string()
        };
        if g.templates.is_empty() {
            return Some(
                "the `_redirects` the site generates (with a template bloglint did not find)"
                    .into(),
            );
        }
        let (file, line) = g.may_match(on_host)?;
        Some(format!(
            "a rule of the `_redirects` the site generates ({}:{line}, written by a template)",
            shown(file)
        ))
    }

    /// A link without extension to what Hugo writes as `x.html`
    /// (`uglyURLs`, an `.html` static file): `Some` with what to report.
    /// Netlify, Cloudflare Pages and GitHub Pages serve `/x` from `/x.html`;
    /// a bare web server or a storage bucket does not.
    fn html_twin(
        &self,
        i: usize,
        c: usize,
        link: &Link,
        path: &str,
        site_path: &str,
        fragment: Option<&str>,
    ) -> Option<Option<Diagnostic>> {
        if site_path.ends_with('/') || has_extension(site_path) {
            return None;
        }
        let html = format!("{site_path}.html");
        let served = self.site.lookup(&urls::normalize(&html))?;
        if served.is_empty() || served.iter().all(|s| matches!(s, Served::Alias(..))) {
            return None;
        }
        if let Some(j) = served.iter().find_map(|s| match s {
            Served::Page(j) => Some(*j),
            _ => None,
        }) && let Some(d) = self.landed(i, j, fragment, link.dest_span.clone(), link.dest.trim())
        {
            return Some(Some(d));
        }
        let dest = link.dest.trim();
        let full = format!("{}{html}", self.site.base_path);
        // Appending `.html` to the path as written reaches the same file on
        // every host.
        let fix = self
            .respell_path(i, &link.dest, &link.dest_span, path)
            .filter(|_| c == i)
            .map(|written| {
                let at = link.dest_span.start + written.len();
                Fix::replace(
                    Applicability::Safe,
                    format!("link to `{written}.html`"),
                    at..at,
                    ".html",
                )
            });
        let d = Diagnostic::new(
            META.name,
            Severity::Info,
            link.dest_span.clone(),
            format!(
                "`{dest}` is published at `{full}`: Netlify, Cloudflare Pages and GitHub Pages serve it without the `.html`, other hosts (a plain web server, a storage bucket) do not"
            ),
        )
        .with_label("`.html` left out")
        .with_help(format!("link to `{full}`, which every host serves"));
        Some(Some(with_fix(d, fix)))
    }

    /// What the render hook finds for a path.
    fn via_hook(&self, i: usize, path: &str, hook: Hook, image: bool) -> Option<Reached> {
        let path = match hook {
            Hook::Embedded => path.strip_prefix("./").unwrap_or(path),
            _ => path,
        };
        if !image {
            let lang = self.site.pages[i].lang.as_str();
            match self.get_page(i, lang, path, false) {
                Lookup::Found(Node::Page(j)) => return Some(Reached::Page(j)),
                Lookup::Found(Node::List(_)) => return Some(Reached::Other),
                _ => {}
            }
        }
        let file = self.page_resource(i, path)
            || (hook == Hook::Own && !image && self.section_resource(i, path))
            || self.global_resource(path);
        file.then_some(Reached::Other)
    }

    /// `Resources.Get`: a file of the page's bundle.
    fn page_resource(&self, i: usize, path: &str) -> bool {
        let page = &self.site.pages[i];
        let stem = file_stem(&page.post.content_path);
        if path.starts_with('/') || !(stem == "index" || stem == "_index") {
            return false;
        }
        let dir = page.url.rsplit_once('/').map_or("", |(d, _)| d);
        self.served(&format!("{dir}/{path}"))
            .is_some_and(|s| s.iter().any(|s| matches!(s, Served::Resource(_))))
    }

    /// `CurrentSection.Resources.Get`, for pages that are not leaf bundles.
    fn section_resource(&self, i: usize, path: &str) -> bool {
        let page = &self.site.pages[i];
        let cp = &page.post.content_path;
        if file_stem(cp) == "index" {
            return false;
        }
        let lang = page.lang.as_str();
        let mut dir = base_of(cp, &self.hugo.languages);
        if page.post.kind == PageKind::Page || page.post.kind == PageKind::TopLevel {
            dir = parent(&dir).to_string();
        }
        loop {
            if let Some(&j) = self
                .tables
                .by_base
                .get(&(lang.to_string(), dir.clone()))
                .and_then(|pages| pages.first())
                && file_stem(&self.site.pages[j].post.content_path) == "_index"
            {
                return self.page_resource(j, path);
            }
            if dir == "/" || parent(&dir) == "/" {
                return false;
            }
            dir = parent(&dir).to_string();
        }
    }

    /// `resources.Get`: a file of the assets directory.
    fn global_resource(&self, path: &str) -> bool {
        let rel = path.trim_start_matches('/');
        if rel.is_empty() || rel.split('/').any(|s| s == "..") {
            return false;
        }
        *self
            .asset_files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(rel.to_string())
            .or_insert_with(|| self.assets.iter().any(|dir| dir.join(rel).is_file()))
    }

    /// The site path (without the baseURL's sub-path) a browser requests
    /// for a destination of page `i`.
    fn browse(&self, i: usize, path: &str) -> Result<String, Miss> {
        let base = self.site.base_path.as_str();
        if path.starts_with('/') {
            // canonifyURLs and relativeURLs put the base path in front.
            if base.is_empty() || self.hugo.canonify_urls || self.hugo.relative_urls {
                return Ok(path.to_string());
            }
            return match path.strip_prefix(base) {
                Some("") => Ok("/".into()),
                Some(rest) if rest.starts_with('/') => Ok(rest.to_string()),
                _ => Err(Miss::NoBasePath),
            };
        }
        if self.tables.hidden[i] {
            return Err(Miss::Hidden);
        }
        let from = format!("{base}{}", self.site.pages[i].url);
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        let joined = browser_join(dir, path);
        match joined.strip_prefix(base) {
            Some(rest) if rest.starts_with('/') => Ok(rest.to_string()),
            Some("") => Ok("/".into()),
            _ => Err(Miss::Outside),
        }
    }

    /// What serves a site path: trailing slash optional, `index.html`
    /// implied. An empty slice for files Hugo generates (feeds, sitemap).
    fn served(&self, site_path: &str) -> Option<&'s [Served]> {
        let url = urls::normalize(site_path);
        let site = self.site;
        if let Some(s) = site.lookup(&url) {
            return Some(s);
        }
        if !url.ends_with('/')
            && let Some(s) = site.lookup(&format!("{url}/"))
        {
            return Some(s);
        }
        // The index writes resource URLs lower-cased with hyphens for
        // spaces; Hugo 0.168 publishes resources under their own names.
        if let Some(s) = site
            .lookup(&urls::sanitize_path(&url, self.hugo))
            .filter(|s| s.iter().any(|s| matches!(s, Served::Resource(_))))
        {
            return Some(s);
        }
        // Hugo renders a home page per language, with or without `_index.md`.
        let home = |u: &str| {
            self.hugo
                .languages
                .iter()
                .any(|l| urls::normalize(&urls::language_prefix(l, self.hugo)) == u)
        };
        let (dir, file) = url.rsplit_once('/').unwrap_or(("", &url));
        let dir = format!("{dir}/");
        // A list page's feed.
        let feed = || {
            home(&dir)
                || site.lookup(&dir).is_some_and(|s| {
                    s.iter().any(|s| match s {
                        Served::Page(j) => site.pages[*j].post.kind != PageKind::Page,
                        other => matches!(
                            other,
                            Served::Section(_) | Served::Taxonomy(_) | Served::Term(..)
                        ),
                    })
                })
        };
        let generated = home(&url)
            || match file {
                "index.xml" => feed(),
                "sitemap.xml" | "robots.txt" | "404.html" => home(&dir),
                _ => false,
            };
        generated.then_some(&[])
    }

    /// A page Hugo never writes (`build.render: link` or `never`, headless)
    /// whose URL is this site path.
    fn not_rendered_at(&self, site_path: &str) -> Option<usize> {
        let url = urls::normalize(site_path);
        let get = |u: &str| self.tables.not_rendered_urls.get(u).copied();
        get(&url).or_else(|| get(&format!("{url}/")))
    }

    /// A page's content file, for messages: with its language when another
    /// language has a file of that path (content folders per language).
    fn name(&self, j: usize) -> String {
        let page = &self.site.pages[j];
        let cp = &page.post.content_path;
        let shared = self
            .site
            .by_content_path
            .get(&cp.to_lowercase())
            .is_some_and(|pages| pages.iter().any(|&k| self.site.pages[k].lang != page.lang));
        if shared {
            format!("{cp} ({})", page.lang)
        } else {
            cp.clone()
        }
    }

    /// Why page `j` is not written, as its file says (`_build: {render:
    /// link}`), and whether it still has a URL (`render: link`).
    fn not_rendered(&self, j: usize) -> (String, bool) {
        let post = self.site.pages[j].post;
        let meta = urls::Meta::own(post);
        let link = urls::render_mode(&meta) == urls::Render::Link;
        if meta
            .field("headless")
            .is_some_and(|n| n.value == Value::Bool(true))
        {
            return ("is headless".into(), false);
        }
        for key in ["_build", "build"] {
            let render = post
                .field(key)
                .and_then(|b| b.as_table())
                .and_then(|t| t.value("render"));
            if let Some(v) = render.and_then(|n| scalar(&n.value)) {
                return (format!("has `{key}: {{render: {v}}}`"), link);
            }
        }
        (
            "is never rendered (a `cascade` sets `build.render: never`)".into(),
            false,
        )
    }

    /// Learn the content files whose front matter does not parse. Hugo
    /// stops on them (front-matter-syntax reports it); a link into one
    /// reaches a file that exists, at the URL its path gives it as far as
    /// can be known (its `slug` or `url` may not be readable): no second
    /// error, and no "did you mean" to another page.
    fn unparsed(&mut self, posts: &[&Post]) {
        for post in posts {
            let lang = urls::language(post, self.hugo);
            let base = base_of(&post.content_path, &self.hugo.languages);
            let prefix = urls::language_prefix(&lang, self.hugo);
            for url in [
                urls::page_url(post, &lang, self.hugo),
                format!("{}{base}", prefix.trim_end_matches('/')),
            ] {
                self.unparsed_urls.insert(urls::normalize(&url));
            }
            self.unparsed_bases.insert(base);
        }
    }

    /// Whether a link of page `i` to `path` reaches a content file whose
    /// front matter does not parse: by its URL (`site_path`, the link
    /// resolved on the site), else as a page path (`ref`, render hooks).
    fn reaches_unparsed(&self, i: usize, path: &str, site_path: Option<&str>) -> bool {
        if self.unparsed_bases.is_empty() {
            return false;
        }
        match site_path {
            Some(p) => self.unparsed_urls.contains(&urls::normalize(p)),
            None => self.unparsed_bases.contains(&self.wanted_base(i, path)),
        }
    }

    fn unpublished_at(&self, site_path: &str) -> Option<usize> {
        let url = urls::normalize(site_path);
        let get = |u: &str| self.tables.unpublished_urls.get(u).copied();
        get(&url).or_else(|| get(&format!("{url}/")))
    }

    /// A link that reached something published.
    fn landed_served(
        &self,
        i: usize,
        served: &[Served],
        fragment: Option<&str>,
        span: Range<usize>,
        dest: &str,
    ) -> Option<Diagnostic> {
        if let Some(j) = served.iter().find_map(|s| match s {
            Served::Page(j) => Some(*j),
            _ => None,
        }) {
            return self.landed(i, j, fragment, span, dest);
        }
        if served.iter().any(|s| !matches!(s, Served::Alias(..))) {
            return None;
        }
        let Some(&Served::Alias(j, _)) = served.first() else {
            return None;
        };
        let target = &self.site.pages[j];
        let url = self.public_url(&target.url);
        Some(
            Diagnostic::new(
                META.name,
                Severity::Info,
                span,
                format!(
                    "`{dest}` is an alias of {}: readers go through a redirect",
                    self.name(j)
                ),
            )
            .with_label("an alias")
            .with_help(format!("link to `{url}`")),
        )
    }

    /// A link that reached page `j`: is it rendered, has it the fragment?
    fn landed(
        &self,
        i: usize,
        j: usize,
        fragment: Option<&str>,
        span: Range<usize>,
        dest: &str,
    ) -> Option<Diagnostic> {
        if self.tables.hidden[j] {
            let (why, link) = self.not_rendered(j);
            let consequence = if link {
                "Hugo gives it a URL but writes no page there"
            } else {
                "Hugo writes no page for it"
            };
            return Some(error(
                span,
                format!(
                    "`{dest}` links to {}, which {why}: {consequence}",
                    self.name(j)
                ),
                if link {
                    "no page written"
                } else {
                    "never rendered"
                },
                None,
            ));
        }
        self.fragment_problem(i, j, fragment?, span)
    }

    // ref and relref

    fn check_ref(&self, i: usize, r: &RefShortcode) -> Option<Diagnostic> {
        let target = r.target.trim();
        if target.contains("{{") || (r.in_raw_html && !self.hugo.goldmark_unsafe) {
            // Hugo does not run a shortcode in raw HTML it drops.
            return None;
        }
        let page = &self.site.pages[i];
        let span = r.target_span.clone();
        let lang = match &r.lang {
            Some(l) if !self.hugo.languages.contains(l) => {
                return Some(error(
                    span,
                    format!("no language `{l}` in this site: Hugo fails the build (REF_NOT_FOUND)"),
                    "unknown language",
                    Some(format!("languages: {}", self.hugo.languages.join(", "))),
                ));
            }
            Some(l) => self
                .hugo
                .languages
                .iter()
                .find(|k| *k == l)
                .map_or(page.lang.as_str(), String::as_str),
            None => page.lang.as_str(),
        };
        let (path, fragment) = split_url(target);
        if path.is_empty() {
            let fragment = fragment?;
            return self.same_page_fragment(i, &fragment, span);
        }
        match self.get_page(i, lang, &path, true) {
            Lookup::Found(Node::Page(j)) => {
                if self.tables.hidden[j] {
                    let (why, link) = self.not_rendered(j);
                    let consequence = if link {
                        "the link goes to its URL, where Hugo writes no page"
                    } else {
                        "the link is empty"
                    };
                    return Some(error(
                        span,
                        format!("{} {why}: {consequence}", self.name(j)),
                        if link {
                            "no page written"
                        } else {
                            "never rendered"
                        },
                        None,
                    ));
                }
                self.fragment_problem(i, j, fragment.as_deref()?, span)
            }
            Lookup::Found(Node::List(_)) => None,
            Lookup::Unpublished(j) => Some(self.unpublished(i, j, span, target, true)),
            Lookup::Ambiguous(nodes) => Some(self.ambiguous(target, &nodes, span)),
            Lookup::Missing if self.reaches_unparsed(i, &path, None) => None,
            Lookup::Missing => {
                let elsewhere = self.hugo.languages.iter().find(|l| {
                    *l != lang && matches!(self.get_page(i, l, &path, true), Lookup::Found(_))
                });
                let (help, fix) = match elsewhere {
                    Some(l) => (
                        Some(format!(
                            "it exists in `{l}` only: add `lang=\"{l}\"`, or translate it"
                        )),
                        None,
                    ),
                    None => (
                        self.suggest_page(i, lang, &path)
                            .map(|h| format!("did you mean `{h}`?")),
                        self.ref_fix(i, lang, r, &path),
                    ),
                };
                let d = error(
                    span,
                    format!("no page matches `{path}`: Hugo fails the build (REF_NOT_FOUND)"),
                    "page not found",
                    help,
                );
                Some(with_fix(d, fix))
            }
        }
    }

    fn ambiguous(&self, target: &str, nodes: &[Node], span: Range<usize>) -> Diagnostic {
        let name = last_segment(&base_of(target, &self.hugo.languages)).to_string();
        let mut paths = Vec::new();
        let mut d = Diagnostic::new(
            META.name,
            Severity::Error,
            span,
            format!(
                "`{target}` is ambiguous: {} pages are named `{name}`; Hugo fails the build (REF_NOT_FOUND)",
                nodes.len()
            ),
        )
        .with_label("ambiguous");
        for node in nodes {
            match node {
                Node::Page(j) => {
                    let post = self.site.pages[*j].post;
                    paths.push(format!("`/{}`", post.content_path));
                    d = d.with_secondary(
                        Some(post.path.clone()),
                        post.front_matter_anchor(),
                        "one of them",
                    );
                }
                Node::List(url) => paths.push(format!("the list `{url}`")),
            }
        }
        d.with_help(format!(
            "write the path from the content root: {}",
            paths.join(" or ")
        ))
    }

    /// A link to a page left out of production builds. A `ref` from a
    /// published page fails the production build.
    fn unpublished(
        &self,
        i: usize,
        j: usize,
        span: Range<usize>,
        dest: &str,
        is_ref: bool,
    ) -> Diagnostic {
        let target = &self.site.pages[j];
        let why = target.unpublished.as_ref().map_or("", Unpublished::reason);
        let cp = self.name(j);
        let (severity, consequence) = if is_ref && self.site.pages[i].is_published() {
            (
                Severity::Error,
                "Hugo fails the production build (REF_NOT_FOUND)",
            )
        } else {
            (Severity::Warning, "the link is broken in production")
        };
        Diagnostic::new(
            META.name,
            severity,
            span,
            format!("`{dest}` links to {cp}, which is {why}: {consequence}"),
        )
        .with_label(format!("{why} page"))
        .with_help("publish the page, or link elsewhere")
    }

    // Fragments

    /// A fragment link to page `j` (from page `i`) that matches no id.
    fn fragment_problem(
        &self,
        i: usize,
        j: usize,
        fragment: &str,
        span: Range<usize>,
    ) -> Option<Diagnostic> {
        if fragment.is_empty() || fragment.eq_ignore_ascii_case("top") {
            return None;
        }
        if self.has_id(j, fragment) {
            return None;
        }
        let ids = self.ids(j).pages.iter().flat_map(|&k| self.own_ids(k));
        let found = closest(fragment, ids.map(String::as_str), &self.suggestions_left[i])
            .filter(|(id, _)| near_enough(fragment, id));
        let help = found.map(|(id, _)| format!("did you mean `#{id}`?"));
        let fix = found
            .filter(|(_, unique)| *unique)
            .and_then(|(id, _)| self.fragment_fix(i, &span, fragment, id));
        let cp = self.name(j);
        let whose = if i == j {
            "this page".to_string()
        } else if self.tables.hidden[i] && self.includers(i).contains(&j) {
            format!("{cp}, which includes this file,")
        } else {
            cp
        };
        let in_html = &self.site.pages[j].post.outline.html_ids;
        if in_html.iter().any(|id| id == fragment) {
            return Some(error(
                span,
                format!("the anchor `#{fragment}` on {whose} is in raw HTML, which Hugo drops"),
                "dropped anchor",
                Some("set `markup.goldmark.renderer.unsafe = true`, or give a heading the id with `{#id}`".into()),
            ));
        }
        if let Some(why) = self.unseen_ids(j) {
            // Its ids are not all in its Markdown: say so, without a fix.
            let mut d = Diagnostic::new(
                META.name,
                Severity::Warning,
                span,
                format!(
                    "{whose} has no heading or anchor `#{fragment}` that bloglint can see, but {why} may write it"
                ),
            )
            .with_label("anchor not seen");
            if let Some(help) = help {
                d = d.with_help(help);
            }
            return Some(d);
        }
        let d = error(
            span,
            format!("{whose} has no heading or anchor `#{fragment}`"),
            "no such anchor",
            help,
        );
        Some(with_fix(d, fix))
    }

    /// What may write ids into page `j` that its Markdown does not show: a
    /// shortcode of it (or of a page it includes) whose template writes
    /// headings, `id`s or other Markdown or files, or one bloglint cannot
    /// find; or a layout of its type that reads files or renders Markdown.
    fn unseen_ids(&self, j: usize) -> Option<String> {
        self.unseen_pages[j]
            .get_or_init(|| self.find_unseen_ids(j))
            .clone()
    }

    fn find_unseen_ids(&self, j: usize) -> Option<String> {
        for &k in &self.ids(j).pages {
            let post = self.site.pages[k].post;
            let body = post.source.get(post.body_start..).unwrap_or_default();
            let lang = self.site.pages[k].lang.as_str();
            for (name, arg) in shortcode_names(body) {
                // An include bloglint follows: its ids are known.
                let includes = arg.is_some_and(|a| {
                    matches!(
                        self.get_page(k, lang, a, false),
                        Lookup::Found(Node::Page(_))
                    )
                });
                if includes {
                    continue;
                }
                if let Some(why) = self.remembered(name, || self.shortcode_writes_ids(name)) {
                    return Some(why);
                }
            }
        }
        let post = self.site.pages[j].post;
        let ty = post
            .field("type")
            .and_then(|n| scalar(&n.value))
            .or_else(|| {
                let section = post.content_path.split_once('/').map(|(s, _)| s);
                section.map(str::to_string)
            })?;
        if ty.is_empty() || ty.contains(['.', '\\']) {
            return None;
        }
        self.remembered(&format!("layout:{ty}"), || self.layout_writes_ids(&ty))
    }

    fn remembered(&self, key: &str, find: impl FnOnce() -> Option<String>) -> Option<String> {
        if let Some(known) = self.unseen.lock().ok()?.get(key) {
            return known.clone();
        }
        let found = find();
        if let Ok(mut map) = self.unseen.lock() {
            map.insert(key.to_string(), found.clone());
        }
        found
    }

    /// The site's and themes' folders for a kind of template.
    fn layout_dirs(&self, sub: &[&str]) -> Vec<PathBuf> {
        let roots = std::iter::once(self.hugo.root.clone()).chain(
            self.hugo
                .themes
                .iter()
                .map(|t| self.hugo.root.join("themes").join(t)),
        );
        roots
            .flat_map(|r| sub.iter().map(move |s| r.join("layouts").join(s)))
            .collect()
    }

    fn shortcode_writes_ids(&self, name: &str) -> Option<String> {
        let (dir, base) = name.rsplit_once('/').unwrap_or(("", name));
        let mut found = false;
        for folder in self.layout_dirs(&["_shortcodes", "shortcodes"]) {
            let folder = folder.join(dir);
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            let mut files: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|f| f.to_str())
                        .and_then(|f| f.strip_prefix(base))
                        .is_some_and(|rest| rest.starts_with('.'))
                        && p.is_file()
                })
                .collect();
            files.sort();
            for file in files {
                found = true;
                let text = std::fs::read_to_string(&file).unwrap_or_default();
                if let Some(what) = writes_ids(&text) {
                    let shown = file.strip_prefix(&self.hugo.root).unwrap_or(&file);
                    return Some(format!(
                        "its shortcode `{name}` ({}, which {what})",
                        shown.display()
                    ));
                }
            }
        }
        if found || BUILT_IN_SHORTCODES.contains(&name) {
            return None;
        }
        Some(format!(
            "its shortcode `{name}`, whose template bloglint did not find,"
        ))
    }

    fn layout_writes_ids(&self, ty: &str) -> Option<String> {
        let mut stack = self.layout_dirs(&[ty]);
        let mut files = Vec::new();
        // A folder of templates: a few files, a few levels.
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() && files.len() < 200 {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "html") {
                    files.push(p);
                }
            }
        }
        files.sort();
        files.into_iter().find_map(|file| {
            let text = std::fs::read_to_string(&file).ok()?;
            let call = ["readFile", "ReadFile", "RenderString"]
                .into_iter()
                .find(|c| text.contains(c))?;
            let shown = file.strip_prefix(&self.hugo.root).unwrap_or(&file);
            Some(format!(
                "its layout {} (which calls `{call}`)",
                shown.display()
            ))
        })
    }

    /// Whether page `j` has an id: a heading id, an `id`/`name` attribute,
    /// a `{#id}` attribute, or one of a page it includes with a Markdown
    /// shortcode (`{{% include "path" %}}`). Always, when a shortcode may
    /// write ids bloglint cannot see.
    fn has_id(&self, j: usize, id: &str) -> bool {
        let ids = self.ids(j);
        ids.uncertain || ids.pages.iter().any(|&k| self.own_ids(k).contains(id))
    }

    fn ids(&self, j: usize) -> &Ids {
        self.ids[j].get_or_init(|| {
            let mut pages = vec![j];
            let mut uncertain = false;
            let page = &self.site.pages[j];
            for code in &page.post.outline.includes {
                let included = code.arg.as_deref().and_then(|a| {
                    match self.get_page(j, &page.lang, a, false) {
                        Lookup::Found(Node::Page(k)) => Some(k),
                        _ => None,
                    }
                });
                match included {
                    Some(k) => pages.push(k),
                    None => uncertain |= code.alone && code.arg.is_none(),
                }
            }
            // A translation stub shows its translation's body, ids and all.
            if let Some(k) = page.stub_of {
                let shown = self.ids(k);
                for &p in &shown.pages {
                    if !pages.contains(&p) {
                        pages.push(p);
                    }
                }
                uncertain |= shown.uncertain;
            }
            Ids { pages, uncertain }
        })
    }

    fn own_ids(&self, j: usize) -> &HashSet<String> {
        self.own_ids[j].get_or_init(|| {
            let page = &self.site.pages[j];
            let outline = &page.post.outline;
            // Heading ids, and definition term ids with autoDefinitionTermID.
            let mut ids: HashSet<String> = page.ids(self.site.generator).iter().cloned().collect();
            ids.extend(page.term_ids(self.site.generator).iter().cloned());
            ids.extend(outline.attribute_ids.iter().cloned());
            // An HTML content file is published as written.
            if self.hugo.goldmark_unsafe || is_html_content(&page.post.content_path) {
                ids.extend(outline.html_ids.iter().cloned());
            }
            ids
        })
    }

    // Page lookup, as Hugo's `getContentNode`

    /// Hugo's `getPageRef` (`reflink`) or `GetPage` from page `from`.
    fn get_page(&self, from: usize, lang: &str, raw: &str, reflink: bool) -> Lookup<'s> {
        let slashed = raw.replace('\\', "/");
        let in_ref = slashed.trim_end_matches('/');
        let r = if in_ref.is_empty() { "/" } else { in_ref };
        let q = Query {
            from,
            lang,
            reflink,
            has_ext: has_extension(r),
            in_ref,
        };
        let keys = if q.has_ext {
            vec![r.to_string()]
        } else if r == "/" {
            vec!["/_index.md".to_string()]
        } else if r.ends_with("/index") {
            vec![format!("{r}/index.md"), format!("{r}.md")]
        } else {
            vec![format!("{r}.md")]
        };
        let mut unpublished = None;
        for key in &keys {
            let found = self.get_for_key(&q, key, &mut unpublished);
            if found != Lookup::Missing {
                return found;
            }
        }
        unpublished.map_or(Lookup::Missing, Lookup::Unpublished)
    }

    /// Hugo's `getContentNodeForRef`: page-relative, then from the content
    /// root, then (for `ref` without a slash) by base name.
    fn get_for_key(&self, q: &Query, key: &str, unpublished: &mut Option<usize>) -> Lookup<'s> {
        let (languages, lang) = (&self.hugo.languages, q.lang);
        if !key.starts_with('/') {
            let dir = self.ref_dir(q.from, q.has_ext && key.starts_with("../"));
            let rel = base_of(&rooted_join(&dir, key), languages);
            if let Some(node) = self.node(lang, &rel, unpublished) {
                return Lookup::Found(node);
            }
            if q.has_ext {
                // The file next to the page's own file.
                let own = &self.site.pages[q.from].post.content_path;
                let dir = format!("/{}", own.rsplit_once('/').map_or("", |(d, _)| d));
                let rel = base_of(&rooted_join(&dir, q.in_ref), languages);
                if let Some(node) = self.node(lang, &rel, unpublished) {
                    return Lookup::Found(node);
                }
            }
        }
        if key.starts_with('.') {
            return Lookup::Missing;
        }
        let base = base_of(key, languages);
        if let Some(node) = self.node(lang, &base, unpublished) {
            return Lookup::Found(node);
        }
        if !q.reflink || q.in_ref.contains('/') {
            return Lookup::Missing;
        }
        let key = (lang.to_string(), last_segment(&base).to_string());
        let Some(nodes) = self.tables.by_name.get(&key) else {
            return Lookup::Missing;
        };
        let built: Vec<Node> = nodes
            .iter()
            .map(Named::node)
            .filter(|n| match n {
                Node::Page(j) => !is_left_out(self.site.pages[*j].unpublished.as_ref()),
                Node::List(_) => true,
            })
            .collect();
        match built.as_slice() {
            [] => {
                if let Some(Named::Page(j)) = nodes.first() {
                    unpublished.get_or_insert(*j);
                }
                Lookup::Missing
            }
            [one] => Lookup::Found(*one),
            _ => Lookup::Ambiguous(built),
        }
    }

    /// The node at a base path, if Hugo builds it; remembers a page it
    /// leaves out.
    fn node(&self, lang: &str, base: &str, unpublished: &mut Option<usize>) -> Option<Node<'s>> {
        let key = (lang.to_string(), base.to_string());
        if let Some(pages) = self.tables.by_base.get(&key) {
            let built = pages
                .iter()
                .find(|&&j| !is_left_out(self.site.pages[j].unpublished.as_ref()));
            match built {
                Some(&j) => return Some(Node::Page(j)),
                None => {
                    unpublished.get_or_insert(pages[0]);
                }
            }
        }
        self.tables.lists.get(&key).map(|url| Node::List(url))
    }

    /// The folder page-relative paths start from: a branch bundle's own
    /// folder, else the folder holding the page (a leaf bundle's parent),
    /// except for `../x.md`, which starts from the bundle's folder.
    fn ref_dir(&self, from: usize, dotdot_with_ext: bool) -> String {
        let cp = &self.site.pages[from].post.content_path;
        let dir = format!(
            "/{}",
            urls::go_lower(cp.rsplit_once('/').map_or("", |(d, _)| d))
        );
        if file_stem(cp) == "index" && !dotdot_with_ext {
            parent(&dir).to_string()
        } else {
            dir
        }
    }

    // Suggestions

    /// The URL as written on the published site.
    fn public_url(&self, url: &str) -> String {
        format!("{}{url}", self.site.base_path)
    }

    /// The published URLs a site path may be a typo of: files for a file,
    /// pages and lists for a folder.
    fn url_candidates(&self, wanted: &str) -> &Nearest {
        let is_file = !wanted.ends_with('/');
        self.nearest_urls[usize::from(is_file)].get_or_init(|| {
            Nearest::new(self.site.urls.iter().filter_map(|(url, served)| {
                let file = served
                    .iter()
                    .all(|s| matches!(s, Served::Static(_) | Served::Resource(_)));
                (file == is_file).then_some(url.as_str())
            }))
        })
    }

    /// The nearest published URL, or the one page with the same last segment.
    fn suggest_url(&self, site_path: &str) -> Option<String> {
        let wanted = urls::normalize(site_path);
        let candidates = self.url_candidates(&wanted);
        let found = candidates
            .closest(&wanted, &self.cells_left)
            .map(|(u, _)| u)
            .filter(|u| near_enough(&wanted, u))
            .or_else(|| {
                let last = last_segment(wanted.trim_end_matches('/'));
                candidates
                    .only_one_ending_with(last)
                    .filter(|_| !last.is_empty())
            });
        found.map(|u| self.public_url(u))
    }

    /// The base path of page `j` in `by_base`.
    fn base_of_page(&self, j: usize) -> Option<&str> {
        let bases = self.page_bases.get_or_init(|| {
            let mut bases = vec![None; self.site.pages.len()];
            for ((_, b), pages) in &self.tables.by_base {
                for &p in pages {
                    bases[p] = Some(b.clone());
                }
            }
            bases
        });
        bases.get(j)?.as_deref()
    }

    /// The base path (`/posts/a`) a `ref` path of page `i` looks for.
    fn wanted_base(&self, i: usize, path: &str) -> String {
        let languages = &self.hugo.languages;
        let key = if has_extension(path) {
            path.to_string()
        } else {
            format!("{}.md", path.trim_end_matches('/'))
        };
        if key.starts_with('/') {
            base_of(&key, languages)
        } else {
            base_of(&rooted_join(&self.ref_dir(i, false), &key), languages)
        }
    }

    /// The base paths of the pages of a language.
    fn bases(&self, lang: &str) -> Option<&Nearest> {
        let all = self.nearest_bases.get_or_init(|| {
            let mut all: HashMap<&str, Vec<&str>> = HashMap::default();
            for (l, b) in self.tables.by_base.keys() {
                all.entry(l.as_str()).or_default().push(b.as_str());
            }
            all.into_iter()
                .map(|(l, bases)| (l, Nearest::new(bases.into_iter())))
                .collect()
        });
        all.get(lang)
    }

    /// For a `ref` that finds nothing: the content path of the nearest page.
    fn suggest_page(&self, i: usize, lang: &str, path: &str) -> Option<String> {
        let wanted = self.wanted_base(i, path);
        let base = self
            .bases(lang)
            .and_then(|b| b.closest(&wanted, &self.cells_left))
            .map(|(b, _)| b)
            .filter(|b| near_enough(&wanted, b))
            .or_else(|| {
                let name = last_segment(&wanted);
                let mut same = self
                    .tables
                    .by_name
                    .get(&(lang.to_string(), name.to_string()))
                    .into_iter()
                    .flatten();
                match (same.next(), same.next()) {
                    (Some(Named::Page(j)), None) => self.base_of_page(*j),
                    _ => None,
                }
            })?;
        let j = *self
            .tables
            .by_base
            .get(&(lang.to_string(), base.to_string()))?
            .first()?;
        Some(format!("/{}", self.site.pages[j].post.content_path))
    }

    // Fixes: the one nearest fragment or path, written in place of the
    // wrong one; only when no other is as near, and checked to resolve.

    /// Replace the fragment of the destination at `span` (in page `i`) by
    /// `id`, when the fragment is written as it reads (no escapes, no
    /// percent-encoding).
    fn fragment_fix(&self, i: usize, span: &Range<usize>, fragment: &str, id: &str) -> Option<Fix> {
        fragment_fix(&self.site.pages[i].post.source, span, fragment, id)
    }

    /// For a Markdown link of page `i`, rendered in page `c`, whose `path`
    /// resolves to `site_path`, where nothing is published: respell the
    /// path as the one nearest published URL.
    fn url_fix(&self, i: usize, c: usize, link: &Link, path: &str, site_path: &str) -> Option<Fix> {
        let wanted = urls::normalize(site_path);
        let (target, unique) = self
            .url_candidates(&wanted)
            .closest(&wanted, &self.cells_left)?;
        let redirect_only = self
            .site
            .urls
            .get(target)?
            .iter()
            .all(|s| matches!(s, Served::Alias(..)));
        if !unique || redirect_only || !near_enough(&wanted, target) {
            return None;
        }
        let span = &link.dest_span;
        let written = self.respell_path(i, &link.dest, span, path)?;
        let (at, text) = respell(&written, &wanted, target)?;
        let lands = self
            .browse(c, &splice(&written, &at, &text))
            .is_ok_and(|p| urls::normalize(&p) == urls::normalize(target));
        if !lands {
            return None;
        }
        self.path_fix(i, span, at, &text)
    }

    /// For a `ref` of page `i` whose `path` finds no page in `lang`:
    /// respell the path as the one nearest page's.
    fn ref_fix(&self, i: usize, lang: &str, r: &RefShortcode, path: &str) -> Option<Fix> {
        let wanted = self.wanted_base(i, path);
        let (base, unique) = self.bases(lang)?.closest(&wanted, &self.cells_left)?;
        if !unique || !near_enough(&wanted, base) {
            return None;
        }
        let pages = self
            .tables
            .by_base
            .get(&(lang.to_string(), base.to_string()))?;
        let span = &r.target_span;
        let written = self.respell_path(i, &r.target, span, path)?;
        let (at, text) = respell(&written, &wanted, base)?;
        let lands = match self.get_page(i, lang, &splice(&written, &at, &text), true) {
            Lookup::Found(Node::Page(j)) => pages.contains(&j) && !self.tables.hidden[j],
            _ => false,
        };
        if !lands {
            return None;
        }
        self.path_fix(i, span, at, &text)
    }

    /// The path of a destination (at `span` in page `i`) as written, before
    /// any `?` or `#`, when it is written as it reads: no escapes, no
    /// percent-encoding, no blanks around it.
    fn respell_path(
        &self,
        i: usize,
        dest: &str,
        span: &Range<usize>,
        path: &str,
    ) -> Option<String> {
        let raw = self.site.pages[i].post.source.get(span.clone())?;
        if raw != dest || raw.trim() != raw {
            return None;
        }
        let written = &raw[..raw.find(['?', '#']).unwrap_or(raw.len())];
        (written == path).then(|| written.to_string())
    }

    /// The fix writing `text` over `at`, a range of the path of the
    /// destination `dest` (bytes of page `i`).
    fn path_fix(&self, i: usize, dest: &Range<usize>, at: Range<usize>, text: &str) -> Option<Fix> {
        let written = self.site.pages[i].post.source.get(dest.clone())?;
        if !writable(text, true) {
            return None;
        }
        Some(Fix::replace(
            Applicability::Unsafe,
            format!("link to `{}`", splice(written, &at, text)),
            dest.start + at.start..dest.start + at.end,
            text,
        ))
    }
}

/// `s` with the bytes of `at` replaced by `text`.
fn splice(s: &str, at: &Range<usize>, text: &str) -> String {
    format!("{}{text}{}", &s[..at.start], &s[at.end..])
}

/// Where `written`, a path as written, spells the one segment in which
/// `from`, the path it resolves to, differs from `to`: that segment's bytes
/// in `written` (the last segment spelled so, perhaps followed by an
/// extension: `a.md` for `/posts/a`), and its new text. `None` unless the
/// two paths differ in exactly one segment.
fn respell(written: &str, from: &str, to: &str) -> Option<(Range<usize>, String)> {
    fn segments(p: &str) -> Vec<&str> {
        p.split('/').filter(|s| !s.is_empty()).collect()
    }
    let (f, t) = (segments(from), segments(to));
    if f.len() != t.len() {
        return None;
    }
    let mut differ = (0..f.len()).filter(|&k| f[k] != t[k]);
    let k = differ.next()?;
    if differ.next().is_some() {
        return None;
    }
    let (old, new) = (f[k], t[k]);
    let mut end = written.len();
    for segment in written.rsplit('/') {
        let start = end - segment.len();
        let stem = segment
            .strip_prefix(old)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
        if stem {
            return Some((start..start + old.len(), new.to_string()));
        }
        end = start.saturating_sub(1);
    }
    None
}

/// Whether `found`, the nearest candidate to `wanted`, is near relative to
/// what differs: the path segments that differ (the whole of a fragment)
/// must be less than half edited. `../api` is not a typo of `/alts/`, however
/// long the URL around them.
fn near_enough(wanted: &str, found: &str) -> bool {
    let (w, f) = (wanted.as_bytes(), found.as_bytes());
    // The bytes both share, at each end (on character boundaries: the
    // shared bytes are the same in both strings).
    let mut prefix = w.iter().zip(f).take_while(|(a, b)| a == b).count();
    while !wanted.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let mut suffix = w[prefix..]
        .iter()
        .rev()
        .zip(f[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    while !wanted.is_char_boundary(wanted.len() - suffix) {
        suffix -= 1;
    }
    // The difference, widened to whole segments.
    let start = wanted[..prefix].rfind('/').map_or(0, |k| k + 1);
    let end = |s: &str| {
        let from = s.len() - suffix;
        s[from..].find('/').map_or(s.len(), |k| from + k)
    };
    let (a, b) = (&wanted[start..end(wanted)], &found[start..end(found)]);
    let longer = a.chars().count().max(b.chars().count());
    crate::suggest::typo_distance(a, b) * 2 < longer
}

/// Whether a fragment (or, with `path`, a path segment) can be written in a
/// link destination or a shortcode argument as it is.
/// Attach a fix, when there is one.
fn with_fix(d: Diagnostic, fix: Option<Fix>) -> Diagnostic {
    match fix {
        Some(f) => d.with_fix(f),
        None => d,
    }
}

/// A front matter scalar as written in a message.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

/// Drafts, future and expired pages, and the pages Hugo drops with them
/// (another file of their page path is one): not in a production build.
/// Hugo 0.168 answers a `ref` to a dropped page with REF_NOT_FOUND.
fn is_left_out(why: Option<&Unpublished>) -> bool {
    matches!(
        why,
        Some(
            Unpublished::Draft
                | Unpublished::Future
                | Unpublished::Expired
                | Unpublished::PathDropped(_)
        )
    )
}

/// Whether the site renders Markdown links (`render-link`) or images
/// (`render-image`) with a hook, and whose.
fn hook(hugo: &HugoConfig, name: &str, embedded: UseEmbedded) -> Hook {
    let own = has_own_hook(hugo, name);
    let multilingual = hugo.languages.len() > 1;
    match embedded {
        UseEmbedded::Always => Hook::Embedded,
        UseEmbedded::Fallback if !own => Hook::Embedded,
        UseEmbedded::Auto if !own && multilingual => Hook::Embedded,
        _ if own => Hook::Own,
        _ => Hook::None,
    }
}

/// `layouts/_markup/NAME.html` (Hugo 0.146+), `layouts/_default/_markup/…`
/// or a section's `layouts/SECTION/_markup/…`, in the site or a theme; with
/// or without a language or output format in the name.
fn has_own_hook(hugo: &HugoConfig, name: &str) -> bool {
    let roots = std::iter::once(hugo.root.join("layouts")).chain(
        hugo.themes
            .iter()
            .map(|t| hugo.root.join("themes").join(t).join("layouts")),
    );
    let in_markup = |dir: &Path| {
        std::fs::read_dir(dir.join("_markup")).is_ok_and(|entries| {
            entries.filter_map(Result::ok).any(|e| {
                let file = e.file_name();
                let file = file.to_string_lossy();
                file.strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('.') && rest.ends_with(".html"))
            })
        })
    };
    roots.into_iter().any(|root| {
        in_markup(&root)
            || std::fs::read_dir(&root).is_ok_and(|entries| {
                entries
                    .filter_map(Result::ok)
                    .any(|e| e.file_type().is_ok_and(|t| t.is_dir()) && in_markup(&e.path()))
            })
    })
}

/// Pages Hugo never renders: the index's headless and `build.render: never`
/// pages, and those below a section whose `cascade` says `render: never`.
fn hidden_pages(site: &SiteIndex) -> Vec<bool> {
    let mut never: Vec<(usize, String)> = Vec::new();
    for (i, page) in site.pages.iter().enumerate() {
        let post = page.post;
        if matches!(post.kind, PageKind::List | PageKind::Home) && cascades_never(post) {
            let dir = post.content_path.rsplit_once('/').map_or("", |(d, _)| d);
            let prefix = if dir.is_empty() {
                String::new()
            } else {
                format!("{dir}/")
            };
            never.push((i, prefix));
        }
    }
    site.pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            p.unpublished == Some(Unpublished::NotRendered)
                || never.iter().any(|(owner, dir)| {
                    *owner != i && p.post.content_path.starts_with(dir.as_str())
                })
        })
        .collect()
}

/// A `cascade` (map, or list of maps) without a target that sets
/// `build.render: never` (or the older `_build.render: false`).
fn cascades_never(post: &crate::document::Post) -> bool {
    let Some(cascade) = post.field("cascade") else {
        return false;
    };
    let entries: Vec<&crate::document::Node> = match &cascade.value {
        Value::Array(items) => items.iter().collect(),
        _ => vec![cascade],
    };
    entries.iter().filter_map(|n| n.as_table()).any(|t| {
        let targeted = t.value("target").is_some() || t.value("_target").is_some();
        let never = ["build", "_build"].iter().any(|k| {
            t.value(k)
                .and_then(|b| b.as_table())
                .and_then(|b| b.value("render"))
                .is_some_and(|r| match &r.value {
                    Value::String(s) => s.eq_ignore_ascii_case("never"),
                    Value::Bool(b) => !*b,
                    _ => false,
                })
        });
        never && !targeted
    })
}

// Templates

/// Hugo 0.168's embedded shortcodes: none writes a heading id.
const BUILT_IN_SHORTCODES: &[&str] = &[
    "comment",
    "details",
    "figure",
    "gist",
    "highlight",
    "instagram",
    "param",
    "qr",
    "ref",
    "relref",
    "tweet",
    "twitter",
    "twitter_simple",
    "vimeo",
    "vimeo_simple",
    "x",
    "x_simple",
    "youtube",
];

/// The shortcodes a body calls (`{{< name >}}`, `{{% name "arg" %}}`):
/// name and first positional argument; closing tags and comments
/// (`{{</* x */>}}`) left out.
fn shortcode_names(body: &str) -> impl Iterator<Item = (&str, Option<&str>)> {
    body.match_indices("{{").filter_map(move |(at, _)| {
        let rest = body.get(at + 2..)?;
        let rest = rest.strip_prefix(['<', '%'])?.trim_start();
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/')))
            .unwrap_or(rest.len());
        let name = &rest[..end];
        if name.is_empty() || name.starts_with('/') {
            return None;
        }
        let after = rest[end..].trim_start();
        let arg = match after.strip_prefix(['"', '`']) {
            Some(quoted) => quoted.split(['"', '`']).next(),
            None => after
                .split(|c: char| c.is_whitespace() || matches!(c, '%' | '>'))
                .next()
                .filter(|a| !a.is_empty() && !a.contains('=')),
        };
        Some((name, arg))
    })
}

/// What in a shortcode's template may write an id: a heading or `id`
/// attribute, Markdown rendered from elsewhere, a file read in.
fn writes_ids(template: &str) -> Option<&'static str> {
    let compact: String = template.split_whitespace().collect();
    // An `id` attribute (after a blank), not `data-id=` or `$valid =`.
    let id_attr = template.match_indices("id").any(|(at, _)| {
        template[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace)
            && template[at + 2..].trim_start().starts_with('=')
    });
    if id_attr {
        return Some("writes `id` attributes");
    }
    const MARKERS: &[(&str, &str)] = &[
        ("markdownify", "calls `markdownify`"),
        ("RenderString", "calls `RenderString`"),
        ("readFile", "calls `readFile`"),
        ("ReadFile", "calls `ReadFile`"),
    ];
    if let Some((_, what)) = MARKERS.iter().find(|(m, _)| compact.contains(m)) {
        return Some(what);
    }
    let lower = template.to_ascii_lowercase();
    if (1..=6).any(|n| lower.contains(&format!("<h{n}"))) {
        return Some("writes headings");
    }
    // A Markdown template (`name.md`) writing headings.
    if template.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with('#') && t.trim_start_matches('#').starts_with(' ')
    }) {
        return Some("writes Markdown headings");
    }
    None
}

// Path helpers

/// The scheme of a destination that Go's templates replace with
/// `#ZgotmplZ` in a URL attribute: any but http, https and mailto.
fn unsafe_scheme(dest: &str) -> Option<&str> {
    let (scheme, _) = dest.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let safe = ["http", "https", "mailto"]
        .iter()
        .any(|s| scheme.eq_ignore_ascii_case(s));
    (valid && !safe && !dest.contains("{{")).then_some(scheme)
}

/// Hugo's `paths.HasExt`: a dot in the last path segment.
fn has_extension(path: &str) -> bool {
    last_segment(path).contains('.')
}

fn has_content_extension(path: &str) -> bool {
    last_segment(path)
        .rsplit_once('.')
        .is_some_and(|(_, ext)| crate::hugo::is_content_extension(ext))
}

fn is_bare_word(path: &str) -> bool {
    path.chars()
        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// The part of a file name before its first dot: `index` for `index.fr.md`.
fn file_stem(content_path: &str) -> &str {
    last_segment(content_path)
        .split('.')
        .next()
        .unwrap_or_default()
}

/// `/a/b` → `/a`; `/a` → `/`.
fn parent(dir: &str) -> &str {
    match dir.trim_end_matches('/').rsplit_once('/') {
        Some(("", _)) | None => "/",
        Some((p, _)) => p,
    }
}

/// Hugo's logical path of a content file (`Path.Base`): lower-cased as Go
/// does ([`urls::normalize_basic`], as the site index keys pages), spaces
/// as hyphens, the content extension and language dropped, `index` and
/// `_index` standing for their folder. `/posts/a.fr.md` → `/posts/a`,
/// `/posts/b/index.md` → `/posts/b`, `/_index.md` → `/`. A path with another
/// extension (`/img/a.png`) is kept: no page has it.
fn base_of(path: &str, languages: &[String]) -> String {
    let p = urls::normalize_basic(path.trim_start_matches('/'));
    let (dir, file) = p.rsplit_once('/').unwrap_or(("", &p));
    let mut stem = file;
    if let Some((s, ext)) = file.rsplit_once('.') {
        if !crate::hugo::CONTENT_EXTENSIONS.contains(&ext) {
            return format!("/{p}");
        }
        stem = s;
        if let Some((s, lang)) = stem.rsplit_once('.')
            && languages.iter().any(|l| l == lang)
        {
            stem = s;
        }
    }
    match (stem, dir) {
        ("index" | "_index", d) => format!("/{d}"),
        (s, "") => format!("/{s}"),
        (s, d) => format!("/{d}/{s}"),
    }
}

/// The language of a published URL and its base path without the language
/// folder: `/fr/tags/go/` → (`fr`, `/tags/go`).
fn split_language<'h>(url: &str, hugo: &'h HugoConfig) -> (&'h str, String) {
    let default = hugo.default_content_language.as_str();
    let trimmed = url.trim_matches('/');
    let (first, rest) = trimmed.split_once('/').unwrap_or((trimmed, ""));
    let lang = hugo
        .languages
        .iter()
        .find(|l| *l == first && urls::language_prefix(l, hugo) == format!("/{l}"));
    match lang {
        Some(l) => (l.as_str(), format!("/{rest}")),
        None => (default, format!("/{trimmed}")),
    }
}

/// Candidates "did you mean" compares with the broken anchors of one
/// linking page, in all. Each broken anchor is compared with every id of
/// its target: past this, thousands of them in one hostile page (3,000
/// near-miss anchors took minutes) get no suggestion rather than quadratic
/// time. Per page, not per run: pages are checked in parallel, and a budget
/// they shared would give suggestions to whichever page came first (reports
/// changed from run to run, and a pre-commit run differed from a full one).
const SUGGESTIONS: usize = 100_000;

/// Table cells the searches of the site's URLs and pages may compute in one
/// run, in all (see [`Nearest`]): a generated site of 100,000 pages with
/// 800 broken links needs 83 million.
const SUGGESTION_CELLS: usize = 400_000_000;

#[cfg(test)]
mod tests {

    #[test]
    fn near_is_relative_to_what_differs() {
        for (wanted, found, near) in [
            ("/docs/api/", "/docs/alts/", false),
            ("/docs/posts/targt/", "/docs/posts/target/", true),
            ("/img/cover.jpg", "/img/cover.png", true),
            ("intor", "intro", true),
            ("step-3", "step-1", true),
            ("/a/b/", "/a/bb/", false),
            ("/a/bc/", "/a/bcd/", true),
            ("ab", "xy", false),
            ("/posts/nope/", "/posts/more/", false),
            ("/é/api/", "/é/alts/", false),
            ("/a/é", "/a/è", false),
            ("/a/éte/", "/a/été/", true),
        ] {
            assert_eq!(near_enough(wanted, found), near, "{wanted} → {found}");
        }
    }
    use super::*;

    fn langs() -> Vec<String> {
        vec!["en".into(), "fr".into()]
    }

    #[test]
    fn base_paths_as_hugo_parses_them() {
        let l = langs();
        assert_eq!(base_of("posts/a.md", &l), "/posts/a");
        assert_eq!(base_of("/posts/a.fr.md", &l), "/posts/a");
        assert_eq!(base_of("posts/b/index.md", &l), "/posts/b");
        assert_eq!(base_of("posts/_index.md", &l), "/posts");
        assert_eq!(base_of("_index.md", &l), "/");
        assert_eq!(base_of("/", &l), "/");
        assert_eq!(base_of("/Posts/My Post.md", &l), "/posts/my-post");
        // Go's strings.ToLower (Hugo 0.168): `Σ` is `σ` even at a word's end.
        assert_eq!(base_of("/posts/ΟΔΟΣ.md", &l), "/posts/οδοσ");
        assert_eq!(base_of("/posts/οδος.md", &l), "/posts/οδος");
        // Hugo 0.168: `relref "a.html"` finds `posts/a.md`.
        assert_eq!(base_of("a.html", &l), "/a");
        // Not a content file: no page has it.
        assert_eq!(base_of("img/a.png", &l), "/img/a.png");
        // `de` is not a language here: part of the name.
        assert_eq!(base_of("a.de.md", &l), "/a.de");
    }

    #[test]
    fn joins() {
        assert_eq!(rooted_join("/posts", "a.md"), "/posts/a.md");
        assert_eq!(rooted_join("/posts", "../other/x.md"), "/other/x.md");
        assert_eq!(rooted_join("/posts", "../../../x.md"), "/x.md");
        assert_eq!(rooted_join("/", "./a"), "/a");
        assert_eq!(browser_join("/posts/a", "../b/"), "/posts/b/");
        assert_eq!(browser_join("/posts/a", ".."), "/posts/");
        assert_eq!(browser_join("/posts/a", "img.png"), "/posts/a/img.png");
        assert_eq!(parent("/posts/b"), "/posts");
        assert_eq!(parent("/posts"), "/");
        assert_eq!(parent("/"), "/");
    }

    #[test]
    fn destinations() {
        for external in [
            "https://gohugo.io/",
            "mailto:a@b.c",
            "tel:+4712345678",
            "//cdn.example.org/x.js",
            "javascript:void(0)",
            "a:b/c",
            "{{< ref \"a\" >}}",
            "",
        ] {
            assert!(!is_site_path(external), "{external}");
        }
        for site in [
            "/posts/a/",
            "a.md",
            "../b/",
            "#intro",
            "?x=1",
            "/a?b=c:d",
            "./x:y",
        ] {
            assert!(is_site_path(site), "{site}");
        }
        assert_eq!(
            split_url("/posts/caf%C3%A9/?x=1#t%C3%A9"),
            ("/posts/café/".to_string(), Some("té".to_string()))
        );
        assert_eq!(split_url("#"), (String::new(), Some(String::new())));
        assert_eq!(crate::text::percent_decode("100%"), "100%");
        assert_eq!(crate::text::percent_decode("a%2"), "a%2");
        assert!(has_extension("a.md") && !has_extension("v1.2/a"));
        assert!(has_content_extension("../a.MD") && !has_content_extension("a.png"));
        assert!(is_bare_word("g") && !is_bare_word("a/b"));
    }

    /// Lint a site written to a temporary folder: the diagnostics, and the
    /// folder (kept while they are used).
    fn diagnostics(files: &[(&str, &str)]) -> (Vec<Diagnostic>, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("temporary directory");
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        let hugo = HugoConfig::load(dir.path()).expect("Hugo configuration");
        let site = crate::site::Site::load(crate::site::Generator::Hugo(hugo));
        let posts: Vec<_> = site.posts.iter().collect();
        let index = site
            .generator
            .index(&posts, &site.resources, &site.static_files, 0);
        let cx = Context::new(&site.generator, 0);
        let mut out = Vec::new();
        site.generator.check_links(&index, &cx, &mut out);
        crate::sort(&mut out);
        (out, dir)
    }

    /// The anchor suggestion budget is per linking page: a page that spends
    /// all of its own (hundreds of near-miss anchors into a page of many
    /// headings) leaves every other page its "did you mean", whichever
    /// page the threads check first.
    #[test]
    fn one_page_spending_its_suggestions_leaves_others_theirs() {
        let headings: String = (0..400).map(|n| format!("## Heading {n}\n\n")).collect();
        let hostile: String = (0..400)
            .map(|n| format!("[x](/big/#heading-{n}x)\n"))
            .collect();
        let hostile = format!("---\ntitle: H\n---\n{hostile}");
        let big = format!("---\ntitle: Big\n---\n{headings}");
        let (found, _dir) = diagnostics(&[
            ("hugo.toml", ""),
            ("content/big.md", &big),
            ("content/hostile.md", &hostile),
            (
                "content/typo.md",
                "---\ntitle: T\n---\n[y](/big/#heading-7x)\n",
            ),
        ]);
        let typo: Vec<_> = found
            .iter()
            .filter(|d| d.path.ends_with("typo.md"))
            .collect();
        assert_eq!(typo.len(), 1);
        assert_eq!(typo[0].help.as_deref(), Some("did you mean `#heading-7`?"));
        // The hostile page did run out: its last anchors got no suggestion.
        let hostile_help = found
            .iter()
            .filter(|d| d.path.ends_with("hostile.md"))
            .filter(|d| d.help.is_some())
            .count();
        assert!(hostile_help < 400, "{hostile_help} suggestions");
    }

    /// The fixes of a site's findings: (the text linked, the fixed text),
    /// or what is left unfixed as (the text linked, "").
    fn fixes(files: &[(&str, &str)]) -> Vec<(String, String)> {
        let (found, _dir) = diagnostics(files);
        found
            .iter()
            .map(|d| {
                let text = std::fs::read_to_string(&d.path).expect("read");
                let fixed = match &d.fix {
                    Some(f) => {
                        assert_eq!(f.applicability, Applicability::Unsafe);
                        crate::fix::apply(&text, &[f]).0[d.span.start..]
                            .split([')', '"', '\n'])
                            .next()
                            .unwrap_or_default()
                            .to_string()
                    }
                    None => String::new(),
                };
                (text[d.span.clone()].to_string(), fixed)
            })
            .collect()
    }

    #[test]
    fn fixes_only_the_one_nearest_fragment_or_path() {
        let a = (
            "content/posts/a.md",
            "---\ntitle: A\n---\n## Introduction\n## Step 1\n## Step 2\n",
        );
        let hello = ("content/posts/hello-world.md", "---\ntitle: H\n---\n");
        let (b, text) = page(
            "[i](../a/#introdution) [s](../a/#step-3) [h](../helo-world/) [far](/posts/zzz/) \
             [q](/post/a/?x=1#introduction) [self](#intor)\n\n## Intro\n\n\
             {{< relref \"a.md#intro-duction\" >}} {{< ref \"helo-world\" >}} {{< ref \"/posts/a.md#stepp-1\" >}}",
        );
        let found = fixes(&[a, hello, (b, text.as_str())]);
        let pairs: Vec<(&str, &str)> = found
            .iter()
            .map(|(t, f)| (t.as_str(), f.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("../a/#introdution", "../a/#introduction"),
                // `#step-1` and `#step-2` are as near: no fix.
                ("../a/#step-3", ""),
                ("../helo-world/", "../hello-world/"),
                ("/posts/zzz/", ""),
                ("/post/a/?x=1#introduction", "/posts/a/?x=1#introduction"),
                ("#intor", "#intro"),
                ("a.md#intro-duction", "a.md#introduction"),
                ("helo-world", "hello-world"),
                ("/posts/a.md#stepp-1", "/posts/a.md#step-1"),
            ]
        );
    }

    #[test]
    fn no_fix_for_drafts_aliases_escapes_or_shared_files() {
        let draft = (
            "content/posts/draft.md",
            "---\ntitle: D\ndraft: true\n---\n## Intro\n",
        );
        let moved = (
            "content/posts/moved.md",
            "---\ntitle: M\naliases: [/posts/old/]\n---\n## Intro\n",
        );
        // Percent-encoded, escaped: written otherwise than read.
        let (b, text) = page(
            "[d](/posts/drafts/) [a](/posts/olds/) [e](/posts/moved/#%69ntor) [x](/posts/moved/#in\\_tor)",
        );
        let found = fixes(&[draft, moved, (b, text.as_str())]);
        assert!(found.iter().all(|(_, f)| f.is_empty()), "{found:?}");
        assert_eq!(found.len(), 4, "{found:?}");
        // A file rendered only inside two pages: one fragment cannot suit
        // both.
        let files = [
            (
                "content/_common/_index.md",
                "---\ncascade:\n  build:\n    render: never\n---\n",
            ),
            (
                "content/_common/snippet.md",
                "---\ntitle: S\n---\n[x](#intor)\n",
            ),
            (
                "content/posts/one.md",
                "---\ntitle: One\n---\n## Intro\n{{% include \"/_common/snippet.md\" %}}\n",
            ),
            (
                "content/posts/two.md",
                "---\ntitle: Two\n---\n## Intro\n{{% include \"/_common/snippet.md\" %}}\n",
            ),
        ];
        let found = fixes(&files);
        assert_eq!(found, vec![("#intor".to_string(), String::new())]);
    }

    #[test]
    fn respelling_one_segment() {
        assert_eq!(
            respell("../helo/", "/posts/helo/", "/posts/hello/"),
            Some((3..7, "hello".into()))
        );
        // With an extension, from the end.
        assert_eq!(
            respell("a/helo/helo.md", "/a/helo/helo", "/a/helo/hello"),
            Some((7..11, "hello".into()))
        );
        // Two segments differ, or the segment is not written.
        assert_eq!(respell("/a/b/", "/a/b/", "/x/y/"), None);
        assert_eq!(respell("b/", "/posts/helo/b/", "/posts/hello/b/"), None);
        assert_eq!(respell("/a/", "/a/", "/a/b/"), None);
        assert!(writable("présentation", false) && writable("a/b.md", true));
        assert!(!writable("a b", true) && !writable("a/b", false) && !writable("", false));
    }

    /// Lint a site written to a temporary folder: `(file, message)` of
    /// each finding, with its severity.
    fn lint(files: &[(&str, &str)]) -> Vec<(String, Severity, String)> {
        let (out, dir) = diagnostics(files);
        let mut found: Vec<_> = out
            .into_iter()
            .map(|d| {
                let file = d
                    .path
                    .strip_prefix(dir.path().join("content"))
                    .unwrap_or(&d.path);
                (file.to_string_lossy().into_owned(), d.severity, d.message)
            })
            .collect();
        found.sort();
        found
    }

    const PAGE_A: (&str, &str) = ("content/posts/a.md", "---\ntitle: A\n---\n## Intro\n");

    fn page(links: &str) -> (&'static str, String) {
        (
            "content/posts/b.md",
            format!("---\ntitle: B\n---\n{links}\n"),
        )
    }

    fn messages(found: &[(String, Severity, String)]) -> Vec<&str> {
        found.iter().map(|(_, _, m)| m.as_str()).collect()
    }

    #[test]
    fn links_into_a_page_whose_front_matter_does_not_parse() {
        // Issue 12, pattern 9 (vitess): Hugo stops on the duplicate key
        // (front-matter-syntax reports it); the file exists, so links into
        // it are not a second error.
        let found = |config: &str| {
            let dir = tempfile::tempdir().expect("temporary directory");
            let files = [
                ("hugo.toml", config),
                (
                    "content/docs/internal/tracker.md",
                    "---\ntitle: Tracker\naliases: [/a/]\naliases: [/b/]\n---\n",
                ),
                (
                    "content/docs/flags.md",
                    "---\ntitle: Flags\n---\n[t](../internal/tracker) [abs](/docs/internal/tracker/)\n\
                     [ref]({{< relref \"internal/tracker.md\" >}}) [file](internal/tracker.md)\n\
                     [typo](../internal/trackr/)\n",
                ),
            ];
            for (path, text) in files {
                let path = dir.path().join(path);
                std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
                std::fs::write(path, text).expect("write");
            }
            let hugo = HugoConfig::load(dir.path()).expect("Hugo configuration");
            let site = crate::site::Site::load(crate::site::Generator::Hugo(hugo));
            let config = crate::config::Config::defaults(dir.path());
            let found = crate::lint(&site, &config, 0, None);
            assert!(found.iter().any(|d| d.rule == "front-matter-syntax"));
            found
                .into_iter()
                .filter(|d| d.rule == META.name)
                .map(|d| d.message)
                .collect::<Vec<_>>()
        };
        let typo = "`../internal/trackr/` resolves to `/docs/internal/trackr/`, where nothing is published";
        // Without a render hook, a `.md` destination is published as
        // written: still broken.
        assert_eq!(
            found(""),
            [
                "`internal/tracker.md` resolves to `/docs/flags/internal/tracker.md`, where nothing is published",
                typo,
            ]
        );
        // Hugo's embedded hook (a multilingual site) would find the page.
        assert_eq!(found("[languages.en]\n[languages.fr]\n"), [typo]);
    }

    #[test]
    fn markdown_files_need_a_link_render_hook() {
        let (b, text) = page("[a](a.md#intro) [page path](../a/)");
        let files = |extra: Vec<(&'static str, &'static str)>| {
            let mut f = vec![PAGE_A, (b, text.as_str())];
            f.extend(extra);
            lint(&f)
        };
        // No hook: the `.md` is published as written.
        let none = files(vec![]);
        assert_eq!(
            messages(&none),
            vec!["`a.md#intro` links to a Markdown file, which Hugo does not publish"]
        );
        let embedded = (
            "hugo.toml",
            "[markup.goldmark.renderHooks.link]\nuseEmbedded = 'fallback'",
        );
        assert_eq!(files(vec![embedded]), vec![]);
        let legacy = (
            "hugo.toml",
            "[markup.goldmark.renderHooks.link]\nenableDefault = true",
        );
        assert_eq!(files(vec![legacy]), vec![]);
        // Multilingual sites get the embedded hook by default (`auto`).
        let multilingual = ("hugo.toml", "[languages.en]\n[languages.fr]");
        assert_eq!(files(vec![multilingual]), vec![]);
        let own = ("layouts/_markup/render-link.html", "");
        assert_eq!(files(vec![own]), vec![]);
        let theme = vec![
            ("hugo.toml", "theme = 't'"),
            ("themes/t/layouts/_default/_markup/render-link.html", ""),
        ];
        assert_eq!(files(theme), vec![]);
        // `never` ignores the site's own hook? No: it only turns off Hugo's.
        let never = vec![
            (
                "hugo.toml",
                "[markup.goldmark.renderHooks.link]\nuseEmbedded = 'never'",
            ),
            ("layouts/_markup/render-link.html", ""),
        ];
        assert_eq!(files(never), vec![]);
    }

    /// A content folder per language: the same file path in both, so
    /// messages say which language's file they mean.
    #[test]
    fn files_named_with_their_language() {
        let found = lint(&[
            (
                "hugo.toml",
                "defaultContentLanguage = 'en'\n[languages.en]\ncontentDir = 'content/en'\n\
                 [languages.fr]\ncontentDir = 'content/fr'\n",
            ),
            ("content/en/posts/a.md", "---\ntitle: A\n---\n## Intro\n"),
            (
                "content/fr/posts/a.md",
                "---\ntitle: A\n---\n## Présentation\n",
            ),
            ("content/en/posts/only.md", "---\ntitle: O\n---\n"),
            (
                "content/fr/posts/b.md",
                "---\ntitle: B\n---\n[a](/fr/posts/a/#intro) [o](/posts/only/#x)\n",
            ),
        ]);
        assert_eq!(
            messages(&found),
            vec![
                "posts/a.md (fr) has no heading or anchor `#intro`",
                "posts/only.md has no heading or anchor `#x`",
            ]
        );
    }

    #[test]
    fn the_sites_own_hook_resolves_more() {
        let files = |hook: Option<(&'static str, &'static str)>| {
            let (b, text) = page("[term](g) [pic](pic.png) [missing](nowhere/)");
            let mut f = vec![
                PAGE_A,
                (b, text.as_str()),
                ("content/posts/_index.md", "---\ntitle: Posts\n---\n"),
                ("content/posts/pic.png", ""),
            ];
            f.extend(hook);
            lint(&f)
        };
        // A hook like the Hugo docs' finds section resources, and may give
        // bare words a meaning.
        let own = files(Some(("layouts/_markup/render-link.html", "")));
        assert_eq!(
            messages(&own),
            vec!["`nowhere/` resolves to `/posts/b/nowhere/`, where nothing is published"]
        );
        let none = files(None);
        assert_eq!(
            messages(&none),
            vec![
                "`g` resolves to `/posts/b/g`, where nothing is published",
                "`nowhere/` resolves to `/posts/b/nowhere/`, where nothing is published",
                "`pic.png` resolves to `/posts/b/pic.png`, where nothing is published",
            ]
        );
    }

    #[test]
    fn base_path_and_url_rewriting() {
        let (b, text) = page("[root](/posts/a/) [with base](/docs/posts/a/)");
        let site =
            |config: &'static str| lint(&[("hugo.toml", config), PAGE_A, (b, text.as_str())]);
        let plain = site("baseURL = 'https://example.org/docs/'");
        assert_eq!(
            messages(&plain),
            vec![
                "`/posts/a/` leaves out the base path `/docs` of the baseURL: broken on the published site"
            ]
        );
        // canonifyURLs puts the baseURL in front of root-relative links.
        let canonify = site("baseURL = 'https://example.org/docs/'\ncanonifyURLs = true");
        assert_eq!(
            messages(&canonify),
            vec!["nothing is published at `/docs/docs/posts/a/`"]
        );
    }

    #[test]
    fn embedded_hooks_lose_other_schemes() {
        // Hugo 0.168: the embedded hooks write `tel:`, `ftp:`, `data:`…
        // URLs as `#ZgotmplZ`; http, https and mailto pass.
        let (b, text) =
            page("[t](tel:+47) [m](mailto:a@b.c) [h](HTTPS://x.org) ![d](data:image/png;base64,x)");
        let hooks = "[markup.goldmark.renderHooks.link]\nuseEmbedded = 'fallback'\n\
                     [markup.goldmark.renderHooks.image]\nuseEmbedded = 'fallback'";
        let found = lint(&[("hugo.toml", hooks), (b, text.as_str())]);
        assert_eq!(
            messages(&found),
            vec![
                "Hugo's embedded render hook writes `data:` URLs as `#ZgotmplZ`: the link goes nowhere",
                "Hugo's embedded render hook writes `tel:` URLs as `#ZgotmplZ`: the link goes nowhere",
            ]
        );
        assert_eq!(lint(&[(b, text.as_str())]), vec![]);
    }

    // No `_index.md`: Hugo renders the home page and its feed anyway.
    #[test]
    fn extensionless_links_to_html_files() {
        // Hugo 0.168 with `uglyURLs` writes posts/a.md at /posts/a.html;
        // `/posts/a` works only on hosts that serve `x.html` for `/x`.
        let (b, text) = page(
            "[a](/posts/a) [rel](a#intro) [bad](/posts/a#intor) [legal](/legal?x=1) [none](/posts/nope) [dir](/posts/a/)",
        );
        let files = [
            ("hugo.toml", "uglyURLs = true"),
            PAGE_A,
            (b, text.as_str()),
            ("static/legal.html", "<p>legal</p>"),
        ];
        let (found, _dir) = diagnostics(&files);
        let got: Vec<_> = found
            .iter()
            .map(|d| {
                let text = std::fs::read_to_string(&d.path).expect("read");
                let fixed = d.fix.as_ref().map(|f| {
                    // Only the `.html` is safe to add.
                    let safe = f.applicability == Applicability::Safe;
                    assert_eq!(safe, d.severity == Severity::Info);
                    crate::fix::apply(&text, &[f]).0[d.span.start..]
                        .split(')')
                        .next()
                        .unwrap_or_default()
                        .to_string()
                });
                (text[d.span.clone()].to_string(), d.severity, fixed)
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "/posts/a".into(),
                    Severity::Info,
                    Some("/posts/a.html".into())
                ),
                (
                    "a#intro".into(),
                    Severity::Info,
                    Some("a.html#intro".into())
                ),
                (
                    "/posts/a#intor".into(),
                    Severity::Error,
                    Some("/posts/a#intro".into())
                ),
                (
                    "/legal?x=1".into(),
                    Severity::Info,
                    Some("/legal.html?x=1".into())
                ),
                ("/posts/nope".into(), Severity::Error, None),
                ("/posts/a/".into(), Severity::Error, None),
            ]
        );
        assert!(found[0].message.contains("is published at `/posts/a.html`"));
    }

    #[test]
    fn ids_bloglint_cannot_see() {
        // Hugo 0.168 writes the ids a shortcode's template or a layout
        // writes; bloglint sees only the Markdown.
        let files = [
            ("hugo.toml", "theme = 't'"),
            (
                "themes/t/layouts/shortcodes/cli/tools.html",
                "{{ range .Site.Data.tools }}<h2 id=\"{{ . }}\">{{ . }}</h2>{{ end }}",
            ),
            (
                "layouts/_shortcodes/note.html",
                "<div class=\"note\">{{ .Inner }}</div>",
            ),
            (
                "layouts/manual/single.html",
                "{{ readFile \"content/manual/what.md\" | markdownify }}",
            ),
            (
                "content/docs/cli.md",
                "---\ntitle: CLI\n---\n{{< cli/tools >}}\n",
            ),
            (
                "content/docs/mod.md",
                "---\ntitle: M\n---\n{{< from-a-module >}}\n",
            ),
            (
                "content/docs/plain.md",
                "---\ntitle: P\n---\n## Intro\n{{< note >}}x{{< /note >}} {{< figure src=\"a.png\" >}} {{</* cli/tools */>}}\n",
            ),
            ("content/manual/toc.md", "---\ntitle: T\n---\n## Contents\n"),
            (
                "content/posts/b.md",
                "---\ntitle: B\n---\n[a](/docs/cli/#collector) [b](/docs/mod/#x) [c](/docs/plain/#intor) [d](/manual/toc/#setups) [e](/docs/cli/)\n",
            ),
        ];
        let found = lint(&files);
        let got: Vec<_> = found.iter().map(|(_, s, m)| (*s, m.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    Severity::Warning,
                    "docs/cli.md has no heading or anchor `#collector` that bloglint can see, but its shortcode `cli/tools` (themes/t/layouts/shortcodes/cli/tools.html, which writes `id` attributes) may write it"
                ),
                (
                    Severity::Warning,
                    "docs/mod.md has no heading or anchor `#x` that bloglint can see, but its shortcode `from-a-module`, whose template bloglint did not find, may write it"
                ),
                (
                    Severity::Warning,
                    "manual/toc.md has no heading or anchor `#setups` that bloglint can see, but its layout layouts/manual/single.html (which calls `readFile`) may write it"
                ),
                (
                    Severity::Error,
                    "docs/plain.md has no heading or anchor `#intor`"
                ),
            ]
        );
        let names: Vec<_> =
            shortcode_names(
            "{{< a >}}{{% b/c x %}}{{< /a >}}{{</* d */>}}{{ e }}{{<f>}}{{% i \"p q.md\" %}}{{< g k=v >}}",
        )
        .collect();
        assert_eq!(
            names,
            [
                ("a", None),
                ("b/c", Some("x")),
                ("f", None),
                ("i", Some("p q.md")),
                ("g", None)
            ]
        );
        assert_eq!(writes_ids("<H2 class=x>"), Some("writes headings"));
        assert_eq!(
            writes_ids("<div id = \"{{ .Get 0 }}\">"),
            Some("writes `id` attributes")
        );
        assert_eq!(writes_ids("<div data-id=\"x\">{{ $valid = true }}"), None);
        assert_eq!(writes_ids("{{ .Get \"src\" }}<hr><header>"), None);
        assert_eq!(
            writes_ids("# {{ .Get 0 }}\n"),
            Some("writes Markdown headings")
        );
    }

    #[test]
    fn pages_dropped_with_a_draft_of_their_path() {
        // Hugo 0.168: posts/x.md next to a draft posts/x/index.md is not
        // published, and a `ref` to it fails with REF_NOT_FOUND.
        let files = [
            ("hugo.toml", ""),
            ("content/posts/x.md", "---\ntitle: X\n---\n"),
            (
                "content/posts/x/index.md",
                "---\ntitle: XB\ndraft: true\n---\n",
            ),
            (
                "content/posts/a.md",
                "---\ntitle: A\n---\n[x]({{< ref \"posts/x.md\" >}}) [y](/posts/x/)\n",
            ),
        ];
        let found = lint(&files);
        let got: Vec<_> = found.iter().map(|(_, s, m)| (*s, m.as_str())).collect();
        let why = "dropped with its page path (another content file of that path is not built)";
        assert_eq!(
            got,
            [
                (
                    Severity::Warning,
                    format!("`/posts/x/` links to posts/x.md, which is {why}: the link is broken in production").as_str()
                ),
                (
                    Severity::Error,
                    format!("`posts/x.md` links to posts/x.md, which is {why}: Hugo fails the production build (REF_NOT_FOUND)").as_str()
                ),
            ]
        );
    }

    #[test]
    fn urls_in_quotes() {
        // Hugo 0.168: the embedded hook's urls.Parse fails the build on
        // `"https://x"`; without a hook, `href="%22https://x%22"`.
        let (b, text) = page("[q](\"https://example.com/x\") [c](1a:b) [ok](a/b:c)");
        let embedded = lint(&[
            (
                "hugo.toml",
                "[markup.goldmark.renderHooks.link]\nuseEmbedded = 'always'",
            ),
            PAGE_A,
            (b, text.as_str()),
        ]);
        assert_eq!(
            messages(&embedded),
            [
                "Hugo's embedded render hook fails the build on `\"https://example.com/x\"`: Go's urls.Parse rejects a colon before the first `/` without a scheme",
                "Hugo's embedded render hook fails the build on `1a:b`: Go's urls.Parse rejects a colon before the first `/` without a scheme",
                "`a/b:c` resolves to `/posts/b/a/b:c`, where nothing is published",
            ]
        );
        let none = lint(&[("hugo.toml", ""), PAGE_A, (b, text.as_str())]);
        assert_eq!(
            messages(&none)[0],
            "`\"https://example.com/x\"` is written in quotes: it is published as a relative path"
        );
    }

    #[test]
    fn ugly_urls_and_generated_files() {
        let (b, text) = page(
            "[a](a.html) [feed](/posts/index.xml) [sitemap](/sitemap.xml) [no feed](/posts/a.html/index.xml) [home](/) [home feed](/index.xml)",
        );
        let found = lint(&[("hugo.toml", "uglyURLs = true"), PAGE_A, (b, text.as_str())]);
        assert_eq!(
            messages(&found),
            vec!["nothing is published at `/posts/a.html/index.xml`"]
        );
    }

    #[test]
    fn drafts_and_refs() {
        let draft = (
            "content/posts/d.md",
            "---\ntitle: D\ndraft: true\n---\n[b](/posts/b/)\n",
        );
        let (b, text) = page("{{< ref \"d.md\" >}} [d](/posts/d/)");
        let found = lint(&[PAGE_A, draft, (b, text.as_str())]);
        let expected = vec![
            (
                "posts/b.md".to_string(),
                Severity::Warning,
                "`/posts/d/` links to posts/d.md, which is a draft: the link is broken in production".to_string(),
            ),
            (
                "posts/b.md".to_string(),
                Severity::Error,
                "`d.md` links to posts/d.md, which is a draft: Hugo fails the production build (REF_NOT_FOUND)".to_string(),
            ),
        ];
        assert_eq!(found, expected);
    }
}
