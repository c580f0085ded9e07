//! Jekyll's URLs and permalinks, ported from Jekyll 4.3.1 (`Jekyll::URL`,
//! `Utils.slugify`, `Drops::UrlDrop`, `Page`, `Document`, `Collection`) and
//! jekyll-redirect-from 0.16.0, each behaviour checked against the real ones
//! (`tests/jekyll_url.rs` asks them at test time).
//!
//! Pure functions over plain inputs: the caller (the site model) supplies a
//! page's relative path, a document's collection, categories, slug and civil
//! date, and gets back URLs and the files Jekyll writes for them.
//!
//! Where Jekyll 4.3.1 fails the build (an unknown placeholder in a document's
//! permalink, an "invalid scheme" from Addressable), the functions return a
//! [`UrlError`] saying so; where its behaviour is too odd to model (a value
//! with a newline that needs escaping, a `//host:port` prefix), they return
//! [`UrlError::Unsupported`] rather than guess.
//!
//! URLs here are Jekyll's `url`: without `baseurl` (links add it), with
//! percent-escapes; [`destination`] gives the file written for one.

use crate::calendar::{LONG_DAYS, LONG_MONTHS, days_from_civil, is_leap};
use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

/// Why a URL could not be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// A `:name` in a document's permalink that Jekyll 4.3.1's URL drop does
    /// not know: the build fails ("The URL template doesn't have … keys").
    UnknownPlaceholder(String),
    /// Addressable (which `URL.escape_path` uses) reads the text before the
    /// first `:` as a URI scheme and rejects it: the build fails.
    InvalidScheme(String),
    /// Addressable rejects `//host` text in a value (spaces, `<>{}"\`): the
    /// build fails.
    InvalidHost(String),
    /// Addressable rejects an `http:`-like value with nothing after it.
    MissingHierarchicalSegment(String),
    /// Jekyll does something here that this port does not model.
    Unsupported(String),
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::UnknownPlaceholder(name) => write!(
                f,
                "the permalink uses `:{name}`, which Jekyll does not know (the build fails)"
            ),
            UrlError::InvalidScheme(s) => write!(
                f,
                "Jekyll reads `{s}:` in the URL as a URI scheme and rejects it (the build fails)"
            ),
            UrlError::InvalidHost(h) => write!(
                f,
                "Jekyll reads `//{h}` in the URL as a host name and rejects it (the build fails)"
            ),
            UrlError::MissingHierarchicalSegment(s) => write!(
                f,
                "Jekyll reads `{s}` in the URL as an absolute URI without a path (the build fails)"
            ),
            UrlError::Unsupported(why) => write!(f, "not modelled: {why}"),
        }
    }
}

impl std::error::Error for UrlError {}

// ---------------------------------------------------------------------------
// Slugify
// ---------------------------------------------------------------------------

/// The modes of `Utils.slugify` (Jekyll 4.3.1), as the `slug` option or a
/// `slugify` filter argument names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlugMode {
    /// `raw`: runs of ASCII whitespace become `-`.
    Raw,
    /// `default` (and no mode): runs of anything but letters, marks and
    /// decimal digits become `-`.
    Default,
    /// `pretty`: like `default` but also keeps `._~!$&'()+,;=@`.
    Pretty,
    /// `ascii`: runs of anything but `[A-Za-z0-9]` become `-`.
    Ascii,
    /// `latin`: I18n's transliteration of Latin letters (others become `?`),
    /// then `default`.
    Latin,
    /// `none`, and any mode Jekyll does not know: the text unchanged (only
    /// lower-cased unless `cased`).
    None,
}

impl SlugMode {
    /// The mode a name selects: no name is `default`; an unknown name
    /// behaves as `none` (Jekyll 4.3.1 returns the string, lower-cased).
    pub fn from_name(name: Option<&str>) -> SlugMode {
        match name {
            None | Some("default") => SlugMode::Default,
            Some("raw") => SlugMode::Raw,
            Some("pretty") => SlugMode::Pretty,
            Some("ascii") => SlugMode::Ascii,
            Some("latin") => SlugMode::Latin,
            Some(_) => SlugMode::None,
        }
    }
}

static DEFAULT_RUNS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^\p{M}\p{L}\p{Nd}]+").expect("static regex: default slug runs"));
static PRETTY_RUNS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+").expect("static regex: pretty slug runs")
});
static ASCII_RUNS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[^A-Za-z0-9]+").expect("static regex: ascii slug runs"));
// Ruby's `\s`: ASCII space, \t, \n, \v, \f, \r.
static RAW_RUNS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t\n\x0B\x0C\r]+").expect("static regex: raw slug runs"));

/// `Utils.slugify(s, mode:, cased:)` of Jekyll 4.3.1: replace runs of the
/// characters the mode does not keep with one `-`, drop one leading and one
/// trailing `-`, lower-case (Unicode, character by character, as Ruby's
/// `downcase`: no final-sigma rule) unless `cased`.
///
/// Letter and mark classes come from the `regex` crate's Unicode tables,
/// newer than Ruby 3.1's Unicode 13: characters assigned since then differ.
pub fn slugify(s: &str, mode: SlugMode, cased: bool) -> String {
    let runs: &Regex = match mode {
        SlugMode::None => return if cased { s.to_string() } else { downcase(s) },
        SlugMode::Raw => &RAW_RUNS,
        SlugMode::Default | SlugMode::Latin => &DEFAULT_RUNS,
        SlugMode::Pretty => &PRETTY_RUNS,
        SlugMode::Ascii => &ASCII_RUNS,
    };
    let transliterated;
    let input = if mode == SlugMode::Latin {
        transliterated = transliterate(s);
        transliterated.as_str()
    } else {
        s
    };
    let replaced = runs.replace_all(input, "-");
    // Ruby's `gsub(/^-|-$/, "")`: one hyphen at each end (no newline is left
    // after the replacement, so line anchors are string anchors here).
    let trimmed = replaced.strip_prefix('-').unwrap_or(&replaced);
    let trimmed = trimmed.strip_suffix('-').unwrap_or(trimmed);
    if cased {
        trimmed.to_string()
    } else {
        downcase(trimmed)
    }
}

/// Ruby's `String#downcase`: full Unicode lower-casing, one character at a
/// time (`"ΣΑΣ"` → `"σασ"`, where Rust's `to_lowercase` gives `"σας"`).
fn downcase(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// `I18n.transliterate` (i18n 1.10's default approximations) as Jekyll's
/// `latin` mode calls it: each non-ASCII character becomes its ASCII
/// approximation, or `?`.
fn transliterate(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(latin_approximation(c).unwrap_or("?"));
        }
    }
    out
}

