//! Positions: the byte offsets bloglint works in, and the line and
//! character positions of the Language Server Protocol (UTF-16 code units
//! by default, UTF-8 bytes when the client offers them); file paths and
//! `file://` URIs.

use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Uri};

/// How the client counts characters within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf8,
}

/// The line starts of one text, to turn byte offsets into positions and back.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str, encoding: Encoding) -> Lines<'t> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Lines {
            text,
            starts,
            encoding,
        }
    }

    /// The position of a byte offset (clamped to the text, and back to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let before = &self.text[self.starts[line]..offset];
        let character = match self.encoding {
            Encoding::Utf16 => before.encode_utf16().count(),
            Encoding::Utf8 => before.len(),
        };
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, span: &std::ops::Range<usize>) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position; past the end of its line, the end
    /// of the line; past the last line, the end of the text.
    pub fn offset(&self, pos: Position) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return self.text.len();
        };
        let end = self
            .starts
            .get(pos.line as usize + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let line = &self.text[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= want {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf16 => c.len_utf16(),
                Encoding::Utf8 => c.len_utf8(),
            };
        }
        start + line.len()
    }

    /// The end of the line holding a byte offset (before its line break).
    pub fn line_end(&self, offset: usize) -> usize {
        let line = self
            .starts
            .partition_point(|&s| s <= offset.min(self.text.len()))
            - 1;
        self.starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1)
    }

    /// The start of the line holding a byte offset.
    pub fn line_start(&self, offset: usize) -> usize {
        let line = self
            .starts
            .partition_point(|&s| s <= offset.min(self.text.len()))
            - 1;
        self.starts[line]
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The file a `file://` URI names; `None` for other schemes.
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let url = url::Url::parse(uri.as_str()).ok()?;
    if url.scheme() != "file" {
        return None;
    }
    url.to_file_path().ok()
}

/// The `file://` URI of an absolute path.
pub fn uri_of(path: &Path) -> Option<Uri> {
    let url = url::Url::from_file_path(path).ok()?;
    url.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_round_trip_in_both_encodings() {
        let text = "a\r\néé𝄞x\nlast";
        for enc in [Encoding::Utf16, Encoding::Utf8] {
            let lines = Lines::new(text, enc);
            for (i, c) in text.char_indices() {
                let pos = lines.position(i);
                // `\r\n` ends the line: positions in it map to its start.
                if c != '\r' && !(c == '\n' && text[..i].ends_with('\r')) {
                    assert_eq!(lines.offset(pos), i, "{enc:?} at {i}");
                }
            }
        }
        let utf16 = Lines::new(text, Encoding::Utf16);
        let x = text.find('x').unwrap();
        // é é are one unit each, 𝄞 two.
        assert_eq!(utf16.position(x), Position::new(1, 4));
        let utf8 = Lines::new(text, Encoding::Utf8);
        assert_eq!(utf8.position(x), Position::new(1, 8));
        // Past the end of a line and past the last line.
        assert_eq!(utf16.offset(Position::new(0, 99)), 1);
        assert_eq!(utf16.offset(Position::new(9, 0)), text.len());
    }

    #[test]
    fn file_uris() {
        let path = Path::new("/tmp/a site/content/é.md");
        let uri = uri_of(path).unwrap();
        assert_eq!(uri.as_str(), "file:///tmp/a%20site/content/%C3%A9.md");
        assert_eq!(path_of(&uri).unwrap(), path);
        let other: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(path_of(&other), None);
    }
}
