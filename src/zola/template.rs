//! What a Zola site's own templates show of a page (Zola 0.22.1 renders
//! each page with `page.html`, each section with `section.html`, unless
//! its front matter names another `template`, looked up in `templates/`,
//! then in the theme's).

use std::path::PathBuf;

use super::config::ZolaConfig;
use crate::document::Post;

/// How many templates deep (`extends`, `include`) the search goes.
const DEPTH: usize = 8;

/// The folders templates are looked up in: the site's, then its theme's.
fn dirs(zola: &ZolaConfig) -> Vec<PathBuf> {
    let mut dirs = vec![zola.root.join("templates")];
    if let Some(theme) = &zola.theme {
        dirs.push(zola.root.join("themes").join(theme).join("templates"));
    }
    dirs
}

fn read(zola: &ZolaConfig, name: &str) -> Option<String> {
    dirs(zola)
        .iter()
        .find_map(|d| std::fs::read_to_string(d.join(name.trim())).ok())
}

/// The level of the heading the page's template shows its title in: the
/// first `<hN>` holding `page.title` (`section.title` for a section's
/// `_index.md`) in a `{{ … }}`, as blog.rust-lang.org's
/// `<h2>{{ macros::escape_hbs(input=page.title) }}</h2>`, in the page's
/// `template` (else `page.html`, `section.html`, or `index.html` for the
/// home page), then in the templates it extends or includes. `None` when
/// none is found (a theme bloglint cannot read, a title outside any
/// heading).
pub fn title_heading(zola: &ZolaConfig, post: &Post) -> Option<u8> {
    let info = super::index::FileInfo::new(zola, &post.content_path);
    let default = match (info.is_section, info.components.is_empty()) {
        (true, true) => "index.html",
        (true, false) => "section.html",
        (false, _) => "page.html",
    };
    let var = if info.is_section {
        "section.title"
    } else {
        "page.title"
    };
    let name = post
        .field("template")
        .and_then(|n| n.as_str())
        .unwrap_or(default);
    in_template(zola, name, var, 0)
}

fn in_template(zola: &ZolaConfig, name: &str, var: &str, depth: usize) -> Option<u8> {
    let text = read(zola, name)?;
    if let Some(level) = in_text(&text, var) {
        return Some(level);
    }
    if depth >= DEPTH {
        return None;
    }
    named(&text, &["include", "extends"])
        .into_iter()
        .find_map(|n| in_template(zola, n, var, depth + 1))
}

/// The level of the first open heading around a `{{ … }}` naming `var`.
fn in_text(text: &str, var: &str) -> Option<u8> {
    let mut at = 0;
    while let Some(open) = text[at..].find("{{").map(|i| at + i) {
        let close = text[open..].find("}}").map_or(text.len(), |i| open + i);
        let inner = &text[open + 2..close];
        let names_var = inner.match_indices(var).any(|(i, _)| {
            let before = inner[..i].chars().next_back();
            let after = inner[i + var.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
        if names_var && let Some(level) = open_heading(&text[..open]) {
            return Some(level);
        }
        at = close;
    }
    None
}

/// The level of the last heading opened and not closed in `before`.
fn open_heading(before: &str) -> Option<u8> {
    let lower = before.to_ascii_lowercase();
    let last = |prefix: &str| {
        lower
            .match_indices(prefix)
            .filter_map(|(i, _)| match lower.as_bytes().get(i + prefix.len()) {
                Some(d @ b'1'..=b'6') => Some((i, d - b'0')),
                _ => None,
            })
            .last()
    };
    let (open_at, level) = last("<h")?;
    match last("</h") {
        Some((close_at, _)) if close_at > open_at => None,
        _ => Some(level),
    }
}

/// The templates `{% include "x" %}` and `{% extends "x" %}` name
/// literally.
fn named<'t>(text: &'t str, tags: &[&str]) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find("{%").map(|i| at + i) {
        let close = text[open..].find("%}").map_or(text.len(), |i| open + i);
        let inner = text[open + 2..close].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if let Some(rest) = tags.iter().find_map(|t| inner.strip_prefix(t)) {
            let rest = rest.trim_start();
            if let Some(q) = rest.chars().next().filter(|q| *q == '"' || *q == '\'')
                && let Some(end) = rest[1..].find(q)
            {
                out.push(&rest[1..1 + end]);
            }
        }
        at = close;
    }
    out
}

/// Whether the page names a `template` of its own that never shows a
/// title: no `page.title` or `section.title` in it, and nothing it
/// extends, includes or imports (which could). blog.rust-lang.org's
/// `releases/latest.md` (`template = "latest.html"`) is a redirect page
/// whose template writes its own `<title>`. A template not found counts
/// as one that shows the title.
pub fn untitled(zola: &ZolaConfig, post: &Post) -> bool {
    let Some(name) = post.field("template").and_then(|n| n.as_str()) else {
        return false;
    };
    let Some(text) = read(zola, name) else {
        return false;
    };
    ![
        "page.title",
        "section.title",
        "extends",
        "include",
        "import",
    ]
    .iter()
    .any(|w| text.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heading_around_the_title() {
        let rust_blog = "<header>\n<h2>{{ macros::escape_hbs(input=page.title) }}</h2>";
        assert_eq!(in_text(rust_blog, "page.title"), Some(2));
        assert_eq!(
            in_text("<h1 class=\"t\">{{ page.title | safe }}</h1>", "page.title"),
            Some(1)
        );
        assert_eq!(
            in_text("<title>{{ page.title }}</title>", "page.title"),
            None
        );
        assert_eq!(
            in_text("<h1>x</h1><p>{{ page.title }}</p>", "page.title"),
            None
        );
        assert_eq!(
            in_text("<h1>{{ page.title_long }}</h1>", "page.title"),
            None
        );
        assert_eq!(in_text("<h1>{{ section.title }}</h1>", "page.title"), None);
        assert_eq!(
            named(
                "{% extends \"base.html\" %}{%- include 'nav.html' -%}",
                &["include", "extends"]
            ),
            ["base.html", "nav.html"]
        );
    }
}
