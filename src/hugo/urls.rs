//! Where Hugo publishes things: page, section, taxonomy and term URLs, page
//! languages, alias resolution and publication status, as Hugo 0.168 computes
//! them (`resources/page/page_paths.go`, `resources/page/permalinks.go`,
//! `common/paths`, `hugolib/alias.go`), checked against a real Hugo 0.168 by
//! `tests/hugo_oracle.rs`.
//!
//! URLs here are site paths without the `baseURL` sub-path, as served: a page
//! written to `posts/a/index.html` is `/posts/a/`, one written to
//! `posts/a.html` (ugly URLs) is `/posts/a.html`. Paths keep their characters
//! unescaped (`/tags/café/`), as Hugo writes the files.
//!
//! The free functions (`page_url`, `unpublished`…) look at one post alone;
//! [`super::index::SiteIndex::build`] adds what needs the whole site
//! (cascades, sections, bundles).

use std::borrow::Cow;
use std::sync::LazyLock;

use globset::{GlobBuilder, GlobMatcher};
use regex::Regex;

pub use crate::document::frontmatter::{scalar_string, string_items};
use crate::document::{Node, Post, Table, Value};
use crate::hugo::config::HugoConfig;
use crate::hugo::date::{self, HugoDate};
use crate::hugo::zone;
use crate::site::model::collapse_slashes;
use crate::site::model::{Kind, Unpublished, UrlSource};
pub use crate::site::model::{file_url, normalize};
use crate::text::{path_clean as clean, path_join as join};

/// What kind of bundle a content file is the index of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// A plain content file (`posts/a.md`).
    None,
    /// `index.md`: the folder is one page with its resources.
    Leaf,
    /// `_index.md`: the folder is a list page (home, section, taxonomy, term).
    Branch,
}

/// Where a content file sits in Hugo's content tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathInfo {
    pub lang: String,
    /// Hugo's page path: lower-cased, spaces as hyphens, without extension
    /// or language; a bundle is its folder. `/`, `/posts`, `/posts/a`.
    pub path: String,
    /// The same path with the case and spaces as written.
    pub unnormalized: String,
    pub kind: Kind,
    pub bundle: Bundle,
    /// The file's folder in the content tree: `posts/a` for
    /// `posts/a/index.md`, `` for `about.md`.
    pub dir: String,
    /// The file name without extension and language: `a`, `index`, `_index`.
    pub name: String,
}

impl PathInfo {
    /// Hugo's `.Section`: the first element of the path (`` for the home
    /// and for pages at the root).
    pub fn section(&self) -> &str {
        let rest = self.path.trim_start_matches('/');
        match rest.split_once('/') {
            Some((first, _)) => first,
            None if self.kind.is_branch() => rest,
            None => "",
        }
    }

    /// The path whose case Hugo uses in URLs.
    pub fn url_path<'a>(&'a self, hugo: &HugoConfig) -> &'a str {
        if hugo.disable_path_to_lower {
            &self.unnormalized
        } else {
            &self.path
        }
    }
}

/// Where a content file sits: its language, page path, kind and bundle.
pub fn path_info(post: &Post, hugo: &HugoConfig) -> PathInfo {
    let content_path = post.content_path.as_str();
    let (dir, file) = content_path.rsplit_once('/').unwrap_or(("", content_path));
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let (name, lang) = match stem.rsplit_once('.') {
        Some((name, l)) if is_language(l, hugo) => (name, Some(l.to_lowercase())),
        _ => (stem, None),
    };
    let lang = lang.unwrap_or_else(|| directory_language(post, hugo));
    let bundle = match name {
        "index" => Bundle::Leaf,
        "_index" => Bundle::Branch,
        _ => Bundle::None,
    };
    let mut unnormalized = format!("/{dir}");
    if bundle == Bundle::None {
        if !dir.is_empty() {
            unnormalized.push('/');
        }
        unnormalized.push_str(name);
    }
    let path = normalize_basic(&unnormalized);
    let kind = match bundle {
        Bundle::Branch if dir.is_empty() => Kind::Home,
        Bundle::Branch => {
            let first = path[1..].split('/').next().unwrap_or_default();
            if taxonomy_of(first, hugo).is_none() {
                Kind::Section
            } else if path[1..].contains('/') {
                Kind::Term
            } else {
                Kind::Taxonomy
            }
        }
        _ => Kind::Page,
    };
    PathInfo {
        lang,
        path,
        unnormalized,
        kind,
        bundle,
        dir: dir.to_string(),
        name: name.to_string(),
    }
}

fn is_language(name: &str, hugo: &HugoConfig) -> bool {
    hugo.languages
        .iter()
        .chain(&hugo.disabled_languages)
        .any(|l| l.eq_ignore_ascii_case(name))
}

/// The language of the content directory holding a post, else the default.
fn directory_language(post: &Post, hugo: &HugoConfig) -> String {
    if hugo.content_dirs.iter().all(|d| d.lang.is_none()) {
        return hugo.default_content_language.clone();
    }
    hugo.content_dirs
        .iter()
        .filter(|d| post.path.starts_with(&d.path))
        .find_map(|d| d.lang.clone())
        .unwrap_or_else(|| hugo.default_content_language.clone())
}

/// The taxonomy (plural, as configured) whose tree key is `segment`.
pub fn taxonomy_of<'h>(segment: &str, hugo: &'h HugoConfig) -> Option<&'h str> {
    hugo.taxonomies
        .iter()
        .find(|(_, plural)| taxonomy_key(plural) == segment)
        .map(|(_, plural)| plural.as_str())
}

/// The folder name Hugo gives a taxonomy: `Series` → `series`,
/// `my authors` → `my-authors`.
pub fn taxonomy_key(plural: &str) -> String {
    let trimmed = plural.trim_matches(|c: char| c == '.' || c == '/' || c == ' ');
    go_lower(&sanitize(trimmed))
}

/// The language of a page: a `name.LANG.md` suffix naming a configured
/// language (case-insensitively), else its content directory's language,
/// else the default.
pub fn language(post: &Post, hugo: &HugoConfig) -> String {
    path_info(post, hugo).lang
}

/// The logical path without the leading slash: `posts/a.fr.md` → `posts/a`,
/// `posts/b/index.md` → `posts/b`, `posts/_index.md` → `posts`, `_index.md`
/// → `` (lower-cased, spaces as hyphens, as Hugo keys pages).
pub fn logical_path(post: &Post, hugo: &HugoConfig) -> String {
    path_info(post, hugo)
        .path
        .trim_start_matches('/')
        .to_string()
}

/// The first path segment of a page: its section (`""` at the root).
pub fn section_of(logical: &str, kind: crate::document::PageKind) -> &str {
    use crate::document::PageKind;
    match kind {
        PageKind::Home | PageKind::TopLevel => "",
        PageKind::List => logical.split('/').next().unwrap_or(""),
        PageKind::Page => logical.split_once('/').map_or("", |(s, _)| s),
    }
}

/// `/fr` for a language published in a sub-folder, `` otherwise.
pub fn language_prefix(lang: &str, hugo: &HugoConfig) -> String {
    let dir = prefix_dir(lang, hugo);
    if dir.is_empty() {
        String::new()
    } else {
        format!("/{dir}")
    }
}

/// `fr` for a language published in a sub-folder, `` otherwise.
fn prefix_dir<'a>(lang: &'a str, hugo: &HugoConfig) -> &'a str {
    if lang != hugo.default_content_language || hugo.default_content_language_in_subdir {
        lang
    } else {
        ""
    }
}

