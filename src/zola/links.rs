//! `broken-link` on Zola sites: where each link lands, as Zola 0.22.1
//! writes it and a browser follows it.
//!
//! What `zola build` itself does (`components/markdown`, `fix_link`, and
//! `components/site`, `check_internal_links_with_anchors`), with
//! `[link_checker] internal_level = "error"`, the default:
//!
//! - `@/path/to/file.md` (Markdown links only, not images) must name a
//!   content file Zola loaded (a page or an `_index.md`, drafts not
//!   loaded): the build fails otherwise ("Broken relative link"). Its
//!   `#anchor`, compared as written (not percent-decoded), must be one of
//!   the target's heading ids, or for a page any `id`/`name` in its HTML
//!   compared ignoring case; for a section, its heading ids only. A
//!   missing one fails the build too, as does a `#anchor` of the page
//!   itself (same test). `#top` and `#` are always fine.
//! - A link with an empty destination fails the build ("There is a link
//!   that is missing a URL").
//! - Nothing else is checked: `/absolute` paths and relative links are
//!   written as they are (relative ones with the page's own URL in front,
//!   so they are joined as a browser joins them: a bare `github.com/x` is a
//!   path under the page).
//!
//! bloglint reports all of these, and what Zola lets through: an `@/` link
//! to a page Zola loads but does not write (its URL is a 404), an anchor
//! that matches only by case (Zola's page check ignores case, browsers do
//! not), absolute and relative links to nothing, anchors of those.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::AtomicUsize;

use rayon::prelude::*;

use super::config::ZolaConfig;
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::LinkKind;
use crate::rules::Context;
use crate::site::index::SiteIndex;
use crate::site::links::{
    self, Landing, broken as error, browser_join, fragment_fix, is_site_path, split_url,
};
use crate::site::model::Unpublished;

/// Suggestions compared per link, at most.
const SUGGESTION_BUDGET: usize = 20_000;

/// Check every link of every page Zola loads.
pub fn check(site: &SiteIndex, _zola: &ZolaConfig, cx: &Context, out: &mut Vec<Diagnostic>) {
    let links = Links::new(site);
    let found: Vec<Vec<Diagnostic>> = (0..site.pages.len())
        .into_par_iter()
        .filter(|&i| loaded(&site.pages[i]) && cx.reports(&site.pages[i].post.path))
        .map(|i| {
            let mut found = Vec::new();
            links.check_page(i, &mut found);
            found
        })
        .collect();
    out.extend(found.into_iter().flatten());
}

/// Whether Zola loads the page (renders its Markdown, resolves its `@/`
/// links): every content file but drafts.
fn loaded(page: &crate::site::index::Page) -> bool {
    !matches!(page.unpublished, Some(Unpublished::Draft))
}

struct Links<'s, 'a> {
    site: &'s SiteIndex<'a>,
    /// Pages by content path as `@/` names them (`blog/post.md`,
    /// `blog/_index.md`), the first of each.
    by_path: HashMap<&'a str, usize>,
}

/// Whose anchors are checked, and by whom.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Checker {
    /// Zola's own check (`@/…#x`, `#x`): the fragment as written.
    Zola,
    /// A browser, following a plain link: the fragment decoded.
    Browser,
}

impl<'s, 'a> Links<'s, 'a> {
    fn new(site: &'s SiteIndex<'a>) -> Links<'s, 'a> {
        let mut by_path = HashMap::new();
        for (j, page) in site.pages.iter().enumerate() {
            by_path.entry(page.post.content_path.as_str()).or_insert(j);
        }
        Links { site, by_path }
    }

    fn check_page(&self, i: usize, out: &mut Vec<Diagnostic>) {
        let page = &self.site.pages[i];
        let post = page.post;
        let mut seen = std::collections::HashSet::new();
        for link in &post.outline.links {
            // A reference link is checked at its definition, once.
            if link.kind == LinkKind::Definition || !seen.insert(link.dest_span.start) {
                continue;
            }
            let dest = link.dest.trim();
            let span = link.dest_span.clone();
            let found = if dest.is_empty() {
                (link.kind == LinkKind::Link).then(|| {
                    error(
                        link.span.clone(),
                        "Zola fails the build: this link has no URL".into(),
                        "empty destination",
                        Some(
                            "write where it goes: `[text](@/blog/post.md)`, `[text](https://…)`"
                                .into(),
                        ),
                    )
                })
            } else if let Some(rest) = dest.strip_prefix("@/") {
                if link.kind == LinkKind::Image {
                    self.at_image(i, dest, span)
                } else {
                    self.internal(i, dest, rest, span)
                }
            } else if let Some(fragment) = dest.strip_prefix('#') {
                if link.kind == LinkKind::Image {
                    None
                } else {
                    self.anchor(i, i, fragment, Checker::Zola, span)
                }
            } else if !is_site_path(dest) || dest.contains("{%") {
                None
            } else if page.is_published() {
                self.plain(i, dest, span)
            } else {
                None
            };
            out.extend(found.map(|d| d.in_file(post.path.clone())));
        }
    }

