//! Front matter: splitting a file the way Hugo does, and a small value tree in
//! which every key, value and sequence item keeps its byte span in the whole file.

use std::borrow::Cow;
use std::ops::Range;

/// Which front matter syntax a block uses.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
    Json,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }
}

/// How a scalar was written in the source (for fixes that keep the style).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quote {
    /// Plain YAML scalar, bare TOML value, JSON non-string.
    None,
    Single,
    Double,
    /// YAML `|` / `>` block scalars, TOML multi-line strings.
    Block,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Integer(i64),
    Float(f64),
    Bool(bool),
    Null,
    /// A native date/time (TOML offset/local date-time, date, time), as written.
    Datetime(String),
    Array(Vec<Node>),
    Table(Table),
}

/// A value with its byte span in the whole file and its quoting style.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    /// Byte range of the value as written, quotes included.
    pub span: Range<usize>,
    pub quote: Quote,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Range<usize>,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub entries: Vec<(Key, Node)>,
}

impl Table {
    /// The first entry whose key matches `name` case-insensitively, as Hugo
    /// treats front matter keys.
    pub fn get(&self, name: &str) -> Option<(&Key, &Node)> {
        self.entries
            .iter()
            .find(|(k, _)| k.name.eq_ignore_ascii_case(name))
            .map(|(k, v)| (k, v))
    }

    pub fn value(&self, name: &str) -> Option<&Node> {
        self.get(name).map(|(_, v)| v)
    }
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_table(&self) -> Option<&Table> {
        match &self.value {
            Value::Table(t) => Some(t),
            _ => None,
        }
    }

    /// A short name of the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Bool(_) => "a boolean",
            Value::Null => "null",
            Value::Datetime(_) => "a date",
            Value::Array(_) => "a list",
            Value::Table(_) => "a map",
        }
    }

    /// The string items of a value Hugo reads as a list of strings: a list of
    /// strings, or one string. `None` when it is something else.
    pub fn string_list(&self) -> Option<Vec<(&str, &Node)>> {
        match &self.value {
            Value::String(s) => Some(vec![(s.as_str(), self)]),
            Value::Array(items) => items.iter().map(|n| n.as_str().map(|s| (s, n))).collect(),
            _ => None,
        }
    }
}

/// A syntax error in the front matter, at a byte offset of the whole file.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Range<usize>,
    pub message: String,
}

impl SyntaxError {
    pub fn new(span: Range<usize>, message: &str) -> SyntaxError {
        SyntaxError {
            span,
            message: message.to_owned(),
        }
    }
}

/// A parsed front matter block.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq)]
pub struct FrontMatter {
    pub format: Format,
    /// The whole block, delimiters included.
    pub span: Range<usize>,
    /// The bytes between the delimiters (for JSON: the object itself).
    pub content: Range<usize>,
    pub root: Table,
}

/// Where the front matter block sits in a file, before it is parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub format: Format,
    pub span: Range<usize>,
    pub content: Range<usize>,
}

/// Find the front matter block the way Hugo's page lexer does: after an
/// optional byte order mark and blank space, a `---` (YAML) or `+++` (TOML)
/// line opens a block closed by the same delimiter at the start of a line, or
/// a `{` opens a JSON object. Anything else: the file has no front matter.
pub fn split(source: &str) -> Result<Option<Split>, SyntaxError> {
    let bytes = source.as_bytes();
    let mut i = if source.starts_with('\u{feff}') { 3 } else { 0 };
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n') {
        i += 1;
    }
    let start = i;
    match bytes.get(start) {
        Some(b'-') => split_delimited(source, start, "---", Format::Yaml),
        Some(b'+') => split_delimited(source, start, "+++", Format::Toml),
        Some(b'{') => split_json(source, start).map(Some),
        _ => Ok(None),
    }
}

