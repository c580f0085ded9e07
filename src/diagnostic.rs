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

/// One replacement in a file's text, as an editor's change comes: bytes
/// `start..old_end` of the old text became `start..new_end` of the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextChange {
    pub path: PathBuf,
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl TextChange {
    /// The change between two texts of a file: what lies between their
    /// common start and their common end.
    pub fn between(path: PathBuf, old: &str, new: &str) -> TextChange {
        let (old, new) = (old.as_bytes(), new.as_bytes());
        let start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let room = old.len().min(new.len()) - start;
        let end = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        TextChange {
            path,
            start,
            old_end: old.len() - end,
            new_end: new.len() - end,
        }
    }

    /// A span of the old text in the new one: the same before the change,
    /// moved after it; `None` when the change touches it (or an empty span
    /// sits where text was inserted: before or after it, nobody knows).
    pub fn rebase(&self, span: &Range<usize>) -> Option<Range<usize>> {
        if span.end < self.start || (span.end == self.start && span.start < span.end) {
            return Some(span.clone());
        }
        if span.start >= self.old_end && !(span.is_empty() && span.start == self.start) {
            let moved = |at: usize| at - self.old_end + self.new_end;
            return Some(moved(span.start)..moved(span.end));
        }
        None
    }
}

impl Diagnostic {
    /// This finding in the text after `change`: its span, its labels' and
    /// its fix's edits in that file moved; `None` when the change touches
    /// one of them.
    pub fn rebased(mut self, change: &TextChange) -> Option<Diagnostic> {
        let here = self.path == change.path;
        if here {
            self.span = change.rebase(&self.span)?;
            if let Some(fix) = &mut self.fix {
                for edit in &mut fix.edits {
                    edit.range = change.rebase(&edit.range)?;
                }
            }
        }
        for label in &mut self.labels {
            let in_file = label.path.as_ref().map_or(here, |p| *p == change.path);
            if in_file {
                label.span = change.rebase(&label.span)?;
            }
        }
        Some(self)
    }
}

#[cfg(test)]
mod text_change_tests {
    use super::*;

    fn change(old: &str, new: &str) -> TextChange {
        TextChange::between(PathBuf::from("a.md"), old, new)
    }

    #[test]
    fn the_change_between_two_texts() {
        let c = change(
            "---\ntitle: A\n---\n",
            "---\naliases: [/x/]\ntitle: A\n---\n",
        );
        assert_eq!((c.start, c.old_end, c.new_end), (4, 4, 19));
        let c = change("abcdef", "abXYef");
        assert_eq!((c.start, c.old_end, c.new_end), (2, 4, 4));
        // Repeated text: the common end does not reach into the common start.
        let c = change("aaaa", "aaaaaa");
        assert_eq!((c.start, c.old_end, c.new_end), (4, 4, 6));
        let c = change("same", "same");
        assert_eq!((c.start, c.old_end, c.new_end), (4, 4, 4));
    }

    #[test]
    fn spans_before_move_not_those_before_and_touched_ones_are_lost() {
        // "0123456789" → "01234XX56789": two bytes inserted at 5.
        let c = change("0123456789", "01234XX56789");
        assert_eq!(c.rebase(&(1..3)), Some(1..3));
        assert_eq!(c.rebase(&(3..5)), Some(3..5));
        assert_eq!(c.rebase(&(5..7)), Some(7..9));
        assert_eq!(c.rebase(&(0..0)), Some(0..0));
        assert_eq!(c.rebase(&(5..5)), None);
        assert_eq!(c.rebase(&(4..6)), None);
        // "0123456789" → "0129": 3..9 removed.
        let c = change("0123456789", "0129");
        assert_eq!(c.rebase(&(4..6)), None);
        assert_eq!(c.rebase(&(9..10)), Some(3..4));
    }

    #[test]
    fn a_finding_moves_with_its_labels_and_fix() {
        let c = change("0123456789", "01234XX56789");
        let d = Diagnostic::new("r", Severity::Warning, 6..8, "m")
            .in_file(PathBuf::from("a.md"))
            .with_secondary(None, 1..2, "here")
            .with_secondary(Some(PathBuf::from("b.md")), 6..7, "there")
            .with_fix(Fix::safe(
                "f",
                vec![Edit {
                    range: 6..8,
                    text: "x".into(),
                }],
            ));
        let moved = d.rebased(&c).expect("moved");
        assert_eq!(moved.span, 8..10);
        assert_eq!(moved.labels[0].span, 1..2);
        assert_eq!(moved.labels[1].span, 6..7);
        assert_eq!(moved.fix.expect("a fix").edits[0].range, 8..10);
        let touched =
            Diagnostic::new("r", Severity::Warning, 4..6, "m").in_file(PathBuf::from("a.md"));
        assert_eq!(touched.rebased(&c), None);
        // A label in the changed file, on a finding of another.
        let other = Diagnostic::new("r", Severity::Warning, 0..1, "m")
            .in_file(PathBuf::from("b.md"))
            .with_secondary(Some(PathBuf::from("a.md")), 7..8, "l");
        assert_eq!(other.rebased(&c).expect("moved").labels[0].span, 9..10);
    }
}
