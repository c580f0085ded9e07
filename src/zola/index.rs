//! The site as Zola 0.22.1 publishes it: the Zola builder of the neutral
//! [`SiteIndex`], from Zola's own source (`components/content`:
//! `file_info`, `page`, `section`, `library`, `sorting`, `pagination`,
//! `taxonomies`; `components/site`: `load`, `build`, `render_*`) and
//! checked against real builds (`tests/zola_oracle.rs`).
//!
//! - pages: `x.md` at `<folders>/<slug>/`, the slug from `slug`, else the
//!   file name (or a bundle's folder name for `x/index.md`) slugified by
//!   `slugify.paths`, without a leading `YYYY-MM-DD-`/`_` date (which
//!   dates the page); `path` replaces it all (no language prefix);
//!   `name.<lang>.md` goes under `/<lang>/`;
//! - sections: `_index.md` (and `_index.<lang>.md`) at their folder; the
//!   root's is made when missing; `draft = true` drops the folder;
//!   `render = false` writes no page (its pages still are);
//!   `redirect_to` writes a redirect; `paginate_by` writes pagers;
//! - a page is written when it has no section, or when a section it is
//!   in (its own, and the parents of transparent ones) keeps it: a
//!   section sorted by `date` (`update_date`, `title`, `weight`) leaves
//!   out the pages without one (`Unpublished::Unsorted`);
//! - aliases: each a redirect file, written before the pages (a page or
//!   anything else at the same file replaces it);
//! - taxonomies (per language): the list and a page per term, when the
//!   taxonomy renders and has terms; term pagers and feeds;
//! - colocated assets (beside a bundle's `index.md`, recursively; beside
//!   an `_index.md`, not below), static files (copied last: they replace
//!   anything), the feeds, sitemap, `robots.txt`, `404.html`, search
//!   index and Sass outputs.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::config::ZolaConfig;
use super::slug::slugify_paths;
use crate::document::frontmatter::string_items;
use crate::document::{Node, Post, Value};
use crate::site::Generator;
use crate::site::index::{Alias, Page, Served, SiteIndex};
use crate::site::model::{Kind, Place, Unpublished, file_url};

/// A content file as Zola's `FileInfo` sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// `_index.md` or `_index.<lang>.md`.
    pub is_section: bool,
    /// The folders from `content/` to the file (for a bundle's
    /// `index.md`, without the bundle's own folder).
    pub components: Vec<String>,
    /// The file name without `.md` and without its language.
    pub name: String,
    /// The language, `Err(code)` when the code is not configured (Zola
    /// fails the build).
    pub lang: Result<String, String>,
    /// For a bundle (`x/index.md`): its folder, from `content/`, with `/`.
    pub colocated: Option<String>,
    /// The folder the file is in, from `content/` (`""` at the root).
    pub dir: String,
}

impl FileInfo {
    pub fn new(zola: &ZolaConfig, content_path: &str) -> FileInfo {
        let (dir, file) = content_path.rsplit_once('/').unwrap_or(("", content_path));
        let stem = file.strip_suffix(".md").unwrap_or(file);
        let is_section = stem.starts_with("_index");
        let mut components: Vec<String> = dir
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let mut colocated = None;
        if !is_section && !components.is_empty() && stem.split('.').next() == Some("index") {
            colocated = Some(dir.to_string());
            components.pop();
        }
        // `FileInfo::find_language`: only on a multilingual site, the part
        // after the first `.`; the default language's code is kept in
        // the name.
        let mut name = stem.to_string();
        let mut lang = Ok(zola.default_language.clone());
        if zola.is_multilingual()
            && let Some((base, code)) = stem.split_once('.')
            && code != zola.default_language
        {
            if zola.languages.iter().any(|l| l == code) {
                lang = Ok(code.to_string());
                name = base.to_string();
            } else {
                lang = Err(code.to_string());
            }
        }
        FileInfo {
            is_section,
            components,
            name,
            lang,
            colocated,
            dir: dir.to_string(),
        }
    }
}

/// A file name's leading date, as Zola's `RFC3339_DATE` reads it: the date
/// (or date-time), and the slug after `-`/`_` if any.
pub fn dated_name(name: &str) -> Option<(&str, Option<&str>)> {
    let b = name.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone())
            .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
    };
    let shape = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    if !shape {
        return None;
    }
    // `0[1-9]|1[0-2]` and `0[1-9]|[12][0-9]|3[01]`, as Zola's regex.
    let (m, d) = (&b[5..7], &b[8..10]);
    let month = matches!((m[0], m[1]), (b'0', b'1'..=b'9') | (b'1', b'0'..=b'2'));
    let day = matches!(
        (d[0], d[1]),
        (b'0', b'1'..=b'9') | (b'1' | b'2', _) | (b'3', b'0' | b'1')
    );
    if !month || !day {
        return None;
    }
    let mut end = 10;
    // An optional time: `T12:30:00` with an offset (`Z`, `+01:00`).
    if let Some(t) = time_len(&name[10..]) {
        end += t;
    }
    let date = &name[..end];
    let rest = &name[end..];
    let rest = rest.strip_prefix(char::is_whitespace).unwrap_or(rest);
    let slug = rest
        .strip_prefix('-')
        .or_else(|| rest.strip_prefix('_'))
        .filter(|s| !s.is_empty());
    Some((date, slug))
}

