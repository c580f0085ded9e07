//! Which files of a Hugo site are content, resources and static files:
//! the content directories (module mounts) joined into one tree as Hugo
//! 0.168 joins them, and the static directories.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::config::{FileFilter, HugoConfig};
use crate::site::{Found, read_error, walk_error};
use crate::text::slashed;

/// Walk the site: every content file, resource and static file, in the
/// order Hugo reads them.
pub fn walk_site(hugo: &HugoConfig, found: &mut dyn FnMut(Found)) {
    let mounts = std::sync::Arc::new(ContentMounts::new(hugo));
    // A file two content mounts reach is read once, at the first; of two
    // files mounted at one content path (and language), Hugo takes the
    // first mount's.
    let mut seen = std::collections::HashSet::new();
    let mut taken = std::collections::HashSet::new();
    for (m, dir) in hugo.content_dirs.iter().enumerate() {
        walk(
            &dir.path,
            &dir.target,
            Some((&mounts, m)),
            found,
            &mut |path, content_path, found| {
                if !seen.insert(path.clone())
                    || !taken.insert((dir.lang.clone(), content_path.clone()))
                {
                    return;
                }
                found(if is_content(&path) {
                    Found::Content(path, content_path)
                } else {
                    Found::Resource(path, content_path)
                });
            },
        );
    }
    // Nothing to lint at all: say where content was looked for (a typo in
    // `contentDir` must not pass as a clean site).
    if hugo.content_dirs.iter().all(|d| !d.path.exists()) {
        for dir in &hugo.content_dirs {
            let what = if dir.path.exists() {
                "is not a folder"
            } else {
                "does not exist"
            };
            let message = format!("the content directory {what}: nothing to lint");
            found(Found::Error(read_error(dir.path.clone(), message)));
        }
    }
    for dir in &hugo.static_dirs {
        walk(dir, "", None, found, &mut |path, rel, found| {
            found(Found::Static(path, format!("/{rel}")));
        });
    }
}

/// Called with each file a walk finds (path on disk, path in the tree) and
/// the sink to hand it to.
type FoundFile<'f> = dyn FnMut(PathBuf, String, &mut dyn FnMut(Found)) + 'f;

/// Whether Hugo reads a file as content bloglint parses (by extension).
pub fn is_content(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| crate::hugo::PARSED_EXTENSIONS.contains(&e))
}

/// The content path (`posts/a.md`) of a file of the site: its path inside
/// the first content directory (mount) that publishes it, with that
/// directory's mount target.
pub fn content_path(hugo: &HugoConfig, path: &Path) -> Option<String> {
    let mounts = ContentMounts::new(hugo);
    hugo.content_dirs.iter().enumerate().find_map(|(m, dir)| {
        let rel = path.strip_prefix(&dir.path).ok()?;
        let below = slashed(rel);
        let content_path = join(&dir.target, &below);
        mounts
            .publishes(m, &below, &content_path)
            .then_some(content_path)
    })
}

/// The content mounts (content directories) of a site, as Hugo (0.168)
/// joins them into one tree: a folder of the tree is walked when a mount
/// is mounted at or below it, or when a mount at or above it has it and
/// its `files` let it through; a file is published through a mount whose
/// `files` let it through (the file's own path only: a folder's exclusion
/// hides what is below it only by hiding the folder), in a folder of the
/// tree that is walked. Checked with `hugo list all`: `tests/sites/content-mounts`.
struct ContentMounts {
    dirs: Vec<(PathBuf, String, FileFilter)>,
    /// Whether a folder of the tree (content path) is walked.
    walked: std::sync::Mutex<HashMap<String, bool>>,
}

impl ContentMounts {
    fn new(hugo: &HugoConfig) -> ContentMounts {
        let dirs = hugo
            .content_dirs
            .iter()
            .map(|d| (d.path.clone(), d.target.clone(), d.filter()))
            .collect();
        ContentMounts {
            dirs,
            walked: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// Whether mount `m` publishes its file at `below` (the path below
    /// its source; `""` for a mounted file), at `content_path`.
    fn publishes(&self, m: usize, below: &str, content_path: &str) -> bool {
        let Some((_, _, filter)) = self.dirs.get(m) else {
            return false;
        };
        let parent = content_path.rsplit_once('/').map_or("", |(p, _)| p);
        (below.is_empty() || filter.includes(below, false)) && self.walked(parent)
    }

    fn walked(&self, folder: &str) -> bool {
        if folder.is_empty() {
            return true;
        }
        if let Some(&known) = self
            .walked
            .lock()
            .ok()
            .and_then(|m| m.get(folder).copied())
            .as_ref()
        {
            return known;
        }
        let parent = folder.rsplit_once('/').map_or("", |(p, _)| p);
        let walked = self.walked(parent)
            && self.dirs.iter().any(|(path, target, filter)| {
                if target == folder || target.starts_with(&format!("{folder}/")) {
                    return true;
                }
                let below = if target.is_empty() {
                    folder
                } else {
                    match folder
                        .strip_prefix(target.as_str())
                        .and_then(|r| r.strip_prefix('/'))
                    {
                        Some(below) => below,
                        None => return false,
                    }
                };
                path.join(below).is_dir() && filter.includes(below, true)
            });
        if let Ok(mut memo) = self.walked.lock() {
            memo.insert(folder.to_string(), walked);
        }
        walked
    }
}

/// A content path: the mount target, then the path below the mount.
fn join(target: &str, below: &str) -> String {
    match (target.is_empty(), below.is_empty()) {
        (true, _) => below.to_string(),
        (_, true) => target.to_string(),
        _ => format!("{target}/{below}"),
    }
}

/// Every file under `dir` (following links, skipping hidden files), with its
/// `/`-separated path relative to `dir`, prefixed by `target`, in the order
/// found; with `mounts`, only the files that mount publishes. A mounted
/// file (`dir` is a file) is found at `target` itself.
fn walk(
    dir: &Path,
    target: &str,
    mounts: Option<(&std::sync::Arc<ContentMounts>, usize)>,
    sink: &mut dyn FnMut(Found),
    found: &mut FoundFile,
) {
    if dir.is_file() {
        if mounts.is_none_or(|(mounts, m)| mounts.publishes(m, "", target)) {
            found(dir.to_path_buf(), target.to_string(), sink);
        }
        return;
    }
    if !dir.is_dir() {
        return;
    }
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .standard_filters(false)
        .hidden(true)
        .follow_links(true);
    if let Some((mounts, _)) = mounts {
        // A folder outside the tree: nothing below it is published.
        let mounts = std::sync::Arc::clone(mounts);
        let (root, target) = (dir.to_path_buf(), target.to_string());
        builder.filter_entry(move |e| {
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            let rel = e.path().strip_prefix(&root).unwrap_or(e.path());
            e.depth() == 0 || !is_dir || mounts.walked(&join(&target, &slashed(rel)))
        });
    }
    for entry in builder.build() {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                let p = e.path();
                let below = slashed(p.strip_prefix(dir).unwrap_or(p));
                let content_path = join(target, &below);
                if mounts.is_none_or(|(mounts, m)| mounts.publishes(m, &below, &content_path)) {
                    found(p.to_path_buf(), content_path, sink);
                }
            }
            Ok(_) => {}
            Err(err) => sink(Found::Error(walk_error(dir, &err))),
        }
    }
}
