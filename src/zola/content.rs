//! Which files of a Zola site are content, colocated assets and static
//! files, as Zola 0.22.1 reads them (`Site::load`,
//! `find_related_assets`, `copy_static_directories`, `compile_sass`).
//!
//! - `content/`: every `.md` file whose name does not start with `.` (at
//!   any depth, hidden folders included), `_index.md` and
//!   `_index.<lang>.md` of a configured language as sections; other
//!   `_index.*` files are skipped; `ignored_content` globs are matched
//!   against the file's path. Other files are assets (published beside
//!   a bundle's `index.md` or a section's `_index.md`; the index decides).
//! - `static/` (and the theme's before it): every file, as it is, minus
//!   `ignored_static` (matched against the path inside `static/`).
//! - `sass/` when `compile_sass`: each `*.scss`/`*.sass` outside a `_`
//!   file or folder, at its path with `.css` ([`sass_outputs`]).
//! - `templates/` and the rest are not content.

use std::path::{Path, PathBuf};

use super::config::ZolaConfig;
use crate::site::{Found, read_error};
use crate::text::slashed;

/// The files of a folder, recursively, sorted by name (symbolic links
/// followed, as Zola's walk does; a loop is cut at 64 levels).
fn files_under(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<(PathBuf, String)>) {
    fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>, errors: &mut Vec<(PathBuf, String)>) {
        if depth > 64 {
            errors.push((
                dir.to_path_buf(),
                "cannot read: folders nested too deep (a symbolic link loop?)".into(),
            ));
            return;
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                errors.push((dir.to_path_buf(), format!("cannot read: {e}")));
                return;
            }
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, depth + 1, out, errors);
            } else if path.is_file() {
                out.push(path);
            }
        }
    }
    walk(dir, 0, out, errors);
}

/// Whether Zola reads a file of `content/` as a page or section (by its
/// name): a `.md` file not starting with `.`; of the `_index.*` files,
/// `_index.md` and `_index.<lang>.md` of a configured language.
pub fn is_content_file(zola: &ZolaConfig, name: &str) -> bool {
    if !name.ends_with(".md") || name.starts_with('.') {
        return false;
    }
    if let Some(rest) = name.strip_prefix("_index.") {
        return rest == "md"
            || zola.languages[1..]
                .iter()
                .any(|l| rest.strip_suffix(".md") == Some(l.as_str()));
    }
    true
}

/// Walk the site: content files, assets, static files.
pub fn walk_site(zola: &ZolaConfig, found: &mut dyn FnMut(Found)) {
    let content = zola.content_dir();
    if !content.is_dir() {
        found(Found::Error(read_error(
            content,
            "the content directory does not exist: nothing to lint".into(),
        )));
    } else {
        let mut files = Vec::new();
        let mut errors = Vec::new();
        files_under(&content, &mut files, &mut errors);
        for (path, message) in errors {
            found(Found::Error(read_error(path, message)));
        }
        for path in files {
            if zola.ignored_content.is_match(&path) {
                continue;
            }
            let Ok(rel) = path.strip_prefix(&content) else {
                continue;
            };
            let rel = slashed(rel);
            let name = rel.rsplit('/').next().unwrap_or(&rel);
            if name.ends_with(".md") {
                if is_content_file(zola, name) {
                    found(Found::Content(path, rel));
                }
            } else {
                found(Found::Resource(path, rel));
            }
        }
    }
    let mut statics = Vec::new();
    if let Some(theme) = &zola.theme {
        statics.push(zola.root.join("themes").join(theme).join("static"));
    }
    statics.push(zola.root.join("static"));
    for dir in statics {
        if !dir.is_dir() {
            continue;
        }
        let mut files = Vec::new();
        let mut errors = Vec::new();
        files_under(&dir, &mut files, &mut errors);
        for (path, message) in errors {
            found(Found::Error(read_error(path, message)));
        }
        for path in files {
            let Ok(rel) = path.strip_prefix(&dir) else {
                continue;
            };
            if zola.ignored_static.is_match(rel) {
                continue;
            }
            let url = format!("/{}", slashed(rel));
            found(Found::Static(path, url));
        }
    }
}

/// The content path (`blog/a.md`) of a file of the site, or `None` when
/// Zola does not read it as content.
pub fn content_path(zola: &ZolaConfig, path: &Path) -> Option<String> {
    let content = zola.content_dir();
    let rel = match path.strip_prefix(&content) {
        Ok(rel) => rel.to_path_buf(),
        Err(_) => {
            let abs = path.canonicalize().ok()?;
            let content = content.canonicalize().ok()?;
            abs.strip_prefix(&content).ok()?.to_path_buf()
        }
    };
    let rel = slashed(&rel);
    let name = rel.rsplit('/').next().unwrap_or(&rel);
    (is_content_file(zola, name) && !zola.ignored_content.is_match(path)).then_some(rel)
}

/// The CSS files `compile_sass` writes: each `.scss`/`.sass` file under
/// `sass/` (and the theme's `sass/`) whose name, and every folder's
/// above it, does not start with `_`, at its path with `.css`.
pub fn sass_outputs(zola: &ZolaConfig) -> Vec<String> {
    let mut roots = Vec::new();
    if let Some(theme) = &zola.theme {
        roots.push(zola.root.join("themes").join(theme).join("sass"));
    }
    if zola.compile_sass {
        roots.push(zola.root.join("sass"));
    }
    let mut out = Vec::new();
    for root in roots {
        if !root.is_dir() {
            continue;
        }
        let mut files = Vec::new();
        files_under(&root, &mut files, &mut Vec::new());
        for path in files {
            let Ok(rel) = path.strip_prefix(&root) else {
                continue;
            };
            let rel = slashed(rel);
            if rel.split('/').any(|s| s.starts_with('_')) {
                continue;
            }
            if let Some(stem) = rel
                .strip_suffix(".scss")
                .or_else(|| rel.strip_suffix(".sass"))
            {
                out.push(format!("/{stem}.css"));
            }
        }
    }
    out
}
