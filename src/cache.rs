//! The on-disk cache of parsed posts, in `.bloglint-cache/` under the site
//! root.
//!
//! What is cached: for each content file, what [`Post::parse`] builds from
//! its text (the front matter tree with its spans, the Markdown outline),
//! keyed by the file's path, its content path and a 128-bit hash of its
//! bytes. Parsing is most of the work of a run (YAML and Markdown); rules are
//! cheap and always run again, so a finding never comes from the cache: the
//! configuration, "now" and the rest of the site are read afresh each time.
//!
//! A file is taken on its stamp (size, modification and change times,
//! inode, device) when the cache recorded that very stamp with its parse and
//! the file was last modified well before the cache was written (an edit in
//! the same tick of a coarse clock could keep the stamp, as git's index
//! knows). Its text is then read only when something asks for it (a finding
//! to show, a suppression comment, a fix) and checked against the recorded
//! hash: a file changed since its stamp was taken is reported as such (see
//! [`Source`]). Other files are read and hashed, and a cached parse is used
//! when the hash and the content path match. Runs that rewrite files
//! (`--fix`, `--diff`, `--stdin-filename`) read every file.
//! Nothing in `bloglint.toml` changes how a file parses, and the Hugo
//! configuration changes it only through the content path (mounts), which
//! is part of the key: neither needs to clear the cache.
//!
//! The whole cache is keyed by bloglint's version and the identity of its
//! executable (size and modification time), so a rebuilt bloglint never
//! reads what another build wrote. The file carries a checksum of its
//! payload; a file that is truncated, corrupt, from another version or
//! unreadable is ignored and written anew.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::document::{FrontMatter, Outline, PageKind, Post, Source, SyntaxError};

/// The cache folder in the site root.
pub const DIR: &str = ".bloglint-cache";
const FILE: &str = "posts.bin";
const MAGIC: &[u8; 16] = b"bloglint-cache\n\x03";

/// What parsing gives besides the text (written from a post).
#[derive(Serialize)]
struct ParsedRef<'a> {
    front_matter: &'a Option<FrontMatter>,
    front_matter_error: &'a Option<SyntaxError>,
    body_start: usize,
    outline: &'a Outline,
}

/// The same, read back.
#[derive(Deserialize)]
struct Parsed {
    front_matter: Option<FrontMatter>,
    front_matter_error: Option<SyntaxError>,
    body_start: usize,
    outline: Outline,
}

impl Parsed {
    fn into_post(self, path: PathBuf, content_path: String, source: Source) -> Post {
        Post {
            kind: PageKind::from_content_path(&content_path),
            path,
            content_path,
            source,
            front_matter: self.front_matter,
            front_matter_error: self.front_matter_error,
            body_start: self.body_start,
            outline: self.outline,
        }
    }
}

/// An entry of this run, to write: path, content path, hash, and where its
/// parsed data is in the file read (`None`: parsed in this run).
struct Fresh {
    path: Vec<u8>,
    content_path: String,
    hash: u128,
    stamp: Stamp,
    old: Option<Range<usize>>,
    /// Read (not taken on its stats) only because it was too recent to
    /// trust: worth writing again once it is old enough.
    recent: bool,
}

/// An entry of the file read: where its parts are in `bytes`.
struct Old {
    content_path: Range<usize>,
    hash: u128,
    stamp: Stamp,
    data: Range<usize>,
}

/// What a file's metadata says of its contents: size, modification time
/// and (on Unix) change time, inode and device. The same stamp on a file
/// the cache saw long enough before it was written means the same bytes,
/// as git's index trusts them.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Stamp {
    len: u64,
    /// Nanoseconds since the epoch.
    modified: i64,
    /// The rest, hashed.
    other: u64,
}

impl Stamp {
    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.len
    }

    pub fn of(meta: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        let other = {
            use std::os::unix::fs::MetadataExt;
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for n in [
                meta.ctime() as u64,
                meta.ctime_nsec() as u64,
                meta.ino(),
                meta.dev(),
            ] {
                h.update(&n.to_le_bytes());
            }
            h.digest()
        };
        #[cfg(not(unix))]
        let other = 0;
        Stamp {
            len: meta.len(),
            modified: nanos(meta.modified()),
            other,
        }
    }
}

/// Nanoseconds since the epoch (0 for a time the system cannot give).
fn nanos(t: std::io::Result<std::time::SystemTime>) -> i64 {
    t.ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| i64::try_from(d.as_nanos()).ok())
        .unwrap_or(0)
}