/// The length of `THH:MM:SS(.frac)?(Z|±HH:MM)` at the start of `s`.
fn time_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let d2 = |i: usize| {
        b.get(i..i + 2)
            .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
    };
    if b.first() != Some(&b'T') || !d2(1) || b.get(3) != Some(&b':') || !d2(4) {
        return None;
    }
    if b.get(6) != Some(&b':') || !d2(7) {
        return None;
    }
    let mut i = 9;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    match b.get(i) {
        Some(b'Z') => Some(i + 1),
        Some(b'+' | b'-') if d2(i + 1) && b.get(i + 3) == Some(&b':') && d2(i + 4) => Some(i + 6),
        _ => None,
    }
}

/// A page's date as Zola reads it: its `date`, else its file name's.
/// `Some(Err)` when `date` does not parse (Zola fails the build).
fn page_date(post: &Post, info: &FileInfo) -> Option<Result<(), ()>> {
    if let Some(n) = post.field("date") {
        return Some(match &n.value {
            Value::String(s) | Value::Datetime(s) if crate::zola::date_check::zola_reads(s) => {
                Ok(())
            }
            _ => Err(()),
        });
    }
    let base = slug_base(info);
    dated_name(base).map(|_| Ok(()))
}

/// The name a page's slug comes from: the bundle's folder for
/// `x/index.md`, else the file name.
fn slug_base(info: &FileInfo) -> &str {
    if info.name == "index" {
        if let Some(c) = &info.colocated {
            return c.rsplit('/').next().unwrap_or(c);
        }
        return info.dir.rsplit('/').next().unwrap_or(&info.name);
    }
    &info.name
}

fn string_field<'p>(post: &'p Post, key: &str) -> Option<&'p str> {
    field(post, key).and_then(Node::as_str)
}

/// A front matter key, compared exactly (serde's way).
pub fn field<'p>(post: &'p Post, key: &str) -> Option<&'p Node> {
    post.front_matter
        .as_ref()?
        .root
        .entries
        .iter()
        .find(|(k, _)| k.name == key)
        .map(|(_, v)| v)
}

fn bool_field(post: &Post, key: &str, default: bool) -> bool {
    match field(post, key).map(|n| &n.value) {
        Some(Value::Bool(b)) => *b,
        _ => default,
    }
}

/// A page's URL path (`/blog/a/`), as `Page::parse` makes it.
pub fn page_path(zola: &ZolaConfig, post: &Post, info: &FileInfo) -> String {
    let lang = info.lang.as_deref().unwrap_or(&zola.default_language);
    let mode = zola.slugify.paths;
    let base = slug_base(info);
    let dated_slug = match dated_name(base) {
        Some((_, Some(slug))) if !zola.slugify.paths_keep_dates => Some(slug),
        _ => None,
    };
    let slug = match (string_field(post, "slug"), dated_slug) {
        (Some(s), _) => slugify_paths(s, mode),
        (None, Some(s)) => slugify_paths(s, mode),
        (None, None) => slugify_paths(base, mode),
    };
    let mut path = match string_field(post, "path") {
        Some(p) => {
            let p = p.trim();
            if p.starts_with('/') {
                p.to_string()
            } else {
                format!("/{p}")
            }
        }
        None => {
            let mut path = if info.components.is_empty() {
                if info.name == "index" && info.colocated.is_none() {
                    String::new()
                } else {
                    slug
                }
            } else {
                format!("{}/{}", info.components.join("/"), slug)
            };
            if lang != zola.default_language {
                path = format!("{lang}/{path}");
            }
            format!("/{path}")
        }
    };
    if !path.ends_with('/') {
        path.push('/');
    }
    path
}

/// A section's URL path (`/blog/`, `/fr/blog/`).
pub fn section_path(zola: &ZolaConfig, info: &FileInfo) -> String {
    let lang = info.lang.as_deref().unwrap_or(&zola.default_language);
    let prefix = zola.lang_prefix(lang);
    if info.components.is_empty() {
        format!("{prefix}/")
    } else {
        format!("{prefix}/{}/", info.components.join("/"))
    }
}

/// The file an alias is written to, as its URL: Zola splits it at `/`,
/// writes `<last>.html` as is, else `<path>/index.html`.
pub fn alias_url(alias: &str) -> String {
    let file = match alias.rsplit_once('/') {
        Some((_, last)) if last.ends_with(".html") => format!("/{alias}"),
        None if alias.ends_with(".html") => format!("/{alias}"),
        _ => format!("/{alias}/index.html"),
    };
    file_url(&file)
}

/// How a section sorts its pages (`sort_by`), by what a page needs to be
/// kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    /// `none`, `slug`, `permalink`: every page.
    Any,
    Date,
    UpdateDate,
    Title,
    Weight,
}