    /// `@/path#anchor`, as Zola 0.22.1 resolves it: the path percent-decoded
    /// and looked up among the content files it loaded, the anchor as
    /// written.
    fn internal(&self, i: usize, dest: &str, rest: &str, span: Range<usize>) -> Option<Diagnostic> {
        let (path, anchor) = match rest.split_once('#') {
            Some((p, a)) => (p, Some(a.split('#').next().unwrap_or(a))),
            None => (rest, None),
        };
        let decoded = crate::text::percent_decode(path);
        let Some(&j) = self.by_path.get(decoded.as_str()) else {
            return Some(self.no_content_file(dest, path, &decoded, span));
        };
        let target = &self.site.pages[j];
        match &target.unpublished {
            Some(Unpublished::Draft) => Some(error(
                span,
                format!("Zola fails the build: `{dest}` is a draft, which Zola does not load"),
                "a draft",
                Some(
                    "publish it (`draft = false`), or link elsewhere; `zola build --drafts` loads drafts"
                        .into(),
                ),
            )),
            Some(why) => Some(error(
                span,
                format!(
                    "Zola resolves `{dest}` to `{}`, but writes no page there ({})",
                    target.url,
                    why.reason()
                ),
                "not published",
                Some("link to a page Zola writes, or publish this one".into()),
            )),
            None => anchor.and_then(|a| self.anchor(i, j, a, Checker::Zola, span)),
        }
    }

    /// `@/` naming no content file Zola loads.
    fn no_content_file(
        &self,
        dest: &str,
        path: &str,
        decoded: &str,
        span: Range<usize>,
    ) -> Diagnostic {
        let budget = AtomicUsize::new(SUGGESTION_BUDGET);
        let wanted = decoded.trim_start_matches("content/");
        let near = if wanted != decoded && self.by_path.contains_key(wanted) {
            Some(wanted)
        } else {
            crate::suggest::closest(
                wanted,
                self.by_path
                    .iter()
                    .filter(|&(_, &j)| loaded(&self.site.pages[j]))
                    .map(|(p, _)| *p),
                &budget,
            )
            .map(|(p, _)| p)
        };
        let help = match near {
            Some(p) => format!("did you mean `@/{p}`?"),
            None => "`@/` takes the path of a content file below `content/`, with its name: `@/blog/post.md`, `@/blog/_index.md` for a section".into(),
        };
        let d = error(
            span.clone(),
            format!("Zola fails the build: `{dest}` names no content file"),
            "no such content file",
            Some(help),
        );
        // The path is written as it reads: replace it.
        match near {
            Some(p) if path == decoded => d.with_fix(Fix::replace(
                Applicability::Unsafe,
                format!("link to `@/{p}`"),
                span.start + 2..span.start + 2 + path.len(),
                p,
            )),
            _ => d,
        }
    }

    /// An image written `@/…`: Zola resolves `@/` in links only, and puts
    /// the page's URL in front of an image's.
    fn at_image(&self, i: usize, dest: &str, span: Range<usize>) -> Option<Diagnostic> {
        let url = &self.site.pages[i].url;
        Some(error(
            span,
            format!("Zola does not resolve `@/` in images: `{dest}` is a path under `{url}`"),
            "not resolved",
            Some("write the image's URL: `/img/x.png` for `static/img/x.png`, `x.png` for a file beside `index.md`".into()),
        ))
    }

