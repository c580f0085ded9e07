//! Reporters: how diagnostics are shown. The library never prints; these
//! write into any `io::Write`.

pub mod concise;
pub mod human;
pub mod json;

use std::path::Path;

/// Where reporters find a file's text to show lines and compute positions.
pub trait Sources {
    fn source(&self, path: &Path) -> Option<&str>;
}

impl Sources for crate::site::Site {
    fn source(&self, path: &Path) -> Option<&str> {
        self.post(path).map(|p| p.source.as_str())
    }
}