/// How much older than the cache file a file must be for its stamp to be
/// trusted: an edit in the same tick of a coarse clock (two seconds on
/// FAT) would not change it.
const RACY_NANOS: i64 = 2_000_000_000;

pub struct Cache {
    file: PathBuf,
    key: u64,
    bytes: Vec<u8>,
    entries: HashMap<Vec<u8>, Old>,
    fresh: Mutex<Vec<Fresh>>,
    /// When the cache file was written (nanoseconds since the epoch).
    written: i64,
    /// Whether an unchanged stamp may stand for the file's text, read only
    /// if something asks for it. Off for runs that rewrite files.
    pub trust_stamps: bool,
    /// How many posts were taken on their stamps.
    stamped: std::sync::atomic::AtomicUsize,
}

fn path_key(path: &Path) -> Vec<u8> {
    path.as_os_str().as_encoded_bytes().to_vec()
}

/// bloglint's version, the cache format and the running executable.
fn build_key() -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    let id = format!(
        "{} {} {} {}",
        env!("CARGO_PKG_VERSION"),
        String::from_utf8_lossy(MAGIC),
        meta.len(),
        modified.as_nanos()
    );
    Some(xxhash_rust::xxh3::xxh3_64(id.as_bytes()))
}

/// A cursor over the cache file that fails on any overrun.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<Range<usize>> {
        let end = self.at.checked_add(n)?;
        (end <= self.bytes.len()).then(|| {
            let r = self.at..end;
            self.at = end;
            r
        })
    }

    fn u32(&mut self) -> Option<usize> {
        let r = self.take(4)?;
        Some(u32::from_le_bytes(self.bytes[r].try_into().ok()?) as usize)
    }

    fn u64(&mut self) -> Option<u64> {
        let r = self.take(8)?;
        Some(u64::from_le_bytes(self.bytes[r].try_into().ok()?))
    }

    fn u128(&mut self) -> Option<u128> {
        let r = self.take(16)?;
        Some(u128::from_le_bytes(self.bytes[r].try_into().ok()?))
    }

    fn chunk(&mut self) -> Option<Range<usize>> {
        let n = self.u32()?;
        self.take(n)
    }
}

/// The entries of a cache file, or `None` when it is not one this build
/// wrote whole.
fn read_entries(bytes: &[u8], key: u64) -> Option<HashMap<Vec<u8>, Old>> {
    let mut r = Reader { bytes, at: 0 };
    if bytes.get(r.take(MAGIC.len())?)? != MAGIC || r.u64()? != key {
        return None;
    }
    let count = r.u64()?;
    let len = usize::try_from(r.u64()?).ok()?;
    let checksum = r.u64()?;
    let start = r.at;
    if start.checked_add(len)? != bytes.len()
        || xxhash_rust::xxh3::xxh3_64(&bytes[start..]) != checksum
    {
        return None;
    }
    let mut entries = HashMap::with_capacity(usize::try_from(count).ok()?.min(1 << 24));
    for _ in 0..count {
        let path = r.chunk()?;
        let content_path = r.chunk()?;
        std::str::from_utf8(&bytes[content_path.clone()]).ok()?;
        let hash = r.u128()?;
        let stamp = Stamp {
            len: r.u64()?,
            modified: r.u64()? as i64,
            other: r.u64()?,
        };
        let data = r.chunk()?;
        entries.insert(
            bytes[path].to_vec(),
            Old {
                content_path,
                hash,
                stamp,
                data,
            },
        );
    }
    (r.at == bytes.len()).then_some(entries)
}

