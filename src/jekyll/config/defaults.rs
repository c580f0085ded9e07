//! Front matter defaults: Jekyll 4.3.1's `FrontmatterDefaults`.

use std::path::Path;

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
    /// For a `scope.path` with `*`: what `Dir.glob` listed under the source
    /// when the configuration was loaded (Jekyll globs once per build).
    pub globbed: Vec<String>,
}

/// The valid sets of `defaults`, in order (`FrontmatterDefaults#valid_sets`).
pub(super) fn sets(t: &Table, source: &Path) -> Fallible<Vec<DefaultSet>> {
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
        let globbed = match &path {
            Some(p) if p.contains('*') => glob(source, p),
            _ => Vec::new(),
        };
        out.push(DefaultSet {
            scoped,
            path,
            kind,
            values: values.clone(),
            globbed,
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
        // `Document#relative_path`: relative to `collections_dir`; a
        // document outside it (a `_posts` folder elsewhere) keeps its
        // absolute path.
        let absolute;
        let doc_path = if kind == "pages" {
            rel_path
        } else if self.collections_dir.is_empty()
            || rel_path.starts_with(&format!("{}/", self.collections_dir))
        {
            self.strip_collections_dir(rel_path)
        } else {
            absolute = format!("{}/{rel_path}", self.source.display());
            absolute.as_str()
        };
        let mut order: std::collections::VecDeque<&DefaultSet> = Default::default();
        let mut old: Option<&DefaultSet> = None;
        for set in &self.defaults {
            if set.scoped && !self.applies(set, doc_path, kind) {
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

    fn applies(&self, set: &DefaultSet, doc_path: &str, kind: &str) -> bool {
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
        set.globbed
            .iter()
            .any(|g| doc_path.starts_with(self.strip_collections_dir(g)))
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

/// Ruby's `Dir.glob` of `pattern` under `source` (Ruby 3.1): braces
/// expanded, then per component: `**` alone spans any number of folders
/// (none included, not through symlinks, not into hidden ones), a component
/// with `*`, `?` or `[` matches names as [`component`] does (a leading `.`
/// only literally), others must exist; a trailing `/` keeps folders only.
/// The matches, relative to `source`, without a trailing `/`. A pattern
/// starting with `/` is absolute for Jekyll (`Pathname#join`): none here.
pub(super) fn glob(source: &Path, pattern: &str) -> Vec<String> {
    let mut out = Vec::new();
    if pattern.starts_with('/') {
        return out;
    }
    for pattern in braces(pattern) {
        let dirs_only = pattern.ends_with('/');
        let parts: Vec<&str> = pattern.split('/').filter(|c| !c.is_empty()).collect();
        walk(source, "", &parts, dirs_only, &mut out, 0);
    }
    out.sort();
    out.dedup();
    out
}

/// Most results and depth a scope glob may produce.
const GLOB_LIMIT: usize = 100_000;

fn walk(
    source: &Path,
    rel: &str,
    parts: &[&str],
    dirs_only: bool,
    out: &mut Vec<String>,
    depth: usize,
) {
    if out.len() >= GLOB_LIMIT || depth > 64 {
        return;
    }
    let join = |name: &str| {
        if rel.is_empty() {
            name.to_owned()
        } else {
            format!("{rel}/{name}")
        }
    };
    let Some((first, rest)) = parts.split_first() else {
        let full = source.join(rel);
        if !rel.is_empty() && (!dirs_only || full.is_dir()) {
            out.push(rel.to_owned());
        }
        return;
    };
    if *first == "**" && !rest.is_empty() {
        walk(source, rel, rest, dirs_only, out, depth + 1);
        for name in names(&source.join(rel)) {
            let path = join(&name);
            let real_dir = std::fs::symlink_metadata(source.join(&path)).is_ok_and(|m| m.is_dir());
            if !name.starts_with('.') && real_dir {
                walk(source, &path, parts, dirs_only, out, depth + 1);
            }
        }
        return;
    }
    let magic = first.contains(['*', '?', '[']);
    if !magic {
        let name = first.replace('\\', "");
        let path = join(&name);
        if std::fs::symlink_metadata(source.join(&path)).is_ok() {
            walk(source, &path, rest, dirs_only, out, depth + 1);
        }
        return;
    }
    for name in names(&source.join(rel)) {
        if component(first, &name) {
            let path = join(&name);
            if rest.is_empty() || source.join(&path).is_dir() {
                walk(source, &path, rest, dirs_only, out, depth + 1);
            }
        }
    }
}

fn names(dir: &Path) -> Vec<String> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    read.filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect()
}

/// Ruby's brace expansion: `a{b,c}d` is `abd`, `acd` (nested too).
fn braces(pattern: &str) -> Vec<String> {
    let bytes = pattern.as_bytes();
    let mut depth = 0usize;
    let mut open = None;
    let mut commas = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'{' => {
                if depth == 0 {
                    open = Some(i);
                    commas.clear();
                }
                depth += 1;
            }
            b',' if depth == 1 => commas.push(i),
            b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0
                    && let Some(start) = open
                {
                    let (head, tail) = (&pattern[..start], &pattern[i + 1..]);
                    let mut bounds = vec![start];
                    bounds.extend(&commas);
                    bounds.push(i);
                    let mut out = Vec::new();
                    for w in bounds.windows(2) {
                        let middle = &pattern[w[0] + 1..w[1]];
                        for rest in braces(&format!("{middle}{tail}")) {
                            out.push(format!("{head}{rest}"));
                            if out.len() >= 1024 {
                                return out;
                            }
                        }
                    }
                    return out;
                }
            }
            _ => {}
        }
        i += 1;
    }
    vec![pattern.to_owned()]
}