/// The default approximations of i18n 1.10 (`HashTransliterator`): Latin-1
/// Supplement letters and Latin Extended-A.
fn latin_approximation(c: char) -> Option<&'static str> {
    // Latin-1 Supplement, U+00C0..=U+00FF, in code point order.
    const LATIN1: [&str; 64] = [
        "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", // C0
        "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th",
        "ss", // D0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", // E0
        "d", "n", "o", "o", "o", "o", "o", "?", "o", "u", "u", "u", "u", "y", "th", "y", // F0
    ];
    // Latin Extended-A, U+0100..=U+017E, in code point order.
    const EXT_A: [&str; 127] = [
        "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d", // 100
        "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g", // 110
        "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i", // 120
        "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l",
        "L", // 130
        "l", "L", "l", "N", "n", "N", "n", "N", "n", "'n", "NG", "ng", "O", "o", "O",
        "o", // 140
        "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S",
        "s", // 150
        "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", // 160
        "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", // 170
    ];
    let cp = c as u32;
    match cp {
        // U+00F7 (division sign) has no approximation.
        0xF7 => None,
        0xC0..=0xFF => LATIN1.get((cp - 0xC0) as usize).copied(),
        0x100..=0x17E => EXT_A.get((cp - 0x100) as usize).copied(),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// Escaping and sanitising
// ---------------------------------------------------------------------------

/// Bytes Addressable 2.8.1 keeps in a path (RFC 3986 `pchar` and `/`).
fn keep_in_path(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b)
}

/// Bytes kept in a query or a fragment: a path's and `?`.
fn keep_in_query(b: u8) -> bool {
    keep_in_path(b) || b == b'?'
}

/// Bytes kept in an authority: `pchar` and `[`, `]`.
fn keep_in_authority(b: u8) -> bool {
    (keep_in_path(b) && b != b'/') || b == b'[' || b == b']'
}

fn percent_encode(s: &str, keep: fn(u8) -> bool, out: &mut String) {
    for &b in s.as_bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// Schemes Addressable 2.8.1 calls "IP based": one with no host and no path
/// is rejected.
const IP_BASED_SCHEMES: [&str; 13] = [
    "http", "https", "ftp", "tftp", "sftp", "ssh", "svn+ssh", "telnet", "nntp", "gopher", "wais",
    "ldap", "prospero",
];

/// `Jekyll::URL.escape_path` (Jekyll 4.3.1): a value is kept as it is when
/// it is empty or one of its lines is made only of `[a-zA-Z0-9./-]`;
/// otherwise Addressable 2.8.1 parses it as a URI (text before the first `:`
/// that precedes any `/?#` is a scheme, `//` starts an authority, `?` a
/// query, `#` a fragment) and percent-encodes each part (UTF-8 bytes, upper
/// case hex) but RFC 3986's `pchar` and `/` (and `?` in query and fragment);
/// then the first `#` becomes `%23`. So `a b` → `a%20b`, `a?b c` → `a?b%20c`,
/// `%41` → `%2541`, `é` → `%C3%A9`.
pub fn escape_path(s: &str) -> Result<String, UrlError> {
    if s.is_empty()
        || s.split('\n').any(|line| {
            !line.is_empty()
                && line
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/' || b == b'-')
        })
    {
        return Ok(s.to_string());
    }
    if s.contains('\n') {
        return Err(UrlError::Unsupported(
            "a URL value with a line break that needs escaping".to_string(),
        ));
    }
    // RFC 3986's regular expression, as Addressable's parser uses it.
    let mut rest = s;
    let mut scheme = None;
    if let Some(colon) = rest.find(':') {
        let head = &rest[..colon];
        if !head.is_empty() && !head.contains(['/', '?', '#']) {
            scheme = Some(head);
            rest = &rest[colon + 1..];
        }
    }
    let mut authority = None;
    if let Some(after) = rest.strip_prefix("//") {
        let end = after.find(['/', '?', '#']).unwrap_or(after.len());
        authority = Some(&after[..end]);
        rest = &after[end..];
    }
    let path_end = rest.find(['?', '#']).unwrap_or(rest.len());
    let path = &rest[..path_end];
    rest = &rest[path_end..];
    let mut query = None;
    if let Some(after) = rest.strip_prefix('?') {
        let end = after.find('#').unwrap_or(after.len());
        query = Some(&after[..end]);
        rest = &after[end..];
    }
    let fragment = rest.strip_prefix('#');

    if let Some(scheme) = scheme {
        let mut bytes = scheme.bytes();
        let valid = bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
            && bytes.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
        if !valid {
            return Err(UrlError::InvalidScheme(scheme.to_string()));
        }
        let ip_based = IP_BASED_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str());
        if ip_based && authority.is_none_or(str::is_empty) && path.is_empty() {
            return Err(UrlError::MissingHierarchicalSegment(format!("{scheme}:")));
        }
    }
    if let Some(host) = authority {
        if host.contains(['@', ':', '[', ']']) || !host.is_ascii() {
            return Err(UrlError::Unsupported(format!(
                "a URL value starting with `//{host}`"
            )));
        }
        if host
            .bytes()
            .any(|b| b"<>{}\\\"".contains(&b) || b.is_ascii_whitespace() || b == 0x0B)
        {
            return Err(UrlError::InvalidHost(host.to_string()));
        }
    }

    let mut out = String::with_capacity(s.len() + 8);
    if let Some(scheme) = scheme {
        out.push_str(scheme);
        out.push(':');
    }
    if let Some(host) = authority {
        out.push_str("//");
        percent_encode(host, keep_in_authority, &mut out);
    }
    percent_encode(path, keep_in_path, &mut out);
    if let Some(query) = query {
        out.push('?');
        percent_encode(query, keep_in_query, &mut out);
    }
    if let Some(fragment) = fragment {
        out.push('#');
        percent_encode(fragment, keep_in_query, &mut out);
    }
    Ok(match out.find('#') {
        Some(i) => format!("{}%23{}", &out[..i], &out[i + 1..]),
        None => out,
    })
}

/// `Jekyll::URL#sanitize_url` (Jekyll 4.3.1): prefix `/`, turn every `..`
/// into `/`, delete every `./`, squeeze runs of `/`. A trailing slash stays.
pub fn sanitize_url(s: &str) -> String {
    let dotted = format!("/{s}").replace("..", "/").replace("./", "");
    let mut out = String::with_capacity(dotted.len());
    for c in dotted.chars() {
        if c == '/' && out.ends_with('/') {
            continue;
        }
        out.push(c);
    }
    out
}

