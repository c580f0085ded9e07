//! What a Jekyll layout renders of a page: whether, and in which heading,
//! its title (`heading-hierarchy`). Read from the site's own `_layouts` and
//! `_includes`; a layout found nowhere there (a theme's) is unknown.

use std::path::{Path, PathBuf};

use super::config::JekyllConfig;

/// How many layouts and includes deep the search goes.
const DEPTH: usize = 8;

/// The layout and include files of a site read so far, by path (`None`:
/// not there, or not readable), shared by the pages of one run: a
/// layout's chain is read once, not once per page. A configuration loaded
/// anew (the language server reloads on a change) starts empty. Compared
/// and cloned as empty: a cache, not a setting.
#[derive(Default)]
pub struct Templates(
    Box<std::sync::Mutex<std::collections::HashMap<PathBuf, Option<std::sync::Arc<str>>>>>,
);

impl Templates {
    /// The text of a template file, read once.
    fn read(&self, path: &Path) -> Option<std::sync::Arc<str>> {
        self.memo(path, || std::fs::read_to_string(path).ok())
    }

    /// The value kept for `key`, made by `make` the first time.
    fn memo(
        &self,
        key: &Path,
        make: impl FnOnce() -> Option<String>,
    ) -> Option<std::sync::Arc<str>> {
        let mut files = self.0.lock().unwrap_or_else(|e| e.into_inner());
        files
            .entry(key.to_path_buf())
            .or_insert_with(|| make().map(Into::into))
            .clone()
    }
}

impl Clone for Templates {
    fn clone(&self) -> Templates {
        Templates::default()
    }
}

impl PartialEq for Templates {
    fn eq(&self, _: &Templates) -> bool {
        true
    }
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Templates")
    }
}

/// The text of layout `name` (`_layouts/<name>.<any extension>`), found
/// and read once (kept under `_layouts/<name>`: only layouts are looked up
/// in that folder).
fn layout_text(jk: &JekyllConfig, name: &str) -> Option<std::sync::Arc<str>> {
    let dir = jk.source.join(&jk.layouts_dir);
    jk.templates.memo(&dir.join(name), || {
        std::fs::read_to_string(find(&dir, name)?).ok()
    })
}

/// The level of the first `<hN>` holding `{{ page.title }}` in layout
/// `name`, the layouts it sits in, and the includes they name literally.
pub fn title_heading(jk: &JekyllConfig, name: &str) -> Option<u8> {
    let mut name = name.to_string();
    for _ in 0..DEPTH {
        let text = layout_text(jk, &name)?;
        let (parent, body) = split_front_matter(&text);
        if let Some(level) = in_text(jk, body, 0) {
            return Some(level);
        }
        name = parent?;
    }
    None
}

/// The level of the last heading layout `name` writes before the page's
/// `{{ content }}`: its own text before it, else (none there) the text of
/// the layout it sits in before its own `{{ content }}`. brew.sh's `post`
/// layout writes `<h2>{{ page.title }}</h2>`, then the date and the author
/// as `<h3>`s: a post's `####` follows an h3 in the built page, no jump.
/// Includes are not read: a heading missed makes the rule milder, never
/// louder.
pub fn heading_before_content(jk: &JekyllConfig, name: &str) -> Option<u8> {
    let mut name = name.to_string();
    for _ in 0..DEPTH {
        let text = layout_text(jk, &name)?;
        let (parent, body) = split_front_matter(&text);
        let before = content_at(body).map_or(body, |at| &body[..at]);
        if let Some(level) = last_heading(before) {
            return Some(level);
        }
        name = parent?;
    }
    None
}

/// Where `{{ content }}` (or `{{- content -}}`) starts in a template.
fn content_at(text: &str) -> Option<usize> {
    let mut at = 0;
    while let Some(open) = text[at..].find("{{").map(|i| at + i) {
        let inner = text[open + 2..].trim_start_matches('-').trim_start();
        if let Some(after) = inner.strip_prefix("content")
            && after
                .chars()
                .next()
                .is_some_and(|c| c.is_whitespace() || c == '}' || c == '-')
        {
            return Some(open);
        }
        at = open + 2;
    }
    None
}

/// The level of the last `<hN` tag (N from 1 to 6) opened in a text.
fn last_heading(text: &str) -> Option<u8> {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut last = None;
    for (i, _) in lower.match_indices("<h") {
        if let Some(d @ b'1'..=b'6') = bytes.get(i + 2).copied()
            && bytes
                .get(i + 3)
                .is_none_or(|&c| c == b'>' || c.is_ascii_whitespace())
        {
            last = Some(d - b'0');
        }
    }
    last
}

