//! `broken-link` on Jekyll sites: where each link lands, as Jekyll 4.3.1
//! writes it and a browser follows it.
//!
//! - `{% link path %}` and `{% post_url name %}` must name a file of the
//!   site: Jekyll fails the build otherwise ("Could not find document",
//!   "Could not find post"). Liquid runs before Markdown, so tags in code
//!   blocks count too; `{% raw %}` blocks do not.
//! - Relative links to Markdown files are rewritten to the page's URL when
//!   jekyll-relative-links is on (it is on GitHub Pages), documents of
//!   collections only with `relative_links.collections`.
//! - Other links are followed as a browser does from the page's URL; a
//!   path under the site's `baseurl` is looked up without it. A link to
//!   `/about` finds `/about.html` (GitHub Pages and most hosts serve it).
//! - `#anchors` are checked against kramdown's heading ids and the ids of
//!   the page's raw HTML.
//! - Destinations holding other Liquid (`{{ page.url }}`) are not checked:
//!   only `{{ site.baseurl }}`, `{{ site.url }}` and the `relative_url` /
//!   `absolute_url` filters on a quoted path are read.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;
use std::sync::atomic::AtomicUsize;

use rayon::prelude::*;
use regex::Regex;

use super::config::JekyllConfig;
use super::index::{Meta, Role, role};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::{LinkKind, Value};
use crate::rules::Context;
use crate::site::index::{Served, SiteIndex};
use crate::site::links::{
    self, Landing, broken as error, browser_join, fragment_fix, is_site_path, split_url,
};
use crate::site::model::Unpublished;

/// `{% link path %}`, `{% post_url name %}` (with `{%-` trimming), and the
/// `#fragment` written right after the tag.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}(#[^\s)\x22'<>\]]*)?")
        .expect("constant pattern")
});

/// A Markdown link or image whose destination starts with Liquid output:
/// `](` then `{{ … }}` then the rest of the destination.
static LIQUID_DEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\]\(\s*(\{\{-?\s*([^}]*?)\s*-?\}\}([^\s)]*))\)").expect("constant pattern")
});