/// `Jekyll::URL.unescape_path` (Addressable's `unencode`): every `%HH`
/// becomes its byte; other `%` stay. Bytes that are not UTF-8 become U+FFFD
/// here (Ruby keeps them raw in the file name).
pub fn unescape_path(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| char::from(b).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// A post's date as civil fields in the site's time zone (what Ruby's
/// `Time#strftime` reads). Fields are taken as given: the caller validates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Civil {
    pub year: i32,
    /// 1..=12
    pub month: u8,
    /// 1..=31
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// `%Y`-style year: at least four digits, `-` before negative years.
fn four_digit_year(year: i64) -> String {
    if year < 0 {
        format!("-{:04}", -year)
    } else {
        format!("{year:04}")
    }
}

impl Civil {
    /// ISO weekday, 1 (Monday) ..= 7 (Sunday): `%u`.
    pub fn weekday(&self) -> u8 {
        let days = days_from_civil(self.year, self.month, self.day);
        // 1970-01-01 was a Thursday (4).
        ((days + 3).rem_euclid(7) + 1) as u8
    }

    /// Day of the year, 1..=366: `%j`.
    pub fn ordinal(&self) -> u16 {
        (days_from_civil(self.year, self.month, self.day) - days_from_civil(self.year, 1, 1) + 1)
            as u16
    }

    /// ISO 8601 week-numbering year and week: `%G`, `%V`.
    pub fn iso_week(&self) -> (i64, u8) {
        let y = i64::from(self.year);
        let weeks_in = |y: i64| {
            let jan1 = Civil {
                year: y as i32,
                month: 1,
                day: 1,
                ..Civil::default()
            }
            .weekday();
            if jan1 == 4 || (jan1 == 3 && is_leap(y as i32)) {
                53
            } else {
                52
            }
        };
        let week = (i64::from(self.ordinal()) - i64::from(self.weekday()) + 10) / 7;
        if week < 1 {
            (y - 1, weeks_in(y - 1))
        } else if week > i64::from(weeks_in(y)) {
            (y + 1, 1)
        } else {
            (y, week as u8)
        }
    }

    fn month_name(&self) -> &'static str {
        LONG_MONTHS
            .get(usize::from(self.month).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    }

    fn day_name(&self) -> &'static str {
        // `weekday` counts Monday 1 to Sunday 7; the names start on Sunday.
        LONG_DAYS
            .get(usize::from(self.weekday()) % 7)
            .copied()
            .unwrap_or("")
    }
}

// ---------------------------------------------------------------------------
// Permalink styles and templates
// ---------------------------------------------------------------------------

/// The kind of thing a URL is computed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// A document in `_posts`.
    Post,
    /// A document of another collection with `output: true`.
    CollectionDocument,
    /// A page: any other file with front matter.
    Page,
}

/// The built-in permalink styles of Jekyll 4.3.1 (`STYLE_TO_PERMALINK`) and
/// the post template each stands for.
pub const BUILTIN_STYLES: [(&str, &str); 5] = [
    ("none", "/:categories/:title:output_ext"),
    ("date", "/:categories/:year/:month/:day/:title:output_ext"),
    ("ordinal", "/:categories/:year/:y_day/:title:output_ext"),
    ("pretty", "/:categories/:year/:month/:day/:title/"),
    (
        "weekdate",
        "/:categories/:year/W:week/:short_day/:title:output_ext",
    ),
];

/// The site's `permalink` when `_config.yml` sets none (Jekyll 4.3.1).
pub const DEFAULT_PERMALINK: &str = "date";

/// The URL template a site's `permalink` setting gives each kind (Jekyll
/// 4.3.1). `site_permalink` is the `permalink` value (`date` by default).
///
/// - Posts: the built-in style's pattern, or the setting itself as a custom
///   pattern (a posts collection's own `permalink` wins: pass it instead).
/// - Other collections: `/:collection/:path` plus the style's suffix (below).
/// - Pages: not here, see [`page_template`].
///
/// The suffix (`Utils.add_permalink_suffix`): `pretty` adds `/`; `date`,
/// `ordinal`, `none` add `:output_ext`; `weekdate` adds nothing; a custom
/// pattern adds `/` if it ends with `/`, then `:output_ext` if it ends with
/// `:output_ext`.
pub fn style(site_permalink: &str, kind: DocKind) -> String {
    match kind {
        DocKind::Post => builtin_style(site_permalink)
            .unwrap_or(site_permalink)
            .to_string(),
        DocKind::CollectionDocument => add_permalink_suffix("/:collection/:path", site_permalink),
        DocKind::Page => add_permalink_suffix("/:path/:basename", site_permalink),
    }
}

/// The pattern of a built-in style name, if it is one.
pub fn builtin_style(name: &str) -> Option<&'static str> {
    BUILTIN_STYLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, pattern)| *pattern)
}

/// `Utils.add_permalink_suffix(template, style)` of Jekyll 4.3.1.
pub fn add_permalink_suffix(template: &str, site_permalink: &str) -> String {
    let mut t = template.to_string();
    match site_permalink {
        "pretty" => t.push('/'),
        "date" | "ordinal" | "none" => t.push_str(":output_ext"),
        custom => {
            if custom.ends_with('/') {
                t.push('/');
            }
            if custom.ends_with(":output_ext") {
                t.push_str(":output_ext");
            }
        }
    }
    t
}

/// A collection's URL template (`Collection#url_template`): its own
/// `permalink` (a pattern; built-in style names are not expanded there),
/// else [`style`] for its kind. For `posts`, a missing collection
/// `permalink` takes the site's style pattern.
pub fn collection_template(
    label: &str,
    collection_permalink: Option<&str>,
    site_permalink: &str,
) -> String {
    match collection_permalink {
        Some(p) => p.to_string(),
        None if label == "posts" => style(site_permalink, DocKind::Post),
        None => style(site_permalink, DocKind::CollectionDocument),
    }
}

/// Output extensions Jekyll 4.3.1 treats as HTML (`Page::HTML_EXTENSIONS`).
pub const HTML_EXTENSIONS: [&str; 3] = [".html", ".xhtml", ".htm"];

/// A page's URL template (`Page#template`, Jekyll 4.3.1): not HTML →
/// `/:path/:basename:output_ext`; `index` → `/:path/`; else
/// `/:path/:basename` with the site style's suffix.
pub fn page_template(site_permalink: &str, basename: &str, output_ext: &str) -> String {
    if !HTML_EXTENSIONS.contains(&output_ext) {
        "/:path/:basename:output_ext".to_string()
    } else if basename == "index" {
        "/:path/".to_string()
    } else {
        style(site_permalink, DocKind::Page)
    }
}

/// The extensions Jekyll's Markdown converter takes by default
/// (`markdown_ext: "markdown,mkdown,mkdn,mkd,md"`).
pub const DEFAULT_MARKDOWN_EXT: &str = "markdown,mkdown,mkdn,mkd,md";