struct SectionInfo {
    /// Index in `pages`.
    page: usize,
    sort_by: SortBy,
    transparent: bool,
    paginate_by: Option<usize>,
    paginate_path: String,
    generate_feeds: bool,
    render: bool,
    redirect: bool,
    /// Published pages in it (its own and those of transparent children).
    count: usize,
}

impl SortBy {
    /// The front matter key a page needs to be kept (`Any`: none needed).
    fn key(self) -> &'static str {
        match self {
            SortBy::Any => "",
            SortBy::Date => "date",
            SortBy::UpdateDate => "updated",
            SortBy::Title => "title",
            SortBy::Weight => "weight",
        }
    }
}

fn sort_by(post: &Post) -> SortBy {
    match string_field(post, "sort_by") {
        Some("date") => SortBy::Date,
        Some("update_date") => SortBy::UpdateDate,
        Some("title" | "title_bytes") => SortBy::Title,
        Some("weight") => SortBy::Weight,
        _ => SortBy::Any,
    }
}

/// Whether a page is kept by a section sorting by `by`.
fn sortable(post: &Post, info: &FileInfo, by: SortBy) -> bool {
    let dated = matches!(page_date(post, info), Some(Ok(())));
    match by {
        SortBy::Any => true,
        SortBy::Date => dated,
        SortBy::UpdateDate => {
            dated
                || field(post, "updated").is_some_and(|n| match &n.value {
                    Value::String(s) | Value::Datetime(s) => crate::zola::date_check::zola_reads(s),
                    _ => false,
                })
        }
        SortBy::Title => field(post, "title").is_some(),
        SortBy::Weight => matches!(
            field(post, "weight").map(|n| &n.value),
            Some(Value::Integer(_))
        ),
    }
}

/// The content path of a section file of `dir` in `lang`.
fn section_file(zola: &ZolaConfig, dir: &str, lang: &str) -> String {
    let name = if lang == zola.default_language {
        "_index.md".to_string()
    } else {
        format!("_index.{lang}.md")
    };
    if dir.is_empty() {
        name
    } else {
        format!("{dir}/{name}")
    }
}

fn parent_dir(dir: &str) -> Option<&str> {
    if dir.is_empty() {
        None
    } else {
        Some(dir.rsplit_once('/').map_or("", |(p, _)| p))
    }
}

