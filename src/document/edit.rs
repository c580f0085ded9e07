//! Byte edits on front matter that keep everything else as written: the
//! building blocks of fixes. Never re-serialise a block; splice bytes.

use std::ops::Range;

use super::{Format, FrontMatter, Node, Post, Quote, Value};
use crate::diagnostic::Edit;

/// The line ending a file uses (its first one), `\n` by default.
pub fn line_ending(source: &str) -> &'static str {
    match source.find('\n') {
        Some(i) if i > 0 && source.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// The bytes inside a scalar's quotes (the whole span when unquoted).
pub fn scalar_text_span(source: &str, node: &Node) -> Option<Range<usize>> {
    let s = &node.span;
    let text = source.get(s.clone())?;
    match node.quote {
        Quote::None => Some(s.clone()),
        Quote::Single | Quote::Double if text.len() >= 2 && !text.contains('\n') => {
            Some(s.start + 1..s.end - 1)
        }
        _ => None,
    }
}

/// Replace a string scalar's text, keeping its quotes. `None` when the new
/// text cannot be written in the same style without escaping.
pub fn replace_scalar(source: &str, node: &Node, new: &str) -> Option<Edit> {
    let inner = scalar_text_span(source, node)?;
    let safe = match node.quote {
        Quote::Double => !new.contains(['"', '\\']),
        Quote::Single => !new.contains('\''),
        Quote::None => {
            !new.contains(": ")
                && !new.contains(" #")
                && !new.ends_with(':')
                && !new.contains(['[', ']', '{', '}', ',', '"', '\''])
                && !new.starts_with(['-', '*', '&', '!', '|', '>', '%', '@', '`', '#', '?'])
        }
        Quote::Block => false,
    };
    safe.then(|| Edit {
        range: inner,
        text: new.to_string(),
    })
}

/// Remove item `index` of a list node, with its separator: a flow list
/// (`[a, b]`, TOML and JSON arrays) loses the item and one comma; a YAML
/// block list loses the item's whole line.
pub fn remove_list_item(source: &str, list: &Node, index: usize) -> Option<Edit> {
    let Value::Array(items) = &list.value else {
        return None;
    };
    let item = items.get(index)?;
    let bytes = source.as_bytes();
    let flow = source.get(list.span.clone())?.starts_with('[');
    if !flow {
        // `  - item` on a line of its own: remove the line.
        let line_start = source[..item.span.start].rfind('\n').map_or(0, |i| i + 1);
        let prefix = &source[line_start..item.span.start];
        if prefix.trim() != "-" {
            return None;
        }
        let line_end = source[item.span.end..]
            .find('\n')
            .map_or(source.len(), |i| item.span.end + i + 1);
        if !source[item.span.end..line_end].trim().is_empty() {
            return None;
        }
        return Some(Edit {
            range: line_start..line_end,
            text: String::new(),
        });
    }
    let skip_space = |mut i: usize| {
        while i < bytes.len() && matches!(bytes[i], b' ' | b'\t') {
            i += 1;
        }
        i
    };
    // Never remove a comment with the item: only separators may go.
    let keeps_comments = |range: &Range<usize>| {
        let before = &source[range.start.min(item.span.start)..item.span.start];
        let after = &source[item.span.end.min(range.end)..range.end];
        !before.contains('#') && !after.contains('#')
    };
    let edit = if let Some(next) = items.get(index + 1) {
        // `a, b` → `b`: remove from the item to the next one.
        Edit {
            range: item.span.start..next.span.start,
            text: String::new(),
        }
    } else if index > 0 {
        // Last item: remove from the end of the previous one.
        Edit {
            range: items[index - 1].span.end..item.span.end,
            text: String::new(),
        }
    } else {
        // The only item: `[a]` → `[]`.
        let end = skip_space(item.span.end);
        let start = source[..item.span.start]
            .trim_end_matches([' ', '\t'])
            .len();
        Edit {
            range: start.max(list.span.start + 1)
                ..end.min(list.span.end.saturating_sub(1)).max(item.span.end),
            text: String::new(),
        }
    };
    keeps_comments(&edit.range).then_some(edit)
}

/// A new `key: value` line (or the format's equivalent) at the top of the
/// front matter, in the file's format and line endings. `value` is a
/// string written as a date-like or plain scalar when `bare`, else quoted.
pub fn insert_field(post: &Post, key: &str, value: &str, bare: bool) -> Option<Edit> {
    let source = &post.source;
    let nl = line_ending(source);
    let Some(fm) = &post.front_matter else {
        if post.front_matter_error.is_some() {
            return None;
        }
        // No front matter: open a YAML block at the top (after a BOM).
        let at = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let v = if bare {
            value.to_string()
        } else {
            yaml_quote(value)
        };
        return Some(Edit {
            range: at..at,
            text: format!("---{nl}{key}: {v}{nl}---{nl}"),
        });
    };
    Some(match fm.format {
        Format::Yaml => {
            let v = if bare {
                value.to_string()
            } else {
                yaml_quote(value)
            };
            top_line(fm, format!("{key}: {v}{nl}"))
        }
        Format::Toml => {
            let v = if bare {
                value.to_string()
            } else {
                json_quote(value)
            };
            top_line(fm, format!("{key} = {v}{nl}"))
        }
        Format::Json => {
            // After `{`: a new first member, indented like the next one.
            let open = fm.content.start + 1;
            let rest = &source[open..fm.content.end];
            let empty = rest.trim() == "}";
            let indent = rest
                .split('\n')
                .nth(1)
                .map(|l| &l[..l.len() - l.trim_start().len()])
                .filter(|i| !i.is_empty())
                .unwrap_or("  ");
            let comma = if empty { "" } else { "," };
            Edit {
                range: open..open,
                text: format!(
                    "{nl}{indent}{}: {}{comma}",
                    json_quote(key),
                    json_quote(value)
                ),
            }
        }
    })
}

/// An insert at the start of the block's content (right after the opening
/// delimiter line): safe in TOML, where the end may be inside a table.
fn top_line(fm: &FrontMatter, line: String) -> Edit {
    Edit {
        range: fm.content.start..fm.content.start,
        text: line,
    }
}

fn json_quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// A YAML scalar for `s`: plain when that reads back as the same string,
/// else double-quoted.
fn yaml_quote(s: &str) -> String {
    let plain_ok = !s.is_empty()
        && s.trim() == s
        && !s.contains([':', '#', '[', ']', '{', '}', ',', '"', '\'', '\n'])
        && !s.starts_with(['-', '*', '&', '!', '|', '>', '%', '@', '`', '?'])
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "~"
        )
        && s.parse::<f64>().is_err();
    if plain_ok {
        s.to_string()
    } else {
        json_quote(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Fix;
    use crate::fix::apply;
    use std::path::PathBuf;

    fn post(src: &str) -> Post {
        Post::parse(PathBuf::from("posts/a.md"), "posts/a.md".into(), src.into())
    }

    fn run(src: &str, edit: Edit) -> String {
        apply(src, &[&Fix::safe("", vec![edit])]).0
    }

    fn remove(src: &str, index: usize) -> String {
        let p = post(src);
        let list = p.field("aliases").unwrap();
        run(src, remove_list_item(src, list, index).unwrap())
    }

    #[test]
    fn removes_flow_items() {
        let src = "---\naliases: [/a/, /b/, /c/]\n---\n";
        assert_eq!(remove(src, 0), "---\naliases: [/b/, /c/]\n---\n");
        assert_eq!(remove(src, 1), "---\naliases: [/a/, /c/]\n---\n");
        assert_eq!(remove(src, 2), "---\naliases: [/a/, /b/]\n---\n");
        assert_eq!(
            remove("---\naliases: [/a/]\n---\n", 0),
            "---\naliases: []\n---\n"
        );
        let toml = "+++\naliases = [\"/a/\", '/b/']\n+++\n";
        assert_eq!(remove(toml, 1), "+++\naliases = [\"/a/\"]\n+++\n");
        let json = "{\"aliases\": [\"/a/\", \"/b/\"]}\n";
        assert_eq!(remove(json, 0), "{\"aliases\": [\"/b/\"]}\n");
    }

    #[test]
    fn never_removes_a_comment_with_an_item() {
        let src = "+++\naliases = [\n  \"/a/\", # first\n  \"/b/\",\n]\n+++\n";
        let p = post(src);
        let list = p.field("aliases").unwrap();
        // Either removal would take `# first` along: no edit.
        assert!(remove_list_item(src, list, 0).is_none());
        assert!(remove_list_item(src, list, 1).is_none());
        let plain = "+++\naliases = [\n  \"/a/\",\n  \"/b/\",\n]\n+++\n";
        let p = post(plain);
        let list = p.field("aliases").unwrap();
        assert_eq!(
            run(plain, remove_list_item(plain, list, 0).unwrap()),
            "+++\naliases = [\n  \"/b/\",\n]\n+++\n"
        );
    }

    #[test]
    fn removes_block_item_lines_keeping_crlf() {
        let src = "---\r\naliases:\r\n  - /a/\r\n  - /b/ # old\r\ntitle: x\r\n---\r\n";
        assert_eq!(
            remove(src, 0),
            "---\r\naliases:\r\n  - /b/ # old\r\ntitle: x\r\n---\r\n"
        );
        // A comment after the item: not a whole-line item, left alone.
        let p = post(src);
        assert!(remove_list_item(src, p.field("aliases").unwrap(), 1).is_none());
    }

    #[test]
    fn inserts_fields_in_each_format() {
        let cases = [
            (
                "---\ntitle: x\n---\nbody",
                "---\ndate: 2024-03-01\ntitle: x\n---\nbody",
            ),
            (
                "\u{feff}+++\r\ntitle = 'x'\r\n[params]\r\na = 1\r\n+++\r\n",
                "\u{feff}+++\r\ndate = 2024-03-01\r\ntitle = 'x'\r\n[params]\r\na = 1\r\n+++\r\n",
            ),
            (
                "{\n  \"title\": \"x\"\n}\n",
                "{\n  \"date\": \"2024-03-01\",\n  \"title\": \"x\"\n}\n",
            ),
            ("{}\n", "{\n  \"date\": \"2024-03-01\"}\n"),
            (
                "# no front matter\n",
                "---\ndate: 2024-03-01\n---\n# no front matter\n",
            ),
        ];
        for (src, want) in cases {
            let p = post(src);
            let e = insert_field(&p, "date", "2024-03-01", true).unwrap();
            let out = run(src, e);
            assert_eq!(out, want);
            assert!(post(&out).front_matter_error.is_none(), "{out}");
        }
    }

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(yaml_quote("Hello world"), "Hello world");
        assert_eq!(yaml_quote("C++: a tour"), "\"C++: a tour\"");
        assert_eq!(yaml_quote("true"), "\"true\"");
        assert_eq!(yaml_quote("2024"), "\"2024\"");
        assert_eq!(yaml_quote("- x"), "\"- x\"");
    }

    #[test]
    fn replaces_scalars_keeping_quotes() {
        let src = "---\na: \"x y\"\nb: 'z'\nc: plain\n---\n";
        let p = post(src);
        for (k, want) in [("a", "\"new\""), ("b", "'new'"), ("c", "new")] {
            let node = p.field(k).unwrap();
            let out = run(src, replace_scalar(src, node, "new").unwrap());
            assert!(out.contains(&format!("{k}: {want}\n")), "{out}");
        }
    }
}