/// `Renderer#output_ext` (Jekyll 4.3.1): the extension of a front matter
/// `permalink` that does not end in `/` (`File.extname`: `/feed.json` →
/// `.json`, `/a.` → `.`); else the converter's: Markdown (`markdown_ext`,
/// case-insensitive) → `.html`, Sass (`.scss`, `.sass`) → `.css`, anything
/// else keeps its own extension. `markdown_ext` is the comma-separated
/// config value.
pub fn output_ext(source_ext: &str, permalink: Option<&str>, markdown_ext: &str) -> String {
    if let Some(p) = permalink.filter(|p| !p.ends_with('/')) {
        let ext = extname(p);
        if !ext.is_empty() {
            return ext.to_string();
        }
    }
    let lower = source_ext.to_lowercase();
    if markdown_ext
        .split(',')
        .any(|e| lower == format!(".{}", e.to_lowercase()))
    {
        ".html".to_string()
    } else if lower == ".scss" || lower == ".sass" {
        ".css".to_string()
    } else {
        source_ext.to_string()
    }
}

/// Ruby's `File.extname` (Linux, Ruby 3.1): the last `.suffix` of the last
/// path segment (trailing `/` ignored), not counting leading dots; a
/// trailing `.` is `.`.
pub fn extname(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    let name = trimmed.rsplit('/').next().unwrap_or(trimmed);
    let body_start = name.len() - name.trim_start_matches('.').len();
    let body = &name[body_start..];
    match body.rfind('.') {
        Some(i) => &body[i..],
        None => "",
    }
}

// ---------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------

/// The placeholders of a page (`Page#url_placeholders`, Jekyll 4.3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PagePlaceholders<'a> {
    /// `:path`: the page's folder as Jekyll reads it, `""` at the root,
    /// else `/`-led (`/docs/guide`).
    pub path: &'a str,
    /// `:basename`: the file name without its extension and trailing dots.
    pub basename: &'a str,
    /// `:output_ext`, see [`output_ext`].
    pub output_ext: &'a str,
}

/// `Page#process` (Jekyll 4.3.1): a page file name's basename (without
/// `File.extname`, then without trailing dots) and extension.
pub fn page_name_parts(name: &str) -> (&str, &str) {
    let ext = extname(name);
    let basename = name.strip_suffix(ext).unwrap_or(name).trim_end_matches('.');
    (basename, ext)
}

/// Expands a page template or permalink (`URL#generate_url_from_hash`,
/// Jekyll 4.3.1): `:path`, then `:basename`, then `:output_ext` are
/// replaced, in that order, as plain substrings (`:pathology` is `:path` +
/// `ology`), each value escaped (and each escaped while the text still has
/// a `:`, used or not); any other `:name` stays as written. The result is
/// not sanitised.
pub fn expand_page(template: &str, p: &PagePlaceholders) -> Result<String, UrlError> {
    let mut result = template.to_string();
    for (key, value) in [
        (":path", p.path),
        (":basename", p.basename),
        (":output_ext", p.output_ext),
    ] {
        if !result.contains(':') {
            break;
        }
        // Ruby escapes the value before looking for the key: a value
        // Addressable rejects fails the build even when unused.
        let escaped = escape_path(value)?;
        result = result.replace(key, &escaped);
    }
    Ok(result)
}

/// A page's URL (`Page#url`, Jekyll 4.3.1): its front matter `permalink`
/// when set (expanded as [`expand_page`] does, even when empty: `""` is
/// `/`), else [`page_template`]; then [`sanitize_url`]. A permalink is taken
/// as written: `/about` stays `/about` (written to `about.html`), `/about/`
/// is a folder.
pub fn page_url_from(
    p: &PagePlaceholders,
    site_permalink: &str,
    permalink: Option<&str>,
) -> Result<String, UrlError> {
    let template = match permalink {
        Some(permalink) => permalink.to_string(),
        None => page_template(site_permalink, p.basename, p.output_ext),
    };
    Ok(sanitize_url(&expand_page(&template, p)?))
}

/// The URL of the page at `relative_path` (from the site source, `/`
/// separated): `about.md` → `/about.html`, `docs/index.md` → `/docs/`,
/// `feed.xml` → `/feed.xml`, and `/about/` under `permalink: pretty`.
/// `markdown_ext` is the config value ([`DEFAULT_MARKDOWN_EXT`]).
pub fn page_url(
    relative_path: &str,
    site_permalink: &str,
    permalink: Option<&str>,
    markdown_ext: &str,
) -> Result<String, UrlError> {
    let (dir, name) = match relative_path.rfind('/') {
        Some(i) => (&relative_path[..i], &relative_path[i + 1..]),
        None => ("", relative_path),
    };
    let dir = if dir.is_empty() {
        String::new()
    } else {
        format!("/{dir}")
    };
    let (basename, ext) = page_name_parts(name);
    let out_ext = output_ext(ext, permalink, markdown_ext);
    let p = PagePlaceholders {
        path: &dir,
        basename,
        output_ext: &out_ext,
    };
    page_url_from(&p, site_permalink, permalink)
}

// ---------------------------------------------------------------------------
// Documents (posts and collections)
// ---------------------------------------------------------------------------

/// What a document's URL placeholders are computed from (`Drops::UrlDrop`,
/// Jekyll 4.3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentPlaceholders<'a> {
    /// `:collection`: the collection's label (`posts` for posts).
    pub collection: &'a str,
    /// `:path`: [`cleaned_relative_path`].
    pub path: &'a str,
    /// [`document_basename_without_ext`]; `:name` is its default slug;
    /// `:title`/`:slug` fall back to it.
    pub basename_without_ext: &'a str,
    /// The document's `slug` data: front matter `slug`, else what Jekyll
    /// derives from the file name ([`document_slug`]).
    pub slug: Option<&'a str>,
    /// The document's final `categories` (front matter `category` and
    /// `categories`, and the folders above `_posts`), in order.
    pub categories: &'a [String],
    /// The document's date, civil fields in the site's zone.
    pub date: Civil,
    /// `:output_ext`, see [`output_ext`].
    pub output_ext: &'a str,
}

/// Every placeholder a document's permalink may use in Jekyll 4.3.1.
pub const DOCUMENT_PLACEHOLDERS: [&str; 25] = [
    "collection",
    "path",
    "name",
    "title",
    "slug",
    "categories",
    "slugified_categories",
    "output_ext",
    "year",
    "short_year",
    "month",
    "i_month",
    "short_month",
    "long_month",
    "day",
    "i_day",
    "y_day",
    "w_year",
    "week",
    "w_day",
    "short_day",
    "long_day",
    "hour",
    "minute",
    "second",
];

/// Names the URL drop answers only because they are Ruby methods of it;
/// what Jekyll writes for them is not modelled.
const RUBY_METHOD_NAMES: &str = "\
    __id__ __send__ chain chunk chunk_while class clone collect \
    collect_concat compact content_methods count cycle \
    define_singleton_method detect display drop drop_while dup each each_cons \
    each_entry each_key each_slice each_with_index each_with_object entries \
    enum_for extend fetch filter filter_map find find_all find_index first \
    flat_map freeze grep grep_v group_by hash hash_for_json inject inspect \
    instance_eval instance_exec instance_variable_get instance_variable_set \
    instance_variables invoke_drop itself keys lazy liquid_method_missing map \
    max max_by merge method methods min min_by minmax minmax_by object_id \
    partition private_methods protected_methods public_method public_methods \
    public_send reduce reject remove_instance_variable reverse_each select \
    send singleton_class singleton_method singleton_methods slice_after \
    slice_before slice_when sort sort_by sum taint take take_while tally tap \
    then to_a to_enum to_h to_hash to_json to_liquid to_s to_set to_yaml \
    trust uniq untaint untrust yield_self zip";