    /// A link that is not `@/` nor `#…`: Zola writes it as it is (a
    /// relative one with the page's URL in front); the browser follows it.
    fn plain(&self, i: usize, dest: &str, span: Range<usize>) -> Option<Diagnostic> {
        let (path, fragment) = split_url(dest);
        if path.is_empty() {
            return None;
        }
        let url = &self.site.pages[i].url;
        let dir = page_dir(url);
        let site_path = if path.starts_with('/') {
            path.clone()
        } else {
            format!("{}{}", self.site.base_path, browser_join(dir, &path))
        };
        let base = self.site.base_path.as_str();
        let Some(below) = links::below_base(&site_path, base) else {
            return Some(error(
                span,
                format!("`{dest}` is outside the site: its `base_url` has the path `{base}`"),
                "outside the site",
                Some(format!(
                    "start the path with `{base}/`, or link to the content file with `@/`"
                )),
            ));
        };
        match self.landing(below) {
            Some(Landing::Page(j)) => {
                let f = fragment.filter(|f| !f.is_empty())?;
                self.anchor(i, j, &f, Checker::Browser, span)
            }
            Some(Landing::Other) => None,
            None => Some(self.nothing_at(i, dest, &path, below, span)),
        }
    }

    /// A plain link to a path nothing is published at.
    fn nothing_at(
        &self,
        i: usize,
        dest: &str,
        path: &str,
        below: &str,
        span: Range<usize>,
    ) -> Diagnostic {
        let page = &self.site.pages[i];
        let message = format!("no page or file is published at `{dest}`");
        let relative = !path.starts_with('/');
        if relative && let Some(host) = bare_host(dest) {
            return error(
                span.clone(),
                message,
                "a path under this page",
                Some(format!(
                    "without `https://`, `{host}` is a folder under this page's URL `{}`: write `https://{dest}`",
                    page.url
                )),
            )
            .with_fix(Fix::replace(
                Applicability::Unsafe,
                format!("link to `https://{dest}`"),
                span.start..span.start,
                "https://",
            ));
        }
        // A relative link to a content file: Zola rewrites `@/` links only.
        if relative {
            let folder = page
                .post
                .content_path
                .rsplit_once('/')
                .map_or("", |(d, _)| d);
            // From the file's folder, or from the page's URL as the
            // browser reads it (`../post.md` from `/blog/other/`).
            let from_file = crate::text::path_join(&[folder, path]);
            let from_url = below.trim_start_matches('/').to_string();
            if let Some(file) = [from_file, from_url]
                .into_iter()
                .find(|f| self.by_path.contains_key(f.as_str()))
            {
                return error(
                    span,
                    message,
                    "nothing here",
                    Some(format!(
                        "Zola rewrites only `@/` links to content files: write `@/{file}`"
                    )),
                );
            }
            // Written as if from the page's folder: one level up.
            let from_folder = browser_join(page_dir(&parent(&page.url)), path);
            if !path.starts_with('.')
                && from_folder != below
                && self.landing(&from_folder).is_some()
            {
                return error(
                    span.clone(),
                    message,
                    "nothing here",
                    Some(format!(
                        "a relative link starts from the page's own URL `{}` (Zola puts it in front), not from its folder: write `../{dest}`",
                        page.url
                    )),
                )
                .with_fix(Fix::replace(
                    Applicability::Unsafe,
                    format!("link to `../{dest}`"),
                    span.start..span.start,
                    "../",
                ));
            }
        }
        let budget = AtomicUsize::new(SUGGESTION_BUDGET);
        let base = self.site.base_path.as_str();
        let help =
            crate::suggest::closest(below, self.site.urls.keys().map(String::as_str), &budget)
                .map(|(u, _)| format!("did you mean `{base}{u}`?"));
        error(span, message, "nothing here", help)
    }

    /// What serves a site path (without the base path).
    fn landing(&self, path: &str) -> Option<Landing> {
        links::landing(self.site, self.site.lookup(path), path)
    }