/// End of the line starting at or containing `from`: (end of text, start of next line).
fn line_end(source: &str, from: usize) -> (usize, usize) {
    match source[from..].find('\n') {
        Some(n) => {
            let nl = from + n;
            let end = if nl > from && source.as_bytes()[nl - 1] == b'\r' {
                nl - 1
            } else {
                nl
            };
            (end, nl + 1)
        }
        None => (source.len(), source.len()),
    }
}

fn split_delimited(
    source: &str,
    start: usize,
    delim: &str,
    format: Format,
) -> Result<Option<Split>, SyntaxError> {
    let (open_end, content_start) = line_end(source, start);
    if source[start..open_end].trim_end() != delim {
        // `--- x` or `-- ` is not a delimiter: no front matter (Hugo reads it
        // as content).
        return Ok(None);
    }
    let mut line = content_start;
    while line < source.len() {
        let (end, next) = line_end(source, line);
        if source[line..end].starts_with(delim) && source[line..end].trim_end() == delim {
            return Ok(Some(Split {
                format,
                span: start..next,
                content: content_start..line,
            }));
        }
        line = next;
    }
    Err(SyntaxError {
        span: start..open_end,
        message: format!(
            "{} front matter opened here is never closed by a `{delim}` line",
            format.name()
        ),
    })
}

fn split_json(source: &str, start: usize) -> Result<Split, SyntaxError> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    let end = i + 1;
                    let (_, next) = line_end(source, end);
                    let rest_blank = source[end..next].trim().is_empty();
                    return Ok(Split {
                        format: Format::Json,
                        span: start..if rest_blank { next } else { end },
                        content: start..end,
                    });
                }
            }
            _ => {}
        }
    }
    Err(SyntaxError {
        span: start..start + 1,
        message: "JSON front matter opened here is never closed by a matching `}`".into(),
    })
}

/// A scalar value as a string (Go's `cast.ToString`).
pub fn scalar_string(n: &Node) -> Option<Cow<'_, str>> {
    match &n.value {
        Value::String(s) | Value::Datetime(s) => Some(Cow::Borrowed(s.as_str())),
        Value::Integer(i) => Some(Cow::Owned(i.to_string())),
        Value::Float(f) => Some(Cow::Owned(f.to_string())),
        Value::Bool(b) => Some(Cow::Owned(b.to_string())),
        _ => None,
    }
}

/// A value Hugo reads as a list of strings: the items of a list (scalars),
/// or one string (`types.ToStringSlicePreserveString`).
pub fn string_items(n: &Node) -> Vec<(Cow<'_, str>, &Node)> {
    match &n.value {
        Value::Array(items) => items
            .iter()
            .filter_map(|i| scalar_string(i).map(|s| (s, i)))
            .collect(),
        _ => scalar_string(n).map(|s| (s, n)).into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(src: &str) -> &str {
        let s = split(src).unwrap().unwrap();
        &src[s.content]
    }

    #[test]
    fn yaml_toml_json_blocks() {
        assert_eq!(content("---\ntitle: a\n---\nbody"), "title: a\n");
        assert_eq!(content("+++\ntitle = 'a'\n+++\n"), "title = 'a'\n");
        assert_eq!(content("{\"title\": \"}\"}\nbody"), "{\"title\": \"}\"}");
    }

    #[test]
    fn crlf_and_bom() {
        let src = "\u{feff}---\r\ntitle: a\r\n---\r\nbody";
        let s = split(src).unwrap().unwrap();
        assert_eq!(&src[s.content.clone()], "title: a\r\n");
        assert_eq!(&src[s.span.end..], "body");
        assert_eq!(s.span.start, 3);
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(split("# Hello\n").unwrap(), None);
        assert_eq!(split("").unwrap(), None);
        assert_eq!(split("--- not\n").unwrap(), None);
    }

    #[test]
    fn unclosed_block_points_at_opening_line() {
        let e = split("---\ntitle: a\n").unwrap_err();
        assert_eq!(e.span, 0..3);
        let e = split("{\"a\": 1").unwrap_err();
        assert_eq!(e.span, 0..1);
    }

    #[test]
    fn empty_block() {
        assert_eq!(content("---\n---\n"), "");
    }
}
