//! Where Hugo publishes things: page, section, taxonomy and term URLs, page
//! languages, alias resolution and publication status. Ported from Hugo's
//! behaviour (checked against Hugo 0.168 by `tests/hugo_oracle.rs`).
//!
//! URLs here are site paths without the `baseURL` sub-path: `/posts/a/`.

use crate::document::{PageKind, Post, Value};
use crate::hugo::config::HugoConfig;
use crate::hugo::date;

/// Why a page is not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unpublished {
    Draft,
    /// Its date (or publishDate) is after "now".
    Future,
    /// Its expiryDate is before "now".
    Expired,
    /// `build.render: never` (or `headless: true`): no page of its own.
    NotRendered,
}

impl Unpublished {
    pub fn reason(&self) -> &'static str {
        match self {
            Unpublished::Draft => "a draft",
            Unpublished::Future => "dated in the future",
            Unpublished::Expired => "expired",
            Unpublished::NotRendered => "never rendered (build options or headless)",
        }
    }
}

/// The language of a page: a `name.LANG.md` suffix naming a configured
/// language, else its content directory's language, else the default.
pub fn language(post: &Post, hugo: &HugoConfig) -> String {
    if let Some(lang) = suffix_language(&post.content_path, hugo) {
        return lang.to_string();
    }
    hugo.content_dirs
        .iter()
        .filter(|d| post.path.starts_with(&d.path))
        .find_map(|d| d.lang.clone())
        .unwrap_or_else(|| hugo.default_content_language.clone())
}

fn suffix_language<'a>(content_path: &'a str, hugo: &HugoConfig) -> Option<&'a str> {
    let file = content_path.rsplit('/').next()?;
    let mut parts = file.rsplitn(3, '.');
    let _ext = parts.next()?;
    let lang = parts.next()?;
    parts.next()?;
    hugo.languages
        .iter()
        .any(|l| l.eq_ignore_ascii_case(lang))
        .then_some(lang)
}

/// The content path without a language suffix and extension, and the
/// logical page path: `posts/a.fr.md` → `posts/a`, `posts/b/index.md` →
/// `posts/b`, `posts/_index.md` → `posts`, `_index.md` → ``.
pub fn logical_path(post: &Post, hugo: &HugoConfig) -> String {
    let path = post.content_path.as_str();
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let stem = match suffix_language(path, hugo) {
        Some(lang) => file
            .strip_suffix(&file[file.rfind('.').unwrap_or(file.len())..])
            .and_then(|f| f.strip_suffix(lang))
            .and_then(|f| f.strip_suffix('.'))
            .unwrap_or(file),
        None => file.rsplit_once('.').map_or(file, |(s, _)| s),
    };
    if stem == "index" || stem == "_index" {
        dir.to_string()
    } else if dir.is_empty() {
        stem.to_string()
    } else {
        format!("{dir}/{stem}")
    }
}

/// The first path segment of a page: its section (`""` at the root).
pub fn section_of(logical: &str, kind: PageKind) -> &str {
    match kind {
        PageKind::Home | PageKind::TopLevel => "",
        PageKind::List => logical.split('/').next().unwrap_or(""),
        PageKind::Page => logical.split_once('/').map_or("", |(s, _)| s),
    }
}

/// `/fr` for a language published in a sub-folder, `` otherwise.
pub fn language_prefix(lang: &str, hugo: &HugoConfig) -> String {
    if lang != hugo.default_content_language || hugo.default_content_language_in_subdir {
        format!("/{lang}")
    } else {
        String::new()
    }
}

/// Hugo's path sanitising for URLs built from file paths: spaces become
/// hyphens, and the path is lower-cased unless `disablePathToLower`.
pub fn sanitize_path(path: &str, hugo: &HugoConfig) -> String {
    let p: String = path
        .chars()
        .map(|c| if c == ' ' { '-' } else { c })
        .collect();
    if hugo.disable_path_to_lower {
        p
    } else {
        p.to_lowercase()
    }
}

/// Hugo's `urlize`, used for taxonomy terms and `:title`/`:slug` tokens:
/// lower-cased, spaces to hyphens, characters outside a URL path dropped.
pub fn urlize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            ' ' => out.push('-'),
            c if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/' | '~') => {
                out.extend(c.to_lowercase())
            }
            '#' | '?' | '%' | '"' | '\'' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {}
            c => out.push(c),
        }
    }
    out
}

