//! `bloglint site`: where bloglint thinks Hugo puts every page. The site
//! index ([`SiteIndex`]) as a report: one entry per published URL and what
//! serves it, the content files Hugo does not publish and why, and
//! `--url`, which answers what serves one URL (or names the nearest ones).
//!
//! The JSON output is documented in the README ("Where bloglint thinks pages
//! go") and sorted: URLs by byte order, unpublished files by path.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;

use crate::diagnostic::ConfigError;
use crate::document::Post;
use crate::hugo::urls::{self, Meta, Render};
use crate::site::Generator;
use crate::site::Site;
use crate::site::generator::GeneratorKind;
use crate::site::index::{Page, Served, SiteIndex};
use crate::site::model::Unpublished;
use crate::site::model::normalize;
use crate::text::edit_distance;
use crate::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};

/// The arguments of `bloglint site`.
#[derive(clap::Args)]
pub struct SiteArgs {
    /// A folder or file of the site; default: the current directory.
    path: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = SiteFormat::Text)]
    format: SiteFormat,
    /// Also list the heading ids of every content page, in document order.
    #[arg(long)]
    ids: bool,
    /// The site's generator, where its folder could be either's (default:
    /// detected)
    #[arg(long, value_enum)]
    generator: Option<GeneratorKind>,
    /// Say what serves this URL (a path under the baseURL, a path with its
    /// sub-path, or a full URL); exit 1 when nothing does.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
enum SiteFormat {
    /// Grouped, aligned listing.
    #[default]
    Text,
    /// One JSON object (fields documented in the README).
    Json,
}

/// One thing that claims a URL.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// `home`, `section`, `page`, `taxonomy`, `term`, `alias`, `static`,
    /// `resource`.
    pub kind: &'static str,
    /// The language; `None` for a static file.
    pub lang: Option<String>,
    /// The file it comes from, relative to the site root; for an alias, the
    /// page that declares it. `None` for a list page Hugo makes without a
    /// content file and for Hugo's own language redirect.
    pub source: Option<String>,
    /// An alias's target: the URL (under the baseURL) it redirects to.
    pub target: Option<String>,
    /// With `--ids`: the heading ids of a content page; `None` otherwise.
    #[serde(skip_serializing_if = "Ids::absent")]
    pub ids: Ids,
}

/// Heading ids, only serialised when asked for.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(untagged)]
pub enum Ids {
    /// Not asked for: the field is left out.
    #[default]
    NotAsked,
    /// Asked for; `None` when the claim is not a content page.
    Asked(Option<Vec<String>>),
}

impl Ids {
    fn absent(&self) -> bool {
        *self == Ids::NotAsked
    }

    pub fn list(&self) -> Option<&[String]> {
        match self {
            Ids::Asked(Some(ids)) => Some(ids),
            _ => None,
        }
    }
}

/// One published URL.
#[derive(Serialize, Clone, Debug)]
pub struct Entry {
    /// The path under the baseURL: `/posts/a/`.
    pub url: String,
    /// The path with the baseURL's sub-path, as a browser requests it:
    /// `/blog/posts/a/`.
    pub rel_permalink: String,
    /// What serves it (what bloglint expects Hugo to write).
    #[serde(flatten)]
    pub claim: Claim,
    /// Other things claiming the same URL: Hugo writes only one of them.
    pub also: Vec<Claim>,
}

/// A content file Hugo does not publish.
#[derive(Serialize, Clone, Debug)]
pub struct NotPublished {
    pub source: String,
    pub lang: Option<String>,
    /// Hugo's kind of the page; `None` when the file cannot be read.
    pub kind: Option<&'static str>,
    /// Where the page would be (under the baseURL); `None` when unknown.
    pub url: Option<String>,
    /// A stable code: see [`REASONS`].
    pub reason: &'static str,
    pub message: String,
    /// The URLs its aliases would take.
    pub aliases: Vec<String>,
}

/// An alias Hugo refuses to write (its build fails).
#[derive(Serialize, Clone, Debug)]
pub struct RejectedAlias {
    /// The page declaring it (or cascading it), relative to the site root.
    pub source: String,
    /// As written.
    pub alias: String,
    pub message: String,
}

/// A redirect rule of the host, which serves paths no page is at.
#[derive(Serialize, Clone, Debug)]
pub struct HostRedirectEntry {
    /// The path matched, as written: the baseURL's sub-path included,
    /// `:name` for one segment, a trailing `*` for any rest.
    pub from: String,
    pub to: String,
    /// As written (`301`, `200!`); `None` when left out (301).
    pub status: Option<String>,
    /// The file and line of the rule, relative to the site root.
    pub source: String,
}