/// The value of one document placeholder, unescaped (`Drops::UrlDrop`,
/// Jekyll 4.3.1); `None` for a name it does not know.
///
/// `:title` is the `pretty` slug of `slug` (case kept), `:slug` and `:name`
/// the `default` slugs of `slug` and of the file name; `:categories` joins
/// the distinct lower-cased categories with `/` (not slugified: spaces are
/// escaped later), `:slugified_categories` their distinct `default` slugs.
pub fn document_placeholder(name: &str, p: &DocumentPlaceholders) -> Option<String> {
    let d = &p.date;
    let year = i64::from(d.year);
    Some(match name {
        "collection" => p.collection.to_string(),
        "path" => p.path.to_string(),
        "output_ext" => p.output_ext.to_string(),
        "name" => slugify(p.basename_without_ext, SlugMode::Default, false),
        "title" => slugify(
            p.slug.unwrap_or(p.basename_without_ext),
            SlugMode::Pretty,
            true,
        ),
        "slug" => slugify(
            p.slug.unwrap_or(p.basename_without_ext),
            SlugMode::Default,
            false,
        ),
        "categories" => distinct(p.categories.iter().map(|c| downcase(c))).join("/"),
        "slugified_categories" => distinct(
            p.categories
                .iter()
                .map(|c| slugify(c, SlugMode::Default, false)),
        )
        .join("/"),
        "year" => four_digit_year(year),
        "short_year" => format!("{:02}", year.rem_euclid(100)),
        "month" => format!("{:02}", d.month),
        "i_month" => d.month.to_string(),
        "short_month" => d.month_name().chars().take(3).collect(),
        "long_month" => d.month_name().to_string(),
        "day" => format!("{:02}", d.day),
        "i_day" => d.day.to_string(),
        "y_day" => format!("{:03}", d.ordinal()),
        "w_year" => four_digit_year(d.iso_week().0),
        "week" => format!("{:02}", d.iso_week().1),
        "w_day" => d.weekday().to_string(),
        "short_day" => d.day_name().chars().take(3).collect(),
        "long_day" => d.day_name().to_string(),
        "hour" => format!("{:02}", d.hour),
        "minute" => format!("{:02}", d.minute),
        "second" => format!("{:02}", d.second),
        _ => return None,
    })
}

/// Ruby's `Set#to_a` over an iterator: first occurrences, in order.
fn distinct(items: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

static PLACEHOLDER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r":([a-z_]+)").expect("static regex: placeholder"));

/// Expands a document's template or permalink (`URL#generate_url_from_drop`,
/// Jekyll 4.3.1): each `:name` (lower-case letters and `_`, longest run) is
/// replaced by its escaped value; a name ending in `_` drops that one `_`
/// first and keeps it after the value (`:month_:day` → `03_09`). An unknown
/// name fails the build ([`UrlError::UnknownPlaceholder`]). Not sanitised.
pub fn expand_document(template: &str, p: &DocumentPlaceholders) -> Result<String, UrlError> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut last = 0;
    for caps in PLACEHOLDER.captures_iter(template) {
        let (Some(whole), Some(name)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        out.push_str(&template[last..whole.start()]);
        last = whole.end();
        let name = name.as_str();
        let (key, kept) = match name.strip_suffix('_') {
            Some(key) => (key, "_"),
            None => (name, ""),
        };
        match document_placeholder(key, p) {
            Some(value) => {
                out.push_str(&escape_path(&value)?);
                out.push_str(kept);
            }
            None if RUBY_METHOD_NAMES.split_ascii_whitespace().any(|m| m == key) => {
                return Err(UrlError::Unsupported(format!(
                    "`:{key}` in a permalink names a Ruby method of Jekyll's URL drop"
                )));
            }
            None => return Err(UrlError::UnknownPlaceholder(key.to_string())),
        }
    }
    out.push_str(&template[last..]);
    Ok(out)
}

/// A document's URL (`Document#url`, Jekyll 4.3.1): its front matter
/// `permalink` when set, else the collection's `template`
/// ([`collection_template`]), expanded as [`expand_document`] does, then
/// [`sanitize_url`]. A front matter permalink uses the same placeholders.
pub fn document_url(
    template: &str,
    permalink: Option<&str>,
    p: &DocumentPlaceholders,
) -> Result<String, UrlError> {
    Ok(sanitize_url(&expand_document(
        permalink.unwrap_or(template),
        p,
    )?))
}

/// `Document#cleaned_relative_path` (Jekyll 4.3.1), the value of `:path`:
/// the relative path without its last extension, with the first occurrence
/// of the collection's folder (`_posts`, `_recipes`) removed (anywhere in
/// the path, as Ruby's `sub` does), then without trailing dots.
/// `_posts/2020-01-02-a.md` → `/2020-01-02-a`.
pub fn cleaned_relative_path(relative_path: &str, collection_dir: &str) -> String {
    let ext = extname(relative_path);
    let stem = relative_path.strip_suffix(ext).unwrap_or(relative_path);
    let removed = match stem.find(collection_dir) {
        Some(i) if !collection_dir.is_empty() => {
            format!("{}{}", &stem[..i], &stem[i + collection_dir.len()..])
        }
        _ => stem.to_string(),
    };
    removed.trim_end_matches('.').to_string()
}

/// `File.basename(path, ".*")`: the file name without its last extension.
pub fn basename_without_ext(relative_path: &str) -> &str {
    let name = relative_path.rsplit('/').next().unwrap_or(relative_path);
    name.strip_suffix(extname(name)).unwrap_or(name)
}

static DATED_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{2,4}-[0-9]{1,2}-[0-9]{1,2})-([^/]*)(\.[^.]+)$")
        .expect("static regex: dated file name")
});

/// How Jekyll 4.3.1 reads a document's relative path
/// (`Document#populate_title`'s two patterns).
enum NameMatch<'a> {
    /// `DATE_FILENAME_MATCHER`: date text and slug.
    Dated(&'a str, &'a str),
    /// `DATELESS_FILENAME_MATCHER`: slug.
    Dateless(&'a str),
    /// Neither: the slug is `basename_without_ext`.
    Neither,
}

