//! A post's text: read with the post, or, for a post the cache vouches for
//! by its file's stats, read the first time something asks for it (a
//! finding to show, a fix, a suppression comment). Most posts of a clean
//! site are never read again.

use std::fmt;
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Texts read on first use in this process (for `BLOGLINT_TIMINGS`).
static READS: AtomicUsize = AtomicUsize::new(0);

pub struct Source {
    text: OnceLock<String>,
    /// For a text not read yet: where it is and what it must be.
    pending: Option<Pending>,
    /// The file no longer held the text the cache described when it was
    /// read: its spans cannot be trusted.
    changed: AtomicBool,
}

struct Pending {
    path: PathBuf,
    len: usize,
    hash: u128,
}

impl Source {
    /// A text already read.
    pub fn new(text: String) -> Source {
        Source {
            text: OnceLock::from(text),
            pending: None,
            changed: AtomicBool::new(false),
        }
    }

    /// The text of the file at `path`, known to be `len` bytes hashing to
    /// `hash`, read on first use.
    pub fn later(path: PathBuf, len: usize, hash: u128) -> Source {
        Source {
            text: OnceLock::new(),
            pending: Some(Pending { path, len, hash }),
            changed: AtomicBool::new(false),
        }
    }

    /// Whether the text has been read (always, for one given read).
    pub fn is_read(&self) -> bool {
        self.text.get().is_some()
    }

    /// Whether the file, read on demand, no longer held the expected text
    /// (changed since its stats were taken, or unreadable). The text is
    /// then blanks of the expected length, so that spans stay in bounds;
    /// whatever was found in it must be discarded.
    pub fn changed(&self) -> bool {
        self.changed.load(Ordering::Relaxed)
    }

    /// How many texts were read on first use so far.
    pub fn reads() -> usize {
        READS.load(Ordering::Relaxed)
    }

    fn read(&self) -> String {
        let Some(p) = &self.pending else {
            return String::new();
        };
        READS.fetch_add(1, Ordering::Relaxed);
        if let Ok(bytes) = std::fs::read(&p.path)
            && bytes.len() == p.len
            && hash(&bytes) == p.hash
            && let Ok(text) = String::from_utf8(bytes)
        {
            return text;
        }
        self.changed.store(true, Ordering::Relaxed);
        " ".repeat(p.len)
    }
}

impl Deref for Source {
    type Target = String;

    fn deref(&self) -> &String {
        self.text.get_or_init(|| self.read())
    }
}

impl Clone for Source {
    fn clone(&self) -> Source {
        let copy = Source::new(String::clone(self));
        copy.changed.store(self.changed(), Ordering::Relaxed);
        copy
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.text.get() {
            Some(text) => fmt::Debug::fmt(text, f),
            None => f.write_str("<not read yet>"),
        }
    }
}

impl PartialEq<str> for Source {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Source {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The hash a file's bytes are known by (the cache's stamps keep it).
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_on_first_use_and_checked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.md");
        std::fs::write(&path, "hello").expect("write");
        let hash = hash(b"hello");
        let s = Source::later(path.clone(), 5, hash);
        assert!(!s.is_read());
        // Changed after the stats were taken: blanks, and said so.
        std::fs::write(&path, "HELLO").expect("write");
        assert_eq!(s.as_str(), "     ");
        assert!(s.changed());
        // Unchanged: the text.
        std::fs::write(&path, "hello").expect("write");
        let s = Source::later(path.clone(), 5, hash);
        assert_eq!(s.as_str(), "hello");
        assert!(!s.changed() && s.is_read());
        // Gone: blanks, said so.
        let s = Source::later(dir.path().join("gone.md"), 3, hash);
        assert_eq!(s.len(), 3);
        assert!(s.changed());
        assert_eq!(Source::new("x".into()).as_str(), "x");
    }
}