/// Index the posts of a Zola site.
pub fn build<'a>(
    generator: &'a Generator,
    zola: &'a ZolaConfig,
    posts: &[&'a Post],
    resources: &[(std::path::PathBuf, String)],
    static_files: &[(std::path::PathBuf, String)],
    _now: i64,
) -> SiteIndex<'a> {
    let base_path = url::Url::parse(&zola.base_url)
        .map(|u| u.path().trim_end_matches('/').to_string())
        .unwrap_or_default();
    let mut index = SiteIndex::new(
        generator,
        posts.len(),
        base_path,
        crate::site::redirects::load(&zola.root, static_files, Vec::new()),
    );
    let infos: Vec<FileInfo> = posts
        .iter()
        .map(|p| FileInfo::new(zola, &p.content_path))
        .collect();
    let by_path: HashMap<&str, usize> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.content_path.as_str(), i))
        .collect();
    // Folders a draft section drops (Zola skips the whole folder).
    let draft_dirs: Vec<String> = posts
        .iter()
        .zip(&infos)
        .filter(|(p, i)| i.is_section && bool_field(p, "draft", false))
        .map(|(_, i)| i.dir.clone())
        .collect();
    let in_draft_dir = |info: &FileInfo| {
        draft_dirs
            .iter()
            .any(|d| d.is_empty() || info.dir == *d || info.dir.starts_with(&format!("{d}/")))
    };
    for (i, post) in posts.iter().enumerate() {
        let info = &infos[i];
        let mut why = None;
        let lang = match &info.lang {
            Ok(l) => l.clone(),
            Err(code) => {
                why = Some(Unpublished::UnknownLanguage);
                code.clone()
            }
        };
        if post.front_matter_error.is_none()
            && let Some(fails) = fails_build(zola, post, info)
        {
            why = why.or(Some(Unpublished::FailsBuild(fails)));
        }
        if in_draft_dir(info) || bool_field(post, "draft", false) {
            why = why.or(Some(Unpublished::Draft));
        }
        let (url, kind, place) = if info.is_section {
            let kind = if info.components.is_empty() {
                Kind::Home
            } else {
                Kind::Section
            };
            (section_path(zola, info), kind, Place::Lists)
        } else {
            if matches!(page_date(post, info), Some(Err(()))) {
                why = why.or(Some(Unpublished::InvalidDate));
            }
            if !bool_field(post, "render", true) {
                why = why.or(Some(Unpublished::NotRendered));
            }
            let place = if info.components.is_empty() {
                Place::Root
            } else {
                Place::Section(format!("/{}", info.components.join("/")))
            };
            (page_path(zola, post, info), Kind::Page, place)
        };
        if info.is_section && !bool_field(post, "render", true) {
            why = why.or(Some(Unpublished::NotRendered));
        }
        let aliases = aliases(post);
        index.pages.push(Page {
            post,
            lang,
            url,
            unpublished: why,
            aliases,
            kind,
            stub_of: None,
            place,
            date_url: None,
            redirect_to: if info.is_section {
                string_field(post, "redirect_to").map(str::to_string)
            } else {
                None
            },
            ids: OnceLock::new(),
        });
        index
            .by_content_path
            .entry(post.content_path.clone())
            .or_default()
            .push(i);
    }

    // Sections by content path, and the pages each keeps.
    let mut sections: HashMap<String, SectionInfo> = HashMap::new();
    for (i, post) in posts.iter().enumerate() {
        if !infos[i].is_section || index.pages[i].unpublished == Some(Unpublished::Draft) {
            continue;
        }
        sections.insert(
            post.content_path.clone(),
            SectionInfo {
                page: i,
                sort_by: sort_by(post),
                transparent: bool_field(post, "transparent", false),
                paginate_by: match field(post, "paginate_by").map(|n| &n.value) {
                    Some(Value::Integer(n)) if *n > 0 => usize::try_from(*n).ok(),
                    _ => None,
                },
                paginate_path: string_field(post, "paginate_path")
                    .unwrap_or("page")
                    .to_string(),
                generate_feeds: bool_field(post, "generate_feeds", false),
                render: bool_field(post, "render", true),
                redirect: string_field(post, "redirect_to").is_some(),
                count: 0,
            },
        );
    }
    // The root section of each language exists even without a file.
    for lang in &zola.languages {
        let file = section_file(zola, "", lang);
        sections.entry(file).or_insert(SectionInfo {
            page: usize::MAX,
            sort_by: SortBy::Any,
            transparent: false,
            paginate_by: None,
            paginate_path: "page".into(),
            generate_feeds: false,
            render: true,
            redirect: false,
            count: 0,
        });
    }
    for i in 0..posts.len() {
        let info = &infos[i];
        if info.is_section || index.pages[i].unpublished.is_some() {
            continue;
        }
        let lang = index.pages[i].lang.clone();
        // The folder whose section the page is in: for a bundle, the
        // folder above it.
        let mut dir = match &info.colocated {
            Some(c) => parent_dir(c).unwrap_or("").to_string(),
            None => info.dir.clone(),
        };
        let mut in_a_section = None;
        let mut kept = false;
        while let Some(section) = sections.get_mut(&section_file(zola, &dir, &lang)) {
            in_a_section.get_or_insert(section.sort_by.key());
            if sortable(posts[i], info, section.sort_by) {
                kept = true;
                section.count += 1;
            }
            if !section.transparent {
                break;
            }
            match parent_dir(&dir) {
                Some(p) => dir = p.to_string(),
                None => break,
            }
        }
        if let Some(key) = in_a_section.filter(|_| !kept) {
            index.pages[i].unpublished = Some(Unpublished::Unsorted(key));
        }
    }
    // A bundle `index.md` beside an `_index.md`, or `index.md` at the
    // root of the content: Zola fails the build.
    let section_folders: HashSet<&str> = infos
        .iter()
        .filter(|o| o.is_section)
        .map(|o| o.dir.as_str())
        .collect();
    for (i, info) in infos.iter().enumerate() {
        let beside_section = match &info.colocated {
            Some(c) => section_folders.contains(c.as_str()),
            None => info.dir.is_empty(),
        };
        if info.name == "index" && !info.is_section && beside_section {
            index.pages[i].unpublished = Some(Unpublished::FailsBuild(
                "an `index.md` in a folder with an `_index.md` (or at the root of `content/`): Zola fails the build",
            ));
        }
    }

    // Aliases first: Zola writes them before everything else, and
    // whatever is written at the same file replaces them. A page or
    // section that is read but not written (not sorted, not rendered)
    // still has its aliases written.
    for (i, page) in index.pages.iter().enumerate() {
        let written = match &page.unpublished {
            None => true,
            Some(u) => matches!(u, Unpublished::Unsorted(_) | Unpublished::NotRendered),
        };
        if !written {
            continue;
        }
        for (j, alias) in page.aliases.iter().enumerate() {
            if let Ok(u) = &alias.url {
                index
                    .urls
                    .entry(u.clone())
                    .or_default()
                    .push(Served::Alias(i, j));
            }
        }
    }
    for (i, page) in index.pages.iter().enumerate() {
        if page.is_published() {
            index
                .urls
                .entry(page.url.clone())
                .or_default()
                .push(Served::Page(i));
        }
    }
    let mut generated: Vec<(String, &'static str)> = Vec::new();
    // Home pages Zola makes without a file.
    for lang in &zola.languages {
        let file = section_file(zola, "", lang);
        if !by_path.contains_key(file.as_str()) {
            let url = format!("{}/", zola.lang_prefix(lang));
            index
                .urls
                .entry(url)
                .or_default()
                .push(Served::Section(String::new()));
        }
    }
    // Pagers, section feeds and section assets.
    let mut section_list: Vec<(&String, &SectionInfo)> = sections.iter().collect();
    section_list.sort_by_key(|(k, _)| k.as_str());
    for (file, s) in &section_list {
        let url = if s.page == usize::MAX {
            let lang = zola
                .languages
                .iter()
                .find(|l| section_file(zola, "", l) == **file)
                .map_or("", String::as_str);
            format!("{}/", zola.lang_prefix(lang))
        } else {
            index.pages[s.page].url.clone()
        };
        let lang = if s.page == usize::MAX {
            zola.language_of_url(&url)
        } else {
            index.pages[s.page].lang.clone()
        };
        if s.render
            && !s.redirect
            && let Some(by) = s.paginate_by
        {
            let pagers = s.count.div_ceil(by).max(1);
            let pager = |n: usize| {
                if s.paginate_path.is_empty() {
                    format!("{url}{n}/")
                } else {
                    format!("{url}{}/{n}/", s.paginate_path)
                }
            };
            // The first pager is the section's own page; `page/1/` a
            // redirect to it.
            index.redirects.insert(pager(1), url.clone());
            for n in 1..=pagers {
                generated.push((pager(n), "Zola's pagination"));
            }
        }
        if s.generate_feeds {
            for f in feed_filenames(zola, &lang) {
                generated.push((format!("{url}{f}"), "Zola's feeds"));
            }
        }
    }
    // Colocated assets.
    let section_dirs: HashMap<(&str, &str), usize> = sections
        .iter()
        .filter(|(_, s)| s.page != usize::MAX)
        .map(|(_, s)| {
            (
                (
                    infos[s.page].dir.as_str(),
                    index.pages[s.page].lang.as_str(),
                ),
                s.page,
            )
        })
        .collect();
    let bundles: HashMap<&str, Vec<usize>> = {
        let mut m: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, info) in infos.iter().enumerate() {
            if let Some(c) = &info.colocated
                && info.name == "index"
            {
                m.entry(c.as_str()).or_default().push(i);
            }
        }
        m
    };
    for (path, rel) in resources {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        if is_temp_file(name) {
            continue;
        }
        let (dir, _) = rel.rsplit_once('/').unwrap_or(("", rel));
        // Beside an `_index.md` (any language that has one).
        for lang in &zola.languages {
            if let Some(&s) = section_dirs.get(&(dir, lang.as_str())) {
                let url = format!("{}{name}", index.pages[s].url);
                index
                    .urls
                    .entry(url)
                    .or_default()
                    .push(Served::Resource(path.clone()));
            }
        }
        // In a bundle's folder, at any depth below it.
        let mut d = dir;
        loop {
            if let Some(pages) = bundles.get(d) {
                let below = rel.strip_prefix(d).unwrap_or(rel).trim_start_matches('/');
                for &p in pages {
                    if index.pages[p].is_published() {
                        let url = format!("{}{below}", index.pages[p].url);
                        index
                            .urls
                            .entry(url)
                            .or_default()
                            .push(Served::Resource(path.clone()));
                    }
                }
                break;
            }
            match parent_dir(d) {
                Some(p) => d = p,
                None => break,
            }
        }
    }
    // Taxonomies: terms of every page read (drafts aside).
    // (language, taxonomy) → (term slug, page, rendered).
    type Terms = HashMap<(String, String), Vec<(String, usize, bool)>>;
    let mut terms: Terms = HashMap::new();
    for (i, page) in index.pages.iter().enumerate() {
        let read = match &page.unpublished {
            None => true,
            Some(u) => matches!(u, Unpublished::Unsorted(_) | Unpublished::NotRendered),
        };
        if !read || infos[i].is_section {
            continue;
        }
        let rendered = page.unpublished != Some(Unpublished::NotRendered);
        for (name, values) in page_terms(page.post) {
            let Some(t) = zola.taxonomy(&name, &page.lang) else {
                continue;
            };
            for v in values {
                let slug = slugify_paths(&v, zola.slugify.taxonomies);
                terms
                    .entry((t.lang.clone(), t.name.clone()))
                    .or_default()
                    .push((slug, i, rendered));
            }
        }
    }
    for t in &zola.taxonomies {
        let Some(items) = terms.get(&(t.lang.clone(), t.name.clone())) else {
            continue;
        };
        if !t.render || items.is_empty() {
            continue;
        }
        let mut list = zola.lang_prefix(&t.lang);
        if let Some(root) = &zola.taxonomy_root {
            list = format!("{list}/{root}");
        }
        list = format!("{list}/{}/", t.slug);
        index
            .urls
            .entry(list.clone())
            .or_default()
            .push(Served::Taxonomy(t.name.clone()));
        let mut by_term: Vec<(&str, HashSet<usize>)> = Vec::new();
        for (slug, page, rendered) in items {
            let at = match by_term.iter().position(|(s, _)| s == slug) {
                Some(at) => at,
                None => {
                    by_term.push((slug, HashSet::new()));
                    by_term.len() - 1
                }
            };
            if *rendered {
                by_term[at].1.insert(*page);
            }
        }
        for (slug, pages) in by_term {
            let url = format!("{list}{slug}/");
            index
                .urls
                .entry(url.clone())
                .or_default()
                .push(Served::Term(t.name.clone(), slug.to_string()));
            if let Some(by) = t.paginate_by.filter(|b| *b > 0) {
                let first = format!("{url}{}/1/", t.paginate_path);
                index.redirects.insert(first, url.clone());
                for n in 1..=pages.len().div_ceil(by).max(1) {
                    generated.push((
                        format!("{url}{}/{n}/", t.paginate_path),
                        "Zola's pagination",
                    ));
                }
            }
            if t.feed {
                for f in feed_filenames(zola, &t.lang) {
                    generated.push((format!("{url}{f}"), "Zola's feeds"));
                }
            }
        }
    }
    // The files Zola writes itself.
    if zola.generate_sitemap {
        generated.push(("/sitemap.xml".into(), "Zola's sitemap"));
    }
    if zola.generate_robots_txt {
        generated.push(("/robots.txt".into(), "Zola's robots.txt"));
    }
    generated.push(("/404.html".into(), "Zola's 404 page"));
    for l in &zola.language_options {
        let prefix = zola.lang_prefix(&l.code);
        if l.generate_feeds {
            for f in &l.feed_filenames {
                generated.push((format!("{prefix}/{f}"), "Zola's feeds"));
            }
        }
        if l.build_search_index && (l.code == zola.default_language || zola.build_search_index) {
            generated.push((
                format!("/search_index.{}.{}", l.code, zola.search_index_extension),
                "Zola's search index",
            ));
        }
    }
    if zola.build_search_index && zola.search_elasticlunr {
        generated.push(("/elasticlunr.min.js".into(), "Zola's search index"));
    }
    for css in super::content::sass_outputs(zola) {
        generated.push((css, "Zola's Sass"));
    }
    for (url, what) in generated {
        index
            .urls
            .entry(url)
            .or_default()
            .push(Served::Generated(what));
    }
    // Static files last: Zola copies them over everything.
    for (path, url) in static_files {
        index
            .urls
            .entry(file_url(url))
            .or_default()
            .push(Served::Static(path.clone()));
    }
    index
}