// Hugo's path sanitising.

/// Go's `strings.ToLower`: rune by rune, no final sigma, `İ` → `i`.
pub fn go_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    if !s.chars().any(|c| c.is_uppercase()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{130}' => out.push('i'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// How Hugo keys a path (`NormalizePathStringBasic`): lower-cased, each
/// space a hyphen.
pub fn normalize_basic(s: &str) -> String {
    go_lower(s).replace(' ', "-")
}

static LETTER_DIGIT_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\A[\p{L}\p{Nd}\p{M}]\z").expect("constant pattern"));

/// The characters Hugo keeps in a path (`paths.isAllowedPathCharacter`).
fn allowed(s: &str, i: usize, c: char) -> bool {
    if c == ' ' {
        return false;
    }
    if c.is_ascii() {
        let hex = |j: usize| s.as_bytes().get(j).is_some_and(u8::is_ascii_hexdigit);
        return c.is_ascii_alphanumeric()
            || matches!(c, '.' | '/' | '\\' | '_' | '#' | '+' | '~' | '-' | '@')
            || (c == '%' && i + 2 < s.len() && hex(i + 1) && hex(i + 2));
    }
    let mut buf = [0u8; 4];
    LETTER_DIGIT_MARK.is_match(c.encode_utf8(&mut buf))
}

/// Hugo's `paths.Sanitize`: letters, digits, marks and `./\_#+~-@` are
/// kept, as is `%` before two hex digits; a run of white space between kept
/// characters becomes one hyphen (none next to a hyphen); the rest is
/// dropped. Case is kept.
pub fn sanitize(s: &str) -> String {
    if s.char_indices().all(|(i, c)| allowed(s, i, c)) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let (mut prepend_hyphen, mut was_hyphen) = (false, false);
    for (i, c) in s.char_indices() {
        if allowed(s, i, c) {
            was_hyphen = c == '-';
            if prepend_hyphen {
                if !was_hyphen {
                    out.push('-');
                }
                prepend_hyphen = false;
            }
            out.push(c);
        } else if !out.is_empty() && !was_hyphen && c.is_whitespace() {
            prepend_hyphen = true;
        }
    }
    out
}

/// Hugo's `MakePathSanitized`: [`sanitize`], then lower-cased unless
/// `disablePathToLower`.
pub fn sanitize_path(path: &str, hugo: &HugoConfig) -> String {
    let s = sanitize(path);
    if hugo.disable_path_to_lower {
        s
    } else {
        go_lower(&s)
    }
}

/// The URL segment of a taxonomy term, as Hugo 0.168 names the term page's
/// folder: lower-cased, each space a hyphen (`Back End` → `back-end`, `GO `
/// → `go-`), then [`sanitize`]d (`C++` → `c++`, `C#` → `c#`, `100%` →
/// `100`, `café` → `café`). A `/` makes nested folders (`a/b`).
pub fn urlize(s: &str) -> String {
    sanitize(&normalize_basic(s))
}

/// Hugo's `urlize` template function, used by the `:title` and `:slug`
/// permalink tokens: [`sanitize_path`], less a trailing `#` (which Go's URL
/// parser reads as an empty fragment).
fn urlize_token(s: &str, hugo: &HugoConfig) -> String {
    let mut out = sanitize_path(s, hugo);
    if let Some(i) = out.find('#') {
        // Go's url.Parse: a fragment, kept only when not empty.
        if i + 1 == out.len() {
            out.truncate(i);
        }
    }
    out
}

/// Go's `url.QueryUnescape` (`+` is a space); the input back when it has a
/// malformed escape (Hugo then gets an empty string: not modelled).
fn query_unescape(s: &str) -> String {
    if !s.contains(['%', '+']) {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => return s.to_string(),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Whether a path ends in an HTML suffix (`.html`, `.htm`, case-sensitive).
fn has_html_suffix(p: &str) -> bool {
    let last = p.rsplit('/').next().unwrap_or(p);
    matches!(last.rsplit_once('.'), Some((_, "html" | "htm")))
}

// Front matter, with cascades.

/// A page's front matter as Hugo sees it: its own keys, then the keys
/// cascaded from its sections (nearest first).
#[derive(Clone, Copy)]
pub(crate) struct Meta<'a> {
    pub post: &'a Post,
    pub cascade: &'a [&'a Table],
}

impl<'a> Meta<'a> {
    pub fn own(post: &'a Post) -> Meta<'a> {
        Meta { post, cascade: &[] }
    }

    /// A key's value (null is unset).
    pub fn field(&self, key: &str) -> Option<&'a Node> {
        let set = |n: &&Node| n.value != Value::Null;
        self.post
            .field(key)
            .filter(set)
            .or_else(|| self.cascade.iter().find_map(|t| t.value(key).filter(set)))
    }

    /// A scalar as a string, as Go's `cast.ToString` converts it.
    pub fn string(&self, key: &str) -> Option<Cow<'a, str>> {
        self.field(key).and_then(scalar_string)
    }

    /// Go's `cast.ToBool`.
    fn boolean(&self, key: &str) -> Option<bool> {
        self.field(key).and_then(|n| match &n.value {
            Value::Bool(b) => Some(*b),
            Value::Integer(i) => Some(*i != 0),
            Value::Float(f) => Some(*f != 0.0),
            Value::String(s) => match s.as_str() {
                "1" | "t" | "T" | "true" | "TRUE" | "True" => Some(true),
                "0" | "f" | "F" | "false" | "FALSE" | "False" => Some(false),
                _ => None,
            },
            _ => None,
        })
    }
}

// Dates and publication.

/// A date value: a string Hugo parses, a TOML date, or Unix seconds.
fn date_value(n: &Node) -> Option<HugoDate> {
    match &n.value {
        Value::String(s) => date::parse(s).ok(),
        Value::Datetime(s) => date::parse_toml(s).ok(),
        Value::Integer(i) => Some(HugoDate::from_unix(*i)),
        _ => None,
    }
}

/// The date and slug Hugo's `:filename` date handler reads from a file
/// name: `2024-01-05-my-post` → (2024-01-05, `my-post`).
fn filename_date(base: &str) -> Option<(HugoDate, String)> {
    let delimiters: &[char] = &[' ', '-', '_'];
    if let (Some(day), Some(time), Some(rest)) = (base.get(..10), base.get(11..19), base.get(19..))
        && let Ok(d) = date::parse(&format!("{day}T{}", time.replace('-', ":")))
    {
        return Some((d, rest.trim_matches(delimiters).to_string()));
    }
    let (day, rest) = (base.get(..10)?, base.get(10..)?);
    let d = date::parse(day).ok()?;
    Some((d, rest.trim_matches(delimiters).to_string()))
}

/// The first date found by a `frontmatter` handler list; and the slug the
/// `:filename` handler found with it.
fn dated(meta: &Meta, keys: &[String], base: &str) -> Option<(HugoDate, Option<String>)> {
    keys.iter().find_map(|k| match k.as_str() {
        ":filename" => filename_date(base).map(|(d, slug)| (d, Some(slug))),
        k if k.starts_with(':') => None,
        k => meta.field(k).and_then(date_value).map(|d| (d, None)),
    })
}

/// How a page is rendered (`build.render`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Render {
    Always,
    /// A URL but no file.
    Link,
    Never,
}