fn match_name(relative_path: &str) -> NameMatch<'_> {
    // The date must start the path or follow its last `/` (an atomic group
    // in Jekyll's pattern); the extension is the text after the last `.`.
    let last = match relative_path.rfind('/') {
        Some(i) if i > 0 => &relative_path[i + 1..],
        _ => relative_path,
    };
    for candidate in [relative_path, last] {
        if let Some(c) = DATED_NAME.captures(candidate)
            && let (Some(date), Some(slug)) = (c.get(1), c.get(2))
        {
            return NameMatch::Dated(date.as_str(), slug.as_str());
        }
    }
    // `^(?:.+/)*(.*)(\.[^.]+)$` over the whole path: the extension may hold
    // a `/` (`v1.2/readme` has `.2/readme`), the slug follows the last `/`
    // before it.
    match relative_path.rfind('.') {
        Some(dot) if dot + 1 < relative_path.len() => {
            let stem = &relative_path[..dot];
            match stem.rfind('/') {
                Some(i) if i > 0 => NameMatch::Dateless(&stem[i + 1..]),
                _ => NameMatch::Dateless(stem),
            }
        }
        _ => NameMatch::Neither,
    }
}

/// The date text and `slug` Jekyll 4.3.1 derives from a document's
/// relative path (`Document#populate_title`), used when the front matter
/// has no `slug`: `_posts/2020-01-02-hello.md` → (`Some("2020-01-02")`,
/// `hello`); without the date prefix, the text between the last `/` and the
/// last `.` of the path (`_recipes/v1.2/readme` → `v1`); with no `.` at all,
/// [`basename_without_ext`]; then trailing dots dropped. Every collection's
/// documents get this, not only posts.
pub fn document_slug(relative_path: &str) -> (Option<&str>, String) {
    let (date, slug) = match match_name(relative_path) {
        NameMatch::Dated(date, slug) => (Some(date), slug),
        NameMatch::Dateless(slug) => (None, slug),
        NameMatch::Neither => (None, basename_without_ext(relative_path)),
    };
    (date, slug.trim_end_matches('.').to_string())
}

/// A document's `basename_without_ext` as Jekyll 4.3.1 has it after
/// reading (the value behind `:name`): [`basename_without_ext`], except
/// that when the slug fell back to it, the trailing dots Jekyll strips from
/// the slug are stripped from it too (the two are one Ruby string):
/// `_recipes/trailing..` → `trailing`.
pub fn document_basename_without_ext(relative_path: &str) -> &str {
    let base = basename_without_ext(relative_path);
    match match_name(relative_path) {
        NameMatch::Neither => base.trim_end_matches('.'),
        _ => base,
    }
}

// ---------------------------------------------------------------------------
// Destinations and redirects
// ---------------------------------------------------------------------------

/// Who writes the file: pages and documents differ for URLs ending in `/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Writer {
    /// `Page#destination` (also redirect pages).
    Page,
    /// `Document#destination` (posts and collection documents).
    Document,
}

/// The output file (relative to the destination folder, `/`-separated, no
/// leading `/`) Jekyll 4.3.1 writes for `url`: the URL unescaped, `.` and
/// `..` segments resolved (`File.expand_path`), then a URL ending in `/`
/// gets `index` + `output_ext` (a page) or `index.html` (a document);
/// otherwise `output_ext` is appended unless the path already ends with it:
/// `/a` → `a.html`, `/a.html` → `a.html`, `/feed.xml` with `.xml` →
/// `feed.xml`. The site root is `index.html`.
pub fn destination(url: &str, output_ext: &str, writer: Writer) -> String {
    let unescaped = unescape_path(url);
    let mut segments: Vec<&str> = Vec::new();
    for segment in unescaped.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut path = segments.join("/");
    if url.ends_with('/') {
        if !path.is_empty() {
            path.push('/');
        }
        match writer {
            Writer::Page => {
                path.push_str("index");
                if !path.ends_with(output_ext) {
                    path.push_str(output_ext);
                }
            }
            Writer::Document => path.push_str("index.html"),
        }
    } else if !path.ends_with(output_ext) {
        path.push_str(output_ext);
    }
    path
}

/// The URL of the redirect page a `redirect_from` entry makes
/// (jekyll-redirect-from 0.16.0): a page `redirect.html` at the site root
/// whose permalink is the entry with a leading `/` added, so the entry is
/// taken as written (`old` and `/old` are `/old`, `/old/` a folder) and
/// may use `:basename` (`redirect`) and `:output_ext` (the entry's
/// extension, else `.html`).
pub fn redirect_from_url(entry: &str) -> Result<String, UrlError> {
    let permalink = if entry.is_empty() || entry.starts_with('/') {
        entry.to_string()
    } else {
        format!("/{entry}")
    };
    let out_ext = redirect_output_ext(&permalink);
    let p = PagePlaceholders {
        path: "",
        basename: "redirect",
        output_ext: &out_ext,
    };
    page_url_from(&p, DEFAULT_PERMALINK, Some(&permalink))
}

/// A redirect page's output extension: the entry's own (`/feed.xml` →
/// `.xml`), else `.html` (the page's name is `redirect.html`).
fn redirect_output_ext(permalink: &str) -> String {
    output_ext(".html", Some(permalink), DEFAULT_MARKDOWN_EXT)
}

/// The file a `redirect_from` entry writes (jekyll-redirect-from 0.16.0):
/// `/old` → `old.html`, `/old/` → `old/index.html`, `/old.html` →
/// `old.html`, `/feed.xml` → `feed.xml` (an entry's extension is the
/// redirect page's output extension), `""` → `index.html` (the home page is
/// overwritten). A `redirect_to` writes no file of its own: the
/// page keeps its URL and its content becomes the redirect. The plugin also
/// writes `redirects.json` unless `redirect_from: {json: false}` or the
/// source has one.
pub fn redirect_from_destination(entry: &str) -> Result<String, UrlError> {
    let url = redirect_from_url(entry)?;
    let out_ext = redirect_output_ext(&url);
    Ok(destination(&url, &out_ext, Writer::Page))
}

#[cfg(test)]
mod tests {
    //! Expected values are what Jekyll 4.3.1 (Ruby 3.1, Addressable 2.8.1,
    //! jekyll-redirect-from 0.16.0) answers for the same inputs, by
    //! `ruby -rjekyll -e` or by `jekyll build`.

    use super::*;

    fn civil(year: i32, month: u8, day: u8) -> Civil {
        Civil {
            year,
            month,
            day,
            ..Civil::default()
        }
    }

    #[test]
    fn slugify_every_mode_like_jekyll() {
        let s = "The _config.yml file?";
        let cases = [
            (
                SlugMode::Raw,
                "the-_config.yml-file?",
                "The-_config.yml-file?",
            ),
            (
                SlugMode::Default,
                "the-config-yml-file",
                "The-config-yml-file",
            ),
            (
                SlugMode::Pretty,
                "the-_config.yml-file",
                "The-_config.yml-file",
            ),
            (
                SlugMode::Ascii,
                "the-config-yml-file",
                "The-config-yml-file",
            ),
            (
                SlugMode::Latin,
                "the-config-yml-file",
                "The-config-yml-file",
            ),
            (
                SlugMode::None,
                "the _config.yml file?",
                "The _config.yml file?",
            ),
        ];
        for (mode, lower, cased) in cases {
            assert_eq!(slugify(s, mode, false), lower, "{mode:?}");
            assert_eq!(slugify(s, mode, true), cased, "{mode:?} cased");
        }
    }