impl Cache {
    /// The cache of the site at `root`; empty when there is none, or none
    /// that can be trusted.
    pub fn open(root: &Path) -> Cache {
        let file = root.join(DIR).join(FILE);
        let key = build_key().unwrap_or(0);
        let written = std::fs::metadata(&file).map_or(0, |m| Stamp::of(&m).modified);
        let bytes = std::fs::read(&file).unwrap_or_default();
        let entries = if key == 0 {
            None
        } else {
            read_entries(&bytes, key)
        };
        let (bytes, entries) = match entries {
            Some(e) => (bytes, e),
            None => (Vec::new(), HashMap::new()),
        };
        Cache {
            file,
            key,
            bytes,
            entries,
            fresh: Mutex::new(Vec::new()),
            written,
            trust_stamps: true,
            stamped: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// How many posts this run took on their stamps, unread.
    pub fn stamped(&self) -> usize {
        self.stamped.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many entries were read from the file.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether a file with this stamp was modified too close to when the
    /// cache was written for the stamp to stand for its bytes.
    fn too_recent(&self, stamp: Stamp) -> bool {
        stamp.modified > self.written.saturating_sub(RACY_NANOS)
    }

    /// The parse recorded in `old`, when it was made at this content path.
    fn parsed(&self, old: &Old, content_path: &str) -> Option<Parsed> {
        if self.bytes[old.content_path.clone()] != *content_path.as_bytes() {
            return None;
        }
        postcard::from_bytes::<Parsed>(&self.bytes[old.data.clone()]).ok()
    }

    /// The post of the file at `path` without reading it, when its stamp is
    /// the one the cache recorded with its parse, at this content path, and
    /// old enough to trust (see [`RACY_NANOS`]). Its text is read only if
    /// something asks for it. `None`: read the file.
    pub fn by_stamp(&self, path: &Path, content_path: &str, stamp: Stamp) -> Option<Post> {
        if !self.trust_stamps {
            return None;
        }
        let key = path_key(path);
        let old = self.entries.get(&key)?;
        if old.stamp != stamp || self.too_recent(stamp) {
            return None;
        }
        let parsed = self.parsed(old, content_path)?;
        let len = usize::try_from(stamp.len).ok()?;
        if parsed.body_start > len {
            return None;
        }
        self.stamped
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.remember(Fresh {
            path: key,
            content_path: content_path.to_string(),
            hash: old.hash,
            stamp,
            old: Some(old.data.clone()),
            recent: false,
        });
        let source = Source::later(path.to_path_buf(), len, old.hash);
        Some(parsed.into_post(path.to_path_buf(), content_path.to_string(), source))
    }

    /// The post of a file whose text is `source` (whose bytes hash to
    /// `hash`, whose metadata had `stamp` before it was read), from the
    /// cache when it holds this very text at this content path; parsed (and
    /// remembered) otherwise.
    pub fn post(
        &self,
        path: PathBuf,
        content_path: String,
        source: String,
        hash: u128,
        stamp: Stamp,
    ) -> Post {
        let key = path_key(&path);
        let recent = self.trust_stamps && self.too_recent(stamp);
        if let Some(old) = self.entries.get(&key)
            && old.hash == hash
            && let Some(parsed) = self.parsed(old, &content_path)
            && parsed.body_start <= source.len()
        {
            self.remember(Fresh {
                path: key,
                content_path: content_path.clone(),
                hash,
                // A stamp that changed (a file touched, copied) is written
                // anew: the next run can trust it.
                recent: recent || old.stamp != stamp,
                stamp,
                old: Some(old.data.clone()),
            });
            return parsed.into_post(path, content_path, Source::new(source));
        }
        self.remember(Fresh {
            path: key,
            content_path: content_path.clone(),
            hash,
            stamp,
            old: None,
            recent: false,
        });
        Post::parse(path, content_path, source)
    }

    fn remember(&self, fresh: Fresh) {
        if let Ok(mut all) = self.fresh.lock() {
            all.push(fresh);
        }
    }

    /// Write the entries of this run (and only those: files gone are
    /// dropped) when they differ from the file read. `posts` are the posts
    /// this cache gave, as it gave them (before any fix or stdin text took
    /// a file's place): those parsed in this run are written from them.
    /// Failures are ignored: a site on a read-only disk is linted without a
    /// cache.
    pub fn save(self, posts: &[Post]) {
        let Ok(mut fresh) = self.fresh.into_inner() else {
            return;
        };
        // Rewritten when an entry is new, gone, or has a stamp the next run
        // could trust and this file does not hold yet.
        let now = nanos(Ok(std::time::SystemTime::now()));
        let settled = |f: &Fresh| !f.recent || f.stamp.modified > now.saturating_sub(RACY_NANOS);
        let unchanged = fresh.len() == self.entries.len()
            && fresh.iter().all(|f| f.old.is_some() && settled(f));
        if unchanged || self.key == 0 {
            return;
        }
        fresh.sort_by(|a, b| a.path.cmp(&b.path));
        let by_path: HashMap<Vec<u8>, &Post> =
            posts.iter().map(|p| (path_key(&p.path), p)).collect();
        let bytes = &self.bytes;
        let _ = write(&self.file, self.key, |out| {
            let mut count = 0u64;
            let mut data = Vec::new();
            for f in &fresh {
                data.clear();
                match &f.old {
                    Some(r) => data.extend_from_slice(&bytes[r.clone()]),
                    None => {
                        let Some(post) = by_path.get(&f.path) else {
                            continue;
                        };
                        let parsed = ParsedRef {
                            front_matter: &post.front_matter,
                            front_matter_error: &post.front_matter_error,
                            body_start: post.body_start,
                            outline: &post.outline,
                        };
                        match postcard::to_extend(&parsed, std::mem::take(&mut data)) {
                            Ok(written) => data = written,
                            Err(_) => continue,
                        }
                    }
                }
                for chunk in [f.path.as_slice(), f.content_path.as_bytes()] {
                    out.write_all(&(chunk.len() as u32).to_le_bytes())?;
                    out.write_all(chunk)?;
                }
                out.write_all(&f.hash.to_le_bytes())?;
                for n in [f.stamp.len, f.stamp.modified as u64, f.stamp.other] {
                    out.write_all(&n.to_le_bytes())?;
                }
                out.write_all(&(data.len() as u32).to_le_bytes())?;
                out.write_all(&data)?;
                count += 1;
            }
            Ok(count)
        });
    }
}

/// A writer that hashes and counts what goes through it.
struct Hashing<W> {
    inner: W,
    hasher: xxhash_rust::xxh3::Xxh3,
    len: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Write the cache file atomically (a temporary file renamed over it), in
/// a folder that tells git and backup tools to leave it alone. `entries`
/// writes the payload and says how many entries it wrote.
fn write(
    file: &Path,
    key: u64,
    entries: impl FnOnce(&mut dyn Write) -> std::io::Result<u64>,
) -> std::io::Result<()> {
    use std::io::{Seek, SeekFrom};
    let dir = file.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(
            ignore,
            "# Created by bloglint: a cache, never to commit.\n*\n",
        )?;
    }
    let tag = dir.join("CACHEDIR.TAG");
    if !tag.exists() {
        std::fs::write(
            tag,
            "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by bloglint.\n",
        )?;
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    let header = |count: u64, len: u64, checksum: u64| {
        let mut head = Vec::with_capacity(48);
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&key.to_le_bytes());
        head.extend_from_slice(&count.to_le_bytes());
        head.extend_from_slice(&len.to_le_bytes());
        head.extend_from_slice(&checksum.to_le_bytes());
        head
    };
    // The header's place first; filled in once the payload is written.
    tmp.write_all(&header(0, 0, 0))?;
    let mut out = Hashing {
        inner: std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut()),
        hasher: xxhash_rust::xxh3::Xxh3::new(),
        len: 0,
    };
    let count = entries(&mut out)?;
    out.flush()?;
    let (len, checksum) = (out.len, out.hasher.digest());
    drop(out);
    let f = tmp.as_file_mut();
    f.seek(SeekFrom::Start(0))?;
    f.write_all(&header(count, len, checksum))?;
    tmp.persist(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::source::hash;

    const TEXT: &str =
        "---\ntitle: Hello\ndate: 2024-01-14\ntags: [a, b]\n---\n\n## One\n\nA [link](/x/).\n";

    fn load(root: &Path, text: &str) -> (Cache, Post) {
        let cache = Cache::open(root);
        let path = root.join("content/a.md");
        let post = cache.post(
            path,
            "a.md".into(),
            text.into(),
            hash(text.as_bytes()),
            Stamp::default(),
        );
        (cache, post)
    }

    fn save(root: &Path, text: &str) {
        let (cache, post) = load(root, text);
        cache.save(&[post]);
    }

    fn hits(root: &Path, text: &str) -> bool {
        let (cache, _) = load(root, text);
        let fresh = cache.fresh.lock().unwrap();
        fresh[0].old.is_some()
    }

    #[test]
    fn a_cached_post_is_the_parsed_post() {
        let dir = tempfile::tempdir().unwrap();
        let (cache, first) = load(dir.path(), TEXT);
        assert!(cache.is_empty());
        cache.save(std::slice::from_ref(&first));
        assert!(dir.path().join(DIR).join(".gitignore").exists());
        let (cache, second) = load(dir.path(), TEXT);
        assert_eq!(cache.len(), 1);
        assert!(hits(dir.path(), TEXT));
        assert_eq!(first.front_matter, second.front_matter);
        assert_eq!(first.outline, second.outline);
        assert_eq!(first.body_start, second.body_start);
        assert_eq!(first.kind, second.kind);
    }

    #[test]
    fn other_text_or_content_path_is_parsed_again() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), TEXT);
        let other = TEXT.replace("Hello", "Bye");
        assert!(!hits(dir.path(), &other));
        let (_, post) = load(dir.path(), &other);
        assert_eq!(post.field("title").and_then(|n| n.as_str()), Some("Bye"));
        // The same text mounted elsewhere (a Hugo configuration change).
        let cache = Cache::open(dir.path());
        let post = cache.post(
            dir.path().join("content/a.md"),
            "posts/a.md".into(),
            TEXT.into(),
            hash(TEXT.as_bytes()),
            Stamp::default(),
        );
        assert!(cache.fresh.lock().unwrap()[0].old.is_none());
        assert_eq!(post.kind, PageKind::Page);
    }