/// The keys of a section's front matter (`SectionFrontMatter`, which
/// denies the others).
const SECTION_KEYS: [&str; 18] = [
    "title",
    "description",
    "sort_by",
    "weight",
    "draft",
    "template",
    "paginate_by",
    "paginate_reversed",
    "paginate_path",
    "insert_anchor_links",
    "render",
    "redirect_to",
    "in_search_index",
    "transparent",
    "page_template",
    "aliases",
    "generate_feeds",
    "extra",
];

/// Why Zola 0.22.1 fails the build on a content file whose front matter
/// parses, if it does (each checked with a build).
pub fn fails_build(zola: &ZolaConfig, post: &Post, info: &FileInfo) -> Option<&'static str> {
    let Some(fm) = &post.front_matter else {
        return Some("no `+++` or `---` front matter: Zola fails the build");
    };
    if fm.format == crate::document::Format::Json {
        return Some(
            "JSON front matter: Zola reads `+++` (TOML) and `---` (YAML) only, and fails the build",
        );
    }
    if info.is_section {
        if fm
            .root
            .entries
            .iter()
            .any(|(k, _)| !SECTION_KEYS.contains(&k.name.as_str()))
        {
            return Some("a section front matter key Zola does not know: it fails the build");
        }
        return None;
    }
    let lang = info.lang.as_deref().unwrap_or(&zola.default_language);
    if page_terms(post)
        .iter()
        .any(|(name, _)| zola.taxonomy(name, lang).is_none())
    {
        return Some(
            "a taxonomy `config.toml` does not declare (for its language): Zola fails the build",
        );
    }
    None
}