/// `build.render` (or the older `_build`, which wins; Hugo 0.168 logs an
/// error for `_build`), `headless`.
pub(crate) fn render_mode(meta: &Meta) -> Render {
    if meta.boolean("headless") == Some(true) {
        return Render::Never;
    }
    let build = meta.field("_build").or_else(|| meta.field("build"));
    let render = build
        .and_then(|b| b.as_table())
        .and_then(|t| t.value("render"));
    match render.map(|n| &n.value) {
        // Go decodes booleans and numbers to "0"/"1"; other strings must
        // match exactly, or they mean `always`.
        Some(Value::Bool(false)) | Some(Value::Integer(0)) => Render::Never,
        Some(Value::String(s)) if s == "never" || s == "0" => Render::Never,
        Some(Value::String(s)) if s == "link" => Render::Link,
        _ => Render::Always,
    }
}

/// `build.publishResources` (default true).
pub(crate) fn publishes_resources(meta: &Meta) -> bool {
    let build = meta.field("_build").or_else(|| meta.field("build"));
    let value = build
        .and_then(|b| b.as_table())
        .and_then(|t| t.value("publishResources"));
    !matches!(
        value.map(|n| &n.value),
        Some(Value::Bool(false)) | Some(Value::Integer(0))
    ) && !matches!(
        value.and_then(|n| n.as_str()),
        Some("false" | "0" | "f" | "F" | "FALSE" | "False")
    )
}

/// Whether and why a page is not built at `now`: draft, future, expired.
pub(crate) fn unbuilt(meta: &Meta, base: &str, hugo: &HugoConfig, now: i64) -> Option<Unpublished> {
    // (`published: false` is no longer a draft: Hugo 0.168 reads `published`
    // as a date and fails on a boolean.)
    if meta.boolean("draft") == Some(true) && !hugo.build_drafts {
        return Some(Unpublished::Draft);
    }
    // A date without an offset is read in the site's time zone (a zone not
    // found in the system's database is read as UTC).
    let tz = hugo.time_zone.as_deref();
    let instant = |keys: &[String]| {
        dated(meta, keys, base).map(|(d, _)| d.unix_in(zone::offset_at(tz, &d).unwrap_or(0)))
    };
    if !hugo.build_future && instant(&hugo.front_matter.publish_date).is_some_and(|t| t > now) {
        return Some(Unpublished::Future);
    }
    if !hugo.build_expired && instant(&hugo.front_matter.expiry_date).is_some_and(|t| t < now) {
        return Some(Unpublished::Expired);
    }
    None
}

/// Whether and why a page is not published at `now` (Unix seconds), from
/// its own front matter (cascades need the site: see `SiteIndex`).
pub fn unpublished(post: &Post, hugo: &HugoConfig, now: i64) -> Option<Unpublished> {
    let meta = Meta::own(post);
    let info = path_info(post, hugo);
    if let Some(u) = unbuilt(&meta, &content_base_name(&info), hugo, now) {
        return Some(u);
    }
    (render_mode(&meta) != Render::Always).then_some(Unpublished::NotRendered)
}

/// The file's base name as Hugo's date handler sees it: the folder for a
/// bundle.
pub(crate) fn content_base_name(info: &PathInfo) -> String {
    match info.bundle {
        Bundle::None => info.name.clone(),
        _ => info.dir.rsplit('/').next().unwrap_or_default().to_string(),
    }
}

// Permalinks.

/// What the permalink tokens of one page expand to.
pub(crate) struct Tokens<'a> {
    pub date: Option<HugoDate>,
    pub title: Cow<'a, str>,
    pub slug: Option<Cow<'a, str>>,
    /// `.Section`.
    pub section: String,
    /// The current section's path elements (`posts`, `tech`).
    pub sections: Vec<String>,
    /// The slug (else title) of each section from the top.
    pub section_slugs: Vec<String>,
    /// The file name without extension and language (the folder for a
    /// leaf bundle, empty for `_index`).
    pub filename: String,
    /// The content base name as written (the folder for bundles).
    pub content_base: String,
}

/// One permalink rule, compiled.
struct PermalinkRule {
    /// Kinds it applies to; empty for all.
    kinds: Vec<Kind>,
    kind_glob: Option<GlobMatcher>,
    path: PathMatch,
    pattern: String,
}

enum PathMatch {
    Any,
    /// The map forms: a section and everything below (`""`: pages at the root).
    Section(String),
    Glob(GlobMatcher),
    /// A glob that does not compile: matches nothing (Hugo fails the build).
    Never,
}

/// The `permalinks` configuration, compiled.
pub(crate) struct Permalinks {
    rules: Vec<PermalinkRule>,
}

fn glob(pattern: &str) -> Option<GlobMatcher> {
    GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
        .ok()
        .map(|g| g.compile_matcher())
}

impl Permalinks {
    pub fn new(hugo: &HugoConfig) -> Permalinks {
        let kind_of = |k: &str| match k {
            "page" => Some(Kind::Page),
            "home" => Some(Kind::Home),
            "section" => Some(Kind::Section),
            "taxonomy" => Some(Kind::Taxonomy),
            "term" => Some(Kind::Term),
            _ => None,
        };
        let rules = hugo
            .permalinks
            .iter()
            .map(|p| {
                if p.glob {
                    let path = if p.key.is_empty() {
                        PathMatch::Any
                    } else {
                        glob(&p.key).map_or(PathMatch::Never, PathMatch::Glob)
                    };
                    let kind_glob = p.kind.as_deref().and_then(glob);
                    PermalinkRule {
                        kinds: Vec::new(),
                        kind_glob,
                        path,
                        pattern: p.pattern.clone(),
                    }
                } else {
                    let kinds = match p.kind.as_deref() {
                        // The flat form: pages and terms.
                        None => vec![Kind::Page, Kind::Term],
                        Some(k) => kind_of(k).into_iter().collect(),
                    };
                    let section = p.key.trim_matches(|c| c == ' ' || c == '/');
                    PermalinkRule {
                        kinds,
                        kind_glob: None,
                        path: PathMatch::Section(section.to_lowercase()),
                        pattern: p.pattern.clone(),
                    }
                }
            })
            .collect();
        Permalinks { rules }
    }

    /// The pattern for a page of `kind` at `path` (Hugo's page path).
    pub fn find(&self, kind: Kind, path: &str) -> Option<&str> {
        if self.rules.is_empty() {
            return None;
        }
        let path = go_lower(path);
        self.rules
            .iter()
            .find(|r| {
                let kind_ok = if let Some(g) = &r.kind_glob {
                    g.is_match(kind.name())
                } else {
                    r.kinds.is_empty() || r.kinds.contains(&kind)
                };
                kind_ok
                    && match &r.path {
                        PathMatch::Any => true,
                        PathMatch::Never => false,
                        PathMatch::Glob(g) => g.is_match(&path),
                        PathMatch::Section(s) if s.is_empty() => {
                            path.len() > 1 && !path[1..].contains('/')
                        }
                        PathMatch::Section(s) => path
                            .strip_prefix('/')
                            .and_then(|p| p.strip_prefix(s.as_str()))
                            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/')),
                    }
            })
            .map(|r| r.pattern.as_str())
    }
}

use crate::hugo::date::{LONG_DAYS as WEEKDAYS, LONG_MONTHS as MONTHS};

/// Sunday = 0.
fn weekday(d: &HugoDate) -> usize {
    // 1970-01-01 was a Thursday.
    (d.day_number() + 4).rem_euclid(7) as usize
}

fn year_day(d: &HugoDate) -> i64 {
    d.day_number() - date::days_from_civil(d.year, 1, 1) + 1
}

