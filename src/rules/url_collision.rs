//! `url-collision`: two sources published at one URL, two content files of
//! one page path, and URLs that differ only by case.
//!
//! Aliases are `alias-collision`'s: a URL claimed by an alias and something
//! else is left to that rule.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::PathBuf;

use super::{Context, OptionError, Options, Rule, RuleMeta, Scope};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::frontmatter::scalar_string;
use crate::site::index::{Served, SiteIndex};
use crate::site::model::UrlSource as Cause;
use crate::site::model::{Kind, Role, Unpublished};

pub static META: RuleMeta = RuleMeta {
    name: "url-collision",
    severity: Severity::Error,
    scope: Scope::Site,
    reads_bodies: false,
    summary: "Two sources published at one URL, or two files of one page: Hugo keeps only one",
    doc: include_str!("../../rules/url-collision.md"),
    options: &[],
    build,
};

fn build(_: &Options) -> Result<Box<dyn Rule>, OptionError> {
    Ok(Box::new(UrlCollision))
}

struct UrlCollision;

impl Rule for UrlCollision {
    fn check_site(&self, site: &SiteIndex, cx: &Context, out: &mut Vec<Diagnostic>) {
        let causes = Causes { site };
        same_path(site, cx, out);
        one_url(site, cx, &causes, out);
        case_only(site, cx, &causes, out);
    }
}

/// What claims a URL, besides aliases.
#[derive(Clone, PartialEq, Eq)]
enum Claimant {
    /// A content page, by index.
    Page(usize),
    /// A list page Hugo makes without a content file, in words.
    List(String),
    /// A file copied as it is: the static file or page resource, and the
    /// words for it.
    File(PathBuf, String),
}

impl Claimant {
    /// `d` with this claimant of `url` as a secondary label (a list page
    /// Hugo makes has no file to label); a file's label says it `published`
    /// at `url`.
    fn labelled(
        &self,
        d: Diagnostic,
        site: &SiteIndex,
        causes: &Causes,
        url: &str,
        published: &str,
    ) -> Diagnostic {
        match self {
            Claimant::Page(j) => {
                let (span, label) = causes.label(*j, url);
                d.with_secondary(Some(site.pages[*j].post.path.clone()), span, label)
            }
            Claimant::File(path, words) => d.with_secondary(
                Some(path.clone()),
                0..0,
                format!("{words} {published} at `{url}`"),
            ),
            Claimant::List(_) => d,
        }
    }

    fn of(served: &Served) -> Option<Claimant> {
        Some(match served {
            Served::Page(i) => Claimant::Page(*i),
            Served::Section(s) if s.is_empty() => Claimant::List("the home page".into()),
            Served::Section(s) => Claimant::List(format!("the list of the section `{s}`")),
            Served::Taxonomy(t) => Claimant::List(format!("the list of the taxonomy `{t}`")),
            Served::Term(t, term) => Claimant::List(format!("the `{t}` term page `{term}`")),
            Served::Static(p) => {
                Claimant::File(p.clone(), format!("the static file {}", p.display()))
            }
            Served::Resource(p) => {
                Claimant::File(p.clone(), format!("the page resource {}", p.display()))
            }
            // A plugin writes its file only where nothing else is.
            Served::Alias(..) | Served::Generated(_) => return None,
        })
    }

    fn words(&self, site: &SiteIndex) -> String {
        match self {
            Claimant::Page(i) => site.pages[*i].post.path.display().to_string(),
            Claimant::List(w) | Claimant::File(_, w) => w.clone(),
        }
    }
}

struct Causes<'a, 's> {
    site: &'a SiteIndex<'s>,
}

impl Causes<'_, '_> {
    /// What puts page `i` at its URL, and the span to point at.
    fn of(&self, i: usize) -> (Cause, Range<usize>) {
        self.site.generator.url_source(self.site.pages[i].post)
    }

    fn label(&self, i: usize, url: &str) -> (Range<usize>, String) {
        let (cause, span) = self.of(i);
        let what = match cause {
            Cause::Url(key) => format!("this `{key}` publishes it at `{url}`"),
            Cause::Slug => format!("this `slug` publishes it at `{url}`"),
            Cause::Title => format!("without a `slug`, the title puts it at `{url}`"),
            Cause::File => format!("published at `{url}`"),
        };
        (span, what)
    }
}