/// The reason codes of unpublished files, documented in the README.
pub const REASONS: &[&str] = &[
    "draft",
    "future",
    "expired",
    "headless",
    "not-rendered",
    "leaf-resource",
    "ignored",
    "disabled-kind",
    "disabled-language",
    "same-path",
    "path-dropped",
    "published-false",
    "undated-post",
    "invalid-date",
    "no-output",
    "bad-url",
    "no-front-matter",
    "front-matter-error",
    "read-error",
];

/// The whole report.
#[derive(Serialize, Clone, Debug)]
pub struct Report {
    /// The site root, as found from the path given.
    pub root: String,
    /// The generator that publishes it: `hugo`, `jekyll` or `zola`.
    pub generator: &'static str,
    pub base_url: String,
    /// The baseURL's path (`/blog`), `` at the root of the host.
    pub base_path: String,
    pub urls: Vec<Entry>,
    pub unpublished: Vec<NotPublished>,
    /// Aliases of published pages that Hugo refuses: its build fails.
    pub rejected_aliases: Vec<RejectedAlias>,
    /// The host's redirect rules (`static/_redirects`, `netlify.toml`):
    /// left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub host_redirects: Vec<HostRedirectEntry>,
    #[serde(skip)]
    languages: usize,
}

/// `bloglint site`. `now` is "now" as `check` has it; `config_error`
/// reports a Hugo configuration that cannot be read.
pub fn run(
    args: &SiteArgs,
    now: i64,
    config_error: &dyn Fn(ConfigError),
    out: &mut dyn Write,
) -> io::Result<i32> {
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    if !path.exists() {
        eprintln!("bloglint: {}: no such file or directory", path.display());
        return Ok(EXIT_FAILURE);
    }
    let start = if path.is_dir() {
        path
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or(PathBuf::from("."), Path::to_path_buf)
    };
    let (root, kind) = Generator::find_root(&start, args.generator)
        .unwrap_or((start, args.generator.unwrap_or(GeneratorKind::Hugo)));
    let generator = match Generator::load(&root, kind) {
        Ok(g) => g,
        Err(e) => {
            config_error(e);
            return Ok(EXIT_FAILURE);
        }
    };
    let site = Site::load(generator);
    let posts: Vec<&Post> = site
        .posts
        .iter()
        .filter(|p| p.front_matter_error.is_none())
        .collect();
    let index = site
        .generator
        .index(&posts, &site.resources, &site.static_files, now);
    // A fragment is checked against the page's ids.
    let with_ids = args.ids || args.url.as_ref().is_some_and(|u| u.contains('#'));
    let report = build(&site, &index, &root, with_ids);
    match &args.url {
        None => {
            match args.format {
                SiteFormat::Text => text(&report, out)?,
                SiteFormat::Json => {
                    serde_json::to_writer_pretty(&mut *out, &report)?;
                    writeln!(out)?;
                }
            }
            out.flush()?;
            Ok(EXIT_OK)
        }
        Some(query) => {
            let answer = answer(&report, query);
            match args.format {
                SiteFormat::Text => answer_text(&report, &answer, out)?,
                SiteFormat::Json => {
                    serde_json::to_writer_pretty(&mut *out, &answer)?;
                    writeln!(out)?;
                }
            }
            out.flush()?;
            Ok(
                if (answer.served || answer.host_redirect.is_some())
                    && answer
                        .fragment
                        .as_ref()
                        .is_none_or(|f| f.found != Some(false))
                {
                    EXIT_OK
                } else {
                    EXIT_FINDINGS
                },
            )
        }
    }
}

/// A file's path relative to the site root, `/`-separated (as found when
/// it is outside the root).
fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut out = String::new();
    for c in rel.components() {
        match c {
            Component::RootDir => out.push('/'),
            Component::CurDir => {}
            c => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&c.as_os_str().to_string_lossy());
            }
        }
    }
    out
}

/// The order claims of one URL are shown in: first what bloglint expects
/// Hugo to write. Hugo's own redirect, then a regular page, an alias, a
/// list page, a resource, a static file, and last an alias of a page to
/// its own URL.
fn rank(index: &SiteIndex, url: &str, served: &Served) -> u8 {
    match served {
        Served::Page(i) if index.pages[*i].kind.name() == "page" => 1,
        Served::Alias(i, _) if index.pages[*i].url == url => 6,
        Served::Alias(..) => 2,
        Served::Page(_) | Served::Section(_) | Served::Taxonomy(_) | Served::Term(..) => 3,
        Served::Resource(_) => 4,
        Served::Static(_) | Served::Generated(_) => 5,
    }
}