    #[test]
    fn slugify_unicode_and_edges_like_jekyll() {
        let s = "--Hello  Wörld_é.txt & Ünïcødé!! 日本 --";
        assert_eq!(
            slugify(s, SlugMode::Default, false),
            "hello-wörld-é-txt-ünïcødé-日本"
        );
        assert_eq!(
            slugify(s, SlugMode::Pretty, false),
            "hello-wörld_é.txt-&-ünïcødé!!-日本"
        );
        assert_eq!(
            slugify(s, SlugMode::Raw, false),
            "-hello-wörld_é.txt-&-ünïcødé!!-日本--"
        );
        assert_eq!(slugify(s, SlugMode::Ascii, false), "hello-w-rld-txt-n-c-d");
        assert_eq!(
            slugify(s, SlugMode::Latin, false),
            "hello-world-e-txt-unicode"
        );
        assert_eq!(
            slugify("Café ÆØ ÷ 日本", SlugMode::Latin, false),
            "cafe-aeo"
        );
        // One hyphen is dropped at each end, not all of them.
        assert_eq!(slugify("--a--", SlugMode::Raw, false), "-a-");
        // Ruby's downcase has no final-sigma rule.
        assert_eq!(slugify("ΣΑΣ", SlugMode::Default, false), "σασ");
        assert_eq!(slugify("", SlugMode::Default, false), "");
        assert_eq!(SlugMode::from_name(Some("bogus")), SlugMode::None);
        assert_eq!(SlugMode::from_name(None), SlugMode::Default);
    }

    #[test]
    fn escape_path_like_jekyll() {
        let ok = |s: &str| escape_path(s).expect(s);
        assert_eq!(ok(""), "");
        assert_eq!(ok("/a/b.c-d"), "/a/b.c-d");
        assert_eq!(ok("a b"), "a%20b");
        assert_eq!(ok("é"), "%C3%A9");
        assert_eq!(ok("%41"), "%2541");
        assert_eq!(ok("a?b"), "a?b");
        assert_eq!(ok("a#b#c"), "a%23b%23c");
        assert_eq!(ok("/a b/c?d#e"), "/a%20b/c?d%23e");
        assert_eq!(ok("a[b]"), "a%5Bb%5D");
        assert_eq!(ok("a:b"), "a:b");
        assert_eq!(ok("mailto:x y"), "mailto:x%20y");
        assert_eq!(ok("//x/y"), "//x/y");
        assert_eq!(ok("\"<>\\^`{|}"), "%22%3C%3E%5C%5E%60%7B%7C%7D");
        // A line of safe characters keeps the whole value as it is.
        assert_eq!(ok("a\nb c"), "a\nb c");
        assert_eq!(
            escape_path("1a:b"),
            Err(UrlError::InvalidScheme("1a".into()))
        );
        assert_eq!(
            escape_path("http:"),
            Err(UrlError::MissingHierarchicalSegment("http:".into()))
        );
        assert_eq!(
            escape_path("//a b/c"),
            Err(UrlError::InvalidHost("a b".into()))
        );
        assert!(matches!(
            escape_path("a b\nc d"),
            Err(UrlError::Unsupported(_))
        ));
    }

    #[test]
    fn sanitize_and_unescape_like_jekyll() {
        assert_eq!(sanitize_url("/a/../b/./c//d/"), "/a/b/c/d/");
        assert_eq!(sanitize_url(""), "/");
        assert_eq!(sanitize_url("about"), "/about");
        assert_eq!(unescape_path("/a%20b%2f%C3%A9%zz"), "/a b/é%zz");
    }

    #[test]
    fn dates_like_strftime() {
        let d = civil(2021, 1, 3);
        assert_eq!((d.iso_week(), d.weekday(), d.ordinal()), ((2020, 53), 7, 3));
        let d = civil(2026, 12, 28);
        assert_eq!(
            (d.iso_week(), d.weekday(), d.ordinal()),
            ((2026, 53), 1, 362)
        );
        let d = civil(2020, 12, 31);
        assert_eq!(
            (d.iso_week(), d.weekday(), d.ordinal()),
            ((2020, 53), 4, 366)
        );
        assert_eq!(four_digit_year(5), "0005");
        assert_eq!(four_digit_year(-1), "-0001");
    }

    #[test]
    fn styles_and_templates() {
        assert_eq!(
            style("date", DocKind::Post),
            "/:categories/:year/:month/:day/:title:output_ext"
        );
        assert_eq!(style("pretty", DocKind::Page), "/:path/:basename/");
        assert_eq!(style("date", DocKind::Page), "/:path/:basename:output_ext");
        // `weekdate` adds no suffix: pages and collections get `/about`.
        assert_eq!(style("weekdate", DocKind::Page), "/:path/:basename");
        assert_eq!(
            style("weekdate", DocKind::CollectionDocument),
            "/:collection/:path"
        );
        assert_eq!(style("/:year/:title/", DocKind::Page), "/:path/:basename/");
        assert_eq!(
            collection_template("notes", Some("/n/:title/"), "pretty"),
            "/n/:title/"
        );
        assert_eq!(page_template("pretty", "index", ".html"), "/:path/");
        assert_eq!(
            page_template("pretty", "feed", ".xml"),
            "/:path/:basename:output_ext"
        );
    }

    #[test]
    fn page_urls_like_jekyll_build() {
        let md = DEFAULT_MARKDOWN_EXT;
        let url = |path: &str, style: &str, permalink: Option<&str>| {
            page_url(path, style, permalink, md).expect(path)
        };
        assert_eq!(url("about.md", "date", None), "/about.html");
        assert_eq!(url("about.md", "pretty", None), "/about/");
        assert_eq!(url("about.md", "weekdate", None), "/about");
        assert_eq!(url("docs/index.md", "date", None), "/docs/");
        assert_eq!(url("index.html", "pretty", None), "/");
        assert_eq!(url("feed.xml", "pretty", None), "/feed.xml");
        assert_eq!(url("a.htm", "pretty", None), "/a/");
        assert_eq!(
            url("deep/er/Caps Page.MD", "date", None),
            "/deep/er/Caps%20Page.html"
        );
        assert_eq!(url("perma.md", "pretty", Some("/perma")), "/perma");
        assert_eq!(url("perma2.md", "date", Some("/perma2/")), "/perma2/");
        assert_eq!(
            url("based.md", "pretty", Some("/b/:basename:output_ext")),
            "/b/based.html"
        );
        // Plain substring replacement; unknown names stay.
        let p = PagePlaceholders {
            path: "/x",
            basename: "a",
            output_ext: ".html",
        };
        assert_eq!(
            page_url_from(&p, "date", Some("/:pathology/:nope/")),
            Ok("/xology/:nope/".to_string())
        );
        assert_eq!(page_url_from(&p, "date", Some("")), Ok("/".to_string()));
        assert_eq!(page_name_parts("a.b..md"), ("a.b", ".md"));
        assert_eq!(page_name_parts("noext"), ("noext", ""));
    }

