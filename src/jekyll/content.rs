//! Which files of a Jekyll site are content bloglint parses and which are
//! published as they are, from Jekyll's own read plan
//! ([`JekyllConfig::read_plan`]).

use std::path::Path;

use super::config::{JekyllConfig, Kind};
use crate::site::Found;

/// Whether bloglint parses a file of the site (Markdown, by the site's
/// `markdown_ext`, or HTML).
pub fn is_parsed(jk: &JekyllConfig, rel: &str) -> bool {
    let ext = super::url::extname(rel);
    !ext.is_empty() && (is_html(ext) || jk.is_markdown_ext(ext))
}

fn is_html(ext: &str) -> bool {
    ext.eq_ignore_ascii_case(".html") || ext.eq_ignore_ascii_case(".htm")
}

/// Walk the site: every page, post, draft and document bloglint parses,
/// and every file Jekyll writes as it is.
pub fn walk_site(jk: &JekyllConfig, found: &mut dyn FnMut(Found)) {
    if !jk.source.is_dir() {
        let message = "the source folder does not exist: nothing to lint".to_string();
        found(Found::Error(crate::site::read_error(
            jk.source.clone(),
            message,
        )));
        return;
    }
    let md_ext = super::index::markdown_ext(jk);
    for entry in jk.read_plan() {
        let path = jk.source.join(&entry.path);
        let rel = entry.path;
        let statically = |found: &mut dyn FnMut(Found), rel: &str| {
            found(Found::Static(path.clone(), format!("/{rel}")));
        };
        match entry.kind {
            Kind::Page { copied, .. } => {
                if is_parsed(jk, &rel) {
                    found(Found::Content(path.clone(), rel.clone()));
                } else if let Ok(url) = super::url::page_url(
                    &rel,
                    &jk.permalink,
                    other_format_permalink(jk, &path, &rel).as_deref(),
                    &md_ext,
                ) {
                    // A page of another format (`feed.xml`, `main.scss`
                    // with front matter): published, not linted.
                    found(Found::Static(path.clone(), url));
                }
                if copied {
                    statically(found, &rel);
                }
            }
            Kind::Static => {
                // A Markdown file without front matter is copied as it is:
                // parsed too, so that the rules can say so.
                if jk.is_markdown_ext(super::url::extname(&rel)) {
                    found(Found::Content(path.clone(), rel.clone()));
                }
                statically(found, &rel);
            }
            Kind::Post { .. } | Kind::UndatedPost | Kind::Draft { .. } | Kind::Document { .. } => {
                if is_parsed(jk, &rel) {
                    found(Found::Content(path, rel));
                }
            }
            Kind::CollectionStatic { collection, output } => {
                if output && let Some(url) = collection_static_url(jk, &rel, &collection) {
                    found(Found::Static(path, url));
                }
            }
            Kind::Data
            | Kind::Layout
            | Kind::Include
            | Kind::Sass
            | Kind::Plugin
            | Kind::Skipped => {}
        }
    }
}

/// The `permalink` of a page of another format (`security.txt` with
/// `permalink: .well-known/security.txt`, which Jekyll 4.3.1 writes to
/// `/.well-known/security.txt`): its own front matter's, else a default's.
/// A file that cannot be read or parsed has none (its URL is then the
/// file's own, as before).
fn other_format_permalink(jk: &JekyllConfig, path: &Path, rel: &str) -> Option<String> {
    let source = std::fs::read_to_string(path).ok()?;
    let post = crate::document::Post::parse(path.to_path_buf(), rel.to_string(), source);
    let meta = super::index::Meta::new(jk, &post, &super::index::Role::Page);
    meta.string("permalink")
        .map(std::borrow::Cow::into_owned)
        .filter(|p| !p.is_empty())
}

/// The URL of a static file of a collection (`StaticFile#url`): the
/// collection's permalink with the file's path and name and no extension
/// or title, its trailing slash dropped, then the file's extension.
fn collection_static_url(jk: &JekyllConfig, rel: &str, label: &str) -> Option<String> {
    let permalink = jk.collection(label).and_then(|c| c.permalink.as_deref());
    let template = super::url::collection_template(label, permalink, &jk.permalink);
    let ext = super::url::extname(rel);
    let in_collections = match jk.collections_dir.trim_matches('/') {
        "" => rel,
        d => rel
            .strip_prefix(d)
            .and_then(|r| r.strip_prefix('/'))
            .unwrap_or(rel),
    };
    let stem = in_collections.strip_suffix(ext).unwrap_or(in_collections);
    let path = stem
        .trim_end_matches('.')
        .replacen(&format!("_{label}"), "", 1);
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let name = name.strip_suffix(ext).unwrap_or(name);
    let mut url = template;
    for (key, value) in [
        (":collection", label),
        (":path", path.as_str()),
        (":output_ext", ""),
        (":name", name),
        (":title", ""),
    ] {
        url = url.replace(key, &super::url::escape_path(value).ok()?);
    }
    let url = super::url::sanitize_url(&url);
    let url = super::url::unescape_path(url.trim_end_matches('/'));
    Some(format!("{url}{ext}"))
}

/// The content path of a file of the site: its path below the source
/// folder, when Jekyll reads it as content bloglint parses.
pub fn content_path(jk: &JekyllConfig, path: &Path) -> Option<String> {
    let rel = crate::text::slashed(path.strip_prefix(&jk.source).ok()?);
    is_parsed(jk, &rel).then_some(rel)
}