fn page_ids(page: &Page, generator: &Generator) -> Vec<String> {
    page.ids(generator)
        .iter()
        .filter(|id| !id.is_empty())
        .cloned()
        .collect()
}

/// The report of an indexed site. `with_ids`: heading ids of content pages.
pub fn build(site: &Site, index: &SiteIndex, root: &Path, with_ids: bool) -> Report {
    let generator = index.generator;
    let ids_of = |page: Option<&Page>| {
        if with_ids {
            Ids::Asked(page.map(|p| page_ids(p, generator)))
        } else {
            Ids::NotAsked
        }
    };
    let claim = |url: &str, served: &Served| -> Claim {
        match served {
            Served::Page(i) => {
                let page = &index.pages[*i];
                match &page.redirect_to {
                    // A page whose content is a redirect (`redirect_to`).
                    Some(to) => Claim {
                        kind: "alias",
                        lang: Some(page.lang.clone()),
                        source: Some(relative(root, &page.post.path)),
                        target: Some(to.clone()),
                        ids: ids_of(None),
                    },
                    None => Claim {
                        kind: page.kind.name(),
                        lang: Some(page.lang.clone()),
                        source: Some(relative(root, &page.post.path)),
                        target: None,
                        ids: ids_of(Some(page)),
                    },
                }
            }
            Served::Alias(i, _) => {
                let page = &index.pages[*i];
                Claim {
                    kind: "alias",
                    lang: Some(page.lang.clone()),
                    source: Some(relative(root, &page.post.path)),
                    target: Some(page.url.clone()),
                    ids: ids_of(None),
                }
            }
            Served::Section(name) => Claim {
                kind: if name.is_empty() { "home" } else { "section" },
                lang: Some(generator.language_of_url(url)),
                source: None,
                target: None,
                ids: ids_of(None),
            },
            Served::Taxonomy(_) | Served::Term(..) => Claim {
                kind: if matches!(served, Served::Taxonomy(_)) {
                    "taxonomy"
                } else {
                    "term"
                },
                lang: Some(generator.language_of_url(url)),
                source: None,
                target: None,
                ids: ids_of(None),
            },
            Served::Resource(path) => Claim {
                kind: "resource",
                lang: Some(generator.language_of_url(url)),
                source: Some(relative(root, path)),
                target: None,
                ids: ids_of(None),
            },
            Served::Static(path) => Claim {
                kind: "static",
                lang: None,
                source: Some(relative(root, path)),
                target: None,
                ids: ids_of(None),
            },
            Served::Generated(plugin) => Claim {
                kind: "generated",
                lang: None,
                source: Some((*plugin).to_string()),
                target: None,
                ids: ids_of(None),
            },
        }
    };

    let mut entries: BTreeMap<&str, Entry> = BTreeMap::new();
    for (url, served) in &index.urls {
        let mut served: Vec<&Served> = served.iter().collect();
        let mut claims: Vec<Claim> = Vec::new();
        if let Some(target) = index.redirects.get(url) {
            // The home page the redirect leads to is not written here.
            let home = served.iter().rposition(|s| match s {
                Served::Page(i) => index.pages[*i].kind.name() == "home",
                Served::Section(name) => name.is_empty(),
                _ => false,
            });
            if let Some(at) = home {
                served.remove(at);
            }
            // Zola's first pager (`page/1/`): the redirect is the file.
            if generator.kind() == GeneratorKind::Zola {
                served.retain(|s| !matches!(s, Served::Generated(_)));
            }
            claims.push(Claim {
                kind: "alias",
                lang: Some(generator.default_language().to_string()),
                source: None,
                target: Some(target.clone()),
                ids: ids_of(None),
            });
        }
        let mut rest: Vec<(u8, Claim)> = served
            .iter()
            .map(|s| (rank(index, url, s), claim(url, s)))
            .collect();
        rest.sort_by(|a, b| {
            (a.0, &a.1.source, a.1.kind, &a.1.target).cmp(&(
                b.0,
                &b.1.source,
                b.1.kind,
                &b.1.target,
            ))
        });
        claims.extend(rest.into_iter().map(|(_, c)| c));
        let mut claims = claims.into_iter();
        let Some(first) = claims.next() else { continue };
        entries.insert(
            url,
            Entry {
                url: url.clone(),
                rel_permalink: format!("{}{url}", index.base_path),
                claim: first,
                also: claims.collect(),
            },
        );
    }

    let mut unpublished: Vec<NotPublished> = index
        .pages
        .iter()
        .filter_map(|page| {
            let why = page.unpublished.as_ref()?;
            let (reason, message) = match why {
                Unpublished::SamePath(kept) => (
                    "same-path",
                    format!(
                        "another content file has the same page path, {}: Hugo keeps only one \
                         of them, nearly always that one",
                        relative(root, &index.pages[*kept].post.path)
                    ),
                ),
                Unpublished::PathDropped(by) => {
                    let other = &index.pages[*by];
                    (
                        "path-dropped",
                        format!(
                            "{}, of the same page path, is {}: Hugo drops the path, this page \
                             with it",
                            relative(root, &other.post.path),
                            other
                                .unpublished
                                .as_ref()
                                .map_or("not built", Unpublished::reason)
                        ),
                    )
                }
                _ => reason(page.post, why),
            };
            // A file Hugo ignores, or a resource of a leaf bundle, is no page
            // at all: it has no URL, and its aliases are nothing.
            let page_like = !matches!(why, Unpublished::LeafResource | Unpublished::Ignored);
            Some(NotPublished {
                source: relative(root, &page.post.path),
                lang: Some(page.lang.clone()),
                kind: page_like.then(|| page.kind.name()),
                url: page_like.then(|| page.url.clone()),
                reason,
                message,
                aliases: page
                    .aliases
                    .iter()
                    .filter(|_| page_like)
                    .filter_map(|a| a.url.as_ref().ok().cloned())
                    .collect(),
            })
        })
        .collect();
    for post in site.posts.iter().filter(|p| p.front_matter_error.is_some()) {
        let (lang, kind) = generator.place(post);
        unpublished.push(NotPublished {
            source: relative(root, &post.path),
            lang: Some(lang),
            kind: Some(kind.name()),
            url: None,
            reason: "front-matter-error",
            message: generator.unparsed_front_matter().into(),
            aliases: Vec::new(),
        });
    }
    for error in &site.errors {
        unpublished.push(NotPublished {
            source: relative(root, &error.path),
            lang: None,
            kind: None,
            url: None,
            reason: "read-error",
            message: error.message.clone(),
            aliases: Vec::new(),
        });
    }
    unpublished.sort_by(|a, b| (&a.source, &a.lang).cmp(&(&b.source, &b.lang)));
    let mut rejected_aliases: Vec<RejectedAlias> = index
        .pages
        .iter()
        .filter(|p| p.is_published() && generator.publishes_aliases())
        .flat_map(|p| {
            p.aliases.iter().filter_map(|a| {
                let message = a.url.as_ref().err()?;
                let declared = a.cascaded_from.as_ref().map_or(&p.post.path, |(f, _)| f);
                Some(RejectedAlias {
                    source: relative(root, declared),
                    alias: a.written.clone(),
                    message: message.clone(),
                })
            })
        })
        .collect();
    rejected_aliases.sort_by(|a, b| (&a.source, &a.alias).cmp(&(&b.source, &b.alias)));
    rejected_aliases.dedup_by(|a, b| (&a.source, &a.alias) == (&b.source, &b.alias));

    Report {
        root: crate::render::shown(root),
        generator: match generator.kind() {
            GeneratorKind::Hugo => "hugo",
            GeneratorKind::Jekyll => "jekyll",
            GeneratorKind::Zola => "zola",
        },
        base_url: generator.base_url().to_string(),
        base_path: index.base_path.clone(),
        urls: entries.into_values().collect(),
        unpublished,
        rejected_aliases,
        host_redirects: index
            .host_redirects
            .iter()
            .map(|r| HostRedirectEntry {
                from: r.from.clone(),
                to: r.to.clone(),
                status: r.status.clone(),
                source: format!("{}:{}", relative(root, &r.file), r.line),
            })
            .collect(),
        languages: generator.languages().len(),
    }
}

