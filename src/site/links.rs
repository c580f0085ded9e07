//! What links mean on any site: which destinations are paths of the site,
//! and how a browser joins a relative one to the page's URL.

use std::ops::Range;

use crate::diagnostic::{Applicability, Fix};
use crate::text::percent_decode;

/// Whether a destination is a path on this site: not empty, no scheme
/// (`https:`, `mailto:`…), not protocol-relative, no template syntax.
pub fn is_site_path(dest: &str) -> bool {
    if dest.is_empty() || dest.starts_with("//") || dest.contains("{{") {
        return false;
    }
    let scheme = dest
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    !scheme.is_some_and(|s| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// The decoded path (query dropped) and fragment of a destination.
pub fn split_url(dest: &str) -> (String, Option<String>) {
    let (before, fragment) = match dest.split_once('#') {
        Some((b, f)) => (b, Some(percent_decode(f))),
        None => (dest, None),
    };
    let path = before.split('?').next().unwrap_or_default();
    (percent_decode(path), fragment)
}

/// A relative URL path resolved against a directory, as a browser does:
/// like [`rooted_join`], keeping a trailing slash.
pub fn browser_join(dir: &str, rel: &str) -> String {
    let joined = rooted_join(dir, rel);
    let dir_like = rel.ends_with('/') || matches!(last_segment(rel), "." | "..");
    if dir_like && !joined.ends_with('/') {
        format!("{joined}/")
    } else {
        joined
    }
}

/// Go's `path.Join` of a folder and a relative path, from the root.
pub fn rooted_join(dir: &str, rel: &str) -> String {
    crate::text::path_join(&["/", dir, rel])
}

/// The last segment of a path.
pub fn last_segment(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Whether `s` can be written into a destination as it is (no escaping
/// needed): an id, or with `path` a path.
pub fn writable(s: &str, path: bool) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '~') || (path && c == '/')
        })
}

/// An unsafe fix replacing the fragment of the destination at `span` of
/// `source` by `id`, when the fragment is written as it reads (no escapes,
/// no percent-encoding) and ends the span.
pub fn fragment_fix(source: &str, span: &Range<usize>, fragment: &str, id: &str) -> Option<Fix> {
    let raw = source.get(span.clone())?;
    let hash = raw.find('#')?;
    if raw[hash + 1..] != *fragment || !writable(id, false) {
        return None;
    }
    Some(Fix::replace(
        Applicability::Unsafe,
        format!("link to `{}{id}`", &raw[..=hash]),
        span.start + hash + 1..span.end,
        id,
    ))
}

/// A `broken-link` error: the destination's span, what is wrong, the label
/// under it and, maybe, what to do.
pub fn broken(
    span: std::ops::Range<usize>,
    message: String,
    label: &str,
    help: Option<String>,
) -> crate::diagnostic::Diagnostic {
    let d = crate::diagnostic::Diagnostic::new(
        crate::rules::broken_link::META.name,
        crate::diagnostic::Severity::Error,
        span,
        message,
    )
    .with_label(label);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// Where a link lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Landing {
    /// A page of the site, by index.
    Page(usize),
    /// Something else the site publishes (a file, a term page, a redirect),
    /// or a path the host redirects.
    Other,
}

/// What serves a site path (without the base path): a page (not one that
/// only redirects), something else, or a rule of the host's redirects
/// (`_redirects`, `netlify.toml`); `None`: nothing. `served` is the site's
/// lookup of the path (or of a form the generator's host also serves).
pub fn landing(
    site: &super::index::SiteIndex,
    served: Option<&[super::index::Served]>,
    path: &str,
) -> Option<Landing> {
    let Some(served) = served else {
        let on_host = format!("{}{path}", site.base_path);
        return site
            .host_redirects
            .iter()
            .any(|r| r.matches(&on_host))
            .then_some(Landing::Other);
    };
    Some(
        served
            .iter()
            .find_map(|s| match s {
                super::index::Served::Page(j) if site.pages[*j].redirect_to.is_none() => {
                    Some(Landing::Page(*j))
                }
                _ => None,
            })
            .unwrap_or(Landing::Other),
    )
}

/// A site path below the site's base path (`/docs` for a site published
/// at `https://example.org/docs/`), as a path from the site's root (`/`
/// for the base itself); `None` when the path is outside it.
pub fn below_base<'p>(path: &'p str, base: &str) -> Option<&'p str> {
    let below = path
        .strip_prefix(base)
        .filter(|r| r.is_empty() || r.starts_with('/'))?;
    Some(if below.is_empty() { "/" } else { below })
}

#[cfg(test)]
mod tests {
    use super::below_base;

    #[test]
    fn paths_below_the_base_path() {
        assert_eq!(below_base("/docs/a/", "/docs"), Some("/a/"));
        assert_eq!(below_base("/docs", "/docs"), Some("/"));
        assert_eq!(below_base("/a/", ""), Some("/a/"));
        assert_eq!(below_base("/docsx/a", "/docs"), None);
        assert_eq!(below_base("/other/", "/docs"), None);
    }
}
