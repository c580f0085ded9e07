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

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;
use std::sync::atomic::AtomicUsize;

use rayon::prelude::*;
use regex::Regex;

use super::config::JekyllConfig;
use super::index::{Role, role};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::LinkKind;
use crate::rules::Context;
use crate::rules::broken_link::META;
use crate::site::index::{Served, SiteIndex};
use crate::site::links::{browser_join, is_site_path, split_url};

/// `{% link path %}`, `{% post_url name %}` (with `{%-` trimming), and the
/// `#fragment` written right after the tag.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%-?\s*(link|post_url)\s+([^\s%]+)\s*-?%\}(#[^\s)\x22'<>\]]*)?")
        .expect("constant pattern")
});

/// A Markdown link or image whose destination starts with Liquid output:
/// `](` then `{{ … }}` then the rest of the destination.
static LIQUID_DEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\]\(\s*\{\{-?\s*([^}]*?)\s*-?\}\}([^\s)]*)\)").expect("constant pattern")
});

/// `{% raw %}` … `{% endraw %}`: Liquid left alone.
static RAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}").expect("constant pattern")
});

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
    /// Content paths as written (`{% link %}` compares them exactly).
    paths: HashSet<&'a str>,
    /// Every file of the site by path below the source (static files too).
    files: HashSet<String>,
}

/// Where a link lands.
enum Landing {
    /// A page of the site, by index.
    Page(usize),
    /// Something else the site publishes (a file, a redirect).
    Other,
}