/// The reason code and message of an unpublished page.
fn reason(post: &Post, why: &Unpublished) -> (&'static str, String) {
    let code = match why {
        Unpublished::Draft => "draft",
        Unpublished::Future => "future",
        Unpublished::Expired => "expired",
        Unpublished::NotRendered => "not-rendered",
        Unpublished::LeafResource => "leaf-resource",
        Unpublished::Ignored => "ignored",
        Unpublished::DisabledKind => "disabled-kind",
        Unpublished::DisabledLanguage => "disabled-language",
        Unpublished::SamePath(_) => "same-path",
        Unpublished::PathDropped(_) => "path-dropped",
        Unpublished::PublishedFalse => "published-false",
        Unpublished::UndatedPost => "undated-post",
        Unpublished::InvalidDate => "invalid-date",
        Unpublished::NoOutput => "no-output",
        Unpublished::BadUrl => "bad-url",
        Unpublished::NoFrontMatter => "no-front-matter",
        Unpublished::Unsorted(_) => "unsorted",
        Unpublished::UnknownLanguage => "unknown-language",
        Unpublished::FailsBuild(_) => "fails-build",
    };
    if *why != Unpublished::NotRendered {
        return (code, why.reason().to_string());
    }
    // Zola's `render = false` (a page or a section).
    if post.field("build").is_none()
        && post.field("headless").is_none()
        && matches!(
            post.front_matter
                .as_ref()
                .and_then(|f| f.root.value("render"))
                .map(|n| &n.value),
            Some(crate::document::Value::Bool(false))
        )
    {
        return (code, "`render = false`: never rendered".into());
    }
    // Say which option, when the page sets it itself.
    let own = Meta::own(post);
    let headless = post.field("headless").is_some() && urls::render_mode(&own) == Render::Never;
    let build = post
        .field("build")
        .or_else(|| post.field("_build"))
        .is_some();
    match urls::render_mode(&own) {
        Render::Never if headless && !build => {
            ("headless", "a headless bundle: never rendered".into())
        }
        Render::Never => (
            "not-rendered",
            "build.render is `never`: never rendered".into(),
        ),
        Render::Link => (
            "not-rendered",
            "build.render is `link`: it has a URL but no page is written".into(),
        ),
        Render::Always => (
            "not-rendered",
            "never rendered: build options (or headless) from a `cascade`".into(),
        ),
    }
}