/// `a`, `a and b`, `a, b and c`.
fn listing(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Content files of one page path: Hugo keeps one of them, or drops the
/// path when one is not built.
fn same_path(site: &SiteIndex, cx: &Context, out: &mut Vec<Diagnostic>) {
    // Groups by the file Hugo keeps, or the one that drops the path.
    let mut kept: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut dropped: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, page) in site.pages.iter().enumerate() {
        match page.unpublished {
            Some(Unpublished::SamePath(k)) => kept.entry(k).or_default().push(i),
            Some(Unpublished::PathDropped(d)) => dropped.entry(d).or_default().push(i),
            _ => {}
        }
    }
    for (k, losers) in &kept {
        let members: Vec<usize> = std::iter::once(*k).chain(losers.iter().copied()).collect();
        let mut urls: Vec<&str> = members
            .iter()
            .map(|&i| site.pages[i].url.as_str())
            .collect();
        urls.sort_unstable();
        urls.dedup();
        let at = urls
            .iter()
            .map(|u| format!("`{u}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        for &i in &members {
            let page = &site.pages[i];
            if !cx.reports(&page.post.path) {
                continue;
            }
            let others: Vec<usize> = members.iter().copied().filter(|&o| o != i).collect();
            let names: Vec<String> = others
                .iter()
                .map(|&o| site.pages[o].post.path.display().to_string())
                .collect();
            let mut d = Diagnostic::new(
                META.name,
                Severity::Error,
                page.post.front_matter_anchor(),
                format!(
                    "this file and {} are one page to Hugo, at {at}: it keeps only one of them",
                    listing(&names)
                ),
            )
            .with_label(format!("one of {} files of the page", members.len()))
            .with_help(
                "Hugo reads `x.md` and a bundle `x/index.md` or `x/_index.md` (or `x.md` and \
                 `x.markdown`, `X.md` and `x.md`) as one page path and drops all but one without \
                 a word, not always the same: rename one, or merge them into one file",
            )
            .in_file(page.post.path.clone());
            for &o in &others {
                let other = site.pages[o].post;
                d = d.with_secondary(
                    Some(other.path.clone()),
                    other.front_matter_anchor(),
                    "the same page path",
                );
            }
            out.push(d);
        }
    }
    for (d_index, victims) in &dropped {
        let dropper = &site.pages[*d_index];
        let why = dropper
            .unpublished
            .as_ref()
            .map_or("not built", Unpublished::reason);
        let url = &victims
            .first()
            .map_or(&dropper.url, |&v| &site.pages[v].url);
        for &v in victims {
            let page = &site.pages[v];
            if !cx.reports(&page.post.path) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    META.name,
                    Severity::Error,
                    page.post.front_matter_anchor(),
                    format!(
                        "`{url}` is not published: {}, of the same page path, is {why}, and Hugo \
                         drops the path, this page with it",
                        dropper.post.path.display()
                    ),
                )
                .with_label("dropped with its page path")
                .with_help(
                    "Hugo reads `x.md` and a bundle `x/index.md` or `x/_index.md` as one page \
                     path: rename or remove one of them",
                )
                .with_secondary(
                    Some(dropper.post.path.clone()),
                    dropper.post.front_matter_anchor(),
                    format!("{why}, of the same page path"),
                )
                .in_file(page.post.path.clone()),
            );
        }
        if cx.reports(&dropper.post.path) {
            let names: Vec<String> = victims
                .iter()
                .map(|&v| site.pages[v].post.path.display().to_string())
                .collect();
            let mut d = Diagnostic::new(
                META.name,
                Severity::Error,
                dropper.post.front_matter_anchor(),
                format!(
                    "this page, {why}, has the page path of {}: Hugo drops the path, and `{url}` \
                     is not published",
                    listing(&names)
                ),
            )
            .with_label(format!("{why}, with the page path of another file"))
            .with_help(
                "Hugo reads `x.md` and a bundle `x/index.md` or `x/_index.md` as one page path: \
                 rename or remove one of them",
            )
            .in_file(dropper.post.path.clone());
            for &v in victims {
                let other = site.pages[v].post;
                d = d.with_secondary(
                    Some(other.path.clone()),
                    other.front_matter_anchor(),
                    "not published: dropped with the path",
                );
            }
            out.push(d);
        }
    }
}

