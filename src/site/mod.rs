//! Reading a site: find its root, read its Hugo configuration, walk its
//! content directories and parse every post, in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub mod index;
pub mod redirects;
pub mod urls;

use rayon::prelude::*;

use crate::cache::{Cache, Stamp};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;
use crate::hugo::config::{FileFilter, HugoConfig};

/// The pseudo-rule under which files that cannot be linted are reported.
pub const READ_ERROR: &str = "read-error";

pub struct Site {
    pub hugo: HugoConfig,
    pub posts: Vec<Post>,
    /// Files that could not be read or decoded.
    pub errors: Vec<Diagnostic>,
    /// Non-content files under the content directories (bundle resources):
    /// path on disk and content path (`posts/a/cover.png`).
    pub resources: Vec<(PathBuf, String)>,
    /// Files of the static directories: path on disk and URL path.
    pub static_files: Vec<(PathBuf, String)>,
    /// Files linted outside any Hugo site, each a page of a default site:
    /// the rules that need the whole site (links, aliases, terms) do not
    /// run.
    pub loose: bool,
    by_path: HashMap<PathBuf, usize>,
}

impl Site {
    pub fn post(&self, path: &Path) -> Option<&Post> {
        self.by_path.get(path).map(|&i| &self.posts[i])
    }

    pub fn new(hugo: HugoConfig, posts: Vec<Post>, errors: Vec<Diagnostic>) -> Site {
        let by_path = posts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.clone(), i))
            .collect();
        Site {
            hugo,
            posts,
            errors,
            resources: Vec::new(),
            static_files: Vec::new(),
            loose: false,
            by_path,
        }
    }

    /// Put a re-parsed post in place of the one with the same path (or add it).
    pub fn replace(&mut self, post: Post) {
        match self.by_path.get(&post.path) {
            Some(&i) => self.posts[i] = post,
            None => {
                self.by_path.insert(post.path.clone(), self.posts.len());
                self.posts.push(post);
            }
        }
    }

    /// Read and parse every content file of the site.
    pub fn load(hugo: HugoConfig) -> Site {
        Site::load_with(hugo, None, true)
    }

    /// Read every content file of the site; parse those the cache does not
    /// hold.
    ///
    /// Without `keep_texts`, a post's text is let go once parsed (its hash
    /// kept) and read again only if something asks for it: the rules need
    /// no other page's text, and a site's texts are a third of its memory.
    pub fn load_with(hugo: HugoConfig, cache: Option<&Cache>, keep_texts: bool) -> Site {
        // One thread walks the folders and hands each content file over as
        // it is found; the others read and parse meanwhile. Files keep the
        // order of the walk.
        let (tx, rx) = std::sync::mpsc::channel::<(usize, PathBuf, String)>();
        let ((resources, static_files, mut errors), mut numbered) =
            crate::timing("walk, read and parse", || {
                std::thread::scope(|scope| {
                    let hugo = &hugo;
                    let walker = scope.spawn(move || {
                        let (mut resources, mut static_files, mut errors) =
                            (Vec::new(), Vec::new(), Vec::new());
                        let mut k = 0;
                        let mounts = std::sync::Arc::new(ContentMounts::new(hugo));
                        // A file two content mounts reach is read once, at
                        // the first; of two files mounted at one content
                        // path (and language), Hugo takes the first mount's.
                        let mut seen = std::collections::HashSet::new();
                        let mut taken = std::collections::HashSet::new();
                        for (m, dir) in hugo.content_dirs.iter().enumerate() {
                            walk(
                                &dir.path,
                                &dir.target,
                                Some((&mounts, m)),
                                &mut errors,
                                &mut |path, content_path| {
                                    if !seen.insert(path.clone())
                                        || !taken.insert((dir.lang.clone(), content_path.clone()))
                                    {
                                        return;
                                    }
                                    if is_content(&path) {
                                        let _ = tx.send((k, path, content_path));
                                        k += 1;
                                    } else {
                                        resources.push((path, content_path));
                                    }
                                },
                            );
                        }
                        drop(tx);
                        // Nothing to lint at all: say where content was
                        // looked for (a typo in `contentDir` must not pass
                        // as a clean site).
                        if hugo.content_dirs.iter().all(|d| !d.path.exists()) {
                            for dir in &hugo.content_dirs {
                                let what = if dir.path.exists() {
                                    "is not a folder"
                                } else {
                                    "does not exist"
                                };
                                let message =
                                    format!("the content directory {what}: nothing to lint");
                                errors.push(*read_error(dir.path.clone(), message));
                            }
                        }
                        for dir in &hugo.static_dirs {
                            walk(dir, "", None, &mut errors, &mut |path, rel| {
                                static_files.push((path, format!("/{rel}")));
                            });
                        }
                        (resources, static_files, errors)
                    });
                    let numbered: Vec<(usize, Result<Post, Box<Diagnostic>>)> = rx
                        .into_iter()
                        .par_bridge()
                        .map(|(k, path, content_path)| {
                            (k, read_post_with(path, content_path, cache, keep_texts))
                        })
                        .collect();
                    (walker.join().expect("the walk does not panic"), numbered)
                })
            });
        numbered.sort_unstable_by_key(|(k, _)| *k);
        let results = numbered.into_iter().map(|(_, r)| r);
        let mut posts = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(p) => posts.push(p),
                Err(d) => errors.push(*d),
            }
        }
        let stamped = cache.map_or(0, Cache::stamped);
        crate::timing(
            &format!(
                "{stamped} of {} posts taken on their stamps, unread",
                posts.len()
            ),
            || (),
        );
        let mut site = Site::new(hugo, posts, errors);
        site.resources = resources;
        site.static_files = static_files;
        site
    }
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

