//! Front matter defaults: Jekyll 4.3.1's `FrontmatterDefaults`.

use super::fnmatch::component;
use super::{Fallible, JekyllConfig, get};
use crate::document::frontmatter::{Table, Value};

/// One valid set of `defaults:` (a map whose `values` is a map; Jekyll
/// skips the others with a warning).
#[derive(Debug, Clone, PartialEq)]
pub struct DefaultSet {
    /// Whether the set has a `scope` map at all.
    pub scoped: bool,
    /// `scope.path` when a string (`None`: any path).
    pub path: Option<String>,
    /// `scope.type`, with the deprecated `page`, `post`, `draft` renamed
    /// `pages`, `posts`, `drafts`.
    pub kind: Option<String>,
    pub values: Table,
}

/// The valid sets of `defaults`, in order (`FrontmatterDefaults#valid_sets`).
pub(super) fn sets(t: &Table) -> Fallible<Vec<DefaultSet>> {
    let Some(node) = get(t, "defaults") else {
        return Ok(Vec::new());
    };
    let Value::Array(items) = &node.value else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for item in items {
        let Some(set) = item.as_table() else { continue };
        let Some(values) = get(set, "values").and_then(|v| v.as_table()) else {
            continue;
        };
        let (scoped, path, kind) = match get(set, "scope") {
            None => (false, None, None),
            Some(scope) => {
                let Some(scope) = scope.as_table() else {
                    let message = format!(
                        "a defaults `scope` must be a map, not {} (Jekyll 4.3.1 fails)",
                        scope.type_name()
                    );
                    return Err((Some(scope.span.clone()), message));
                };
                let path = get(scope, "path").and_then(|p| p.as_str().map(str::to_owned));
                let kind = get(scope, "type").and_then(|k| k.as_str()).map(|k| {
                    match k {
                        "page" => "pages",
                        "post" => "posts",
                        "draft" => "drafts",
                        other => other,
                    }
                    .to_owned()
                });
                (true, path, kind)
            }
        };
        out.push(DefaultSet {
            scoped,
            path,
            kind,
            values: values.clone(),
        });
    }
    Ok(out)
}

/// `FrontmatterDefaults#sanitize_path`: one leading `/` dropped.
fn sanitize(path: Option<&str>) -> &str {
    let path = path.unwrap_or("");
    path.strip_prefix('/').unwrap_or(path)
}

impl JekyllConfig {
    /// The `values` of the default sets that apply to a file, lowest
    /// precedence first, as `FrontmatterDefaults#all` (Jekyll 4.3.1) merges
    /// them: deep-merge them in this order (a later map's keys win, nested
    /// maps merge, and a `null` value keeps the earlier one), then the file's
    /// own front matter over them.
    ///
    /// `rel_path` is relative to the source folder; `kind` is the type Jekyll
    /// gives the file: `pages` for pages, the collection's label for documents
    /// (`posts` for posts and for drafts: a `type: drafts` scope matches
    /// nothing in 4.3.1). Documents are matched by their path relative to
    /// `collections_dir`, and scope paths under `collections_dir` are stripped
    /// of it, as Jekyll does.
    ///
    /// Precedence: a set whose sanitized scope path is longer wins; at equal
    /// length, a set with a `type` wins over one without, and otherwise the
    /// later set wins. A scope path is a prefix of the file's path (a plain
    /// string prefix: `blog` also covers `blogroll.md`); one with `*` is a
    /// `Dir.glob` pattern whose matches are prefixes (`*` does not cross
    /// `/`, `**/` spans folders, a wildcard does not match a leading `.`).
    pub fn defaults_for(&self, rel_path: &str, kind: &str) -> Vec<&Table> {
        let doc_path = if kind == "pages" {
            rel_path
        } else {
            self.strip_collections_dir(rel_path)
        };
        let mut order: std::collections::VecDeque<&DefaultSet> = Default::default();
        let mut old: Option<&DefaultSet> = None;
        for set in &self.defaults {
            if set.scoped && !self.applies(set, rel_path, doc_path, kind) {
                continue;
            }
            if has_precedence(old, set) {
                order.push_back(set);
                // An unscoped set leaves Jekyll's `old_scope` nil.
                old = Some(set).filter(|s| s.scoped);
            } else {
                order.push_front(set);
            }
        }
        order.into_iter().map(|s| &s.values).collect()
    }

    fn strip_collections_dir<'p>(&self, path: &'p str) -> &'p str {
        if self.collections_dir.is_empty() {
            return path;
        }
        let slashed = format!("{}/", self.collections_dir);
        path.strip_prefix(slashed.as_str()).unwrap_or(path)
    }

    fn applies(&self, set: &DefaultSet, source_path: &str, doc_path: &str, kind: &str) -> bool {
        if set.kind.as_deref().is_some_and(|k| k != kind) {
            return false;
        }
        let Some(scope) = set.path.as_deref().filter(|p| !p.is_empty()) else {
            return true;
        };
        // `sanitize_path` of the file's path: Jekyll's relative paths have
        // no leading `/`.
        if !scope.contains('*') {
            return doc_path.starts_with(self.strip_collections_dir(scope));
        }
        // `Dir.glob(source + scope)` lists existing paths; those that can be
        // a prefix of this file are its own ancestors (and itself).
        let mut prefix_end = 0;
        let bytes = source_path.as_bytes();
        loop {
            let next = bytes[prefix_end..]
                .iter()
                .position(|&b| b == b'/')
                .map(|i| prefix_end + i)
                .unwrap_or(bytes.len());
            let prefix = &source_path[..next];
            if glob_matches(scope, prefix) && doc_path.starts_with(self.strip_collections_dir(prefix))
            {
                return true;
            }
            if next >= bytes.len() {
                return false;
            }
            prefix_end = next + 1;
        }
    }
}

/// `FrontmatterDefaults#has_precedence?`. An unscoped set after a scoped
/// one that applies makes Jekyll 4.3.1 crash (`NoMethodError`, the build
/// fails); it is taken as winning here.
fn has_precedence(old: Option<&DefaultSet>, new: &DefaultSet) -> bool {
    let Some(old) = old else { return true };
    if !new.scoped {
        return true;
    }
    let new_path = sanitize(new.path.as_deref());
    let old_path = sanitize(old.path.as_deref());
    if new_path.len() != old_path.len() {
        new_path.len() >= old_path.len()
    } else if new.kind.is_some() {
        true
    } else {
        old.kind.is_none()
    }
}

/// Whether `Dir.glob(pattern)` (relative to the source) lists `path`: per
/// component, `**` alone matches any number of folders (none included) that
/// do not start with `.`. Braces are not expanded (not modelled).
fn glob_matches(pattern: &str, path: &str) -> bool {
    let pattern = pattern.trim_start_matches('/');
    let pattern = pattern.trim_end_matches('/');
    let p: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
    let s: Vec<&str> = path.split('/').collect();
    components(&p, &s)
}

fn components(p: &[&str], s: &[&str]) -> bool {
    match p.split_first() {
        None => s.is_empty(),
        Some((&"**", rest)) if !rest.is_empty() => {
            // Zero folders, or one more non-hidden folder.
            components(rest, s)
                || s.split_first().is_some_and(|(first, tail)| {
                    !first.starts_with('.') && components(p, tail)
                })
        }
        Some((first, rest)) => s
            .split_first()
            .is_some_and(|(name, tail)| component(first, name) && components(rest, tail)),
    }
}
