//! Reading a site: find its root, read its Hugo configuration, walk its
//! content directories and parse every post, in parallel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub mod generator;
pub mod index;
pub mod links;
pub mod model;
pub mod redirects;

use rayon::prelude::*;

use crate::cache::{Cache, Stamp};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Post;
pub use generator::Generator;

/// What a generator's walk of the site finds, in the order it finds it.
pub enum Found {
    /// A content file to parse: path on disk and content path (`posts/a.md`).
    Content(PathBuf, String),
    /// Another file among the content (a bundle resource): path on disk and
    /// content path (`posts/a/cover.png`).
    Resource(PathBuf, String),
    /// A file published as it is: path on disk and URL path (`/img/x.png`).
    Static(PathBuf, String),
    /// A folder or file that cannot be read.
    Error(Box<Diagnostic>),
}

/// The pseudo-rule under which files that cannot be linted are reported.
pub const READ_ERROR: &str = "read-error";

pub struct Site {
    /// The generator that publishes the site, with its configuration.
    pub generator: Generator,
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

    pub fn new(generator: Generator, posts: Vec<Post>, errors: Vec<Diagnostic>) -> Site {
        let by_path = posts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.clone(), i))
            .collect();
        Site {
            generator,
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

    /// Put what reading a file's text gave in place of what the site held
    /// for it: its post, or the error that it could not be read (and no
    /// post).
    pub fn put(&mut self, path: &Path, read: Result<Post, Box<Diagnostic>>) {
        self.errors.retain(|e| e.path != path);
        match read {
            Ok(post) => self.replace(post),
            Err(d) => {
                self.errors.push(*d);
                self.remove(path);
            }
        }
    }

    /// Take a post out (its file is gone, or no longer a post).
    pub fn remove(&mut self, path: &Path) {
        if self.by_path.remove(path).is_none() {
            return;
        }
        self.posts.retain(|p| p.path != path);
        self.by_path = self
            .posts
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.clone(), i))
            .collect();
    }

    /// Read and parse every content file of the site.
    pub fn load(generator: Generator) -> Site {
        Site::load_with(generator, None, true)
    }

    /// Read every content file of the site; parse those the cache does not
    /// hold.
    ///
    /// Without `keep_texts`, a post's text is let go once parsed (its hash
    /// kept) and read again only if something asks for it: the rules need
    /// no other page's text, and a site's texts are a third of its memory.
    pub fn load_with(generator: Generator, cache: Option<&Cache>, keep_texts: bool) -> Site {
        // One thread walks the folders and hands each content file over as
        // it is found; the others read and parse meanwhile. Files keep the
        // order of the walk.
        let (tx, rx) = std::sync::mpsc::channel::<(usize, PathBuf, String)>();
        let ((resources, static_files, mut errors), mut numbered) =
            crate::timing("walk, read and parse", || {
                std::thread::scope(|scope| {
                    let generator = &generator;
                    let walker = scope.spawn(move || {
                        let (mut resources, mut static_files, mut errors) =
                            (Vec::new(), Vec::new(), Vec::new());
                        let mut k = 0;
                        generator.walk(&mut |found| match found {
                            Found::Content(path, content_path) => {
                                let _ = tx.send((k, path, content_path));
                                k += 1;
                            }
                            Found::Resource(path, content_path) => {
                                resources.push((path, content_path))
                            }
                            Found::Static(path, url) => static_files.push((path, url)),
                            Found::Error(d) => errors.push(*d),
                        });
                        drop(tx);
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
        let mut site = Site::new(generator, posts, errors);
        site.resources = resources;
        site.static_files = static_files;
        site
    }
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
                    "file is not valid UTF-8 (first bad byte at line {line}, byte {at}); Hugo fails the build on it, Jekyll skips the file"
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

pub(crate) fn walk_error(dir: &Path, err: &ignore::Error) -> Box<Diagnostic> {
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
    use crate::hugo::config::HugoConfig;

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
        let site = Site::load(Generator::Hugo(hugo));
        let mut paths: Vec<&str> = site.posts.iter().map(|p| p.content_path.as_str()).collect();
        paths.sort_unstable();
        assert_eq!(paths, ["docs/2.6/deployment/_index.md", "download.md"]);
        let resources: Vec<&str> = site.resources.iter().map(|(_, c)| c.as_str()).collect();
        assert_eq!(resources, ["docs/2.6/deployment/cover.png"]);
        let deploy = dir.path().join("content/docs/v2/2.6/deployment/_index.md");
        assert_eq!(
            site.generator.content_path(&deploy).as_deref(),
            Some("docs/2.6/deployment/_index.md")
        );
        let hidden = dir.path().join("content/docs/v2/_index.md");
        assert_eq!(site.generator.content_path(&hidden), None);

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