/// The feed file names of a language.
fn feed_filenames<'z>(zola: &'z ZolaConfig, lang: &str) -> &'z [String] {
    zola.language(lang)
        .map_or(&[][..], |l| l.feed_filenames.as_slice())
}

/// Zola's `is_temp_file`: editor back-ups and files without an
/// extension are not assets.
fn is_temp_file(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.').filter(|(s, _)| !s.is_empty()) else {
        return true;
    };
    matches!(ext, "swp" | "swx" | "tmp" | "kate-swp")
        || ext.ends_with("jb_old___")
        || ext.ends_with("jb_tmp___")
        || ext.ends_with("jb_bak___")
        || ext.ends_with('~')
        || ext.ends_with("bck")
        || stem.starts_with('#')
        || stem.starts_with(".#")
}

/// A page's `[taxonomies]`: name → terms.
pub fn page_terms(post: &Post) -> Vec<(String, Vec<String>)> {
    let Some(table) = field(post, "taxonomies").and_then(Node::as_table) else {
        return Vec::new();
    };
    table
        .entries
        .iter()
        .map(|(k, v)| {
            (
                k.name.clone(),
                string_items(v)
                    .into_iter()
                    .map(|(s, _)| s.into_owned())
                    .collect(),
            )
        })
        .collect()
}