/// Whether layout `name`, the layouts it sits in or the includes they name
/// literally test the page's title before they print it: `{% if
/// page.title %}`, `{% unless page.title %}`, `{% elsif page.title %}`, or
/// a `default` filter on it (`{{ page.title | default: site.title }}`).
/// Such a theme says a page may go without a title (brew.sh's `base.html`
/// writes `<title>{{ site.title }}</title>` then: its 41 home pages, one a
/// language, have none).
pub fn tests_title(jk: &JekyllConfig, name: &str) -> bool {
    let mut name = name.to_string();
    for _ in 0..DEPTH {
        let Some(text) = layout_text(jk, &name) else {
            return false;
        };
        let (parent, body) = split_front_matter(&text);
        if title_tested(jk, body, 0) {
            return true;
        }
        let Some(parent) = parent else {
            return false;
        };
        name = parent;
    }
    false
}

/// Whether a template (or an include it names literally) tests
/// `page.title` in a condition or gives it a `default`.
fn title_tested(jk: &JekyllConfig, text: &str, depth: usize) -> bool {
    let mut at = 0;
    while let Some(open) = text[at..].find(['{']).map(|i| at + i) {
        let rest = &text[open..];
        let (end_mark, is_tag) = if rest.starts_with("{%") {
            ("%}", true)
        } else if rest.starts_with("{{") {
            ("}}", false)
        } else {
            at = open + 1;
            continue;
        };
        let Some(close) = rest.find(end_mark).map(|i| open + i) else {
            break;
        };
        let inner = text[open + 2..close].trim_matches('-').trim();
        let mentions = |s: &str| {
            s.match_indices("page.title").any(|(i, _)| {
                s[i + "page.title".len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
            })
        };
        let tested = if is_tag {
            let mut words = inner.split_whitespace();
            matches!(words.next(), Some("if" | "unless" | "elsif")) && mentions(inner)
        } else {
            inner.strip_prefix("page.title").is_some_and(|after| {
                after
                    .split('|')
                    .skip(1)
                    .any(|f| f.trim_start().starts_with("default"))
            })
        };
        if tested {
            return true;
        }
        at = close + 2;
    }
    if depth >= DEPTH {
        return false;
    }
    includes(text)
        .into_iter()
        .filter(|n| inside(n))
        .any(|name| {
            jk.templates
                .read(&jk.source.join(&jk.includes_dir).join(name))
                .is_some_and(|inc| title_tested(jk, &inc, depth + 1))
        })
}

/// Whether Jekyll 4.3.1 puts a page in a layout, so that its `<head>` (a
/// title, a description: jekyll-seo-tag) is written at all. `layout` is the
/// page's value (own or from the defaults). Without one, or with `none` or
/// a name no layout has, Jekyll writes the body alone (checked with
/// `jekyll build`). A name the site's `_layouts` lacks may be a theme's
/// (`theme` or `remote_theme` configured): then it is taken as found.
/// jekyll-default-layout gives a page without one `post`, `home`, `page` or
/// `default`, where such a layout exists.
pub fn renders_in_layout(jk: &JekyllConfig, layout: Option<&crate::document::Node>) -> bool {
    let themed = ["theme", "remote_theme"]
        .iter()
        .any(|k| jk.table.value(k).and_then(|n| n.as_str()).is_some());
    let exists = |name: &str| themed || find(&jk.source.join(&jk.layouts_dir), name).is_some();
    match layout.map(|n| &n.value) {
        Some(crate::document::Value::String(name)) => {
            let name = name.trim();
            !name.is_empty() && name != "none" && exists(name)
        }
        Some(_) => false,
        None => {
            jk.has_plugin("jekyll-default-layout")
                && ["post", "home", "page", "default"]
                    .iter()
                    .any(|name| exists(name))
        }
    }
}

/// The layout file of a name: `_layouts/<name>.<any extension>` (Jekyll
/// keys layouts by their name without extension).
fn find(dir: &Path, name: &str) -> Option<PathBuf> {
    if !inside(name) {
        return None;
    }
    let exact = dir.join(name);
    let folder = exact.parent()?.to_path_buf();
    let stem = exact.file_name()?.to_string_lossy().into_owned();
    let mut found: Vec<PathBuf> = std::fs::read_dir(&folder)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.file_stem()
                    .is_some_and(|s| s.to_string_lossy() == stem.as_str())
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// Whether a layout or include name stays inside its folder (Jekyll
/// refuses the others): not empty, not absolute, no `..`.
fn inside(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(['/', '\\'])
        && !Path::new(name).is_absolute()
        && !name.split(['/', '\\']).any(|part| part == "..")
}

/// A layout's `layout:` and its text after the front matter.
fn split_front_matter(text: &str) -> (Option<String>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let Some(end) = rest.find("\n---") else {
        return (None, text);
    };
    let fm = &rest[..end];
    let body = rest[end + 4..].split_once('\n').map_or("", |(_, b)| b);
    let layout = fm.lines().find_map(|l| {
        let v = l.strip_prefix("layout:")?.trim();
        let v = v.trim_matches(|c| c == '"' || c == '\'').trim();
        (!v.is_empty() && v != "null" && v != "~").then(|| v.to_string())
    });
    (layout, body)
}

/// The heading level of `{{ page.title }}` in a template, or in an include
/// it names literally.
fn in_text(jk: &JekyllConfig, text: &str, depth: usize) -> Option<u8> {
    let mut at = 0;
    while let Some(open) = text[at..].find("{{").map(|i| at + i) {
        let Some(close) = text[open..].find("}}").map(|i| open + i) else {
            break;
        };
        let inner = text[open + 2..close].trim_start_matches('-').trim_start();
        if let Some(after) = inner.strip_prefix("page.title")
            && after
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == '|' || c == '-')
            && let Some(level) = open_heading(&text[..open])
        {
            return Some(level);
        }
        at = close + 2;
    }
    if depth >= DEPTH {
        return None;
    }
    for name in includes(text) {
        if !inside(name) {
            continue;
        }
        let path = jk.source.join(&jk.includes_dir).join(name);
        if let Some(inc) = jk.templates.read(&path)
            && let Some(level) = in_text(jk, &inc, depth + 1)
        {
            return Some(level);
        }
    }
    None
}

/// The level of the last heading opened and not closed in `before`.
fn open_heading(before: &str) -> Option<u8> {
    let lower = before.to_ascii_lowercase();
    let tag = |prefix: &str| {
        let mut last = None;
        let mut at = 0;
        while let Some(i) = lower[at..].find(prefix).map(|i| at + i) {
            let digit = lower.as_bytes().get(i + prefix.len()).copied();
            if let Some(d @ b'1'..=b'6') = digit {
                last = Some((i, d - b'0'));
            }
            at = i + prefix.len();
        }
        last
    };
    let (open_at, level) = tag("<h")?;
    match tag("</h") {
        Some((close_at, _)) if close_at > open_at => None,
        _ => Some(level),
    }
}

/// The files `{% include name %}` tags name literally (not through a
/// variable).
fn includes(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find("{%").map(|i| at + i) {
        let Some(close) = text[open..].find("%}").map(|i| open + i) else {
            break;
        };
        let inner = text[open + 2..close].trim_start_matches('-').trim();
        if let Some(rest) = inner.strip_prefix("include ")
            && let Some(name) = rest.split_whitespace().next()
            && !name.contains("{{")
        {
            out.push(name);
        }
        at = close + 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heading_open_around_the_title() {
        assert_eq!(open_heading("<body><h1 class=x>"), Some(1));
        assert_eq!(open_heading("<h1>a</h1>\n<h2 itemprop=x>\n  "), Some(2));
        assert_eq!(open_heading("<h1>a</h1><title>"), None);
        assert_eq!(open_heading("<header><head><hr>"), None);
    }

    #[test]
    fn a_layout_names_its_own_layout() {
        let (l, body) = split_front_matter("---\nlayout: default\n---\n<h1>{{ page.title }}</h1>");
        assert_eq!(l.as_deref(), Some("default"));
        assert_eq!(body, "<h1>{{ page.title }}</h1>");
        assert_eq!(split_front_matter("<p>").0, None);
    }

    #[test]
    fn names_stay_inside_their_folder() {
        assert!(inside("post"));
        assert!(inside("blog/post.html"));
        assert!(!inside(""));
        assert!(!inside("/etc/passwd"));
        assert!(!inside("../secret"));
        assert!(!inside("a/../../b"));
    }

    #[test]
    fn the_last_heading_before_the_content() {
        let post = "<h2>{{ page.title }}</h2>\n<h3>{{ page.date }}</h3>\n<H3 class=\"author\">x</H3>\n{{ content }}<h5>after</h5>";
        let at = content_at(post).expect("content");
        assert_eq!(last_heading(&post[..at]), Some(3));
        assert_eq!(content_at("{{- content -}}"), Some(0));
        assert_eq!(content_at("{{ contents }}{{ page.content }}"), None);
        assert_eq!(last_heading("<header><hr><h7>"), None);
    }

    #[test]
    fn a_tested_title_is_optional() {
        let dir = std::env::temp_dir();
        let jk = crate::jekyll::config::JekyllConfig::load(&dir.join("bloglint-no-such-site"))
            .expect("defaults");
        for text in [
            "{% if page.title -%}<title>{{ page.title }}</title>{% endif %}",
            "{%- unless page.title %}x{% endunless %}",
            "{% if a %}{% elsif page.title and b %}{% endif %}",
            "<title>{{ page.title | escape | default: site.title }}</title>",
        ] {
            assert!(title_tested(&jk, text, 0), "{text}");
        }
        for text in [
            "<h1>{{ page.title }}</h1>",
            "{% if page.titles %}{% endif %}",
            "{% assign t = page.title %}",
            "{{ page.title | escape }}",
            "{% if page.subtitle %}{{ page.title }}{% endif %}",
        ] {
            assert!(!title_tested(&jk, text, 0), "{text}");
        }
    }

    #[test]
    fn literal_includes_only() {
        assert_eq!(
            includes("{% include top.html %}{%- include {{ x }} -%}{% include_relative a %}"),
            vec!["top.html"]
        );
    }
}