    /// A cache of `content/a.md` holding TEXT, written with the file's
    /// stamp, the file's modification time set `age` seconds back.
    fn stamped(root: &Path, age: u64) -> (PathBuf, Stamp) {
        let path = root.join("content/a.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, TEXT).unwrap();
        let then = std::time::SystemTime::now() - std::time::Duration::from_secs(age);
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(then).unwrap();
        drop(file);
        let stamp = Stamp::of(&std::fs::metadata(&path).unwrap());
        let cache = Cache::open(root);
        let post = cache.post(
            path.clone(),
            "a.md".into(),
            TEXT.into(),
            hash(TEXT.as_bytes()),
            stamp,
        );
        cache.save(&[post]);
        (path, stamp)
    }

    #[test]
    fn an_old_enough_stamp_stands_for_the_text() {
        let dir = tempfile::tempdir().unwrap();
        let (path, stamp) = stamped(dir.path(), 60);
        let cache = Cache::open(dir.path());
        let post = cache
            .by_stamp(&path, "a.md", stamp)
            .expect("taken on its stamp");
        assert!(!post.source.is_read());
        assert_eq!(post.field("title").and_then(|n| n.as_str()), Some("Hello"));
        // Read when asked for, and checked.
        assert_eq!(post.source.as_str(), TEXT);
        assert!(!post.source.changed());
        // Another stamp, another content path, or a run that rewrites files:
        // the file is read.
        let other = Stamp {
            len: stamp.len + 1,
            ..stamp
        };
        assert!(cache.by_stamp(&path, "a.md", other).is_none());
        assert!(cache.by_stamp(&path, "b.md", stamp).is_none());
        let mut fixing = Cache::open(dir.path());
        fixing.trust_stamps = false;
        assert!(fixing.by_stamp(&path, "a.md", stamp).is_none());
    }

    #[test]
    fn a_stamp_too_close_to_the_cache_is_not_trusted() {
        // Modified in the same two seconds as the cache was written: an edit
        // right after could keep the stamp on a coarse clock.
        let dir = tempfile::tempdir().unwrap();
        let (path, stamp) = stamped(dir.path(), 0);
        let cache = Cache::open(dir.path());
        assert!(cache.by_stamp(&path, "a.md", stamp).is_none());
    }

    #[test]
    fn a_damaged_file_is_ignored_and_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), TEXT);
        let file = dir.path().join(DIR).join(FILE);
        let good = std::fs::read(&file).unwrap();
        let mut flipped = good.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 0x55;
        let damaged = [
            good[..good.len() / 2].to_vec(),
            good[..10].to_vec(),
            flipped,
            Vec::new(),
            b"not a cache at all".to_vec(),
            [good.clone(), b"more".to_vec()].concat(),
        ];
        for bytes in damaged {
            std::fs::write(&file, &bytes).unwrap();
            let (cache, post) = load(dir.path(), TEXT);
            assert!(cache.is_empty(), "trusted {} bytes", bytes.len());
            assert_eq!(post.field("title").and_then(|n| n.as_str()), Some("Hello"));
            cache.save(&[post]);
            assert!(hits(dir.path(), TEXT), "not rebuilt");
        }
    }

    #[test]
    fn another_build_does_not_read_it() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), TEXT);
        let file = dir.path().join(DIR).join(FILE);
        let mut bytes = std::fs::read(&file).unwrap();
        bytes[MAGIC.len()] ^= 1;
        std::fs::write(&file, &bytes).unwrap();
        assert!(Cache::open(dir.path()).is_empty());
    }
}