/// Go's `time.Format` for the layout elements a permalink token can hold
/// (letters, digits and `_`); `None` when it holds none.
fn go_format(layout: &str, d: &HugoDate) -> Option<String> {
    const CHUNKS: [&str; 25] = [
        "January", "Monday", "2006", "Jan", "Mon", "MST", "002", "__2", "_2", "06", "01", "02",
        "15", "03", "04", "05", "PM", "pm", "1", "2", "3", "4", "5", "Z07", "000",
    ];
    let mut out = String::new();
    let mut rest = layout;
    let mut found = false;
    'outer: while !rest.is_empty() {
        for chunk in CHUNKS {
            if let Some(after) = rest.strip_prefix(chunk) {
                // Go reads `Jan`/`Mon` only when not followed by a lower-case letter.
                let word = matches!(chunk, "Jan" | "Mon" | "January" | "Monday");
                if word && after.starts_with(|c: char| c.is_ascii_lowercase()) {
                    continue;
                }
                let month = MONTHS[usize::from(d.month.clamp(1, 12)) - 1];
                let hour12 = match d.hour % 12 {
                    0 => 12,
                    h => h,
                };
                let v = match chunk {
                    "January" => month.to_string(),
                    "Jan" => month[..3].to_string(),
                    "Monday" => WEEKDAYS[weekday(d)].to_string(),
                    "Mon" => WEEKDAYS[weekday(d)][..3].to_string(),
                    "2006" => d.year.to_string(),
                    "06" => format!("{:02}", d.year.rem_euclid(100)),
                    "01" => format!("{:02}", d.month),
                    "1" => d.month.to_string(),
                    "02" => format!("{:02}", d.day),
                    "2" => d.day.to_string(),
                    "_2" => format!("{:>2}", d.day),
                    "002" => format!("{:03}", year_day(d)),
                    "__2" => format!("{:>3}", year_day(d)),
                    "15" => format!("{:02}", d.hour),
                    "03" => format!("{hour12:02}"),
                    "3" => hour12.to_string(),
                    "04" => format!("{:02}", d.minute),
                    "4" => d.minute.to_string(),
                    "05" => format!("{:02}", d.second),
                    "5" => d.second.to_string(),
                    "PM" => (if d.hour >= 12 { "PM" } else { "AM" }).to_string(),
                    "pm" => (if d.hour >= 12 { "pm" } else { "am" }).to_string(),
                    _ => chunk.to_string(),
                };
                out.push_str(&v);
                rest = after;
                found = true;
                continue 'outer;
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    found.then_some(out)
}

/// Apply `[a:b]`, `[n]`, `[last]` to the sections (`toSliceFunc`).
fn slice_sections(cut: &str, s: &[String]) -> Vec<String> {
    let cut = cut.trim().to_lowercase();
    if cut.is_empty() {
        return s.to_vec();
    }
    if cut.len() < 3 || !cut.starts_with('[') || !cut.ends_with(']') {
        return Vec::new();
    }
    let inner = &cut[1..cut.len() - 1];
    let bound = |v: &str, low: bool| -> i64 {
        let n = s.len() as i64;
        match v {
            "" if low => 0,
            "" => n,
            "last" => n - 1,
            v => {
                let k = v.parse::<i64>().unwrap_or(0).max(0);
                if k >= n { if low { -1 } else { n } } else { k }
            }
        }
    };
    if s.is_empty() {
        return Vec::new();
    }
    match inner.split_once(':') {
        None => {
            let n = bound(inner, true);
            if n < 0 {
                return Vec::new();
            }
            s.get(n as usize).into_iter().cloned().collect()
        }
        Some((a, b)) => {
            let (lo, hi) = (bound(a, true), bound(b, false));
            if lo < 0 || hi < 0 || lo > hi {
                return Vec::new();
            }
            s[lo as usize..hi as usize].to_vec()
        }
    }
}

static ATTRIBUTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r":\w+(\[.+?\])?").expect("constant pattern"));

/// Expand a permalink pattern (or a `url` holding tokens). `None` when it
/// holds an attribute Hugo does not know (Hugo then fails the build).
pub(crate) fn expand_pattern(pattern: &str, t: &Tokens, hugo: &HugoConfig) -> Option<String> {
    const ESCAPED: &str = "\u{0}";
    let pattern = pattern.replace("\\:", ESCAPED);
    let mut out = String::with_capacity(pattern.len());
    let mut last = 0;
    for m in ATTRIBUTE.find_iter(&pattern) {
        out.push_str(&pattern[last..m.start()]);
        last = m.end();
        let attr = &m.as_str()[1..];
        let date = t
            .date
            .clone()
            .unwrap_or_else(|| HugoDate::from_unix(-62_135_596_800));
        let slug_else = |fallback: String| {
            t.slug
                .as_deref()
                .filter(|s| !s.is_empty())
                .map_or(fallback, |s| urlize_token(s, hugo))
        };
        let value = match attr {
            "year" => date.year.to_string(),
            "month" => format!("{:02}", date.month),
            "monthname" => MONTHS[usize::from(date.month.clamp(1, 12)) - 1].to_string(),
            "day" => format!("{:02}", date.day),
            "weekday" => weekday(&date).to_string(),
            "weekdayname" => WEEKDAYS[weekday(&date)].to_string(),
            "yearday" => year_day(&date).to_string(),
            "section" => t.section.clone(),
            "sectionslug" => t.section_slugs.first().cloned().unwrap_or_default(),
            "sections" => t.sections.join("/"),
            "sectionslugs" => t.section_slugs.join("/"),
            "title" => urlize_token(&t.title, hugo),
            "slug" => slug_else(urlize_token(&t.title, hugo)),
            "slugorfilename" => slug_else(urlize_token(&t.filename, hugo)),
            "filename" => urlize_token(&t.filename, hugo),
            "contentbasename" => urlize_token(&t.content_base, hugo),
            "slugorcontentbasename" => slug_else(urlize_token(&t.content_base, hugo)),
            a if a.starts_with("sections[") => join(
                &slice_sections(&a["sections".len()..], &t.sections)
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            ),
            a if a.starts_with("sectionslugs[") => join(
                &slice_sections(&a["sectionslugs".len()..], &t.section_slugs)
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            ),
            a => go_format(a, &date)?,
        };
        out.push_str(&value);
    }
    out.push_str(&pattern[last..]);
    Some(out.replace(ESCAPED, ":"))
}

/// The first token of a permalink pattern (or a `url`) that
/// [`expand_pattern`] fills from the page's date, as written (`:year`,
/// `:2006-01-02`): the named date tokens, and any other attribute Go's time
/// layout changes (Hugo 0.168's `permalinks.go` takes those for a date).
pub(crate) fn date_token(pattern: &str) -> Option<&str> {
    const NAMED: [&str; 7] = [
        "year",
        "month",
        "monthname",
        "day",
        "weekday",
        "weekdayname",
        "yearday",
    ];
    const OTHERS: [&str; 10] = [
        "section",
        "sectionslug",
        "sections",
        "sectionslugs",
        "title",
        "slug",
        "slugorfilename",
        "filename",
        "contentbasename",
        "slugorcontentbasename",
    ];
    let epoch = HugoDate::from_unix(0);
    let found = ATTRIBUTE.find_iter(pattern).find(|m| {
        // `\:` is a literal colon.
        if pattern[..m.start()].ends_with('\\') {
            return false;
        }
        let attr = &m.as_str()[1..];
        if NAMED.contains(&attr) {
            return true;
        }
        !OTHERS.contains(&attr)
            && !attr.starts_with("sections[")
            && !attr.starts_with("sectionslugs[")
            && go_format(attr, &epoch).is_some()
    });
    found.map(|m| m.as_str())
}