/// A page's or section's `aliases`.
fn aliases(post: &Post) -> Vec<Alias> {
    let Some(node) = field(post, "aliases") else {
        return Vec::new();
    };
    string_items(node)
        .into_iter()
        .map(|(written, n)| Alias {
            url: Ok(alias_url(&written)),
            // Zola 0.22.1 reads every alias from the site root: `a/b.html`
            // on `/blog/x/` is `/a/b.html`, never relative to the page.
            relative: false,
            written: written.into_owned(),
            span: n.span.clone(),
            cascaded_from: None,
        })
        .collect()
}

/// Where a content file sits: its language and kind.
pub fn place(post: &Post, zola: &ZolaConfig) -> (String, Kind) {
    let info = FileInfo::new(zola, &post.content_path);
    let lang = info.lang.clone().unwrap_or_else(|code| code);
    let kind = match (info.is_section, info.components.is_empty()) {
        (true, true) => Kind::Home,
        (true, false) => Kind::Section,
        (false, _) => Kind::Page,
    };
    (lang, kind)
}

/// What puts a page at its URL: `path`, `slug`, or its file.
pub fn url_source(post: &Post) -> (crate::site::model::UrlSource, std::ops::Range<usize>) {
    use crate::site::model::UrlSource;
    if let Some(n) = field(post, "path") {
        return (UrlSource::Url("path"), n.span.clone());
    }
    if let Some(n) = field(post, "slug") {
        return (UrlSource::Slug, n.span.clone());
    }
    (UrlSource::File, post.front_matter_anchor())
}

/// What makes two spellings of a term one term page: their slug.
pub fn term_key(mode: super::slug::Slugify) -> fn(&str) -> String {
    use super::slug::Slugify;
    match mode {
        Slugify::On => |s| slugify_paths(s, Slugify::On),
        Slugify::Safe => |s| slugify_paths(s, Slugify::Safe),
        Slugify::Off => |s| slugify_paths(s, Slugify::Off),
    }
}