/// A relative path, `/`-separated.
fn slashed(rel: &Path) -> String {
    let parts: Vec<_> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
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
    errors: &mut Vec<Diagnostic>,
    found: &mut dyn FnMut(PathBuf, String),
) {
    if dir.is_file() {
        if mounts.is_none_or(|(mounts, m)| mounts.publishes(m, "", target)) {
            found(dir.to_path_buf(), target.to_string());
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
                    found(p.to_path_buf(), content_path);
                }
            }
            Ok(_) => {}
            Err(err) => errors.push(*walk_error(dir, &err)),
        }
    }
}

pub fn is_content(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| crate::hugo::PARSED_EXTENSIONS.contains(&e))
}

/// Read one file as a post, or explain why it cannot be linted.
pub fn read_post(path: PathBuf, content_path: String) -> Result<Post, Box<Diagnostic>> {
    read_post_with(path, content_path, None, true)
}

fn read_post_with(
    path: PathBuf,
    content_path: String,
    cache: Option<&Cache>,
    keep_text: bool,
) -> Result<Post, Box<Diagnostic>> {
    let Some(cache) = cache else {
        return match std::fs::read(&path) {
            Ok(bytes) => post_from_bytes_with(path, content_path, bytes, None, keep_text),
            Err(e) => Err(read_error(path, format!("cannot read file: {e}"))),
        };
    };
    // A file the cache knows by its stamp is not read now.
    if cache.trust_stamps
        && let Ok(meta) = std::fs::metadata(&path)
        && let Some(post) = cache.by_stamp(&path, &content_path, Stamp::of(&meta))
    {
        return Ok(post);
    }
    // The stamp is taken before the bytes are read: a file changed while
    // being read gets a stamp that no longer matches next time.
    let read = || -> std::io::Result<(Vec<u8>, Stamp)> {
        let mut file = std::fs::File::open(&path)?;
        let stamp = Stamp::of(&file.metadata()?);
        let mut bytes = Vec::with_capacity(usize::try_from(stamp.size()).unwrap_or(0));
        std::io::Read::read_to_end(&mut file, &mut bytes)?;
        Ok((bytes, stamp))
    };
    match read() {
        Ok((bytes, stamp)) => {
            post_from_bytes_with(path, content_path, bytes, Some((cache, stamp)), keep_text)
        }
        Err(e) => Err(read_error(path, format!("cannot read file: {e}"))),
    }
}

/// Decode and parse; a binary file (NUL bytes) or invalid UTF-8 is
/// reported with its line.
pub fn post_from_bytes(
    path: PathBuf,
    content_path: String,
    bytes: Vec<u8>,
) -> Result<Post, Box<Diagnostic>> {
    post_from_bytes_with(path, content_path, bytes, None, true)
}

