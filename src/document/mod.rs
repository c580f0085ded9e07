//! One post, parsed once: its front matter with spans and its Markdown outline.

pub mod edit;
pub mod frontmatter;
pub mod json;
pub mod markdown;
mod scan;
pub mod source;
pub mod toml;
pub mod yaml;

use std::ops::Range;
use std::path::PathBuf;

pub use frontmatter::{Format, FrontMatter, Key, Node, Quote, SyntaxError, Table, Value};
pub use markdown::{Heading, Link, LinkKind, Outline, RefShortcode, Suppression};
pub use source::Source;

/// What a content file is to Hugo, from its path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// `_index.md` at the content root.
    Home,
    /// `_index.md` in a folder: a section or branch-bundle list page.
    List,
    /// A regular page inside a section (`posts/x.md`, `posts/x/index.md`).
    Page,
    /// A regular page at the content root (`about.md`): no section.
    TopLevel,
}

impl PageKind {
    /// From a path relative to the content directory, `/`-separated.
    pub fn from_content_path(rel: &str) -> PageKind {
        let (dir, file) = match rel.rsplit_once('/') {
            Some((d, f)) => (d, f),
            None => ("", rel),
        };
        let stem = file.split('.').next().unwrap_or(file);
        if stem == "_index" {
            if dir.is_empty() {
                PageKind::Home
            } else {
                PageKind::List
            }
        } else if stem == "index" {
            // A leaf bundle: `x/index.md` at the root is a top-level page.
            if dir.contains('/') {
                PageKind::Page
            } else {
                PageKind::TopLevel
            }
        } else if dir.is_empty() {
            PageKind::TopLevel
        } else {
            PageKind::Page
        }
    }
}

/// A parsed content file.
#[derive(Debug, Clone)]
pub struct Post {
    /// The path as it was found on disk (for reports).
    pub path: PathBuf,
    /// Path relative to the content directory, `/`-separated; empty when the
    /// file is outside any content directory.
    pub content_path: String,
    pub kind: PageKind,
    /// The text (see [`Source`]: possibly read on first use).
    pub source: Source,
    /// The parsed front matter; `None` when the file has none or it failed.
    pub front_matter: Option<FrontMatter>,
    /// Set when a front matter block exists but does not parse.
    pub front_matter_error: Option<SyntaxError>,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    pub outline: Outline,
}

/// Whether a content file is HTML (`x.html`, `x.htm`): a page Hugo
/// publishes as written, not Markdown.
pub fn is_html_content(content_path: &str) -> bool {
    content_path
        .rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("html") || ext.eq_ignore_ascii_case("htm"))
}

/// A post's parsed representation, built from its text.
impl Post {
    pub fn parse(path: PathBuf, content_path: String, source: String) -> Post {
        let kind = PageKind::from_content_path(&content_path);
        let (front_matter, front_matter_error, body_start) = parse_front_matter(&source);
        let outline = if is_html_content(&content_path) {
            markdown::Outline::html(&source, body_start)
        } else {
            markdown::Outline::parse(&source, body_start)
        };
        Post {
            path,
            content_path,
            kind,
            source: Source::new(source),
            front_matter,
            front_matter_error,
            body_start,
            outline,
        }
    }

    /// A front matter field, by case-insensitive key.
    pub fn field(&self, name: &str) -> Option<&Node> {
        self.front_matter.as_ref()?.root.value(name)
    }

    /// Span to point at when something is missing from the front matter: the
    /// opening delimiter, or the start of the file when there is none.
    pub fn front_matter_anchor(&self) -> Range<usize> {
        match &self.front_matter {
            Some(fm) => {
                let end = self.source[fm.span.clone()]
                    .find(['\r', '\n'])
                    .map_or(fm.span.end, |i| fm.span.start + i);
                fm.span.start..end
            }
            None => 0..0,
        }
    }
}

/// Split and parse the front matter: (parsed, error, body start).
fn parse_front_matter(source: &str) -> (Option<FrontMatter>, Option<SyntaxError>, usize) {
    match frontmatter::split(source) {
        Ok(None) => (None, None, bom_len(source)),
        Ok(Some(split)) => {
            let parsed = match split.format {
                Format::Yaml => yaml::parse(source, split.content.clone()),
                Format::Toml => toml::parse(source, split.content.clone()),
                Format::Json => json::parse(source, split.content.clone()),
            };
            let body = split.span.end;
            match parsed {
                Ok(root) => (
                    Some(FrontMatter {
                        format: split.format,
                        span: split.span,
                        content: split.content,
                        root,
                    }),
                    None,
                    body,
                ),
                Err(e) => (None, Some(e), body),
            }
        }
        Err(e) => (None, Some(e), source.len()),
    }
}

fn bom_len(source: &str) -> usize {
    if source.starts_with('\u{feff}') { 3 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_kinds_from_paths() {
        assert_eq!(PageKind::from_content_path("_index.md"), PageKind::Home);
        assert_eq!(
            PageKind::from_content_path("posts/_index.md"),
            PageKind::List
        );
        assert_eq!(PageKind::from_content_path("posts/a.md"), PageKind::Page);
        assert_eq!(
            PageKind::from_content_path("posts/a/index.md"),
            PageKind::Page
        );
        assert_eq!(PageKind::from_content_path("about.md"), PageKind::TopLevel);
        assert_eq!(
            PageKind::from_content_path("about/index.md"),
            PageKind::TopLevel
        );
        assert_eq!(
            PageKind::from_content_path("about.fr.md"),
            PageKind::TopLevel
        );
        assert_eq!(PageKind::from_content_path("_index.fr.md"), PageKind::Home);
    }
}
