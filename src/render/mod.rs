//! Reporters: how diagnostics are shown. The library never prints; these
//! write into any `io::Write`.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

/// Line and column lookups for reporters. Diagnostics come sorted by file
/// and position, so each file keeps a cursor that moves from one lookup to
/// the next: the work is the distance between them, not a scan from the top
/// of the file (many findings deep in a large post stay linear), and no
/// whole-file line index is built.
pub struct Positions<'a> {
    sources: &'a dyn Sources,
    cursors: HashMap<PathBuf, Cursor>,
}

/// A byte offset (on a char boundary) and its 1-based line and column.
#[derive(Clone, Copy)]
struct Cursor {
    offset: usize,
    line: usize,
    col: usize,
}

impl Cursor {
    const START: Cursor = Cursor {
        offset: 0,
        line: 1,
        col: 1,
    };

    /// Move to `to` (a char boundary of `text`).
    fn seek(self, text: &str, to: usize) -> Cursor {
        if to >= self.offset {
            let between = &text[self.offset..to];
            match between.rfind('\n') {
                None => Cursor {
                    offset: to,
                    line: self.line,
                    col: self.col + between.chars().count(),
                },
                Some(nl) => Cursor {
                    offset: to,
                    line: self.line + between.bytes().filter(|b| *b == b'\n').count(),
                    col: between[nl + 1..].chars().count() + 1,
                },
            }
        } else {
            let between = &text[to..self.offset];
            if !between.contains('\n') {
                return Cursor {
                    offset: to,
                    line: self.line,
                    col: self.col - between.chars().count(),
                };
            }
            let line_start = text[..to].rfind('\n').map_or(0, |i| i + 1);
            Cursor {
                offset: to,
                line: self.line - between.bytes().filter(|b| *b == b'\n').count(),
                col: text[line_start..to].chars().count() + 1,
            }
        }
    }
}

impl<'a> Positions<'a> {
    pub fn new(sources: &'a dyn Sources) -> Self {
        Positions {
            sources,
            cursors: HashMap::new(),
        }
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
        let cursor = match self.cursors.get_mut(path) {
            Some(c) => c,
            None => self
                .cursors
                .entry(path.to_path_buf())
                .or_insert(Cursor::START),
        };
        *cursor = cursor.seek(text, end);
        (cursor.line, cursor.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::LineIndex;

    struct One(&'static str);
    impl Sources for One {
        fn source(&self, _: &Path) -> Option<&str> {
            Some(self.0)
        }
    }

    #[test]
    fn cursor_agrees_with_a_line_index_in_any_order() {
        let text = "ab\né x\r\n\nzé\n";
        let index = LineIndex::new(text);
        let sources = One(text);
        let mut positions = Positions::new(&sources);
        let offsets = [0, 5, 4, 1, 12, 3, 7, 999, 9, 2, 10, 0, 8, 6];
        for offset in offsets {
            assert_eq!(
                positions.line_col(Path::new("a.md"), offset),
                index.line_col(offset),
                "{offset}"
            );
        }
    }
}