/// The ids of a page's headings, under the site's `[slugify]` and
/// `[markdown]` options.
pub fn heading_ids(post: &Post, zola: &ZolaConfig) -> Vec<String> {
    super::heading_id::ids_with(post, &zola.ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config(extra: &str) -> ZolaConfig {
        ZolaConfig::parse(
            Path::new("/site"),
            Path::new("/site/config.toml"),
            &format!("base_url = \"https://example.org\"\n{extra}"),
        )
        .expect("config")
    }

    fn url_of(zola: &ZolaConfig, content_path: &str, front: &str) -> String {
        let post = Post::parse(
            Path::new("/site/content").join(content_path),
            content_path.to_string(),
            format!("+++\n{front}\n+++\nbody\n"),
        );
        let info = FileInfo::new(zola, content_path);
        if info.is_section {
            section_path(zola, &info)
        } else {
            page_path(zola, &post, &info)
        }
    }

    #[test]
    fn page_urls_as_zola_0_22_makes_them() {
        let z = config("");
        assert_eq!(url_of(&z, "blog/first.md", ""), "/blog/first/");
        assert_eq!(url_of(&z, "blog/2024-01-14-name.md", ""), "/blog/name/");
        assert_eq!(url_of(&z, "blog/2024-01-14_name.md", ""), "/blog/name/");
        assert_eq!(url_of(&z, "blog/2024-01-14.md", ""), "/blog/2024-01-14/");
        assert_eq!(url_of(&z, "blog/x/index.md", ""), "/blog/x/");
        assert_eq!(url_of(&z, "blog/a.md", "slug = \"other\""), "/blog/other/");
        assert_eq!(url_of(&z, "blog/a.md", "path = \"there\""), "/there/");
        assert_eq!(url_of(&z, "blog/a.md", "path = \"/x/y\""), "/x/y/");
        assert_eq!(url_of(&z, "about.md", ""), "/about/");
        assert_eq!(url_of(&z, "blog/_index.md", ""), "/blog/");
        assert_eq!(url_of(&z, "_index.md", ""), "/");
        // Not multilingual: the dot stays in the name.
        assert_eq!(url_of(&z, "about.fr.md", ""), "/about-fr/");
    }

    #[test]
    fn translations_go_under_their_language() {
        let z = config("[languages.fr]\n");
        assert_eq!(url_of(&z, "about.fr.md", ""), "/fr/about/");
        assert_eq!(url_of(&z, "blog/_index.fr.md", ""), "/fr/blog/");
        assert_eq!(url_of(&z, "_index.fr.md", ""), "/fr/");
        assert_eq!(url_of(&z, "blog/x/index.fr.md", ""), "/fr/blog/x/");
        // `path` is not prefixed.
        assert_eq!(url_of(&z, "a.fr.md", "path = \"ici\""), "/ici/");
        let info = FileInfo::new(&z, "a.de.md");
        assert_eq!(info.lang, Err("de".to_string()));
    }

    #[test]
    fn dated_names() {
        assert_eq!(
            dated_name("2024-01-14-name"),
            Some(("2024-01-14", Some("name")))
        );
        assert_eq!(
            dated_name("2024-01-14T10:00:00Z_x"),
            Some(("2024-01-14T10:00:00Z", Some("x")))
        );
        assert_eq!(dated_name("2024-13-14-name"), None);
        assert_eq!(dated_name("20240114-name"), None);
        assert!(crate::zola::date_check::zola_reads("2024-01-14"));
        assert!(crate::zola::date_check::zola_reads("2024-01-14T10:00:00"));
        assert!(crate::zola::date_check::zola_reads(
            "2024-01-14T10:00:00+01:00"
        ));
        // Checked with Zola 0.22.1 builds: each of these is a date.
        assert!(crate::zola::date_check::zola_reads("2024-01-14 10:00:00"));
        assert!(crate::zola::date_check::zola_reads("2024-01-14t10:00:00"));
        assert!(crate::zola::date_check::zola_reads("2024-01-14T10:00"));
        assert!(crate::zola::date_check::zola_reads(
            "2024-01-14T10:00:00.5+01:00"
        ));
        // And these fail the build.
        assert!(!crate::zola::date_check::zola_reads("14 January 2024"));
        assert!(!crate::zola::date_check::zola_reads("10:00:00"));
        assert!(!crate::zola::date_check::zola_reads("2024-01-14-x"));
    }

    /// The index of a site made of `files` (content path, front matter).
    fn indexed(extra: &str, files: &[(&str, &str)]) -> Vec<(String, String, Option<Unpublished>)> {
        let g = Generator::Zola(config(extra));
        let Generator::Zola(z) = &g else {
            unreachable!("a Zola generator")
        };
        let posts: Vec<Post> = files
            .iter()
            .map(|(path, front)| {
                Post::parse(
                    Path::new("/site/content").join(path),
                    path.to_string(),
                    format!("+++\n{front}\n+++\nbody\n"),
                )
            })
            .collect();
        let refs: Vec<&Post> = posts.iter().collect();
        let index = build(&g, z, &refs, &[], &[], 0);
        let mut out: Vec<_> = index
            .pages
            .iter()
            .map(|p| {
                (
                    p.post.content_path.clone(),
                    p.url.clone(),
                    p.unpublished.clone(),
                )
            })
            .collect();
        let mut pagers: Vec<_> = index
            .urls
            .iter()
            .filter(|(_, s)| s.contains(&Served::Generated("Zola's pagination")))
            .map(|(u, _)| ("(pager)".to_string(), u.clone(), None))
            .collect();
        pagers.sort_by(|a, b| a.1.cmp(&b.1));
        out.extend(pagers);
        out
    }

    #[test]
    fn what_zola_leaves_out_and_fails_on() {
        // Each checked with a Zola 0.22.1 build.
        let got = indexed(
            "",
            &[
                ("index.md", "title = \"root\""),
                ("b/_index.md", "title = \"b\""),
                ("b/index.md", "title = \"bundle beside a section\""),
                ("blog/_index.md", "sort_by = \"date\"\npaginate_by = 1"),
                ("blog/dated.md", "date = 2024-01-01"),
                ("blog/undated.md", "title = \"u\""),
                ("blog/2023/_index.md", "transparent = true"),
                ("blog/2023/x.md", "date = 2023-01-01"),
                ("old/_index.md", "draft = true"),
                ("old/deep/page.md", "title = \"gone with its section\""),
            ],
        );
        let fails = Some(Unpublished::FailsBuild(
            "an `index.md` in a folder with an `_index.md` (or at the root of `content/`): Zola fails the build",
        ));
        assert_eq!(
            got,
            [
                ("index.md".to_string(), "/".to_string(), fails.clone()),
                ("b/_index.md".into(), "/b/".into(), None),
                ("b/index.md".into(), "/b/".into(), fails),
                ("blog/_index.md".into(), "/blog/".into(), None),
                ("blog/dated.md".into(), "/blog/dated/".into(), None),
                (
                    "blog/undated.md".into(),
                    "/blog/undated/".into(),
                    Some(Unpublished::Unsorted("date"))
                ),
                ("blog/2023/_index.md".into(), "/blog/2023/".into(), None),
                ("blog/2023/x.md".into(), "/blog/2023/x/".into(), None),
                (
                    "old/_index.md".into(),
                    "/old/".into(),
                    Some(Unpublished::Draft)
                ),
                (
                    "old/deep/page.md".into(),
                    "/old/deep/page/".into(),
                    Some(Unpublished::Draft)
                ),
                // Two dated pages (one through the transparent section):
                // two pagers, and `page/1/`.
                ("(pager)".into(), "/blog/page/1/".into(), None),
                ("(pager)".into(), "/blog/page/2/".into(), None),
            ]
        );
    }

    #[test]
    fn alias_files() {
        assert_eq!(alias_url("/about"), "/about/");
        assert_eq!(alias_url("about/"), "/about/");
        assert_eq!(alias_url("old/page.html"), "/old/page.html");
        assert_eq!(alias_url("/x/"), "/x/");
    }
}