// The listing.

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A claim in a sentence (`--url`), URLs shown by `shown`.
fn sentence(report: &Report, c: &Claim, shown: &dyn Fn(&str) -> String) -> String {
    let lang = match c.lang.as_deref() {
        Some(l) if report.languages > 1 => format!(" ({l})"),
        _ => String::new(),
    };
    let target = c.target.as_deref().map(shown).unwrap_or_default();
    match (c.kind, c.source.as_deref()) {
        ("alias", Some(src)) => {
            format!("an alias{lang} declared in {src}, redirecting to {target}")
        }
        ("alias", None) if zola(report) => {
            format!("Zola's redirect to {target}, the first page of its pagination")
        }
        ("alias", None) => {
            format!("Hugo's redirect to {target}, the home page of the default language")
        }
        ("static", Some(src)) => format!("the static file {src}"),
        ("resource", Some(src)) => format!("the page resource {src}{lang}"),
        ("page", Some(src)) => format!("the page{lang} from {src}"),
        (kind, Some(src)) => format!("the {kind} page{lang} from {src}"),
        (kind, None) => format!(
            "the {kind} page{lang} {} makes (no content file)",
            writer(report)
        ),
    }
}

/// Whether the report is of a Zola site (the texts below were Hugo's
/// alone, and stay as they were for Hugo and Jekyll).
fn zola(report: &Report) -> bool {
    report.generator == "zola"
}

/// Who writes the site, in the texts written for Hugo first.
fn writer(report: &Report) -> &'static str {
    if zola(report) { "Zola" } else { "Hugo" }
}

/// Pad to `width` characters.
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
}

/// The widest of `items` up to `cap` characters (longer ones overflow).
fn width<'a>(items: impl Iterator<Item = &'a str>, cap: usize) -> usize {
    items
        .map(|s| s.chars().count())
        .filter(|&n| n <= cap)
        .max()
        .unwrap_or(0)
}