// Target paths.

/// What Hugo needs to place a page (`page.TargetPathDescriptor`), for the
/// HTML output format.
pub(crate) struct TargetDesc<'a> {
    pub kind: Kind,
    pub bundle: Bundle,
    /// The page path (`PathInfo::url_path`).
    pub path: &'a str,
    /// The slug, else the last element of the path.
    pub base_name: &'a str,
    /// The `url` front matter, tokens expanded.
    pub url: Option<&'a str>,
    /// The expanded permalink pattern.
    pub expanded: Option<&'a str>,
    pub ugly: bool,
    /// The language folder (`fr`), or ``.
    pub prefix: &'a str,
}

/// Where a page is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// The URL (site path) it is served at.
    pub url: String,
    /// Where its resources go (`SubResourceBaseTarget`): `/posts/a`, `` for
    /// the home.
    pub resource_base: String,
}

/// Go's `path.Dir` without cleaning (`paths.Dir`).
fn paths_dir(s: &str) -> &str {
    match s.rfind('/') {
        Some(0) => "/",
        Some(i) => &s[..i],
        None => "",
    }
}

/// Where Hugo writes a page (`page.CreateTargetPaths`, HTML only).
pub(crate) fn create_target(d: &TargetDesc, hugo: &HugoConfig) -> Target {
    let mut url: Option<String> = d.url.filter(|u| !u.is_empty()).map(str::to_string);
    // A relative `url` is inside the language folder.
    let force_prefix = url.as_deref().is_some_and(|u| !u.starts_with('/'));
    if let Some(u) = &mut url
        && u.contains("..")
    {
        *u = join(&["/", u]);
    }
    let mut els: Vec<String> = Vec::new();
    fn add(els: &mut Vec<String>, e: &str) {
        if !e.is_empty() && e != "/" {
            els.push(e.to_string());
        }
    }
    fn concat_last(els: &mut Vec<String>, s: &str) {
        match els.last_mut() {
            None => els.push(s.to_string()),
            Some(last) => {
                if last.ends_with('/') {
                    last.pop();
                }
                last.push_str(s);
            }
        }
    }
    let mut full_suffix = ".html".to_string();
    let mut ugly = d.ugly;
    let base_same_as_type = d.bundle == Bundle::None && d.base_name == "index";
    let index_is_ugly_kind = matches!(d.kind, Kind::Home | Kind::Section | Kind::Taxonomy) && ugly;
    if d.expanded.is_none() && base_same_as_type {
        ugly = true;
    }
    let mut needs_base = true;
    let mut prefix = "";
    if d.kind != Kind::Page && url.is_none() && d.path != "/" {
        add(&mut els, d.expanded.unwrap_or(d.path));
        needs_base = false;
    }
    match &url {
        Some(u) if d.kind != Kind::Home => {
            u.split('/').for_each(|f| add(&mut els, f));
            if u.ends_with('/') || !u.contains('.') {
                add(&mut els, "index.html");
            } else {
                let last = u.rsplit('/').next().unwrap_or_default();
                full_suffix = last
                    .rfind('.')
                    .map_or(String::new(), |i| last[i..].to_string());
            }
            if force_prefix && !d.prefix.is_empty() && !u.starts_with(&format!("/{}", d.prefix)) {
                prefix = d.prefix;
            }
        }
        _ if d.kind == Kind::Page => {
            match d.expanded {
                Some(e) => add(&mut els, e),
                None => {
                    add(&mut els, paths_dir(d.path));
                    add(&mut els, d.base_name);
                }
            }
            if ugly {
                concat_last(&mut els, &full_suffix);
            } else {
                add(&mut els, "index.html");
            }
            prefix = d.prefix;
        }
        _ => {
            if needs_base || !ugly || index_is_ugly_kind {
                add(&mut els, "index.html");
            } else {
                concat_last(&mut els, &full_suffix);
            }
            prefix = d.prefix;
        }
    }
    if url.is_none() {
        for el in &mut els {
            *el = sanitize_path(el, hugo);
        }
    }
    let mut path = String::new();
    let mut had_trailing_slash = false;
    for el in &els {
        if !had_trailing_slash && !el.starts_with('/') {
            path.push('/');
        }
        had_trailing_slash = el.ends_with('/');
        path.push_str(el);
    }
    let is_index = els.last().is_some_and(|l| l.starts_with("index."));
    let mut dir = if is_index {
        paths_dir(&path).to_string()
    } else {
        path.strip_suffix(full_suffix.as_str())
            .unwrap_or(&path)
            .to_string()
    };
    if dir == "/" {
        dir.clear();
    }
    let with_prefix = |p: &str| {
        if prefix.is_empty() {
            collapse_slashes(p)
        } else {
            collapse_slashes(&format!("/{prefix}{p}"))
        }
    };
    Target {
        url: file_url(&with_prefix(&path)),
        resource_base: with_prefix(&dir),
    }
}

// URLs of single things, without the rest of the site.

/// The page's `slug`, else the one the `:filename` date handler reads from
/// its file name.
pub(crate) fn page_slug<'a>(
    meta: &Meta<'a>,
    info: &PathInfo,
    hugo: &HugoConfig,
) -> Option<Cow<'a, str>> {
    meta.string("slug").or_else(|| {
        if !hugo.front_matter.date.iter().any(|k| k == ":filename") {
            return None;
        }
        dated(meta, &hugo.front_matter.date, &content_base_name(info))
            .and_then(|(_, s)| s)
            .map(Cow::Owned)
    })
}

/// Tokens of a page from its own front matter, every folder taken for a
/// section.
pub(crate) fn own_tokens<'a>(meta: &Meta<'a>, info: &PathInfo, hugo: &HugoConfig) -> Tokens<'a> {
    let base = content_base_name(info);
    let found = dated(meta, &hugo.front_matter.date, &base);
    let slug = page_slug(meta, info, hugo);
    let dirs: Vec<String> = if info.kind.is_branch() {
        info.path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    } else {
        paths_dir(&info.path)
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    Tokens {
        date: found.map(|(d, _)| d),
        title: meta.string("title").unwrap_or_default(),
        slug,
        section: info.section().to_string(),
        section_slugs: dirs.clone(),
        sections: dirs,
        filename: match info.bundle {
            Bundle::Branch => String::new(),
            _ => base.clone(),
        },
        content_base: match info.bundle {
            Bundle::None => info
                .unnormalized
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
            _ => base,
        },
    }
}

/// The target of a page given its tokens and the site's permalinks.
///
/// `url_path` is the page path as used in URLs ([`PathInfo::url_path`]
/// with the `slug` of every section above renamed, as Hugo 0.168 does).
pub(crate) fn page_target<'a>(
    meta: &Meta<'a>,
    info: &PathInfo,
    url_path: &str,
    tokens: &dyn Fn() -> Tokens<'a>,
    permalinks: &Permalinks,
    hugo: &HugoConfig,
) -> Target {
    let url = meta.string("url").filter(|u| !u.is_empty()).map(|u| {
        if u.contains(':') {
            expand_pattern(&u, &tokens(), hugo)
                .map_or_else(|| u.to_string(), |e| query_unescape(&e))
        } else {
            u.to_string()
        }
    });
    let expanded = permalinks
        .find(info.kind, &info.path)
        .and_then(|p| expand_pattern(p, &tokens(), hugo))
        .map(|e| clean(&query_unescape(&e)));
    let path = url_path;
    let last = path.rsplit('/').next().unwrap_or_default();
    let slug = page_slug(meta, info, hugo);
    let base_name = match (&slug, info.kind) {
        (Some(s), Kind::Page) if !s.is_empty() => s.as_ref(),
        _ => last,
    };
    create_target(
        &TargetDesc {
            kind: info.kind,
            bundle: info.bundle,
            path,
            base_name,
            url: url.as_deref(),
            expanded: expanded.as_deref(),
            ugly: hugo.ugly_urls.for_section(info.section()),
            prefix: prefix_dir(&info.lang, hugo),
        },
        hugo,
    )
}