/// The claims of a URL, aliases left out; Hugo's redirect to the default
/// language's home page is not a claim of the home page.
fn claimants(site: &SiteIndex, url: &str, served: &[Served]) -> Vec<Claimant> {
    let mut served: Vec<&Served> = served.iter().collect();
    if site.redirects.contains_key(url) {
        let home = served.iter().rposition(|s| match s {
            Served::Page(i) => site.pages[*i].kind == Kind::Home,
            Served::Section(name) => name.is_empty(),
            _ => false,
        });
        if let Some(at) = home {
            served.remove(at);
        }
    }
    let mut out: Vec<Claimant> = Vec::new();
    for c in served.into_iter().filter_map(Claimant::of) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// One URL, several sources.
fn one_url(site: &SiteIndex, cx: &Context, causes: &Causes, out: &mut Vec<Diagnostic>) {
    for (url, served) in &site.urls {
        if served.len() < 2 {
            continue;
        }
        let claims = claimants(site, url, served);
        if claims.len() < 2 {
            continue;
        }
        for c in &claims {
            let Claimant::Page(i) = c else { continue };
            let page = &site.pages[*i];
            if !cx.reports(&page.post.path) {
                continue;
            }
            let others: Vec<&Claimant> = claims.iter().filter(|o| *o != c).collect();
            let names: Vec<String> = others.iter().map(|o| o.words(site)).collect();
            let (span, label) = causes.label(*i, url);
            let mut d = Diagnostic::new(
                META.name,
                Severity::Error,
                span,
                format!(
                    "`{url}` is also published by {}: {}",
                    listing(&names),
                    site.generator.url_shared()
                ),
            )
            .with_label(label)
            .with_help(help(site, causes, *i, url, &others))
            .in_file(page.post.path.clone());
            for o in &others {
                d = o.labelled(d, site, causes, url, "is also published");
            }
            out.push(d);
        }
    }
}

/// What to do about a page at a URL that `others` claim too.
fn help(site: &SiteIndex, causes: &Causes, i: usize, url: &str, others: &[&Claimant]) -> String {
    let page = &site.pages[i];
    let (cause, _) = causes.of(i);
    let other_pages: Vec<usize> = others
        .iter()
        .filter_map(|o| match o {
            Claimant::Page(j) => Some(*j),
            _ => None,
        })
        .collect();
    if matches!(cause, Cause::Url(_))
        && other_pages.iter().any(|&j| site.pages[j].lang != page.lang)
    {
        return "a `url` from the site root is not translated: give the translation its own \
                (`/fr/…`), or write it without the leading slash, inside the language folder"
            .into();
    }
    if others.iter().any(|o| matches!(o, Claimant::List(_))) {
        return format!(
            "{} makes that list page whatever the pages say: give this page another URL",
            site.generator.name()
        );
    }
    if others.iter().any(|o| matches!(o, Claimant::File(..))) {
        return site.generator.url_shared_with_file().into();
    }
    let written = page
        .post
        .field(site.generator.key(Role::Url))
        .and_then(scalar_string)
        .unwrap_or_default();
    if site.generator.hugo().is_some()
        && matches!(cause, Cause::Url(_))
        && !written.ends_with('/')
        && !written.contains('.')
    {
        return format!(
            "Hugo writes `{written}` as `{url}index.html`: it is the same URL as `{url}`. Give \
             this page another one"
        );
    }
    match cause {
        Cause::Title => "with `:slug` or `:title` in the permalink, a page without `slug` takes \
                         its title: give one of them a `slug`"
            .into(),
        Cause::Slug => {
            let slug = |j: usize| {
                site.pages[j]
                    .post
                    .field(site.generator.key(Role::Slug))
                    .and_then(scalar_string)
                    .map(|s| s.into_owned())
            };
            let mine = slug(i);
            if other_pages
                .iter()
                .any(|&j| slug(j).is_some_and(|s| Some(&s) != mine.as_ref()))
            {
                "Hugo lower-cases a slug and drops what a URL cannot hold (`Generics` and \
                 `generics` are one): give each page its own `slug`"
                    .into()
            } else {
                "give each page its own `slug`".into()
            }
        }
        _ => site.generator.url_shared_help().into(),
    }
}

/// URLs that differ only by case: one file on macOS and Windows.
fn case_only(site: &SiteIndex, cx: &Context, causes: &Causes, out: &mut Vec<Diagnostic>) {
    // Only URLs with a capital letter can differ from another by case.
    let upper: HashSet<String> = site
        .urls
        .keys()
        .filter(|u| u.chars().any(char::is_uppercase))
        .map(|u| u.to_lowercase())
        .collect();
    if upper.is_empty() {
        return;
    }
    let mut folded: HashMap<String, Vec<&str>> = HashMap::new();
    for url in site.urls.keys() {
        let key = url.to_lowercase();
        if upper.contains(&key) {
            folded.entry(key).or_default().push(url.as_str());
        }
    }
    for group in folded.values_mut() {
        if group.len() < 2 {
            continue;
        }
        group.sort_unstable();
        // Every claim of the group, with its URL.
        let mut claims: Vec<(&str, Claimant)> = Vec::new();
        for &url in group.iter() {
            for c in claimants(site, url, &site.urls[url]) {
                claims.push((url, c));
            }
        }
        if claims.iter().map(|(u, _)| *u).collect::<HashSet<_>>().len() < 2 {
            continue;
        }
        let quoted: Vec<String> = group.iter().map(|u| format!("`{u}`")).collect();
        for (url, c) in &claims {
            let Claimant::Page(i) = c else { continue };
            let page = &site.pages[*i];
            if !cx.reports(&page.post.path) {
                continue;
            }
            let (span, label) = causes.label(*i, url);
            let mut d = Diagnostic::new(
                META.name,
                Severity::Warning,
                span,
                format!("{} {}", listing(&quoted), site.generator.url_case_only()),
            )
            .with_label(label)
            .with_help(site.generator.url_case_help())
            .in_file(page.post.path.clone());
            for (other_url, o) in &claims {
                if other_url != url {
                    d = o.labelled(d, site, causes, other_url, "is published");
                }
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Post;
    use crate::hugo::config::HugoConfig;

    fn post(path: &str, front: &str) -> Post {
        Post::parse(
            PathBuf::from("/site/content").join(path),
            path.into(),
            format!("---\n{front}---\n"),
        )
    }

    fn check(posts: &[Post], only: Option<&[&str]>) -> Vec<(String, Severity, String)> {
        let hugo = HugoConfig::default_for(std::path::Path::new("/site"));
        let refs: Vec<&Post> = posts.iter().collect();
        let hugo = crate::site::Generator::Hugo(hugo);
        let index = hugo.index(&refs, &[], &[], 0);
        let only: Option<std::collections::HashSet<PathBuf>> = only.map(|o| {
            o.iter()
                .map(|p| PathBuf::from("/site/content").join(p))
                .collect()
        });
        let mut cx = Context::new(&hugo, 0);
        cx.only = only.as_ref();
        let mut out = Vec::new();
        UrlCollision.check_site(&index, &cx, &mut out);
        let mut found: Vec<(String, Severity, String)> = out
            .into_iter()
            .map(|d| {
                let file = d.path.strip_prefix("/site/content").unwrap_or(&d.path);
                (file.display().to_string(), d.severity, d.message)
            })
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    }

    #[test]
    fn each_file_of_a_collision_once_and_only_those_reported() {
        let posts = [
            post("posts/a.md", "title: A\nslug: same\n"),
            post("posts/b.md", "title: B\nslug: Same\n"),
            post("posts/c.md", "title: C\nurl: /Mixed/\n"),
            post("posts/d.md", "title: D\nurl: /mixed/\n"),
            post("posts/e.md", "title: E\nslug: same\ndraft: true\n"),
        ];
        let all = check(&posts, None);
        let summary: Vec<(&str, Severity)> = all.iter().map(|(f, s, _)| (f.as_str(), *s)).collect();
        assert_eq!(
            summary,
            [
                ("posts/a.md", Severity::Error),
                ("posts/b.md", Severity::Error),
                ("posts/c.md", Severity::Warning),
                ("posts/d.md", Severity::Warning),
            ]
        );
        assert_eq!(
            all[0].2,
            "`/posts/same/` is also published by /site/content/posts/b.md: Hugo keeps only one of them"
        );
        // A pre-commit run on one file: that file's finding only.
        let staged = check(&posts, Some(&["posts/b.md"]));
        assert_eq!(staged.len(), 1);
        assert_eq!(staged[0].0, "posts/b.md");
    }

    #[test]
    fn aliases_are_left_to_alias_collision() {
        let posts = [
            post("posts/a.md", "title: A\naliases: [/posts/b/]\n"),
            post("posts/b.md", "title: B\n"),
        ];
        assert_eq!(check(&posts, None), []);
    }
}