/// The grouped text listing: pages, aliases, files, then the content files
/// not published. URLs are paths under the baseURL.
pub fn text(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let group = |kinds: &[&str]| -> Vec<&Entry> {
        report
            .urls
            .iter()
            .filter(|e| kinds.contains(&e.claim.kind))
            .collect()
    };
    let pages = group(&["home", "section", "page", "taxonomy", "term"]);
    let aliases = group(&["alias"]);
    let files = group(&["static", "resource"]);
    let at = if report.base_url.is_empty() {
        String::from("no baseURL")
    } else {
        report.base_url.clone()
    };
    writeln!(
        out,
        "{} ({at}): {}, {}, {}; {} not published",
        report.root,
        plural(pages.len(), "page", "pages"),
        plural(aliases.len(), "alias", "aliases"),
        plural(files.len(), "file", "files"),
        plural(report.unpublished.len(), "content file", "content files"),
    )?;
    let multilingual = report.languages > 1;
    let url_width = width(report.urls.iter().map(|e| e.url.as_str()), 40);
    let lang_width = if multilingual {
        width(
            report
                .urls
                .iter()
                .flat_map(|e| std::iter::once(&e.claim).chain(&e.also))
                .filter_map(|c| c.lang.as_deref()),
            8,
        )
        .max(1)
    } else {
        0
    };
    let row = |c: &Claim| -> String {
        let lang = if multilingual {
            format!("{}  ", pad(c.lang.as_deref().unwrap_or("-"), lang_width))
        } else {
            String::new()
        };
        let source = c.source.as_deref().unwrap_or("(no content file)");
        let source = match (c.kind, c.source.as_deref()) {
            ("alias", None) if zola(report) => "(Zola's redirect to the first pager)",
            ("alias", None) => "(Hugo's redirect to the default language)",
            _ => source,
        };
        let target = c
            .target
            .as_deref()
            .map(|t| format!(" → {t}"))
            .unwrap_or_default();
        format!("{lang}{}  {source}{target}", pad(c.kind, 8))
    };
    let indent = " ".repeat(url_width + 4);
    for (title, group) in [("Pages", &pages), ("Aliases", &aliases), ("Files", &files)] {
        if group.is_empty() {
            continue;
        }
        writeln!(out, "\n{title}")?;
        for e in group.iter() {
            writeln!(out, "  {}  {}", pad(&e.url, url_width), row(&e.claim))?;
            if let Some(ids) = e.claim.ids.list().filter(|ids| !ids.is_empty()) {
                writeln!(out, "{indent}ids: {}", ids.join(" "))?;
            }
            for c in &e.also {
                writeln!(out, "{indent}also: {}", row(c))?;
            }
            if !e.also.is_empty() {
                writeln!(
                    out,
                    "{indent}(one URL: {} writes only one of them)",
                    writer(report)
                )?;
            }
        }
    }
    if !report.rejected_aliases.is_empty() {
        writeln!(out, "\nAliases Hugo rejects (the build fails)")?;
        let source_width = width(
            report.rejected_aliases.iter().map(|a| a.source.as_str()),
            48,
        );
        for a in &report.rejected_aliases {
            writeln!(
                out,
                "  {}  `{}`: {}",
                pad(&a.source, source_width),
                a.alias,
                a.message
            )?;
        }
    }
    if !report.host_redirects.is_empty() {
        writeln!(
            out,
            "\nHost redirects (links to these paths are not broken)"
        )?;
        let from_width = width(report.host_redirects.iter().map(|r| r.from.as_str()), 40);
        for r in &report.host_redirects {
            let status = r
                .status
                .as_deref()
                .map(|s| format!(" {s}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}  → {}{status}  ({})",
                pad(&r.from, from_width),
                r.to,
                r.source
            )?;
        }
    }
    if !report.unpublished.is_empty() {
        writeln!(out, "\nNot published")?;
        let source_width = width(report.unpublished.iter().map(|u| u.source.as_str()), 48);
        for u in &report.unpublished {
            let lang = match u.lang.as_deref() {
                Some(l) if multilingual => format!("[{l}] "),
                _ => String::new(),
            };
            let at = match &u.url {
                Some(url) => format!("; would be {url}"),
                None => String::new(),
            };
            writeln!(
                out,
                "  {}  {lang}{}{at}",
                pad(&u.source, source_width),
                u.message
            )?;
        }
    }
    Ok(())
}

// `--url`.

/// The heading a URL's fragment names.
#[derive(Serialize, Debug)]
pub struct Fragment {
    pub id: String,
    /// Whether the page serving the URL has a heading with this id; `None`
    /// when nothing serves the URL or it is not a content page.
    pub found: Option<bool>,
}

/// What `--url` found.
#[derive(Serialize, Debug)]
pub struct Answer {
    /// The URL as given.
    pub query: String,
    /// The path it was looked up as, under the baseURL.
    pub url: String,
    pub served: bool,
    /// What serves it.
    pub entry: Option<Entry>,
    pub fragment: Option<Fragment>,
    /// Content files that would be at this URL (or have an alias there) but
    /// are not published.
    pub unpublished: Vec<NotPublished>,
    /// When nothing serves it: the nearest published URLs (edit distance).
    pub suggestions: Vec<Entry>,
    /// When no page is there: the host's redirect rule that serves it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_redirect: Option<HostRedirectEntry>,
}

/// How many suggestions at most.
const SUGGESTIONS: usize = 5;

/// Answer `--url`. The report must have ids (`build` with `with_ids`)
/// for a fragment to be checked.
pub fn answer(report: &Report, query: &str) -> Answer {
    let (path, fragment) = split_query(query);
    let by_url: BTreeMap<&str, &Entry> = report.urls.iter().map(|e| (e.url.as_str(), e)).collect();
    // The path as given, without the baseURL's sub-path, normalised,
    // percent-decoded: the first one published wins.
    let mut tried: Vec<String> = Vec::new();
    let decoded = crate::text::percent_decode(&path);
    for p in [&path, &decoded] {
        if let Some(s) = strip_base(p, &report.base_path) {
            tried.push(normalize(&s));
            tried.push(s);
        }
        tried.push(p.clone());
        tried.push(normalize(p));
    }
    let found = tried.iter().find_map(|t| by_url.get(t.as_str()).copied());
    let under_base = strip_base(&decoded, &report.base_path).unwrap_or_else(|| decoded.clone());
    let url = match found {
        Some(e) => e.url.clone(),
        None => normalize(&under_base),
    };
    let fragment = fragment.map(|id| {
        let found = found
            .filter(|e| e.also.is_empty() && e.claim.source.is_some())
            .and_then(|e| e.claim.ids.list())
            .map(|ids| ids.contains(&id));
        Fragment { id, found }
    });
    let here = |u: &str| {
        let u = normalize(u);
        tried.iter().any(|t| normalize(t) == u)
    };
    let unpublished: Vec<NotPublished> = report
        .unpublished
        .iter()
        .filter(|u| u.url.as_deref().is_some_and(here) || u.aliases.iter().any(|a| here(a)))
        .cloned()
        .collect();
    let host_redirect = if found.is_some() {
        None
    } else {
        let on_host = format!("{}{url}", report.base_path);
        report
            .host_redirects
            .iter()
            .find(|r| crate::site::redirects::from_matches(&r.from, &on_host))
            .cloned()
    };
    let suggestions = if found.is_some() || host_redirect.is_some() {
        Vec::new()
    } else {
        nearest(report, &url)
    };
    Answer {
        query: query.to_string(),
        url,
        served: found.is_some(),
        entry: found.cloned(),
        fragment,
        unpublished,
        suggestions,
        host_redirect,
    }
}

/// The path of a URL (scheme, host and query dropped) and its fragment.
fn split_query(query: &str) -> (String, Option<String>) {
    let mut rest = query.trim();
    if let Some((_, after)) = rest.split_once("://") {
        rest = after.find('/').map_or("/", |i| &after[i..]);
    } else if let Some(after) = rest.strip_prefix("//") {
        rest = after.find('/').map_or("/", |i| &after[i..]);
    }
    let (rest, fragment) = match rest.split_once('#') {
        Some((p, f)) => (
            p,
            Some(crate::text::percent_decode(f)).filter(|f| !f.is_empty()),
        ),
        None => (rest, None),
    };
    let rest = rest.split_once('?').map_or(rest, |(p, _)| p);
    let path = if rest.starts_with('/') {
        rest.to_string()
    } else {
        format!("/{rest}")
    };
    (path, fragment)
}

/// `/blog/x/` → `/x/` when the baseURL's path is `/blog`.
fn strip_base(path: &str, base: &str) -> Option<String> {
    if base.is_empty() {
        return None;
    }
    let rest = path.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/".into())
    } else if rest.starts_with('/') {
        Some(rest.to_string())
    } else {
        None
    }
}