/// A Liquid tag and its name.
static LIQUID_TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{%-?\s*(\w+)").expect("constant pattern"));

/// Anchor suggestions compared per linking page, at most.
const SUGGESTION_BUDGET: usize = 20_000;

/// Check every link of every published page of a Jekyll site.
pub fn check(site: &SiteIndex, jk: &JekyllConfig, cx: &Context, out: &mut Vec<Diagnostic>) {
    let links = Links::new(site, jk);
    let found: Vec<Vec<Diagnostic>> = (0..site.pages.len())
        .into_par_iter()
        .filter(|&i| site.pages[i].is_published() && cx.reports(&site.pages[i].post.path))
        .map(|i| {
            let mut found = Vec::new();
            links.check_page(i, &mut found);
            found
        })
        .collect();
    out.extend(found.into_iter().flatten());
}

struct Links<'s, 'a> {
    site: &'s SiteIndex<'a>,
    jk: &'s JekyllConfig,
    relative_links: bool,
    /// What `{% link %}` finds, by the `relative_path` Jekyll compares its
    /// argument with: a page's path below the source, a document's below
    /// the collections folder, a static file's with a leading `/`.
    link_targets: HashMap<String, Target>,
    /// What jekyll-relative-links finds, by the same paths without a
    /// leading `/`: pages, static files and written documents.
    relative_targets: HashMap<String, Option<usize>>,
    /// The posts and drafts (`_posts`, `_drafts`), by index: what
    /// `{% post_url %}` searches.
    posts: Vec<usize>,
}

/// What `{% link %}` finds.
#[derive(Clone, Copy)]
enum Target {
    /// A published page or document, by index.
    Page(usize),
    /// A static file or a file a plugin writes.
    File,
    /// A page or document Jekyll does not write, by index: the tag fails
    /// the build.
    Unpublished(usize),
}

impl<'s, 'a> Links<'s, 'a> {
    fn new(site: &'s SiteIndex<'a>, jk: &'s JekyllConfig) -> Links<'s, 'a> {
        let relative_links = jk.relative_links.enabled
            && (jk.has_plugin("jekyll-relative-links") || jk.github_pages);
        let mut link_targets = HashMap::new();
        let mut relative_targets = HashMap::new();
        let mut posts = Vec::new();
        for (j, page) in site.pages.iter().enumerate() {
            if matches!(
                role(jk, &page.post.content_path),
                Role::Post { .. } | Role::Draft { .. }
            ) {
                posts.push(j);
            }
            let rel = relative_path(jk, &page.post.content_path);
            let target = match &page.unpublished {
                None => Target::Page(j),
                // Without front matter the file is a static file; a URL
                // Jekyll cannot make or an invalid date fails the build
                // anyway.
                Some(
                    Unpublished::NoFrontMatter | Unpublished::BadUrl | Unpublished::InvalidDate,
                ) => Target::File,
                Some(_) => Target::Unpublished(j),
            };
            if let Target::Page(_) = target {
                relative_targets.insert(rel.to_string(), Some(j));
            }
            if matches!(page.unpublished, Some(Unpublished::NoFrontMatter)) {
                relative_targets.insert(rel.to_string(), None);
                link_targets.insert(format!("/{rel}"), Target::File);
            } else {
                link_targets.insert(rel.to_string(), target);
            }
        }
        for served in site.urls.values().flatten() {
            match served {
                Served::Static(p) => {
                    let Ok(below) = p.strip_prefix(&jk.source) else {
                        continue;
                    };
                    let rel = crate::text::slashed(below);
                    // A static file of a collection: either spelling.
                    let short = relative_path(jk, &rel).to_string();
                    for r in [rel, short] {
                        link_targets.insert(format!("/{r}"), Target::File);
                        relative_targets.insert(r, None);
                    }
                }
                Served::Generated(_) => {}
                _ => continue,
            }
        }
        // Plugins' pages (`feed.xml`) are pages to `{% link %}`.
        for (url, served) in &site.urls {
            if served.iter().any(|s| matches!(s, Served::Generated(_))) {
                link_targets.insert(url.trim_start_matches('/').to_string(), Target::File);
            }
        }
        Links {
            site,
            jk,
            relative_links,
            link_targets,
            relative_targets,
            posts,
        }
    }

    fn check_page(&self, i: usize, out: &mut Vec<Diagnostic>) {
        let post = self.site.pages[i].post;
        let source: &str = &post.source;
        let raw = unrendered(source);
        let in_raw = |at: usize| raw.iter().any(|r| r.contains(&at));
        let body = post.body_start;
        // `render_with_liquid: false`: its tags are text.
        let role = role(self.jk, &post.content_path);
        let liquid = !Meta::new(self.jk, post, &role)
            .field("render_with_liquid")
            .is_some_and(|n| matches!(n.value, Value::Bool(false)));
        for c in TAG.captures_iter(source).filter(|_| liquid) {
            let (Some(whole), Some(name), Some(arg)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            if whole.start() < body || in_raw(whole.start()) {
                continue;
            }
            let fragment = c.get(3).map(|f| f.as_str()[1..].to_string());
            let found = match name.as_str() {
                "link" => self.link_tag(i, arg.as_str(), arg.range(), fragment),
                _ => self.post_url_tag(i, arg.as_str(), arg.range(), fragment),
            };
            out.extend(found.map(|d| d.in_file(post.path.clone())));
        }
        for c in LIQUID_DEST.captures_iter(source).filter(|_| liquid) {
            let (Some(whole), Some(expr), Some(rest)) = (c.get(1), c.get(2), c.get(3)) else {
                continue;
            };
            if expr.start() < body || in_raw(expr.start()) {
                continue;
            }
            let Some(path) = self.liquid_path(expr.as_str(), rest.as_str()) else {
                continue;
            };
            let span = whole.range();
            let written = &source[span.clone()];
            if let Some(d) = self.check_site_path(i, &path, span, written) {
                out.push(d.in_file(post.path.clone()));
            }
        }
        let mut seen = HashSet::new();
        for link in &post.outline.links {
            if link.kind == LinkKind::Definition
                || !seen.insert(link.dest_span.start)
                || in_raw(link.dest_span.start)
            {
                continue;
            }
            let dest = link.dest.trim();
            if dest.contains("{%") || dest.contains("{{") || !is_site_path(dest) {
                continue;
            }
            if let Some(d) = self.check_dest(i, dest, link.dest_span.clone()) {
                out.push(d.in_file(post.path.clone()));
            }
        }
    }

    /// `{% link path %}`: the file must be one Jekyll writes. Jekyll 4.3.1
    /// compares the argument with each file's `relative_path`, and with a
    /// leading `/` added (static files' paths have one): `/about.md` finds
    /// no page, `/assets/x.png` and `assets/x.png` find the file.
    fn link_tag(
        &self,
        i: usize,
        arg: &str,
        span: Range<usize>,
        fragment: Option<String>,
    ) -> Option<Diagnostic> {
        // Liquid in the argument (`{% link {{ page.x }} %}`) is rendered
        // first: not modelled.
        if arg.contains(['{', '}']) {
            return None;
        }
        let slashed = format!("/{}", arg.trim_start_matches('/'));
        let found = self
            .link_targets
            .get(arg)
            .or_else(|| self.link_targets.get(&slashed));
        match found {
            Some(Target::Page(j)) => self.fragment(i, *j, fragment.as_deref(), span),
            Some(Target::File) => None,
            Some(Target::Unpublished(j)) => Some(not_written(
                span,
                format!("`{arg}`"),
                &self.site.pages[*j],
                "link",
                "a page",
            )),
            None => {
                let near = self.suggest_path(arg);
                let unslashed = arg.trim_start_matches('/');
                let help = near
                    .as_ref()
                    .map(|p| {
                        if arg.starts_with('/') && p == unslashed {
                            format!("a page's or document's path has no leading `/` (a static file's may): `{p}`")
                        } else {
                            format!("did you mean `{p}`?")
                        }
                    })
                    .unwrap_or_else(|| {
                        "the path is relative to the site's source folder (a document's to the collections folder), with the file's extension: `_posts/2024-01-05-title.md`, `about.md`".into()
                    });
                Some(not_found(
                    span,
                    format!("Jekyll fails the build: no file `{arg}` for `{{% link %}}`"),
                    "no such file",
                    help,
                    near,
                ))
            }
        }
    }

    /// `{% post_url name %}`: a post Jekyll writes, found as Jekyll 4.3.1
    /// finds it: by its path (`2024-01-05-title`, `sub/2024-01-05-title`
    /// for `_posts/sub/`, `cat/2024-01-05-title` for `cat/_posts/`), else
    /// (with a deprecation warning) by its date and slug alone, whatever
    /// its folders (`2024-1-5-title` finds `2024-01-05-title.md`, and a
    /// front matter `slug` counts).
    fn post_url_tag(
        &self,
        i: usize,
        arg: &str,
        span: Range<usize>,
        fragment: Option<String>,
    ) -> Option<Diagnostic> {
        if arg.contains(['{', '}']) {
            return None;
        }
        let Some(name) = PostName::parse(arg) else {
            return Some(error(
                span,
                format!(
                    "Jekyll fails the build: `{arg}` is not a post name for `{{% post_url %}}`"
                ),
                "not a post name",
                Some(
                    "name the post by its file name without the extension: `2024-01-05-title`"
                        .into(),
                ),
            ));
        };
        let posts = || self.posts.iter().map(|&j| (j, &self.site.pages[j]));
        let written = |p: &crate::site::index::Page| {
            !matches!(
                p.unpublished,
                Some(
                    Unpublished::PublishedFalse
                        | Unpublished::Future
                        | Unpublished::Draft
                        | Unpublished::UndatedPost
                )
            )
        };
        let by_path = |p: &crate::site::index::Page| {
            name.matches_path(relative_path(self.jk, &p.post.content_path))
        };
        // Jekyll looks among the posts it writes only: by path, then by
        // date and slug; a post it does not write is named in the message.
        let found = posts()
            .find(|(_, p)| written(p) && by_path(p))
            .or_else(|| {
                posts().find(|(_, p)| written(p) && name.matches_date_and_slug(self.jk, p.post))
            })
            .or_else(|| posts().find(|(_, p)| by_path(p)));
        match found {
            Some((j, p)) if written(p) => self.fragment(i, j, fragment.as_deref(), span),
            Some((_, p)) => Some(not_written(
                span,
                format!("the post `{arg}`"),
                p,
                "post_url",
                "a post",
            )),
            None => {
                let names: Vec<String> = posts()
                    .filter(|(_, p)| written(p))
                    .map(|(_, p)| post_name(&p.post.content_path))
                    .collect();
                let budget = AtomicUsize::new(SUGGESTION_BUDGET);
                let wanted = arg.trim_start_matches('/');
                let near =
                    crate::suggest::closest(wanted, names.iter().map(String::as_str), &budget)
                        .map(|(n, _)| n.to_string());
                let help = near
                    .as_ref()
                    .map(|n| format!("did you mean `{n}`?"))
                    .unwrap_or_else(|| {
                        "name the post by its file name without the extension: `2024-01-05-title`"
                            .into()
                    });
                Some(not_found(
                    span,
                    format!("Jekyll fails the build: no post `{arg}` for `{{% post_url %}}`"),
                    "no such post",
                    help,
                    near,
                ))
            }
        }
    }

    /// The site path a Markdown destination written with Liquid output
    /// stands for, when bloglint knows the Liquid.
    fn liquid_path(&self, expr: &str, rest: &str) -> Option<String> {
        let compact: String = expr.split_whitespace().collect::<Vec<_>>().join(" ");
        let base = self.site.base_path.as_str();
        match compact.as_str() {
            "site.baseurl" => Some(format!("{base}{rest}")),
            _ => {
                // `"/x" | relative_url` (or `absolute_url`).
                let (value, filter) = compact.split_once('|')?;
                let filter = filter.trim();
                if filter != "relative_url" && filter != "absolute_url" {
                    return None;
                }
                let value = value.trim();
                let quoted = value.len() >= 2
                    && (value.starts_with('"') && value.ends_with('"')
                        || value.starts_with('\'') && value.ends_with('\''));
                if !quoted {
                    return None;
                }
                let path = &value[1..value.len() - 1];
                let path = if path.starts_with('/') {
                    path.to_string()
                } else {
                    format!("/{path}")
                };
                Some(format!("{base}{path}{rest}"))
            }
        }
    }

    /// A plain destination of page `i`.
    fn check_dest(&self, i: usize, dest: &str, span: Range<usize>) -> Option<Diagnostic> {
        let (path, fragment) = split_url(dest);
        if path.is_empty() {
            let fragment = fragment?;
            return self.fragment(i, i, Some(&fragment), span);
        }
        // jekyll-relative-links rewrites a Markdown link (inline or
        // reference definition, not HTML) of a Markdown page to a file of
        // the site to that file's URL, relative or from the root.
        if let Some(target) = self.relative_target(i, &path) {
            return match target {
                Some(j) => self.fragment(i, j, fragment.as_deref(), span),
                None => None,
            };
        }
        let site_path = if path.starts_with('/') {
            path.clone()
        } else {
            let url = &self.site.pages[i].url;
            let dir = if url.ends_with('/') {
                url.as_str()
            } else {
                url.rsplit_once('/').map_or("/", |(d, _)| d)
            };
            format!("{}{}", self.site.base_path, browser_join(dir, &path))
        };
        let written = dest.to_string();
        let with_fragment = match &fragment {
            Some(f) => format!("{site_path}#{f}"),
            None => site_path,
        };
        self.check_site_path(i, &with_fragment, span, &written)
    }

    /// What jekyll-relative-links 0.7.0 makes of a link of page `i` to
    /// `path` (decoded, without its fragment): `Some(Some(j))` the page or
    /// document `j`, `Some(None)` a static file, `None` not rewritten. It
    /// rewrites the links of Markdown pages (of documents and posts too
    /// with `relative_links.collections: true`), resolved from the file's
    /// folder (`/x.md` from the source), to pages, static files and written
    /// documents. Verified with Jekyll 4.3.1: `[a](page.md)`,
    /// `[b](./page.md#part)`, `[c](../about.md)`, `[s](/about.md)`,
    /// `![i](pic.png)` and `[r]: page.md` are rewritten; `<a
    /// href="page.md">` is not, nor a link of a post by default.
    fn relative_target(&self, i: usize, path: &str) -> Option<Option<usize>> {
        if !self.relative_links {
            return None;
        }
        let rel = &self.site.pages[i].post.content_path;
        let markdown = self.jk.is_markdown_ext(super::url::extname(rel));
        let rewritten = markdown
            && match role(self.jk, rel) {
                Role::Page => true,
                _ => self.jk.relative_links.collections,
            };
        if !rewritten {
            return None;
        }
        let dir = relative_path(self.jk, rel)
            .rsplit_once('/')
            .map_or("", |(d, _)| d);
        let joined = if path.starts_with('/') {
            crate::text::path_join(&[path])
        } else {
            crate::text::path_join(&[dir, path])
        };
        // Above the source folder: nothing.
        if joined.starts_with("..") {
            return None;
        }
        let file = joined.trim_start_matches('/');
        self.relative_targets.get(file).copied()
    }

    /// An absolute site path (baseurl included), with its fragment.
    fn check_site_path(
        &self,
        i: usize,
        dest: &str,
        span: Range<usize>,
        written: &str,
    ) -> Option<Diagnostic> {
        let (path, fragment) = split_url(dest);
        let base = self.site.base_path.as_str();
        let Some(below) = links::below_base(&path, base) else {
            return Some(error(
                span,
                format!("`{written}` is outside the site: its `baseurl` is `{base}`"),
                "outside the site",
                Some(format!(
                    "start the path with `{base}/`, or write `{{{{ '{path}' | relative_url }}}}`"
                )),
            ));
        };
        match self.landing(below) {
            Some(Landing::Page(j)) => self.fragment(i, j, fragment.as_deref(), span),
            Some(Landing::Other) => None,
            None => {
                let help = self
                    .suggest_url(below)
                    .map(|u| format!("did you mean `{base}{u}`?"));
                Some(error(
                    span,
                    format!("no page or file is published at `{written}`"),
                    "nothing here",
                    help,
                ))
            }
        }
    }

    /// What serves a site path (without the baseurl): the path itself, or
    /// with `.html` (hosts serve `/about.html` for `/about`).
    fn landing(&self, path: &str) -> Option<Landing> {
        let html = format!("{}.html", path.trim_end_matches('/'));
        let served = self.site.lookup(path).or_else(|| {
            (!path.ends_with('/'))
                .then(|| self.site.lookup(&html))
                .flatten()
        });
        links::landing(self.site, served, path)
    }

    /// A fragment of a link of page `i` into page `j`.
    fn fragment(
        &self,
        i: usize,
        j: usize,
        fragment: Option<&str>,
        span: Range<usize>,
    ) -> Option<Diagnostic> {
        let fragment = fragment.filter(|f| !f.is_empty())?;
        let page = &self.site.pages[j];
        let post = page.post;
        // An HTML page is published as written: its ids are its own.
        let ids = page.ids(self.site.generator);
        let outline = &post.outline;
        let known = ids.iter().any(|id| id == fragment)
            || outline.html_ids.iter().any(|id| id == fragment)
            || outline.attribute_ids.iter().any(|id| id == fragment);
        if known || fragment == "top" {
            return None;
        }
        if crate::document::is_html_content(&post.content_path) && outline.html_ids.is_empty() {
            return None;
        }
        let budget = AtomicUsize::new(SUGGESTION_BUDGET);
        let candidates = ids
            .iter()
            .chain(&outline.html_ids)
            .filter(|s| !s.is_empty())
            .map(String::as_str);
        let near = crate::suggest::closest(fragment, candidates, &budget).map(|(id, _)| id);
        let help = near.map(|id| format!("did you mean `#{id}`?"));
        let fix = near.and_then(|id| {
            // After a tag, the fragment follows the tag's argument.
            let source = &self.site.pages[i].post.source;
            let end = source
                .get(span.end..)
                .and_then(|rest| {
                    let k = rest.find("%}")?;
                    rest[..k]
                        .trim_end_matches('-')
                        .trim()
                        .is_empty()
                        .then_some(span.end + k + 2)
                })
                .filter(|&e| source.get(e..).is_some_and(|r| r.starts_with('#')))
                .map_or(span.end, |e| e + 1 + fragment.len());
            fragment_fix(source, &(span.start..end), fragment, id)
        });
        let whose = if i == j {
            "this page".to_string()
        } else {
            format!("`{}`", page.url)
        };
        let d = error(
            span,
            format!("no heading `#{fragment}` on {whose}"),
            "no such anchor",
            help,
        );
        Some(match fix {
            Some(f) => d.with_fix(f),
            None => d,
        })
    }

    fn suggest_path(&self, wanted: &str) -> Option<String> {
        let budget = AtomicUsize::new(SUGGESTION_BUDGET);
        crate::suggest::closest(
            wanted,
            self.link_targets
                .iter()
                .filter(|(_, t)| !matches!(t, Target::Unpublished(_)))
                .map(|(p, _)| p.trim_start_matches('/')),
            &budget,
        )
        .map(|(p, _)| p.to_string())
    }

    fn suggest_url(&self, wanted: &str) -> Option<String> {
        let budget = AtomicUsize::new(SUGGESTION_BUDGET);
        crate::suggest::closest(wanted, self.site.urls.keys().map(String::as_str), &budget)
            .map(|(u, _)| u.to_string())
    }
}

/// A Liquid link tag naming a page Jekyll does not write: the build
/// fails. `what` names the argument (`` `about.md` ``, ``the post `x` ``),
/// `tag` the tag (`link`, `post_url`), `kind` what to link to instead.
fn not_written(
    span: Range<usize>,
    what: String,
    page: &crate::site::index::Page,
    tag: &str,
    kind: &str,
) -> Diagnostic {
    let why = page
        .unpublished
        .as_ref()
        .map_or("not published", Unpublished::reason);
    error(
        span,
        format!(
            "Jekyll fails the build: {what} is not published ({why}), so `{{% {tag} %}}` cannot find it"
        ),
        "not published",
        Some(format!("link to {kind} Jekyll writes, or publish this one")),
    )
}

/// A Liquid link tag naming nothing: the build fails; with the nearest
/// name, an unsafe fix writing it instead.
fn not_found(
    span: Range<usize>,
    message: String,
    label: &str,
    help: String,
    near: Option<String>,
) -> Diagnostic {
    let d = error(span.clone(), message, label, Some(help));
    match near {
        Some(n) => d.with_fix(Fix::replace(
            Applicability::Unsafe,
            format!("link to `{n}`"),
            span,
            n,
        )),
        None => d,
    }
}

/// A post's name as `{% post_url %}` knows it: its path below `_posts`,
/// without the extension (`2024-01-05-title`, `sub/2024-01-05-title`).
fn post_name(content_path: &str) -> String {
    let below = content_path
        .split_once("_posts/")
        .map_or(content_path, |(_, b)| b);
    let ext = super::url::extname(below);
    below.strip_suffix(ext).unwrap_or(below).to_string()
}

/// The post name of `{% post_url %}`, split as Jekyll 4.3.1's
/// `PostComparer` splits it: `(.+/)*(\d+-\d+-\d+)-(.*)`.
struct PostName {
    path: String,
    date: String,
    slug: String,
}

static POST_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(.+/)*(\d+-\d+-\d+)-(.*)$").expect("constant pattern"));

impl PostName {
    fn parse(arg: &str) -> Option<PostName> {
        let c = POST_NAME.captures(arg.strip_prefix('/').unwrap_or(arg))?;
        Some(PostName {
            path: c.get(1).map_or("", |m| m.as_str()).to_string(),
            date: c.get(2)?.as_str().to_string(),
            slug: c.get(3)?.as_str().to_string(),
        })
    }

    /// Jekyll's first pass: the document's `relative_path` matches
    /// `^_posts/PATH DATE-SLUG\.[^.]+` or `^PATH _posts/?DATE-SLUG\.[^.]+`
    /// (the path is not escaped; nothing anchors the end).
    fn matches_path(&self, relative_path: &str) -> bool {
        let base = format!("{}-{}\\.[^.]+", self.date, regex::escape(&self.slug));
        let pattern = format!("^_posts/{p}{base}|^{p}_posts/?{base}", p = self.path);
        match Regex::new(&pattern) {
            Ok(re) => re.is_match(relative_path),
            // A path Rust's regex reads otherwise than Ruby's: found.
            Err(_) => true,
        }
    }

    /// Jekyll's second pass: the post's slug (its front matter `slug`, else
    /// its file name's) and the day of its date (its front matter `date`,
    /// else its file name's) equal the name's, whatever its folders. Where
    /// bloglint is unsure of the date, both days count.
    fn matches_date_and_slug(&self, jk: &JekyllConfig, post: &crate::document::Post) -> bool {
        let Some(day) = numbers(&self.date) else {
            return false;
        };
        let file = post.content_path.rsplit('/').next().unwrap_or_default();
        let meta = Meta::new(jk, post, &role(jk, &post.content_path));
        let (file_day, file_slug) = match POST_NAME.captures(file) {
            Some(c) => (
                c.get(2).and_then(|m| numbers(m.as_str())),
                c.get(3).map(|m| {
                    let ext = super::url::extname(m.as_str());
                    m.as_str()
                        .strip_suffix(ext)
                        .unwrap_or(m.as_str())
                        .to_string()
                }),
            ),
            None => (None, None),
        };
        let slug = meta.string("slug").map(|s| s.into_owned()).or(file_slug);
        let front_day = meta
            .string("date")
            .and_then(|d| numbers(d.get(..10).unwrap_or(&d)));
        slug.as_deref() == Some(self.slug.as_str())
            && (file_day == Some(day) || front_day == Some(day))
    }
}

/// `2024-1-05` as numbers.
fn numbers(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date
        .trim()
        .splitn(3, '-')
        .map(|p| p.trim().parse::<u32>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}

/// The parts of a page's text Liquid may not render: `{% raw %}` blocks
/// (text, not Liquid), `{% comment %}` blocks, and the branches of `{% if
/// %}`, `{% unless %}` and `{% case %}` (Jekyll 4.3.1 renders a tag only
/// in the branch taken: `{% if false %}{% link nope.md %}{% endif %}`
/// builds). bloglint does not evaluate conditions: it checks none of them.
fn unrendered(source: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut raw: Option<usize> = None;
    // The outermost open block and the depth of blocks of its kind.
    let mut open: Option<(usize, &str, usize)> = None;
    for c in LIQUID_TAG.captures_iter(source) {
        let (Some(whole), Some(name)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let name = name.as_str();
        if let Some(start) = raw {
            if name == "endraw" {
                out.push(start..whole.end());
                raw = None;
            }
            continue;
        }
        match (&mut open, name) {
            (None, "raw") => raw = Some(whole.start()),
            (None, "comment" | "if" | "unless" | "case") => {
                open = Some((whole.start(), name, 1));
            }
            (Some((_, kind, depth)), _) if name == *kind => *depth += 1,
            (Some((start, kind, depth)), _) if name.strip_prefix("end") == Some(kind) => {
                *depth -= 1;
                if *depth == 0 {
                    out.push(*start..whole.end());
                    open = None;
                }
            }
            _ => {}
        }
    }
    if let Some(start) = raw {
        out.push(start..source.len());
    }
    if let Some((start, _, _)) = open {
        out.push(start..source.len());
    }
    out
}

/// The parts of a page's text Jekyll does not publish as markup: those
/// Liquid may not render ([`unrendered`]: comments, conditional branches,
/// and `{% raw %}` blocks, left out too) and `{% highlight %}` blocks,
/// which it writes as code.
pub(crate) fn not_markup(source: &str) -> Vec<Range<usize>> {
    let mut out = unrendered(source);
    let mut open = None;
    for c in LIQUID_TAG.captures_iter(source) {
        let (Some(whole), Some(name)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if out.iter().any(|r| r.contains(&whole.start())) {
            continue;
        }
        match (open, name.as_str()) {
            (None, "highlight") => open = Some(whole.start()),
            (Some(start), "endhighlight") => {
                out.push(start..whole.end());
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(start..source.len());
    }
    out
}

/// A file's `relative_path` as Jekyll 4.3.1 has it: a document's below the
/// collections folder (`_posts/a.md` for `my_collections/_posts/a.md`), a
/// page's below the source.
fn relative_path<'p>(jk: &JekyllConfig, content_path: &'p str) -> &'p str {
    match jk.collections_dir.trim_matches('/') {
        "" => content_path,
        dir => content_path
            .strip_prefix(dir)
            .and_then(|r| r.strip_prefix('/'))
            .filter(|r| r.starts_with('_'))
            .unwrap_or(content_path),
    }
}

#[cfg(test)]
mod tests {
    //! Each expectation checked with Jekyll 4.3.1 (`jekyll build` of the same
    //! files: the build fails, or succeeds with the link resolved).

    use super::*;

    /// The messages of `broken-link` on a Jekyll site of `files`, at the
    /// fixtures' "now" (2025-01-01).
    fn findings(files: &[(&str, &str)]) -> Vec<String> {
        let dir = tempfile::tempdir().expect("temp dir");
        for (path, text) in files {
            let full = dir.path().join(path);
            if let Some(parent) = full.parent() {
                std::fs::create_dir_all(parent).expect("folder");
            }
            std::fs::write(full, text).expect("file");
        }
        let mut toml = String::from("[rules]\n");
        for m in crate::rules::RULES {
            if m.name != crate::rules::broken_link::META.name {
                toml.push_str(&format!("{} = \"off\"\n", m.name));
            }
        }
        let config = crate::config::Config::parse(&toml, dir.path()).expect("config");
        let generator =
            crate::site::Generator::load(dir.path(), crate::site::generator::GeneratorKind::Jekyll)
                .expect("site");
        let site = crate::site::Site::load(generator);
        let mut found: Vec<String> = crate::lint(&site, &config, 1_735_689_600, None)
            .into_iter()
            .map(|d| d.message)
            .collect();
        found.sort();
        found
    }

    #[test]
    fn tags_to_files_jekyll_does_not_write_fail_the_build() {
        let found = findings(&[
            (
                "_config.yml",
                "collections:\n  hidden:\n    output: false\n",
            ),
            ("_hidden/h.md", "---\ntitle: H\n---\n"),
            ("_posts/2024-01-09-unpub.md", "---\npublished: false\n---\n"),
            ("_posts/2099-01-09-future.md", "---\ntitle: F\n---\n"),
            (
                "index.md",
                "---\ntitle: I\n---\n{% link _hidden/h.md %} {% link _posts/2024-01-09-unpub.md %}\n\
                 {% post_url 2024-01-09-unpub %} {% post_url 2099-01-09-future %}\n",
            ),
        ]);
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(
            found.iter().all(|m| m.contains("is not published")),
            "{found:#?}"
        );
    }

    #[test]
    fn collections_dir_paths_and_static_files() {
        let found = findings(&[
            ("_config.yml", "collections_dir: coll\n"),
            ("coll/_posts/2024-01-05-a.md", "---\ntitle: A\n---\n"),
            ("assets/x.png", "png"),
            (
                "index.md",
                "---\ntitle: I\n---\n{% link _posts/2024-01-05-a.md %} {% link /assets/x.png %}\n\
                 {% post_url 2024-01-05-a %} {% link coll/_posts/2024-01-05-a.md %}\n",
            ),
        ]);
        // A document's path is below the collections folder.
        assert_eq!(
            found,
            ["Jekyll fails the build: no file `coll/_posts/2024-01-05-a.md` for `{% link %}`"]
        );
    }

    #[test]
    fn highlight_blocks_are_not_markup() {
        let s =
            "a {% highlight html %}<img>{% endhighlight %} b {%- comment -%}c{% endcomment %} d";
        let ranges = not_markup(s);
        let covered = |needle: &str| {
            let at = s.find(needle).expect("needle");
            ranges.iter().any(|r| r.contains(&at))
        };
        assert!(covered("<img>") && covered("c{%"));
        assert!(!covered("a ") && !covered(" b ") && !covered(" d"));
    }

    #[test]
    fn unrendered_liquid() {
        let s = "a {% raw %}{% if %}{% endraw %} b {% if x %}{% if y %}{% endif %} c {% endif %} \
                 d {% comment %}e{% endcomment %} f {% for x in y %}g{% endfor %}";
        let ranges = unrendered(s);
        let covered = |needle: &str| {
            let at = s.find(needle).expect("needle");
            ranges.iter().any(|r| r.contains(&at))
        };
        assert!(covered(" c ") && covered("e{") && covered("{% if %}"));
        assert!(!covered(" b ") && !covered(" d ") && !covered("g{"));
    }

    #[test]
    fn post_names_as_jekyll_splits_them() {
        let n = PostName::parse("/cat/sub/2024-1-5-a-b").expect("name");
        assert_eq!(
            (n.path.as_str(), n.date.as_str(), n.slug.as_str()),
            ("cat/sub/", "2024-1-5", "a-b")
        );
        assert!(PostName::parse("hello").is_none());
        let n = PostName::parse("cat/2024-01-05-t").expect("name");
        assert!(n.matches_path("cat/_posts/2024-01-05-t.md"));
        assert!(n.matches_path("_posts/cat/2024-01-05-t.md"));
        assert!(!n.matches_path("x/cat/_posts/2024-01-05-t.md"));
        assert!(!n.matches_path("_posts/2024-01-05-t.md"));
    }
}
