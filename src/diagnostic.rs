//! The one diagnostic type every rule emits, the severities it carries, and
//! the error of a configuration that cannot be read.
//!
//! Spans are byte ranges into the whole file (front matter included); line and
//! column are computed only when rendering.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

/// A configuration (bloglint's or the site's) that cannot be read, pointing
/// into the file it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub source: String,
    pub span: Option<Range<usize>>,
    pub message: String,
}

/// How much a finding matters. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A configured severity: a severity, or the rule switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "off" => Level::Off,
            "info" => Level::On(Severity::Info),
            "warning" | "warn" => Level::On(Severity::Warning),
            "error" => Level::On(Severity::Error),
            _ => return None,
        })
    }
}

/// A secondary annotation: another span, in this file or another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// `None`: the diagnostic's own file.
    pub path: Option<PathBuf>,
    pub span: Range<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub path: PathBuf,
    pub span: Range<usize>,
    pub message: String,
    /// Text under the primary span; empty for none.
    pub label: String,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    /// A way to fix it, when the rule knows one.
    pub fix: Option<Fix>,
}

/// Whether a fix may be applied without the writer looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Changes the meaning or the outline: applied only with `--unsafe-fixes`.
    Unsafe,
    /// Keeps the meaning: applied by `--fix`.
    Safe,
}

/// Replace the bytes of `range` in the original file by `text` (an insert
/// is an empty range, a delete an empty text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// A fix: edits on byte ranges of the original file, applied together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    /// What it does, for reports: "rewrite as 2024-01-14".
    pub message: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            applicability: Applicability::Safe,
            message: message.into(),
            edits,
        }
    }

    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            applicability: Applicability::Unsafe,
            message: message.into(),
            edits,
        }
    }

    /// One replacement.
    pub fn replace(
        applicability: Applicability,
        message: impl Into<String>,
        range: Range<usize>,
        text: impl Into<String>,
    ) -> Fix {
        Fix {
            applicability,
            message: message.into(),
            edits: vec![Edit {
                range,
                text: text.into(),
            }],
        }
    }
}

impl Diagnostic {
    pub fn new(
        rule: &'static str,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            path: PathBuf::new(),
            span,
            message: message.into(),
            label: String::new(),
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Set the file the diagnostic is in (site rules report across files).
    pub fn in_file(mut self, path: PathBuf) -> Self {
        self.path = path;
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_secondary(
        mut self,
        path: Option<PathBuf>,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        self.labels.push(Label {
            path,
            span,
            message: message.into(),
        });
        self
    }
}

/// Line index of one source text: byte offset -> 1-based line and column.
/// Columns count characters, as editors and rustc do.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text.as_bytes()));
        LineIndex { text, starts }
    }

    /// 1-based line of a byte offset (no scan of the line, unlike
    /// [`LineIndex::line_col`]); offsets past the end clamp.
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.starts.partition_point(|&s| s <= offset)
    }

    /// 1-based (line, column) of a byte offset; offsets past the end clamp.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let col = self.text[start..end].chars().count() + 1;
        (line + 1, col)
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let idx = LineIndex::new("ab\né x\r\nz");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        // 'x' is after "é " = 3 bytes, 2 chars
        assert_eq!(idx.line_col(6), (2, 3));
        assert_eq!(idx.line_col(9), (3, 1));
        assert_eq!(idx.line_col(999), (3, 2));
        for offset in [0, 2, 3, 6, 8, 9, 999] {
            assert_eq!(idx.line(offset), idx.line_col(offset).0, "{offset}");
        }
    }
}