/// The published URLs nearest to `target` by [`url_distance`]: at most
/// [`SUGGESTIONS`], each within a third of the longer URL's length (at
/// least 3 edits).
fn nearest(report: &Report, target: &str) -> Vec<Entry> {
    let len = target.chars().count();
    let mut scored: Vec<(usize, &Entry)> = report
        .urls
        .iter()
        .map(|e| (url_distance(target, &e.url), e))
        .filter(|(d, e)| *d <= (len.max(e.url.chars().count()) / 3).max(3))
        .collect();
    scored.sort_by(|a, b| (a.0, &a.1.url).cmp(&(b.0, &b.1.url)));
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, e)| e.clone())
        .collect()
}

/// The suffixes of a URL path at its segment boundaries, with how many
/// leading segments each drops: `/a/b/` → (`/a/b/`, 0), (`/b/`, 1).
fn tails(url: &str) -> impl Iterator<Item = (usize, &str)> {
    let trimmed = url.trim_end_matches('/');
    url.match_indices('/')
        .filter(move |(i, _)| *i == 0 || *i < trimmed.len())
        .enumerate()
        .map(move |(n, (i, _))| (n, &url[i..]))
}

/// How far apart two URL paths are: the edit distance, where dropping a
/// leading segment of either costs one edit (`/old/` is 2 from
/// `/2024/03/old/`).
pub fn url_distance(a: &str, b: &str) -> usize {
    let mut best = edit_distance(a, b);
    for (da, ta) in tails(a) {
        for (db, tb) in tails(b) {
            if da + db > 0 && da + db < best {
                best = best.min(da + db + edit_distance(ta, tb));
            }
        }
    }
    best
}

