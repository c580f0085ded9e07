//! Reporters: how diagnostics are shown. The library never prints; these
//! write into any `io::Write`.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod site;

use std::path::Path;

/// A path as reports show it: without a leading `./`.
pub fn shown(path: &Path) -> String {
    let s = path.display().to_string();
    match s.strip_prefix("./") {
        Some(rest) => rest.to_string(),
        None => s,
    }
}

/// Where reporters find a file's text to show lines and compute positions.
pub trait Sources {
    fn source(&self, path: &Path) -> Option<&str>;
}

impl Sources for crate::site::Site {
    fn source(&self, path: &Path) -> Option<&str> {
        self.post(path).map(|p| p.source.as_str())
    }
}

/// Line and column lookups for reporters. Diagnostics sit mostly near the
/// top of a file (front matter), so each lookup scans only the text before
/// its offset instead of indexing the whole file.
pub struct Positions<'a> {
    sources: &'a dyn Sources,
}

impl<'a> Positions<'a> {
    pub fn new(sources: &'a dyn Sources) -> Self {
        Positions { sources }
    }

    /// 1-based (line, column in characters) of a byte offset; (1, 1) when
    /// the file's text is unknown.
    pub fn line_col(&mut self, path: &Path, offset: usize) -> (usize, usize) {
        let Some(text) = self.sources.source(path) else {
            return (1, 1);
        };
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text.as_bytes()[..end];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        (line, text[start..end].chars().count() + 1)
    }
}