/// The URL of a page (any kind), from its own front matter and path. Without
/// the site, every folder counts as a section for the `:sections` tokens
/// and cascades are not applied: `SiteIndex` has the exact URL.
pub fn page_url(post: &Post, lang: &str, hugo: &HugoConfig) -> String {
    let mut info = path_info(post, hugo);
    info.lang = lang.to_string();
    let meta = Meta::own(post);
    let tokens = || own_tokens(&meta, &info, hugo);
    let mut url_path = info.url_path(hugo).to_string();
    if matches!(info.kind, Kind::Section | Kind::Taxonomy | Kind::Term)
        && let Some(slug) = meta.string("slug").filter(|s| !s.is_empty())
    {
        url_path = rename_last(&url_path, &slug);
    }
    page_target(
        &meta,
        &info,
        &url_path,
        &tokens,
        &Permalinks::new(hugo),
        hugo,
    )
    .url
}

/// `/a/b` with its last element replaced: `/a/slug`.
pub(crate) fn rename_last(path: &str, name: &str) -> String {
    match path.rfind('/') {
        Some(i) => format!("{}/{name}", &path[..i]),
        None => name.to_string(),
    }
}

/// The target of a list page that has no `_index.md`: `path` is its page
/// path, `url_path` the same as used in URLs (see [`page_target`]).
pub(crate) fn list_target(
    kind: Kind,
    path: &str,
    url_path: &str,
    title: &str,
    lang: &str,
    permalinks: &Permalinks,
    hugo: &HugoConfig,
) -> Target {
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let last = segments.last().cloned().unwrap_or_default();
    let tokens = Tokens {
        date: None,
        title: Cow::Borrowed(title),
        slug: None,
        section: segments.first().cloned().unwrap_or_default(),
        section_slugs: segments.clone(),
        sections: segments,
        filename: String::new(),
        content_base: last,
    };
    let expanded = permalinks
        .find(kind, &normalize_basic(path))
        .and_then(|p| expand_pattern(p, &tokens, hugo))
        .map(|e| clean(&query_unescape(&e)));
    let section = tokens.section.clone();
    create_target(
        &TargetDesc {
            kind,
            bundle: Bundle::Branch,
            path: url_path,
            base_name: "",
            url: None,
            expanded: expanded.as_deref(),
            ugly: hugo.ugly_urls.for_section(&section),
            prefix: prefix_dir(lang, hugo),
        },
        hugo,
    )
}

/// The page path of a term (`/tags/go`): lower-cased unless
/// `disablePathToLower`, spaces as hyphens, `.`, `..` and empty elements
/// resolved (Hugo writes `/tags/../` over the home page).
pub(crate) fn term_path(plural: &str, term: &str, hugo: &HugoConfig) -> String {
    term_path_cased(plural, term, hugo.disable_path_to_lower)
}

/// [`term_path`], keeping the case or not.
pub(crate) fn term_path_cased(plural: &str, term: &str, keep_case: bool) -> String {
    let term = if keep_case {
        term.replace(' ', "-")
    } else {
        normalize_basic(term)
    };
    clean(&format!("/{}/{term}", taxonomy_key(plural)))
}

/// The URL of a taxonomy list page (`/tags/`).
pub fn taxonomy_url(plural: &str, lang: &str, hugo: &HugoConfig) -> String {
    let path = format!("/{}", taxonomy_key(plural));
    list_target(
        Kind::Taxonomy,
        &path,
        &path,
        plural,
        lang,
        &Permalinks::new(hugo),
        hugo,
    )
    .url
}

/// The URL of a term page (`/tags/go/`).
pub fn term_url(plural: &str, term: &str, lang: &str, hugo: &HugoConfig) -> String {
    let path = term_path(plural, term, hugo);
    let key = term_path_cased(plural, term, false);
    list_target(
        Kind::Term,
        &key,
        &path,
        term,
        lang,
        &Permalinks::new(hugo),
        hugo,
    )
    .url
}

// Aliases.

/// Resolve an alias as Hugo 0.168 does (`pageOutput.Aliases`,
/// `aliasHandler.targetPathAlias`): an absolute alias is a path in the
/// page's language folder; a relative one is resolved against the folder
/// above the page's own (`resource_base`), so `old` on `/posts/a/` is
/// `/posts/old/`. In an ugly-URL section an alias without `.html` gets it.
/// `Err` says why Hugo fails the build.
pub(crate) fn alias_target(
    alias: &str,
    resource_base: &str,
    lang_dir: &str,
    ugly: bool,
) -> Result<String, String> {
    if alias.starts_with("http://") || alias.starts_with("https://") {
        return Err("Hugo does not support aliases to other sites (http…): the build fails".into());
    }
    let mut a = if alias.starts_with('/') {
        join(&[&join(&["/", lang_dir]), alias])
    } else {
        join(&[&join(&[resource_base, ".."]), alias])
    };
    if ugly && !has_html_suffix(&a) {
        a.push_str(".html");
    }
    if a.is_empty() {
        return Err("an empty alias: the build fails".into());
    }
    let a = clean(&a);
    if a == "/" {
        return Err("it resolves to the site root `/`: the build fails".into());
    }
    if a.split('/').next() == Some("..") {
        return Err("it climbs above the site root: the build fails".into());
    }
    let rel = a.strip_prefix('/').unwrap_or(&a);
    let file = if has_html_suffix(rel) {
        rel.to_string()
    } else {
        format!("{rel}/index.html")
    };
    Ok(file_url(&format!("/{file}")))
}

/// Where Hugo's redirects go for `resource_base`: the page URL without its
/// trailing slash or file suffix.
fn resource_base_of(page_url: &str) -> String {
    if page_url == "/" {
        return String::new();
    }
    if let Some(dir) = page_url.strip_suffix('/') {
        return dir.to_string();
    }
    let last = page_url.rsplit('/').next().unwrap_or_default();
    match last.rfind('.') {
        Some(i) => page_url[..page_url.len() - (last.len() - i)].to_string(),
        None => page_url.to_string(),
    }
}

/// Resolve an alias of a page published at `page_url` (see
/// `alias_target`); the page's section for ugly URLs is taken from its
/// URL. `Err` holds why Hugo rejects it.
pub fn resolve_alias(
    alias: &str,
    page_url: &str,
    lang: &str,
    hugo: &HugoConfig,
) -> Result<String, String> {
    let prefix = language_prefix(lang, hugo);
    let section = page_url
        .strip_prefix(prefix.as_str())
        .unwrap_or(page_url)
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    let section = if page_url.trim_matches('/').contains('/') || page_url.ends_with('/') {
        section
    } else {
        ""
    };
    alias_target(
        alias,
        &resource_base_of(page_url),
        prefix_dir(lang, hugo),
        hugo.ugly_urls.for_section(section),
    )
}