/// The text answer of `--url`.
fn answer_text(report: &Report, a: &Answer, out: &mut dyn Write) -> io::Result<()> {
    let full = |u: &str| format!("{}{u}", report.base_path);
    let shown = full(&a.url);
    match &a.entry {
        Some(e) if e.also.is_empty() => {
            writeln!(out, "{shown}: {}", sentence(report, &e.claim, &full))?;
        }
        Some(e) => {
            writeln!(
                out,
                "{shown}: claimed {} times; {} writes only one of them",
                e.also.len() + 1,
                writer(report)
            )?;
            for c in std::iter::once(&e.claim).chain(&e.also) {
                writeln!(out, "  {}", sentence(report, c, &full))?;
            }
        }
        None => match &a.host_redirect {
            Some(r) => writeln!(
                out,
                "{shown}: no page, but the host redirects it to {} ({}: `{}`)",
                r.to, r.source, r.from
            )?,
            None => writeln!(out, "{shown}: nothing serves it")?,
        },
    }
    if let Some(f) = &a.fragment {
        match f.found {
            Some(true) => writeln!(out, "  #{}: a heading of the page", f.id)?,
            Some(false) => {
                let ids = a
                    .entry
                    .as_ref()
                    .and_then(|e| e.claim.ids.list().map(|ids| ids.join(" ")));
                writeln!(out, "  #{}: no heading of the page has this id", f.id)?;
                if let Some(ids) = ids.filter(|i| !i.is_empty()) {
                    writeln!(out, "  its ids: {ids}")?;
                }
            }
            None if a.served => writeln!(out, "  #{}: not checked (not a content page)", f.id)?,
            None => {}
        }
    }
    for u in &a.unpublished {
        let what = if u
            .url
            .as_deref()
            .is_some_and(|p| normalize(p) == normalize(&a.url))
        {
            "would be here"
        } else {
            "has an alias here"
        };
        writeln!(
            out,
            "  {} {what}, but it is not published: {}",
            u.source, u.message
        )?;
    }
    if !a.suggestions.is_empty() {
        writeln!(out, "nearest URLs:")?;
        let width = a
            .suggestions
            .iter()
            .map(|e| full(&e.url).chars().count())
            .max()
            .unwrap_or(0);
        for e in &a.suggestions {
            writeln!(
                out,
                "  {}  {}",
                pad(&full(&e.url), width),
                sentence(report, &e.claim, &full)
            )?;
        }
    } else if !a.served && a.host_redirect.is_none() {
        writeln!(out, "no published URL is near it")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_distances() {
        assert_eq!(url_distance("/old/", "/2024/03/old/"), 2);
        assert_eq!(url_distance("/posts/2024/a/", "/2024/a/"), 1);
        assert_eq!(url_distance("/posts/a/", "/posts/b/"), 1);
        assert_eq!(url_distance("/", "/a/"), 2);
        let t: Vec<(usize, &str)> = tails("/a/b/").collect();
        assert_eq!(t, [(0, "/a/b/"), (1, "/b/")]);
        assert_eq!(tails("/").count(), 1);
    }

    #[test]
    fn relative_paths() {
        let root = Path::new("site");
        assert_eq!(
            relative(root, Path::new("site/content/a.md")),
            "content/a.md"
        );
        assert_eq!(
            relative(Path::new("."), Path::new("./content/a.md")),
            "content/a.md"
        );
        assert_eq!(
            relative(root, Path::new("/elsewhere/a.md")),
            "/elsewhere/a.md"
        );
        assert_eq!(relative(root, Path::new("../x/a.md")), "../x/a.md");
    }

    #[test]
    fn queries() {
        assert_eq!(
            split_query("https://example.org/blog/a/?x=1#top"),
            ("/blog/a/".into(), Some("top".into()))
        );
        assert_eq!(split_query("posts/a"), ("/posts/a".into(), None));
        assert_eq!(split_query("//cdn.example.org"), ("/".into(), None));
        assert_eq!(split_query("/a/#"), ("/a/".into(), None));
        assert_eq!(strip_base("/blog/a/", "/blog"), Some("/a/".into()));
        assert_eq!(strip_base("/blog", "/blog"), Some("/".into()));
        assert_eq!(strip_base("/blogger/", "/blog"), None);
        assert_eq!(strip_base("/a/", ""), None);
    }
}