fn post_from_bytes_with(
    path: PathBuf,
    content_path: String,
    bytes: Vec<u8>,
    cache: Option<(&Cache, Stamp)>,
    keep_text: bool,
) -> Result<Post, Box<Diagnostic>> {
    let line_of = |bytes: &[u8], at: usize| bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    if let Some(at) = memchr::memchr(0, &bytes[..bytes.len().min(8000)]) {
        let line = line_of(&bytes, at);
        return Err(read_error(
            path,
            format!("file is binary, not text (a NUL byte at line {line}, byte {at})"),
        ));
    }
    match String::from_utf8(bytes) {
        Ok(source) => {
            // The hash keys the cache, and checks a text let go once parsed
            // when it is read again on demand.
            let hash = (cache.is_some() || !keep_text)
                .then(|| crate::document::source::hash(source.as_bytes()));
            let len = source.len();
            let mut post = match (cache, hash) {
                (Some((cache, stamp)), Some(hash)) => {
                    cache.post(path, content_path, source, hash, stamp)
                }
                _ => Post::parse(path, content_path, source),
            };
            if let (false, Some(hash)) = (keep_text, hash) {
                post.source = crate::document::Source::later(post.path.clone(), len, hash);
            }
            Ok(post)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = line_of(e.as_bytes(), at);
            Err(read_error(
                path,
                format!(
                    "file is not valid UTF-8 (first bad byte at line {line}, byte {at}); Hugo needs UTF-8"
                ),
            ))
        }
    }
}

pub(crate) fn read_error(path: PathBuf, message: String) -> Box<Diagnostic> {
    let mut d = Diagnostic::new(READ_ERROR, Severity::Error, 0..0, message);
    d.path = path;
    Box::new(d)
}

fn walk_error(dir: &Path, err: &ignore::Error) -> Box<Diagnostic> {
    let mut path = dir.to_path_buf();
    let mut err = err;
    loop {
        match err {
            ignore::Error::WithPath {
                path: p,
                err: inner,
            } => {
                path = p.clone();
                err = inner;
            }
            ignore::Error::WithDepth { err: inner, .. }
            | ignore::Error::WithLineNumber { err: inner, .. } => {
                err = inner;
            }
            ignore::Error::Loop { ancestor, child } => {
                return read_error(
                    child.clone(),
                    format!(
                        "symbolic link loop: it points back to {}",
                        ancestor.display()
                    ),
                );
            }
            ignore::Error::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return read_error(path, "cannot read: a symbolic link to nothing".into());
            }
            other => return read_error(path, format!("cannot read: {other}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    /// The jaeger layout (issue 12, pattern 4): `content/docs/v2` mounted at
    /// `content/docs`, hidden from the plain `content` mount by `files`.
    fn versioned_site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary directory");
        let files = [
            (
                "hugo.yaml",
                "baseURL: https://example.org/\nmodule:\n  mounts:\n\
                 \x20   - {source: content, target: content, files: ['! docs/v?']}\n\
                 \x20   - {source: content/docs/v2, target: content/docs, files: '! _*'}\n",
            ),
            ("content/download.md", "---\ntitle: D\n---\n"),
            ("content/docs/v2/_index.md", "---\ntitle: V2\n---\n"),
            (
                "content/docs/v2/2.6/deployment/_index.md",
                "---\ntitle: Deploy\n---\n[ok](../../../download/) [bad](../../../nothing/)\n",
            ),
            ("content/docs/v2/2.6/deployment/cover.png", "png"),
        ];
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
            std::fs::write(path, text).expect("a file");
        }
        dir
    }

    #[test]
    fn each_file_once_through_the_mount_that_publishes_it() {
        // Hugo 0.168 `hugo list all` on this layout: docs/v2/_index.md is
        // not published, the deployment page is at /docs/2.6/deployment/.
        let dir = versioned_site();
        let hugo = HugoConfig::load(dir.path()).expect("configuration");
        let site = Site::load(hugo);
        let mut paths: Vec<&str> = site.posts.iter().map(|p| p.content_path.as_str()).collect();
        paths.sort_unstable();
        assert_eq!(paths, ["docs/2.6/deployment/_index.md", "download.md"]);
        let resources: Vec<&str> = site.resources.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(resources, ["docs/2.6/deployment/cover.png"]);
        let deploy = dir.path().join("content/docs/v2/2.6/deployment/_index.md");
        assert_eq!(
            content_path(&site.hugo, &deploy).as_deref(),
            Some("docs/2.6/deployment/_index.md")
        );
        let hidden = dir.path().join("content/docs/v2/_index.md");
        assert_eq!(content_path(&site.hugo, &hidden), None);

        // Relative links resolve from the published URL, and a broken one
        // is reported once.
        let found = crate::lint(&site, &Config::defaults(dir.path()), 0, None);
        let links: Vec<&str> = found
            .iter()
            .filter(|d| d.rule == "broken-link")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(links.len(), 1, "{links:?}");
        assert!(links[0].contains("`/nothing/`"), "{links:?}");
    }
}