fn string_field<'a>(post: &'a Post, key: &str) -> Option<&'a str> {
    post.field(key)
        .and_then(|n| n.as_str())
        .filter(|s| !s.trim().is_empty())
}

/// The page's date for permalink tokens, as Hugo's `[frontmatter] date` finds it.
fn page_date(post: &Post, hugo: &HugoConfig) -> Option<date::HugoDate> {
    hugo.front_matter.date.iter().find_map(|k| {
        let node = post.field(k)?;
        match &node.value {
            Value::String(s) => date::parse(s).ok(),
            Value::Datetime(s) => date::parse_toml(s).ok(),
            _ => None,
        }
    })
}

/// Expand a permalink pattern for one page.
fn expand_permalink(pattern: &str, post: &Post, logical: &str, hugo: &HugoConfig) -> String {
    let segments: Vec<&str> = logical.split('/').collect();
    let file_stem = segments.last().copied().unwrap_or_default();
    let section = segments.first().copied().unwrap_or_default();
    let dir_sections = if segments.len() > 1 {
        segments[..segments.len() - 1].join("/")
    } else {
        String::new()
    };
    let date = page_date(post, hugo);
    let title = string_field(post, "title").unwrap_or_default();
    let slug = string_field(post, "slug")
        .map(urlize)
        .unwrap_or_else(|| urlize(title));
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(i) = rest.find(':') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let token = &after[..len];
        let d = date.as_ref();
        let value = match token {
            "year" => d.map(|d| format!("{:04}", d.year)),
            "month" => d.map(|d| format!("{:02}", d.month)),
            "day" => d.map(|d| format!("{:02}", d.day)),
            "monthname" => d.map(|d| MONTHS[usize::from(d.month.max(1)) - 1].to_lowercase()),
            "yearday" => d.map(|d| format!("{}", d.day_number())),
            "title" => Some(urlize(title)),
            "slug" => Some(slug.clone()),
            "slugorfilename" | "slugorcontentbasename" => Some(
                string_field(post, "slug")
                    .map(urlize)
                    .unwrap_or_else(|| file_stem.to_string()),
            ),
            "filename" | "contentbasename" => Some(file_stem.to_string()),
            "section" => Some(section.to_string()),
            "sections" => Some(dir_sections.clone()),
            _ => None,
        };
        match value {
            Some(v) => {
                out.push_str(&v);
                rest = &after[len..];
            }
            None => {
                out.push(':');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The permalink pattern configured for a regular page in `section`.
fn permalink_for(section: &str, kind: &str, hugo: &HugoConfig) -> Option<String> {
    hugo.permalinks
        .iter()
        .filter(|p| !p.glob)
        .find(|p| {
            p.key.eq_ignore_ascii_case(section) && p.kind.as_deref().is_none_or(|k| k == kind)
        })
        .map(|p| p.pattern.clone())
}

/// Make a URL path absolute with a trailing slash (or keep a file name).
pub fn normalize(url: &str) -> String {
    let mut u = String::from("/");
    u.push_str(url.trim_start_matches('/'));
    let u = u
        .strip_suffix("index.html")
        .map(str::to_string)
        .unwrap_or(u);
    let last = u.rsplit('/').next().unwrap_or_default();
    if !u.ends_with('/') && !last.contains('.') {
        format!("{u}/")
    } else {
        // Collapse doubled slashes.
        u
    }
}

/// The URL of a page (any kind), without the baseURL sub-path.
pub fn page_url(post: &Post, lang: &str, hugo: &HugoConfig) -> String {
    let prefix = language_prefix(lang, hugo);
    if let Some(url) = string_field(post, "url") {
        let url = if url.starts_with('/') {
            url.to_string()
        } else {
            format!("/{url}")
        };
        return normalize(&url);
    }
    let logical = logical_path(post, hugo);
    match post.kind {
        PageKind::Home => normalize(&format!("{prefix}/")),
        PageKind::List => normalize(&format!("{prefix}/{}", sanitize_path(&logical, hugo))),
        PageKind::Page | PageKind::TopLevel => {
            let section = section_of(&logical, post.kind);
            if let Some(pattern) =
                permalink_for(section, "page", hugo).filter(|_| !section.is_empty())
            {
                let expanded = expand_permalink(&pattern, post, &logical, hugo);
                return normalize(&format!("{prefix}{}", sanitize_path(&expanded, hugo)));
            }
            let (dir, stem) = logical.rsplit_once('/').unwrap_or(("", &logical));
            let last = string_field(post, "slug").unwrap_or(stem);
            let path = if dir.is_empty() {
                last.to_string()
            } else {
                format!("{dir}/{last}")
            };
            let path = sanitize_path(&path, hugo);
            if hugo.ugly_urls.for_section(section) {
                format!("{prefix}/{path}.html")
            } else {
                normalize(&format!("{prefix}/{path}"))
            }
        }
    }
}

/// The URL of a taxonomy list page (`/tags/`).
pub fn taxonomy_url(plural: &str, lang: &str, hugo: &HugoConfig) -> String {
    normalize(&format!(
        "{}/{}",
        language_prefix(lang, hugo),
        urlize(plural)
    ))
}

/// The URL of a term page (`/tags/go/`).
pub fn term_url(plural: &str, term: &str, lang: &str, hugo: &HugoConfig) -> String {
    normalize(&format!(
        "{}/{}/{}",
        language_prefix(lang, hugo),
        urlize(plural),
        urlize(term)
    ))
}

/// Resolve an alias as Hugo does: absolute ones are site paths (in the page's
/// language folder when it has one), relative ones are resolved against the
/// folder the page is published in. `Err` holds why Hugo rejects it.
pub fn resolve_alias(
    alias: &str,
    page_url: &str,
    lang: &str,
    hugo: &HugoConfig,
) -> Result<String, String> {
    let a = alias.trim();
    if a.is_empty() {
        return Err("an empty alias".into());
    }
    if a.contains("://") {
        return Err("an alias must be a path on this site, not a full URL".into());
    }
    let joined = if let Some(abs) = a.strip_prefix('/') {
        format!("{}/{abs}", language_prefix(lang, hugo))
    } else {
        if a.starts_with("..")
            && !page_url.trim_matches('/').contains('/')
            && a.starts_with("../..")
        {
            return Err("the alias climbs above the site root".into());
        }
        let base = page_url.rsplit_once('/').map_or("", |(d, _)| d);
        let base = if page_url.ends_with('/') {
            // `/posts/a/` publishes in `/posts/a/`; relative aliases resolve
            // against its parent, as a browser resolves `a/` from `/posts/`.
            page_url
                .trim_end_matches('/')
                .rsplit_once('/')
                .map_or("", |(d, _)| d)
        } else {
            base
        };
        format!("{base}/{a}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err("the alias climbs above the site root".into());
                }
            }
            s => parts.push(s),
        }
    }
    if parts.is_empty() {
        return Err("an alias cannot be the site root `/`".into());
    }
    let trailing = a.ends_with('/');
    let mut url = format!("/{}", parts.join("/"));
    if trailing {
        url.push('/');
    }
    Ok(normalize(&url))
}

/// Whether and why a page is not published at `now` (Unix seconds).
pub fn unpublished(post: &Post, hugo: &HugoConfig, now: i64) -> Option<Unpublished> {
    let truthy = |key: &str| match post.field(key).map(|n| &n.value) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => matches!(s.as_str(), "true" | "True" | "TRUE" | "t" | "T" | "1"),
        _ => false,
    };
    if truthy("draft") && !hugo.build_drafts {
        return Some(Unpublished::Draft);
    }
    if truthy("headless") || build_never(post) {
        return Some(Unpublished::NotRendered);
    }
    let instant = |keys: &[String]| {
        keys.iter().find_map(|k| {
            let node = post.field(k)?;
            let d = match &node.value {
                Value::String(s) => date::parse(s).ok()?,
                Value::Datetime(s) => date::parse_toml(s).ok()?,
                _ => return None,
            };
            Some(d.unix())
        })
    };
    if !hugo.build_future && instant(&hugo.front_matter.publish_date).is_some_and(|t| t > now) {
        return Some(Unpublished::Future);
    }
    if !hugo.build_expired && instant(&hugo.front_matter.expiry_date).is_some_and(|t| t <= now) {
        return Some(Unpublished::Expired);
    }
    None
}

/// `build: {render: never}` or the older `_build: {render: false}`.
fn build_never(post: &Post) -> bool {
    ["build", "_build"].iter().any(|k| {
        post.field(k)
            .and_then(|n| n.as_table())
            .and_then(|t| t.value("render"))
            .is_some_and(|r| match &r.value {
                Value::String(s) => s.eq_ignore_ascii_case("never"),
                Value::Bool(b) => !*b,
                _ => false,
            })
    })
}