    #[test]
    fn output_ext_like_jekyll() {
        let md = DEFAULT_MARKDOWN_EXT;
        assert_eq!(output_ext(".md", None, md), ".html");
        assert_eq!(output_ext(".MD", None, md), ".html");
        assert_eq!(output_ext(".scss", None, md), ".css");
        assert_eq!(output_ext(".xml", None, md), ".xml");
        assert_eq!(output_ext(".md", Some("/feed.json"), md), ".json");
        assert_eq!(output_ext(".md", Some("/feed.json/"), md), ".html");
        assert_eq!(extname("a."), ".");
        assert_eq!(extname(".htaccess"), "");
        assert_eq!(extname("/a.b/"), ".b");
    }

    fn post<'a>(categories: &'a [String], slug: Option<&'a str>) -> DocumentPlaceholders<'a> {
        DocumentPlaceholders {
            collection: "posts",
            path: "/2024-03-09-hello-world",
            basename_without_ext: "2024-03-09-hello-world",
            slug,
            categories,
            date: Civil {
                year: 2024,
                month: 3,
                day: 9,
                hour: 14,
                minute: 5,
                second: 7,
            },
            output_ext: ".html",
        }
    }

    #[test]
    fn document_urls_like_jekyll_build() {
        let cats = vec![
            "Rust".to_string(),
            "Web Dev".to_string(),
            "rust".to_string(),
        ];
        let p = post(&cats, Some("hello-world"));
        let url = |t: &str| document_url(t, None, &p);
        assert_eq!(
            url(&style("date", DocKind::Post)),
            Ok("/rust/web%20dev/2024/03/09/hello-world.html".to_string())
        );
        assert_eq!(
            url(&style("weekdate", DocKind::Post)),
            Ok("/rust/web%20dev/2024/W10/Sat/hello-world.html".to_string())
        );
        assert_eq!(
            url(&style("ordinal", DocKind::Post)),
            Ok("/rust/web%20dev/2024/069/hello-world.html".to_string())
        );
        assert_eq!(
            url("/:slugified_categories/:month_:day/:name"),
            Ok("/rust/web-dev/03_09/2024-03-09-hello-world".to_string())
        );
        assert_eq!(
            url("/:short_year/:i_month/:short_month/:long_month/:long_day/:hour:minute:second"),
            Ok("/24/3/Mar/March/Saturday/140507".to_string())
        );
        assert_eq!(
            url("/:nope/"),
            Err(UrlError::UnknownPlaceholder("nope".into()))
        );
        assert!(matches!(url("/:hash/"), Err(UrlError::Unsupported(_))));
        // Upper case is not a placeholder.
        assert_eq!(url("/:Title/"), Ok("/:Title/".to_string()));
        // `:title` keeps case (pretty slug of `slug`), `:slug` does not.
        let p = post(&[], Some("Custom Slug!"));
        assert_eq!(
            document_url("/:title/:slug/", None, &p),
            Ok("/Custom-Slug!/custom-slug/".to_string())
        );
        // A front matter permalink uses the same placeholders.
        assert_eq!(
            document_url("/ignored/", Some("/own/:title/"), &p),
            Ok("/own/Custom-Slug!/".to_string())
        );
    }

    #[test]
    fn document_names_like_jekyll() {
        assert_eq!(
            document_slug("_posts/2020-01-03-trailing.dots...md"),
            (Some("2020-01-03"), "trailing.dots".to_string())
        );
        assert_eq!(
            document_slug("_posts/2020-1-2-short-date.md"),
            (Some("2020-1-2"), "short-date".to_string())
        );
        assert_eq!(
            document_slug("_recipes/Pasta Carbonara.md"),
            (None, "Pasta Carbonara".to_string())
        );
        assert_eq!(document_slug("_recipes/noext"), (None, "noext".to_string()));
        // The extension Jekyll's pattern finds may span a `/`.
        assert_eq!(
            document_slug("_recipes/v1.2/readme"),
            (None, "v1".to_string())
        );
        assert_eq!(
            document_basename_without_ext("_recipes/v1.2/readme"),
            "readme"
        );
        assert_eq!(
            document_basename_without_ext("_recipes/trailing.."),
            "trailing"
        );
        assert_eq!(document_basename_without_ext("_recipes/x.y.."), "x.y");
        assert_eq!(
            cleaned_relative_path("news/_posts/2022-06-15-in-folder.md", "_posts"),
            "news//2022-06-15-in-folder"
        );
        assert_eq!(
            cleaned_relative_path("_recipes/sub/x.y.md", "_recipes"),
            "/sub/x.y"
        );
        assert_eq!(
            basename_without_ext("_posts/2020-01-05-x.y.z.markdown"),
            "2020-01-05-x.y.z"
        );
    }

    #[test]
    fn destinations_like_jekyll_build() {
        assert_eq!(destination("/", ".html", Writer::Page), "index.html");
        assert_eq!(destination("/a/", ".html", Writer::Page), "a/index.html");
        assert_eq!(destination("/a", ".html", Writer::Page), "a.html");
        assert_eq!(destination("/a.html", ".html", Writer::Page), "a.html");
        assert_eq!(destination("/feed.xml", ".xml", Writer::Page), "feed.xml");
        assert_eq!(destination("/a/", ".htm", Writer::Page), "a/index.htm");
        assert_eq!(destination("/a/", ".htm", Writer::Document), "a/index.html");
        assert_eq!(
            destination("/recipes/Pasta%20Carbonara", ".html", Writer::Document),
            "recipes/Pasta Carbonara.html"
        );
        assert_eq!(
            destination("/%2e%2e/x/", ".html", Writer::Page),
            "x/index.html"
        );
    }

    #[test]
    fn redirect_from_like_jekyll_build() {
        let dest = |e: &str| redirect_from_destination(e).expect(e);
        assert_eq!(dest("/old"), "old.html");
        assert_eq!(dest("old2"), "old2.html");
        assert_eq!(dest("/old3/"), "old3/index.html");
        assert_eq!(dest("old-post-2/"), "old-post-2/index.html");
        assert_eq!(dest("/old4.html"), "old4.html");
        assert_eq!(dest("/feed-old.xml"), "feed-old.xml");
        assert_eq!(redirect_from_url("old2"), Ok("/old2".to_string()));
    }
}