impl<'s, 'a> Links<'s, 'a> {
    fn new(site: &'s SiteIndex<'a>, jk: &'s JekyllConfig) -> Links<'s, 'a> {
        let relative_links = jk.relative_links.enabled
            && (jk.has_plugin("jekyll-relative-links") || jk.github_pages);
        let paths = site
            .pages
            .iter()
            .map(|p| p.post.content_path.as_str())
            .collect();
        let files = site
            .urls
            .values()
            .flatten()
            .filter_map(|s| match s {
                Served::Static(p) => p.strip_prefix(&jk.source).ok(),
                _ => None,
            })
            .map(|p| {
                p.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .collect();
        Links {
            site,
            jk,
            relative_links,
            paths,
            files,
        }
    }

    fn check_page(&self, i: usize, out: &mut Vec<Diagnostic>) {
        let post = self.site.pages[i].post;
        let source: &str = &post.source;
        let raw: Vec<Range<usize>> = RAW.find_iter(source).map(|m| m.range()).collect();
        let in_raw = |at: usize| raw.iter().any(|r| r.contains(&at));
        let body = post.body_start;
        for c in TAG.captures_iter(source) {
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
        for c in LIQUID_DEST.captures_iter(source) {
            let (Some(expr), Some(rest)) = (c.get(1), c.get(2)) else {
                continue;
            };
            if expr.start() < body || in_raw(expr.start()) {
                continue;
            }
            let Some(path) = self.liquid_path(expr.as_str(), rest.as_str()) else {
                continue;
            };
            let span = expr.start().saturating_sub(2)..rest.end();
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

    /// `{% link path %}`: the file must be one of the site's.
    fn link_tag(
        &self,
        i: usize,
        arg: &str,
        span: Range<usize>,
        fragment: Option<String>,
    ) -> Option<Diagnostic> {
        // Liquid variables in the argument (`{% link {{ page.x }} %}`) are
        // not modelled.
        if arg.contains(['{', '}']) {
            return None;
        }
        let j = self
            .site
            .pages
            .iter()
            .position(|p| p.post.content_path == arg);
        match j {
            Some(j) => self.fragment(i, j, fragment.as_deref(), span),
            None if self.files.contains(arg) => None,
            None => {
                let help = self
                    .suggest_path(arg)
                    .map(|p| format!("did you mean `{p}`?"))
                    .unwrap_or_else(|| {
                        "the path is relative to the site's source folder, with the file's extension: `_posts/2024-01-05-title.md`, `about.md`".into()
                    });
                Some(error(
                    span,
                    format!("Jekyll fails the build: no file `{arg}` for `{{% link %}}`"),
                    "no such file",
                    Some(help),
                ))
            }
        }
    }

    /// `{% post_url name %}`: a post of that name (date and title, no
    /// extension), optionally under its category folders.
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
        let wanted = arg.trim_start_matches('/');
        let found = self.site.pages.iter().position(|p| {
            matches!(role(self.jk, &p.post.content_path), Role::Post { .. })
                && post_name_matches(&p.post.content_path, wanted)
        });
        match found {
            Some(j) => self.fragment(i, j, fragment.as_deref(), span),
            None => {
                let names: Vec<String> = self
                    .site
                    .pages
                    .iter()
                    .filter(|p| matches!(role(self.jk, &p.post.content_path), Role::Post { .. }))
                    .map(|p| post_name(&p.post.content_path))
                    .collect();
                let budget = AtomicUsize::new(SUGGESTION_BUDGET);
                let help = crate::suggest::closest(
                    wanted,
                    names.iter().map(String::as_str),
                    &budget,
                )
                .map(|(n, _)| format!("did you mean `{n}`?"))
                .unwrap_or_else(|| {
                    "name the post by its file name without the extension: `2024-01-05-title`"
                        .into()
                });
                Some(error(
                    span,
                    format!("Jekyll fails the build: no post `{arg}` for `{{% post_url %}}`"),
                    "no such post",
                    Some(help),
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
        // jekyll-relative-links: a relative link to a Markdown file of the
        // site becomes the link to its page.
        if self.relative_links && !path.starts_with('/') {
            let dir = self.site.pages[i]
                .post
                .content_path
                .rsplit_once('/')
                .map_or("", |(d, _)| d);
            let file = crate::text::path_join(&[dir, &path]);
            let file = file.trim_start_matches('/');
            if let Some(j) = self
                .site
                .pages
                .iter()
                .position(|p| p.post.content_path == file)
                && self.rewritten(j)
            {
                return self.fragment(i, j, fragment.as_deref(), span);
            }
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

    /// Whether jekyll-relative-links rewrites links to page `j`.
    fn rewritten(&self, j: usize) -> bool {
        let rel = &self.site.pages[j].post.content_path;
        let markdown = self.jk.is_markdown_ext(super::url::extname(rel));
        markdown
            && match role(self.jk, rel) {
                Role::Page | Role::Post { .. } => true,
                Role::Document { .. } => self.jk.relative_links.collections,
                Role::Draft { .. } => false,
            }
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
        let Some(below) = path
            .strip_prefix(base)
            .filter(|r| r.is_empty() || r.starts_with('/'))
        else {
            return Some(error(
                span,
                format!("`{written}` is outside the site: its `baseurl` is `{base}`"),
                "outside the site",
                Some(format!(
                    "start the path with `{base}/`, or write `{{{{ '{path}' | relative_url }}}}`"
                )),
            ));
        };
        let below = if below.is_empty() { "/" } else { below };
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
        })?;
        Some(
            served
                .iter()
                .find_map(|s| match s {
                    Served::Page(j) if self.site.pages[*j].redirect_to.is_none() => {
                        Some(Landing::Page(*j))
                    }
                    _ => None,
                })
                .unwrap_or(Landing::Other),
        )
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
        let help = crate::suggest::closest(fragment, candidates, &budget)
            .map(|(id, _)| format!("did you mean `#{id}`?"));
        let whose = if i == j {
            "this page".to_string()
        } else {
            format!("`{}`", page.url)
        };
        Some(error(
            span,
            format!("no heading `#{fragment}` on {whose}"),
            "no such anchor",
            help,
        ))
    }

    fn suggest_path(&self, wanted: &str) -> Option<String> {
        let budget = AtomicUsize::new(SUGGESTION_BUDGET);
        crate::suggest::closest(wanted, self.paths.iter().copied(), &budget)
            .map(|(p, _)| p.to_string())
    }

    fn suggest_url(&self, wanted: &str) -> Option<String> {
        let budget = AtomicUsize::new(SUGGESTION_BUDGET);
        crate::suggest::closest(wanted, self.site.urls.keys().map(String::as_str), &budget)
            .map(|(u, _)| u.to_string())
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

/// Whether `{% post_url wanted %}` finds the post at `content_path`:
/// `wanted` is its name, or its name with the folders above or below
/// `_posts`.
fn post_name_matches(content_path: &str, wanted: &str) -> bool {
    let name = post_name(content_path);
    if name == wanted {
        return true;
    }
    // `{% post_url category/2024-01-05-title %}`: the folders above
    // `_posts`.
    let above = content_path.split_once("/_posts/").map(|(a, _)| a);
    let base = name.rsplit('/').next().unwrap_or(&name);
    match wanted.rsplit_once('/') {
        Some((dir, last)) => {
            last == base && above.is_some_and(|a| a == dir || a.ends_with(&format!("/{dir}")))
        }
        None => false,
    }
}

fn error(span: Range<usize>, message: String, label: &str, help: Option<String>) -> Diagnostic {
    let d = Diagnostic::new(META.name, Severity::Error, span, message).with_label(label);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}