/// What puts a page at its URL: its `url`, its `slug`, its title (through
/// `:slug` or `:title` in its permalink) or its file; and the span to
/// point at.
pub fn url_source(post: &Post, hugo: &HugoConfig) -> (UrlSource, std::ops::Range<usize>) {
    let set = |key: &str| {
        post.field(key)
            .filter(|n| scalar_string(n).is_some_and(|s| !s.is_empty()))
    };
    if let Some(n) = set("url") {
        return (UrlSource::Url("url"), n.span.clone());
    }
    if let Some(n) = set("slug") {
        return (UrlSource::Slug, n.span.clone());
    }
    let info = path_info(post, hugo);
    let by_title = info.kind == Kind::Page
        && Permalinks::new(hugo)
            .find(info.kind, &info.path)
            .is_some_and(|p| p.contains(":title") || p.contains(":slug"));
    match set("title") {
        Some(n) if by_title => (UrlSource::Title, n.span.clone()),
        _ => (UrlSource::File, post.front_matter_anchor()),
    }
}

/// The language of a URL without a content file: the language whose folder
/// it is in, else the default.
pub fn language_of_url(url: &str, hugo: &HugoConfig) -> String {
    hugo.languages
        .iter()
        .find(|l| {
            let prefix = language_prefix(l, hugo);
            !prefix.is_empty()
                && url
                    .strip_prefix(&prefix)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
        .unwrap_or(&hugo.default_content_language)
        .clone()
}

#[cfg(test)]
mod tests {
    //! Expected values are what Hugo 0.168.0 wrote for the same input
    //! (sites built under /tmp; `tests/hugo_oracle.rs` keeps them checked).

    use super::*;
    use std::path::{Path, PathBuf};

    fn hugo() -> HugoConfig {
        HugoConfig::default_for(Path::new("/site"))
    }

    fn post(path: &str, front: &str) -> Post {
        Post::parse(
            PathBuf::from("/site/content").join(path),
            path.into(),
            format!("---\n{front}---\n"),
        )
    }

    #[test]
    fn sanitize_like_hugo() {
        assert_eq!(sanitize("My Slug Ü!"), "My-Slug-Ü");
        assert_eq!(sanitize("Héllo World (1)!"), "Héllo-World-1");
        assert_eq!(sanitize("a - b"), "a-b");
        assert_eq!(sanitize("x%20y x%zz 100%"), "x%20y-xzz-100");
        assert_eq!(sanitize("  lead"), "lead");
        assert_eq!(sanitize("trail  "), "trail");
        assert_eq!(sanitize("a\u{a0}b a\u{2003}b"), "a-b-a-b");
        assert_eq!(sanitize("\u{200b}zw"), "zw");
        assert_eq!(
            sanitize("C++ C# a@b a~b a\\b {a} a|b émoji 🎉"),
            "C++-C#-a@b-a~b-a\\b-a-ab-émoji"
        );
    }

    #[test]
    fn terms_like_hugo() {
        // Folders Hugo 0.168 wrote for these terms under /tags/.
        for (term, url) in [
            ("C++", "c++"),
            ("Back End", "back-end"),
            ("Go", "go"),
            ("café", "café"),
            ("a/b", "a/b"),
            ("GO ", "go-"),
            (" x  y ", "-x--y-"),
            ("a  b", "a--b"),
            ("x - y", "x---y"),
            ("İstanbul", "istanbul"),
            ("ΣΑΣ", "σασ"),
            ("100%", "100"),
            ("what?", "what"),
            ("A_B", "a_b"),
            ("Über", "über"),
        ] {
            assert_eq!(urlize(term), url, "{term:?}");
        }
        let h = hugo();
        assert_eq!(term_url("tags", "a//b", "en", &h), "/tags/a/b/");
        assert_eq!(term_url("tags", "./dot", "en", &h), "/tags/dot/");
        assert_eq!(term_url("tags", "..", "en", &h), "/");
        assert_eq!(taxonomy_url("my authors", "en", &h), "/my-authors/");
        assert_eq!(taxonomy_url("Series", "en", &h), "/series/");
    }

    #[test]
    fn page_urls() {
        let h = hugo();
        let url = |path: &str, front: &str| page_url(&post(path, front), "en", &h);
        assert_eq!(url("posts/a.md", ""), "/posts/a/");
        assert_eq!(url("posts/b.md", "slug: My Slug Ü!\n"), "/posts/my-slug-ü/");
        assert_eq!(url("posts/c.md", "url: /Custom/Path\n"), "/Custom/Path/");
        assert_eq!(url("posts/d.md", "url: custom/d.html\n"), "/custom/d.html");
        assert_eq!(url("posts/e.md", "url: /v1.2/docs\n"), "/v1.2/docs");
        assert_eq!(
            url("posts/Sub Dir/Héllo World (1)!.md", ""),
            "/posts/sub-dir/héllo-world-1/"
        );
        assert_eq!(url("posts/leaf/index.md", ""), "/posts/leaf/");
        assert_eq!(url("blog/nested/_index.md", ""), "/blog/nested/");
        assert_eq!(url("_index.md", ""), "/");
        assert_eq!(url("about.md", ""), "/about/");
        assert_eq!(
            url(
                "posts/x.md",
                "url: /:year/:slug/\nslug: S1\ndate: 2020-01-02\n"
            ),
            "/2020/s1/"
        );
        assert_eq!(
            url("posts/2023-04-05-my-post.md", ""),
            "/posts/2023-04-05-my-post/"
        );
        // A section's slug renames it (Hugo 0.168).
        assert_eq!(url("blog/_index.md", "slug: Other One\n"), "/other-one/");
    }

    #[test]
    fn aliases() {
        let ok = |a: &str, base: &str| alias_target(a, base, "", false);
        assert_eq!(ok("/old/a/", "/posts/a"), Ok("/old/a/".into()));
        assert_eq!(ok("old-rel", "/posts/a"), Ok("/posts/old-rel/".into()));
        assert_eq!(ok("../up-rel/", "/posts/a"), Ok("/up-rel/".into()));
        assert_eq!(ok("../../top", "/posts/leaf"), Ok("/top/".into()));
        assert_eq!(ok("/x.html", "/posts/a"), Ok("/x.html".into()));
        assert_eq!(ok("/y/index.html", "/posts/a"), Ok("/y/".into()));
        assert_eq!(ok("/z.htm", "/posts/a"), Ok("/z.htm".into()));
        assert_eq!(ok("/a.php", "/posts/a"), Ok("/a.php/".into()));
        assert_eq!(ok("/NoSlash", "/posts/a"), Ok("/NoSlash/".into()));
        assert_eq!(ok("", "/posts/a"), Ok("/posts/".into()));
        assert_eq!(ok(".", "/posts/a"), Ok("/posts/".into()));
        assert_eq!(ok("//x/y", "/posts/a"), Ok("/x/y/".into()));
        assert_eq!(ok("ftp://x/a", "/posts/a"), Ok("/posts/ftp:/x/a/".into()));
        assert!(ok("/", "/posts/a").is_err());
        assert!(ok("..", "/posts/a").is_err());
        assert!(ok("http://x.org/a", "/posts/a").is_err());
        // A relative alias on the home page climbs out of the site.
        assert!(ok("home-rel", "").is_err());
        // The language folder; ugly sections.
        assert_eq!(
            alias_target("/old-a/", "/fr/posts/a", "fr", false),
            Ok("/fr/old-a/".into())
        );
        assert_eq!(
            alias_target("rel", "/posts/a", "", true),
            Ok("/posts/rel.html".into())
        );
        assert_eq!(
            alias_target("/old/a/", "/posts/a", "", true),
            Ok("/old/a.html".into())
        );
        let h = hugo();
        assert_eq!(
            resolve_alias("old", "/posts/a/", "en", &h),
            Ok("/posts/old/".into())
        );
        assert_eq!(
            resolve_alias("old", "/about.html", "en", &h),
            Ok("/old/".into())
        );
    }

    /// The tokens Hugo 0.168 fills from the date (`permalinks.go`), as the
    /// `permalinks` oracle site checks: a page without a date gets 0001-01-01.
    #[test]
    fn date_tokens() {
        for (pattern, token) in [
            ("/:year/:month/:slug/", Some(":year")),
            ("/:slug/:monthname/", Some(":monthname")),
            ("/:weekday/", Some(":weekday")),
            ("/:weekdayname/:yearday/", Some(":weekdayname")),
            ("/:day/", Some(":day")),
            ("/n/:2006-Jan-02/", Some(":2006")),
            ("/:sections[1:]/:sections[last]/:title/", None),
            ("/:section/:slug/:filename/:slugorfilename/", None),
            (
                "/:contentbasename/:slugorcontentbasename/:sectionslugs/",
                None,
            ),
            ("/notes/\\:year/:slug/", None),
            ("/fixed/", None),
        ] {
            assert_eq!(date_token(pattern), token, "{pattern}");
        }
    }

    #[test]
    fn permalink_tokens() {
        let mut h = hugo();
        h.permalinks = vec![crate::hugo::config::Permalink {
            kind: None,
            key: "posts".into(),
            pattern: "/:year/:month/:monthname/:day/:yearday/:slug/".into(),
            glob: false,
        }];
        let url = |path: &str, front: &str| page_url(&post(path, front), "en", &h);
        assert_eq!(
            url(
                "posts/a.md",
                "title: \"Hello, Wörld: Part 2!\"\ndate: 2024-03-05T10:00:00+09:00\n"
            ),
            "/2024/03/march/05/65/hello-wörld-part-2/"
        );
        assert_eq!(url("posts/nodate.md", ""), "/1/01/january/01/1/");
        let d = date::parse("2022-07-04").expect("a date");
        assert_eq!(go_format("2006", &d).as_deref(), Some("2022"));
        assert_eq!(go_format("Jan", &d).as_deref(), Some("Jul"));
        assert_eq!(go_format("Monday", &d).as_deref(), Some("Monday"));
        assert_eq!(go_format("slug_x", &d), None);
        let s: Vec<String> = vec!["news".into(), "tech".into()];
        assert_eq!(slice_sections("[1:]", &s), vec!["tech".to_string()]);
        assert_eq!(slice_sections("[last]", &s), vec!["tech".to_string()]);
        assert_eq!(slice_sections("[:1]", &s), vec!["news".to_string()]);
        assert!(slice_sections("[5]", &s).is_empty());
    }

    #[test]
    fn publication() {
        let h = hugo();
        let now = 1_717_200_000; // 2024-06-01
        let state = |front: &str| unpublished(&post("posts/a.md", front), &h, now);
        assert_eq!(state("draft: true\n"), Some(Unpublished::Draft));
        assert_eq!(state("draft: \"true\"\n"), Some(Unpublished::Draft));
        assert_eq!(state("draft: 1\n"), Some(Unpublished::Draft));
        assert_eq!(state("date: 2999-01-01\n"), Some(Unpublished::Future));
        assert_eq!(
            state("publishDate: 2999-01-01\ndate: 2000-01-01\n"),
            Some(Unpublished::Future)
        );
        assert_eq!(
            state("expiryDate: 2001-01-01\n"),
            Some(Unpublished::Expired)
        );
        assert_eq!(
            state("headless: \"true\"\n"),
            Some(Unpublished::NotRendered)
        );
        assert_eq!(
            state("build:\n  render: never\n"),
            Some(Unpublished::NotRendered)
        );
        assert_eq!(
            state("build:\n  render: link\n"),
            Some(Unpublished::NotRendered)
        );
        assert_eq!(
            state("build:\n  render: false\n"),
            Some(Unpublished::NotRendered)
        );
        // Strings other than never/link/0 mean `always`, case-sensitively.
        assert_eq!(state("build:\n  render: Never\n"), None);
        assert_eq!(state("build:\n  render: \"false\"\n"), None);
        assert_eq!(state("title: x\n"), None);
    }

    #[test]
    fn languages_from_file_names() {
        let mut h = hugo();
        h.languages = vec!["en".into(), "fr".into()];
        assert_eq!(language(&post("posts/a.fr.md", ""), &h), "fr");
        assert_eq!(language(&post("posts/g.FR.md", ""), &h), "fr");
        assert_eq!(language(&post("posts/f.xx.md", ""), &h), "en");
        let info = path_info(&post("posts/f.xx.md", ""), &h);
        assert_eq!(info.path, "/posts/f.xx");
        assert_eq!(
            page_url(&post("posts/a.fr.md", ""), "fr", &h),
            "/fr/posts/a/"
        );
        assert_eq!(
            page_url(&post("posts/b.fr.md", "url: /abs-b/\n"), "fr", &h),
            "/abs-b/"
        );
        assert_eq!(
            page_url(&post("posts/c.fr.md", "url: rel-c/\n"), "fr", &h),
            "/fr/rel-c/"
        );
    }

    #[test]
    fn dates_from_file_names() {
        let slug = |base: &str| filename_date(base).map(|(d, s)| (d.to_string(), s));
        assert_eq!(
            slug("2024-01-05-my-post"),
            Some(("2024-01-05".into(), "my-post".into()))
        );
        assert_eq!(
            slug("2024-01-05_x"),
            Some(("2024-01-05".into(), "x".into()))
        );
        assert_eq!(
            slug("2024-01-05-10-30-00-later"),
            Some(("2024-01-05T10:30:00".into(), "later".into()))
        );
        assert_eq!(
            slug("2024-01-05"),
            Some(("2024-01-05".into(), String::new()))
        );
        assert_eq!(slug("notadate-x"), None);
        // Multi-byte characters where the date would end: no panic.
        assert_eq!(slug("2024-01-0é-x"), None);
        assert_eq!(
            slug("2024-01-05-é1234567890"),
            Some(("2024-01-05".into(), "é1234567890".into()))
        );
        assert_eq!(slug("éééééééééé"), None);
    }

    #[test]
    fn normalize_keys() {
        assert_eq!(normalize("posts/a"), "/posts/a/");
        assert_eq!(normalize("/x/index.html"), "/x/");
        assert_eq!(normalize("/a.png"), "/a.png");
        assert_eq!(normalize("/"), "/");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(
            path in "[a-zA-Z_ .é#~%/-]{1,30}\\.md",
            value in "[-a-zA-Z0-9 :/._%+é\\[\\]]{0,30}",
            alias in "[-a-z./:é%]{0,20}",
        ) {
            let mut h = hugo();
            h.permalinks = vec![crate::hugo::config::Permalink {
                kind: None,
                key: String::new(),
                pattern: value.clone(),
                glob: true,
            }];
            h.front_matter.date.insert(0, ":filename".into());
            let path = path.trim_start_matches('/');
            let front = format!("url: \"{value}\"\nslug: \"{value}\"\ntitle: \"{value}\"\n");
            let p = post(path, &front);
            let url = page_url(&p, "en", &h);
            proptest::prop_assert!(url.starts_with('/'));
            let _ = resolve_alias(&alias, &url, "en", &h);
            let _ = term_url("tags", &value, "en", &h);
            let _ = unpublished(&p, &h, 0);
        }
    }
}