    /// The `#fragment` of a link of page `i` into page `j`.
    fn anchor(
        &self,
        i: usize,
        j: usize,
        fragment: &str,
        checker: Checker,
        span: Range<usize>,
    ) -> Option<Diagnostic> {
        if fragment.is_empty() || fragment.eq_ignore_ascii_case("top") {
            return None;
        }
        let page = &self.site.pages[j];
        let ids = page.ids(self.site.generator);
        let html_ids = &page.post.outline.html_ids;
        // Zola checks a section (`_index.md`) against its headings only, a
        // page against its headings and, ignoring case, every `id` and
        // `name` of its HTML.
        let section = page.post.content_path.contains("_index.");
        let exact = |id: &&String| id.as_str() == fragment;
        let in_headings = ids.iter().any(|id| id == fragment);
        let in_html = html_ids.iter().any(|id| id == fragment);
        let whose = if i == j {
            "this page".to_string()
        } else {
            format!("`{}`", page.url)
        };
        let source = &self.site.pages[i].post.source;
        if in_headings || in_html && !(checker == Checker::Zola && section) {
            return None;
        }
        if in_html {
            return Some(error(
                span,
                format!(
                    "Zola fails the build: `#{fragment}` is no heading of {whose}, and Zola checks a section's anchors against its headings only"
                ),
                "not a heading",
                Some("link to one of its headings, or link with a plain URL (Zola does not check those)".into()),
            ));
        }
        let case_only: Vec<&String> = ids
            .iter()
            .chain(if section && checker == Checker::Zola {
                &[][..]
            } else {
                &html_ids[..]
            })
            .filter(|id| !exact(id) && id.eq_ignore_ascii_case(fragment))
            .collect();
        if let [id] = case_only[..] {
            let d = if checker == Checker::Zola && !section {
                error(
                    span.clone(),
                    format!(
                        "`#{fragment}` is `#{id}` on {whose}: Zola's anchor check ignores case, browsers do not"
                    ),
                    "wrong case",
                    Some(format!(
                        "write `#{id}`: the link lands at the top of the page otherwise"
                    )),
                )
            } else {
                let fails = if checker == Checker::Zola {
                    "Zola fails the build: "
                } else {
                    ""
                };
                error(
                    span.clone(),
                    format!("{fails}no heading `#{fragment}` on {whose}"),
                    "wrong case",
                    Some(format!("ids are compared by case: write `#{id}`")),
                )
            };
            let fix = fragment_fix(source, &span, fragment, id).map(|f| Fix {
                applicability: Applicability::Safe,
                ..f
            });
            return Some(match fix {
                Some(f) => d.with_fix(f),
                None => d,
            });
        }
        let budget = AtomicUsize::new(SUGGESTION_BUDGET);
        let candidates = ids
            .iter()
            .chain(html_ids)
            .filter(|s| !s.is_empty())
            .map(String::as_str);
        let near = crate::suggest::closest(fragment, candidates, &budget).map(|(id, _)| id);
        let fails = if checker == Checker::Zola {
            "Zola fails the build: "
        } else {
            ""
        };
        let d = error(
            span.clone(),
            format!("{fails}no heading `#{fragment}` on {whose}"),
            "no such anchor",
            near.map(|id| format!("did you mean `#{id}`?")),
        );
        Some(
            match near.and_then(|id| fragment_fix(source, &span, fragment, id)) {
                Some(f) => d.with_fix(f),
                None => d,
            },
        )
    }
}

/// The folder a page's relative links start from: its URL when it ends
/// with `/` (every Zola page's), else the URL's folder.
fn page_dir(url: &str) -> &str {
    if url.ends_with('/') {
        url
    } else {
        url.rsplit_once('/').map_or("/", |(d, _)| d)
    }
}

/// The URL one folder up: `/blog/post/` → `/blog/`.
fn parent(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    match trimmed.rsplit_once('/') {
        Some((d, _)) => format!("{d}/"),
        None => "/".into(),
    }
}

/// The host a relative destination starts with when it reads as a web
/// address written without its scheme (`github.com/x`, `www.example.org`):
/// a first segment of dot-separated labels whose last one is a top-level
/// domain's letters, not a file extension, followed by a path (or
/// `www.`, or a common top-level domain).
fn bare_host(dest: &str) -> Option<&str> {
    const FILE_EXTENSIONS: [&str; 24] = [
        "md", "html", "htm", "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "pdf", "txt",
        "xml", "json", "css", "js", "zip", "gz", "mp4", "webm", "mp3", "ico", "toml", "rs",
    ];
    let first = dest.split(['/', '?', '#']).next()?;
    let (name, tld) = first.rsplit_once('.')?;
    let looks_like_host = !name.is_empty()
        && (2..=24).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    let is_file = FILE_EXTENSIONS.contains(&tld.to_ascii_lowercase().as_str());
    // Alone, a name is a host only with a common top-level domain
    // (`getzola.org`); `notes.txt` or `page.php` may be files.
    const ALONE: [&str; 12] = [
        "com", "org", "net", "io", "dev", "app", "edu", "gov", "info", "co", "me", "xyz",
    ];
    let with_path = dest.len() > first.len()
        || first.starts_with("www.")
        || ALONE.contains(&tld.to_ascii_lowercase().as_str());
    (looks_like_host && !is_file && with_path).then_some(first)
}

#[cfg(test)]
mod tests {
    //! A `SiteIndex` built by hand as the Zola index lays one out (pages
    //! at `/section/name/`, content paths relative to `content/`), ids
    //! from [`super::super::heading_id::ids`]. What Zola 0.22.1 does with
    //! each link is said where it is tested.

    use std::path::PathBuf;
    use std::sync::OnceLock;

    use super::*;
    use crate::site::index::{Page, Served};
    use crate::site::model::{Kind, Place};
    use crate::zola::slug::Slugify;

    /// A content file: its path below `content/`, its URL, why it is not
    /// published, its text.
    type File<'f> = (&'f str, &'f str, Option<Unpublished>, &'f str);

    /// The `broken-link` findings on a site of `files` and other published
    /// URLs (`/img/x.png`…), below `base_path`: each as (the destination
    /// written, message, help, fix edits).
    /// A finding: the destination written, message, help, the file as
    /// its fix leaves it.
    type Found = (
        String,
        String,
        Option<String>,
        Option<(Applicability, String)>,
    );

    fn findings(files: &[File], others: &[&str], base_path: &str) -> Vec<Found> {
        let dir = tempfile::tempdir().expect("temp dir");
        let generator =
            crate::site::Generator::load(dir.path(), crate::site::generator::GeneratorKind::Hugo)
                .expect("generator");
        let posts: Vec<crate::document::Post> = files
            .iter()
            .map(|(path, _, _, text)| {
                crate::document::Post::parse(
                    PathBuf::from("content").join(path),
                    (*path).to_string(),
                    (*text).to_string(),
                )
            })
            .collect();
        let mut site = SiteIndex::new(&generator, 0, base_path.to_string(), Vec::new());
        for (post, (path, url, unpublished, _)) in posts.iter().zip(files) {
            let section = path.contains("_index.");
            let ids = crate::zola::heading_id::ids(post, Slugify::On);
            site.by_content_path
                .entry((*path).to_string())
                .or_default()
                .push(site.pages.len());
            site.pages.push(Page {
                post,
                lang: "en".into(),
                url: (*url).to_string(),
                unpublished: unpublished.clone(),
                aliases: Vec::new(),
                kind: if section { Kind::Section } else { Kind::Page },
                stub_of: None,
                place: Place::Lists,
                date_url: None,
                redirect_to: None,
                ids: OnceLock::from((ids, Vec::new())),
            });
        }
        site.publish_pages(false);
        for url in others {
            site.urls
                .entry((*url).to_string())
                .or_default()
                .push(Served::Static(PathBuf::from(url)));
        }
        let cx = Context::new(&generator, 0);
        let mut out = Vec::new();
        let zola = ZolaConfig::parse(
            dir.path(),
            &dir.path().join("config.toml"),
            "base_url = \"https://example.org\"\n",
        )
        .expect("config");
        check(&site, &zola, &cx, &mut out);
        out.sort_by_key(|d| (d.path.clone(), d.span.start));
        out.into_iter()
            .map(|d| {
                let i = files
                    .iter()
                    .position(|f| PathBuf::from("content").join(f.0) == d.path)
                    .expect("a file of the site");
                let written = files[i].3[d.span.clone()].to_string();
                let fix = d.fix.as_ref().map(|f| {
                    let mut text = files[i].3.to_string();
                    for e in f.edits.iter().rev() {
                        text.replace_range(e.range.clone(), &e.text);
                    }
                    (f.applicability, text)
                });
                (written, d.message, d.help, fix)
            })
            .collect()
    }

    const POST: &str =
        "+++\ntitle = \"P\"\n+++\n## Intro\n\nText.\n\n## Set up `zola`\n\n<a id=\"Raw\"></a>\n";
    const SECTION: &str = "+++\ntitle = \"Blog\"\n+++\n## Archive\n\n<span id=\"list\"></span>\n";

    fn site_with(linking: &str) -> Vec<File<'_>> {
        vec![
            ("blog/_index.md", "/blog/", None, SECTION),
            ("blog/post.md", "/blog/post/", None, POST),
            (
                "blog/draft.md",
                "/blog/draft/",
                Some(Unpublished::Draft),
                POST,
            ),
            (
                "blog/hidden.md",
                "/blog/hidden/",
                Some(Unpublished::NotRendered),
                POST,
            ),
            ("blog/bundle/index.md", "/blog/bundle/", None, linking),
        ]
    }

    fn messages(linking: &str) -> Vec<String> {
        findings(
            &site_with(linking),
            &["/img/x.png", "/blog/bundle/pic.png"],
            "",
        )
        .into_iter()
        .map(|(w, m, _, _)| format!("{w}: {m}"))
        .collect()
    }

    #[test]
    fn internal_links_resolve_to_content_files_zola_loads() {
        let found = messages(
            "+++\n+++\n[a](@/blog/post.md) [s](@/blog/_index.md) [i](@/blog/post.md#intro)\n\
             [c](@/blog/post.md#set-up-zola) [h](@/blog/post.md#Raw) [top](@/blog/post.md#top)\n\
             [m](@/blog/psot.md) [d](@/blog/draft.md) [n](@/blog/hidden.md)\n",
        );
        assert_eq!(
            found,
            [
                "@/blog/psot.md: Zola fails the build: `@/blog/psot.md` names no content file",
                "@/blog/draft.md: Zola fails the build: `@/blog/draft.md` is a draft, which Zola does not load",
                "@/blog/hidden.md: Zola resolves `@/blog/hidden.md` to `/blog/hidden/`, but writes no page there (never rendered (build options or headless))",
            ]
        );
    }

    #[test]
    fn a_misspelt_content_path_gets_the_nearest_with_a_fix() {
        let text = "+++\n+++\n[m](@/blog/psot.md#intro)\n";
        let found = findings(&site_with(text), &[], "");
        let (_, _, help, fix) = &found[0];
        assert_eq!(help.as_deref(), Some("did you mean `@/blog/post.md`?"));
        let (applicability, fixed) = fix.as_ref().expect("a fix");
        assert_eq!(*applicability, Applicability::Unsafe);
        assert_eq!(fixed, "+++\n+++\n[m](@/blog/post.md#intro)\n");
    }

    #[test]
    fn anchors_as_zola_checks_them() {
        // A page: its headings, or any id of its HTML ignoring case (Zola
        // passes `#raw` and `#INTRO`; a browser does not find them).
        let found = messages(
            "+++\n+++\n## Here\n\n[a](#here) [b](#nope) [c](@/blog/post.md#raw) [d](@/blog/post.md#INTRO)\n\
             [e](@/blog/post.md#intro-x) [f](@/blog/_index.md#archive) [g](@/blog/_index.md#list)\n\
             [h](@/blog/_index.md#Archive) [i](#) [j](#TOP)\n",
        );
        assert_eq!(
            found,
            [
                "#nope: Zola fails the build: no heading `#nope` on this page",
                "@/blog/post.md#raw: `#raw` is `#Raw` on `/blog/post/`: Zola's anchor check ignores case, browsers do not",
                "@/blog/post.md#INTRO: `#INTRO` is `#intro` on `/blog/post/`: Zola's anchor check ignores case, browsers do not",
                "@/blog/post.md#intro-x: Zola fails the build: no heading `#intro-x` on `/blog/post/`",
                // A section: its headings only, by case.
                "@/blog/_index.md#list: Zola fails the build: `#list` is no heading of `/blog/`, and Zola checks a section's anchors against its headings only",
                "@/blog/_index.md#Archive: Zola fails the build: no heading `#Archive` on `/blog/`",
            ]
        );
    }

    #[test]
    fn a_case_only_anchor_is_fixed_safely() {
        let text = "+++\n+++\n[d](@/blog/post.md#INTRO)\n";
        let found = findings(&site_with(text), &[], "");
        let (_, _, help, fix) = &found[0];
        assert_eq!(
            help.as_deref(),
            Some("write `#intro`: the link lands at the top of the page otherwise")
        );
        assert_eq!(
            fix,
            &Some((
                Applicability::Safe,
                "+++\n+++\n[d](@/blog/post.md#intro)\n".to_string()
            ))
        );
    }

    #[test]
    fn plain_links_land_where_a_browser_takes_them() {
        let found = messages(
            "+++\n+++\n[a](/blog/post/) [b](/blog/post) [c](/img/x.png) [d](pic.png) [e](../post/#intro)\n\
             [f](/blog/post/#Intro) [g](/nothing/) [h](github.com/getzola/zola) [i](../post.md)\n\
             [j](www.getzola.org) [k](https://example.com/x) [l](mailto:a@b.c) [m](/blog/post/#nope)\n",
        );
        assert_eq!(
            found,
            [
                "/blog/post/#Intro: no heading `#Intro` on `/blog/post/`",
                "/nothing/: no page or file is published at `/nothing/`",
                "github.com/getzola/zola: no page or file is published at `github.com/getzola/zola`",
                "../post.md: no page or file is published at `../post.md`",
                "www.getzola.org: no page or file is published at `www.getzola.org`",
                "/blog/post/#nope: no heading `#nope` on `/blog/post/`",
            ]
        );
    }

    #[test]
    fn helps_name_zolas_traps() {
        let text = "+++\n+++\n[h](github.com/getzola/zola) [i](../post.md) [o](post/)\n";
        let files = vec![
            ("blog/post.md", "/blog/post/", None, POST),
            ("blog/other.md", "/blog/other/", None, text),
        ];
        let found = findings(&files, &[], "");
        let helps: Vec<String> = found
            .iter()
            .map(|(w, _, h, _)| format!("{w}: {}", h.as_deref().unwrap_or("-")))
            .collect();
        assert_eq!(
            helps,
            [
                "github.com/getzola/zola: without `https://`, `github.com` is a folder under this page's URL `/blog/other/`: write `https://github.com/getzola/zola`",
                "../post.md: Zola rewrites only `@/` links to content files: write `@/blog/post.md`",
                "post/: a relative link starts from the page's own URL `/blog/other/` (Zola puts it in front), not from its folder: write `../post/`",
            ]
        );
        assert_eq!(
            found[0].3,
            Some((
                Applicability::Unsafe,
                "+++\n+++\n[h](https://github.com/getzola/zola) [i](../post.md) [o](post/)\n"
                    .to_string()
            ))
        );
    }

    #[test]
    fn empty_links_and_at_images_and_the_base_path() {
        let found = messages("+++\n+++\n[e]() ![i](@/blog/pic.png)\n");
        assert_eq!(
            found,
            [
                "[e](): Zola fails the build: this link has no URL",
                "@/blog/pic.png: Zola does not resolve `@/` in images: `@/blog/pic.png` is a path under `/blog/bundle/`",
            ]
        );
        let text = "+++\n+++\n[a](/blog/post/) [b](/docs/blog/post/) [c](@/blog/post.md)\n";
        let files = vec![
            ("blog/post.md", "/blog/post/", None, POST),
            ("blog/other.md", "/blog/other/", None, text),
        ];
        let found: Vec<String> = findings(&files, &[], "/docs")
            .into_iter()
            .map(|(w, m, _, _)| format!("{w}: {m}"))
            .collect();
        assert_eq!(
            found,
            ["/blog/post/: `/blog/post/` is outside the site: its `base_url` has the path `/docs`"]
        );
    }

    #[test]
    fn drafts_are_not_checked_unwritten_pages_only_for_what_zola_checks() {
        let bad = "+++\n+++\n[a](@/nothing.md) [b](/nothing/)\n";
        let files = vec![
            ("draft.md", "/draft/", Some(Unpublished::Draft), bad),
            ("hidden.md", "/hidden/", Some(Unpublished::NotRendered), bad),
        ];
        let found: Vec<String> = findings(&files, &[], "")
            .into_iter()
            .map(|(w, m, _, _)| format!("{w}: {m}"))
            .collect();
        // Zola renders the Markdown of a page it does not write: its `@/`
        // links fail the build; its plain links are never followed.
        assert_eq!(
            found,
            ["@/nothing.md: Zola fails the build: `@/nothing.md` names no content file"]
        );
    }

    #[test]
    fn bare_hosts_are_told_from_file_names() {
        assert_eq!(bare_host("github.com/x"), Some("github.com"));
        assert_eq!(bare_host("www.example.org"), Some("www.example.org"));
        assert_eq!(bare_host("getzola.org"), Some("getzola.org"));
        assert_eq!(bare_host("page.php"), None);
        assert_eq!(bare_host("image.png/x"), None);
        assert_eq!(bare_host("post.md#x"), None);
        assert_eq!(bare_host("../x.com/y"), None);
    }

    /// The content of the site [`zola_agrees_on_what_fails_the_build`]
    /// builds: a section and pages, a draft, a section that is not
    /// rendered and a page Zola does not write (undated in a date-sorted
    /// section), and `blog/other.md`, which links.
    fn build_site(line: &str) -> Vec<(&'static str, &'static str, Option<Unpublished>, String)> {
        let undated = "+++\ntitle = \"Undated\"\n+++\n## Intro\n";
        vec![
            ("blog/_index.md", "/blog/", None, SECTION.to_string()),
            ("blog/post.md", "/blog/post/", None, POST.to_string()),
            (
                "blog/draft.md",
                "/blog/draft/",
                Some(Unpublished::Draft),
                "+++\ntitle = \"D\"\ndraft = true\n+++\n## Intro\n".into(),
            ),
            (
                "hidden/_index.md",
                "/hidden/",
                Some(Unpublished::NotRendered),
                "+++\ntitle = \"H\"\nrender = false\n+++\n".into(),
            ),
            ("hidden/page.md", "/hidden/page/", None, undated.into()),
            (
                "dated/_index.md",
                "/dated/",
                None,
                "+++\ntitle = \"Dated\"\nsort_by = \"date\"\n+++\n".into(),
            ),
            (
                "dated/undated.md",
                "/dated/undated/",
                Some(Unpublished::NotRendered),
                undated.into(),
            ),
            (
                "blog/other.md",
                "/blog/other/",
                None,
                format!("+++\ntitle = \"O\"\n+++\n## Here\n\n{line}\n"),
            ),
        ]
    }

    /// Each link alone on a page, with whether `zola build` (0.22.1)
    /// fails on it: bloglint's finding says so exactly then. With a
    /// `zola` on the PATH (or `$ZOLA`), each site is built again and Zola
    /// must agree.
    #[test]
    fn zola_agrees_on_what_fails_the_build() {
        const LINKS: &[(&str, bool)] = &[
            ("[a](@/blog/post.md)", false),
            ("[a](@/blog/missing.md)", true),
            ("[a](@/blog/post.md#INTRO)", false),
            ("[a](@/blog/post.md#raw)", false),
            ("[a](@/blog/post.md#nope)", true),
            ("[a](@/blog/_index.md#list)", true),
            ("[a](@/blog/_index.md#Archive)", true),
            ("[a](@/blog/_index.md#archive)", false),
            ("[a](#nope)", true),
            ("[a](#HERE)", false),
            ("[a](#top)", false),
            ("[a](#)", false),
            ("[a]()", true),
            ("[a](@/blog/draft.md)", true),
            ("[a](@/hidden/_index.md)", false),
            ("[a](@/hidden/page.md)", false),
            ("[a](@/dated/undated.md)", false),
            ("![i](@/x.png)", false),
            ("[g](github.com/x)", false),
            ("[r](../post.md)", false),
        ];
        let zola = std::env::var_os("ZOLA").map_or_else(|| PathBuf::from("zola"), PathBuf::from);
        let zola = std::process::Command::new(&zola)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
            .then_some(zola);
        if zola.is_none() {
            println!("skipped: no zola on the PATH (or $ZOLA); checked against the table only");
        }
        for &(line, fails) in LINKS {
            let site = build_site(line);
            let files: Vec<File> = site
                .iter()
                .map(|(p, u, why, text)| (*p, *u, why.clone(), text.as_str()))
                .collect();
            let found = findings(&files, &[], "");
            let says_fails = found
                .iter()
                .any(|(_, m, _, _)| m.starts_with("Zola fails the build"));
            assert_eq!(says_fails, fails, "{line}: {found:?}");
            let Some(zola) = &zola else { continue };
            let dir = tempfile::tempdir().expect("temp dir");
            let mut all: Vec<(String, String)> = site
                .iter()
                .map(|(p, _, _, text)| (format!("content/{p}"), text.clone()))
                .collect();
            all.push((
                "config.toml".into(),
                "base_url = \"https://example.org\"\n".into(),
            ));
            all.push((
                "templates/page.html".into(),
                "{{ page.content | safe }}".into(),
            ));
            all.push((
                "templates/section.html".into(),
                "{{ section.content | safe }}".into(),
            ));
            all.push(("templates/index.html".into(), "index".into()));
            for (path, text) in &all {
                let full = dir.path().join(path);
                std::fs::create_dir_all(full.parent().expect("a folder")).expect("folder");
                std::fs::write(full, text).expect("file");
            }
            let built = std::process::Command::new(zola)
                .arg("--root")
                .arg(dir.path())
                .arg("build")
                .output()
                .expect("zola runs");
            assert_eq!(!built.status.success(), fails, "{line}: Zola disagrees");
            if !fails {
                // What Zola does not write is what bloglint says it does not.
                for (p, url, why, _) in &site {
                    let file = dir
                        .path()
                        .join("public")
                        .join(url.trim_start_matches('/'))
                        .join("index.html");
                    let written = why.is_none();
                    assert_eq!(file.is_file(), written, "{p}: written as modelled");
                }
            }
        }
    }
}
